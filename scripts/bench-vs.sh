#!/usr/bin/env bash
# Compares this checkout's `build` with an earlier revision's on the
# synthetic corpus, runs interleaved (old, new, old, new...) so that both
# binaries see the same machine, output into tmpfs so that the disk is
# left out. Prints the median wall time, the median CPU (user + system)
# and the largest peak RSS of each binary at each size.
#
#   BASE=a07a5a3 scripts/bench-vs.sh                    # 10k terms, 4 runs each
#   BASE=HEAD~3 SIZES="10000 50000" RUNS=3 scripts/bench-vs.sh
#   BASE=a07a5a3 PATCH=scripts/a07a5a3-no-fast-yaml.patch scripts/bench-vs.sh
#
# PATCH is applied to the earlier revision before it is built: the patch
# above turns off a07a5a3's hand-written YAML path, which the synthetic
# corpus took and the bundled glossary's files never did (issue 10 had it
# deleted), to compare with the old binary as real content ran it.
#
# Needs GNU time (apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${BASE:?set BASE to the revision to compare with, e.g. BASE=a07a5a3}
PATCH=${PATCH:-}
SIZES=${SIZES:-10000}
RUNS=${RUNS:-4}
WORK=${WORK:-/dev/shm/nhiglossary-vs}
command -v /usr/bin/time >/dev/null || { echo "missing GNU time (apt-get install -y time)" >&2; exit 1; }
mkdir -p "$WORK"

go build -o "$WORK/new" ./cmd/nhiglossary
go build -o "$WORK/gencorpus" ./scripts/gencorpus
rm -rf "$WORK/base-src"
git worktree prune # a run killed before its cleanup leaves the worktree registered
git worktree add -q --detach "$WORK/base-src" "$BASE"
trap 'git worktree remove --force "$WORK/base-src"' EXIT
[ -z "$PATCH" ] || git -C "$WORK/base-src" apply "$PWD/$PATCH"
(cd "$WORK/base-src" && go build -o "$WORK/old" ./cmd/nhiglossary)

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

printf '%-8s %-10s %10s %10s %12s\n' terms binary "wall" "CPU" "peak RSS"
for n in $SIZES; do
  src=$WORK/corpus-$n
  [ -d "$src" ] || "$WORK/gencorpus" -terms "$n" -out "$src" >/dev/null
  : >"$WORK/old.txt"; : >"$WORK/new.txt"
  for _ in $(seq "$RUNS"); do
    for b in old new; do
      rm -rf "$WORK/out"
      /usr/bin/time -f "%e %U %S %M" -a -o "$WORK/$b.txt" "$WORK/$b" build --src "$src" --out "$WORK/out" >/dev/null 2>"$WORK/err.txt" ||
        { cat "$WORK/err.txt" >&2; exit 1; }
    done
  done
  for b in old new; do
    wall=$(awk '{print $1}' "$WORK/$b.txt" | median)
    cpu=$(awk '{print $2+$3}' "$WORK/$b.txt" | median)
    rss=$(awk 'BEGIN{m=0} {if ($4>m) m=$4} END {print m/1024}' "$WORK/$b.txt")
    label=$b; [ "$b" = old ] && label="$BASE${PATCH:+*}"
    printf '%-8s %-10s %8.2f s %8.1f s %8.0f MiB\n' "$n" "$label" "$wall" "$cpu" "$rss"
  done
  rm -rf "$WORK/out"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
