package live

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A site in two languages: after each edit (a translation, a new one, one
// deleted, an original, the interface text) the preview serves exactly
// what `build --drafts` writes, every language's pages and search index,
// and an edit of one translation renders again no page of the other
// language but those that show it.
func TestLiveTwoLanguagesMatchAFreshBuild(t *testing.T) {
	src := copySite(t, "two-lang")
	ctx := context.Background()
	l := New(os.DirFS(src), liveOpts())
	const secretDE = "content/terms/secret.de.md"
	const workloadDE = "content/terms/workload-identity.de.md"
	steps := []struct {
		name   string
		change func(dir string)
		files  []string // what the watcher would report
		// outside are the files outside de/ the edit renders again, for
		// an edit of one term: the other language shows it only there.
		outside []string
	}{
		{name: "the first build", change: func(string) {}},
		{name: "a translation's prose", change: func(d string) {
			edit(t, d, secretDE, replace("Ein Geheimnis gewährt Zugriff.", "Ein Geheimnis gewährt Zugriff, oft zu viel."))
		}, files: []string{secretDE}, outside: []string{"api/glossary.json"}},
		{name: "a translation's title", change: func(d string) {
			edit(t, d, secretDE, replace("title: Geheimnis", "title: Geheimer Wert\nsynonyms: [Geheimnis]"))
		}, files: []string{secretDE}, outside: []string{"api/glossary.json", "api/skos.ttl", "sitemap.xml"}},
		// The term's page, its old slug's and the page of the name AK it
		// shares with api-key gain a German alternate: with a German
		// title, the term's AK now ranks with api-key's in German too.
		{name: "a new translation", change: func(d string) {
			write(t, d, workloadDE, "---\ntitle: Workload-Identität\nsummary: Die Identität, die eine laufende Workload nachweist.\nsource_updated: 2026-05-16\n---\nSie ersetzt ein gespeichertes [[Geheimer Wert]].\n")
		}, files: []string{workloadDE}, outside: []string{"api/glossary.json", "api/skos.ttl", "sitemap.xml", "terms/ak/index.html", "terms/wid/index.html", "terms/workload-identity/index.html"}},
		{name: "an original", change: func(d string) {
			edit(t, d, "content/terms/workload-identity.md", replace("replaces a stored", "replaces a long-lived stored"))
		}, files: []string{"content/terms/workload-identity.md"}},
		{name: "the interface text", change: func(d string) {
			edit(t, d, "i18n/de.yaml", replace("related_terms: Siehe auch", "related_terms: Siehe außerdem"))
		}, files: []string{"i18n/de.yaml"}},
		{name: "a translation deleted", change: func(d string) {
			os.Remove(filepath.Join(d, filepath.FromSlash(workloadDE)))
		}, files: []string{workloadDE}, outside: []string{"api/glossary.json", "api/skos.ttl", "sitemap.xml", "terms/ak/index.html", "terms/wid/index.html", "terms/workload-identity/index.html"}},
	}
	for i, st := range steps {
		st.change(src)
		var ch *Change
		if i == 0 {
			ch = l.Update(ctx, nil)
		} else {
			ch = l.Update(ctx, st.files)
		}
		if ch.Err != nil {
			t.Fatalf("%s: %v\n%v", st.name, ch.Err, ch.Diags)
		}
		t.Logf("%s: %d of %d files, %d facts: %v", st.name, len(ch.Pages), len(l.pages.Load().byPath), ch.Facts, ch.Pages)
		if st.outside != nil {
			var outside []string
			for _, p := range ch.Pages {
				if !strings.HasPrefix(p, "de/") {
					outside = append(outside, p)
				}
			}
			if diff := cmp.Diff(st.outside, outside); diff != "" {
				t.Errorf("%s: files outside de/ rendered again (-want +got):\n%s", st.name, diff)
			}
		}
		got, want := everything(t, l), freshBuild(t, src)
		if diff := cmp.Diff(keys(want), keys(got)); diff != "" {
			t.Fatalf("%s: files (-build +live):\n%s", st.name, diff)
		}
		if _, ok := got["de/search/text.txt"]; !ok {
			t.Fatalf("%s: no German search index", st.name)
		}
		for p := range want {
			if want[p] != got[p] {
				t.Errorf("%s: %s differs (-build +live):\n%s", st.name, p, cmp.Diff(want[p], got[p]))
			}
		}
	}
}
