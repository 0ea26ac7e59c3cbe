package skos

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

var sprintf = fmt.Sprintf

// Literal is s as a Turtle string literal ("..."): quotes, backslashes and
// line ends escaped as ECHARs, other control characters as \uXXXX, and
// invalid UTF-8 replaced, so that any title an editor writes stays one
// valid literal.
func Literal(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// IRI is u as a Turtle IRIREF (<...>). Characters an IRI may not hold
// (space, controls, <>"{}|^`\) are percent-encoded, as are the bytes of
// invalid UTF-8; everything else, non-ASCII letters included, stays.
func IRI(u string) string {
	if plainIRI(u) {
		return "<" + u + ">"
	}
	var b strings.Builder
	b.Grow(len(u) + 2)
	b.WriteByte('<')
	for i := 0; i < len(u); {
		r, n := utf8.DecodeRuneInString(u[i:])
		if r == utf8.RuneError && n <= 1 || r <= 0x20 || r == 0x7f || strings.ContainsRune("<>\"{}|^`\\", r) {
			for _, c := range []byte(u[i : i+n]) {
				fmt.Fprintf(&b, "%%%02X", c)
			}
		} else {
			b.WriteString(u[i : i+n])
		}
		i += n
	}
	b.WriteByte('>')
	return b.String()
}

// plainIRI reports whether IRI has nothing to escape in u: printable
// ASCII other than the characters an IRI reference may not hold, as
// nearly every page URL is.
func plainIRI(u string) bool {
	for i := 0; i < len(u); i++ {
		if c := u[i]; c <= 0x20 || c >= 0x7f || strings.IndexByte("<>\"{}|^`\\", c) >= 0 {
			return false
		}
	}
	return true
}

// langTag is the site's language as a Turtle language tag, "" when it is
// not one (the labels are then plain literals rather than invalid).
func langTag(s string) string {
	if s == "" {
		return ""
	}
	for i, part := range strings.Split(s, "-") {
		if part == "" {
			return ""
		}
		for _, c := range part {
			letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
			digit := c >= '0' && c <= '9'
			if !letter && (i == 0 || !digit) {
				return ""
			}
		}
	}
	return s
}
