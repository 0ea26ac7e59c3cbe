#!/usr/bin/env bash
# Builds the synthetic corpus of scripts/gencorpus at several
# sizes with nhiglossary and with Hugo, and prints wall time and peak
# memory (max RSS) of each build, side by side.
#
#   scripts/bench-build.sh              # 1k, 10k and 50k terms
#   SIZES="1000 10000" scripts/bench-build.sh
#   OUT=/dev/shm SIZES=10000 scripts/bench-build.sh   # write to tmpfs
#
# Needs GNU time (apt-get install time) and Hugo (apt-get install hugo).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"1000 10000 50000"}
RUNS=${RUNS:-3}
WORK=${WORK:-/tmp/nhiglossary-bench}
OUT=${OUT:-$WORK}   # where the sites are written: OUT=/dev/shm leaves the disk out
mkdir -p "$WORK"
for tool in hugo /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y hugo time)" >&2; exit 1; }
done
go build -o "$WORK/nhiglossary" ./cmd/nhiglossary
go build -o "$WORK/gencorpus" ./scripts/gencorpus

# Old outputs are moved aside, not deleted, until the end: deleting
# thousands of files on this machine's ext4 (mounted with discard) makes
# creating files slow for a minute afterwards, which would charge the
# next run, whichever tool it is, for the last one's cleanup.
TRASH=$OUT/.bench-trash
if [ -d "$TRASH" ]; then
  echo "deleting $TRASH from an earlier run; waiting 60 s for the disk to settle" >&2
  rm -rf "$TRASH"; sync; sleep 60
fi
mkdir -p "$TRASH"
trap 'rm -rf "$TRASH"' EXIT

# measure LABEL OUT CMD...: best wall time and its peak RSS over $RUNS
# runs, each a clean build into a folder that does not exist, so neither
# tool pays for deleting or overwriting the last one.
measure() {
  local label=$1 out=$2; shift 2
  local best="" best_rss="" best_cpu=""
  for _ in $(seq "$RUNS"); do
    if [ -e "$out" ]; then mv "$out" "$(mktemp -d "$TRASH/XXXXXX")/"; fi
    sync
    /usr/bin/time -f "%e %M %U %S" -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/err.txt" || { cat "$WORK/err.txt" >&2; exit 1; }
    read -r secs kb user sys < "$WORK/time.txt"
    if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then best=$secs; best_rss=$kb; best_cpu=$(awk "BEGIN{print $user+$sys}"); fi
  done
  printf '%-28s %8.2f s %8.0f MiB %8.1f s CPU\n' "$label" "$best" "$(awk "BEGIN{print $best_rss/1024}")" "$best_cpu"
  echo "$best"
}

printf '%-28s %10s %12s %12s\n' "build" "wall" "peak RSS" "user+sys"
for n in $SIZES; do
  ours=$WORK/ours-$n hugo=$WORK/hugo-$n
  [ -d "$ours" ] || "$WORK/gencorpus" -terms "$n" -out "$ours"
  [ -d "$hugo" ] || "$WORK/gencorpus" -terms "$n" -out "$hugo" -hugo
  t_ours=$(measure "nhiglossary $n terms" "$OUT/out-ours-$n" "$WORK/nhiglossary" build --src "$ours" --out "$OUT/out-ours-$n" | tee /dev/stderr | tail -1)
  t_hugo=$(measure "hugo $n terms" "$OUT/out-hugo-$n" hugo --quiet -s "$hugo" -d "$OUT/out-hugo-$n" | tee /dev/stderr | tail -1)
  printf '%-28s %8.1fx faster than hugo\n' "ratio $n terms" "$(awk "BEGIN{print $t_hugo/$t_ours}")"
done 2>&1 | grep -v '^[0-9.]*$'
