package xref

import (
	"sync"
	"unsafe"

	"github.com/nhimg/nhiglossary/internal/mdlint"
	"github.com/nhimg/nhiglossary/internal/wikilink"
)

// A Memo keeps, between Resolve calls, what Resolve derives from one
// text alone (the [[links]] a Markdown field holds, its Markdown
// problems, a title's collation key) and the last Resolve of each view,
// which the next continues from (see Resolve). Resolving a site again
// after one file changed then costs about what the change touched. A
// live preview keeps one (Options.Memo); a build needs none. It is safe
// for concurrent use.
type Memo struct {
	mu    sync.Mutex
	round uint32 // Resolve calls so far
	links memoMap[textKey, []wikilink.Link]
	lint  [2]memoMap[textKey, []mdlint.Problem] // by Config.UnsafeHTML
	keys  memoMap[titleKey, string]

	last map[view]*lastResolve // the last Resolve of each view
}

// textKey is a text by where it is in memory, not by its bytes: hashing
// every body of a large site costs as much as scanning it. A preview
// keeps the terms of unchanged files, so their texts are the very same
// strings; a changed file's are new ones. The entry keeps its text
// alive, so no other string can be where it is while it is kept.
type textKey struct {
	p *byte
	n int
}

func keyOf(text string) textKey { return textKey{unsafe.StringData(text), len(text)} }

type titleKey struct{ lang, title string }

// memoMap is one kind of result, by what it is of, with the round each
// was last used in: a text no longer in the site goes.
// Entries are pointers so that marking one used is a write to it, not
// to the map: every entry is marked on every round.
type memoMap[K comparable, T any] map[K]*memoEntry[T]

type memoEntry[T any] struct {
	v     T
	text  string // what the key is of, kept alive
	round uint32
}

// memoized returns f(text) from the memo's map m, computing and keeping
// it if m has not got it. The result is shared: callers must not change
// it.
func memoized[K comparable, T any](memo *Memo, m *memoMap[K, T], key K, text string, f func(string) T) T {
	memo.mu.Lock()
	e := (*m)[key]
	if e != nil {
		e.round = memo.round
		memo.mu.Unlock()
		return e.v
	}
	memo.mu.Unlock()
	v := f(text) // outside the lock: the workers of prescan share the memo
	memo.mu.Lock()
	if *m == nil {
		*m = memoMap[K, T]{}
	}
	(*m)[key] = &memoEntry[T]{v, text, memo.round}
	memo.mu.Unlock()
	return v
}

// sweep ends a round: results not used in the last few rounds (a site
// in several languages resolves once a language) are dropped.
func (m *Memo) sweep() {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	// A site in more languages than this resolves its first language's
	// texts anew each edit: results stay right, only slower.
	const keep = 8
	// Looking at every entry costs as much as a small edit: only every
	// few rounds, so an entry stays from keep to twice keep rounds.
	if m.round >= keep && m.round%keep == 0 {
		old := m.round - keep
		dropOld(m.links, old)
		dropOld(m.lint[0], old)
		dropOld(m.lint[1], old)
		dropOld(m.keys, old)
	}
	m.round++
}

func dropOld[K comparable, T any](m memoMap[K, T], before uint32) {
	for k, e := range m {
		if e.round < before {
			delete(m, k)
		}
	}
}

// scan is wikilink.Scan, memoized when there is a Memo.
func (r *resolver) scan(text string) []wikilink.Link {
	if m := r.opts.Memo; m != nil {
		return memoized(m, &m.links, keyOf(text), text, wikilink.Scan)
	}
	return wikilink.Scan(text)
}

// lintText is mdlint.Check, memoized when there is a Memo.
func (r *resolver) lintText(text string) []mdlint.Problem {
	unsafe := r.g.Site.Config.UnsafeHTML
	check := func(text string) []mdlint.Problem { return mdlint.Check(text, unsafe) }
	if m := r.opts.Memo; m != nil {
		i := 0
		if unsafe {
			i = 1
		}
		return memoized(m, &m.lint[i], keyOf(text), text, check)
	}
	return check(text)
}

// collationKey is the key a title sorts by in a language, memoized when
// there is a Memo.
func (r *resolver) collationKey(key func(string) []byte, lang, title string) string {
	if m := r.opts.Memo; m != nil {
		return memoized(m, &m.keys, titleKey{lang, title}, title, func(string) string { return string(key(title)) })
	}
	return string(key(title))
}
