package render

import (
	"maps"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nhimg/nhiglossary"
	"github.com/nhimg/nhiglossary/internal/sitetest"
)

// A renderer made with a Memo shows the chrome one made without would:
// the next version of a site whose links in the chrome differ (its
// first term adds the feed) does not show the last one's.
func TestMemoChromeIsTheChromeMadeAnew(t *testing.T) {
	memo := &Memo{}
	noTerms := map[string]string{"content/terms/.gitkeep": ""}
	for name, text := range viewSite {
		if !strings.HasPrefix(name, "content/terms/") && !strings.HasPrefix(name, "content/incidents/") && !strings.HasPrefix(name, "content/frameworks/") {
			noTerms[name] = text
		}
	}
	for i, files := range []map[string]string{noTerms, viewSite, maps.Clone(viewSite), noTerms} {
		g := sitetest.MustResolve(t, sitetest.FS(files))
		fresh, err := New(g, nhiglossary.Templates(), Assets{}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		kept, err := New(g, nhiglossary.Templates(), Assets{}, Options{Memo: memo})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(fresh.chrome, kept.chrome); diff != "" {
			t.Errorf("version %d: chrome (-made anew +memo):\n%s", i, diff)
		}
	}
}
