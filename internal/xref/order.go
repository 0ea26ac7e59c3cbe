package xref

import (
	"cmp"
	"maps"
	"slices"
	"strings"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/diag"
	"github.com/nhimg/nhiglossary/internal/i18n"
)

// finish puts the published terms and incidents, and every list of terms,
// in their documented orders (orderTitles has put the terms in title
// order), and warns about terms nothing links to.
func (r *resolver) finish() {
	g := r.g
	g.Terms = make([]*content.Term, 0, len(r.byTitle))
	for _, t := range r.byTitle {
		if r.publishedTerm(t) {
			g.Terms = append(g.Terms, t)
		}
	}
	r.termsBySlug()

	for _, inc := range r.incidents {
		if r.publishedIncident(inc) {
			g.Incidents = append(g.Incidents, inc)
			if r.incidentBySlug[inc.Slug.Value] == inc {
				g.IncidentBySlug[inc.Slug.Value] = inc
			}
		}
	}
	slices.SortStableFunc(g.Incidents, newestFirst)

	if r.last == nil { // else carryLinks ordered what changed
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
	}
	r.linkNames()
	if !r.carriedHierarchy {
		for t, ts := range g.Narrower {
			g.Narrower[t] = r.sortTerms(ts)
		}
	}
	r.sharedNames()

	for _, t := range g.Terms {
		// A deprecated term is kept for old links, not to be linked; a
		// term in the hierarchy is linked from its broader or narrower
		// terms' pages; a translation's original is warned about once.
		if t.Deprecated || len(g.Broader[t]) > 0 || len(g.Narrower[t]) > 0 || t.Original != nil {
			continue
		}
		if len(g.ReferencedBy[t]) == 0 && r.ownsTitle(t) { // else [[title]] would not do: the clash's error says so
			pos := t.Title.Pos
			if pos.File == "" {
				pos = diag.Pos{File: t.File}
			}
			r.diags.Add(diag.OrphanTerm, pos, "no other term links to %q; add it to a related list or link it with [[%s]]", termName(t), termName(t))
		}
	}
}

// orderTitles puts every term in title order: in the language's
// collation (German files "Ä" with "A"), then by slug. Continuing, the
// last order loses the terms gone and takes in the new ones.
func (r *resolver) orderTitles() {
	lang := r.g.Lang()
	var coll *i18n.Collator
	key := func(t *content.Term) string {
		if coll == nil {
			coll = i18n.NewCollator(lang)
		}
		return r.collationKey(coll.Key, lang, t.Title.Value)
	}
	if last := r.last; last != nil {
		r.keyOf, r.byTitle = last.keyOf, last.byTitle
		for _, d := range r.dropped {
			if i, ok := slices.BinarySearchFunc(r.byTitle, d.t, r.compareTitles); d.gone && ok {
				r.byTitle = slices.Delete(r.byTitle, i, i+1)
				delete(r.keyOf, d.t)
			}
		}
		for _, t := range r.added {
			r.keyOf[t] = key(t)
			i, _ := slices.BinarySearchFunc(r.byTitle, t, r.compareTitles)
			r.byTitle = slices.Insert(r.byTitle, i, t)
		}
		return
	}
	r.keyOf = make(map[*content.Term]string, len(r.terms))
	for _, t := range r.terms {
		r.keyOf[t] = key(t)
	}
	r.byTitle = slices.Clone(r.terms)
	slices.SortFunc(r.byTitle, r.compareTitles)
}

// compareTitles is title order: by the title's collation key, then
// slug, then file.
func (r *resolver) compareTitles(a, b *content.Term) int {
	return cmp.Or(strings.Compare(r.keyOf[a], r.keyOf[b]), strings.Compare(a.Slug.Value, b.Slug.Value), strings.Compare(a.File, b.File))
}

// termsBySlug maps each slug to its published term: the first by file
// with the slug, if that one is published.
func (r *resolver) termsBySlug() {
	g := r.g
	set := func(slug string) {
		if t := r.termSlugs[slug]; t != nil && r.publishedTerm(t) {
			g.TermBySlug[slug] = t
		} else {
			delete(g.TermBySlug, slug)
		}
	}
	if r.last == nil {
		for _, t := range g.Terms {
			set(t.Slug.Value)
		}
		return
	}
	g.TermBySlug = maps.Clone(r.last.graph.TermBySlug)
	for _, t := range r.added {
		set(t.Slug.Value)
	}
	for _, d := range r.dropped {
		if d.gone {
			set(d.t.Slug.Value)
		}
	}
}

// linkNames is what each name links to: the names that resolve, and not
// to a draft left out.
func (r *resolver) linkNames() {
	links := func(n *name) bool { return n != nil && n.clash == nil && n.shared == nil && !r.hidden(n) }
	if r.last == nil {
		base := make(map[string]Target, len(r.names))
		for key, n := range r.names {
			if links(n) {
				base[key] = n.target
			}
		}
		r.g.names = linkTable{base: base}
		return
	}
	r.g.names = r.last.graph.names.with(r.delta.names, func(key string) (Target, bool) {
		n := r.names[key]
		if !links(n) {
			return Target{}, false
		}
		return n.target, true
	})
}

// sortTerms puts terms in title order without repeats.
func (r *resolver) sortTerms(ts []*content.Term) []*content.Term {
	slices.SortFunc(ts, r.compareTitles)
	return slices.Compact(ts)
}

func (r *resolver) sortMappings(tms []TermMapping) {
	slices.SortStableFunc(tms, func(a, b TermMapping) int { return r.compareTitles(a.Term, b.Term) })
}

// newestFirst orders incidents by date, the newest first, then by slug:
// on the incidents index and on each term's page alike.
func newestFirst(a, b *content.Incident) int {
	return cmp.Or(b.Date.Compare(a.Date), strings.Compare(a.Slug.Value, b.Slug.Value))
}

// ownsTitle reports whether [[t's title]] links to t: not when another
// term claims the title too.
func (r *resolver) ownsTitle(t *content.Term) bool {
	n := r.names[normalize(t.Title.Value)]
	return n == nil || n.clash == nil && n.shared == nil && n.target.Term == t
}
