package build

import (
	"context"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nhimg/nhiglossary/internal/render"
	"github.com/nhimg/nhiglossary/internal/sinktest"
)

// goldenFiles are the files of testdata/golden-site that testdata/golden
// holds, one of each layout and format, by golden name. The site is made
// so that each of them shows every part of its layout: the term page is
// a deprecated term's with abbreviations, synonyms, broader and narrower
// terms, citations, sources, definitions, examples, related terms,
// backlinks, incidents and controls of two frameworks.
var goldenFiles = map[string]string{
	// The page templates (render.PageKinds).
	"home.html":           "index.html",
	"terms.html":          "terms/index.html", // letters, aliases, a shared name, the deprecated apart
	"term.html":           "terms/static-api-key/index.html",
	"redirect.html":       "terms/old-static-key/index.html",
	"frameworks.html":     "frameworks/index.html",
	"framework.html":      "frameworks/owasp-nhi/index.html", // framework-level and control mappings
	"matrix.html":         "frameworks/matrix/index.html",
	"incidents.html":      "incidents/index.html",
	"incident.html":       "incidents/key-leak/index.html",
	"taxonomies.html":     "tags/index.html",
	"taxonomy.html":       "tags/secrets/index.html", // terms and incidents
	"search.html":         "search/index.html",
	"404.html":            "404.html",
	"disambiguation.html": "terms/ak/index.html",
	"hierarchy.html":      "hierarchy/index.html", // a term under two broader ones
	// The files other programs read, each in its own format.
	"feed.xml":       "feed.xml",
	"sitemap.xml":    "sitemap.xml",
	"robots.txt":     "robots.txt",
	"opensearch.xml": "opensearch.xml",
	"glossary.json":  "api/glossary.json",
	"term.json":      "api/terms/static-api-key.json",
	"skos.ttl":       "api/skos.ttl",
	"llms.txt":       "llms.txt",
	"llms-full.txt":  "llms-full.txt",
	"term.md":        "terms/static-api-key/index.md",
}

// TestGoldenPages compares one file of each layout with testdata/golden
// (go test ./internal/build -update rewrites them). Content hashes in
// asset URLs are masked: the browser tests check the assets.
func TestGoldenPages(t *testing.T) {
	sink := sinktest.New()
	res, err := Generate(context.Background(), os.DirFS(filepath.Join("testdata", "golden-site")), opts(), sink)
	if err != nil {
		t.Fatalf("build: %v\n%v", err, res.Diags)
	}
	if len(res.Diags) > 0 {
		t.Errorf("the golden site has problems:\n%v", res.Diags)
	}
	for _, kind := range render.PageKinds {
		if _, ok := goldenFiles[kind+".html"]; !ok {
			t.Errorf("no golden page of the %q layout", kind)
		}
	}
	files := sink.Files()
	dir := filepath.Join("testdata", "golden")
	if *update {
		os.RemoveAll(dir)
		os.MkdirAll(dir, 0o755)
	}
	for _, name := range slices.Sorted(maps.Keys(goldenFiles)) {
		text, ok := files[goldenFiles[name]]
		if !ok {
			t.Errorf("%s: the site has no %s", name, goldenFiles[name])
			continue
		}
		got := hashRE.ReplaceAllString(text, "${1}HASH")
		path := filepath.Join(dir, name)
		if *update {
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%v (run go test ./internal/build -update)", err)
			continue
		}
		if diff := cmp.Diff(string(want), got); diff != "" {
			t.Errorf("%s, %s (-want +got):\n%s", name, goldenFiles[name], diff)
		}
	}
	if files, _ := os.ReadDir(dir); len(files) != len(goldenFiles) {
		t.Errorf("%s has %d files, want %d: one for each of goldenFiles", dir, len(files), len(goldenFiles))
	}
}
