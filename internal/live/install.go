package live

import (
	"maps"
	"slices"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/render"
	"github.com/nhimg/nhiglossary/internal/xref"
)

// install makes next the current state. A page keeps its output when it
// was rendered and none of the facts it showed changed (changes is nil
// when everything did); the others render again from next, when asked
// for. Which pages showed a changed fact, the index says: install asks
// no job what it declares (a declaration changes only with a fact it
// declares: see render's declaration, which Job.RenderDeps reports).
// When next is the current state (an edit in place), only the pages the
// index names are looked at, and the pages not rendered yet (which the
// index cannot name) are carried over.
//
// It does not wait for the renders under way (a site-wide file takes a
// second at 10,000 terms): on a rebuild, a page that is not done when
// install looks is replaced by one that renders from next, and a page
// whose render began may have been served, so its path changes version.
// (An edit in place carries its pages not done over as they are: the
// content lock makes them render the new text.)
func (l *Live) install(ch *Change, next *state, changes *xref.Changes) {
	// No page finishes rendering while install reads which pages are
	// done and which the index says are stale: one that did in between
	// would be kept with the old version's output.
	l.shown.mu.Lock()
	defer l.shown.mu.Unlock()
	l.gen++
	old := l.pages.Load()
	var ps *pageSet
	lost := true // whether some of old's paths may not be in ps
	switch {
	case changes == nil:
		ps = &pageSet{byPath: make(map[string]*page, next.n)}
		for path, j := range next.jobs() {
			ps.add(path, &page{gen: l.gen, job: j})
			ch.Pages = append(ch.Pages, path)
		}
		l.shown.reset()
	case next == l.lastGood:
		ps = &pageSet{byPath: maps.Clone(old.byPath)}
		for path, o := range old.todo {
			if !o.done.Load() {
				ps.add(path, o)
			}
		}
		lost = false // an edit in place keeps every path
		for path := range l.shown.stale(changes) {
			o := ps.byPath[path]
			if o == nil || !o.done.Load() {
				continue // not rendered: it renders from this version
			}
			// A page kept through an earlier edit has that version's
			// job: render from this one's.
			ps.add(path, &page{gen: l.gen, job: next.jobs()[path]})
			ch.Pages = append(ch.Pages, path)
		}
	default:
		stale := l.shown.stale(changes)
		if look, gone, ok := pathChanges(l.lastGood, next, old.byPath, stale, old.todo); ok {
			// Most pages keep their paths: the map is old's, with the
			// pages that went taken out and those that may change
			// looked at.
			ps = &pageSet{byPath: maps.Clone(old.byPath), todo: make(map[string]*page, len(look))}
			for _, path := range gone {
				l.shown.forget(old.byPath[path])
				delete(ps.byPath, path)
				ch.Removed = append(ch.Removed, path)
			}
			for _, j := range look {
				l.installPage(ch, ps, old, stale, j)
			}
			lost = false // the ones that went are dealt with
			break
		}
		ps = &pageSet{byPath: make(map[string]*page, next.n)}
		kept := 0 // jobs whose path old has
		for j := range next.each() {
			if old.byPath[j.Path] != nil {
				kept++
			}
			l.installPage(ch, ps, old, stale, j)
		}
		// When two jobs had one path, the count says nothing.
		lost = kept != len(old.byPath) || len(ps.byPath) != next.n
	}
	if lost {
		for path, o := range old.byPath {
			if ps.byPath[path] == nil {
				ch.Removed = append(ch.Removed, path)
				l.shown.forget(o)
			}
		}
	}
	slices.Sort(ch.Pages)
	ch.Pages = slices.Compact(ch.Pages) // two jobs may share a path
	slices.Sort(ch.Removed)
	l.dropText(next)
	ch.Full = changes == nil || changes.Has(xref.Fact{Kind: xref.Settings})
	l.pages.Store(ps)
	l.search.Store(&searchBundle{l: l, st: next, ps: ps, gen: l.gen})
	l.lastGood = next
	l.ok, l.err = true, nil
}

// installPage puts job j's page in ps: old's, if it was rendered and is
// not stale, else one that renders from j.
func (l *Live) installPage(ch *Change, ps *pageSet, old *pageSet, stale map[string]struct{}, j render.Job) {
	path := j.Path
	o := old.byPath[path]
	_, maybeTodo := old.todo[path] // else rendered: no need to look at the page
	switch {
	case o == nil:
	case maybeTodo && !o.done.Load():
		if !o.started.Load() {
			// Never served: it renders from next, under its old version.
			ps.add(path, &page{gen: o.gen, job: j})
			return
		}
		// Rendering from the old version, for a request that will show it.
	default:
		if _, ok := stale[path]; !ok {
			// (Only a term's page has a term: the others' need
			// not be looked at.)
			if j.Term != nil && o.job.Term != j.Term {
				// The same term in a new object: a translation
				// merged anew (content.Site.Localize). Its text
				// goes with it.
				l.moveText(o.job.Term, j.Term)
				o = o.withJob(j)
				l.shown.add(o)
			}
			ps.byPath[path] = o
			return
		}
	}
	if o != nil {
		if o.job.Term != j.Term {
			l.moveText(o.job.Term, nil) // its page renders the new term's
		}
	}
	ps.add(path, &page{gen: l.gen, job: j})
	ch.Pages = append(ch.Pages, path)
}

// maxResync is how far pathChanges looks ahead for where two lists of
// jobs meet again after pages came or went.
const maxResync = 8

// pathChanges compares the paths of next's jobs with last's, list by
// list: where the two lists have the same path, the page keeps it; the
// jobs between went (gone, if next has the path nowhere else) or came. It
// returns the jobs of next whose page may change: those in between,
// stale, not rendered yet (todo), or of a term in a new object (a page's
// job has last's term object: install gives it next's when they differ).
// ok is false when next's lists are not last's in number, or a path is
// in two jobs: then every page is looked at.
func pathChanges(last, next *state, lastPages map[string]*page, stale map[string]struct{}, todo map[string]*page) (look []render.Job, gone []string, ok bool) {
	if last == nil || len(last.lists) != len(next.lists) {
		return nil, nil, false
	}
	// A page of todo that rendered since is looked at as any other: after
	// a full rebuild todo is every page, all of them rendered by the
	// first edit.
	pending := map[string]struct{}{}
	for path, p := range todo {
		if !p.done.Load() {
			pending[path] = struct{}{}
		}
	}
	lookup := len(stale)+len(pending) > 0
	same := func(j render.Job, was *render.Job) {
		if was.Term != j.Term {
			look = append(look, j)
		} else if lookup {
			_, s := stale[j.Path]
			_, t := pending[j.Path]
			if s || t {
				look = append(look, j)
			}
		}
	}
	went := map[string]bool{} // last's paths that did not meet: true while next has the path nowhere
	var came []render.Job
	for i, js := range next.lists {
		old := last.lists[i]
		a, b := 0, 0 // in old, in js
		for a < len(old) && b < len(js) {
			if old[a].Path == js[b].Path {
				same(js[b], &old[a])
				a, b = a+1, b+1
				continue
			}
			// Pages came or went here: the lists meet again within
			// a few jobs, or else a path changed in place.
			d := 1
			for ; d <= maxResync; d++ {
				if b+d < len(js) && js[b+d].Path == old[a].Path {
					came = append(came, js[b:b+d]...)
					b += d
					break
				}
				if a+d < len(old) && old[a+d].Path == js[b].Path {
					for _, j := range old[a : a+d] {
						went[j.Path] = true
					}
					a += d
					break
				}
			}
			if d > maxResync {
				went[old[a].Path] = true
				came = append(came, js[b])
				a, b = a+1, b+1
			}
		}
		for _, j := range old[a:] {
			went[j.Path] = true
		}
		came = append(came, js[b:]...)
	}
	if len(went) == 0 && len(came) == 0 {
		return look, nil, last.n == len(lastPages)
	}
	seen := make(map[string]bool, len(came))
	for _, j := range came {
		if seen[j.Path] {
			return nil, nil, false
		}
		seen[j.Path] = true
		if _, was := went[j.Path]; was {
			went[j.Path] = false
		} else if _, kept := lastPages[j.Path]; kept {
			return nil, nil, false // a path next has elsewhere too: in two jobs
		}
	}
	for path, g := range went {
		if g {
			gone = append(gone, path)
		}
	}
	return append(look, came...), gone, last.n == len(lastPages)
}

// maxStaleText is how many texts of terms gone a language's map of body
// texts may hold before dropText looks for them.
const maxStaleText = 64

// dropText forgets the body text kept for terms next no longer has: a
// version that loads a term again (or merges a translation anew) makes a
// new object, and the old one's text would stay forever. It looks once a
// map holds maxStaleText more texts than next has terms: the map of every
// term at each edit took 2 ms at 10k terms, and a text kept a while costs
// memory only (the search index takes the text of its own terms).
func (l *Live) dropText(next *state) {
	l.textMu.Lock()
	defer l.textMu.Unlock()
	terms := 0
	for _, g := range next.gs {
		terms = max(terms, len(g.Terms))
	}
	look := false
	for _, m := range l.text {
		look = look || len(m) > terms+maxStaleText
	}
	if !look {
		return
	}
	current := map[*content.Term]bool{}
	for _, g := range next.gs {
		for _, t := range g.Terms {
			current[t] = true
		}
	}
	for _, m := range l.text {
		maps.DeleteFunc(m, func(t *content.Term, _ string) bool { return !current[t] })
	}
}

// moveText gives the body text kept for term from to term to, in every
// language; a nil to drops it.
func (l *Live) moveText(from, to *content.Term) {
	if from == nil {
		return
	}
	l.textMu.Lock()
	defer l.textMu.Unlock()
	for _, m := range l.text {
		if body, ok := m[from]; ok {
			delete(m, from)
			if to != nil {
				m[to] = body
			}
		}
	}
}
