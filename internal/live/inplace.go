package live

import (
	"slices"
	"time"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/diag"
	"github.com/nhimg/nhiglossary/internal/xref"
)

// proseEdit takes the short way when every changed file is a term that
// xref says resolves alike (xref.SameResolution: only its prose changed,
// with the same links) and that has no problem before or after: the term
// is updated in place, the resolved site and its renderers are kept (a
// renderer makes a card again when its term's summary changed), and the
// pages showing its facts (xref.ProseChanges) render again.
func (l *Live) proseEdit(ch *Change, files []string) bool {
	st := l.lastGood
	if !l.ok || st == nil {
		return false
	}
	edits := map[*content.Term]*content.Term{}
	for _, f := range files {
		src := l.files[f]
		if src == nil || src.loaded.Term == nil || len(src.loaded.Diags) > 0 {
			return false
		}
		old := st.termOf(f)
		if old == nil || !st.everyLanguageHolds(old) || !xref.SameResolution(old, src.loaded.Term) ||
			slices.ContainsFunc(l.problems, func(d diag.Diagnostic) bool { return d.Pos.File == f }) {
			return false
		}
		edits[old] = src.loaded.Term
	}
	changes := xref.ProseChanges(st.gs, edits)
	if !l.lockContent(maxRenderWait) {
		return false // a long render is under way: resolving again does not wait for it
	}
	for old, t := range edits {
		*old = *t
		l.files[old.File].loaded.Term = old
	}
	l.contentMu.Unlock()
	l.textMu.Lock()
	for old := range edits {
		for _, m := range l.text {
			delete(m, old)
		}
	}
	l.textMu.Unlock()
	ch.Facts, ch.InPlace = changes.Len(), true
	l.install(ch, st, changes)
	return true
}

// maxRenderWait is how long an edit in place waits for the renders under
// way to finish: most pages take a millisecond or two, a site-wide file
// at 10,000 terms a second.
const maxRenderWait = 15 * time.Millisecond

// lockContent takes the write lock of the content if the renders that
// hold it finish within wait. (A render cannot stop, and Lock would make
// every render that starts meanwhile wait too.)
func (l *Live) lockContent(wait time.Duration) bool {
	deadline := time.Now().Add(wait)
	for !l.contentMu.TryLock() {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(wait / 30)
	}
	return true
}

// everyLanguageHolds reports whether every language's view has t itself,
// not a copy merged with a translation (content.Site.Localize), so that
// updating t in place updates them all.
func (st *state) everyLanguageHolds(t *content.Term) bool {
	for _, g := range st.gs {
		if g.TermBySlug[t.Slug.Value] != t {
			return false
		}
	}
	return true
}

// termOf is the term a file gave this state, nil if none.
func (st *state) termOf(file string) *content.Term {
	for _, t := range st.g.Site.Terms {
		if t.File == file {
			return t
		}
	}
	return nil
}
