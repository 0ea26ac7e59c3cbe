package xref

import (
	"maps"
	"slices"
	"strings"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/diag"
)

// Which thing a name resolves to depends on the things that claim it
// alone: the terms with it as a slug, title, abbreviation or synonym (in
// file order), then the incidents, the originals' names (in a language's
// view), the controls and last the old slugs. The names table is built
// one name at a time from its claims (settle), so that a resolve that
// continues from the last one settles again only the names of the terms
// and incidents that changed.

// nameClaims are every claim on each name, in precedence order.
type nameClaims struct {
	terms     map[string][]*name // terms' own names, in file order
	incidents map[string][]*name
	originals map[string][]*name // in a language's view: the originals' names
	controls  map[string]*name
	redirects map[string][]*name // old slugs, by lower-case value
}

// claimTerms adds every name of ts (in file order) to the claims.
func (c *nameClaims) claimTerms(ts []*content.Term, localized bool) {
	// Most names have one claim: their lists share one array, until a
	// second claim moves one out.
	one := make([]*name, 0, 4*len(ts))
	for _, t := range ts {
		if localized && t.Original == nil {
			continue // untranslated: its names come after the language's (originals)
		}
		for _, n := range termNames(t) {
			key := normalize(n.value)
			switch list := c.terms[key]; {
			case key == "":
			case list == nil:
				one = append(one, n)
				c.terms[key] = one[len(one)-1 : len(one) : len(one)]
			default:
				c.terms[key] = append(list, n)
			}
		}
	}
	for _, t := range ts {
		for _, n := range redirectNames(t) {
			c.redirects[n.key] = append(c.redirects[n.key], n.name)
		}
	}
}

type keyedName struct {
	key  string
	name *name
}

// redirectNames are t's old slugs as names, by lower-case value.
func redirectNames(t *content.Term) []keyedName {
	var out []keyedName
	for _, old := range t.Redirects {
		if key := strings.ToLower(old.Value); key != "" {
			out = append(out, keyedName{key, &name{target: Target{Kind: KindTerm, Term: t}, what: "old slug", value: old.Value, pos: old.Pos, draft: t.Draft}})
		}
	}
	return out
}

// moveClaims takes the claims of the terms gone out and puts those of
// the terms added in, each in its place in file order.
func (c *nameClaims) moveClaims(gone, added []*content.Term) {
	for _, t := range gone {
		for _, n := range termNames(t) {
			key := normalize(n.value)
			c.terms[key] = slices.DeleteFunc(c.terms[key], func(m *name) bool { return m.target.Term == t })
			if len(c.terms[key]) == 0 {
				delete(c.terms, key)
			}
		}
		for _, n := range redirectNames(t) {
			c.redirects[n.key] = slices.DeleteFunc(c.redirects[n.key], func(m *name) bool { return m.target.Term == t })
			if len(c.redirects[n.key]) == 0 {
				delete(c.redirects, n.key)
			}
		}
	}
	insert := func(list []*name, n *name) []*name {
		// After every claim of a file before or equal to n's: a term's
		// own names keep their order.
		i, _ := slices.BinarySearchFunc(list, n.target.Term.File, func(m *name, file string) int {
			if m.target.Term.File <= file {
				return -1
			}
			return 1
		})
		return slices.Insert(list, i, n)
	}
	for _, t := range added {
		for _, n := range termNames(t) {
			if key := normalize(n.value); key != "" {
				c.terms[key] = insert(c.terms[key], n)
			}
		}
		for _, n := range redirectNames(t) {
			c.redirects[n.key] = insert(c.redirects[n.key], n.name)
		}
	}
}

// settle decides what the name key resolves to from its claims, and the
// problems its claims make, which it keeps by key (r.nameDiags).
func (r *resolver) settle(key string) {
	delete(r.names, key)
	delete(r.incNames, key)
	delete(r.g.Redirects, key)
	var diags diag.List
	firsts := map[*content.Term]*name{} // each term's first name on key that is no slug
	for _, n := range r.claims.terms[key] {
		r.claimTermName(key, n, firsts, &diags)
	}
	for _, n := range r.claims.incidents[key] {
		prev, ok := r.incNames[key]
		switch {
		case !ok:
			n = r.fresh(n)
			r.incNames[key] = n
			if _, taken := r.names[key]; !taken {
				r.names[key] = n
			}
		case prev.target.Incident != n.target.Incident && prev.clash == nil:
			prev.clash = n
		}
	}
	if _, taken := r.names[key]; !taken {
		r.claimOriginalNames(key)
	}
	if _, taken := r.names[key]; !taken && r.claims.controls[key] != nil {
		r.names[key] = r.claims.controls[key]
	}
	r.claimRedirects(key, &diags)
	if n := r.names[key]; n != nil && n.shared != nil {
		r.sharedKeys[key] = true
	} else {
		delete(r.sharedKeys, key)
	}
	if len(diags) > 0 {
		r.nameDiags[key] = diags
	} else {
		delete(r.nameDiags, key)
	}
}

// claimOriginalNames settles key from the originals' claims, in a
// language's view where no name of the language has it (the language's
// names come first): shared, as in the default language, by the terms
// whose originals have it as an abbreviation, synonym or slug, not the
// first one's alone. (Clashes are reported in the default language.)
func (r *resolver) claimOriginalNames(key string) {
	for _, n := range r.claims.originals[key] {
		prev, ok := r.names[key]
		switch {
		case !ok:
			r.names[key] = r.fresh(n)
		case prev.target.Term == n.target.Term || prev.sharedWith(n.target.Term) != nil:
		case sharable(prev, n):
			prev.share(n)
		}
	}
}

// fresh is the claim to be the names table's entry, which records the
// claims that clash with it or share it: a copy, where the claims are
// kept for the next Resolve (a Memo's), which compares the entries it
// settles again with these.
func (r *resolver) fresh(n *name) *name {
	if r.opts.Memo == nil {
		return n
	}
	c := *n
	c.clash, c.shared = nil, nil
	return &c
}

// claimTermName settles one term's claim on key. Two terms sharing a slug
// or a title, or one's title being another's synonym, is an error at the
// later one; abbreviations and synonyms may be shared, with each other
// and with one term's slug (the name is then ambiguous); a term
// repeating one of its own names is only untidy.
//
// firsts holds each term's first name on key that is not its slug: the
// one a later name of the term repeats (the key's claim may be the slug).
func (r *resolver) claimTermName(key string, n *name, firsts map[*content.Term]*name, diags *diag.List) {
	t := n.target.Term
	first := firsts[t]
	if first == nil && n.what != "slug" {
		firsts[t] = n
	}
	prev, ok := r.names[key]
	switch {
	case !ok:
		r.names[key] = r.fresh(n)
	case prev.target.Term == t || prev.sharedWith(t) != nil:
		// A slug may equal a title or abbreviation ("nhi", "NHI").
		if own := prev.sharedWith(t); own != nil {
			prev = own
		}
		if first != nil {
			prev = first
		}
		if prev.what != "slug" && n.what != "slug" {
			diags.Add(diag.RepeatedName, n.pos, "%s %q repeats this term's %s; remove it", n.what, n.value, prev.what)
		}
	case n.what == "slug" && titled(n):
		// Its title's claim, next, is the one to report.
	case sharable(prev, n):
		prev.share(n)
	default:
		// Either file may be the mistake: each is told of the other, at
		// the name a reader sees (a term's title rather than the slug
		// it shares), and every term sharing the name is.
		others := prev.shared
		if others == nil {
			others = []*name{prev}
		}
		if n.what == "slug" {
			// Two slugs clash: the abbreviations they shared are no
			// part of it.
			if slugs := slices.DeleteFunc(slices.Clone(others), func(o *name) bool { return o.what != "slug" }); len(slugs) > 0 {
				others = slugs
			}
		}
		// Two slugs are two pages at one URL (reported at their titles
		// when those are the same too); other names, one name for two
		// terms.
		code := diag.DuplicateName
		if !slices.ContainsFunc(others, func(o *name) bool {
			return o.target.Kind != KindTerm || o.target.Term.Slug.Value != t.Slug.Value
		}) {
			code = diag.DuplicateSlug
		}
		users := make([]string, 0, len(others))
		args := []any{n.what, n.value}
		for _, o := range others {
			o = r.shownClaim(key, o)
			users = append(users, "%s (%s of %s)")
			args = append(args, o.pos, o.what, o.owner())
			diags.Add(code, o.pos, "%s %q is also used by %s (%s of %s)", o.what, o.value, n.pos, n.what, n.owner())
		}
		diags.Add(code, n.pos, "%s %q is already used by "+strings.Join(users, " and "), args...)
		if prev.clash == nil {
			prev.clash = n
		}
	}
}

// shownClaim is the claim of c's term on key to report a clash at: its
// title when that is key too (an editor wrote the title; the slug came
// from the file's name), else c.
func (r *resolver) shownClaim(key string, c *name) *name {
	if c.what != "slug" {
		return c
	}
	for _, o := range r.claims.terms[key] {
		if o.target.Term == c.target.Term && o.what == "title" {
			return o
		}
	}
	return c
}

// claimRedirects settles the old slugs claiming key: each leads to one
// term only, and is a link target only where it is no other name.
func (r *resolver) claimRedirects(key string, diags *diag.List) {
	var first *name
	for _, n := range r.claims.redirects[key] {
		t := n.target.Term
		if other := r.termSlugs[key]; other == t {
			diags.Add(diag.RedirectIsSlug, n.pos, "redirect %q is this term's own slug; remove it", n.value)
			continue
		} else if other != nil {
			diags.Add(diag.DuplicateSlug, n.pos, "redirect %q is already used by %s (slug of %s)", n.value, other.Slug.Pos, termName(other))
			continue
		}
		if first != nil {
			if first.target.Term == t {
				diags.Add(diag.ListedTwice, n.pos, "redirect %q is listed twice", n.value)
			} else {
				diags.Add(diag.DuplicateSlug, n.pos, "redirect %q is already used by %s (redirect of %s)", n.value, first.pos, termName(first.target.Term))
			}
			continue
		}
		first = n
		if _, taken := r.names[key]; !taken {
			r.names[key] = n
		}
		if r.publishedTerm(t) {
			r.g.Redirects[key] = t
		}
	}
}

// addNames builds the names tables from every claim, or, continuing from
// r.last, settles again the names keys, which the terms and incidents
// new or gone since claim or claimed: it returns those of them that
// resolve otherwise now.
func (r *resolver) addNames(keys []string) map[string]bool {
	r.claimIncidents()
	r.claimOriginals()
	r.addFrameworks()
	defer func() {
		for _, ds := range r.nameDiags {
			r.diags = append(r.diags, ds...)
		}
	}()
	last := r.last
	if last == nil {
		r.claims.claimTerms(r.terms, r.localized())
		for _, t := range r.terms {
			if _, dup := r.termSlugs[t.Slug.Value]; !dup && t.Slug.Value != "" {
				r.termSlugs[t.Slug.Value] = t
			}
		}
		settled := map[string]bool{}
		for _, claims := range []map[string][]*name{r.claims.terms, r.claims.incidents, r.claims.originals, r.claims.redirects} {
			for key := range claims {
				if !settled[key] {
					settled[key] = true
					r.settle(key)
				}
			}
		}
		for key := range r.claims.controls {
			if !settled[key] {
				r.settle(key)
			}
		}
		return nil
	}
	var gone []*content.Term
	for _, d := range r.dropped {
		gone = append(gone, d.t)
	}
	r.claims.terms, r.claims.redirects = last.claims.terms, last.claims.redirects
	r.claims.moveClaims(gone, r.added)
	r.termSlugs = last.termSlugs
	for _, t := range slices.Concat(gone, r.added) {
		r.settleSlug(t.Slug.Value)
	}
	r.names, r.incNames, r.nameDiags, r.sharedKeys = last.names, last.incNames, last.nameDiags, last.sharedKeys
	r.g.Redirects = maps.Clone(last.graph.Redirects)
	changed := map[string]bool{}
	for _, key := range keys {
		old, oldInc := r.names[key], r.incNames[key]
		r.settle(key)
		if !sameName(old, r.names[key]) || !sameName(oldInc, r.incNames[key]) {
			changed[key] = true
		}
	}
	return changed
}

// settleSlug finds the term a slug is of: the first by file.
func (r *resolver) settleSlug(slug string) {
	delete(r.termSlugs, slug)
	for _, n := range r.claims.terms[normalize(slug)] {
		if n.what == "slug" && n.target.Term.Slug.Value == slug {
			r.termSlugs[slug] = n.target.Term
			return
		}
	}
}

// claimIncidents claims the incidents' slugs and titles, and finds each
// slug's incident: two incidents may not share a slug.
func (r *resolver) claimIncidents() {
	slugs := map[string]*name{}
	for _, inc := range r.incidents {
		for _, n := range incidentNames(inc) {
			key := normalize(n.value)
			if key == "" {
				continue
			}
			if n.what == "slug" {
				if prev := slugs[key]; prev != nil {
					r.diags.Add(diag.DuplicateSlug, n.pos, "slug %q is already used by %s (slug of %s)", n.value, prev.pos, prev.owner())
				} else {
					slugs[key] = n
					r.incidentBySlug[n.value] = inc
				}
			}
			r.claims.incidents[key] = append(r.claims.incidents[key], n)
		}
	}
}
