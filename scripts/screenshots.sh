#!/bin/sh
# Regenerate docs/screenshots/*.png: the home, a term and a framework page,
# at 360 and 1280 px wide, light and dark, from the repository's own
# content (the browser tests' small site if that does not build).
# Needs Chromium: apt-get install -y chromium.
#
#   scripts/screenshots.sh [SITE_FOLDER]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
src=$(cd "${1:-$root}" && pwd)
cd "$root"
NHIGLOSSARY_REQUIRE_BROWSER=1 go test ./internal/browsertest -run '^TestScreenshots$' -count=1 -v \
	-args -screenshots "$root/docs/screenshots" -screenshot-src "$src"
