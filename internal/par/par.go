// Package par runs independent pieces of work on every core: the one
// worker pool of the generator (loading files, resolving names,
// rendering pages).
package par

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// Workers is how many goroutines Do runs.
func Workers() int { return runtime.GOMAXPROCS(0) }

// Do calls f(w, i) for every i in [0, n), on Workers goroutines; w is the
// worker's number, below Workers(), for scratch space of its own. Items
// are handed out in order, so the first ones start first. Do stops
// handing them out when ctx ends or f returns an error, and returns the
// first error (or ctx's).
func Do(ctx context.Context, n int, f func(w, i int) error) error {
	var next atomic.Int64
	var once sync.Once
	var first error
	var failed atomic.Bool
	var wg sync.WaitGroup
	for w := range min(Workers(), max(n, 1)) {
		wg.Go(func() {
			for !failed.Load() {
				if err := ctx.Err(); err != nil {
					once.Do(func() { first = err })
					failed.Store(true)
					return
				}
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				if err := f(w, i); err != nil {
					once.Do(func() { first = err })
					failed.Store(true)
					return
				}
			}
		})
	}
	wg.Wait()
	return first
}
