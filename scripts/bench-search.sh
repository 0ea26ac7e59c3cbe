#!/usr/bin/env bash
# bench-search.sh: search at 10k terms, ours against Pagefind 1.x, in a
# headless Chromium (see scripts/benchsearch), and the index's share of
# the build time. Numbers go to BENCHMARKS.md by hand.
#
#   scripts/bench-search.sh [TERMS]      # default 10000; work files in $WORK (/tmp/benchsearch-work)
#   REUSE=1 scripts/bench-search.sh      # keep the corpus and Pagefind's index of an earlier run
#   INDEXTIME=0 scripts/bench-search.sh  # skip the build-time part (three more builds)
set -euo pipefail
cd "$(dirname "$0")/.."
terms=${1:-10000}
work=${WORK:-/tmp/benchsearch-work}
mkdir -p "$work"

reuse=${REUSE:-}
[ -d "$work/pf/pagefind" ] || reuse=

if [ -z "$reuse" ]; then
echo "== corpus: $terms terms"
# The corpus has no abbreviations: three terms get the initials of their
# title plus X, so that abbreviation queries have something to find.
go run ./scripts/gencorpus -terms "$terms" -out "$work/corpus" -abbreviations 3
grep -h '^abbreviations:' "$work"/corpus/content/terms/*.md
fi

echo "== our build"
go build -o "$work/nhiglossary" ./cmd/nhiglossary
go build -o "$work/benchsearch" ./scripts/benchsearch
rm -rf "$work/ours"
/usr/bin/time -f "%e s, %M KB max RSS" "$work/nhiglossary" build --src "$work/corpus" --out "$work/ours"
ls -l "$work"/ours/search/names.*.txt
echo "names index gzip: $(gzip -6c "$work"/ours/search/names.*.txt | wc -c) bytes; search.js gzip: $(gzip -6c assets/search.js | wc -c) bytes"

if [ -z "$reuse" ]; then
echo "== Pagefind over the same output"
if [ ! -x "$work/npm/node_modules/.bin/pagefind" ]; then
  mkdir -p "$work/npm"
  (cd "$work/npm" && npm install --no-audit --no-fund pagefind@1 >/dev/null)
fi
(cd "$work/npm" && npx pagefind --version)
rm -rf "$work/pf"
cp -r "$work/ours" "$work/pf"
/usr/bin/time -f "%e s, %M KB max RSS" "$work/npm/node_modules/.bin/pagefind" --site "$work/pf" >"$work/pagefind.log"
tail -3 "$work/pagefind.log"
fi

for delay in 0 300ms; do
  echo "== search in Chromium, query typed $delay after focusing the box (median of 3 first searches per query); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  "$work/benchsearch" -ours "$work/ours" -base /glossary/ -pagefind "$work/pf" -delay "$delay"
done
[ "${INDEXTIME:-1}" = 0 ] && exit 0

echo "== the index's share of the build; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$work/benchsearch" -indextime -src "$work/corpus" -runs 3
