package searchtest

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/nhimg/nhiglossary"
	"github.com/nhimg/nhiglossary/internal/browsertest"
	"github.com/nhimg/nhiglossary/internal/build"
)

// German search on the two-language test site: accents fold as German
// readers type them, and an untranslated term or incident is found,
// marked English, and opens its English page.
func TestGermanSearchFoldsAccentsAndFindsUntranslatedTerms(t *testing.T) {
	ctx := browsertest.New(t)
	src := t.TempDir()
	if err := os.CopyFS(src, os.DirFS("../build/testdata/two-lang")); err != nil {
		t.Fatal(err)
	}
	untranslated := "---\ntitle: Token outage\ndate: 2026-02-01\nsummary: Tokens stopped working.\n---\n"
	if err := os.WriteFile(filepath.Join(src, "content", "incidents", "outage.md"), []byte(untranslated), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "public")
	res, err := build.Build(context.Background(), src, dir, build.Options{
		BaseURL: "https://example.org/", Templates: nhiglossary.Templates(), Assets: nhiglossary.Assets(),
	})
	if err != nil {
		t.Fatalf("building two-lang: %v\n%v", err, res.Diags)
	}
	srv := httptest.NewServer(browsertest.StaticHandler(dir))
	t.Cleanup(srv.Close)
	browsertest.Do(t, ctx, chromedp.Navigate(srv.URL+"/de/terms/secret/"))
	for q, want := range map[string]string{
		"api-schlussel":       "/de/terms/api-key/",
		"anwendungsschlussel": "/de/terms/api-key/",
		"schlusselleck":       "/de/incidents/leak/",
		"tokenuberprufung":    "/de/terms/access-token/",
		"schlüsselübergabe":   "/de/terms/access-token/", // in the body only: the text index holds it folded
		"aquivalente":         "/de/terms/credential-equivalence/",
		"workload ide":        "/terms/workload-identity/",
		"token outage":        "/incidents/outage/",
	} {
		typeQuery(t, ctx, q)
		if got := firstHit(t, ctx, "#search-option-0"); got != want {
			t.Errorf("typing %q: first hit %s, want %s", q, got, want)
		}
	}
	typeQuery(t, ctx, "workload ide")
	if lang := browsertest.Eval[string](t, ctx, `document.querySelector('#search-option-0 .search-hit-title').lang + document.querySelector('#search-option-0 .search-hit-summary').lang + document.querySelector('#search-option-0 .search-hit-kind').lang + ' ' + (document.querySelector('#search-option-0 .badge-lang') || {}).textContent`); lang != "enen en" {
		t.Errorf("untranslated hit: title, summary and kind label lang, and badge: %q, want the title and summary English, the label the page's", lang)
	}
	typeQuery(t, ctx, "token outage")
	if lang := browsertest.Eval[string](t, ctx, `document.querySelector('#search-option-0 .search-hit-title').lang + document.querySelector('#search-option-0 .search-hit-summary').lang + document.querySelector('#search-option-0 .search-hit-kind').lang + ' ' + (document.querySelector('#search-option-0 .badge-lang') || {}).textContent`); lang != "enen en" {
		t.Errorf("untranslated incident: title, summary and kind label lang, and badge: %q", lang)
	}
}

// The search box's own text is the page's language's: kind labels and
// messages in German on German pages, in English on English ones, and a
// site's override with markup in it shows as text, never as markup.
func TestSearchSpeaksThePagesLanguage(t *testing.T) {
	ctx := browsertest.New(t)
	src := t.TempDir()
	if err := os.CopyFS(src, os.DirFS("../build/testdata/two-lang")); err != nil {
		t.Fatal(err)
	}
	const hostile = `<img src=x onerror="window.pwned=1">„{0}“ fehlt`
	f, err := os.OpenFile(filepath.Join(src, "i18n", "de.yaml"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(f, "search_no_match: '%s'\n", hostile)
	f.Close()
	dir := filepath.Join(t.TempDir(), "public")
	res, err := build.Build(context.Background(), src, dir, build.Options{
		BaseURL: "https://example.org/", Templates: nhiglossary.Templates(), Assets: nhiglossary.Assets(),
	})
	if err != nil {
		t.Fatalf("building two-lang: %v\n%v", err, res.Diags)
	}
	srv := httptest.NewServer(browsertest.StaticHandler(dir))
	t.Cleanup(srv.Close)
	kind := `(document.querySelector('#search-option-0 .search-hit-kind') || {}).textContent`
	for _, tc := range []struct{ page, q, want string }{
		{"/de/terms/secret/", "schlusselleck", "Vorfall"},
		{"/de/terms/secret/", "api-schlussel", "Begriff"},
		{"/terms/secret/", "api key", "Term"},
		{"/terms/secret/", "leak", "Incident"},
	} {
		browsertest.Do(t, ctx, chromedp.Navigate(srv.URL+tc.page))
		typeQuery(t, ctx, tc.q)
		if got := browsertest.Eval[string](t, ctx, kind); got != tc.want {
			t.Errorf("%s, typing %q: kind %q, want %q", tc.page, tc.q, got, tc.want)
		}
	}
	browsertest.Do(t, ctx, chromedp.Navigate(srv.URL+"/de/terms/secret/"))
	typeQuery(t, ctx, "zzqqxx")
	msg := `[document.querySelector('#search-popup .search-empty').textContent, document.querySelector('#search-popup .search-all').textContent,
		document.querySelectorAll('#search-popup img').length, String(window.pwned)]`
	got := browsertest.Eval[[]any](t, ctx, msg)
	want := []any{`<img src=x onerror="window.pwned=1">„zzqqxx“ fehlt`, "Im ganzen Text suchen", float64(0), "undefined"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("German popup without hits: %q, want %q", got, want)
	}
	browsertest.Do(t, ctx, chromedp.Navigate(srv.URL+"/de/search/?q=geheimnis"))
	browsertest.WaitFor(t, ctx, `document.getElementById('search-results').dataset.query === 'geheimnis'`, "the results page")
	status := browsertest.Eval[string](t, ctx, `document.getElementById('search-status').textContent`)
	if !strings.HasSuffix(status, "für „geheimnis“") || !strings.Contains(status, "Ergebnis") {
		t.Errorf("German results page status %q", status)
	}
}
