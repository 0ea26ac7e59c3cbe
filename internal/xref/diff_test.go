package xref

import (
	"maps"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nhimg/nhiglossary/internal/content"
)

// diffAfter resolves base, then base with one file replaced, keeping the
// other files' objects as a live preview does, and lists the facts Diff
// reports.
func diffAfter(t *testing.T, base map[string]string, file, text string) ([]Fact, *Changes) {
	t.Helper()
	g1, _ := resolve(t, base, Options{Drafts: true})
	next := maps.Clone(base)
	next[file] = text
	s2 := load(t, next)
	// Unchanged files keep their objects.
	for i, t2 := range s2.Terms {
		for _, t1 := range g1.Site.Terms {
			if t1.File == t2.File && t1.File != "content/terms/"+file {
				if base[t1.File] == next[t1.File] {
					s2.Terms[i] = t1
				}
			}
		}
	}
	for i, f2 := range s2.Frameworks {
		for _, f1 := range g1.Site.Frameworks {
			if f1.File == f2.File && base[f1.File] == next[f1.File] {
				s2.Frameworks[i] = f1
			}
		}
	}
	g2, diags := Resolve(s2, Options{Drafts: true})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	c := diffOne(g1, g2)
	// AllTerms changes with any term's page, links or card; the tests
	// list the facts of each term.
	facts := c.Facts()
	anyTerm := slices.ContainsFunc(facts, func(f Fact) bool { return f.Kind == TermPage || f.Kind == TermLinks || f.Kind == TermCard })
	if c.Has(Fact{Kind: AllTerms}) != anyTerm {
		t.Errorf("AllTerms changed: %v, but a term's fact changed: %v", !anyTerm, anyTerm)
	}
	return slices.DeleteFunc(facts, func(f Fact) bool { return f.Kind == AllTerms }), c
}

func TestDiffSaysWhichFactsAnEditChanged(t *testing.T) {
	base := map[string]string{
		"content/terms/api-key.md": term("API Key", "tags: [secrets]", "related: [secret]", "---", "Rotate it; a quiet harbor."),
		"content/terms/secret.md":  term("Secret", "related: [api-key]"),
	}
	const f = "content/terms/api-key.md"
	tests := []struct {
		name string
		text string
		want []Fact
	}{
		{"prose", term("API Key", "tags: [secrets]", "related: [secret]", "---", "Rotate it often; a quiet harbor."),
			[]Fact{TermPageFact("api-key")}},
		{"summary", `---
title: API Key
summary: Another summary.
updated: 2026-01-01
tags: [secrets]
related: [secret]
---
Rotate it; a quiet harbor.
`, []Fact{{Kind: TermList}, TermPageFact("api-key"), TermCardFact("api-key")}},
		{"tag", term("API Key", "tags: [vaults]", "related: [secret]", "---", "Rotate it; a quiet harbor."),
			[]Fact{{Kind: Links}, TermPageFact("api-key"), {Kind: Tag, Key: "secrets"}, {Kind: TagMembers, Key: "secrets"}, {Kind: TagList}, {Kind: Tag, Key: "vaults"}, {Kind: TagMembers, Key: "vaults"}}},
		{"a synonym", term("API Key", "synonyms: [Quiet Harbor]", "tags: [secrets]", "related: [secret]", "---", "Rotate it; a quiet harbor."),
			[]Fact{{Kind: TermList}, TermPageFact("api-key"), TermCardFact("api-key"), {Kind: Name, Key: "quiet harbor"}}},
		// Other pages cite a source by its place and title.
		{"a source", term("API Key", "tags: [secrets]", "related: [secret]", "sources:\n  - {id: r, title: A report}", "---", "Rotate it; a quiet harbor."),
			[]Fact{TermPageFact("api-key"), TermSourcesFact("api-key")}},
	}
	for _, tt := range tests {
		got, c := diffAfter(t, base, f, tt.text)
		slices.SortFunc(tt.want, Fact.Compare)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: facts (-want +got):\n%s", tt.name, diff)
		}
		if tt.name == "a synonym" && !mentionsPlain(c, "", foldMentions("Another Quiet   Harbor here")) {
			t.Errorf("a synonym: a text that mentions it is not affected")
		}
	}
}

// A term page shows a framework's name and controls, not the terms
// mapped to it: a rename that reorders those changes the framework's page
// and the lists (they count its terms), not every mapped term's page.
func TestDiffKeepsAFrameworksCardWhenItsTermsReorder(t *testing.T) {
	maps := "mappings:\n  - framework: owasp\n    control: NHI1\n    relevance: It maps."
	const fw = "content/frameworks/owasp.yaml"
	base := map[string]string{
		fw:                         "name: OWASP NHI Top 10\nshort: OWASP NHI\ncontrols:\n  - id: NHI1\n    title: Leaks\n",
		"content/terms/api-key.md": term("API Key", maps),
		"content/terms/secret.md":  term("Secret", maps),
	}
	got, _ := diffAfter(t, base, "content/terms/api-key.md", term("Zebra Key", maps))
	if !slices.Contains(got, FrameworkPageFact("owasp")) || !slices.Contains(got, Fact{Kind: FrameworkList}) {
		t.Errorf("facts %v: want the framework's page and the list among them", got)
	}
	if slices.Contains(got, FrameworkCardFact("owasp")) {
		t.Errorf("facts %v: the framework's card changed, which no term's rename changes", got)
	}
	got, _ = diffAfter(t, base, fw, "name: OWASP NHI Top 10\nshort: OWASP NHI\ncontrols:\n  - id: NHI1\n    title: Secret leaks\n")
	if !slices.Contains(got, FrameworkCardFact("owasp")) {
		t.Errorf("facts %v: a control's new title does not change the framework's card", got)
	}
}

// A name that goes is a changed fact too, and texts mentioning it may
// lose an auto-link.
func TestDiffSaysWhichNamesWent(t *testing.T) {
	base := map[string]string{
		"content/terms/api-key.md": term("API Key", "synonyms: [Quiet Harbor]", "---", "Rotate it."),
		"content/terms/secret.md":  term("Secret", "related: [api-key]"),
	}
	got, c := diffAfter(t, base, "content/terms/api-key.md", term("API Key", "---", "Rotate it."))
	if !slices.Contains(got, Fact{Kind: Name, Key: "quiet harbor"}) {
		t.Errorf("facts %v, want the name that went among them", got)
	}
	if !mentionsPlain(c, "", foldMentions("A Quiet Harbor.")) {
		t.Errorf("a text that mentions the name that went is not affected")
	}
}

// diffLanguagesAfter is diffAfter for a site in several languages: every
// file but the edited one keeps its objects, as in a live preview.
func diffLanguagesAfter(t *testing.T, base map[string]string, file, text string) []Fact {
	t.Helper()
	gs1, _ := ResolveLanguages(load(t, base), Options{Drafts: true})
	next := maps.Clone(base)
	if text == "" {
		delete(next, file)
	} else {
		next[file] = text
	}
	s2 := load(t, next)
	keep := func(ts []*content.Term, old []*content.Term) {
		for i, t2 := range ts {
			for _, t1 := range old {
				if t1.File == t2.File && t1.File != file {
					ts[i] = t1
				}
			}
		}
	}
	keep(s2.Terms, gs1[0].Site.Terms)
	keep(s2.TermTranslations, gs1[0].Site.TermTranslations)
	for _, tr := range s2.TermTranslations { // paired again, as content.Assemble does
		for _, t := range s2.Terms {
			if t.File == tr.Original.File {
				tr.Original = t
			}
		}
	}
	gs2, diags := ResolveLanguages(s2, Options{Drafts: true})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	c := DiffLanguages(gs1, gs2)
	// AllTerms, in each view, comes with any term fact of the view.
	return slices.DeleteFunc(c.Facts(), func(f Fact) bool { return f.Kind == AllTerms })
}

func TestDiffLanguagesSaysWhichViewChanged(t *testing.T) {
	base := map[string]string{
		"nhiglossary.yaml":            twoLang,
		"content/terms/api-key.md":    term("API Key", "related: [secret]", "---", "Rotate it."),
		"content/terms/api-key.de.md": "---\ntitle: API-Schlüssel\nsource_updated: 2026-01-01\n---\nRotiere ihn.\n",
		"content/terms/secret.md":     term("Secret", "related: [api-key]"),
	}
	de := func(f Fact) Fact { return f.In("de") }
	card, list := func(slug string) Fact { return TermCardFact(slug) }, Fact{Kind: TermList}
	lang := func(slug string) Fact { return Fact{Kind: TermLang, Key: slug} }
	tests := []struct {
		name, file, text string
		want             []Fact
	}{
		{"a translation's prose changes its page in its language only", "content/terms/api-key.de.md",
			"---\ntitle: API-Schlüssel\nsource_updated: 2026-01-01\n---\nRotiere ihn oft.\n",
			[]Fact{de(TermPageFact("api-key"))}},
		// The translation has a body of its own: its page shows nothing
		// that changed.
		{"an original's prose changes its page, not its translation's", "content/terms/api-key.md",
			term("API Key", "related: [secret]", "---", "Rotate it often."),
			[]Fact{TermPageFact("api-key")}},
		{"an original's examples change its translation's page too, which shows them", "content/terms/api-key.md",
			term("API Key", "related: [secret]", "examples: [\"key-123\"]", "---", "Rotate it."),
			[]Fact{TermPageFact("api-key"), de(TermPageFact("api-key"))}},
		{"an untranslated original's prose: the German view holds it too", "content/terms/secret.md",
			term("Secret", "related: [api-key]", "---", "Keep it."),
			[]Fact{TermPageFact("secret"), de(TermPageFact("secret"))}},
		// The title stays: only the language marker on its card differs.
		{"a translation keeping the original's title", "content/terms/secret.de.md",
			"---\ntitle: Secret\nsource_updated: 2026-01-01\n---\n",
			[]Fact{de(list), de(TermPageFact("secret")), de(card("secret")), de(lang("secret"))}},
		{"a translation deleted", "content/terms/api-key.de.md", "",
			[]Fact{de(list), de(TermPageFact("api-key")), de(card("api-key")), de(lang("api-key")),
				// [[API Key]] now reads "API Key" in German too.
				de(Fact{Kind: Name, Key: "api key"}), de(Fact{Kind: Name, Key: "api-key"}), de(Fact{Kind: Name, Key: "api-schlüssel"})}},
	}
	for _, tt := range tests {
		got := diffLanguagesAfter(t, base, tt.file, tt.text)
		slices.SortFunc(tt.want, Fact.Compare)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: facts (-want +got):\n%s", tt.name, diff)
		}
	}
}

// diffOne is DiffLanguages of two versions of a site in one language.
func diffOne(prev, next *Graph) *Changes {
	return DiffLanguages([]*Graph{prev}, []*Graph{next})
}
