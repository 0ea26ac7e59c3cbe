// Package textfold folds Latin letters with diacritics to ASCII ("É" ->
// "e", "ß" -> "ss"), for slugs, file names and alphabetical order.
package textfold

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The standard library has no Unicode decomposition tables and the module
// does not depend on golang.org/x/text, so the Latin letters with
// diacritics are folded by these tables, generated once from Unicode's
// canonical decompositions (base letter of NFD, lower case) plus the
// letters that have none (ø, ł, đ, ß...). A space means "no ASCII fold".

// latin1Ext folds U+00C0..U+024F (Latin-1 Supplement, Latin Extended-A/B).
const latin1Ext = "aaaaaa ceeeeiiiidnooooo ouuuuy  aaaaaa ceeeeiiiidnooooo ouuuuy y" +
	"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii  jjkk lllllll" +
	"lllnnnnnnnnnoooooo  rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs" +
	"b                 f       l     oo             uu    zz         " +
	"             aaiioouuuuuuuuuu aaaa    ggkkoooo  j   gg  nnaa    " +
	"aaaaeeeeiiiioooorrrruuuusstt  hh      aaeeooooooooyy      acclt " +
	"      eejj  rryy"

// latinAdditional folds U+1E00..U+1EFF (Latin Extended Additional:
// Vietnamese and others).
const latinAdditional = "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm" +
	"mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv" +
	"wwwwwwwwwwxxxxyyzzzzzzhtwy      aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee" +
	"eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy      "

// foldMulti are the letters that fold to more than one ASCII letter.
var foldMulti = map[rune]string{
	0xC6:   "ae",
	0xDE:   "th",
	0xDF:   "ss",
	0xE6:   "ae",
	0xFE:   "th",
	0x132:  "ij",
	0x133:  "ij",
	0x152:  "oe",
	0x153:  "oe",
	0x1C4:  "dz",
	0x1C5:  "dz",
	0x1C6:  "dz",
	0x1C7:  "lj",
	0x1C8:  "lj",
	0x1C9:  "lj",
	0x1CA:  "nj",
	0x1CB:  "nj",
	0x1CC:  "nj",
	0x1F1:  "dz",
	0x1F2:  "dz",
	0x1F3:  "dz",
	0x238:  "db",
	0x239:  "qp",
	0x1E9E: "ss",
}

// foldRune is the lower-case ASCII spelling of a Latin letter with
// diacritics ("É" -> "e", "ß" -> "ss"), or "" when r has none.
func foldRune(r rune) string {
	var c byte
	switch {
	case r >= 0xC0 && r < 0x250:
		c = latin1Ext[r-0xC0]
	case r >= 0x1E00 && r < 0x1F00:
		c = latinAdditional[r-0x1E00]
	default:
		return ""
	}
	if c != ' ' {
		return asciiLetters[c-'a' : c-'a'+1]
	}
	return foldMulti[r]
}

const asciiLetters = "abcdefghijklmnopqrstuvwxyz"

// String returns s lower-cased with Latin diacritics folded ("Élan" ->
// "elan"); combining marks are dropped, other scripts kept as they are.
func String(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if f := foldRune(r); f != "" {
			b.WriteString(f)
		} else if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
