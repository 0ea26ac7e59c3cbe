package content

import (
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// fastYAML parses the plain YAML that front matter is nearly always
// written in, several times faster than yaml.v3 and with far fewer
// allocations; loading a large site spent most of its time in yaml.v3.
//
// It accepts only a strict subset: block mappings with simple keys, block
// sequences of scalars or of such mappings, one-line flow sequences of
// scalars, one-line plain, single- or double-quoted scalars, comments and
// blank lines. On anything else (anchors, tags, block scalars, flow
// mappings, multi-line scalars, tabs, CR, unusual indentation, ...) it
// returns false and the caller uses yaml.v3, which stays the reference:
// where fastYAML succeeds its tree equals yaml.v3's in every field but the
// comments, which nothing reads (FuzzFastYAML checks this).
func fastYAML(data string) (*yaml.Node, bool) {
	if !fastChars(data) || hasBlockScalar(data) {
		return nil, false
	}
	// Front matter makes about two nodes a line and one an item of a
	// flow sequence; the slabs are sized for that and grow when short.
	est := 2*strings.Count(data, "\n") + strings.Count(data, ",") + 8
	p := fastParser{
		src:  data,
		slab: make([]yaml.Node, est),
		ptrs: make([]*yaml.Node, est),
		kids: make([]*yaml.Node, 0, 64),
	}
	p.advance()
	if p.eof || p.ind != 0 {
		return nil, false
	}
	n := p.mapping(0, 0)
	if n == nil || !p.eof {
		return nil, false
	}
	return n, true
}

// hasBlockScalar reports whether data may hold a block scalar (| or >),
// which fastYAML leaves to yaml.v3: finding out before the slabs are made
// spares such files a failed attempt. A | or > after ": " or "- " inside
// a quoted value only sends that file to yaml.v3 too.
func hasBlockScalar(data string) bool {
	for _, ind := range [...]string{": |", ": >", "- |", "- >"} {
		if strings.Contains(data, ind) {
			return true
		}
	}
	return false
}

// fastChars reports whether data is UTF-8 made only of characters that
// yaml.v3 reads as themselves: no tabs, no CR or other line breaks than
// LF, no byte order marks, nothing yaml.v3 refuses as a control character.
func fastChars(data string) bool {
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(data[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return false
		case r < 0xA0, r == 0x2028, r == 0x2029, r >= 0xD800 && r < 0xE000, r == 0xFEFF, r == 0xFFFE, r == 0xFFFF:
			return false
		}
		i += size
	}
	return true
}

// maxFastDepth bounds nesting; deeper front matter goes to yaml.v3, which
// (with checkAliases) reports what is too deep.
const maxFastDepth = 20

type fastParser struct {
	src string
	pos int // offset of the next unread line
	num int // number of the last line read, from 1

	// The current line: the next one that is neither blank nor a comment.
	cur string
	row int // its number
	ind int // its indentation
	eof bool

	depth int
	slab  []yaml.Node  // nodes are carved from here, a few allocations per file
	ptrs  []*yaml.Node // and their Content
	kids  []*yaml.Node // the children of the collections being parsed
}

// advance moves to the next line that is not blank or only a comment.
func (p *fastParser) advance() {
	for p.pos < len(p.src) {
		l := p.src[p.pos:]
		if i := strings.IndexByte(l, '\n'); i >= 0 {
			l = l[:i]
			p.pos += i + 1
		} else {
			p.pos = len(p.src)
		}
		p.num++
		ind := spaces(l, 0)
		if ind == len(l) || l[ind] == '#' {
			continue
		}
		p.cur, p.row, p.ind = l, p.num, ind
		return
	}
	p.cur, p.eof = "", true
}

func spaces(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

func (p *fastParser) node(kind yaml.Kind, tag string, off int) *yaml.Node {
	if len(p.slab) == 0 {
		p.slab = make([]yaml.Node, 16)
	}
	n := &p.slab[0]
	p.slab = p.slab[1:]
	n.Kind, n.Tag, n.Line, n.Column = kind, tag, p.row, p.col(off)
	return n
}

// content moves the children collected since mark into a Content slice.
func (p *fastParser) content(mark int) []*yaml.Node {
	n := len(p.kids) - mark
	if n == 0 {
		return nil
	}
	if len(p.ptrs) < n {
		p.ptrs = make([]*yaml.Node, max(n, 16))
	}
	c := p.ptrs[:n:n]
	p.ptrs = p.ptrs[n:]
	copy(c, p.kids[mark:])
	p.kids = p.kids[:mark]
	return c
}

// col is yaml.v3's column of a byte offset in the current line: it counts
// characters, not bytes.
func (p *fastParser) col(off int) int {
	return utf8.RuneCountInString(p.cur[:off]) + 1
}

// keyLen is the length of a simple key at s[i:] followed by ": " or ":"
// at the end of the line, or 0. Keys are restricted to letters, digits, _
// and - (not first), which no YAML indicator starts.
func keyLen(s string, i int) int {
	j := i
	for j < len(s) {
		c := s[j]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-' && j > i {
			j++
			continue
		}
		break
	}
	if j == i || j-i > 256 || j == len(s) || s[j] != ':' || j+1 < len(s) && s[j+1] != ' ' {
		return 0
	}
	return j - i
}

// mapping parses a block mapping whose keys are at column ind; the first
// key is on the current line at byte offset off.
func (p *fastParser) mapping(ind, off int) *yaml.Node {
	if p.depth++; p.depth > maxFastDepth {
		return nil
	}
	defer func() { p.depth-- }()
	m := p.node(yaml.MappingNode, "!!map", off)
	mark := len(p.kids)
	for {
		n := keyLen(p.cur, off)
		if n == 0 {
			return nil
		}
		k := p.plain(off, off+n)
		var v *yaml.Node
		at := spaces(p.cur, off+n+1)
		if at < len(p.cur) && p.cur[at] != '#' {
			if v = p.inline(at); v == nil {
				return nil
			}
			p.advance()
		} else {
			// The value is on the lines below, or empty: yaml.v3 places
			// an empty value just after the colon.
			row, col := p.row, p.col(off+n)+1
			p.advance()
			switch {
			case !p.eof && p.ind >= ind && isEntry(p.cur, p.ind):
				v = p.sequence(p.ind)
			case !p.eof && p.ind > ind:
				v = p.mapping(p.ind, p.ind)
			default:
				v = p.node(yaml.ScalarNode, "!!null", 0)
				v.Line, v.Column = row, col
			}
			if v == nil {
				return nil
			}
		}
		p.kids = append(p.kids, k, v)
		if p.eof || p.ind < ind {
			m.Content = p.content(mark)
			return m
		}
		if p.ind > ind {
			return nil
		}
		off = ind
	}
}

// isEntry reports whether a block sequence entry ("- ") starts at s[i:].
func isEntry(s string, i int) bool {
	return i+1 < len(s) && s[i] == '-' && s[i+1] == ' '
}

// sequence parses a block sequence whose dashes are at column ind,
// starting on the current line.
func (p *fastParser) sequence(ind int) *yaml.Node {
	if p.depth++; p.depth > maxFastDepth {
		return nil
	}
	defer func() { p.depth-- }()
	s := p.node(yaml.SequenceNode, "!!seq", ind)
	mark := len(p.kids)
	for {
		at := spaces(p.cur, ind+1)
		if at == len(p.cur) || p.cur[at] == '#' {
			return nil // an empty entry, or one whose value is below
		}
		var e *yaml.Node
		if keyLen(p.cur, at) > 0 {
			e = p.mapping(at, at)
		} else if e = p.inline(at); e != nil {
			p.advance()
		}
		if e == nil {
			return nil
		}
		p.kids = append(p.kids, e)
		if p.eof || p.ind < ind || p.ind == ind && !isEntry(p.cur, ind) {
			s.Content = p.content(mark)
			return s
		}
		if p.ind > ind {
			return nil
		}
	}
}

// inline parses the value that starts at byte off of the current line and
// ends it (but for a comment), or returns nil.
func (p *fastParser) inline(off int) *yaml.Node {
	var n *yaml.Node
	end := len(p.cur)
	switch c := p.cur[off]; c {
	case '[':
		n, end = p.flowSequence(off)
	case '"', '\'':
		n, end = p.quoted(off)
	default:
		if strings.IndexByte("-?:,]{}#&*!|>%@`", c) >= 0 {
			return nil
		}
		// A plain scalar runs to the end of the line or to a comment.
		if i := strings.Index(p.cur[off:], " #"); i >= 0 {
			end = off + i
		}
		v := strings.TrimRight(p.cur[off:end], " ")
		if strings.Contains(v, ": ") || strings.HasSuffix(v, ":") {
			return nil
		}
		return p.plain(off, off+len(v))
	}
	if n == nil {
		return nil
	}
	// Only blanks or a comment may follow.
	rest := spaces(p.cur, end)
	if rest < len(p.cur) && (p.cur[rest] != '#' || rest == end) {
		return nil
	}
	return n
}

// plain makes the plain scalar p.cur[from:to].
func (p *fastParser) plain(from, to int) *yaml.Node {
	n := p.node(yaml.ScalarNode, "", from)
	n.Value = p.cur[from:to]
	n.Tag = plainTag(n.Value)
	return n
}

// plainTag is the tag yaml.v3 gives the plain scalar v. Its resolve
// reads anything but a string only from a value that starts with one of
// +-.0123456789 or, for its short words (true, Null, ~, ...), with one of
// yYnNtTfFoO~; ShortTag is that resolution, but it allocates, and a date
// costs three failed time.Parse calls first.
func plainTag(v string) string {
	c := v[0]
	switch {
	case v == "<<":
		return "!!merge" // yaml.v3's parser says so before resolving
	case isDate(v):
		if _, err := time.Parse("2006-1-2", v); err == nil {
			return "!!timestamp"
		}
	case strings.IndexByte("+-.0123456789", c) >= 0:
	case strings.IndexByte("yYnNtTfFoO~", c) >= 0 && len(v) <= 5:
	default:
		return "!!str"
	}
	n := yaml.Node{Kind: yaml.ScalarNode, Value: v}
	return n.ShortTag()
}

// isDate reports whether v has the shape YYYY-MM-DD.
func isDate(v string) bool {
	if len(v) != 10 || v[4] != '-' || v[7] != '-' {
		return false
	}
	for i := range len(v) {
		if i != 4 && i != 7 && (v[i] < '0' || v[i] > '9') {
			return false
		}
	}
	return true
}

// quoted parses a one-line quoted scalar at byte off; end is the offset
// after its closing quote. Double-quoted escapes other than \" and \\ are
// left to yaml.v3.
func (p *fastParser) quoted(off int) (n *yaml.Node, end int) {
	q := p.cur[off]
	var b []byte // the value, once it differs from the source
	start := off + 1
	for i := start; ; i++ {
		j := strings.IndexByte(p.cur[i:], q)
		if j < 0 {
			return nil, 0 // not closed on this line
		}
		if q == '"' {
			if k := strings.IndexByte(p.cur[i:i+j], '\\'); k >= 0 {
				j = k
			}
		}
		i += j
		var unq byte
		switch c := p.cur[i]; {
		case c == '\'' && i+1 < len(p.cur) && p.cur[i+1] == '\'':
			unq = '\''
		case c == '\\' && i+1 < len(p.cur) && (p.cur[i+1] == '"' || p.cur[i+1] == '\\'):
			unq = p.cur[i+1]
		case c == '\\':
			return nil, 0
		default: // the closing quote
			n = p.node(yaml.ScalarNode, "!!str", off)
			n.Style = yaml.DoubleQuotedStyle
			if q == '\'' {
				n.Style = yaml.SingleQuotedStyle
			}
			if b != nil {
				n.Value = string(append(b, p.cur[start:i]...))
			} else {
				n.Value = p.cur[start:i]
			}
			return n, i + 1
		}
		b = append(append(b, p.cur[start:i]...), unq)
		i++
		start = i + 1
	}
}

// flowSequence parses a one-line flow sequence of scalars at byte off; end
// is the offset after its closing bracket.
func (p *fastParser) flowSequence(off int) (n *yaml.Node, end int) {
	if p.depth+1 > maxFastDepth {
		return nil, 0
	}
	s := p.node(yaml.SequenceNode, "!!seq", off)
	s.Style = yaml.FlowStyle
	mark := len(p.kids)
	i := spaces(p.cur, off+1)
	if i < len(p.cur) && p.cur[i] == ']' {
		return s, i + 1
	}
	for i < len(p.cur) {
		var e *yaml.Node
		switch c := p.cur[i]; c {
		case '"', '\'':
			if e, i = p.quoted(i); e == nil {
				return nil, 0
			}
		default:
			// Stop at what ends a plain scalar in a flow collection, and
			// give up on what might mean more than text.
			j := i
			for j < len(p.cur) && p.cur[j] != ',' && p.cur[j] != ']' {
				if strings.IndexByte("[{}?:#\"'", p.cur[j]) >= 0 {
					return nil, 0
				}
				j++
			}
			v := strings.TrimRight(p.cur[i:j], " ")
			if v == "" || strings.IndexByte("-&*!|>%@`", c) >= 0 {
				return nil, 0
			}
			e = p.plain(i, i+len(v))
			i = j
		}
		p.kids = append(p.kids, e)
		i = spaces(p.cur, i)
		if i == len(p.cur) {
			break
		}
		switch p.cur[i] {
		case ']':
			s.Content = p.content(mark)
			return s, i + 1
		case ',':
			i = spaces(p.cur, i+1)
			if i < len(p.cur) && p.cur[i] == ']' {
				return nil, 0 // a trailing comma
			}
		default:
			return nil, 0
		}
	}
	return nil, 0
}
