package build

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/nhimg/nhiglossary/internal/render"
	"github.com/nhimg/nhiglossary/internal/sinktest"
)

// Built pages are read with regular expressions: html/template and the
// Markdown renderer escape every quote in text and attribute values, so
// id="..." and href="..." occur only as attributes.
var (
	idRE   = regexp.MustCompile(`\sid="([^"]*)"`)
	hrefRE = regexp.MustCompile(`\shref="([^"]*)"`)
	h1RE   = regexp.MustCompile(`<h1>(.*?)</h1>`)
)

// buildSite builds a testdata site ("../.." is the bundled glossary) and
// returns its files.
func buildSite(t *testing.T, site string) (files map[string]string, base string) {
	t.Helper()
	src := filepath.Join("..", "..")
	if site != "bundled" {
		src = copySite(t, site)
	}
	out := filepath.Join(t.TempDir(), "public")
	res := buildOK(t, src, out, opts())
	return readTree(t, out), render.BasePathOf(res.Graph.Site.Config.BaseURL)
}

// Every id on a page is unique (Markdown headings and footnotes never take
// a section's id, nor each other's), and every link to a fragment, on the
// page or on another page of the site (a control's anchor), finds it.
func TestPageIDsAreUniqueAndLinksFindThem(t *testing.T) {
	for _, site := range append(slices.Clone(testSites), "bundled") {
		t.Run(site, func(t *testing.T) {
			files, base := buildSite(t, site)
			ids := map[string]map[string]bool{} // page -> its ids
			for name, text := range files {
				if !strings.HasSuffix(name, ".html") {
					continue
				}
				ids[name] = map[string]bool{}
				for _, m := range idRE.FindAllStringSubmatch(text, -1) {
					if ids[name][m[1]] {
						t.Errorf("%s: id %q appears twice", name, m[1])
					}
					ids[name][m[1]] = true
				}
			}
			checked := 0
			for name, text := range files {
				if !strings.HasSuffix(name, ".html") {
					continue
				}
				for _, m := range hrefRE.FindAllStringSubmatch(text, -1) {
					page, frag, ok := strings.Cut(m[1], "#")
					if !ok || frag == "" {
						continue
					}
					// Browsers match a fragment's percent-decoded form too
					// (html/template escapes "ü" in an href as "%c3%bc").
					if f, err := url.PathUnescape(frag); err == nil {
						frag = f
					}
					target := name
					if page != "" {
						rest, ok := strings.CutPrefix(page, base)
						if !ok || strings.Contains(page, "://") {
							continue // another site's page
						}
						p, err := url.PathUnescape(rest)
						if err != nil {
							t.Fatal(err)
						}
						target = p + "index.html"
					}
					if !ids[target][frag] {
						t.Errorf("%s: link %q: %s has no id %q", name, m[1], target, frag)
					}
					checked++
				}
			}
			if checked < 10 {
				t.Errorf("only %d fragment links checked", checked)
			}
		})
	}
}

// A term page's h1 is its title alone; the abbreviations follow it.
func TestTermTitleIsTheH1Alone(t *testing.T) {
	files, _ := buildSite(t, "edge-site")
	page := files["terms/gamma/index.html"]
	m := h1RE.FindAllStringSubmatch(page, -1)
	if len(m) != 1 || m[0][1] != "Gamma" {
		t.Fatalf("h1 = %q, want one, the title alone", m)
	}
	after := page[strings.Index(page, "</h1>"):]
	after = after[:strings.Index(after, `class="byline"`)]
	for _, a := range []string{`<abbr class="abbr">GM</abbr>`, `<abbr class="abbr">GMA</abbr>`} {
		if !strings.Contains(after, a) {
			t.Errorf("no %s between the h1 and the byline:\n%s", a, after)
		}
	}
}

type atomFeed struct {
	ID      string       `xml:"id"`
	Authors []atomAuthor `xml:"author"`
	Entries []struct {
		Title   string       `xml:"title"`
		ID      string       `xml:"id"`
		Authors []atomAuthor `xml:"author"`
	} `xml:"entry"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

// The feed is valid Atom with or without a publisher and an absolute
// base_url: an author, ids that are absolute IRIs, unique and the same in
// every build; a term's own author on its entry.
func TestFeedHasAuthorsAndAbsoluteIDs(t *testing.T) {
	tests := []struct {
		site, feedAuthor, idScheme string
		entryAuthors               map[string]string // title -> author, "" for none
	}{
		{"example-site", "Example Editorial", "https", map[string]string{"API Key": "Example Editorial"}},
		// No publisher or default author: the site's title. A path-only
		// base_url: urn:uuid ids.
		{"edge-site", "Edge Glossary", "urn", map[string]string{"Gamma": "Gamma Author", "Élan Vital Key": ""}},
	}
	for _, tt := range tests {
		t.Run(tt.site, func(t *testing.T) {
			files, _ := buildSite(t, tt.site)
			var f atomFeed
			if err := xml.Unmarshal([]byte(files["feed.xml"]), &f); err != nil {
				t.Fatal(err)
			}
			if len(f.Authors) != 1 || f.Authors[0].Name != tt.feedAuthor {
				t.Errorf("feed authors = %+v, want %q", f.Authors, tt.feedAuthor)
			}
			seen := map[string]bool{}
			ids := append([]string{f.ID}, func() (out []string) {
				for _, e := range f.Entries {
					out = append(out, e.ID)
				}
				return out
			}()...)
			for _, id := range ids {
				u, err := url.Parse(id)
				if err != nil || !u.IsAbs() || u.Scheme != tt.idScheme {
					t.Errorf("id %q is not an absolute %s: IRI", id, tt.idScheme)
				}
				if seen[id] {
					t.Errorf("id %q twice", id)
				}
				seen[id] = true
			}
			for _, e := range f.Entries {
				want, ok := tt.entryAuthors[e.Title]
				if !ok {
					continue
				}
				var got string
				if len(e.Authors) > 0 {
					got = e.Authors[0].Name
				}
				if got != want {
					t.Errorf("%s: entry author %q, want %q", e.Title, got, want)
				}
			}
		})
	}
}

// Every object of a kind in api/glossary.json has the same keys, lists
// are [] and never null, and the frameworks' and controls' own URLs are
// kept beside their pages' URLs.
func TestGlossaryJSONObjectsHaveTheSameKeys(t *testing.T) {
	files, _ := buildSite(t, "edge-site")
	var api map[string]any
	if err := json.Unmarshal([]byte(files["api/glossary.json"]), &api); err != nil {
		t.Fatal(err)
	}
	kinds := map[string][]map[string]any{}
	for _, kind := range []string{"terms", "frameworks", "incidents"} {
		for _, o := range api[kind].([]any) {
			kinds[kind] = append(kinds[kind], o.(map[string]any))
		}
	}
	for _, f := range kinds["frameworks"] {
		for _, c := range f["controls"].([]any) {
			kinds["controls"] = append(kinds["controls"], c.(map[string]any))
		}
	}
	for _, m := range kinds["terms"] {
		for _, mp := range m["mappings"].([]any) {
			kinds["mappings"] = append(kinds["mappings"], mp.(map[string]any))
		}
	}
	for kind, objs := range kinds {
		if len(objs) < 1 || kind != "frameworks" && len(objs) < 2 {
			t.Fatalf("%d %s: the site should have more", len(objs), kind)
		}
		keys := slices.Sorted(maps.Keys(objs[0]))
		for _, o := range objs {
			if got := slices.Sorted(maps.Keys(o)); !slices.Equal(got, keys) {
				t.Errorf("%s: keys %q, want %q as the first has", kind, got, keys)
			}
			for k, v := range o {
				if v == nil {
					t.Errorf("%s: %s is null", kind, k)
				}
			}
		}
	}
	fw := kinds["frameworks"][0]
	if fw["source_url"] != "https://example.org/edge-framework" || fw["url"] != "/kb/frameworks/edge-fw/" {
		t.Errorf("framework url %q, source_url %q", fw["url"], fw["source_url"])
	}
	var urls, sources []string
	for _, c := range fw["controls"].([]any) {
		c := c.(map[string]any)
		urls = append(urls, c["url"].(string))
		sources = append(sources, c["source_url"].(string))
	}
	want := []string{"/kb/frameworks/edge-fw/#control-a-1", "/kb/frameworks/edge-fw/#control-a-1-1", "/kb/frameworks/edge-fw/#control-a-1-2"}
	if diff := cmp.Diff(want, urls); diff != "" {
		t.Errorf("control urls (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"https://example.org/edge-framework/a.1", "", ""}, sources); diff != "" {
		t.Errorf("control source_urls (-want +got):\n%s", diff)
	}
}

// Tags that differ in more than case or spacing have pages of their own;
// accents fold and other scripts keep their letters.
func TestTagPagesKeepTagsApart(t *testing.T) {
	files, _ := buildSite(t, "edge-site")
	for _, page := range []string{
		"tags/c/index.html", "tags/c-plus-plus/index.html", "tags/c-sharp/index.html",
		"tags/unicode-tag/index.html", "tags/秘密/index.html", "categories/equipe/index.html",
	} {
		if _, ok := files[page]; !ok {
			t.Errorf("no %s", page)
		}
	}
	for name := range files {
		if strings.HasPrefix(name, "tags/other/") || strings.HasPrefix(name, "tags/n-code") {
			t.Errorf("built %s", name)
		}
	}
	// The edge site's base_url is a path: a sitemap needs the host.
	o := opts()
	o.BaseURL = "https://example.org/kb/"
	out := filepath.Join(t.TempDir(), "public")
	buildOK(t, copySite(t, "edge-site"), out, o)
	if b, _ := os.ReadFile(filepath.Join(out, "sitemap.xml")); !strings.Contains(string(b), "<loc>https://example.org/kb/tags/%E7%A7%98%E5%AF%86/</loc>") {
		t.Error("the sitemap does not percent-encode the CJK tag's URL")
	}
	if n := strings.Count(files["terms/gamma/index.html"], `href="/kb/tags/secrets/"`); n != 1 {
		t.Errorf("Gamma's page links its tag secrets (spelled Secrets and secrets) %d times, want once", n)
	}
}

// The A-Z files accented names under their folded letter, digits and
// other scripts under "#".
func TestIndexFilesAccentsUnderTheirLetter(t *testing.T) {
	files, _ := buildSite(t, "edge-site")
	page := files["terms/index.html"]
	section := func(id string) string {
		i := strings.Index(page, `<h2 id="`+id+`"`)
		if i < 0 {
			t.Fatalf("no letter %s", id)
		}
		s := page[i:]
		if j := strings.Index(s, "</section>"); j > 0 {
			s = s[:j]
		}
		return s
	}
	for id, names := range map[string][]string{
		"letter-e": {"Élan Vital Key"}, "letter-u": {"Ünique Name"}, "letter-other": {"3DES Key", "鍵管理"},
	} {
		for _, n := range names {
			if !strings.Contains(section(id), n) {
				t.Errorf("%s is not under %s", n, id)
			}
		}
	}
	if !strings.Contains(files["index.html"], `href="/kb/terms/#letter-e"`) {
		t.Error("the home letter bar has no E")
	}
}

// TestHighlightingStylesOnlyWhereCodeIs: chroma.css costs a request, so
// only pages that show a code block load it.
func TestHighlightingStylesOnlyWhereCodeIs(t *testing.T) {
	files, _ := buildSite(t, "bundled")
	with, without := 0, 0
	for name, page := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		code := strings.Contains(page, `<pre class="chroma"`) || strings.Contains(page, "<pre><code")
		loads := strings.Contains(page, "assets/chroma.css")
		if code != loads {
			t.Errorf("%s: shows code %v, loads chroma.css %v", name, code, loads)
		}
		if loads {
			with++
		} else {
			without++
		}
	}
	if with == 0 || without == 0 {
		t.Errorf("%d pages load chroma.css and %d do not; the bundled glossary has both kinds", with, without)
	}
}

// TestMappingTableNamesEachFrameworkOnce: a term's alignment table groups
// its rows by framework and names each framework once, spanning its rows.
func TestMappingTableNamesEachFrameworkOnce(t *testing.T) {
	files, _ := buildSite(t, "bundled")
	page := files["terms/api-key/index.html"]
	table := page[strings.Index(page, `<table class="mappings"`):]
	table = table[:strings.Index(table, "</table>")]
	names := regexp.MustCompile(`<th scope="row" role="rowheader" class="mapping-framework"(?: rowspan="(\d+)")?><a href="([^"]+)"`).FindAllStringSubmatch(table, -1)
	rows := strings.Count(table, `<tr role="row"`) - 1 // less the header row
	seen, spanned := map[string]bool{}, 0
	for _, n := range names {
		if seen[n[2]] {
			t.Errorf("framework %s is named twice in API Key's table", n[2])
		}
		seen[n[2]] = true
		span := 1
		if n[1] != "" {
			span, _ = strconv.Atoi(n[1])
		}
		spanned += span
	}
	if len(names) < 2 || len(names) == rows || spanned != rows {
		t.Errorf("%d framework cells spanning %d of %d rows; want each framework once, spanning every row (API Key maps to several controls of some frameworks)", len(names), spanned, rows)
	}
}

// A control may have an id alone: the site builds, and names it by its id
// where a title would follow it.
func TestControlWithoutTitle(t *testing.T) {
	site := fstest.MapFS{
		"content/frameworks/fw.yaml": {Data: []byte("name: A Framework\nshort: AF\ncontrols:\n  - id: C1\n")},
		"content/terms/key.md":       {Data: []byte("---\ntitle: Key\nsummary: A key.\nupdated: 2026-01-02\nmappings:\n  - framework: fw\n    control: C1\n---\nSee [[fw/C1]].\n")},
	}
	sink := sinktest.New()
	res, err := Generate(context.Background(), site, opts(), sink)
	if err != nil {
		t.Fatalf("%v\n%v", err, res.Diags)
	}
	files := sink.Files()
	if page := files["frameworks/fw/index.html"]; !strings.Contains(page, `<h3 id="control-c1-title"><span class="control-id">C1</span> <a class="anchor"`) {
		t.Errorf("framework page does not list C1 by its id:\n%s", page)
	}
	if page := files["terms/key/index.html"]; !strings.Contains(page, `title="AF C1"`) {
		t.Errorf("the link to C1 is not titled \"AF C1\":\n%s", page)
	}
}

// Counts of one read in the singular: "1 term", "1 framework".
func TestCountsOfOne(t *testing.T) {
	site := fstest.MapFS{
		"content/frameworks/fw.yaml": {Data: []byte("name: A Framework\ncontrols:\n  - id: C1\n")},
		"content/terms/key.md":       {Data: []byte("---\ntitle: Key\nsummary: A key.\nupdated: 2026-01-02\n---\nBody.\n")},
	}
	sink := sinktest.New()
	if res, err := Generate(context.Background(), site, opts(), sink); err != nil {
		t.Fatalf("%v\n%v", err, res.Diags)
	}
	files := sink.Files()
	for page, want := range map[string][]string{
		"index.html":       {"<strong>1</strong> term</a>", "<strong>1</strong> framework</a>"},
		"terms/index.html": {`<p class="lead">1 term. `},
	} {
		for _, w := range want {
			if !strings.Contains(files[page], w) {
				t.Errorf("%s has no %q", page, w)
			}
		}
	}
}
