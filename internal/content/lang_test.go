package content

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

const twoLangConfig = "title: T\nlanguages:\n  - {code: en, name: English}\n  - {code: de, name: Deutsch}\n"

const deTerm = `---
title: API-Schlüssel
summary: Ein statisches Geheimnis.
synonyms: [Zugangsschlüssel]
source_updated: 2026-05-16
---
Text.
`

func TestLanguagesSetting(t *testing.T) {
	s, diags := Load(site(map[string]string{"nhiglossary.yaml": twoLangConfig, "content/terms/api-key.md": okTerm}))
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	want := []Language{{Code: "en", Name: "English"}, {Code: "de", Name: "Deutsch"}}
	if diff := cmp.Diff(want, s.Config.Languages, cmp.FilterPath(func(p cmp.Path) bool { return p.Last().String() == ".Pos" }, cmp.Ignore())); diff != "" {
		t.Errorf("languages (-want +got):\n%s", diff)
	}
	if s.Config.DefaultLanguage() != "en" || !s.Config.Multilingual() || s.Terms[0].Lang != "en" {
		t.Errorf("default %q, multilingual %v, term lang %q", s.Config.DefaultLanguage(), s.Config.Multilingual(), s.Terms[0].Lang)
	}

	// Without `languages`, the one `language` is the list.
	s, _ = Load(site(map[string]string{"nhiglossary.yaml": "language: de\n", "content/terms/api-key.md": okTerm}))
	if got := s.Config.Languages; len(got) != 1 || got[0].Code != "de" || s.Config.Multilingual() {
		t.Errorf("one language: %+v", got)
	}
}

func TestTranslationsPairWithTheirOriginals(t *testing.T) {
	s, diags := Load(site(map[string]string{
		"nhiglossary.yaml":             twoLangConfig,
		"content/terms/api-key.md":     okTerm,
		"content/terms/api-key.de.md":  deTerm,
		"content/incidents/leak.md":    "---\ntitle: Leak\ndate: 2026-01-02\nsummary: A leak.\n---\nBody.\n",
		"content/incidents/leak.de.md": "---\ntitle: Leck\nsummary: Ein Leck.\n---\n",
	}))
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	if len(s.Terms) != 1 || len(s.TermTranslations) != 1 || len(s.IncidentTranslations) != 1 {
		t.Fatalf("terms %d, translations %d, incident translations %d", len(s.Terms), len(s.TermTranslations), len(s.IncidentTranslations))
	}
	tr := s.TermTranslations[0]
	if tr.Original != s.Terms[0] || tr.Slug.Value != "api-key" || tr.Lang != "de" || !tr.SourceUpdated.Equal(time.Date(2026, 5, 16, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("translation: original %p (want %p), slug %q, lang %q, from %v", tr.Original, s.Terms[0], tr.Slug.Value, tr.Lang, tr.SourceUpdated)
	}

	de := s.Localize("de")
	got := de.Terms[0]
	if got.Title.Value != "API-Schlüssel" || got.Summary != "Ein statisches Geheimnis." || got.Lang != "de" || got.Original != s.Terms[0] {
		t.Errorf("localized term: %q %q %q", got.Title.Value, got.Summary, got.Lang)
	}
	if got.Updated != s.Terms[0].Updated || got.Body.Text != "Text.\n" || got.Synonyms[0].Value != "Zugangsschlüssel" {
		t.Errorf("localized term keeps the original's updated and takes the translation's body and synonyms: %v %q %v", got.Updated, got.Body.Text, got.Synonyms)
	}
	if inc := de.Incidents[0]; inc.Title.Value != "Leck" || inc.Summary.Text != "Ein Leck." || inc.Body.Text != "Body.\n" || !inc.Date.Equal(s.Incidents[0].Date) {
		t.Errorf("localized incident: %q %q %q", inc.Title.Value, inc.Summary.Text, inc.Body.Text)
	}
	if s.Localize("en") != s || s.Terms[0].Title.Value != "API Key" {
		t.Error("the default language's view is the site, unchanged")
	}
}

func TestTranslationProblems(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{
			name:  "a structural key is an error at its line",
			files: map[string]string{"content/terms/api-key.de.md": "---\ntitle: API-Schlüssel\nrelated: [secret]\ntags: [x]\nsource_updated: 2026-05-16\n---\n"},
			want: []string{
				`content/terms/api-key.de.md:3:1: a translation cannot set "related": it comes from the original, api-key.md`,
				`content/terms/api-key.de.md:4:1: a translation cannot set "tags": it comes from the original, api-key.md`,
			},
		},
		{
			// One mistake, one error: the misspelt key's date stands for
			// source_updated, so the translation is not also stale.
			name:  "a misspelt key gets a did-you-mean",
			files: map[string]string{"content/terms/api-key.de.md": "---\ntitle: API-Schlüssel\nsource_update: 2026-05-16\n---\n"},
			want: []string{
				`content/terms/api-key.de.md:3:1: unknown key "source_update" in a translation (did you mean "source_updated"?)`,
			},
		},
		{
			name:  "a translation needs a title",
			files: map[string]string{"content/terms/api-key.de.md": "---\nsummary: x\nsource_updated: 2026-05-16\n---\n"},
			want:  []string{`content/terms/api-key.de.md:1:1: missing required key "title" in a translation`},
		},
		{
			name:  "a translation of a file that does not exist",
			files: map[string]string{"content/terms/api-kee.de.md": deTerm},
			want:  []string{`content/terms/api-kee.de.md:1:1: api-kee.de.md translates api-kee.md, which does not exist (did you mean "api-key.md"?)`},
		},
		{
			name: "a translation of a file that does not parse is not a second error",
			files: map[string]string{
				"content/terms/api-key.md":     "---\ntitle: [API Key\n---\n",
				"content/terms/api-key.de.md":  deTerm,
				"content/incidents/leak.md":    "no front matter\n",
				"content/incidents/leak.de.md": "---\ntitle: Leck\nsummary: Ein Leck.\n---\n",
			},
			want: []string{
				`content/incidents/leak.md:1:1: missing front matter: start the file with a --- line, the fields, and another --- line`,
				`content/terms/api-key.md:3:1: invalid YAML: did not find expected ',' or ']'`,
			},
		},
		{
			name:  "a language the site does not have",
			files: map[string]string{"content/terms/api-key.fr.md": deTerm},
			want:  []string{`content/terms/api-key.fr.md:1:1: "fr" in "api-key.fr.md" is not one of the site's languages (en, de): add it to "languages" in nhiglossary.yaml, or name the file SLUG.CODE.md`},
		},
		{
			name:  "the default language is not a translation",
			files: map[string]string{"content/terms/api-key.en.md": deTerm},
			want:  []string{`content/terms/api-key.en.md:1:1: "en" is the default language: its text is in api-key.md, not in a translation`},
		},
		{
			name:  "a stale translation names both dates",
			files: map[string]string{"content/terms/api-key.de.md": strings.Replace(deTerm, "2026-05-16", "2026-01-02", 1)},
			want:  []string{`content/terms/api-key.de.md:5:17: warning: translated from the text of 2026-01-02, but api-key.md was updated on 2026-05-16: update the translation and set "source_updated: 2026-05-16"`},
		},
		{
			name:  "languages are checked",
			files: map[string]string{"nhiglossary.yaml": "languages:\n  - {code: en}\n  - {code: en}\n  - {code: de_DE}\n  - {name: x}\n  - {code: x-default}\n"},
			want: []string{
				`nhiglossary.yaml:3:5: language "en" is listed twice`,
				`nhiglossary.yaml:4:12: language code "de_DE" is not a BCP 47 tag such as "en", "de" or "pt-BR": write "de-DE"`,
				`nhiglossary.yaml:5:5: missing required key "code" in a language`,
				`nhiglossary.yaml:6:12: language code "x-default" is not a BCP 47 tag such as "en", "de" or "pt-BR" (a private-use x- tag names no language)`,
			},
		},
		{
			name:  "the one language is checked too",
			files: map[string]string{"nhiglossary.yaml": "language: 'en\"><script>'\n"},
			want:  []string{`nhiglossary.yaml:1:11: language code "en\"><script>" is not a BCP 47 tag such as "en", "de" or "pt-BR"`},
		},
		{
			name:  "language beside languages names their first, or is ignored with a warning",
			files: map[string]string{"nhiglossary.yaml": "language: fr\n" + twoLangConfig[len("title: T\n"):]},
			want:  []string{`nhiglossary.yaml:1:11: warning: "language": "fr" is ignored: with "languages", the first listed ("en") is the site's language; remove "language" or list "fr" first`},
		},
		{
			name:  "language beside languages that agrees is fine",
			files: map[string]string{"nhiglossary.yaml": "language: EN\n" + twoLangConfig[len("title: T\n"):]},
		},
		{
			name: "interface text overrides are checked",
			files: map[string]string{
				"i18n/de.yaml": "related_terms: Siehe auch\nrelated_term: x\nn_terms: Begriffe\nmonths: Jan|Feb\n",
				"i18n/en.yaml": "related_terms: See also\nmonths: Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec\n",
				"i18n/fr.yaml": "related_terms: Voir aussi\n",
			},
			want: []string{
				`i18n/de.yaml:2:1: unknown interface text "related_term" (did you mean "related_terms"?)`,
				`i18n/de.yaml:3:10: "n_terms" must fill in {0}, as the built-in text "{0} terms" does`,
				`i18n/de.yaml:4:9: "months" names the twelve months, January first, each between | and the next: "January|February|March|April|May|June|July|August|September|October|November|December"`,
				`i18n/fr.yaml:1:1: "fr" is not one of the site's languages (en, de): name the file after one, e.g. i18n/en.yaml`,
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{"nhiglossary.yaml": twoLangConfig, "content/terms/api-key.md": okTerm}
			for k, v := range tc.files {
				files[k] = v
			}
			if diff := cmp.Diff(tc.want, diagStrings(t, site(files))); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
		})
	}
}

func TestInterfaceOverridesLoad(t *testing.T) {
	s, diags := Load(site(map[string]string{"nhiglossary.yaml": twoLangConfig, "content/terms/api-key.md": okTerm, "i18n/de.yaml": "related_terms: Siehe auch\n"}))
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	if got := s.Interface["de"]["related_terms"]; got != "Siehe auch" {
		t.Errorf("override %q", got)
	}
}

func TestTranslationsListsMissingAndStale(t *testing.T) {
	s, _ := Load(site(map[string]string{
		"nhiglossary.yaml":             twoLangConfig + "  - {code: fr, name: Français}\n",
		"content/terms/api-key.md":     okTerm,
		"content/terms/api-key.de.md":  strings.Replace(deTerm, "2026-05-16", "2026-01-02", 1),
		"content/terms/secret.md":      strings.Replace(okTerm, "API Key", "Secret", 1),
		"content/terms/secret.fr.md":   "---\ntitle: Secret\nsource_updated: 2026-05-16\n---\n",
		"content/incidents/leak.md":    "---\ntitle: Leak\ndate: 2026-01-02\nsummary: s\n---\n",
		"content/incidents/leak.de.md": "---\ntitle: Leck\n---\n",
	}))
	var got []string
	for _, st := range s.Translations() {
		state := "current"
		switch {
		case st.Missing:
			state = "missing"
		case st.Stale:
			state = "stale from " + st.From.Format(time.DateOnly)
		}
		got = append(got, st.File+" "+state)
	}
	want := []string{
		"content/terms/api-key.de.md stale from 2026-01-02",
		"content/terms/api-key.fr.md missing",
		"content/terms/secret.de.md missing",
		"content/terms/secret.fr.md current",
		"content/incidents/leak.de.md current",
		"content/incidents/leak.fr.md missing",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestTranslationDiagnosticsHaveTheirCodes(t *testing.T) {
	_, diags := Load(site(map[string]string{
		"nhiglossary.yaml":            twoLangConfig,
		"content/terms/api-key.md":    okTerm,
		"content/terms/api-key.de.md": "---\ntitle: API-Schlüssel\ntags: [x]\nsource_updated: 2026-01-02\n---\n",
		"content/terms/nope.de.md":    deTerm,
		"content/terms/api-key.fr.md": deTerm,
	}))
	var got []string
	for _, d := range diags {
		got = append(got, d.Pos.File+" "+string(d.Code))
	}
	want := []string{
		"content/terms/api-key.de.md translation-structure",
		"content/terms/api-key.de.md translation-stale",
		"content/terms/api-key.fr.md unknown-language",
		"content/terms/nope.de.md translation-without-original",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// A translation cites its original's sources: an unknown one is an error
// there as in the original (CONTENT.md: a citation of an unknown id or
// number is an error).
func TestTranslationCitesTheOriginalsSources(t *testing.T) {
	_, diags := Load(site(map[string]string{
		"nhiglossary.yaml":            twoLangConfig,
		"content/terms/api-key.md":    "---\ntitle: API Key\nsummary: A key.\nupdated: 2026-01-02\nsources:\n  - id: gg\n    title: Report\n---\nLeaks [@gg].\n",
		"content/terms/api-key.de.md": "---\ntitle: API-Schlüssel\nsource_updated: 2026-01-02\nexamples:\n  - Wie [@1] sagt.\n---\nLecks [@gg], [@gx] und [@2].\n",
	}))
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	want := []string{
		`content/terms/api-key.de.md:7:14: citation [@gx] names no source of this entry (did you mean "gg"?)`,
		`content/terms/api-key.de.md:7:24: citation [@2] cites a source by number, but the entry lists 1 source: write [@1]`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// A key given twice is one mistake, even when its first value is blank.
func TestInterfaceDuplicateKeyAfterABlankOne(t *testing.T) {
	_, diags := Load(site(map[string]string{"nhiglossary.yaml": twoLangConfig, "content/terms/api-key.md": okTerm, "i18n/de.yaml": "related_terms:\nrelated_terms: Siehe auch\n"}))
	if len(diags) != 1 || !strings.Contains(diags[0].Message, `duplicate key "related_terms"`) || diags[0].Pos.Line != 2 {
		t.Errorf("want one duplicate key at line 2, got %v", diags)
	}
}

// A file's kind is its folder's, a translation's when its name has a
// language. An element below the folder that starts with ".", "_" or
// "#", or is empty, is an editor's or backup file's: not a file of the
// site.
func TestKindOf(t *testing.T) {
	for file, want := range map[string]Kind{
		"content/terms/api-key.md":           KindTerm,
		"content/terms/api-key.de.md":        KindTermTranslation,
		"content/incidents/leak.pt-BR.md":    KindIncidentTranslation,
		"content/frameworks/owasp.de.yaml":   KindFramework,
		"content/terms/sub/api-key.md":       KindTerm,
		"content/terms/.api-key.md.swp":      KindOther,
		"content/terms/.api-key.md":          KindOther,
		"content/terms/_index.md":            KindOther,
		"content/terms/#api-key.md#":         KindOther,
		"content/terms/.git/api-key.md":      KindOther,
		"content/terms/sub/_drafts/x.md":     KindOther,
		"content/terms//api-key.md":          KindOther,
		"content/terms/":                     KindOther,
		"content/frameworks/owasp.yml":       KindFramework,
		"content/frameworks/#owasp.yml":      KindOther,
		"content/incidents/a/b/leak.md":      KindIncident,
		"content/incidents/a/.b/leak.md":     KindOther,
		"content/terms/api-key.txt":          KindOther,
		"nhiglossary.yaml":                   KindConfig,
		"content/terms/sub/api-key.de.md":    KindTermTranslation,
		"content/incidents/leak.md/extra.md": KindIncident,
	} {
		if got := KindOf(file); got != want {
			t.Errorf("KindOf(%q) = %v, want %v", file, got, want)
		}
	}
}
