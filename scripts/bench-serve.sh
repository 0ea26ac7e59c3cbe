#!/usr/bin/env bash
# Live preview latency: the time from writing a term file to the change
# being on screen in headless Chromium, for `nhiglossary serve` and for
# `hugo server` on the same content (scripts/gencorpus), median
# of several edits. KINDS says which edits (scripts/benchserve/kinds.go):
# prose (the default), summary, link, title, newterm; Hugo does prose only.
# See BENCHMARKS.md, "Live preview".
#
#   scripts/bench-serve.sh                 # 10k terms, 9 prose edits each
#   TERMS=1000 EDITS=5 scripts/bench-serve.sh
#   TOOLS=nhiglossary KINDS="prose summary link title newterm" EDITS=5 scripts/bench-serve.sh
#
# Needs Debian's chromium and hugo (apt-get install -y chromium hugo).
set -euo pipefail
cd "$(dirname "$0")/.."
TERMS=${TERMS:-10000}
EDITS=${EDITS:-9}
TOOLS=${TOOLS:-"nhiglossary hugo"}
KINDS=${KINDS:-prose}
WORK=${WORK:-/tmp/nhiglossary-bench-serve}
TERM_SLUG=${TERM_SLUG:-}
mkdir -p "$WORK"
for tool in /usr/bin/chromium; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y chromium)" >&2; exit 1; }
done
go build -o "$WORK/nhiglossary" ./cmd/nhiglossary
go build -o "$WORK/benchserve" ./scripts/benchserve
go build -o "$WORK/gencorpus" ./scripts/gencorpus

# Fresh copies each run: the benchmark edits them.
ours=$WORK/ours-$TERMS hugo=$WORK/hugo-$TERMS
rm -rf "$ours" "$hugo"
"$WORK/gencorpus" -terms "$TERMS" -out "$ours"
case " $TOOLS " in *" hugo "*) "$WORK/gencorpus" -terms "$TERMS" -out "$hugo" -hugo ;; esac
# The term edited: the first one, unless TERM_SLUG says otherwise.
terms=("$ours"/content/terms/*.md)
slug=${TERM_SLUG:-$(basename "${terms[0]}" .md)}
echo "corpus: $TERMS terms; $EDITS edits of each kind ($KINDS) about content/terms/$slug.md; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
kinds=$(echo $KINDS | tr ' ' ,)

for tool in $TOOLS; do
  case $tool in
    nhiglossary) "$WORK/benchserve" -tool nhiglossary -bin "$WORK/nhiglossary" -site "$ours" -term "$slug" -kind "$kinds" -edits "$EDITS" ;;
    hugo)
      command -v hugo >/dev/null || { echo "missing hugo (apt-get install -y hugo)" >&2; exit 1; }
      [ "$kinds" = prose ] || echo "hugo: prose edits only (the other kinds are not supported for hugo)"
      "$WORK/benchserve" -tool hugo -bin hugo -site "$hugo" -term "$slug" -edits "$EDITS" ;;
    *) echo "unknown tool $tool" >&2; exit 2 ;;
  esac
done
