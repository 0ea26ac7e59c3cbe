package markdown

import (
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"github.com/nhimg/nhiglossary/internal/wikilink"
)

// ids makes the heading ids of one document: lower-case words of the
// heading's text (letters of any script, digits) joined by hyphens, after
// the document's prefix, made unique with -1, -2... in document order and
// kept clear of the ids the page reserves.
type ids struct {
	used map[string]bool
	// Whether each heading, in document order, gave itself its id
	// ({#id}, see headingAttrs): goldmark closes each heading, and so
	// asks for its id, before the next starts.
	chosen   []bool
	cited    map[string]bool // the ids citeID gave citations
	prefix   string
	reserved func(id string) bool
}

func (s *ids) taken(id []byte) bool {
	return s.used[string(id)] || s.reserved != nil && s.reserved(string(id))
}

// Generate implements parser.IDs. value is the heading's Markdown source.
func (s *ids) Generate(value []byte, kind ast.NodeKind) []byte {
	s.chosen = append(s.chosen, false)
	id := slugify(value)
	if len(id) == 0 {
		id = append(id, "section"...)
	}
	if s.prefix != "" {
		id = append([]byte(s.prefix), id...)
	}
	base := len(id)
	for n := 1; s.taken(id); n++ {
		id = strconv.AppendInt(append(id[:base], '-'), int64(n), 10)
	}
	s.used[string(id)] = true
	return id
}

// Put implements parser.IDs: goldmark puts the id a heading gives
// itself ({#id}), which the generated ones avoid.
func (s *ids) Put(value []byte) {
	s.used[s.prefix+string(value)] = true // as headingAttrs will write it
	s.chosen = append(s.chosen, true)
}

// slugify returns the words of a line of Markdown, lower case, joined by
// hyphens: [[links]] count as their text, link URLs and HTML tags not at all.
func slugify(md []byte) []byte {
	out := make([]byte, 0, len(md))
	dash := false
	word := func(r rune) {
		if dash && len(out) > 0 {
			out = append(out, '-')
		}
		dash = false
		out = utf8.AppendRune(out, unicode.ToLower(r))
	}
	for i := 0; i < len(md); {
		switch c := md[i]; {
		case c == '[':
			if l, ok := wikilink.Parse(md[i:]); ok {
				for _, r := range l.Text() {
					if isIDRune(r) {
						word(r)
					} else {
						dash = true
					}
				}
				i += l.End
				continue
			}
		case c == ']' && i+1 < len(md) && md[i+1] == '(':
			if j := indexByteFrom(md, ')', i); j > 0 {
				i = j + 1
				dash = true
				continue
			}
		case c == '<':
			if j := indexByteFrom(md, '>', i); j > 0 {
				i = j + 1
				continue
			}
		}
		r, size := utf8.DecodeRune(md[i:])
		i += size
		if isIDRune(r) {
			word(r)
		} else if r == ' ' || r == '-' || r == '_' || r == '\t' {
			dash = true
		}
	}
	return out
}

func isIDRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func indexByteFrom(b []byte, c byte, from int) int {
	for j := from; j < len(b); j++ {
		if b[j] == c {
			return j
		}
	}
	return -1
}
