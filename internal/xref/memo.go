package xref

import (
	"sync"

	"github.com/nhimg/nhiglossary/internal/mdlint"
	"github.com/nhimg/nhiglossary/internal/wikilink"
)

// A Memo keeps, between Resolve calls, what Resolve derives from one
// text alone: the [[links]] a Markdown field holds, its Markdown
// problems, a title's collation key. Resolving a site again after one
// file changed then redoes that work (most of a Resolve) for the changed
// text only. A live preview keeps one (Options.Memo); a build needs none.
// It is safe for concurrent use.
type Memo struct {
	mu    sync.Mutex
	round uint32 // Resolve calls so far
	links memoMap[[]wikilink.Link]
	lint  [2]memoMap[[]mdlint.Problem] // by Config.UnsafeHTML
	keys  memoMap[string]              // by language, NUL, title
}

// memoMap is one kind of result, by the text it is of, with the round
// each was last used in: a text no longer in the site goes.
type memoMap[T any] map[string]memoEntry[T]

type memoEntry[T any] struct {
	v     T
	round uint32
}

// memoized returns f(key) from the memo's map m, computing and keeping
// it if m has not got it. The result is shared: callers must not change
// it.
func memoized[T any](memo *Memo, m *memoMap[T], key string, f func(string) T) T {
	memo.mu.Lock()
	e, ok := (*m)[key]
	if ok && e.round != memo.round {
		e.round = memo.round
		(*m)[key] = e
	}
	memo.mu.Unlock()
	if ok {
		return e.v
	}
	v := f(key) // outside the lock: the workers of prescan share the memo
	memo.mu.Lock()
	if *m == nil {
		*m = memoMap[T]{}
	}
	(*m)[key] = memoEntry[T]{v, memo.round}
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
	const keep = 8
	if m.round >= keep {
		old := m.round - keep
		dropOld(m.links, old)
		dropOld(m.lint[0], old)
		dropOld(m.lint[1], old)
		dropOld(m.keys, old)
	}
	m.round++
}

func dropOld[T any](m memoMap[T], before uint32) {
	for k, e := range m {
		if e.round < before {
			delete(m, k)
		}
	}
}

// scan is wikilink.Scan, memoized when there is a Memo.
func (r *resolver) scan(text string) []wikilink.Link {
	if m := r.opts.Memo; m != nil {
		return memoized(m, &m.links, text, wikilink.Scan)
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
		return memoized(m, &m.lint[i], text, check)
	}
	return check(text)
}

// collationKey is the key a title sorts by in a language, memoized when
// there is a Memo.
func (r *resolver) collationKey(key func(string) []byte, lang, title string) string {
	if m := r.opts.Memo; m != nil {
		return memoized(m, &m.keys, lang+"\x00"+title, func(string) string { return string(key(title)) })
	}
	return string(key(title))
}
