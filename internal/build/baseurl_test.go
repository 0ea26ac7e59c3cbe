package build

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nhimg/nhiglossary/internal/diag"
)

// Without an absolute base_url a build says so once and leaves out what
// needs the host, instead of writing <loc>/</loc>.
func TestNoBaseURLWarnsAndLeavesOutTheSitemap(t *testing.T) {
	tests := []struct {
		name, baseURL string
		dev, off      bool
		noFile        bool   // the site has no nhiglossary.yaml
		warning       string // "" for none
	}{
		{"absolute", "https://example.org/glossary/", false, false, false, ""},
		{"none", "/", false, false, false, "nhiglossary.yaml:1:1: warning: no base_url: sitemap.xml, opensearch.xml and canonical links are left out"},
		{"no settings file", "/", false, false, true, "nhiglossary.yaml:1:1: warning: no nhiglossary.yaml, so no base_url: sitemap.xml, opensearch.xml and canonical links are left out; create it"},
		{"a path only", "/kb/", false, false, false, `nhiglossary.yaml:1:1: warning: base_url "/kb/" has no scheme and host`},
		{"preview", "/", true, false, false, ""},
		{"switched off", "/", false, true, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := copySite(t, "example-site")
			if tt.noFile {
				if err := os.Remove(filepath.Join(src, "nhiglossary.yaml")); err != nil {
					t.Fatal(err)
				}
			}
			if tt.off {
				f, _ := os.OpenFile(filepath.Join(src, "nhiglossary.yaml"), os.O_APPEND|os.O_WRONLY, 0)
				f.WriteString("warnings: {no-base-url: off}\n")
				f.Close()
			}
			o := opts()
			o.BaseURL, o.Dev = tt.baseURL, tt.dev
			out := filepath.Join(t.TempDir(), "public")
			res := buildOK(t, src, out, o)
			var warnings []string
			for _, d := range res.Diags {
				warnings = append(warnings, d.String())
				if d.Code != diag.NoBaseURL {
					t.Errorf("code %q, want %q", d.Code, diag.NoBaseURL)
				}
			}
			got := strings.Join(warnings, "\n")
			if tt.warning == "" && got != "" || !strings.Contains(got, tt.warning) || len(warnings) > 1 {
				t.Errorf("diagnostics %q, want %q", got, tt.warning)
			}
			sitemap, err := os.ReadFile(filepath.Join(out, "sitemap.xml"))
			if absolute := tt.baseURL != "/" && tt.baseURL != "/kb/"; absolute != (err == nil) {
				t.Errorf("sitemap.xml written: %v, want %v", err == nil, absolute)
			}
			if strings.Contains(string(sitemap), "<loc>/") {
				t.Errorf("a sitemap <loc> without a host:\n%s", sitemap)
			}
			robots, _ := os.ReadFile(filepath.Join(out, "robots.txt"))
			if strings.Contains(string(robots), "Sitemap:") != (err == nil) {
				t.Errorf("robots.txt names a sitemap that is not there, or not one that is:\n%s", robots)
			}
			// OpenSearch takes absolute URLs only: no file, and no link to it.
			_, osErr := os.Stat(filepath.Join(out, "opensearch.xml"))
			home, _ := os.ReadFile(filepath.Join(out, "index.html"))
			if absolute := tt.baseURL != "/" && tt.baseURL != "/kb/"; absolute != (osErr == nil) || absolute != strings.Contains(string(home), `rel="search"`) {
				t.Errorf("opensearch.xml written: %v, linked: %v; want %v", osErr == nil, strings.Contains(string(home), `rel="search"`), absolute)
			}
			// The feed needs no host: its ids are urn:uuid ids then.
			feed, err := os.ReadFile(filepath.Join(out, "feed.xml"))
			if err != nil || strings.Contains(string(feed), "1970") {
				t.Errorf("feed.xml: %v\n%s", err, feed)
			}
		})
	}
}

// A site with nothing published (a new site's first draft) has no feed
// to date: no feed.xml and no link to one, rather than a 1970 date.
func TestNoFeedWithoutTerms(t *testing.T) {
	src := copySite(t, "example-site")
	for _, dir := range []string{"content/terms", "content/incidents"} {
		os.RemoveAll(filepath.Join(src, dir))
	}
	os.MkdirAll(filepath.Join(src, "content/terms"), 0o755)
	os.WriteFile(filepath.Join(src, "content/terms/first.md"), []byte("---\ntitle: First\nsummary: The first term.\nupdated: 2026-01-02\ndraft: true\n---\nText.\n"), 0o644)
	out := filepath.Join(t.TempDir(), "public")
	res, err := Build(context.Background(), src, out, opts())
	if err != nil {
		t.Fatalf("%v\n%v", err, res.Diags)
	}
	if res.Terms != 0 {
		t.Fatalf("%d terms published, want none", res.Terms)
	}
	if _, err := os.Stat(filepath.Join(out, "feed.xml")); err == nil {
		t.Error("feed.xml written with no entries")
	}
	home, _ := os.ReadFile(filepath.Join(out, "index.html"))
	if strings.Contains(string(home), "feed.xml") {
		t.Error("the home page links a feed that is not there")
	}
}
