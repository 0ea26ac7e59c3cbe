package serve

import (
	"net/http"
	"strings"
	"testing"
)

// A site with a mistake from the start has no last good build to show:
// every page request gets the problems, with the live-reload client,
// and the pages come by themselves once it is fixed.
func TestASiteThatNeverBuiltShowsItsProblemsUntilFixed(t *testing.T) {
	dir := exampleSite(t)
	editFile(t, dir, "content/terms/api-key.md", "related: [secret-rotation, service-account]", "related: [secret-rotation, servce-account]")
	writeFile(t, dir, "content/terms/orphan.md", "---\ntitle: Orphan\nsummary: Alone.\nupdated: 2026-01-01\n---\nAlone.\n")
	url, log := preview(t, dir)
	const want = `content/terms/api-key.md:8:28: unknown related term &#34;servce-account&#34; (did you mean &#34;service-account&#34;?)`

	for _, page := range []string{"", "terms/api-key/", "terms/nope/", "frameworks/", "index.html", "terms/api-key"} {
		resp, err := http.Get(url + page)
		if err != nil {
			t.Fatal(err)
		}
		body := readAll(t, resp)
		if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Content-Type") != "text/html; charset=utf-8" {
			t.Errorf("/%s: %s, %s", page, resp.Status, resp.Header.Get("Content-Type"))
		}
		for _, w := range []string{
			"<title>The site has 1 error and 1 warning</title>",
			want,
			"8  related: [secret-rotation, servce-account]",
			`<script src="/_nhiglossary/livereload.js?v=`,
			`<meta name="nhiglossary-version" content="unbuilt">`,
			`<body data-base="/">`,
		} {
			if !strings.Contains(body, w) {
				t.Errorf("/%s does not show %q:\n%s", page, w, body)
			}
		}
	}
	// Files that are not pages are what they are, or not yet there, said
	// in words.
	if code, _ := get(t, url+"assets/style.css"); code != 200 {
		t.Errorf("the stylesheet: %d", code)
	}
	if code, body := get(t, url+"search/names.0.txt"); code != 503 || !strings.Contains(body, "nothing is built yet: the site has 1 error") {
		t.Errorf("the search index of a site not built: %d %q", code, body)
	}
	if code, body := get(t, url+clientPath); code != 200 || !strings.Contains(body, "EventSource") {
		t.Errorf("the client: %d", code)
	}

	es := events(t, url, "/terms/api-key/", noBuild, nil)
	m := es.await(t, "the problems", isStatus(1))
	if m["built"] != false || m["warnings"] != float64(1) {
		t.Errorf("status %v: want built false and 1 warning counted apart", m)
	}
	if !strings.Contains(log.String(), "site: 1 error, 1 warning; every page shows them until they are fixed") {
		t.Errorf("the terminal does not show the problems:\n%s", log)
	}

	editFile(t, dir, "content/terms/api-key.md", "servce-account", "service-account")
	es.await(t, "a reload of every page", reloads("/terms/api-key/"))
	if code, body := get(t, url+"terms/api-key/"); code != 200 || !strings.Contains(body, "<h1") || !strings.Contains(body, "API Key") {
		t.Errorf("after the fix: %d\n%.300s", code, body)
	}
	if code, body := get(t, url+"terms/nope/"); code != 404 || !strings.Contains(body, `content="none"`) {
		t.Errorf("a missing page after the fix: %d, want the site's 404 page", code)
	}
	// A problems page whose stream connects only after the fix reloads at once.
	late := events(t, url, "/terms/api-key/", noBuild, nil)
	late.await(t, "a reload on connecting", reloads("/terms/api-key/"))
	// Even one for a page the site does not have, which gets the 404 page.
	missing := events(t, url, "/terms/nope/", noBuild, nil)
	missing.await(t, "a reload on connecting", reloads("/terms/nope/"))
}

// A page that would not render shows its error, and reloads when fixed.
func TestAPageThatDoesNotRenderShowsWhy(t *testing.T) {
	dir := exampleSite(t)
	writeFile(t, dir, "templates/term.html", `{{define "main"}}{{.Nope}}{{end}}`)
	url, _ := preview(t, dir)
	code, body := get(t, url+"terms/api-key/")
	if code != 500 || !strings.Contains(body, "<title>This page did not render</title>") || !strings.Contains(body, "Nope") || !strings.Contains(body, "/"+clientPath) {
		t.Errorf("%d\n%s", code, body)
	}
}
