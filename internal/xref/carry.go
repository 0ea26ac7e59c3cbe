package xref

import (
	"maps"
	"slices"

	"github.com/nhimg/nhiglossary/internal/content"
)

// A resolve that continues from the Memo's last one (see reuse) carries
// the last graph's links over and changes only what the terms checked
// anew changed: every other term's results are the same, so its entries,
// and the lists it is in, are too. Lists are in title order, and a term
// that moves in it is a new object, checked anew, so the others keep
// their order among themselves.

// dropped is a term whose last results no longer hold: it is gone (or
// replaced by a new object), or it is checked anew.
type dropped struct {
	t    *content.Term
	res  *termResult
	gone bool // not in the site now, as this object
}

// carryLinks fills the graph's per-term links from the last graph and
// the terms checked anew (todo, by r.terms index).
func (r *resolver) carryLinks(prev *Graph, results []*termResult, todo []int) {
	g := r.g
	g.Related, g.TermIncidents = maps.Clone(prev.Related), maps.Clone(prev.TermIncidents)
	g.TermMappings, g.ReplacedBy = maps.Clone(prev.TermMappings), maps.Clone(prev.ReplacedBy)
	out := make(map[*content.Term]bool, len(r.dropped))
	for _, d := range r.dropped {
		out[d.t] = true
		delete(g.Related, d.t)
		delete(g.TermIncidents, d.t)
		delete(g.TermMappings, d.t)
		delete(g.ReplacedBy, d.t)
	}
	// What each list held of the dropped results goes, and the new
	// results come in.
	refs := map[*content.Term][]*content.Term{}
	incRefs := map[*content.Incident][]*content.Term{}
	controls := map[*content.Control][]TermMapping{}
	frameworks := map[*content.Framework][]TermMapping{}
	for _, d := range r.dropped {
		for _, to := range d.res.refs {
			refs[to] = nil
		}
		for _, inc := range d.res.incRefs {
			incRefs[inc] = nil
		}
		for _, m := range d.res.mappings {
			r.delta.frameworks[m.Framework] = true
			if m.Control != nil {
				controls[m.Control] = nil
			} else {
				frameworks[m.Framework] = nil
			}
		}
	}
	for _, i := range todo {
		t, res := r.terms[i], results[i]
		if len(res.related) > 0 {
			g.Related[t] = res.related
		}
		if len(res.incidents) > 0 {
			g.TermIncidents[t] = res.incidents
		}
		if len(res.mappings) > 0 {
			g.TermMappings[t] = res.mappings
		}
		if res.replacedBy != nil {
			g.ReplacedBy[t] = res.replacedBy
		}
		for _, to := range res.refs {
			refs[to] = append(refs[to], t)
		}
		for _, inc := range res.incRefs {
			incRefs[inc] = append(incRefs[inc], t)
		}
		for _, m := range res.mappings {
			tm := TermMapping{Term: t, Relevance: m.Relevance}
			r.delta.frameworks[m.Framework] = true
			if m.Control != nil {
				controls[m.Control] = append(controls[m.Control], tm)
			} else {
				frameworks[m.Framework] = append(frameworks[m.Framework], tm)
			}
		}
	}
	g.ReferencedBy = carryLists(prev.ReferencedBy, refs, itself, out, r.compareTitles)
	for _, d := range r.dropped {
		if d.gone {
			delete(g.ReferencedBy, d.t)
		}
	}
	g.IncidentTerms = carryLists(prev.IncidentTerms, incRefs, itself, out, r.compareTitles)
	for _, inc := range r.goneIncidents {
		delete(g.IncidentTerms, inc)
	}
	g.ControlTerms = carryLists(prev.ControlTerms, controls, mapped, out, r.compareTitles)
	g.FrameworkTerms = carryLists(prev.FrameworkTerms, frameworks, mapped, out, r.compareTitles)
}

// carryHierarchy takes the last graph's broader and narrower terms, with
// the diagnostics of every term's results, when no broader entry changed
// and none closed a cycle; else it readies the broader entries of every
// term for checkCycles, which orders them afresh.
func (r *resolver) carryHierarchy(results []*termResult, todo []int) bool {
	carry := !r.last.cycles
	for _, d := range r.dropped {
		carry = carry && len(d.res.broader) == 0
	}
	for _, i := range todo {
		carry = carry && len(results[i].broader) == 0
	}
	for i, res := range results {
		r.diags = append(r.diags, res.diags...)
		if !carry && len(res.broader) > 0 {
			r.broader[r.terms[i]] = res.broader
		}
	}
	if carry {
		r.g.Broader, r.g.Narrower = r.last.graph.Broader, r.last.graph.Narrower
	}
	return carry
}

// carryLists is prev, the last graph's lists, with the list of each key
// in changed made anew: the entries it held whose term is not out, plus
// those changed adds, each term once and in its place (compare). A key
// whose list ends empty goes. term is an entry's term: the entry itself
// in lists of terms, a mapping's term in lists of mappings (which hold a
// term once: checkMappings drops repeats).
func carryLists[K comparable, V any](prev, changed map[K][]V, term func(V) *content.Term, out map[*content.Term]bool, compare func(a, b *content.Term) int) map[K][]V {
	next := maps.Clone(prev)
	for k, add := range changed {
		list := relist(prev[k], add, term, out, compare)
		if len(list) == 0 {
			delete(next, k)
		} else {
			next[k] = list
		}
	}
	return next
}

// relist is a copy of list, in compare's order by term, without the
// entries whose term is out and with those of add whose term it lacks.
func relist[V any](list, add []V, term func(V) *content.Term, out map[*content.Term]bool, compare func(a, b *content.Term) int) []V {
	list = slices.DeleteFunc(slices.Clone(list), func(v V) bool { return out[term(v)] })
	for _, v := range add {
		i, found := slices.BinarySearchFunc(list, term(v), func(e V, t *content.Term) int { return compare(term(e), t) })
		if !found {
			list = slices.Insert(list, i, v)
		}
	}
	return list
}

func itself(t *content.Term) *content.Term { return t }
func mapped(tm TermMapping) *content.Term  { return tm.Term }

// carryTaxonomies takes the last graph's tags and categories with the
// terms gone and added (r.dropped, r.added) moved in their lists, when
// no incident changed and no page comes, goes or is named otherwise;
// else it builds them afresh.
func (r *resolver) carryTaxonomies() {
	g := r.g
	if r.last == nil || r.incidentsChanged {
		g.Tags, g.Categories = taxonomies(g.Terms, g.Incidents)
		return
	}
	var gone []*content.Term
	for _, d := range r.dropped {
		if d.gone {
			gone = append(gone, d.t)
		}
	}
	prev := r.last.graph
	tags, ok1 := r.carryTaxonomy(prev.Tags, func(t *content.Term) []string { return t.Tags }, gone)
	cats, ok2 := r.carryTaxonomy(prev.Categories, func(t *content.Term) []string {
		if t.Category == "" {
			return nil
		}
		return []string{t.Category}
	}, gone)
	if !ok1 || !ok2 {
		g.Tags, g.Categories = taxonomies(g.Terms, g.Incidents)
		return
	}
	g.Tags, g.Categories = tags, cats
}

// carryTaxonomy is carryTaxonomies for one taxonomy, whose spellings a
// term lists; false when it must be built afresh. Only pages of one
// spelling are changed in place: which spelling names a page of several
// depends on the order of its terms.
func (r *resolver) carryTaxonomy(prev *Taxonomy, spellings func(*content.Term) []string, gone []*content.Term) (*Taxonomy, bool) {
	pages := map[string]bool{}
	for _, t := range slices.Concat(gone, r.added) {
		for _, s := range spellings(t) {
			if prev.page[s] != s {
				return nil, false
			}
			pages[s] = true
		}
	}
	if len(pages) == 0 {
		return prev, true
	}
	for s, p := range prev.page {
		if pages[p] && s != p {
			return nil, false
		}
	}
	next := *prev
	next.Terms = maps.Clone(prev.Terms)
	out := make(map[*content.Term]bool, len(gone))
	for _, t := range gone {
		out[t] = true
	}
	for p := range pages {
		var add []*content.Term
		for _, t := range r.added {
			if r.publishedTerm(t) && slices.Contains(spellings(t), p) {
				add = append(add, t)
			}
		}
		list := relist(prev.Terms[p], add, itself, out, r.compareTitles)
		if len(list)+len(prev.Incidents[p]) == 0 {
			return nil, false // the page goes
		}
		if len(list) == 0 {
			delete(next.Terms, p)
		} else {
			next.Terms[p] = list
		}
	}
	return &next, true
}
