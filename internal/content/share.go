package content

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// shareValues points each scalar value of the tree parsed from data at
// data's own characters wherever data spells the value as it is (plain
// scalars and quoted ones without escapes: nearly all). A loaded site
// keeps every file's text anyway, for its body and for positions, so the
// parser's copy of each value would be kept twice; at 50,000 terms that
// was some 50 MB. Lines and columns are data's (as the parser gives
// them, before shiftLines); a value not found where its node says stays
// the parser's copy. Mapping keys are left alone: no loaded value keeps
// them.
func shareValues(n *yaml.Node, data string) {
	lines := lineStarts{data: data, line: 1}
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		if depth > 64 { // checkAliases refuses deeper trees
			return
		}
		switch n.Kind {
		case yaml.ScalarNode:
			n.Value = lines.shared(n)
		case yaml.MappingNode:
			for i := 1; i < len(n.Content); i += 2 {
				walk(n.Content[i], depth+1)
			}
		case yaml.SequenceNode, yaml.DocumentNode:
			for _, c := range n.Content {
				walk(c, depth+1)
			}
		}
	}
	walk(n, 0)
}

// lineStarts finds where lines of data start, moving on from the last
// line asked for: the tree's values come in the order of the text.
type lineStarts struct {
	data string
	line int // the line that starts at off
	off  int
}

func (l *lineStarts) start(line int) (int, bool) {
	if line < l.line {
		l.line, l.off = 1, 0
	}
	for l.line < line {
		i := strings.IndexByte(l.data[l.off:], '\n')
		if i < 0 {
			return 0, false
		}
		l.line, l.off = l.line+1, l.off+i+1
	}
	return l.off, true
}

// shared is n's value as a substring of data, or n.Value when data does
// not have it where n says.
func (l *lineStarts) shared(n *yaml.Node) string {
	v, data := n.Value, l.data
	off, ok := l.start(n.Line)
	if v == "" || !ok || n.Column < 1 {
		return v
	}
	for col := 1; col < n.Column; col++ { // columns count characters
		if off >= len(data) || data[off] == '\n' {
			return v
		}
		off++
		for off < len(data) && data[off]&0xC0 == 0x80 {
			off++
		}
	}
	switch n.Style &^ yaml.FlowStyle {
	case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
		off++
	case tomlMultiline | yaml.DoubleQuotedStyle, tomlMultiline | yaml.SingleQuotedStyle:
		off += 3
	case 0:
	default: // block scalars start on the next line, tagged ones after their tag
		return v
	}
	if off <= len(data) && strings.HasPrefix(data[off:], v) {
		return data[off : off+len(v)]
	}
	return v
}

// oneLine is s with each run of white space made one space, trimmed,
// as strings.Fields and Join make it; s itself (so still the file's
// characters) when it is so already, as nearly every summary is.
func oneLine(s string) string {
	space := true // at the start, or after a space
	for i := 0; i < len(s); {
		r, w := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		isSpace := unicode.IsSpace(r)
		if isSpace && (space || r != ' ') {
			return strings.Join(strings.Fields(s), " ")
		}
		space = isSpace
		i += w
	}
	if space && s != "" {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}
