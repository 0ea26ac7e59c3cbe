package xref

import (
	"cmp"
	"reflect"
	"slices"
	"weak"

	"github.com/nhimg/nhiglossary/internal/content"
)

// DiffLanguages lists the facts that differ between two resolved versions
// of a site in one language or several (ResolveLanguages), each
// language's view with its own: a fact of one language's view changes
// only there, and a page of another language that shows it (Fact.Lang)
// renders again. Objects read from unchanged files are expected to be
// the same pointers in both (a live preview keeps them); an object that
// is not is taken as changed in every fact of its own.
func DiffLanguages(prev, next []*Graph) *Changes {
	c := newChanges()
	if !slices.EqualFunc(prev, next, func(a, b *Graph) bool { return a.Lang() == b.Lang() }) {
		c.add(Fact{Kind: Settings}) // the languages changed: every page shows them
		return c
	}
	for i := range next {
		c.diff(prev[i], next[i])
	}
	return c
}

func (c *Changes) diff(prev, next *Graph) {
	c.lang = next.FactLang()
	if !reflect.DeepEqual(prev.Site.Config, next.Site.Config) || !reflect.DeepEqual(prev.Site.Interface, next.Site.Interface) {
		c.add(Fact{Kind: Settings})
	}
	d := next.since(prev)
	diffTerms(c, prev, next, d)
	diffIncidents(c, prev, next)
	diffFrameworks(c, prev, next, d)
	diffNames(c, prev, next, d)
	diffShared(c, prev, next)
	diffTaxonomy(c, prev.Tags, next.Tags, Tag, TagMembers, TagList)
	diffTaxonomy(c, prev.Categories, next.Categories, Category, CategoryMembers, CategoryList)
}

// sameTerm reports whether a and b are one term, untouched: the same
// object, or merges of an original with a translation
// (content.Site.Localize merges them anew each time) that hold the same
// values. Which original object they were merged from does not matter:
// no page shows it, only what the merge copied (names that fall back to
// the original's are facts of their own).
func sameTerm(a, b *content.Term) bool {
	return a == b || a.Original != nil && b.Original != nil && sameMerge(reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem())
}

func sameIncident(a, b *content.Incident) bool {
	return a == b || a.Original != nil && b.Original != nil && sameMerge(reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem())
}

// sameMerge compares two merged structs field by field, but for Original.
func sameMerge(a, b reflect.Value) bool {
	for i := range a.NumField() {
		if f := a.Type().Field(i); f.IsExported() && f.Name != "Original" && !sameValue(a.Field(i), b.Field(i)) {
			return false
		}
	}
	return true
}

// sameTerms and sameIncidents compare lists by slug: the cards of what
// they list are facts of their own.
func sameTerms(a, b []*content.Term) bool {
	return slices.EqualFunc(a, b, func(x, y *content.Term) bool { return x == y || x.Slug.Value == y.Slug.Value })
}

func sameIncidents(a, b []*content.Incident) bool {
	return slices.EqualFunc(a, b, func(x, y *content.Incident) bool { return x == y || x.Slug.Value == y.Slug.Value })
}

// since is what next's Resolve knows changed since prev: nil unless
// next continued from prev in its Memo. Term links are then compared for
// the terms it names alone (d.terms) and looked up by slug, which needs
// every slug to be one published term's.
func (next *Graph) since(prev *Graph) *delta {
	d := next.delta
	if d == nil || d.from != weak.Make(prev) || d.cycles ||
		len(prev.TermBySlug) != len(prev.Terms) || len(next.TermBySlug) != len(next.Terms) {
		return nil
	}
	return d
}

// diffTerms compares the terms of prev and next: those d names, or all
// without it.
func diffTerms(c *Changes, prev, next *Graph, d *delta) {
	list := !sameTerms(prev.Terms, next.Terms)
	cameOrWent := len(prev.Terms) != len(next.Terms)
	compare := func(old, t *content.Term) {
		if diffTerm(c, prev, old, next, t) {
			list = true
		}
		cameOrWent = cameOrWent || old == nil || t == nil
	}
	if d != nil {
		for slug := range d.terms {
			if old, t := prev.TermBySlug[slug], next.TermBySlug[slug]; old != nil || t != nil {
				compare(old, t)
			}
		}
	} else {
		was := make(map[string]*content.Term, len(prev.Terms))
		for _, t := range prev.Terms {
			was[t.Slug.Value] = t
		}
		for _, t := range next.Terms {
			old := was[t.Slug.Value]
			delete(was, t.Slug.Value)
			compare(old, t)
		}
		for _, old := range was { // gone
			compare(old, nil)
		}
	}
	if list {
		c.add(Fact{Kind: TermList})
	}
	if cameOrWent {
		c.add(Fact{Kind: Links}) // its links came or went with it
	}
}

// diffTerm compares one term of prev (old) with its version in next (t);
// either is nil when the term came or went. It reports whether the lists
// of terms change with it.
func diffTerm(c *Changes, prev *Graph, old *content.Term, next *Graph, t *content.Term) (list bool) {
	if old == nil || t == nil {
		slug := cmp.Or(t, old).Slug.Value
		c.add(TermPageFact(slug))
		c.add(TermCardFact(slug))
		c.add(TermLinksFact(slug))
		c.add(Fact{Kind: TermLang, Key: slug})
		return true
	}
	slug := t.Slug.Value
	if !sameTerm(old, t) {
		c.add(TermPageFact(slug))
		if old.Lang != t.Lang {
			c.add(Fact{Kind: TermLang, Key: slug})
		}
		if !sameTermCard(old, t) {
			c.add(TermCardFact(slug))
			list = true
		}
		if !sameSources(old.Sources, t.Sources) {
			c.add(TermSourcesFact(slug))
		}
		if old.Category != t.Category || !slices.Equal(old.Tags, t.Tags) {
			c.add(Fact{Kind: Links})
		}
	}
	if !sameTermLinks(prev, old, next, t) {
		c.add(TermPageFact(slug))
		c.add(TermLinksFact(slug))
		c.add(Fact{Kind: Links})
	}
	return list
}

// sameTermLinks compares what a term page shows of the resolved site, by
// slug: the cards of the terms it lists are facts of their own.
func sameTermLinks(g1 *Graph, t1 *content.Term, g2 *Graph, t2 *content.Term) bool {
	return sameTerms(g1.Related[t1], g2.Related[t2]) &&
		sameTerms(g1.ReferencedBy[t1], g2.ReferencedBy[t2]) &&
		sameIncidents(g1.TermIncidents[t1], g2.TermIncidents[t2]) &&
		sameTerms(g1.Broader[t1], g2.Broader[t2]) && sameTerms(g1.Narrower[t1], g2.Narrower[t2]) &&
		sameReplacement(g1.ReplacedBy[t1], g2.ReplacedBy[t2]) &&
		slices.EqualFunc(g1.TermMappings[t1], g2.TermMappings[t2], func(a, b Mapping) bool {
			return a.Framework.ID == b.Framework.ID && controlID(a.Control) == controlID(b.Control) && a.Relevance.Text == b.Relevance.Text
		})
}

func controlID(c *content.Control) string {
	if c == nil {
		return ""
	}
	return c.ID.Value
}

func diffIncidents(c *Changes, prev, next *Graph) {
	was := make(map[string]*content.Incident, len(prev.Incidents))
	for _, inc := range prev.Incidents {
		was[inc.Slug.Value] = inc
	}
	list := !sameIncidents(prev.Incidents, next.Incidents)
	for _, inc := range next.Incidents {
		slug := inc.Slug.Value
		old := was[slug]
		delete(was, slug)
		switch {
		case old == nil:
			c.add(IncidentPageFact(slug))
			c.add(IncidentCardFact(slug))
			c.add(Fact{Kind: IncidentLang, Key: slug})
			list = true
			continue
		case !sameIncident(old, inc):
			c.add(IncidentPageFact(slug))
			if old.Lang != inc.Lang {
				c.add(Fact{Kind: IncidentLang, Key: slug})
			}
			if !sameIncidentCard(old, inc) {
				c.add(IncidentCardFact(slug))
				list = true
			}
		}
		if !sameIncident(old, inc) && !slices.Equal(old.Tags, inc.Tags) {
			c.add(Fact{Kind: Links})
		}
		if !sameTerms(prev.IncidentTerms[old], next.IncidentTerms[inc]) {
			c.add(IncidentPageFact(slug))
			c.add(Fact{Kind: Links})
		}
	}
	for slug := range was {
		c.add(IncidentPageFact(slug))
		c.add(IncidentCardFact(slug))
		c.add(Fact{Kind: IncidentLang, Key: slug})
		list = true
	}
	if list {
		c.add(Fact{Kind: IncidentList})
	}
}

// diffFrameworks compares the frameworks of prev and next, and the
// mappings of those d names (of all without d).
func diffFrameworks(c *Changes, prev, next *Graph, d *delta) {
	was := make(map[string]*content.Framework, len(prev.Frameworks))
	for _, f := range prev.Frameworks {
		was[f.ID] = f
	}
	list := len(prev.Frameworks) != len(next.Frameworks)
	for _, f := range next.Frameworks {
		old := was[f.ID]
		delete(was, f.ID)
		// The card is the framework's file alone: a term that is renamed
		// reorders the terms mapped to it, which its page and the lists
		// (its count) show, and no term page does.
		if old != f {
			c.add(FrameworkCardFact(f.ID))
		}
		if old != f || (d == nil || d.frameworks[f]) && !sameFrameworkTerms(prev, old, next, f) {
			c.add(FrameworkPageFact(f.ID))
			list = true
		}
	}
	for id := range was {
		c.add(FrameworkPageFact(id))
		c.add(FrameworkCardFact(id))
		list = true
	}
	if list {
		c.add(Fact{Kind: FrameworkList})
	}
}

func sameFrameworkTerms(g1 *Graph, f1 *content.Framework, g2 *Graph, f2 *content.Framework) bool {
	same := func(a, b []TermMapping) bool {
		return slices.EqualFunc(a, b, func(x, y TermMapping) bool {
			// The same object first: a framework has thousands of terms,
			// and reading each one's slug is a cache miss.
			return (x.Term == y.Term || x.Term.Slug.Value == y.Term.Slug.Value) && x.Relevance.Text == y.Relevance.Text
		})
	}
	if !same(g1.FrameworkTerms[f1], g2.FrameworkTerms[f2]) || len(f1.Controls) != len(f2.Controls) {
		return false
	}
	for i, c := range f2.Controls {
		if !same(g1.ControlTerms[f1.Controls[i]], g2.ControlTerms[c]) {
			return false
		}
	}
	return true
}

// diffNames lists the names whose target changed, came or went, or reads
// otherwise (a title, an auto-link setting, a draft state).
func diffNames(c *Changes, prev, next *Graph, d *delta) {
	changed := func(key string) {
		c.add(Fact{Kind: Name, Key: key})
		c.mention(key)
	}
	if d != nil {
		for key := range d.names {
			old, was := prev.names.get(key)
			t, is := next.names.get(key)
			if was != is || is && !sameTarget(old, t) {
				changed(key)
			}
		}
		if names := c.names[c.lang]; len(names) > 0 {
			slices.Sort(names)
			c.names[c.lang] = slices.Compact(names)
		}
		return
	}
	found := 0 // of prev's keys in next
	for key, t := range next.names.all() {
		old, ok := prev.names.get(key)
		if ok {
			found++
		}
		if !ok || !sameTarget(old, t) {
			changed(key)
		}
	}
	if found < prev.names.len() { // some went
		for key := range prev.names.all() {
			if _, ok := next.names.get(key); !ok {
				changed(key)
			}
		}
	}
	if names := c.names[c.lang]; len(names) > 0 {
		slices.Sort(names)
		c.names[c.lang] = slices.Compact(names)
	}
}

func sameTarget(a, b Target) bool {
	if a.Kind != b.Kind {
		return false
	}
	switch a.Kind {
	case KindTerm:
		return a.Term == b.Term || a.Term.Slug.Value == b.Term.Slug.Value && a.Term.Title.Value == b.Term.Title.Value &&
			a.Term.Autolink == b.Term.Autolink && a.Term.Draft == b.Term.Draft && a.Term.Deprecated == b.Term.Deprecated
	case KindIncident:
		return a.Incident == b.Incident || a.Incident.Slug.Value == b.Incident.Slug.Value && a.Incident.Title.Value == b.Incident.Title.Value
	case KindControl:
		return a.Control == b.Control && a.Framework == b.Framework ||
			a.Framework.ID == b.Framework.ID && a.Framework.Short == b.Framework.Short &&
				a.Control.ID.Value == b.Control.ID.Value && a.Control.Title == b.Control.Title
	}
	return true
}

func diffTaxonomy(c *Changes, prev, next *Taxonomy, spelling, members, list FactKind) {
	for s, page := range next.page {
		if prev.page[s] != page || prev.Slug(s) != next.Slug(s) {
			c.add(Fact{Kind: spelling, Key: s})
		}
	}
	for s := range prev.page {
		if _, ok := next.page[s]; !ok {
			c.add(Fact{Kind: spelling, Key: s})
		}
	}
	changedList := !slices.Equal(prev.Pages, next.Pages)
	for _, p := range next.Pages {
		if prev.slug[p] != next.slug[p] {
			changedList = true
		}
		if !sameTerms(prev.Terms[p], next.Terms[p]) || !sameIncidents(prev.Incidents[p], next.Incidents[p]) {
			c.add(Fact{Kind: members, Key: p})
			if len(prev.Terms[p])+len(prev.Incidents[p]) != len(next.Terms[p])+len(next.Incidents[p]) {
				changedList = true
			}
		}
	}
	for _, p := range prev.Pages {
		if _, ok := next.slug[p]; !ok {
			c.add(Fact{Kind: members, Key: p})
		}
	}
	if changedList {
		c.add(Fact{Kind: list})
	}
}

func sameReplacement(a, b *content.Term) bool {
	return a == b || a != nil && b != nil && a.Slug.Value == b.Slug.Value
}

// diffShared lists the shared names whose terms changed, came or went.
func diffShared(c *Changes, prev, next *Graph) {
	was := make(map[string]*SharedName, len(prev.Shared))
	for _, sn := range prev.Shared {
		was[sn.Slug] = sn
	}
	for _, sn := range next.Shared {
		old := was[sn.Slug]
		delete(was, sn.Slug)
		if old == nil || old.Name != sn.Name || !sameTerms(old.Terms, sn.Terms) {
			c.add(Fact{Kind: Shared, Key: sn.Slug})
			c.mention(sn.Name)
		}
	}
	for slug, sn := range was {
		c.add(Fact{Kind: Shared, Key: slug})
		c.mention(sn.Name)
	}
}
