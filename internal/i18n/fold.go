package i18n

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// kept lists, per base language, the letters with diacritics that are
// letters of their own there, not accented ones: a Swede searching for
// "har" does not mean "här". Every other language folds all accents.
var kept = map[string]string{
	"sv": "åäö",
	"fi": "åäö",
	"da": "æøå",
	"nb": "æøå",
	"nn": "æøå",
	"no": "æøå",
	"et": "õäöü",
	"tr": "çğıöşü",
}

// Kept returns the lower-case letters that Fold keeps in lang.
func Kept(lang string) string { return kept[base(lang)] }

// Fold makes text comparable for search in lang: lower case, and accents
// removed except from the letters the language keeps ("Schlüssel" and
// "schlussel" meet in German). A reader types either; the search index
// and the query are folded alike.
func Fold(lang, s string) string {
	keep := kept[base(lang)]
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.ToLower(s) {
		if r < 0x80 {
			b.WriteRune(r)
			continue
		}
		if strings.ContainsRune(keep, r) {
			b.WriteRune(r)
			continue
		}
		switch r {
		case 'ß':
			b.WriteString("ss")
			continue
		case 'æ':
			b.WriteString("ae")
			continue
		case 'œ':
			b.WriteString("oe")
			continue
		case 'ø':
			b.WriteRune('o')
			continue
		case 'ł':
			b.WriteRune('l')
			continue
		}
		for _, d := range norm.NFD.String(string(r)) {
			if !unicode.Is(unicode.Mn, d) {
				b.WriteRune(d)
			}
		}
	}
	return b.String()
}
