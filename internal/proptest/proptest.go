// Package proptest gives property tests their seeds: a fixed few by
// default, so that `go test` is quick and repeatable, and as many as
// NHIGLOSSARY_SEEDS asks for in a long run (scripts/soak.sh):
//
//	NHIGLOSSARY_SEEDS=500        seeds 0 to 499
//	NHIGLOSSARY_SEEDS=1000+500   seeds 1000 to 1499
//
// A failure names its seed; NHIGLOSSARY_SEEDS=SEED+1 runs it again alone.
package proptest

import (
	"fmt"
	"iter"
	"os"
	"strconv"
	"strings"
	"testing"
)

// Seeds yields the seeds a property test runs with: 0 to n-1, or those
// NHIGLOSSARY_SEEDS names.
func Seeds(t testing.TB, n int) iter.Seq[uint64] {
	t.Helper()
	from := uint64(0)
	if s := os.Getenv("NHIGLOSSARY_SEEDS"); s != "" {
		var err error
		if from, n, err = parse(s); err != nil {
			t.Fatalf("NHIGLOSSARY_SEEDS: %v", err)
		}
		t.Logf("seeds %d to %d", from, from+uint64(n)-1)
	}
	return func(yield func(uint64) bool) {
		for i := range uint64(n) {
			if !yield(from + i) {
				return
			}
		}
	}
}

// parse reads "N" or "BASE+N".
func parse(s string) (from uint64, n int, err error) {
	base, count, ok := strings.Cut(s, "+")
	if !ok {
		base, count = "0", s
	}
	from, err1 := strconv.ParseUint(base, 10, 64)
	n, err2 := strconv.Atoi(count)
	if err1 != nil || err2 != nil || n < 1 {
		return 0, 0, fmt.Errorf("%q: want N or BASE+N, N at least 1", s)
	}
	return from, n, nil
}
