package render

import (
	"regexp"
	"testing"

	"github.com/nhimg/nhiglossary"
	"github.com/nhimg/nhiglossary/internal/markdown"
	"github.com/nhimg/nhiglossary/internal/sitetest"
)

// In a translation, a plain mention links where a [[link]] of the same
// name goes: the language's own names first, then the originals' names
// where no name of the language took them.
func TestAutoLinksInATranslationFallBackToTheOriginalsNames(t *testing.T) {
	graphs := sitetest.MustResolveLanguages(t, sitetest.FS(map[string]string{
		"nhiglossary.yaml":           "title: Two\nautolink: all\nlanguages:\n  - {code: en, name: English}\n  - {code: de, name: Deutsch}\n",
		"content/terms/secret.md":    "---\ntitle: Secret\nsummary: S.\nsynonyms: [Credential]\nupdated: 2026-01-01\nrelated: [key, token, vault]\n---\nA.\n",
		"content/terms/secret.de.md": "---\ntitle: Geheimnis\nsource_updated: 2026-01-01\n---\nB.\n",
		"content/terms/key.md":       "---\ntitle: API Key\nsummary: K.\nabbreviations: [AK]\nupdated: 2026-01-01\nrelated: [secret]\n---\nA.\n",
		"content/terms/key.de.md":    "---\ntitle: API-Schlüssel\nsource_updated: 2026-01-01\n---\nB.\n",
		"content/terms/token.md":     "---\ntitle: Token\nsummary: T.\nupdated: 2026-01-01\nrelated: [secret]\n---\nA.\n",
		"content/terms/vault.md":     "---\ntitle: Vault\nsummary: V.\nupdated: 2026-01-01\nrelated: [secret]\n---\nA.\n",
		"content/terms/vault.de.md":  "---\ntitle: Tresor\nsynonyms: [Credential]\nsource_updated: 2026-01-01\n---\nB.\n",
	}))
	rs, err := NewSite(graphs, nhiglossary.Templates(), make([]Assets, 2), make([]Options, 2))
	if err != nil {
		t.Fatal(err)
	}
	href := regexp.MustCompile(`<a href="([^"]*)" class="autolink"`)
	for _, tc := range []struct {
		lang int
		text string
		want string // the mention's link, "" for none
	}{
		{1, "Ein Geheimnis.", "/de/terms/secret/"},
		{1, "Ein Secret.", "/de/terms/secret/"}, // the original's title
		{1, "Ein API Key.", "/de/terms/key/"},
		{1, "Ein AK.", "/de/terms/key/"},
		{1, "Ein Token.", "/terms/token/"},         // untranslated: the original's page
		{1, "Ein Credential.", "/de/terms/vault/"}, // the German synonym beats the English one
		{1, "Ein Vault.", "/de/terms/vault/"},
		{0, "A Credential.", "/terms/secret/"},
		{0, "A Geheimnis.", ""}, // German names stay German
	} {
		got := rs[tc.lang].md.Render(tc.text, markdown.Doc{Autolink: true}).HTML
		m := href.FindStringSubmatch(string(got))
		if (m == nil) != (tc.want == "") || m != nil && m[1] != tc.want {
			t.Errorf("%s %q: %s, want a link to %q", rs[tc.lang].lang, tc.text, got, tc.want)
		}
	}
}
