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
