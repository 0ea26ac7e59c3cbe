package render

import "testing"

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

func TestAnchorsAndTaxonomySlugs(t *testing.T) {
	for in, want := range map[string]string{"PR.AA-01": "control-pr-aa-01", "NHI2": "control-nhi2", "T1552.001": "control-t1552-001"} {
		if got := ControlAnchor(in); got != want {
			t.Errorf("ControlAnchor(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"CI/CD": "ci-cd", "Secrets": "secrets", "!!!": "other"} {
		if got := TaxonomySlug(in); got != want {
			t.Errorf("TaxonomySlug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIndexLetters(t *testing.T) {
	for in, want := range map[string]string{"api key": "A", "Zero Trust": "Z", "éclair": "#", "3DES": "#", "": "#"} {
		if got := letterOf(in); got != want {
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
