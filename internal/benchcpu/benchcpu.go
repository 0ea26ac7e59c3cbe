// Package benchcpu lets benchmarks report the CPU time they used: on a
// shared machine it says more than the wall time.
package benchcpu

import (
	"testing"
	"time"
)

// Report reports the CPU time per op since start (a Time()) as
// "cpu-ns/op", when the platform can tell.
func Report(b *testing.B, start time.Duration) {
	if now := Time(); now > 0 {
		b.ReportMetric(float64(now-start)/float64(b.N), "cpu-ns/op")
	}
}
