package render

import (
	"slices"
	"testing"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/i18n"
	"github.com/nhimg/nhiglossary/internal/xref"
)

func TestURLsStayUnderTheBasePath(t *testing.T) {
	tests := []struct {
		baseURL, wantBase, wantTerm, wantAbs string
	}{
		{"https://example.org/kb/", "/kb/", "/kb/terms/api-key/", "https://example.org/kb/terms/api-key/"},
		{"https://example.org/kb", "/kb/", "/kb/terms/api-key/", "https://example.org/kb/terms/api-key/"},
		{"https://example.org", "/", "/terms/api-key/", "https://example.org/terms/api-key/"},
		{"/glossary/", "/glossary/", "/glossary/terms/api-key/", "/glossary/terms/api-key/"},
		{"/", "/", "/terms/api-key/", "/terms/api-key/"},
	}
	for _, tt := range tests {
		u := newURLs(tt.baseURL)
		if got := BasePathOf(tt.baseURL); got != tt.wantBase {
			t.Errorf("BasePathOf(%q) = %q, want %q", tt.baseURL, got, tt.wantBase)
		}
		if got := u.Term("api-key"); got != tt.wantTerm {
			t.Errorf("%q: Term = %q, want %q", tt.baseURL, got, tt.wantTerm)
		}
		if got := u.Abs(u.Term("api-key")); got != tt.wantAbs {
			t.Errorf("%q: Abs = %q, want %q", tt.baseURL, got, tt.wantAbs)
		}
	}
}

func TestControlAnchor(t *testing.T) {
	for in, want := range map[string]string{"PR.AA-01": "control-pr-aa-01", "NHI2": "control-nhi2", "T1552.001": "control-t1552-001"} {
		if got := controlAnchor(in); got != want {
			t.Errorf("controlAnchor(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestControlAnchorsAreUniqueInAFramework(t *testing.T) {
	tests := []struct {
		ids, want []string
	}{
		{[]string{"NHI1", "NHI2"}, []string{"control-nhi1", "control-nhi2"}},
		// Later ids that slug alike get a suffix, in the framework's order.
		{[]string{"A.1", "A-1", "A_1"}, []string{"control-a-1", "control-a-1-1", "control-a-1-2"}},
		// A suffix never takes the anchor another control has on its own.
		{[]string{"A.1", "A-1", "A.1.1"}, []string{"control-a-1", "control-a-1-2", "control-a-1-1"}},
		// Nor an id that is another control's heading id (ANCHOR-title).
		{[]string{"X title", "X"}, []string{"control-x-title", "control-x-1"}},
	}
	for _, tt := range tests {
		f := &content.Framework{ID: "fw"}
		for _, id := range tt.ids {
			f.Controls = append(f.Controls, &content.Control{ID: content.Name{Value: id}})
		}
		if got := ControlAnchors(f); !slices.Equal(got, tt.want) {
			t.Errorf("ControlAnchors(%q) = %q, want %q", tt.ids, got, tt.want)
		}
	}
}

func TestTaxonomyURLsArePercentEncoded(t *testing.T) {
	g, _ := xref.Resolve(&content.Site{Terms: []*content.Term{{File: "a.md", Slug: content.Name{Value: "a"}, Title: content.Name{Value: "A"}, Tags: []string{"秘密", "ç", "c"}}}}, xref.Options{})
	tx := taxonomy{g.Tags, "tags/"}
	if got := tx.url(newURLs("/"), "秘密"); got != "/tags/%E7%A7%98%E5%AF%86/" {
		t.Errorf("a CJK tag's URL = %q, want it percent-encoded", got)
	}
	if got := tx.url(newURLs("/kb/"), "ç"); got != "/kb/tags/c-1/" {
		t.Errorf("url = %q", got)
	}
}

func TestIndexLetters(t *testing.T) {
	for in, want := range map[string]string{
		"api key": "A", "Zero Trust": "Z", "3DES": "#", "": "#",
		"éclair": "E", "Élan Vital Key": "E", "Ünique Name": "U", "øvre": "O",
		"Ключ": "#", "秘密": "#",
	} {
		if got := i18n.NewCollator("en").Letter(in); got != want {
			t.Errorf("letterOf(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPlainTurnsLinksIntoWhatReadersSee(t *testing.T) {
	for in, want := range map[string]string{
		"Keys leaked via [[API Key]].":                    "Keys leaked via API Key.",
		"A [[beyondtrust|BeyondTrust]] key, [[jwt|JWTs]]": "A BeyondTrust key, JWTs",
		"Spans\n  two   lines":                            "Spans two lines",
		"Code `[[not a link]]` stays":                     "Code `[[not a link]]` stays",
		"A pipe | in [[x|text]]":                          "A pipe | in text",
	} {
		if got := plain(in); got != want {
			t.Errorf("plain(%q) = %q, want %q", in, got, want)
		}
	}
}
