package content

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// termWith is a term file with extra front-matter lines from line 5 on.
func termWith(lines string) string {
	return "---\ntitle: API Key\nsummary: A static secret.\nupdated: 2026-05-16\n" + lines + "---\nBody.\n"
}

func TestTerminologyKeys(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{
			name: "every key, well formed",
			files: map[string]string{
				"nhiglossary.yaml": "review_every: 12m\n",
				"content/terms/api-key.md": termWith("broader: [secret, Credential]\ndeprecated: true\nreplaced_by: token\nreview_every: 6m\n" +
					"definitions:\n  - text: A code.\n    source: {title: T, url: https://example.org/}\n    context: Web APIs\n"),
			},
		},
		{
			name:  "one broader term may be written without brackets",
			files: map[string]string{"content/terms/api-key.md": termWith("broader: secret\n")},
		},
		{
			name:  "broader must be names",
			files: map[string]string{"content/terms/api-key.md": termWith("broader: {a: b}\n")},
			want:  []string{`content/terms/api-key.md:5:10: "broader" must be a list, not a set of fields`},
		},
		{
			name:  "review_every that is not a period",
			files: map[string]string{"content/terms/api-key.md": termWith("review_every: 6 months\n")},
			want:  []string{`content/terms/api-key.md:5:15: "review_every": "6 months" is not a period: write a number and d (days), w (weeks), m (months) or y (years), like 6m`},
		},
		{
			name:  "site review_every that is not a period",
			files: map[string]string{"nhiglossary.yaml": "review_every: 0y\n", "content/terms/api-key.md": okTerm},
			want:  []string{`nhiglossary.yaml:1:15: "review_every": "0y" is not a period: write a number and d (days), w (weeks), m (months) or y (years), like 6m`},
		},
		{
			name:  "replaced_by without deprecated",
			files: map[string]string{"content/terms/api-key.md": termWith("replaced_by: token\n")},
			want:  []string{`content/terms/api-key.md:5:1: "replaced_by" is for deprecated terms: add "deprecated: true" or remove it`},
		},
		{
			name:  "deprecated must be true or false",
			files: map[string]string{"content/terms/api-key.md": termWith("deprecated: yes please\n")},
			want:  []string{`content/terms/api-key.md:5:13: "deprecated" must be true or false, not text`},
		},
		{
			name:  "a definition's unknown key",
			files: map[string]string{"content/terms/api-key.md": termWith("definitions:\n  - text: A.\n    source: {title: T}\n    contxt: Web\n")},
			want:  []string{`content/terms/api-key.md:8:5: unknown key "contxt" in a definition (did you mean "context"?)`},
		},
		{
			name:  "a definition without a source",
			files: map[string]string{"content/terms/api-key.md": termWith("definitions:\n  - text: A.\n")},
			want:  []string{`content/terms/api-key.md:6:5: missing required key "source" in a definition`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := diagStrings(t, site(tt.files))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTerminologyValues(t *testing.T) {
	s, diags := Load(site(map[string]string{
		"nhiglossary.yaml": "review_every: 1y\n",
		"content/terms/api-key.md": termWith("broader: [secret, Credential]\ndeprecated: true\nreplaced_by: token\nreview_every: 6m\n" +
			"reviewed: {by: Ann, on: 2026-06-01}\n" +
			"definitions:\n  - text: >-\n      A code\n      passed.\n    source: {title: T, url: https://example.org/}\n    context: Web APIs\n  - text: B.\n    source: {title: U}\n"),
	}))
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	term := s.Terms[0]
	if got := []string{term.Broader[0].Value, term.Broader[1].Value}; !cmp.Equal(got, []string{"secret", "Credential"}) {
		t.Errorf("broader = %v", got)
	}
	if !term.Deprecated || term.ReplacedBy.Value != "token" || term.ReplacedBy.Pos.Line != 7 {
		t.Errorf("deprecated %v, replaced_by %+v", term.Deprecated, term.ReplacedBy)
	}
	if term.ReviewEvery != (Period{6, 'm'}) || s.Config.ReviewEvery != (Period{1, 'y'}) {
		t.Errorf("review_every: term %v, site %v", term.ReviewEvery, s.Config.ReviewEvery)
	}
	want := []Definition{
		{Text: "A code passed.", Source: Source{Title: "T", URL: "https://example.org/"}, Context: "Web APIs"},
		{Text: "B.", Source: Source{Title: "U"}},
	}
	if diff := cmp.Diff(want, term.Definitions, cmp.FilterPath(func(p cmp.Path) bool { return p.Last().String() == ".Pos" }, cmp.Ignore())); diff != "" {
		t.Errorf("definitions (-want +got):\n%s", diff)
	}
	last, pos := term.LastReviewed()
	if !last.Equal(time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)) || pos.Line != 9 {
		t.Errorf("LastReviewed = %v at %v, want 2026-06-01 at line 9", last, pos)
	}
}

func TestPeriod(t *testing.T) {
	from := time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		in   string
		want string
	}{
		{"30d", "2026-03-02"}, {"2w", "2026-02-14"}, {"1m", "2026-02-28"}, {"13m", "2027-02-28"}, {"12 M", "2027-01-31"}, {"1y", "2027-01-31"},
	} {
		p, err := parsePeriod(tt.in)
		if err != nil {
			t.Errorf("parsePeriod(%q): %v", tt.in, err)
			continue
		}
		if got := p.After(from).Format(time.DateOnly); got != tt.want {
			t.Errorf("%s after %s = %s, want %s", tt.in, from.Format(time.DateOnly), got, tt.want)
		}
	}
	for _, bad := range []string{"", "m", "6", "6x", "-1m", "0d", "1.5y", "6 months"} {
		if _, err := parsePeriod(bad); err == nil {
			t.Errorf("parsePeriod(%q) accepted it", bad)
		}
	}
}

// A period that parses prints back as itself and always lies ahead.
func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"6m", "12 M", "1y", "30d", "2w", "0d", "-1m", "1.5y", "999y", ""} {
		f.Add(s)
	}
	from := time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		p, err := parsePeriod(s)
		if err != nil {
			return
		}
		q, err := parsePeriod(p.String())
		if err != nil || q != p {
			t.Fatalf("%q parsed as %v, which reads back as %v (%v)", s, p, q, err)
		}
		if !p.After(from).After(from) {
			t.Fatalf("%q: %v after %v is not later", s, p.After(from), from)
		}
	})
}
