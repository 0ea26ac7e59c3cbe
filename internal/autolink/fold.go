package autolink

import (
	"unicode"
	"unicode/utf8"
)

// How names and texts are compared: word by word, each folded to lower
// case and singular (see the package comment).

// foldWord appends to dst the form of word that names and texts are
// compared in: lower case, singular.
func foldWord(dst []byte, word string) []byte {
	upper := true // no lower-case letter: an acronym, never singularised
	for i := 0; i < len(word); {
		c := word[i]
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' {
				upper = false
			} else if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(word[i:])
		if unicode.IsLower(r) {
			upper = false
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += size
	}
	return foldTail(dst, word, upper)
}

// foldTail singularises dst, the lower-case form of word, unless word is
// all capitals (upper).
func foldTail(dst []byte, word string, upper bool) []byte {
	if upper {
		return dst
	}
	if n := len(word); n >= 2 && word[n-1] == 's' && 'A' <= word[n-2] && word[n-2] <= 'Z' {
		return dst[:len(dst)-1] // "IDs", "APIs"
	}
	return singular(dst)
}

// singular folds a lower-case word and its plural to one form. The form
// need not be a word ("cache" and "caches" both become "cach"); it only
// has to be the same for both.
func singular(b []byte) []byte {
	n := len(b)
	if n > 3 && b[n-1] == 's' {
		switch p := b[n-2]; {
		case p == 's' || p == 'u' || p == 'i': // access, status, analysis
		case p == 'e' && b[n-3] == 'i' && n > 4: // policies
			b = append(b[:n-3], 'y')
		case p == 'e' && sibilant(b[:n-2]): // caches, boxes, accesses
			b = b[:n-2]
		default:
			b = b[:n-1]
		}
		n = len(b)
	}
	if n > 1 && b[n-1] == 'e' {
		switch {
		case n > 3 && b[n-2] == 'i': // cookie, cookies
			b = append(b[:n-2], 'y')
		case sibilant(b[:n-1]): // cache: as "caches" is
			b = b[:n-1]
		}
	}
	return b
}

// sibilant says whether b ends with ss, sh, ch, x or zz: its plural takes "es".
func sibilant(b []byte) bool {
	n := len(b)
	if n < 2 {
		return false
	}
	switch b[n-1] {
	case 'x':
		return true
	case 's':
		return b[n-2] == 's'
	case 'h':
		return b[n-2] == 's' || b[n-2] == 'c'
	case 'z':
		return b[n-2] == 'z'
	}
	return false
}

// Fold appends to dst the words of text in the form Find compares them
// (lower case, singular), each after a space, and a space after the last;
// punctuation is left out. When Find finds a name in a text, the Fold of
// the name is in the Fold of the text: a text whose Fold does not hold a
// name's cannot mention it ("policies" and "Just-in-Time" fold as
// "policy" and "just in time" do).
func Fold(dst []byte, text string) []byte {
	n := len(dst)
	for i := 0; ; {
		s, e := nextWord(text, i)
		if s < 0 {
			break
		}
		dst = foldWord(append(dst, ' '), text[s:e])
		i = e
	}
	if len(dst) > n {
		dst = append(dst, ' ')
	}
	return dst
}
