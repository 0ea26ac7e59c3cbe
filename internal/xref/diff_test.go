package xref

import (
	"maps"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
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
	g2, diags := Resolve(s2, Options{Drafts: true})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	c := Diff(g1, g2)
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
			[]Fact{{Kind: Links}, TermPageFact("api-key"), {Tag, "secrets"}, {TagMembers, "secrets"}, {TagList, ""}, {Tag, "vaults"}, {TagMembers, "vaults"}}},
		{"a synonym", term("API Key", "synonyms: [Quiet Harbor]", "tags: [secrets]", "related: [secret]", "---", "Rotate it; a quiet harbor."),
			[]Fact{{Kind: TermList}, TermPageFact("api-key"), TermCardFact("api-key"), {Name, "quiet harbor"}}},
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
		if tt.name == "a synonym" && !c.Mentions(FoldMentions("Another Quiet   Harbor here")) {
			t.Errorf("a synonym: a text that mentions it is not affected")
		}
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
	if !slices.Contains(got, Fact{Name, "quiet harbor"}) {
		t.Errorf("facts %v, want the name that went among them", got)
	}
	if !c.Mentions(FoldMentions("A Quiet Harbor.")) {
		t.Errorf("a text that mentions the name that went is not affected")
	}
}
