package build

import (
	"encoding/json"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// buildTwoLang builds testdata/two-lang and returns its files.
func buildTwoLang(t *testing.T) map[string]string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	buildOK(t, filepath.Join("testdata", "two-lang"), out, opts())
	return readTree(t, out)
}

// buildTwoLangWith builds the two-language site with one more file, at
// path (slash-separated, below the site) with text.
func buildTwoLangWith(t *testing.T, path, text string) map[string]string {
	t.Helper()
	src := copySite(t, "two-lang")
	if err := os.WriteFile(filepath.Join(src, filepath.FromSlash(path)), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	buildOK(t, src, out, opts())
	return readTree(t, out)
}

func TestTwoLanguagePagesAreWhereTheyBelong(t *testing.T) {
	files := buildTwoLang(t)
	for _, p := range []string{
		"index.html", "terms/api-key/index.html", "terms/workload-identity/index.html", "sitemap.xml", "404.html", "api/glossary.json",
		"de/index.html", "de/terms/index.html", "de/terms/api-key/index.html", "de/incidents/leak/index.html",
		"de/frameworks/demo/index.html", "de/search/index.html", "de/tags/credentials/index.html",
		"de/categories/credentials/index.html", "de/feed.xml", "de/search/text.txt",
	} {
		if _, ok := files[p]; !ok {
			t.Errorf("%s is missing", p)
		}
	}
	// An untranslated term has no German page: lists link to the original.
	// The site's own files exist once.
	for _, p := range []string{"de/terms/workload-identity/index.html", "de/404.html", "de/sitemap.xml", "de/api/glossary.json", "en/index.html"} {
		if _, ok := files[p]; ok {
			t.Errorf("%s should not exist", p)
		}
	}
}

var (
	htmlLangRE  = regexp.MustCompile(`<html lang="([^"]+)">`)
	alternateRE = regexp.MustCompile(`<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">`)
	canonicalRE = regexp.MustCompile(`<link rel="canonical" href="([^"]+)">`)
	refreshRE   = regexp.MustCompile(`<meta http-equiv="refresh" content="0; url=([^"]+)">`)
)

// Every page's hreflang alternates name pages that exist and that name it
// back, x-default is the English page, and <html lang> is the page's.
func TestHreflangIsSymmetric(t *testing.T) {
	files := buildTwoLang(t)
	const origin = "https://example.org/kb/"
	type page struct {
		lang string
		self string // the canonical URL: an old slug's names its term's page
		alts map[string]string
	}
	pages := map[string]page{} // by absolute URL
	for p, html := range files {
		if !strings.HasSuffix(p, "index.html") {
			continue
		}
		url := origin + strings.TrimSuffix(p, "index.html")
		want := url
		if m := refreshRE.FindStringSubmatch(html); m != nil {
			// An old slug's page names the page it sends readers to, and
			// has its alternates.
			want = "https://example.org" + m[1]
		}
		if m := canonicalRE.FindStringSubmatch(html); m == nil || m[1] != want {
			t.Fatalf("%s: canonical %v, want %s", p, m, want)
		}
		pg := page{self: want, alts: map[string]string{}}
		if m := htmlLangRE.FindStringSubmatch(html); m != nil {
			pg.lang = m[1]
		}
		for _, m := range alternateRE.FindAllStringSubmatch(html, -1) {
			pg.alts[m[1]] = m[2]
		}
		pages[url] = pg
	}
	withAlts := 0
	for url, pg := range pages {
		if want := "en"; strings.HasPrefix(url, origin+"de/") {
			want = "de"
			if pg.lang != want {
				t.Errorf("%s: <html lang=%q>, want %q", url, pg.lang, want)
			}
		} else if pg.lang != want {
			t.Errorf("%s: <html lang=%q>, want %q", url, pg.lang, want)
		}
		if len(pg.alts) == 0 {
			continue
		}
		withAlts++
		if pg.alts[pg.lang] != pg.self {
			t.Errorf("%s: its own alternate is %q", url, pg.alts[pg.lang])
		}
		if xd := pg.alts["x-default"]; xd != pg.alts["en"] {
			t.Errorf("%s: x-default %q, want the English page %q", url, xd, pg.alts["en"])
		}
		for lang, alt := range pg.alts {
			if lang == "x-default" {
				continue
			}
			other, ok := pages[alt]
			if !ok {
				t.Errorf("%s: alternate %s %s does not exist", url, lang, alt)
				continue
			}
			if !maps.Equal(other.alts, pg.alts) {
				t.Errorf("%s and its %s alternate %s disagree:\n%v\n%v", url, lang, alt, pg.alts, other.alts)
			}
		}
	}
	if withAlts < 20 {
		t.Errorf("only %d pages have alternates", withAlts)
	}
	// The untranslated term's page names the one language it exists in
	// (CONTENT.md: every page, each language it exists in plus x-default).
	wl := origin + "terms/workload-identity/"
	if alts := pages[wl].alts; !maps.Equal(alts, map[string]string{"en": wl, "x-default": wl}) {
		t.Errorf("untranslated term has alternates %v, want itself in en and x-default", alts)
	}
}

var azEntryRE = regexp.MustCompile(`<div class="az-entry"><dt><a href="([^"]+)" class="term-link" data-term="[^"]+"(?: lang="([^"]+)")?>([^<]+)</a>`)

// The German A-Z files Ä with A, not after Z, and lists the untranslated
// term marked as English, linking to its English page.
func TestGermanIndexFollowsGermanCollation(t *testing.T) {
	files := buildTwoLang(t)
	var titles []string
	for _, m := range azEntryRE.FindAllStringSubmatch(files["de/terms/index.html"], -1) {
		titles = append(titles, m[3])
		if m[3] == "Workload Identity" && (m[1] != "/kb/terms/workload-identity/" || m[2] != "en") {
			t.Errorf("untranslated term: href %q lang %q", m[1], m[2])
		}
	}
	want := []string{"API-Schlüssel", "Äquivalente Zugangsdaten", "Geheimnis", "Workload Identity", "Zugriffstoken"}
	if diff := cmp.Diff(want, titles); diff != "" {
		t.Errorf("German A-Z (-want +got):\n%s", diff)
	}
	// Lists in title order (here a tag's terms) collate as the A-Z does.
	var tagged []string
	for _, m := range regexp.MustCompile(`class="term-link" data-term="[^"]+">([^<]+)</a>`).FindAllStringSubmatch(files["de/tags/credentials/index.html"], -1) {
		tagged = append(tagged, m[1])
	}
	if diff := cmp.Diff([]string{"API-Schlüssel", "Äquivalente Zugangsdaten", "Geheimnis", "Zugriffstoken"}, tagged); diff != "" {
		t.Errorf("tag page (-want +got):\n%s", diff)
	}
	if !strings.Contains(files["de/terms/index.html"], `<h2 id="letter-a" class="letter-heading">A</h2>`) ||
		strings.Contains(files["de/terms/index.html"], `letter-ä`) {
		t.Error("Ä is not filed under A")
	}
}

// German pages show German interface text (with the site's override),
// German dates, the translation's links and previews.
func TestGermanPagesSpeakGerman(t *testing.T) {
	files := buildTwoLang(t)
	page := files["de/terms/api-key/index.html"]
	for _, want := range []string{
		`<h2 id="related">Siehe auch</h2>`,                                // i18n/de.yaml
		`<h2 id="referenced-by">Was hierher verweist</h2>`,                // built in
		`Aktualisiert am <time datetime="2026-05-20">20. Mai 2026</time>`, // the translation's updated, German date
		`<a href="/kb/de/terms/secret/" class="wikilink" title="Geheimnis" data-term="secret">Geheimnis</a>`,
		`<a href="/kb/terms/workload-identity/" class="wikilink"`,        // untranslated: the original
		`"secret":{"t":"Geheimnis","s":"Jeder Wert, der Zugriff gewährt`, // previews: translated summary
		`<a class="incident-title" href="/kb/de/incidents/leak/">Schlüsselleck</a>`,
		`"inLanguage":"de"`,
		`<nav class="language-switcher" aria-label="Sprache"><ul><li><a href="/kb/terms/api-key/" hreflang="en" lang="en">English</a></li><li><a href="/kb/de/terms/api-key/" hreflang="de" lang="de" aria-current="page">Deutsch</a></li></ul></nav>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("de/terms/api-key/ lacks %s", want)
		}
	}
	if en := files["terms/api-key/index.html"]; !strings.Contains(en, `<h2 id="related">Related terms</h2>`) || !strings.Contains(en, "May 16, 2026") {
		t.Error("the English page is not in English")
	}
	if feed := files["de/feed.xml"]; !strings.Contains(feed, `xml:lang="de"`) || !strings.Contains(feed, "<title>Geheimnis</title>") {
		t.Error("the German feed is not German")
	}
	if sm := files["sitemap.xml"]; !strings.Contains(sm, `<xhtml:link rel="alternate" hreflang="de" href="https://example.org/kb/de/terms/api-key/"></xhtml:link>`) {
		t.Error("the sitemap lacks alternates")
	} else if _, wl, found := strings.Cut(sm, "<loc>https://example.org/kb/terms/workload-identity/</loc>"); !found || strings.Contains(strings.SplitN(wl, "</url>", 2)[0], `hreflang="de"`) {
		t.Error("the sitemap lacks the untranslated term, or gives it a German version: the German home page")
	}
	if api := files["api/glossary.json"]; !strings.Contains(api, `"de": {`) || !strings.Contains(api, `"title": "API-Schlüssel"`) {
		t.Error("api/glossary.json lacks the translations")
	} else {
		// Every term has the same keys: an untranslated one, {}.
		var g struct {
			Terms []map[string]json.RawMessage `json:"terms"`
		}
		if err := json.Unmarshal([]byte(api), &g); err != nil {
			t.Fatal(err)
		}
		for _, term := range g.Terms {
			if tr, ok := term["translations"]; !ok || string(term["slug"]) == `"workload-identity"` && string(tr) != "{}" {
				t.Errorf("api/glossary.json: %s has translations %s", term["slug"], tr)
			}
		}
	}
	var names string
	for p, data := range files {
		if strings.HasPrefix(p, "de/search/names.") {
			names = data
		}
	}
	if !strings.HasPrefix(names, "nhiglossary-search 2 32 fold -\n") || !strings.Contains(names, "0Workload Identity\t\tAK\t\t\ten\n") {
		t.Errorf("German names index:\n%s", names)
	}
}

// A one-language site gains no language markup: no alternates, no
// switcher, no home attribute, no /en/ pages, no xhtml in the sitemap.
func TestOneLanguageSiteHasNoLanguageMarkup(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	buildOK(t, filepath.Join("testdata", "example-site"), out, opts())
	files := readTree(t, out)
	for p, data := range files {
		if strings.HasPrefix(p, "en/") || strings.HasPrefix(p, "de/") {
			t.Errorf("%s: a language folder", p)
		}
		for _, bad := range []string{`hreflang=`, `language-switcher`, `data-home=`, `xmlns:xhtml`, `inLanguage`, `xml:lang`, `"translations"`, " fold "} {
			if strings.Contains(data, bad) && !strings.HasPrefix(p, "assets/") {
				t.Errorf("%s has %s", p, bad)
			}
		}
	}
	if !strings.Contains(files["index.html"], `<html lang="en">`) {
		t.Error("no <html lang>")
	}
}

// check reports translation problems at their files, once each.
func TestTwoLanguageCheck(t *testing.T) {
	site := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("testdata/two-lang"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(filepath.Join("testdata/two-lang", p))
		site[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	diagsOf := func() []string {
		_, diags := Check(site, Options{})
		var out []string
		for _, d := range diags {
			out = append(out, d.String())
		}
		return out
	}
	stale := `content/terms/secret.de.md:4:17: warning: translated from the text of 2026-03-01, but secret.md was updated on 2026-06-01: update the translation and set "source_updated: 2026-06-01"`
	if diff := cmp.Diff([]string{stale}, diagsOf()); diff != "" {
		t.Fatalf("clean site (-want +got):\n%s", diff)
	}
	site["content/terms/access-token.de.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Zugriffstoken\nrelated: [secret]\nsource_updated: 2026-05-16\n---\nSiehe [[Geheimnis]] und [[Nichts]].\n")}
	site["content/terms/secrets.de.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Geheimnisse\n---\n")}
	want := []string{
		`content/terms/access-token.de.md:3:1: a translation cannot set "related": it comes from the original, access-token.md`,
		`content/terms/access-token.de.md:6:25: unknown link target "Nichts"`,
		stale,
		`content/terms/secrets.de.md:1:1: secrets.de.md translates secrets.md, which does not exist (did you mean "secret.md"?)`,
	}
	got := diagsOf()
	slices.Sort(want)
	slices.Sort(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("broken site (-want +got):\n%s", diff)
	}
}

// A citation's number is read out in the page's language.
func TestCitationsAreReadInThePagesLanguage(t *testing.T) {
	files, _ := buildSite(t, "bundled")
	for page, want := range map[string]string{
		"terms/api-key/index.html":    `aria-label="Source 1"`,
		"de/terms/api-key/index.html": `aria-label="Quelle 1"`,
	} {
		if !strings.Contains(files[page], want) {
			t.Errorf("%s lacks %s", page, want)
		}
	}
}

// Old slugs and shared names in a site of two languages: a translated
// term's old slug works in both languages, an untranslated term's where
// its page is; the name AK that two terms share has a disambiguation page
// in English, while German, where the translated term's names come
// first (see xref.ResolveLanguages), gives AK to the German term and
// lists the untranslated term's AK on its own. Every link on every page
// reaches a file of the site.
func TestTwoLanguageRedirectsAndSharedNames(t *testing.T) {
	files := buildTwoLang(t)
	for page, target := range map[string]string{
		"terms/apikey/index.html":    "/kb/terms/api-key/",
		"de/terms/apikey/index.html": "/kb/de/terms/api-key/",
		"terms/wid/index.html":       "/kb/terms/workload-identity/",
	} {
		if m := refreshRE.FindStringSubmatch(files[page]); m == nil || m[1] != target {
			t.Errorf("%s sends readers to %v, want %s", page, m, target)
		}
	}
	if _, ok := files["de/terms/wid/index.html"]; ok {
		t.Error("de/terms/wid/ exists: the untranslated term has no German page to send readers to")
	}
	ak := files["terms/ak/index.html"]
	for _, want := range []string{`href="/kb/terms/api-key/"`, `href="/kb/terms/workload-identity/"`} {
		if !strings.Contains(ak, want) {
			t.Errorf("terms/ak/ lacks %s", want)
		}
	}
	if _, ok := files["de/terms/ak/index.html"]; ok {
		t.Error("de/terms/ak/ exists, but AK is the German term's in German")
	}
	for page, html := range files {
		if !strings.HasSuffix(page, ".html") {
			continue
		}
		for _, m := range linkRE.FindAllStringSubmatch(html, -1) {
			u := strings.TrimPrefix(m[1], "https://example.org")
			if i := strings.Index(u, "url="); i >= 0 {
				u = u[i+4:] // meta refresh
			}
			u, _, _ = strings.Cut(u, "#")
			rel, ok := strings.CutPrefix(u, "/kb/")
			if !ok {
				continue // another site's, or not a link
			}
			if rel == "" || strings.HasSuffix(rel, "/") {
				rel += "index.html"
			}
			if _, ok := files[rel]; !ok && !strings.HasPrefix(rel, "assets/") {
				t.Errorf("%s links to %s, which the site does not have", page, m[1])
			}
		}
	}
}

// An untranslated deprecated term in the German A-Z's deprecated group is
// marked English, as current untranslated terms are.
func TestUntranslatedDeprecatedTermIsMarked(t *testing.T) {
	page := buildTwoLangWith(t, "content/terms/static-key.md", "---\ntitle: Static Key\nsummary: An older name for an API key.\ndeprecated: true\nreplaced_by: api-key\nupdated: 2026-01-01\n---\nOld.\n")["de/terms/index.html"]
	group := page[strings.Index(page, `id="deprecated"`):]
	for _, want := range []string{
		`data-term="static-key" lang="en">Static Key</a> <span class="badge badge-lang">en</span>`,
		`<span lang="en">An older name for an API key.</span>`,
	} {
		if !strings.Contains(group, want) {
			t.Errorf("the deprecated group lacks %s:\n%s", want, group)
		}
	}
}

// An untranslated incident is marked English on German lists, a
// translated one is not.
func TestUntranslatedIncidentIsMarked(t *testing.T) {
	page := buildTwoLangWith(t, "content/incidents/outage.md", "---\ntitle: Token outage\ndate: 2026-02-01\nsummary: Tokens stopped working.\n---\n")["de/incidents/index.html"]
	if want := `<div class="incident-body" lang="en"><a class="incident-title" href="/kb/incidents/outage/">Token outage</a> <span class="badge badge-lang">en</span>`; !strings.Contains(page, want) {
		t.Errorf("de/incidents/ lacks %s:\n%s", want, page)
	}
	if n := strings.Count(page, `class="incident-body" lang=`); n != 1 {
		t.Errorf("%d incidents marked with a language, want the untranslated one", n)
	}
}
