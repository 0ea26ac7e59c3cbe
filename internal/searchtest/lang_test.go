package searchtest

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/nhimg/nhiglossary"
	"github.com/nhimg/nhiglossary/internal/browsertest"
	"github.com/nhimg/nhiglossary/internal/build"
)

// German search on the two-language test site: accents fold as German
// readers type them, and an untranslated term is found, marked English,
// and opens its English page.
func TestGermanSearchFoldsAccentsAndFindsUntranslatedTerms(t *testing.T) {
	ctx := browsertest.New(t)
	dir := filepath.Join(t.TempDir(), "public")
	res, err := build.Build(context.Background(), "../build/testdata/two-lang", dir, build.Options{
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
	} {
		typeQuery(t, ctx, q)
		if got := firstHit(t, ctx, "#search-option-0"); got != want {
			t.Errorf("typing %q: first hit %s, want %s", q, got, want)
		}
	}
	typeQuery(t, ctx, "workload ide")
	if lang := browsertest.Eval[string](t, ctx, `document.querySelector('#search-option-0').lang + ' ' + (document.querySelector('#search-option-0 .badge-lang') || {}).textContent`); lang != "en en" {
		t.Errorf("untranslated hit: lang and badge %q", lang)
	}
}
