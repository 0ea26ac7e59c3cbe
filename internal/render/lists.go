package render

import (
	"cmp"
	"encoding/json"
	"html/template"
	"maps"
	"slices"
	"strings"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/i18n"
)

// letters groups terms, and their abbreviations and synonyms, by first letter.
func (r *Renderer) letters() []Letter {
	// The language's collation: German files "Ä" under A and sorts it
	// there; one collator for the whole index (it is not shareable).
	coll := i18n.NewCollator(r.lang)
	byLetter := map[string][]IndexEntry{}
	r.eachIndexEntry(func(e IndexEntry) {
		e.sortKey = string(coll.Key(e.Name)) // once, not at every comparison of the sort
		l := coll.Letter(e.Name)
		byLetter[l] = append(byLetter[l], e)
	})
	var out []Letter
	for _, l := range slices.SortedFunc(maps.Keys(byLetter), coll.CompareLetters) {
		es := byLetter[l]
		slices.SortFunc(es, func(a, b IndexEntry) int {
			return cmp.Or(cmp.Compare(a.sortKey, b.sortKey), cmp.Compare(a.Name, b.Name), cmp.Compare(a.Term.Slug, b.Term.Slug))
		})
		out = append(out, Letter{Letter: l, ID: letterID(l), Entries: es})
	}
	return out
}

// letterBar is the letters of the A-Z index without their entries: the
// home page's bar needs no collation keys or sorted groups.
func (r *Renderer) letterBar() []Letter {
	coll := i18n.NewCollator(r.lang)
	seen := map[string]bool{}
	r.eachIndexEntry(func(e IndexEntry) { seen[coll.Letter(e.Name)] = true })
	var out []Letter
	for _, l := range slices.SortedFunc(maps.Keys(seen), coll.CompareLetters) {
		out = append(out, Letter{Letter: l, ID: letterID(l)})
	}
	return out
}

func letterID(l string) string {
	if l == i18n.Other {
		return "letter-other"
	}
	return "letter-" + strings.ToLower(l)
}

// eachIndexEntry calls f with every entry of the A-Z index, unsorted.
func (r *Renderer) eachIndexEntry(f func(IndexEntry)) {
	// Deprecated terms have a group of their own (deprecatedEntries); a
	// name several terms share is listed once, for its disambiguation page.
	alias := func(n content.Name, kind string, ref TermRef) {
		if _, shared := r.g.SharedName(n.Value); !shared {
			f(IndexEntry{Name: n.Value, Term: ref, Alias: true, AliasKind: kind})
		}
	}
	for _, t := range r.g.Terms {
		if t.Deprecated {
			continue
		}
		ref := r.termRef(t)
		f(IndexEntry{Name: t.Title.Value, Term: ref})
		for _, a := range t.Abbreviations {
			alias(a, "abbreviation", ref)
		}
		for _, s := range t.Synonyms {
			alias(s, "synonym", ref)
		}
	}
	for _, sn := range r.g.Shared {
		f(IndexEntry{Name: sn.Name, Alias: true, Term: TermRef{Slug: sn.Slug}, Shared: &SharedEntry{URL: r.u.Shared(sn.Slug), Count: len(sn.Terms)}})
	}
}

func (r *Renderer) termsPage(w Writer) error {
	return r.tmpl.execute(w, "terms", r.termsView())
}

func (r *Renderer) termsView() TermsPage {
	p := TermsPage{
		Layout:  r.layout("terms", r.text.T("glossary_az"), r.u.Terms(), r.text.Tf("desc_terms", r.cfg.Title), Link{r.text.T("home"), r.u.Home()}),
		Letters: r.letters(),
		Count:   len(r.g.Terms),
	}
	for _, t := range r.g.Terms {
		if t.Deprecated {
			e := DeprecatedEntry{Term: r.termRef(t)}
			if rep := r.g.ReplacedBy[t]; rep != nil && r.published(rep) {
				ref := r.termRef(rep)
				e.ReplacedBy = &ref
			}
			p.Deprecated = append(p.Deprecated, e)
		}
	}
	p.Count -= len(p.Deprecated)
	if r.hasHierarchy() {
		p.Hierarchy = r.u.Hierarchy()
	}
	return p
}

func (r *Renderer) homePage(w Writer, l *links) error {
	return r.tmpl.execute(w, "home", r.homeView(l))
}

func (r *Renderer) homeView(l *links) HomePage {
	p := HomePage{
		Layout:    r.layout("home", "", r.u.Home(), r.cfg.Description),
		Letters:   r.letterBar(),
		TermCount: len(r.g.Terms),
	}
	for _, t := range r.g.Terms {
		if t.Deprecated {
			p.TermCount--
		}
	}
	recent := slices.DeleteFunc(slices.Clone(r.g.Terms), func(t *content.Term) bool { return t.Deprecated })
	slices.SortStableFunc(recent, func(a, b *content.Term) int { return b.Updated.Compare(a.Updated) })
	p.Recent = r.termRefs(recent[:min(len(recent), 12)])
	for _, f := range r.g.Frameworks {
		p.Frameworks = append(p.Frameworks, r.frameworkRef(f, nil)) // the page shows no description
	}
	for _, inc := range r.g.Incidents[:min(len(r.g.Incidents), 6)] {
		ref := r.incidentRef(inc)
		p.Incidents = append(p.Incidents, ref)
		l.merge(ref.links)
	}
	p.Code = l.showsCode()
	set := map[string]any{"@context": "https://schema.org", "@type": "DefinedTermSet", "name": r.cfg.Title, "url": r.abs(r.u.Terms())}
	if r.cfg.Description != "" {
		set["description"] = r.cfg.Description
	}
	b, _ := json.Marshal(set)
	p.JSONLD = template.JS(b)
	return p
}

func (r *Renderer) searchPage(w Writer) error {
	return r.tmpl.execute(w, "search", r.searchView())
}

func (r *Renderer) searchView() SearchPage {
	// Indexable: every /search/?q=... URL has the same static page, and
	// its canonical link names /search/ alone, so no query is indexed.
	l := r.layout("search", r.text.T("title_search"), r.u.Search(), r.text.Tf("desc_search", r.cfg.Title), Link{r.text.T("home"), r.u.Home()})
	return SearchPage{l}
}

func (r *Renderer) notFoundPage(w Writer) error {
	return r.tmpl.execute(w, "404", r.notFoundView())
}

func (r *Renderer) notFoundView() NotFoundPage {
	l := r.layout("404", r.text.T("page_not_found"), r.u.base+"404.html", "")
	l.NoIndex = true
	l.Canonical = ""
	return NotFoundPage{l}
}
