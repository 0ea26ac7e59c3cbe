#!/usr/bin/env bash
# Long runs of the property tests, with many more random sites and edit
# sequences than `go test` tries (see internal/proptest):
#
#   scripts/soak.sh                    # 500 seeds from a random base
#   SEEDS=2000 BASE=0 scripts/soak.sh
#
# The tests: xref's incremental Resolve against a fresh one, and the
# preview against a fresh `build --drafts` (one language, two, and while
# pages render). A failure names its seed; rerun it alone with
# NHIGLOSSARY_SEEDS=SEED+1 go test ./internal/live -run NAME.
set -euo pipefail
cd "$(dirname "$0")/.."
SEEDS=${SEEDS:-500}
BASE=${BASE:-$((RANDOM * 1000))}
echo "seeds $BASE to $((BASE + SEEDS - 1))"
export NHIGLOSSARY_SEEDS="$BASE+$SEEDS"
go test -count=1 -timeout 0 -run 'TestIncrementalResolveIsFull' ./internal/xref
# The preview's tests build every page twice a step: a tenth of the seeds.
export NHIGLOSSARY_SEEDS="$BASE+$(((SEEDS + 9) / 10))"
go test -count=1 -timeout 0 -run 'TestPreview.*EqualsAFreshBuild' ./internal/live
