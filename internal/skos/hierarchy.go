package skos

import (
	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/xref"
)

// broader and narrower are t's wider and narrower terms as xref resolved
// them (narrower is broader's inverse, so the two agree).
func broader(g *xref.Graph, t *content.Term) []*content.Term  { return g.Broader[t] }
func narrower(g *xref.Graph, t *content.Term) []*content.Term { return g.Narrower[t] }

// deprecation writes owl:deprecated and dct:isReplacedBy for a deprecated
// term.
func (w *writer) deprecation(g *xref.Graph, t *content.Term, l Links) {
	if !t.Deprecated {
		return
	}
	w.prop("owl:deprecated", "true")
	if r := g.ReplacedBy[t]; r != nil {
		w.prop("dct:isReplacedBy", IRI(l.Term(r.Slug.Value)))
	}
}

// widerThan reports whether a is wider than b: b's broader terms, theirs,
// and so on, hold a. The hierarchy has no cycle (xref drops the entry
// that would close one).
func widerThan(g *xref.Graph) func(a, b *content.Term) bool {
	above := map[*content.Term]map[*content.Term]bool{}
	var ancestors func(t *content.Term) map[*content.Term]bool
	ancestors = func(t *content.Term) map[*content.Term]bool {
		if m, ok := above[t]; ok {
			return m
		}
		m := map[*content.Term]bool{}
		above[t] = m
		for _, b := range g.Broader[t] {
			m[b] = true
			for a := range ancestors(b) {
				m[a] = true
			}
		}
		return m
	}
	return func(a, b *content.Term) bool { return ancestors(b)[a] }
}
