package i18n

import (
	"bytes"
	"maps"
	"slices"
	"testing"
	"time"
)

// Every built-in language translates every string, keeps the
// placeholders the English text fills in, and has no key English lacks.
func TestEveryBuiltinStringExistsInEachLanguage(t *testing.T) {
	for lang := range builtin {
		for _, key := range Keys() {
			s, ok := BuiltinText(lang, key)
			if !ok || s == "" {
				t.Errorf("%s: no built-in text for %q", lang, key)
				continue
			}
			if got, want := Placeholders(s), Placeholders(english[key]); !slices.Equal(got, want) {
				t.Errorf("%s: %q fills in %v, English fills in %v", lang, key, got, want)
			}
		}
		for key := range builtin[lang] {
			if _, ok := english[key]; !ok {
				t.Errorf("%s: %q is not an English key", lang, key)
			}
		}
	}
	if builtin["de"] == nil || builtin["en"] == nil {
		t.Errorf("built-in languages %v lack en or de", slices.Sorted(maps.Keys(builtin)))
	}
}

func TestTextFallsBackAndFillsIn(t *testing.T) {
	de := New("de-AT", map[string]string{"related_terms": "Siehe auch"})
	if got := de.T("related_terms"); got != "Siehe auch" {
		t.Errorf("override: %q", got)
	}
	if got := de.T("referenced_by"); got != "Was hierher verweist" {
		t.Errorf("de-AT uses German: %q", got)
	}
	if got := New("fr", nil).T("referenced_by"); got != "What links here" {
		t.Errorf("fr falls back to English: %q", got)
	}
	if got := de.Tf("n_terms", "1"); got != "1 Begriff" {
		t.Errorf("Tf(n_terms, 1) = %q, want the _one form", got)
	}
	// A site's own count string is not met with another layer's form
	// for one.
	if got := New("fr", map[string]string{"n_terms": "{0} termes"}).Tf("n_terms", "1"); got != "1 termes" {
		t.Errorf("fr Tf(n_terms, 1) = %q, want the site's string", got)
	}
	if got := New("de", map[string]string{"n_terms": "{0} Einträge", "n_terms_one": "{0} Eintrag"}).Tf("n_terms", "1"); got != "1 Eintrag" {
		t.Errorf("de Tf(n_terms, 1) = %q, want the site's form for one", got)
	}
	if got := de.Tf("n_terms", "3"); got != "3 Begriffe" {
		t.Errorf("Tf: %q", got)
	}
	if got := de.T("no-such-key"); got != "{no-such-key}" {
		t.Errorf("missing key: %q", got)
	}
}

func TestDatesFollowTheLanguage(t *testing.T) {
	d := time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ lang, want string }{
		{"en", "March 4, 2026"},
		{"de", "4. März 2026"},
		{"fr", "March 4, 2026"},
	} {
		if got := New(c.lang, nil).Date(d); got != c.want {
			t.Errorf("%s: %q, want %q", c.lang, got, c.want)
		}
	}
}

func TestCollationFollowsTheLanguage(t *testing.T) {
	names := []string{"Zugriff", "Äquivalenz", "API-Schlüssel", "Abfrage", "Öffentlich", "Ober", "apfel", "Überblick", "Umgebung"}
	for _, c := range []struct {
		lang string
		want []string
	}{
		// German files Ä with A, Ö with O, Ü with U: not after Z as bytes would.
		{"de", []string{"Abfrage", "apfel", "API-Schlüssel", "Äquivalenz", "Ober", "Öffentlich", "Überblick", "Umgebung", "Zugriff"}},
		// Swedish sorts Ä and Ö after Z.
		{"sv", []string{"Abfrage", "apfel", "API-Schlüssel", "Ober", "Umgebung", "Überblick", "Zugriff", "Äquivalenz", "Öffentlich"}},
	} {
		c2 := NewCollator(c.lang)
		got := slices.Clone(names)
		slices.SortFunc(got, c2.Compare)
		if !slices.Equal(got, c.want) {
			t.Errorf("%s Compare:\n got %q\nwant %q", c.lang, got, c.want)
		}
		keyed := slices.Clone(names)
		slices.SortFunc(keyed, func(a, b string) int { return bytes.Compare(c2.Key(a), c2.Key(b)) })
		if !slices.Equal(keyed, c.want) {
			t.Errorf("%s Key:\n got %q\nwant %q", c.lang, keyed, c.want)
		}
	}
}

func TestIndexLetters(t *testing.T) {
	de, sv := NewCollator("de"), NewCollator("sv")
	for _, c := range []struct {
		c    *Collator
		name string
		want string
	}{
		{de, "Äquivalenz", "A"},
		{de, "öffentlich", "O"},
		{de, "Élan", "E"},
		{de, "mTLS", "M"},
		{de, "2FA", Other},
		{de, "Ωmega", Other},
		{sv, "Äquivalenz", "Ä"},
		{sv, "Åtkomst", "Å"},
		{sv, "Élan", "E"},
	} {
		if got := c.c.Letter(c.name); got != c.want {
			t.Errorf("Letter(%q): %q, want %q", c.name, got, c.want)
		}
	}
	letters := []string{Other, "Ö", "B", "Ä", "A", "Z"}
	slices.SortFunc(letters, sv.CompareLetters)
	if want := []string{"A", "B", "Z", "Ä", "Ö", Other}; !slices.Equal(letters, want) {
		t.Errorf("sv letters %q, want %q", letters, want)
	}
}

func TestFoldFollowsTheLanguage(t *testing.T) {
	for _, c := range []struct{ lang, in, want string }{
		{"de", "API-Schlüssel", "api-schlussel"},
		{"de", "Straße", "strasse"},
		{"en", "Élan", "elan"},
		{"sv", "Åtkomst för Élan", "åtkomst för elan"},
	} {
		if got := Fold(c.lang, c.in); got != c.want {
			t.Errorf("Fold(%s, %q) = %q, want %q", c.lang, c.in, got, c.want)
		}
	}
}

func TestValidCode(t *testing.T) {
	for code, want := range map[string]bool{"en": true, "de": true, "pt-BR": true, "": false, "de_DE": false, "xx-!": false, "../x": false} {
		if got := ValidCode(code); got != want {
			t.Errorf("ValidCode(%q) = %v", code, got)
		}
	}
}

func TestTfFillsOnlyItsPlaceholders(t *testing.T) {
	tx := New("en", map[string]string{"k": ""})
	for _, c := range []struct {
		s    string
		args []string
		want string
	}{
		{"{0} and {1}", []string{"a", "b"}, "a and b"},
		{"{1}{0}{1}", []string{"a", "b"}, "bab"},
		{"{2} stays", []string{"a"}, "{2} stays"},
		{"{name} stays", []string{"a"}, "{name} stays"},
		{"open { only", []string{"a"}, "open { only"},
		{"{{0}}", []string{"a"}, "{a}"}, // the "{" nearest the "}" opens it
		{"{0}", []string{"{1}"}, "{1}"}, // an argument is not filled in again
		{"{-1}", []string{"a"}, "{-1}"},
		{"{+0} {00}", []string{"a"}, "{+0} {00}"},
		{"x { y {1}", []string{"a", "b"}, "x { y b"},
		{"{a {0}", []string{"a"}, "{a a"},
		{"", []string{"a"}, ""},
	} {
		tx.m["k"] = c.s
		if got := tx.Tf("k", c.args...); got != c.want {
			t.Errorf("Tf(%q, %q) = %q, want %q", c.s, c.args, got, c.want)
		}
	}
	if got := Placeholders("{1} {0} {1} {x} { {2} {"); !slices.Equal(got, []string{"{0}", "{1}", "{2}"}) {
		t.Errorf("Placeholders = %q", got)
	}
}

// The built-in languages name their twelve months as Date reads them.
func TestBuiltinMonthNames(t *testing.T) {
	for _, lang := range []string{"en", "de"} {
		text, _ := BuiltinText(lang, "months")
		if names, ok := MonthNames(text); !ok || names[0] == "" {
			t.Errorf("%s: months %q are not twelve names", lang, text)
		}
	}
	if _, ok := MonthNames("Jan|Feb"); ok {
		t.Error(`MonthNames("Jan|Feb") is ok`)
	}
}
