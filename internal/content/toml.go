package content

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"
)

// tomlMultiline marks, beside its quote style, a node parseTOML made from
// a multi-line string: its characters start after three quotes.
const tomlMultiline = yaml.LiteralStyle

// parseTOML decodes with BurntSushi/toml, which checks the syntax, then
// rebuilds a node tree placed by locateTOML: the library keeps positions
// private.
func parseTOML(data string) (*yaml.Node, error) {
	var m map[string]any
	if _, err := toml.Decode(data, &m); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			msg := "invalid TOML: " + pe.Message
			if strings.HasPrefix(pe.Message, `expected value but found "`) { // a word: unquoted text
				switch strings.ToLower(valueAt(data, pe.Position.Line, pe.Position.Col)) {
				case "true", "false": // the whole value: True
					msg += ": TOML writes true and false in lower case"
				default:
					msg += `: TOML writes text in double quotes (title = "API Key")`
				}
			}
			return nil, posError{pe.Position.Line, max(pe.Position.Col, 1), msg}
		}
		return nil, posError{1, 1, "invalid TOML: " + err.Error()}
	}
	loc := locateTOML(data)
	return loc.build(m, "", 0), nil
}

// tomlLocator finds where keys and values are in TOML that the library
// has accepted, so it needs no error handling: on anything it does not
// expect it stops, and build places what it did not reach at the nearest
// key or table it did.
type tomlLocator struct {
	src    string
	i      int
	keys   map[string]int // path -> offset of the key, or of a table's name
	vals   map[string]int // path -> offset of the value, or of a table's header
	arrays map[string]int // path of an array of tables -> its elements so far
	lc     lineCounter
}

// A path names a value: its keys and array indexes joined by NUL, which
// no key contains.
func tomlPath(path, elem string) string {
	if path == "" {
		return elem
	}
	return path + "\x00" + elem
}

func locateTOML(src string) *tomlLocator {
	l := &tomlLocator{src: src, keys: map[string]int{}, vals: map[string]int{}, arrays: map[string]int{}, lc: newLineCounter([]byte(src))}
	table := ""
	for l.skipLines(); l.i < len(src); l.skipLines() {
		ok := false
		if src[l.i] == '[' {
			table, ok = l.header()
		} else {
			ok = l.keyValue(table)
		}
		if !ok {
			break
		}
	}
	return l
}

// note records the first place a path is seen: a table can be named in
// a header, a dotted key and a longer header.
func note(m map[string]int, path string, off int) {
	if _, ok := m[path]; !ok {
		m[path] = off
	}
}

// header reads a [table] or [[array.of.tables]] line and returns the
// path that the keys below it belong to.
func (l *tomlLocator) header() (string, bool) {
	at := l.i
	array := strings.HasPrefix(l.src[at:], "[[")
	l.i++
	if array {
		l.i++
	}
	parts, offs, ok := l.key()
	end := "]"
	if array {
		end = "]]"
	}
	if !ok || !strings.HasPrefix(l.src[l.i:], end) {
		return "", false
	}
	l.i += len(end)
	path := ""
	for j, p := range parts {
		path = tomlPath(path, p)
		note(l.keys, path, offs[j])
		if j == len(parts)-1 {
			break
		}
		note(l.vals, path, offs[j])
		if n, ok := l.arrays[path]; ok {
			path = tomlPath(path, strconv.Itoa(n-1)) // [[a]] then [a.b]: the last a
		}
	}
	note(l.vals, path, at)
	if array {
		n := l.arrays[path]
		l.arrays[path] = n + 1
		path = tomlPath(path, strconv.Itoa(n))
		l.vals[path] = at
	}
	return path, true
}

// keyValue reads key = value, the key relative to table.
func (l *tomlLocator) keyValue(table string) bool {
	parts, offs, ok := l.key()
	if !ok || l.i >= len(l.src) || l.src[l.i] != '=' {
		return false
	}
	path := table
	for j, p := range parts {
		path = tomlPath(path, p)
		note(l.keys, path, offs[j])
		if j < len(parts)-1 {
			note(l.vals, path, offs[j]) // a.b = 1 makes table a here
		}
	}
	l.i++
	l.skipSpaces()
	return l.value(path)
}

// key reads a dotted key and the blanks around it.
func (l *tomlLocator) key() (parts []string, offs []int, ok bool) {
	for {
		l.skipSpaces()
		at := l.i
		if at >= len(l.src) {
			return nil, nil, false
		}
		var k string
		switch l.src[at] {
		case '"', '\'':
			if !l.skipString() {
				return nil, nil, false
			}
			k = l.src[at+1 : l.i-1]
			if l.src[at] == '"' {
				if u, err := strconv.Unquote(l.src[at:l.i]); err == nil {
					k = u // Go's escapes cover those of TOML keys in practice
				}
			}
		default:
			for l.i < len(l.src) && isBareKey(l.src[l.i]) {
				l.i++
			}
			if l.i == at {
				return nil, nil, false
			}
			k = l.src[at:l.i]
		}
		parts, offs = append(parts, k), append(offs, at)
		l.skipSpaces()
		if l.i >= len(l.src) || l.src[l.i] != '.' {
			return parts, offs, true
		}
		l.i++
	}
}

func isBareKey(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-'
}

// value reads the value at l.i and records where it and its elements are.
func (l *tomlLocator) value(path string) bool {
	at := l.i
	if at >= len(l.src) {
		return false
	}
	l.vals[path] = at
	switch l.src[at] {
	case '"', '\'':
		return l.skipString()
	case '[', '{':
		end := byte(']')
		if l.src[at] == '{' {
			end = '}'
		}
		l.i++
		for n := 0; ; n++ {
			l.skipLines()
			if l.i >= len(l.src) {
				return false
			}
			if l.src[l.i] == end {
				l.i++
				return true
			}
			ok := false
			if end == ']' {
				ok = l.value(tomlPath(path, strconv.Itoa(n)))
			} else {
				ok = l.keyValue(path)
			}
			if !ok {
				return false
			}
			l.skipLines()
			if l.i < len(l.src) && l.src[l.i] == ',' {
				l.i++
			}
		}
	}
	// A number, boolean or date runs to what ends a value.
	for l.i < len(l.src) && strings.IndexByte(",]}#\r\n", l.src[l.i]) < 0 {
		l.i++
	}
	return l.i > at
}

// skipString moves past the string that starts at l.i.
func (l *tomlLocator) skipString() bool {
	s := l.src[l.i:]
	q := s[0]
	multi := strings.HasPrefix(s, `"""`) || strings.HasPrefix(s, "'''")
	j := 1
	if multi {
		j = 3
	}
	for j < len(s) {
		switch c := s[j]; {
		case c == '\\' && q == '"':
			j += 2
		case c == q && !multi:
			l.i += j + 1
			return true
		case c == q && strings.HasPrefix(s[j:], s[:3]):
			// Up to two quotes before the closing three belong to the
			// string: the delimiter is the end of the run.
			k := j + 3
			for k < len(s) && k < j+5 && s[k] == q {
				k++
			}
			l.i += k
			return true
		case c == '\n' && !multi:
			return false
		default:
			j++
		}
	}
	return false
}

func (l *tomlLocator) skipSpaces() {
	for l.i < len(l.src) && (l.src[l.i] == ' ' || l.src[l.i] == '\t') {
		l.i++
	}
}

// skipLines skips blanks, line breaks and comments.
func (l *tomlLocator) skipLines() {
	for l.i < len(l.src) {
		switch l.src[l.i] {
		case ' ', '\t', '\r', '\n':
			l.i++
		case '#':
			if j := strings.IndexByte(l.src[l.i:], '\n'); j >= 0 {
				l.i += j
			} else {
				l.i = len(l.src)
			}
		default:
			return
		}
	}
}

// build makes the node for the decoded value v at path; at is where it
// is, or the best place known: its key, or its parent.
func (l *tomlLocator) build(v any, path string, at int) *yaml.Node {
	n := &yaml.Node{}
	n.Line, n.Column = l.lc.pos(at)
	switch t := v.(type) {
	case map[string]any:
		n.Kind, n.Tag = yaml.MappingNode, "!!map"
		type kv struct {
			k        string
			key, val int
		}
		keys := make([]kv, 0, len(t))
		for k := range t {
			p := tomlPath(path, k)
			key, ok := l.keys[p]
			if !ok {
				key = at
			}
			val, ok := l.vals[p]
			if !ok {
				val = key
			}
			keys = append(keys, kv{k, key, val})
		}
		slices.SortFunc(keys, func(a, b kv) int {
			if a.key != b.key {
				return a.key - b.key
			}
			return strings.Compare(a.k, b.k)
		})
		for _, k := range keys {
			kn := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k.k}
			kn.Line, kn.Column = l.lc.pos(k.key)
			n.Content = append(n.Content, kn, l.build(t[k.k], tomlPath(path, k.k), k.val))
		}
	case []map[string]any:
		n.Kind, n.Tag = yaml.SequenceNode, "!!seq"
		for i, e := range t {
			p, off := l.elem(path, i, at)
			n.Content = append(n.Content, l.build(e, p, off))
		}
	case []any:
		n.Kind, n.Tag = yaml.SequenceNode, "!!seq"
		for i, e := range t {
			p, off := l.elem(path, i, at)
			n.Content = append(n.Content, l.build(e, p, off))
		}
	case string:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!str", t
		n.Style = l.quoteStyle(at)
	case int64:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!int", strconv.FormatInt(t, 10)
	case float64:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!float", strconv.FormatFloat(t, 'g', -1, 64)
	case bool:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!bool", strconv.FormatBool(t)
	case time.Time:
		n.Kind, n.Tag = yaml.ScalarNode, "!!timestamp"
		// Only a TOML local date (2026-05-16) is a date here; a date-time,
		// even at midnight, is not YYYY-MM-DD. BurntSushi marks local
		// dates by their zone's name.
		switch zone, _ := t.Zone(); zone {
		case "date-local":
			n.Value = t.Format(time.DateOnly)
		case "datetime-local":
			n.Value = t.Format("2006-01-02T15:04:05")
		case "time-local":
			n.Value = t.Format(time.TimeOnly)
		default:
			n.Value = t.Format(time.RFC3339)
		}
	default:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!str", fmt.Sprint(t)
	}
	return n
}

// elem is the path and place of element i of the array at path.
func (l *tomlLocator) elem(path string, i, at int) (string, int) {
	p := tomlPath(path, strconv.Itoa(i))
	if off, ok := l.vals[p]; ok {
		at = off
	}
	return p, at
}

// quoteStyle is the style of the string at off; plain when off is not a
// string's opening quote (the locator stopped short and off is its key),
// so that the value is placed at the key, not one column after it.
func (l *tomlLocator) quoteStyle(off int) yaml.Style {
	s := l.src[off:]
	switch {
	case strings.HasPrefix(s, `"""`):
		return tomlMultiline | yaml.DoubleQuotedStyle
	case strings.HasPrefix(s, "'''"):
		return tomlMultiline | yaml.SingleQuotedStyle
	case strings.HasPrefix(s, `"`):
		return yaml.DoubleQuotedStyle
	case strings.HasPrefix(s, "'"):
		return yaml.SingleQuotedStyle
	}
	return 0
}

// valueAt is the rest of data's line from col (1-based, in bytes), up
// to a comment, trimmed.
func valueAt(data string, line, col int) string {
	l := 0
	for t := range strings.Lines(data) {
		if l++; l == line {
			t = strings.TrimRight(t, "\r\n")
			if col-1 > len(t) {
				return ""
			}
			v, _, _ := strings.Cut(t[col-1:], "#")
			return strings.TrimSpace(v)
		}
	}
	return ""
}
