#!/usr/bin/env bash
# Builds the synthetic corpus of ../shared/bench/gencorpus.py at several
# sizes with nhiglossary and with Hugo, and prints wall time and peak
# memory (max RSS) of each build, side by side.
#
#   scripts/bench-build.sh              # 1k, 10k and 50k terms
#   SIZES="1000 10000" scripts/bench-build.sh
#
# Needs python3, GNU time (apt-get install time) and Hugo (apt-get install hugo).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"1000 10000 50000"}
RUNS=${RUNS:-3}
GEN=${GEN:-../shared/bench/gencorpus.py}
WORK=${WORK:-/tmp/nhiglossary-bench}
mkdir -p "$WORK"
for tool in python3 hugo /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y hugo time python3)" >&2; exit 1; }
done
go build -o "$WORK/nhiglossary" ./cmd/nhiglossary

# measure LABEL CMD...: best wall time and its peak RSS over $RUNS runs.
measure() {
  local label=$1; shift
  local best="" best_rss=""
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/err.txt" || { cat "$WORK/err.txt" >&2; exit 1; }
    read -r secs kb < "$WORK/time.txt"
    if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then best=$secs; best_rss=$kb; fi
  done
  printf '%-28s %8.2f s %8.0f MiB\n' "$label" "$best" "$(awk "BEGIN{print $best_rss/1024}")"
  echo "$best"
}

printf '%-28s %10s %12s\n' "build" "wall" "peak RSS"
for n in $SIZES; do
  ours=$WORK/ours-$n hugo=$WORK/hugo-$n
  [ -d "$ours" ] || python3 "$GEN" --terms "$n" --out "$ours" >/dev/null
  [ -d "$hugo" ] || python3 "$GEN" --terms "$n" --out "$hugo" --hugo >/dev/null
  rm -rf "$WORK/out-ours-$n" "$WORK/out-hugo-$n"
  t_ours=$(measure "nhiglossary $n terms" "$WORK/nhiglossary" build --src "$ours" --out "$WORK/out-ours-$n" | tee /dev/stderr | tail -1)
  t_hugo=$(measure "hugo $n terms" hugo --quiet -s "$hugo" -d "$WORK/out-hugo-$n" | tee /dev/stderr | tail -1)
  printf '%-28s %8.1fx faster than hugo\n' "ratio $n terms" "$(awk "BEGIN{print $t_hugo/$t_ours}")"
done 2>&1 | grep -v '^[0-9.]*$'
