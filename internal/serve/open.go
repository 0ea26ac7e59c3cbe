package serve

import (
	"sync"

	"github.com/nhimg/nhiglossary/internal/live"
)

// openPages counts, for each output path, the browsers that show it now
// (their event streams say which page they show).
type openPages struct {
	mu    sync.Mutex
	count map[string]int
}

func (o *openPages) add(p string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.count == nil {
		o.count = map[string]int{}
	}
	o.count[p]++
}

func (o *openPages) done(p string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.count[p]--; o.count[p] <= 0 {
		delete(o.count, p)
	}
}

func (o *openPages) has(p string) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.count[p] > 0
}

// toWarm is the output paths an update changed that a browser shows, or
// will show once it follows a moved term: each browser asks for its page
// again within moments of hearing of the change, and rendering it while
// the browser unloads and reconnects takes the render off what the
// reader waits for.
func toWarm(ch *live.Change, open func(string) bool) []string {
	if ch.Err != nil || ch.Full {
		return nil // every page changed: the browsers' pages render as they ask
	}
	var out []string
	for _, p := range ch.Pages {
		if open(p) {
			out = append(out, p)
		}
	}
	for from, to := range ch.Moved {
		if to != "" && open(from) {
			out = append(out, to)
		}
	}
	return out
}
