package live

import (
	"sync"

	"github.com/nhimg/nhiglossary/internal/xref"
)

// shownIndex is which rendered pages showed each fact, by output path:
// an edit that changes few facts finds the pages it makes stale without
// looking at every page. A path's entry is the last page rendered there
// that was still current when it finished. When a page renders again in
// its place, the index changes by the difference of their facts only: a
// list of every term renders again after many edits, with the same ten
// thousand facts but one.
//
// Its methods expect mu held. A render indexes its page and marks it
// done under mu, and install reads which pages are done and stale, and
// publishes the new set, under it: so install sees every page either
// done and indexed or not done, and never waits for a render to finish.
type shownIndex struct {
	mu       sync.Mutex
	byFact   map[xref.Fact]map[string]struct{}
	byPath   map[string]*page           // whose facts byFact holds for the path
	mentions *xref.MentionIndex[string] // the Markdown of pages that have some (page.mentions), by path
	failed   map[string]struct{}
}

func newShownIndex() *shownIndex {
	return &shownIndex{
		byFact: map[xref.Fact]map[string]struct{}{}, byPath: map[string]*page{},
		mentions: xref.NewMentionIndex[string](), failed: map[string]struct{}{},
	}
}

// add indexes a page that rendered, in place of the page its path had.
func (ix *shownIndex) add(p *page) {
	path := p.job.Path
	var before []xref.Fact
	if o := ix.byPath[path]; o != nil {
		before = o.facts
	}
	// Both are sorted (render.Deps): one merge finds the difference.
	after := p.facts
	for len(before)+len(after) > 0 {
		switch {
		case len(after) == 0 || len(before) > 0 && before[0].Compare(after[0]) < 0:
			ix.unlink(before[0], path)
			before = before[1:]
		case len(before) == 0 || before[0].Compare(after[0]) > 0:
			ps := ix.byFact[after[0]]
			if ps == nil {
				ps = map[string]struct{}{}
				ix.byFact[after[0]] = ps
			}
			ps[path] = struct{}{}
			after = after[1:]
		default:
			before, after = before[1:], after[1:]
		}
	}
	ix.byPath[path] = p
	if !p.mentions.Empty() {
		ix.mentions.Set(path, p.lang, &p.mentions)
	} else {
		ix.mentions.Delete(path)
	}
	if p.err != nil {
		ix.failed[path] = struct{}{}
	} else {
		delete(ix.failed, path)
	}
}

func (ix *shownIndex) unlink(f xref.Fact, path string) {
	if ps := ix.byFact[f]; ps != nil {
		delete(ps, path)
		if len(ps) == 0 {
			delete(ix.byFact, f)
		}
	}
}

// reset forgets every page (they are all replaced).
func (ix *shownIndex) reset() {
	clear(ix.byFact)
	clear(ix.byPath)
	ix.mentions.Clear()
	clear(ix.failed)
}

// forget forgets what the path of p, which the site no longer has,
// showed. (A render of p that finishes later is not indexed: it is no
// longer current, see page.render.)
func (ix *shownIndex) forget(p *page) {
	path := p.job.Path
	if o := ix.byPath[path]; o != nil {
		for _, f := range o.facts {
			ix.unlink(f, path)
		}
	}
	delete(ix.byPath, path)
	ix.mentions.Delete(path)
	delete(ix.failed, path)
}

// stale is every indexed path whose page may differ after changes: it
// showed a changed fact or a changed name, or its render failed.
func (ix *shownIndex) stale(changes *xref.Changes) map[string]struct{} {
	out := map[string]struct{}{}
	for _, f := range changes.Facts() {
		for path := range ix.byFact[f] {
			out[path] = struct{}{}
		}
	}
	for path := range ix.failed {
		out[path] = struct{}{}
	}
	stale := func(path string) bool { _, ok := out[path]; return ok }
	for _, path := range ix.mentions.Mentioning(changes, stale) {
		out[path] = struct{}{}
	}
	return out
}
