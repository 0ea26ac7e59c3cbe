package xref

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/diag"
)

// site is a small glossary with every kind of reference, used by the
// tests of the Graph's contents.
var site = map[string]string{
	"content/terms/api-key.md": term("API Key",
		"synonyms: [access key]",
		"redirects: [apikey, api-keys]",
		"related: [secrets-sprawl, Service Account]",
		"incidents: [leak]",
		"mappings:",
		"  - framework: owasp",
		"    control: nhi2",
		"    relevance: Keys leak.",
		"  - framework: zero-trust",
		"    relevance: Keys are standing access.",
		"---",
		"An [[API key]] is a secret; see [[Secrets Sprawl]] and [[owasp/NHI7]].",
	),
	"content/terms/secrets-sprawl.md": term("Secrets Sprawl",
		"related: [api-key]",
		"mappings:",
		"  - framework: owasp",
		"    control: NHI2",
		"---",
		"Sprawl grows with every [[access key]]; see [[Old Leak]].",
	),
	"content/terms/service-account.md": term("service account",
		"abbreviations: [SA]",
		"mappings:",
		"  - framework: zero-trust",
		"---",
		"A service account often holds an [[API Key|API key]] and a [[draft-term]].",
	),
	"content/terms/draft-term.md": term("Draft Term",
		"draft: true",
		"related: [api-key, secrets-sprawl]",
		"incidents: [leak]",
		"---",
		"Drafts link too: [[service account]].",
	),
	"content/incidents/leak.md":     incident("Leak", "date: 2025-06-01"),
	"content/incidents/old-leak.md": incident("Old Leak", "date: 2023-01-01"),
	"content/incidents/same-day.md": incident("Same Day", "date: 2025-06-01", "draft: true"),
	"content/frameworks/owasp.yaml": owasp,
	"content/frameworks/zero-trust.yaml": lines(
		"name: Zero Trust",
		"description: Not [[NHI2]] but [[owasp/NHI2]].",
	),
}

func TestGraph(t *testing.T) {
	g, diags := resolve(t, site, Options{})
	// The site has two mistakes; everything else in the graph is complete
	// in spite of them.
	wantDiags := []string{
		`content/frameworks/zero-trust.yaml:2:18: unknown link target "NHI2" (did you mean "owasp/NHI2"?)`,
		`content/terms/service-account.md:9:60: link target "draft-term" is a draft; publish it or remove the link`,
	}
	if diff := cmp.Diff(wantDiags, diags); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
	apiKey, sprawl, sa := g.TermBySlug["api-key"], g.TermBySlug["secrets-sprawl"], g.TermBySlug["service-account"]
	leak, oldLeak := g.IncidentBySlug["leak"], g.IncidentBySlug["old-leak"]
	if apiKey == nil || sprawl == nil || sa == nil || leak == nil || oldLeak == nil {
		t.Fatalf("TermBySlug or IncidentBySlug is missing a published page")
	}
	owaspFw, zt := g.Frameworks[0], g.Frameworks[1]
	nhi2 := owaspFw.Controls[0]

	t.Run("published terms by title, case-insensitive", func(t *testing.T) {
		check(t, []string{"api-key", "secrets-sprawl", "service-account"}, slugs(g.Terms))
		if g.TermBySlug["draft-term"] != nil {
			t.Errorf("TermBySlug has the draft")
		}
	})
	t.Run("published incidents newest first", func(t *testing.T) {
		var got []string
		for _, inc := range g.Incidents {
			got = append(got, inc.Slug.Value)
		}
		check(t, []string{"leak", "old-leak"}, got)
	})
	t.Run("frameworks by id", func(t *testing.T) {
		check(t, []string{"owasp", "zero-trust"}, []string{owaspFw.ID, zt.ID})
	})
	t.Run("related in the order written", func(t *testing.T) {
		check(t, []string{"secrets-sprawl", "service-account"}, slugs(g.Related[apiKey]))
		check(t, []string{}, slugs(g.Related[sa]))
	})
	t.Run("referenced by: related lists and links, from published terms, not itself", func(t *testing.T) {
		check(t, []string{"secrets-sprawl", "service-account"}, slugs(g.ReferencedBy[apiKey]))
		check(t, []string{"api-key"}, slugs(g.ReferencedBy[sprawl]))
		check(t, []string{"api-key"}, slugs(g.ReferencedBy[sa]))
	})
	t.Run("incidents of a term and terms of an incident", func(t *testing.T) {
		if got := g.TermIncidents[apiKey]; len(got) != 1 || got[0] != leak {
			t.Errorf("TermIncidents[api-key] = %v, want [leak]", got)
		}
		check(t, []string{"api-key"}, slugs(g.IncidentTerms[leak]))
		check(t, []string{"secrets-sprawl"}, slugs(g.IncidentTerms[oldLeak]))
	})
	t.Run("mappings resolve to the canonical control", func(t *testing.T) {
		ms := g.TermMappings[apiKey]
		if len(ms) != 2 || ms[0].Framework != owaspFw || ms[0].Control != nhi2 || ms[0].Relevance.Text != "Keys leak." ||
			ms[1].Framework != zt || ms[1].Control != nil {
			t.Errorf("TermMappings[api-key] = %+v", ms)
		}
	})
	t.Run("terms of a control and of a framework, by title", func(t *testing.T) {
		var got []string
		for _, tm := range g.ControlTerms[nhi2] {
			got = append(got, tm.Term.Slug.Value)
		}
		check(t, []string{"api-key", "secrets-sprawl"}, got)
		got = nil
		for _, tm := range g.FrameworkTerms[zt] {
			got = append(got, tm.Term.Slug.Value+": "+tm.Relevance.Text)
		}
		check(t, []string{"api-key: Keys are standing access.", "service-account: "}, got)
		if len(g.FrameworkTerms[owaspFw]) != 0 {
			t.Errorf("control mappings counted as framework-level: %v", g.FrameworkTerms[owaspFw])
		}
	})
	t.Run("redirects", func(t *testing.T) {
		if len(g.Redirects) != 2 || g.Redirects["apikey"] != apiKey || g.Redirects["api-keys"] != apiKey {
			t.Errorf("Redirects = %v", g.Redirects)
		}
	})
}

func check(t *testing.T, want, got []string) {
	t.Helper()
	if got == nil {
		got = []string{}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestLookup(t *testing.T) {
	g, _ := resolve(t, map[string]string{
		"content/terms/nhi.md":           term("Non-Human Identity", "abbreviations: [NHI]", "synonyms: [machine identity]"),
		"content/terms/api-key.md":       term("API Key", "synonyms: [Leak]", "redirects: [apikey]"),
		"content/terms/a.md":             term("A", "synonyms: [shared]"),
		"content/terms/b.md":             term("B", "synonyms: [shared]"),
		"content/terms/draft.md":         term("Draft", "draft: true"),
		"content/incidents/leak.md":      incident("Leak"),
		"content/incidents/big-leak.md":  incident("Big Leak"),
		"content/incidents/draft-inc.md": incident("Draft Inc", "draft: true"),
		"content/frameworks/owasp.yaml":  owasp,
	}, Options{})

	tests := []struct {
		name string
		want string // "term SLUG", "incident SLUG", "control FW/ID", or "" for no match
	}{
		{"nhi", "term nhi"},
		{"Non-Human Identity", "term nhi"},
		{"  non-human   IDENTITY ", "term nhi"},
		{"NHI", "term nhi"},
		{"Machine Identity", "term nhi"},
		{"api-key", "term api-key"},
		{"leak", "term api-key"}, // a term's synonym wins over an incident's slug and title
		{"big-leak", "incident big-leak"},
		{"BIG LEAK", "incident big-leak"},
		{"owasp/NHI2", "control owasp/NHI2"},
		{"OWASP/nhi7", "control owasp/NHI7"},
		{"owasp", ""},
		{"owasp/NHI3", ""},
		{"apikey", "term api-key"}, // old slugs keep working (with a warning in Resolve)
		{"APIKEY", "term api-key"},
		{"shared", ""}, // two terms claim it
		{"draft", ""},
		{"draft-inc", ""},
		{"", ""},
		{"nope", ""},
	}
	for _, tt := range tests {
		target, ok := g.Lookup(tt.name)
		got := ""
		if ok {
			switch target.Kind {
			case KindTerm:
				got = "term " + target.Term.Slug.Value
			case KindIncident:
				got = "incident " + target.Incident.Slug.Value
			case KindControl:
				got = "control " + target.Framework.ID + "/" + target.Control.ID.Value
			}
		}
		if got != tt.want {
			t.Errorf("Lookup(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestDrafts(t *testing.T) {
	files := map[string]string{
		"content/terms/a.md":        term("A", "related: [b]", "incidents: [leak]", "redirects: [old-a]"),
		"content/terms/b.md":        term("B", "draft: true", "related: [a]", "redirects: [old-b]"),
		"content/incidents/leak.md": incident("Leak", "draft: true"),
	}
	t.Run("left out", func(t *testing.T) {
		g, diags := resolve(t, files, Options{})
		check(t, []string{
			`content/terms/a.md:2:8: warning: no other term links to "A"; add it to a related list or link it with [[A]]`,
			`content/terms/a.md:5:11: related term "b" is a draft; publish it or remove the link`,
			`content/terms/a.md:6:13: incident "leak" is a draft; publish it or remove the link`,
		}, diags)
		check(t, []string{"a"}, slugs(g.Terms))
		if len(g.Incidents) != 0 || len(g.IncidentBySlug) != 0 || len(g.Related) != 0 || len(g.TermIncidents) != 0 {
			t.Errorf("drafts leaked into the graph: %d incidents, related %v, incidents %v", len(g.Incidents), g.Related, g.TermIncidents)
		}
		if _, ok := g.Redirects["old-b"]; ok || g.Redirects["old-a"] == nil {
			t.Errorf("Redirects = %v, want only old-a", g.Redirects)
		}
	})
	t.Run("published with Options.Drafts", func(t *testing.T) {
		g, diags := resolve(t, files, Options{Drafts: true})
		check(t, []string{}, diags)
		check(t, []string{"a", "b"}, slugs(g.Terms))
		a, b := g.TermBySlug["a"], g.TermBySlug["b"]
		check(t, []string{"b"}, slugs(g.Related[a]))
		check(t, []string{"a"}, slugs(g.ReferencedBy[b]))
		check(t, []string{"a"}, slugs(g.IncidentTerms[g.IncidentBySlug["leak"]]))
		if g.Redirects["old-b"] != b {
			t.Errorf("Redirects = %v, want old-b too", g.Redirects)
		}
		if _, ok := g.Lookup("B"); !ok {
			t.Errorf("Lookup(B) fails with drafts published")
		}
	})
}

// TestDeterministic resolves the same site many times: map iteration
// order must never show in the graph's lists or the diagnostics.
func TestDeterministic(t *testing.T) {
	files := map[string]string{}
	for _, s := range []string{"a", "b", "c", "d", "e", "f", "g", "h"} {
		files["content/terms/"+s+".md"] = term("T "+s,
			"related: [a, b, c, d, e, f, g, h]",
			"incidents: [i1, i2]",
			"mappings:", "  - framework: owasp", "    control: NHI2", "  - framework: owasp",
			"---", "[[T a]] [[t h]] [[nope-"+s+"]]")
	}
	files["content/incidents/i1.md"] = incident("I1")
	files["content/incidents/i2.md"] = incident("I2")
	files["content/frameworks/owasp.yaml"] = owasp
	summary := func(g *Graph, diags []string) []string {
		out := append([]string{}, diags...)
		out = append(out, slugs(g.Terms)...)
		for _, t := range g.Terms {
			out = append(out, slugs(g.ReferencedBy[t])...)
			out = append(out, slugs(g.Related[t])...)
		}
		for _, inc := range g.Incidents {
			out = append(out, inc.Slug.Value)
			out = append(out, slugs(g.IncidentTerms[inc])...)
		}
		for _, tm := range g.ControlTerms[g.Frameworks[0].Controls[0]] {
			out = append(out, tm.Term.Slug.Value)
		}
		for _, tm := range g.FrameworkTerms[g.Frameworks[0]] {
			out = append(out, tm.Term.Slug.Value)
		}
		return out
	}
	first := summary(resolve(t, files, Options{}))
	for range 20 {
		if diff := cmp.Diff(first, summary(resolve(t, files, Options{}))); diff != "" {
			t.Fatalf("a second Resolve differs (-first +again):\n%s", diff)
		}
	}
}

// TestOddInput feeds Resolve what a half-loaded site can hold: nil
// entries, empty names, positions missing. It must not panic.
func TestOddInput(t *testing.T) {
	if g, diags := Resolve(nil, Options{}); g == nil || len(diags) != 0 {
		t.Errorf("Resolve(nil) = %v, %v", g, diags)
	}
	s := &content.Site{
		Terms: []*content.Term{
			nil,
			{File: "content/terms/x.md"},
			{File: "content/terms/y.md",
				Related:   []content.Name{{}, {Value: "x"}},
				Incidents: []content.Name{{}},
				Mappings:  []content.Mapping{{}, {Framework: content.Name{Value: "f"}, Control: content.Name{Value: "c"}}},
				Body:      content.Markdown{Text: "[[ ]] [[x]] [[nope]]"},
				Examples:  []content.Markdown{{}},
				Redirects: []content.Name{{}, {Value: "x"}},
			},
		},
		Frameworks: []*content.Framework{nil, {ID: "f", Controls: []*content.Control{nil, {}}}},
		Incidents:  []*content.Incident{nil, {File: "content/incidents/z.md", Date: time.Now()}},
	}
	_, diags := Resolve(s, Options{})
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	want := []string{
		`: empty [[]] names no term: write the name inside, or remove the brackets`,
		`: empty name in the incidents list; remove it`,
		`: empty name in the related list; remove it`,
		`: related "x" is this term itself; remove it`,
		`: unknown control "c" in f`,
		`: unknown link target "nope"`,
		`: warning: link target "x" is an old slug of ; write [[]]`,
		`content/terms/x.md:1:1: warning: no other term links to ""; add it to a related list or link it with [[]]`,
		`content/terms/y.md:1:1: warning: no other term links to ""; add it to a related list or link it with [[]]`,
	}
	check(t, want, got)
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"api-key", "api-key"},
		{"API Key", "api key"},
		{"  API \t  Key\n", "api key"},
		{"Ünïcode Náme", "ünïcode náme"},
		{"a\u00a0b", "a b"},
		{"", ""},
		{"   ", ""},
	}
	for _, tt := range tests {
		if got := normalize(tt.in); got != tt.want {
			t.Errorf("normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"API Key", "  a \t b ", "Ünï\u00a0x", "api-key"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.Join(strings.Fields(strings.ToLower(s)), " ")
		if got := normalize(s); got != want {
			t.Errorf("normalize(%q) = %q, want %q", s, got, want)
		}
		if got := string(appendNormal([]byte("prefix"), s)); got != "prefix"+want {
			t.Errorf("appendNormal(prefix, %q) = %q, want %q", s, got, "prefix"+want)
		}
	})
}

// FuzzResolve builds small sites out of arbitrary names and texts: Resolve
// must not panic, and what Lookup finds must be a published thing.
func FuzzResolve(f *testing.F) {
	f.Add("API Key", "api key", "secrets-sprawl", "See [[API Key]] and [[owasp/NHI2]].", "NHI2", false)
	f.Add("", "", "", "[[ ]] [[|]] [[a|b]]", "", true)
	f.Fuzz(func(t *testing.T, title, synonym, related, body, control string, draft bool) {
		name := func(v string) content.Name {
			return content.Name{Value: v, Pos: diag.Pos{File: "f.md", Line: 1, Col: 1}}
		}
		fw := &content.Framework{ID: "owasp", Controls: []*content.Control{{ID: name(control)}}}
		a := &content.Term{File: "a.md", Slug: name("a"), Title: name(title), Synonyms: []content.Name{name(synonym)},
			Related: []content.Name{name(related), name(title)}, Incidents: []content.Name{name(related)},
			Redirects: []content.Name{name(related)}, Draft: draft,
			Mappings: []content.Mapping{{Framework: name("owasp"), Control: name(control), Relevance: content.Markdown{Text: body}}},
			Body:     content.Markdown{Text: body, Pos: diag.Pos{File: "a.md", Line: 3, Col: 1}}}
		b := &content.Term{File: "b.md", Slug: name(related), Title: name(synonym), Abbreviations: []content.Name{name(title)},
			Related: []content.Name{name(synonym)}, Body: content.Markdown{Text: body}}
		inc := &content.Incident{File: "i.md", Slug: name(synonym), Title: name(title), Draft: !draft, Summary: content.Markdown{Text: body}}
		s := &content.Site{Terms: []*content.Term{a, b}, Incidents: []*content.Incident{inc}, Frameworks: []*content.Framework{fw}}
		for _, opts := range []Options{{}, {Drafts: true}} {
			g, _ := Resolve(s, opts)
			for _, n := range []string{title, synonym, related, control, "owasp/" + control} {
				target, ok := g.Lookup(n)
				if !ok {
					continue
				}
				switch target.Kind {
				case KindTerm:
					if !slices.Contains(g.Terms, target.Term) {
						t.Errorf("Lookup(%q) found an unpublished term", n)
					}
				case KindIncident:
					if !slices.Contains(g.Incidents, target.Incident) {
						t.Errorf("Lookup(%q) found an unpublished incident", n)
					}
				case KindControl:
					if target.Control == nil || target.Framework != fw {
						t.Errorf("Lookup(%q) found a broken control target", n)
					}
				default:
					t.Errorf("Lookup(%q) found kind %d", n, target.Kind)
				}
			}
		}
	})
}

func TestTermIncidentsNewestFirst(t *testing.T) {
	g, _ := resolve(t, map[string]string{
		"content/terms/a.md":              term("A", "incidents: [old, new, same-day-b, same-day-a]"),
		"content/incidents/old.md":        incident("Old", "date: 2024-04-01"),
		"content/incidents/new.md":        incident("New", "date: 2026-02-01"),
		"content/incidents/same-day-a.md": incident("Same Day A", "date: 2025-01-01"),
		"content/incidents/same-day-b.md": incident("Same Day B", "date: 2025-01-01"),
	}, Options{})
	var got []string
	for _, inc := range g.TermIncidents[g.TermBySlug["a"]] {
		got = append(got, inc.Slug.Value)
	}
	if want := []string{"new", "same-day-a", "same-day-b", "old"}; !slices.Equal(got, want) {
		t.Errorf("a's incidents are %v, want newest first (then by slug) %v", got, want)
	}
}
