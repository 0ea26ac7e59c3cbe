package i18n

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Collator orders names as readers of one language expect (German files
// "Äquivalenz" with A, Swedish after Z), using the Unicode Collation
// Algorithm with the language's tailoring. It is not safe for concurrent
// use: give each goroutine its own.
type Collator struct {
	c       *collate.Collator
	primary *collate.Collator // letters only: no case, no accents
	buf     collate.Buffer
	letters map[rune]string
}

// NewCollator returns a collator for lang; an unknown language gets the
// root collation, which is still better than byte order.
func NewCollator(lang string) *Collator {
	tag, err := language.Parse(lang)
	if err != nil {
		tag = language.Und
	}
	return &Collator{
		c:       collate.New(tag, collate.IgnoreCase, collate.Numeric),
		primary: collate.New(tag, collate.IgnoreCase, collate.IgnoreDiacritics),
		letters: map[rune]string{},
	}
}

// Compare orders a before b (-1), with b (0) or after it (1). Names that
// collate equal (differing only in case) fall back to byte order, so the
// order is total and a sort is deterministic.
func (c *Collator) Compare(a, b string) int {
	if n := c.c.CompareString(a, b); n != 0 {
		return n
	}
	return strings.Compare(a, b)
}

// Key returns a sort key for s: comparing keys with bytes.Compare orders
// as Compare does, without running the collation at every comparison.
func (c *Collator) Key(s string) []byte {
	k := c.c.KeyFromString(&c.buf, s)
	out := make([]byte, 0, len(k)+1+len(s))
	out = append(out, k...)
	out = append(out, 0) // below every key byte: "a" before "ab"
	out = append(out, s...)
	c.buf.Reset()
	return out
}

// Other is the index letter of names that start with no letter of the
// language (digits, symbols, other scripts).
const Other = "#"

// Letter is the A-Z index heading s is filed under: the Latin letter its
// first character collates with in the language ("Ä" under "A" in
// German), a letter of its own where the language has one (Swedish "Ä"),
// or Other.
func (c *Collator) Letter(s string) string {
	r, _ := utf8.DecodeRuneInString(s)
	if l, ok := c.letters[r]; ok {
		return l
	}
	l := c.letter(r)
	c.letters[r] = l
	return l
}

func (c *Collator) letter(r rune) string {
	if !unicode.IsLetter(r) {
		return Other
	}
	s := string(r)
	for b := 'A'; b <= 'Z'; b++ {
		if c.primary.CompareString(s, string(b)) == 0 {
			return string(b)
		}
	}
	if unicode.In(r, unicode.Latin) {
		// A letter the language sorts on its own (Swedish Å, Ä, Ö).
		return string(unicode.ToUpper(r))
	}
	return Other
}

// CompareLetters orders index headings: the language's letters in its
// order, Other last.
func (c *Collator) CompareLetters(a, b string) int {
	switch {
	case a == b:
		return 0
	case a == Other:
		return 1
	case b == Other:
		return -1
	}
	return c.Compare(a, b)
}
