#!/usr/bin/env bash
# lighthouse.sh: Lighthouse (npm, default mobile throttling) on the bundled
# glossary's home, a term, a framework, the A-Z index and a search page,
# served from loopback with Debian's chromium. It prints the four category
# scores per page; run it on a quiet machine, as the performance score
# depends on the CPU.
#
#   scripts/lighthouse.sh          # work files in $WORK (/tmp/lighthouse-work)
set -euo pipefail
cd "$(dirname "$0")/.."
work=${WORK:-/tmp/lighthouse-work}
mkdir -p "$work"
if [ ! -x "$work/npm/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$work/npm"
  (cd "$work/npm" && npm install --no-audit --no-fund lighthouse@12 >/dev/null)
fi
go run ./cmd/nhiglossary build --out "$work/site" --base-url http://127.0.0.1:8765/ >/dev/null
python3 -m http.server 8765 --bind 127.0.0.1 --directory "$work/site" >/dev/null 2>&1 &
server=$!
trap 'kill $server' EXIT
sleep 1
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
for page in / /terms/api-key/ /frameworks/owasp-nhi-top-10/ /terms/ "/search/?q=rotation"; do
  rm -f "$work/report.json" # a failed run must not print the last page's scores
  "$work/npm/node_modules/.bin/lighthouse" "http://127.0.0.1:8765$page" --quiet \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync" \
    --only-categories=performance,accessibility,best-practices,seo --output=json --output-path="$work/report.json" >/dev/null 2>&1 || true
  python3 - "$page" "$work/report.json" <<'PY'
import json, os, sys
if not os.path.exists(sys.argv[2]):
    print(f"{sys.argv[1]:32} lighthouse failed: no report")
    sys.exit(0)
r = json.load(open(sys.argv[2]))
c = r["categories"]
s = " ".join(f"{k}={round(v['score']*100) if v['score'] is not None else '-'}" for k, v in c.items())
fails = [a["id"] for a in r["audits"].values() if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") == "binary"]
print(f"{sys.argv[1]:32} {s}  CLS={r['audits']['cumulative-layout-shift']['displayValue']}  failing: {', '.join(fails[:8]) or 'none'}")
PY
done
