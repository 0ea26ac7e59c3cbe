package render

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/nhimg/nhiglossary"
	"github.com/nhimg/nhiglossary/internal/sitetest"
	"github.com/nhimg/nhiglossary/internal/xref"
)

// terminologySite is a site with a hierarchy, a shared abbreviation and
// a deprecated term, resolved and ready to render.
func terminologySite(t *testing.T) (*Renderer, *xref.Graph) {
	t.Helper()
	term := func(title, extra string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\nsummary: About " + title + ".\nupdated: 2026-01-01\n" + extra + "---\nBody.\n")}
	}
	g := sitetest.MustResolve(t, fstest.MapFS{
		"content/terms/secret.md":     term("Secret", ""),
		"content/terms/api-key.md":    term("API Key", "broader: [secret]\nabbreviations: [AK]\nreviewed: {by: Ann, on: 2026-02-01}\ndefinitions:\n  - text: A code.\n    source: {title: S, url: https://example.org/s}\n    context: APIs\n"),
		"content/terms/token.md":      term("Token", "broader: [secret]\nabbreviations: [AK]\n"),
		"content/terms/old-key.md":    term("Old Key", "deprecated: true\nreplaced_by: api-key\nbroader: [secret]\n"),
		"content/terms/leaf-token.md": term("Leaf Token", "broader: [token, api-key]\n"),
		"content/terms/leaf-bud.md":   term("Leaf Bud", "broader: [leaf-token]\n"),
	})
	r, err := New(g, nhiglossary.Templates(), Assets{}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r, g
}

func titles(refs []TermRef) []string {
	out := []string{}
	for _, r := range refs {
		out = append(out, r.Title)
	}
	return out
}

func TestTermPageTerminology(t *testing.T) {
	r, g := terminologySite(t)
	var p TermPage
	r.terminology(&p, g.TermBySlug["api-key"])
	if got := titles(p.Broader); !cmp.Equal(got, []string{"Secret"}) {
		t.Errorf("broader = %v", got)
	}
	if got := titles(p.Narrower); !cmp.Equal(got, []string{"Leaf Token"}) {
		t.Errorf("narrower = %v", got)
	}
	if p.Hierarchy != "/hierarchy/" || p.Deprecated || p.ReplacedBy != nil || p.LastReviewed.Format("2006-01-02") != "2026-02-01" {
		t.Errorf("hierarchy %q, deprecated %v, replaced by %v, last reviewed %v", p.Hierarchy, p.Deprecated, p.ReplacedBy, p.LastReviewed)
	}

	var old TermPage
	r.terminology(&old, g.TermBySlug["old-key"])
	if !old.Deprecated || old.ReplacedBy == nil || old.ReplacedBy.URL != "/terms/api-key/" || old.ReplacedBy.Link == "" {
		t.Errorf("deprecated page: %v, replaced by %+v", old.Deprecated, old.ReplacedBy)
	}

	got := definitionViews(g.TermBySlug["api-key"].Definitions)
	want := []DefinitionView{{Text: "A code.", Source: SourceView{N: 1, Title: "S", URL: "https://example.org/s"}, Context: "APIs"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("definitions (-want +got):\n%s", diff)
	}
	if q := quotations(g.TermBySlug["api-key"].Definitions); len(q) != 1 || q[0].Type != "Quotation" || q[0].IsBasedOn.URL != "https://example.org/s" || q[0].Context != "APIs" {
		t.Errorf("JSON-LD quotations = %+v", q)
	}
}

func TestIndexTerminology(t *testing.T) {
	r, g := terminologySite(t)
	var names []string
	for _, l := range r.letters() {
		for _, e := range l.Entries {
			kind := "term"
			switch {
			case e.Shared != nil:
				kind = "shared " + e.Shared.URL
			case e.Alias:
				kind = e.AliasKind
			}
			names = append(names, e.Name+": "+kind)
		}
	}
	want := []string{
		"AK: shared /terms/ak/", "API Key: term", "Leaf Bud: term", "Leaf Token: term", "Secret: term", "Token: term",
	}
	if !cmp.Equal(names, want) {
		t.Errorf("A-Z entries = %q, want %q (the shared name once, the deprecated term apart)", names, want)
	}

	jobs := map[string]bool{}
	for _, j := range r.Jobs() {
		jobs[j.Path] = true
	}
	for _, want := range []string{"terms/ak/index.html", "hierarchy/index.html", "terms/old-key/index.html"} {
		if !jobs[want] {
			t.Errorf("no job writes %s", want)
		}
	}
	if len(g.Shared) != 1 {
		t.Fatalf("shared = %v", g.Shared)
	}
}

func TestHierarchyTrees(t *testing.T) {
	r, _ := terminologySite(t)
	roots, n := r.trees()
	var lines []string
	var walk func(ns []TreeNode, indent string)
	walk = func(ns []TreeNode, indent string) {
		for _, tn := range ns {
			line := indent + tn.Term.Title
			if tn.Term.Deprecated {
				line += " (deprecated)"
			}
			if tn.Repeat {
				line += " (above)"
			}
			lines = append(lines, line)
			walk(tn.Children, indent+"  ")
		}
	}
	walk(roots, "")
	want := []string{
		"Secret",
		"  API Key",
		"    Leaf Token",
		"      Leaf Bud",
		"  Old Key (deprecated)",
		"  Token",
		"    Leaf Token (above)",
	}
	if !cmp.Equal(lines, want) || n != 6 {
		t.Errorf("trees (%d terms):\n%s\nwant:\n%s", n, strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

// Auto-linking never targets a deprecated term nor a name several terms
// share.
func TestAutoNamesSkipDeprecatedAndShared(t *testing.T) {
	r, _ := terminologySite(t)
	var got []string
	for _, n := range r.autoNames() {
		got = append(got, n.Text)
	}
	slices.Sort(got)
	want := []string{"API Key", "Leaf Bud", "Leaf Token", "Secret", "Token"}
	if !cmp.Equal(got, want) {
		t.Errorf("auto-linked names = %q, want %q", got, want)
	}
}
