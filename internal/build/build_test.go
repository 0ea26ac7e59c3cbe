package build

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nhimg/nhiglossary"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

func opts() Options {
	return Options{Templates: nhiglossary.Templates(), Assets: nhiglossary.Assets(), Generator: "nhiglossary test"}
}

// copySite copies a testdata site to a temporary folder, so tests can
// change it.
func copySite(t *testing.T, name string) string {
	t.Helper()
	dst := t.TempDir()
	if err := os.CopyFS(dst, os.DirFS(filepath.Join("testdata", name))); err != nil {
		t.Fatal(err)
	}
	return dst
}

func buildOK(t *testing.T, src, out string, o Options) *Result {
	t.Helper()
	res, err := Build(context.Background(), src, out, o)
	if err != nil {
		t.Fatalf("build: %v\n%v", err, res.Diags)
	}
	return res
}

// readTree returns every file under dir, by slash path.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// hashRE matches the content hashes in asset URLs and search file names.
var hashRE = regexp.MustCompile(`(\?v=|\.)[0-9a-f]{8}\b`)

// testSites are testdata sites many tests build: the content format's
// example, a site at its edges (no publisher, a path-only base_url,
// accents, symbols, other scripts, control ids that slug alike, headings
// named like a page's sections), and the site of the golden files.
var testSites = []string{"example-site", "edge-site", "golden-site"}

func TestBuildIsDeterministic(t *testing.T) {
	for _, site := range testSites {
		t.Run(site, func(t *testing.T) {
			src := copySite(t, site)
			a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
			buildOK(t, src, a, opts())
			buildOK(t, src, b, opts())
			ta, tb := readTree(t, a), readTree(t, b)
			if len(ta) < 20 {
				t.Fatalf("only %d files built", len(ta))
			}
			if diff := cmp.Diff(ta, tb); diff != "" {
				t.Errorf("two builds differ (-first +second):\n%s", diff)
			}
		})
	}
}

func TestFailedBuildLeavesPreviousSite(t *testing.T) {
	src := copySite(t, "example-site")
	out := filepath.Join(t.TempDir(), "public")
	buildOK(t, src, out, opts())
	before := readTree(t, out)

	bad := filepath.Join(src, "content", "terms", "api-key.md")
	b, _ := os.ReadFile(bad)
	os.WriteFile(bad, bytes.Replace(b, []byte("related: [secret-rotation"), []byte("related: [secret-rotatoin"), 1), 0o644)
	res, err := Build(context.Background(), src, out, opts())
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("want ErrInvalid, got %v", err)
	}
	if !res.Diags.HasErrors() {
		t.Fatal("no diagnostics for a broken site")
	}
	if diff := cmp.Diff(before, readTree(t, out)); diff != "" {
		t.Errorf("a failed build changed the site (-before +after):\n%s", diff)
	}
	assertNoLeftovers(t, filepath.Dir(out))
}

// embeddedTemplate is one of the built-in templates.
func embeddedTemplate(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "templates", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// overrideTemplate gives the site at src its own templates/name.
func overrideTemplate(t *testing.T, src, name, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(src, "templates"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(src, "templates", name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A site's own partial that fails as it runs fails the build, naming the
// template, even though its output is shared by many pages.
func TestFailingPartialFailsBuild(t *testing.T) {
	src := copySite(t, "example-site")
	b := embeddedTemplate(t, "partials.html")
	broken := strings.Replace(string(b), `{{define "taglink"}}`, `{{define "taglink"}}{{.Nope}}`, 1)
	if broken == string(b) {
		t.Fatal("partials.html has no taglink template")
	}
	overrideTemplate(t, src, "partials.html", broken)
	out := filepath.Join(t.TempDir(), "public")
	_, err := Build(context.Background(), src, out, opts())
	if err == nil || !strings.Contains(err.Error(), "templates/partials.html") || !strings.Contains(err.Error(), "Nope") {
		t.Fatalf("want an error naming templates/partials.html and the field, got %v", err)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a failed build left %s", out)
	}
}

// A {{define}} in one page kind's template stays on that kind's pages,
// even for the fragments pages share (cached once per build).
func TestPageDefinesStayOnTheirPages(t *testing.T) {
	src := copySite(t, "example-site")
	b := embeddedTemplate(t, "term.html")
	own := string(b) + `{{define "crumbs"}}<li>LEAKED CRUMBS</li>{{end}}`
	overrideTemplate(t, src, "term.html", own)
	out := filepath.Join(t.TempDir(), "public")
	buildOK(t, src, out, opts())
	for _, page := range []string{"frameworks/index.html", "incidents/index.html", "terms/api-key/index.html"} {
		b, err := os.ReadFile(filepath.Join(out, page))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), "LEAKED CRUMBS") {
			t.Errorf("%s shows a template that term.html defined", page)
		}
	}
}

// A site's own base.html that neither defines nor prints the chrome
// (made before it existed) still builds.
func TestBaseWithoutChromeBuilds(t *testing.T) {
	src := copySite(t, "example-site")
	b := embeddedTemplate(t, "base.html")
	own, _, ok := strings.Cut(string(b), "{{/* The chrome")
	if !ok {
		t.Fatal("base.html has no chrome section")
	}
	for _, c := range []string{"{{.Chrome.Head}}", "{{.Chrome.Header}}", "{{.Chrome.Footer}}"} {
		if !strings.Contains(own, c) {
			t.Fatalf("base.html does not print %s", c)
		}
		own = strings.Replace(own, c, "", 1)
	}
	own = strings.Replace(own, "<body", `<header class="own">own header</header><body`, 1)
	own = strings.Replace(own, "{{$.Layout.CrumbItems}}", `{{range .}}<li><a href="{{.URL}}">{{.Title}}</a></li>{{end}}`, 1)
	overrideTemplate(t, src, "base.html", own)
	out := filepath.Join(t.TempDir(), "public")
	buildOK(t, src, out, opts())
	page, err := os.ReadFile(filepath.Join(out, "terms", "api-key", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "own header") || strings.Contains(string(page), "site-header") {
		t.Errorf("the page does not follow the site's base.html:\n%s", page)
	}
}

// Two spellings of one tag are one tag page, which lists each term once.
func TestTagSpellingsShareAPage(t *testing.T) {
	src := copySite(t, "example-site")
	p := filepath.Join(src, "content", "terms", "api-key.md")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(b), "tags: [secrets, authentication]", "tags: [secrets, Secrets, authentication]", 1)
	if text == string(b) {
		t.Fatal("api-key.md has other tags than the test expects")
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	buildOK(t, src, out, opts())
	page, err := os.ReadFile(filepath.Join(out, "tags", "secrets", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(page), `<li class="term-card">`+"\n"+`    <h3><a href="/glossary/terms/api-key/"`); n != 1 {
		t.Errorf("the secrets tag page lists API Key %d times, want once", n)
	}
	term, err := os.ReadFile(filepath.Join(out, "terms", "api-key", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(term), `<a class="tag" href="/glossary/tags/secrets/">`); n != 1 {
		t.Errorf("API Key's page links the secrets tag %d times, want once", n)
	}
}

func TestCancelledBuildLeavesPreviousSite(t *testing.T) {
	src := copySite(t, "example-site")
	out := filepath.Join(t.TempDir(), "public")
	buildOK(t, src, out, opts())
	before := readTree(t, out)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Build(ctx, src, out, opts()); err == nil {
		t.Fatal("a cancelled build succeeded")
	}
	if diff := cmp.Diff(before, readTree(t, out)); diff != "" {
		t.Errorf("a cancelled build changed the site (-before +after):\n%s", diff)
	}
	assertNoLeftovers(t, filepath.Dir(out))
}

func assertNoLeftovers(t *testing.T, dir string) {
	t.Helper()
	es, _ := os.ReadDir(dir)
	for _, e := range es {
		if e.Name() != "public" {
			t.Errorf("build left %s behind", e.Name())
		}
	}
}

func TestRefusesToReplaceAFolderItDidNotMake(t *testing.T) {
	src := copySite(t, "example-site")
	tests := []struct {
		name  string
		setup func(out string)
		want  string
	}{
		{"unmarked folder with files", func(out string) {
			os.MkdirAll(out, 0o755)
			os.WriteFile(filepath.Join(out, "thesis.docx"), []byte("years of work"), 0o644)
		}, "it is not empty and was not made by nhiglossary"},
		{"a file, not a folder", func(out string) {
			os.WriteFile(out, []byte("x"), 0o644)
		}, "it is not a folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			tt.setup(out)
			before := readTreeOrFile(t, out)
			_, err := Build(context.Background(), src, out, opts())
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want it to say %q", err, tt.want)
			}
			if diff := cmp.Diff(before, readTreeOrFile(t, out)); diff != "" {
				t.Errorf("the folder changed (-before +after):\n%s", diff)
			}
		})
	}
	t.Run("the site folder itself", func(t *testing.T) {
		_, err := Build(context.Background(), src, src, opts())
		if err == nil || !strings.Contains(err.Error(), "holds the site's own files") {
			t.Fatalf("error = %v", err)
		}
		_, err = Build(context.Background(), src, filepath.Dir(src), opts())
		if err == nil || !strings.Contains(err.Error(), "holds the site's own files") {
			t.Fatalf("building into the site's parent: error = %v", err)
		}
	})
	t.Run("an empty folder is fine", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "public")
		os.MkdirAll(out, 0o755)
		buildOK(t, src, out, opts())
		if _, err := os.Stat(filepath.Join(out, markerFile)); err != nil {
			t.Errorf("the built site has no marker: %v", err)
		}
	})
}

func readTreeOrFile(t *testing.T, p string) map[string]string {
	if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
		b, _ := os.ReadFile(p)
		return map[string]string{"": string(b)}
	}
	return readTree(t, p)
}

var linkRE = regexp.MustCompile(`(?:href|src|action|content|data-base|data-search-index)="([^"]*)"`)

// TestSubPathLinksStayUnderBase builds for https://docs.test/kb/ and
// checks that no link on any page leaves /kb/.
func TestSubPathLinksStayUnderBase(t *testing.T) {
	src := copySite(t, "example-site")
	out := filepath.Join(t.TempDir(), "public")
	o := opts()
	o.BaseURL = "https://docs.test/kb/"
	buildOK(t, src, out, o)
	checked := 0
	for name, text := range readTree(t, out) {
		if !strings.HasSuffix(name, ".html") && !strings.HasSuffix(name, ".xml") {
			continue
		}
		for _, m := range linkRE.FindAllStringSubmatch(text, -1) {
			u := m[1]
			if i := strings.Index(u, "url="); i >= 0 {
				u = u[i+4:] // meta refresh
			}
			switch {
			case strings.HasPrefix(u, "#"), u == "", !strings.ContainsAny(u, "/"):
				continue // fragments and plain values (meta content)
			case strings.HasPrefix(u, "https://docs.test") && !strings.HasPrefix(u, "https://docs.test/kb/"):
				t.Errorf("%s: absolute link %q leaves /kb/", name, u)
			case strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "/kb/"):
				t.Errorf("%s: link %q leaves /kb/", name, u)
			case strings.HasPrefix(u, "http"), strings.Contains(u, ";"), strings.Contains(u, " "):
			default:
				if !strings.HasPrefix(u, "/kb/") {
					t.Errorf("%s: relative link %q", name, u)
				}
			}
			checked++
		}
	}
	if checked < 100 {
		t.Errorf("only %d links checked", checked)
	}
}
