// Package searchtest checks search as a reader meets it: in a headless
// Chromium, over a small glossary built by the real build and served like
// a static host, at the root and under a sub-path.
package searchtest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/nhimg/nhiglossary"
	"github.com/nhimg/nhiglossary/internal/browsertest"
	"github.com/nhimg/nhiglossary/internal/build"
)

// buildSite builds testdata/site for baseURL and serves it under the path
// of baseURL; it returns the output folder and the URL of the site's root,
// ending in "/". Tests start the browser first, so that a machine without
// one skips them before building.
func buildSite(t *testing.T, baseURL string) (dir, root string) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "public")
	res, err := build.Build(context.Background(), "testdata/site", dir, build.Options{
		BaseURL: baseURL, Templates: nhiglossary.Templates(), Assets: nhiglossary.Assets(),
	})
	if err != nil {
		t.Fatalf("building testdata/site: %v\n%v", err, res.Diags)
	}
	prefix := strings.TrimSuffix(strings.TrimPrefix(baseURL, "https://example.org"), "/")
	mux := http.NewServeMux()
	mux.Handle(prefix+"/", http.StripPrefix(prefix, browsertest.StaticHandler(dir)))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return dir, srv.URL + prefix + "/"
}

// typeQuery types q into the search box and waits for the hits of q.
func typeQuery(t *testing.T, ctx context.Context, q string) {
	t.Helper()
	browsertest.Eval[bool](t, ctx, `(document.getElementById('search-input').value = '') === ''`)
	browsertest.Do(t, ctx, chromedp.SendKeys(chromedp.ID("search-input"), q))
	browsertest.WaitFor(t, ctx, fmt.Sprintf(`document.getElementById('search-popup').dataset.query === %q`, q), "the hits of "+q)
}

func firstHit(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	return browsertest.Eval[string](t, ctx, `(document.querySelector(`+fmt.Sprintf("%q", sel)+`) || {}).pathname || ''`)
}

// The queries of issue #4 and their kin: each must put its term first.
var queries = []struct{ q, want string }{
	{"jwt", "json-web-token"},
	{"JWT", "json-web-token"},
	{"json web", "json-web-token"},
	{"JSON Web Token", "json-web-token"},
	{"json-web-token", "json-web-token"},
	{"jason web token", "json-web-token"}, // typo
	{"secret sprawl", "secrets-sprawl"},   // synonym
	{"secrets sprawl", "secrets-sprawl"},
	{"sprawl", "secrets-sprawl"},
	{"secret spraw", "secrets-sprawl"},
	{"rotaton", "secret-rotation"}, // typo
	{"key rotation", "secret-rotation"},
	{"secret", "secret"},  // exact beats prefix
	{"secrets", "secret"}, // plural
	{"secret manager", "secrets-manager"},
	{"vault", "secrets-manager"},
	{"mtls", "mutual-tls"},
	{"mutal tls", "mutual-tls"}, // a typo, in a word of 4+ letters
	{"x509", "x509-certificate"},
	{"nhi", "non-human-identity"},
	{"non human", "non-human-identity"},
	{"access policies", "access-policy"},
	{"federation workload", "workload-identity-federation"}, // all words, any order
	{"serv acc", "service-account"},
	{"api token", "api-key"},
	{"possession", "token-binding"}, // body text only
	{"stolen copy", "token-binding"},
}

func TestTypingPutsTheExpectedTermFirst(t *testing.T) {
	ctx := browsertest.New(t)
	_, root := buildSite(t, "https://example.org/")
	browsertest.Do(t, ctx, chromedp.Navigate(root+"terms/secret/"))
	for _, tc := range queries {
		typeQuery(t, ctx, tc.q)
		if got, want := firstHit(t, ctx, "#search-option-0"), "/terms/"+tc.want+"/"; got != want {
			all := browsertest.Eval[string](t, ctx, `[...document.querySelectorAll('#search-popup [role=option]')].map(a => a.pathname).join(' ')`)
			t.Errorf("typing %q: first hit %s, want %s (hits: %s)", tc.q, got, want, all)
		}
	}
}

// The bundled NHI glossary (the repository's root) answers the queries
// issue #4 names.
func TestTheBundledGlossaryFindsTheIssuesQueries(t *testing.T) {
	ctx := browsertest.New(t)
	root := browsertest.ServeDir(t, browsertest.BuildSite(t, "../.."))
	browsertest.Do(t, ctx, chromedp.Navigate(root+"/"))
	for _, tc := range []struct{ q, want string }{
		{"jwt", "json-web-token"}, {"json web", "json-web-token"}, {"jason web token", "json-web-token"},
		{"secret sprawl", "secrets-sprawl"}, {"rotaton", "secret-rotation"},
	} {
		typeQuery(t, ctx, tc.q)
		if got, want := firstHit(t, ctx, "#search-option-0"), "/terms/"+tc.want+"/"; got != want {
			t.Errorf("typing %q: first hit %s, want %s", tc.q, got, want)
		}
	}
}

func TestHitsShowTitleAbbreviationAndHighlightedSummary(t *testing.T) {
	ctx := browsertest.New(t)
	_, root := buildSite(t, "https://example.org/")
	browsertest.Do(t, ctx, chromedp.Navigate(root))
	typeQuery(t, ctx, "jwt")
	browsertest.WaitFor(t, ctx, `document.querySelector('#search-option-0[data-summary=loaded]')`, "the first hit's summary")
	got := browsertest.Eval[map[string]string](t, ctx, `(() => {
		const a = document.getElementById('search-option-0');
		return {
			title: a.querySelector('.search-hit-title').textContent,
			abbr: a.querySelector('.search-hit-abbr').innerHTML,
			summary: a.querySelector('.search-hit-summary').textContent,
			role: a.getAttribute('role'),
			listbox: a.parentElement.getAttribute('role'),
		};
	})()`)
	want := map[string]string{
		"title": "JSON Web Token", "abbr": "<mark>JWT</mark>",
		"summary": "A compact, URL-safe token format that carries signed claims as a JSON object.",
		"role":    "option", "listbox": "listbox",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("first hit's %s = %q, want %q", k, got[k], v)
		}
	}
	typeQuery(t, ctx, "secret sprawl")
	if aka := browsertest.Eval[string](t, ctx, `document.querySelector('#search-option-0 .search-hit-aka').innerHTML`); aka != "<mark>secret</mark> <mark>sprawl</mark>" {
		t.Errorf("a hit found by synonym shows the synonym as %q", aka)
	}
}

func TestKeyboardChoosesAndOpensAHit(t *testing.T) {
	ctx := browsertest.New(t)
	_, root := buildSite(t, "https://example.org/")
	browsertest.Do(t, ctx, chromedp.Navigate(root+"terms/"))
	pressSlash(t, ctx)
	if id := browsertest.Eval[string](t, ctx, `document.activeElement.id`); id != "search-input" {
		t.Fatalf("after /, focus is on %q, want the search box", id)
	}
	browsertest.Do(t, ctx, chromedp.KeyEvent("secret"))
	browsertest.WaitFor(t, ctx, `document.getElementById('search-popup').dataset.query === 'secret'`, "the hits of secret")
	if v := browsertest.Eval[string](t, ctx, `document.getElementById('search-input').value`); v != "secret" {
		t.Errorf("the / that focused the box was typed into it: %q", v)
	}
	browsertest.Do(t, ctx, chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowUp), chromedp.KeyEvent(kb.ArrowDown))
	state := browsertest.Eval[[]string](t, ctx, `(() => {
		const i = document.getElementById('search-input');
		return [i.getAttribute('aria-activedescendant'), i.getAttribute('aria-expanded'),
			[...document.querySelectorAll('#search-popup [aria-selected=true]')].map(o => o.id).join(' '),
			document.getElementById('search-option-1').pathname];
	})()`)
	if state[0] != "search-option-1" || state[1] != "true" || state[2] != "search-option-1" {
		t.Fatalf("after down, down, up, down: active %q, expanded %q, selected %q; want the second hit", state[0], state[1], state[2])
	}
	browsertest.Do(t, ctx, chromedp.KeyEvent(kb.Escape))
	if hidden := browsertest.Eval[bool](t, ctx, `document.getElementById('search-popup').hidden && document.getElementById('search-input').getAttribute('aria-expanded') === 'false'`); !hidden {
		t.Errorf("Esc left the hits open")
	}
	browsertest.Do(t, ctx, chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowDown))
	if id := browsertest.Eval[string](t, ctx, `document.getElementById('search-popup').hidden ? 'hidden' : document.getElementById('search-input').getAttribute('aria-activedescendant')`); id != "search-option-1" {
		t.Fatalf("after Esc, down, down: %s is chosen, want the hits reopened at the second", id)
	}
	browsertest.Do(t, ctx, chromedp.KeyEvent(kb.Enter))
	browsertest.WaitFor(t, ctx, fmt.Sprintf(`location.pathname === %q`, state[3]), "Enter to open "+state[3])
}

func TestEnterWithNoHitChosenOpensTheResultsPage(t *testing.T) {
	ctx := browsertest.New(t)
	_, root := buildSite(t, "https://example.org/")
	browsertest.Do(t, ctx, chromedp.Navigate(root), chromedp.Click(chromedp.ID("search-input")), chromedp.KeyEvent("key rotation"))
	browsertest.WaitFor(t, ctx, `document.getElementById('search-popup').dataset.query === 'key rotation'`, "the hits")
	browsertest.Do(t, ctx, chromedp.KeyEvent(kb.Enter))
	browsertest.WaitFor(t, ctx, `location.pathname === '/search/' && document.getElementById('search-results').dataset.query === 'key rotation'`, "the results page")
	if got := firstHit(t, ctx, "#search-results a"); got != "/terms/secret-rotation/" {
		t.Errorf("first result %s, want /terms/secret-rotation/", got)
	}
}

func TestSearchPageDeepLinks(t *testing.T) {
	ctx := browsertest.New(t)
	_, root := buildSite(t, "https://example.org/")
	for _, tc := range []struct{ q, want string }{
		{"jason+web+token", "/terms/json-web-token/ "},
		{"rotaton", "/terms/secret-rotation/ "},
		{"possession", "/terms/token-binding/ "},
		{"secret", "/terms/secret/ /terms/secret-rotation/ /terms/secret-scanning/ "},
	} {
		browsertest.Do(t, ctx, chromedp.Navigate(root+"search/?q="+tc.q))
		q := strings.ReplaceAll(tc.q, "+", " ")
		browsertest.WaitFor(t, ctx, fmt.Sprintf(`document.getElementById('search-results').dataset.query === %q`, q), "the results of "+q)
		got := browsertest.Eval[string](t, ctx, `[...document.querySelectorAll('#search-results > a')].map(a => a.pathname + ' ').join('')`)
		if !strings.HasPrefix(got, tc.want) {
			t.Errorf("/search/?q=%s lists %q, want it to start %q", tc.q, got, tc.want)
		}
		if v := browsertest.Eval[string](t, ctx, `document.getElementById('search-page-input').value`); v != q {
			t.Errorf("/search/?q=%s: the page's box holds %q", tc.q, v)
		}
	}
}

func TestSearchWorksUnderASubPath(t *testing.T) {
	ctx := browsertest.New(t)
	_, root := buildSite(t, "https://example.org/kb/")
	browsertest.Do(t, ctx, chromedp.Navigate(root+"terms/secret/"))
	typeQuery(t, ctx, "rotaton")
	if got := firstHit(t, ctx, "#search-option-0"); got != "/kb/terms/secret-rotation/" {
		t.Errorf("under /kb/, typing rotaton first finds %s", got)
	}
	browsertest.WaitFor(t, ctx, `document.querySelector('#search-option-0[data-summary=loaded]')`, "the summary under /kb/")
	browsertest.Do(t, ctx, chromedp.Navigate(root+"search/?q=stolen+copy"))
	browsertest.WaitFor(t, ctx, `document.getElementById('search-results').dataset.query === 'stolen copy'`, "the results under /kb/")
	if got := firstHit(t, ctx, "#search-results a"); got != "/kb/terms/token-binding/" {
		t.Errorf("under /kb/, the full text first finds %s", got)
	}
}

// Without JavaScript the box is a form that leads to the A-Z index, and
// OpenSearch sends browsers to the results page.
func TestWithoutScriptsTheBoxLeadsToTheIndex(t *testing.T) {
	dir, _ := buildSite(t, "https://example.org/kb/")
	home, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`action="/kb/terms/"`, `data-search-action="/kb/search/"`, `name="q"`, `data-search-index="/kb/search/names.`} {
		if !strings.Contains(string(home), want) {
			t.Errorf("the home page lacks %s", want)
		}
	}
	osd, err := os.ReadFile(filepath.Join(dir, "opensearch.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if want := `template="https://example.org/kb/search/?q={searchTerms}"`; !strings.Contains(string(osd), want) {
		t.Errorf("opensearch.xml lacks %s:\n%s", want, osd)
	}
}

// pressSlash presses "/" as a keyboard does: one keyDown that carries the
// text, so that a handler's preventDefault keeps it out of the box.
// (chromedp.KeyEvent sends the text in a separate char event.)
func pressSlash(t *testing.T, ctx context.Context) {
	t.Helper()
	for _, typ := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeKeyDown, input.DispatchKeyEventTypeKeyUp} {
		p := input.DispatchKeyEventParams{Type: typ, Key: "/", Code: "Slash", WindowsVirtualKeyCode: 191, NativeVirtualKeyCode: 191}
		if typ == input.DispatchKeyEventTypeKeyDown {
			p.Text, p.UnmodifiedText = "/", "/"
		}
		if _, err := chromedp.Call(ctx, input.DispatchKeyEvent, p); err != nil {
			t.Fatal(err)
		}
	}
}

// Hits found by full text arrive after those found by name. A reader who
// closed the hits in between, with Esc or by leaving the box, must not see
// them pop open again; the arrows bring back the fuller list.
func TestClosedHitsStayClosedWhenFullTextArrives(t *testing.T) {
	for _, tc := range []struct {
		name  string
		close chromedp.Action[chromedp.Void]
	}{
		{"Esc", chromedp.KeyEvent(kb.Escape)},
		{"leaving the box", chromedp.Click(chromedp.ID("main"))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := browsertest.New(t)
			dir, _ := buildSite(t, "https://example.org/")
			gate := make(chan struct{})
			var once sync.Once
			release := func() { once.Do(func() { close(gate) }) }
			files := browsertest.StaticHandler(dir)
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/search/text.txt" {
					<-gate
				}
				files.ServeHTTP(w, r)
			}))
			t.Cleanup(srv.Close)
			t.Cleanup(release) // runs first: a held request must not keep Close waiting

			browsertest.Do(t, ctx, chromedp.Navigate(srv.URL+"/terms/"), chromedp.Click(chromedp.ID("search-input")), chromedp.KeyEvent("secret"))
			browsertest.WaitFor(t, ctx, `document.getElementById('search-popup').dataset.query === 'secret'`, "the hits of secret by name")
			byName := browsertest.Eval[int](t, ctx, `document.querySelectorAll('#search-popup .search-hit').length`)
			if byName >= 8 {
				t.Fatalf("secret finds %d hits by name; the test needs fewer than a popup's 8, so that full text is searched", byName)
			}
			browsertest.Do(t, ctx, tc.close)
			if !browsertest.Eval[bool](t, ctx, `document.getElementById('search-popup').hidden`) {
				t.Fatalf("%s left the hits open", tc.name)
			}
			release()
			browsertest.WaitFor(t, ctx, fmt.Sprintf(`document.querySelectorAll('#search-popup .search-hit').length > %d`, byName), "the hits by full text")
			if open := browsertest.Eval[bool](t, ctx, `!document.getElementById('search-popup').hidden || document.getElementById('search-input').getAttribute('aria-expanded') === 'true'`); open {
				t.Errorf("after %s, the hits by full text opened the closed list again", tc.name)
			}
			browsertest.Do(t, ctx, chromedp.Click(chromedp.ID("search-input")), chromedp.KeyEvent(kb.ArrowDown))
			if n := browsertest.Eval[int](t, ctx, `document.getElementById('search-popup').hidden ? -1 : document.querySelectorAll('#search-popup .search-hit').length`); n <= byName {
				t.Errorf("down after %s shows %d hits, want the list with the full-text hits (more than %d)", tc.name, n, byName)
			}
		})
	}
}

// A name several terms share finds every one of them; a deprecated term
// ranks below the current one and says it is deprecated.
func TestSharedNameFindsEveryTermDeprecatedLast(t *testing.T) {
	ctx := browsertest.New(t)
	_, root := buildSite(t, "https://example.org/")
	browsertest.Do(t, ctx, chromedp.Navigate(root))
	typeQuery(t, ctx, "sm")
	got := browsertest.Eval[[]string](t, ctx, `[...document.querySelectorAll('#search-popup [role=option]')].map(a =>
		a.pathname + (a.querySelector('.search-hit-deprecated') ? ' (deprecated)' : '')).filter(s => s.startsWith('/terms/'))`)
	want := []string{"/terms/secrets-manager/", "/terms/secret-store/ (deprecated)"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("hits for sm = %q, want %q", got, want)
	}
}

// An exact id finds its control first (the contract's rule), before a
// term that has the id as an abbreviation, and before a control whose id
// differs only in punctuation ("A.1" for "A-1").
func TestExactIDFindsItsControlFirst(t *testing.T) {
	ctx := browsertest.New(t)
	src := t.TempDir()
	if err := os.CopyFS(filepath.Join(src, "content"), os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	settings, err := os.ReadFile("../../nhiglossary.yaml")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"nhiglossary.yaml":              string(settings),
		"content/terms/nhi-two.md":      "---\ntitle: NHI Two Guide\nsummary: A guide.\nabbreviations: [NHI2]\nupdated: 2026-01-02\n---\nBody.\n",
		"content/frameworks/annex.yaml": "name: Annex\ncontrols:\n  - {id: A.1, title: First}\n  - {id: A-1, title: Other}\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(src, filepath.FromSlash(name)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	root := browsertest.ServeDir(t, browsertest.BuildSite(t, src))
	browsertest.Do(t, ctx, chromedp.Navigate(root+"/"))
	for q, want := range map[string]string{
		"NHI2": "/frameworks/owasp-nhi-top-10/#control-nhi2",
		"nhi2": "/frameworks/owasp-nhi-top-10/#control-nhi2",
		"A-1":  "/frameworks/annex/#control-a-1-1",
		"A.1":  "/frameworks/annex/#control-a-1",
	} {
		typeQuery(t, ctx, q)
		if got := browsertest.Eval[string](t, ctx, `(() => { const a = document.getElementById('search-option-0'); return a ? a.pathname + a.hash : ''; })()`); got != want {
			all := browsertest.Eval[string](t, ctx, `[...document.querySelectorAll('#search-popup [role=option]')].map(a => a.pathname + a.hash).join(' ')`)
			t.Errorf("typing %q: first hit %s, want %s; hits: %s", q, got, want, all)
		}
	}
}

// Readers type more than term names: a control's id, an incident's name.
// Each finds its page first, labelled with its kind.
func TestIdsAndIncidentsComeFirst(t *testing.T) {
	ctx := browsertest.New(t)
	root := browsertest.ServeDir(t, browsertest.BuildSite(t, "../.."))
	browsertest.Do(t, ctx, chromedp.Navigate(root+"/"))
	for _, tc := range []struct{ q, want, kind string }{
		{"PR.AA-01", "/frameworks/nist-csf-2/#control-pr-aa-01", "Control"},
		{"pr.aa-01", "/frameworks/nist-csf-2/#control-pr-aa-01", "Control"},
		{"NHI2", "/frameworks/owasp-nhi-top-10/#control-nhi2", "Control"},
		{"T1552.001", "/frameworks/mitre-attack/#control-t1552-001", "Control"},
		{"Toyota", "/incidents/toyota-t-connect-key-leak/", "Incident"},
		{"Storm-0558", "/incidents/microsoft-storm-0558-signing-key/", "Incident"},
		{"storm 0558", "/incidents/microsoft-storm-0558-signing-key/", "Incident"},
		{"MITRE ATT&CK", "/frameworks/mitre-attack/", "Framework"},
		{"api key", "/terms/api-key/", "Term"},
	} {
		typeQuery(t, ctx, tc.q)
		got := browsertest.Eval[[]string](t, ctx, `(() => { const a = document.getElementById('search-option-0'); return a ? [a.pathname + a.hash, a.querySelector('.search-hit-kind').textContent] : ['', '']; })()`)
		if got[0] != tc.want || got[1] != tc.kind {
			all := browsertest.Eval[string](t, ctx, `[...document.querySelectorAll('#search-popup [role=option]')].map(a => a.pathname + a.hash).join(' ')`)
			t.Errorf("typing %q: first hit %s (%s), want %s (%s); hits: %s", tc.q, got[0], got[1], tc.want, tc.kind, all)
		}
	}
}
