package skos

import (
	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/xref"
)

// broader and narrower are t's wider and narrower terms, as xref resolves
// them. Until the model has broader (issue 12), every term is a top
// concept.
func broader(g *xref.Graph, t *content.Term) []*content.Term  { return nil }
func narrower(g *xref.Graph, t *content.Term) []*content.Term { return nil }

// deprecation writes owl:deprecated and dct:isReplacedBy for a deprecated
// term.
func (w *writer) deprecation(g *xref.Graph, t *content.Term, l Links) {}
