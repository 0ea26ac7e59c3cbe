#!/usr/bin/env bash
# Runs every fuzz target of the repository, one after another, each for
# FUZZTIME (go test runs only their seed inputs):
#
#   scripts/fuzz.sh                  # 1 minute each
#   FUZZTIME=10m scripts/fuzz.sh     # before a release
#   FUZZTIME=30s PKGS=./internal/search scripts/fuzz.sh
#
# A failure leaves its input in the package's testdata/fuzz folder; add
# it to the repository so that `go test` keeps trying it.
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZTIME=${FUZZTIME:-1m}
PKGS=${PKGS:-./...}
for pkg in $(go list $PKGS); do # PKGS may name several
  for target in $(go test -list '^Fuzz' "$pkg" | grep '^Fuzz' || true); do
    echo "== $pkg $target ($FUZZTIME)"
    go test -run '^$' -fuzz "^$target\$" -fuzztime "$FUZZTIME" "$pkg"
  done
done
