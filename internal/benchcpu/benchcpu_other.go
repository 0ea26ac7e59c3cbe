//go:build !unix

package benchcpu

import "time"

// Time is 0 where getrusage is missing: benchmarks then report no CPU time.
func Time() time.Duration { return 0 }
