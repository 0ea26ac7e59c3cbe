package xref

import (
	"context"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/par"
	"github.com/nhimg/nhiglossary/internal/wikilink"
)

// found is one name as an editor wrote it, already looked up.
type found struct {
	link wikilink.Link
	name *name // nil when unknown
}

// termScan is what the per-term checks need that depends on no other
// term's checks: the [[links]] of each Markdown field and the lookup of
// each related name.
type termScan struct {
	body      []found
	examples  [][]found // one for each of t.Examples
	relevance [][]found // one for each of t.Mappings
	related   []*name
	deps      []string // the names looked up, with a Memo (see termResult)
}

// prescan scans and looks up the names of the terms at the given
// indexes of r.terms on every core. The names tables are complete and
// read-only by now; what the results mean (diagnostics, backlinks,
// order) is decided afterwards, one term at a time, so the output does
// not depend on scheduling.
func (r *resolver) prescan(todo []int) []termScan {
	out := make([]termScan, len(todo))
	const chunk = 64 // terms are quick: one hand-out per few dozen
	bufs := make([][]byte, par.Workers())
	par.Do(context.Background(), (len(todo)+chunk-1)/chunk, func(w, c int) error {
		for j := c * chunk; j < min((c+1)*chunk, len(todo)); j++ {
			out[j] = r.scanTerm(r.terms[todo[j]], &bufs[w])
		}
		return nil
	})
	return out
}

func (r *resolver) scanTerm(t *content.Term, buf *[]byte) termScan {
	var s termScan
	deps := &s.deps
	if r.opts.Memo == nil {
		deps = nil
	}
	if len(t.Related) > 0 {
		s.related = make([]*name, len(t.Related))
		for i, rel := range t.Related {
			s.related[i] = r.lookupInto(buf, rel.Value, deps)
		}
	}
	s.body = r.scanLinks(t.Body, buf, deps)
	for _, ex := range t.Examples {
		s.examples = append(s.examples, r.scanLinks(ex, buf, deps))
	}
	for _, m := range t.Mappings {
		s.relevance = append(s.relevance, r.scanLinks(m.Relevance, buf, deps))
	}
	return s
}

// scanLinks finds the [[links]] of one Markdown field and looks each up;
// deps, when not nil, gets the names looked up.
func (r *resolver) scanLinks(md content.Markdown, buf *[]byte, deps *[]string) []found {
	links := r.scan(md.Text)
	if links == nil {
		return nil
	}
	fs := make([]found, len(links))
	for i, l := range links {
		if l.Cut {
			fs[i] = found{link: l} // no link on the page: nothing to resolve
			continue
		}
		fs[i] = found{l, r.lookupInto(buf, l.Target, deps)}
	}
	return fs
}

// lookupInto is lookup with the caller's buffer, safe on any goroutine;
// deps, when not nil, gets the normalized name.
func (r *resolver) lookupInto(buf *[]byte, s string, deps *[]string) *name {
	*buf = appendNormal((*buf)[:0], s)
	if deps != nil {
		*deps = append(*deps, string(*buf))
	}
	n := r.names[string(*buf)]
	if n != nil && n.shared != nil {
		if c := n.sharedSlug(s); c != nil {
			return c
		}
	}
	return n
}

// sharedSlug is the term whose slug s is, written as it is, among the
// terms sharing name n, as the claim of that term alone: a name several
// terms share still names one of them by its slug (related: [mac],
// [[mac|MAC]]), as CONTENT.md's ambiguity error tells editors to write.
func (n *name) sharedSlug(s string) *name {
	for _, c := range n.shared {
		if c.what == "slug" && c.value == s {
			alone := *c
			alone.clash, alone.shared = nil, nil
			return &alone
		}
	}
	return nil
}
