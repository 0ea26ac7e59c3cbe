package xref

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

const twoLang = "title: T\nlanguages:\n  - {code: en, name: English}\n  - {code: de, name: Deutsch}\n"

func resolveLanguages(t *testing.T, files map[string]string) ([]*Graph, []string) {
	t.Helper()
	gs, diags := ResolveLanguages(load(t, files), Options{})
	var out []string
	for _, d := range diags {
		out = append(out, d.String())
	}
	return gs, out
}

func TestTranslatedLinksResolveTheirLanguageFirst(t *testing.T) {
	gs, diags := resolveLanguages(t, map[string]string{
		"nhiglossary.yaml":            twoLang,
		"content/terms/api-key.md":    term("API Key", "related: [secret]", "---", "See [[Secret]]."),
		"content/terms/api-key.de.md": "---\ntitle: API-Schlüssel\nsource_updated: 2026-01-01\n---\nSiehe [[Geheimnis]] und [[Token]] und [[API Key]].\n",
		"content/terms/secret.md":     term("Secret", "synonyms: [Token, Credential]", "---", "See [[API Key]] and [[Vault]]."),
		"content/terms/secret.de.md":  "---\ntitle: Geheimnis\nsource_updated: 2026-01-01\n---\nSiehe [[API-Schlüssel]].\n",
		"content/terms/store.md":      term("Credential store", "---", "See [[Secret]]."),
		"content/terms/store.de.md":   "---\ntitle: Credential\nsource_updated: 2026-01-01\n---\nSiehe [[Geheimnis]].\n",
		"content/terms/vault.md":      term("Vault", "synonyms: [Tresor]", "---", "See [[Secret]] and [[Credential store]]."),
	})
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %q", diags)
	}
	if len(gs) != 2 || gs[0].Lang() != "en" || gs[1].Lang() != "de" {
		t.Fatalf("graphs %d", len(gs))
	}
	de := gs[1]
	for name, want := range map[string]string{
		"Geheimnis":     "secret",
		"API Key":       "api-key", // the original's name still works
		"Credential":    "store",   // the German title wins over English Secret's synonym
		"Token":         "secret",  // the English synonym still works
		"api-schlüssel": "api-key",
	} {
		got, ok := de.Lookup(name)
		if !ok || got.Term.Slug.Value != want {
			t.Errorf("de: [[%s]] resolves to %v, want %s", name, got.Term, want)
		} else if got.Term.Lang != "de" && want != "vault" {
			t.Errorf("de: [[%s]] resolves to the %s term, not the localized one", name, got.Term.Lang)
		}
	}
	if got, _ := gs[0].Lookup("Credential"); got.Term.Slug.Value != "secret" {
		t.Errorf("en: [[Credential]] is Secret's synonym, got %s", got.Term.Slug.Value)
	}
	if got, _ := de.Lookup("Tresor"); got.Term != de.TermBySlug["vault"] || got.Term.Lang != "en" {
		t.Errorf("de: an untranslated term's synonym resolves to it: %v", got.Term)
	}
	apiKey := de.TermBySlug["api-key"]
	if got := slugs(de.ReferencedBy[apiKey]); !cmp.Equal(got, []string{"secret"}) {
		t.Errorf("de: api-key referenced by %v", got)
	}
	if got := slugs(de.Related[apiKey]); !cmp.Equal(got, []string{"secret"}) {
		t.Errorf("de: api-key's related (from the original) %v", got)
	}
}

func TestTranslationProblemsAreReportedOnce(t *testing.T) {
	_, diags := resolveLanguages(t, map[string]string{
		"nhiglossary.yaml":            twoLang,
		"content/terms/api-key.md":    term("API Key", "---", "See [[Nothing]]."),
		"content/terms/api-key.de.md": "---\ntitle: API-Schlüssel\nsource_updated: 2026-01-01\n---\nSiehe [[Nichts]].\n",
	})
	want := []string{
		`content/terms/api-key.de.md:5:7: unknown link target "Nichts"`,
		`content/terms/api-key.md:2:8: warning: no other term links to "API Key"; add it to a related list or link it with [[API Key]]`,
		`content/terms/api-key.md:6:5: unknown link target "Nothing"`,
	}
	if diff := cmp.Diff(want, diags); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestTermOrderFollowsTheLanguage(t *testing.T) {
	gs, _ := resolveLanguages(t, map[string]string{
		"nhiglossary.yaml":      twoLang,
		"content/terms/a.md":    term("Zone", "related: [b, c]"),
		"content/terms/b.md":    term("Access", "related: [a, c]"),
		"content/terms/c.md":    term("Other", "related: [a, b]"),
		"content/terms/c.de.md": "---\ntitle: Äquivalenz\nsource_updated: 2026-01-01\n---\n",
		"content/terms/a.de.md": "---\ntitle: Zugriff\nsource_updated: 2026-01-01\n---\n",
	})
	if got := slugs(gs[0].Terms); !cmp.Equal(got, []string{"b", "c", "a"}) {
		t.Errorf("en order %v", got)
	}
	// Access, Äquivalenz, Zugriff: Ä with A, not after Z.
	if got := slugs(gs[1].Terms); !cmp.Equal(got, []string{"b", "c", "a"}) {
		t.Errorf("de order %v", got)
	}
}

// A name two untranslated terms share in English is shared in German
// too, where no German name has it: before, German took the first one's.
func TestANameSharedInTheOriginalsIsSharedInATranslation(t *testing.T) {
	gs, diags := resolveLanguages(t, map[string]string{
		"nhiglossary.yaml":          twoLang,
		"content/terms/pam-a.md":    term("Privileged Access Management", "abbreviations: [PAM]", "related: [pam-b]"),
		"content/terms/pam-b.md":    term("Pluggable Authentication Modules", "abbreviations: [PAM]", "related: [pam-a]"),
		"content/terms/other.md":    term("Other", "related: [pam-a]"),
		"content/terms/other.de.md": "---\ntitle: Anderes\nsource_updated: 2026-01-01\n---\nSiehe [[PAM]].\n",
	})
	want := []string{`content/terms/other.de.md:5:7: link target "PAM" is shared by 2 terms: write [[pam-a|PAM]] for Privileged Access Management or [[pam-b|PAM]] for Pluggable Authentication Modules`}
	if diff := cmp.Diff(want, withoutOrphans(diags)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if de := gs[1]; de == nil || len(de.Shared) != 1 || de.Shared[0].Name != "PAM" || de.Shared[0].Slug != "pam" {
		t.Errorf("German shared names: %+v", gs[1])
	}
}
