package render

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/nhimg/nhiglossary"
	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/sitetest"
)

// The parts of a layout every page shares, which the view tests leave
// out: the site's settings, asset and navigation URLs, the generator,
// the chrome of the page's kind and its breadcrumbs.
func TestLayout(t *testing.T) {
	r := newViewRenderer(t, viewSite)
	r.assets = Assets{Style: "/kb/assets/style.css"}
	r.opts.Generator = "nhiglossary test"
	got := r.layout("term", "API Key", "/kb/terms/api-key/", "", homeLink, glossaryLink)
	want := Layout{
		Site: r.cfg, Lang: "en", Base: "/kb/", Kind: "term", Title: "API Key", Path: "/kb/terms/api-key/",
		Description: "The site's description.", // the site's, when the page has none
		Canonical:   "https://example.org/kb/terms/api-key/",
		Crumbs:      []Link{homeLink, glossaryLink},
		Assets:      Assets{Style: "/kb/assets/style.css"},
		URLs: Nav{
			Home: "/kb/", Terms: "/kb/terms/", Frameworks: "/kb/frameworks/", Matrix: "/kb/frameworks/matrix/",
			Incidents: "/kb/incidents/", Tags: "/kb/tags/", Categories: "/kb/categories/", Search: "/kb/search/",
			Feed: "/kb/feed.xml", OpenSearch: "/kb/opensearch.xml", Hierarchy: "/kb/hierarchy/",
		},
		Generator:  "nhiglossary test",
		Chrome:     r.chrome["term"],
		CrumbItems: "Home Glossary", // the "crumbs" template, compared as text
	}
	if diff := cmp.Diff(want, got, cmpopts.IgnoreUnexported(content.Config{}), cmp.Transformer("text", htmlText)); diff != "" {
		t.Errorf("layout (-want +got):\n%s", diff)
	}
	for _, kind := range PageKinds {
		if c := r.chrome[kind]; c.Head == "" || c.Header == "" || c.Footer == "" {
			t.Errorf("%s pages have no chrome: %+v", kind, c)
		}
	}

	// A path-only base_url gives no canonical URL: it needs a host.
	local := newViewRenderer(t, map[string]string{
		"nhiglossary.yaml":     "title: Local\nbase_url: /docs/\n",
		"content/terms/one.md": "---\ntitle: One\nsummary: One.\nupdated: 2026-01-01\n---\nOne.\n",
	})
	if l := local.layout("terms", "All", "/docs/terms/", "Every term."); l.Canonical != "" || l.Base != "/docs/" || l.Description != "Every term." {
		t.Errorf("path-only base_url: canonical %q, base %q, description %q", l.Canonical, l.Base, l.Description)
	}
}

// On a site of two languages each page names its versions in both and
// x-default; a term without a translation is listed in its own language,
// linking to the original's page.
func TestTwoLanguageViews(t *testing.T) {
	graphs := sitetest.MustResolveLanguages(t, sitetest.FS(map[string]string{
		"nhiglossary.yaml":           "title: Two\nbase_url: https://example.org/\nlanguages:\n  - {code: en, name: English}\n  - {code: de, name: Deutsch}\n",
		"content/terms/secret.md":    "---\ntitle: Secret\nsummary: Kept secret.\nupdated: 2026-01-01\nrelated: [key]\n---\nSee [[Key]].\n",
		"content/terms/secret.de.md": "---\ntitle: Geheimnis\nsummary: Geheim gehalten.\nsource_updated: 2026-01-01\n---\nSiehe [[Key]].\n",
		"content/terms/key.md":       "---\ntitle: Key\nsummary: A key.\nupdated: 2026-01-01\nrelated: [secret]\n---\nA key.\n",
	}))
	rs, err := NewSite(graphs, nhiglossary.Templates(), make([]Assets, 2), make([]Options, 2))
	if err != nil {
		t.Fatal(err)
	}
	en, de := rs[0], rs[1]
	secret := de.g.TermBySlug["secret"]
	got := de.termView(secret, &links{})
	// hreflang links are absolute; the switcher's stay under the base
	// path, as every link does.
	wantAlt := []Alternate{
		{Lang: "en", Name: "English", URL: "https://example.org/terms/secret/", Href: "/terms/secret/"},
		{Lang: "de", Name: "Deutsch", URL: "https://example.org/de/terms/secret/", Href: "/de/terms/secret/", Current: true},
		{Lang: "x-default", URL: "https://example.org/terms/secret/", Href: "/terms/secret/"},
	}
	if diff := cmp.Diff(wantAlt, got.Alternates); diff != "" {
		t.Errorf("alternates of de/terms/secret/ (-want +got):\n%s", diff)
	}
	if got.Lang != "de" || got.Home != "/" || got.Path != "/de/terms/secret/" || got.Title != "Geheimnis" {
		t.Errorf("German page: lang %q, home %q, path %q, title %q", got.Lang, got.Home, got.Path, got.Title)
	}
	// The untranslated term, in English on the German page.
	key := TermRef{Slug: "key", Title: "Key", URL: "/terms/key/", Summary: "A key.", Updated: day("2026-01-01"), Lang: "en"}
	checkView(t, "related", []TermRef{key}, got.Related)

	// CONTENT.md: every page has hreflang for each language it exists in
	// plus x-default, and a switcher: an untranslated term's page names
	// its own language, and its switcher goes to the German home page.
	wantAlt = []Alternate{
		{Lang: "en", Name: "English", URL: "https://example.org/terms/key/", Href: "/terms/key/", Current: true},
		{Lang: "de", Name: "Deutsch", URL: "https://example.org/de/", Href: "/de/", Missing: true},
		{Lang: "x-default", URL: "https://example.org/terms/key/", Href: "/terms/key/"},
	}
	if diff := cmp.Diff(wantAlt, en.termView(en.g.TermBySlug["key"], &links{}).Alternates); diff != "" {
		t.Errorf("alternates of the untranslated terms/key/ (-want +got):\n%s", diff)
	}
}

// Search shows an incident's date as its language's pages write it.
func TestSearchEntriesDateInTheirLanguage(t *testing.T) {
	graphs := sitetest.MustResolveLanguages(t, sitetest.FS(map[string]string{
		"nhiglossary.yaml":             "title: Two\nlanguages:\n  - {code: en, name: English}\n  - {code: de, name: Deutsch}\n",
		"content/terms/secret.md":      "---\ntitle: Secret\nsummary: Kept secret.\nupdated: 2026-01-01\n---\nA.\n",
		"content/incidents/leak.md":    "---\ntitle: Leak\ndate: 2026-03-01\nsummary: Keys leaked.\n---\nText.\n",
		"content/incidents/leak.de.md": "---\ntitle: Leck\nsummary: Schlüssel geleakt.\n---\nText.\n",
	}))
	for i, want := range []string{"March 1, 2026 · Keys leaked.", "1. März 2026 · Schlüssel geleakt."} {
		if got := SearchEntries(graphs[i])[0].Summary; got != want {
			t.Errorf("%s: incident summary %q, want %q", graphs[i].Lang(), got, want)
		}
	}
}
