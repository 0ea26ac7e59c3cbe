package main

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestGCPercent(t *testing.T) {
	for _, tc := range []struct {
		live uint64
		want int
	}{
		{0, 100},
		{smallHeap, 100},
		{(smallHeap + largeHeap) / 2, 75},
		{largeHeap, 50},
		{8 * largeHeap, 50},
	} {
		if got := gcPercent(tc.live); got != tc.want {
			t.Errorf("gcPercent(%d MiB) = %d, want %d", tc.live>>20, got, tc.want)
		}
	}
	// The heap's goal grows with the live heap: it never shrinks by more
	// than a whole percent's rounding (GOGC is an integer).
	goal := func(live uint64) uint64 { return live + live*uint64(gcPercent(live))/100 }
	for live := uint64(0); live < 2*largeHeap; live += 1 << 20 {
		if next := goal(live + 1<<20); next+live/100 < goal(live) {
			t.Fatalf("the goal shrinks from %d to %d MiB of live heap", live>>20, live>>20+1)
		}
	}
}

// After a collection, a build's GOGC is its live heap's; once the build
// stops it, GOGC is what it was and stays so.
func TestAdaptGCSetsGOGCAfterACollection(t *testing.T) {
	t.Setenv("GOGC", "")
	defer debug.SetGCPercent(debug.SetGCPercent(33))
	stop := adaptGC()
	debug.SetGCPercent(7) // what adaptGC must replace
	if !eventually(func() bool { return gogc() != 7 }) {
		stop()
		t.Fatal("GOGC was not set after a collection")
	}
	if got := gogc(); got != 100 { // a test's live heap is small
		t.Errorf("GOGC %d after a collection, want 100", got)
	}
	stop()
	if got := gogc(); got != 33 {
		t.Errorf("GOGC %d after stop, want 33 as before", got)
	}
	debug.SetGCPercent(7)
	if eventually(func() bool { return gogc() != 7 }) {
		t.Errorf("GOGC changed to %d after stop", gogc())
	}
}

// gogc is the current GOGC.
func gogc() int {
	p := debug.SetGCPercent(-1)
	debug.SetGCPercent(p)
	return p
}

// eventually reports whether ok holds after one of a few collections.
func eventually(ok func() bool) bool {
	for range 20 {
		runtime.GC()
		time.Sleep(10 * time.Millisecond) // cleanups run on their own goroutine
		if ok() {
			return true
		}
	}
	return false
}
