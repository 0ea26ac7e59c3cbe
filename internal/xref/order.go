package xref

import (
	"cmp"
	"slices"
	"strings"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/diag"
	"github.com/nhimg/nhiglossary/internal/i18n"
)

// finish puts the published terms and incidents, and every list of terms,
// in their documented orders, and warns about terms nothing links to.
func (r *resolver) finish() {
	g := r.g
	type keyed struct {
		t   *content.Term
		key string
	}
	// Titles in the language's collation: German files "Ä" with "A".
	coll := i18n.NewCollator(g.Lang())
	byTitle := make([]keyed, len(r.terms))
	for i, t := range r.terms {
		byTitle[i] = keyed{t, r.collationKey(coll.Key, g.Lang(), t.Title.Value)}
	}
	slices.SortStableFunc(byTitle, func(a, b keyed) int {
		return cmp.Or(strings.Compare(a.key, b.key), strings.Compare(a.t.Slug.Value, b.t.Slug.Value))
	})
	r.rank = make(map[*content.Term]int, len(byTitle))
	g.Terms = make([]*content.Term, 0, len(byTitle))
	for i, k := range byTitle {
		r.rank[k.t] = i
		if r.publishedTerm(k.t) {
			g.Terms = append(g.Terms, k.t)
			if _, dup := g.TermBySlug[k.t.Slug.Value]; !dup && r.termSlugs[k.t.Slug.Value] == k.t {
				g.TermBySlug[k.t.Slug.Value] = k.t
			}
		}
	}

	for _, inc := range r.incidents {
		if r.publishedIncident(inc) {
			g.Incidents = append(g.Incidents, inc)
			if r.incidentBySlug[inc.Slug.Value] == inc {
				g.IncidentBySlug[inc.Slug.Value] = inc
			}
		}
	}
	slices.SortStableFunc(g.Incidents, newestFirst)

	for t, from := range r.refs {
		g.ReferencedBy[t] = r.sortTerms(from)
	}
	for inc, from := range r.incRefs {
		g.IncidentTerms[inc] = r.sortTerms(from)
	}
	for _, tms := range g.ControlTerms {
		r.sortMappings(tms)
	}
	for _, tms := range g.FrameworkTerms {
		r.sortMappings(tms)
	}

	g.names = make(map[string]Target, len(r.names))
	for key, n := range r.names {
		if n.clash == nil && n.shared == nil && !r.hidden(n) {
			g.names[key] = n.target
		}
	}

	for t, ts := range g.Narrower {
		g.Narrower[t] = r.sortTerms(ts)
	}
	r.sharedNames()

	for _, t := range g.Terms {
		// A deprecated term is kept for old links, not to be linked; a
		// term in the hierarchy is linked from its broader or narrower
		// terms' pages; a translation's original is warned about once.
		if t.Deprecated || len(g.Broader[t]) > 0 || len(g.Narrower[t]) > 0 || t.Original != nil {
			continue
		}
		if len(g.ReferencedBy[t]) == 0 {
			pos := t.Title.Pos
			if pos.File == "" {
				pos = diag.Pos{File: t.File}
			}
			r.diags.Add(diag.OrphanTerm, pos, "no other term links to %q; add it to a related list or link it with [[%s]]", termName(t), termName(t))
		}
	}
}

// sortTerms puts terms in title order without repeats.
func (r *resolver) sortTerms(ts []*content.Term) []*content.Term {
	slices.SortFunc(ts, func(a, b *content.Term) int { return r.rank[a] - r.rank[b] })
	return slices.Compact(ts)
}

func (r *resolver) sortMappings(tms []TermMapping) {
	slices.SortStableFunc(tms, func(a, b TermMapping) int { return r.rank[a.Term] - r.rank[b.Term] })
}

// newestFirst orders incidents by date, the newest first, then by slug:
// on the incidents index and on each term's page alike.
func newestFirst(a, b *content.Incident) int {
	return cmp.Or(b.Date.Compare(a.Date), strings.Compare(a.Slug.Value, b.Slug.Value))
}
