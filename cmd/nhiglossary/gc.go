package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// A build's memory is mostly its live heap: the site, resolved, and the
// pages being written. The garbage collector lets the heap grow by
// GOGC percent of the live heap before collecting again: more headroom
// is less CPU, less is less memory. A small site can afford Go's
// default (the heap doubles); a large one collects at 1.5 times its live
// heap, as every build did before, so that a 50,000-term site stays near
// 1 GiB. Between the two the percentage falls with the live heap, so
// that the heap's goal grows steadily.
const (
	smallHeap = 128 << 20 // up to here, GOGC 100
	largeHeap = 256 << 20 // from here, GOGC 50
)

// gcPercent is the GOGC a build collects with at a live heap of live
// bytes.
func gcPercent(live uint64) int {
	switch {
	case live <= smallHeap:
		return 100
	case live >= largeHeap:
		return 50
	}
	return 100 - int(50*(live-smallHeap)/(largeHeap-smallHeap))
}

// adaptGC sets GOGC from the live heap after every collection, until
// stop is called (a build's end), which puts back the GOGC it found. GOGC
// in the environment wins.
func adaptGC() (stop func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var mu sync.Mutex // a cleanup under way finishes before stop restores
	stopped := false
	// A cleanup runs once its object is collected: each one arms the
	// next, so one runs after every collection. (The object holds a
	// pointer: the tiny allocator, whose objects may never be cleaned
	// up, takes only pointer-free ones.)
	type sentinel struct{ _ *byte }
	var arm func()
	arm = func() {
		runtime.AddCleanup(new(sentinel), func(struct{}) {
			mu.Lock()
			defer mu.Unlock()
			if stopped {
				return
			}
			metrics.Read(sample)
			if sample[0].Value.Kind() == metrics.KindUint64 {
				debug.SetGCPercent(gcPercent(sample[0].Value.Uint64()))
			}
			arm()
		}, struct{}{})
	}
	before := debug.SetGCPercent(gcPercent(0))
	arm()
	return func() {
		mu.Lock()
		defer mu.Unlock()
		stopped = true
		debug.SetGCPercent(before)
	}
}
