package xref

import (
	"cmp"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/diag"
)

// Lang is the language of the graph's pages.
func (g *Graph) Lang() string {
	return cmp.Or(g.Site.Lang, g.Site.Config.DefaultLanguage(), "en")
}

// ResolveLanguages resolves the site once for each of its languages, the
// default first, each over that language's view (content.Site.Localize):
// a translation's [[links]] and related names resolve against its
// language's titles and synonyms first, then the originals'. The
// diagnostics are the default language's, plus what the other languages
// find in their own translations (the rest they share with the default).
func ResolveLanguages(site *content.Site, opts Options) ([]*Graph, diag.List) {
	g, diags := Resolve(site, opts)
	graphs := []*Graph{g}
	for _, l := range site.Config.Languages[min(1, len(site.Config.Languages)):] {
		own := map[string]bool{}
		for _, t := range site.TermTranslations {
			own[t.File] = own[t.File] || t.Lang == l.Code
		}
		for _, inc := range site.IncidentTranslations {
			own[inc.File] = own[inc.File] || inc.Lang == l.Code
		}
		lg, more := Resolve(site.Localize(l.Code), opts)
		for _, d := range more {
			if own[d.Pos.File] {
				diags = append(diags, d)
			}
		}
		graphs = append(graphs, lg)
	}
	return graphs, diags.Sort()
}

// claimOriginals lets the names of the originals (a localized term's
// original, an untranslated term) reach them, below every name of the
// language itself: a German page may write [[API Key]] as well as
// [[API-Schlüssel]]. A name already taken stays with its owner, silently.
func (r *resolver) claimOriginals() {
	if !r.localized() {
		return
	}
	claim := func(n *name) {
		if key := normalize(n.value); key != "" {
			r.claims.originals[key] = append(r.claims.originals[key], n)
		}
	}
	for _, t := range r.terms {
		orig := t
		if t.Original != nil {
			orig = t.Original
		}
		for _, n := range termNames(orig) {
			n.target = Target{Kind: KindTerm, Term: t}
			claim(n)
		}
	}
	for _, inc := range r.incidents {
		if inc.Original == nil {
			continue
		}
		for _, n := range incidentNames(inc.Original) {
			n.target = Target{Kind: KindIncident, Incident: inc}
			claim(n)
		}
	}
}

// localized reports whether the site is a language's view other than the
// default's, where untranslated terms' names rank below translated ones.
func (r *resolver) localized() bool {
	s := r.g.Site
	return s.Lang != "" && s.Lang != s.Config.DefaultLanguage()
}
