package content

import (
	"cmp"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/nhimg/nhiglossary/internal/diag"
	"go.yaml.in/yaml/v3"
)

// yaml.v3 reports syntax errors only as text ("yaml: line 3: ..."); this is
// the one place we read a position back out of a message, because the
// library offers no other.
var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlError turns yaml.v3's message for data into a problem at a line
// and column, saying what the editor most likely did where yaml's own
// words hide it.
func yamlError(msg, data string) posError {
	line, msg := yamlLine(msg) // 0 when the message names no line
	// yaml's words for a tab ("found character that cannot start any
	// token") and its line (often the one before) hide the cause.
	if l, c, ok := indentingTab(data, line); ok {
		fixes := []string{"replace the tab with spaces"}
		if ns := tabsMendedBy(data, l); len(ns) > 0 {
			fixes = fixes[:0]
			for _, n := range ns {
				if n == 0 {
					fixes = append(fixes, "remove the tab")
				} else {
					fixes = append(fixes, "replace the tab with "+diag.Plural(n, "space"))
				}
			}
		}
		return posError{l, c, "a tab indents this line: YAML indents with spaces only, so " + strings.Join(fixes, ", or ")}
	}
	// A value that starts with "*" (Markdown's *emphasis*) is an alias
	// in YAML: yaml says it names no anchor (and no line), or that the
	// name has a character no name has.
	if strings.HasPrefix(msg, "unknown anchor") || strings.HasPrefix(msg, "did not find expected alphabetic or numeric character") {
		name := "" // the alias's name, when yaml says it
		if n, ok := strings.CutPrefix(msg, "unknown anchor '"); ok {
			name, _, _ = strings.Cut(n, "'")
		}
		if l, c, ok := aliasValue(data, line, name); ok {
			return posError{l, c, `a value that starts with "*" is a YAML alias: put the value in quotes`}
		}
	}
	// "key: text: more" is a key inside a value to yaml. (yaml names no
	// line when it is the first.)
	if strings.HasPrefix(msg, "mapping values are not allowed") {
		at := max(line, 1)
		if c, key, value, ok := colonInValue(data, at); ok {
			return posError{at, c, `": " in a value starts another key to YAML: write ` + key + ": " + YAMLValue(value)}
		}
	}
	// A line indented between two levels ends the block above it to
	// yaml, which names the block's first line in its own words.
	if strings.HasPrefix(msg, "did not find expected") || strings.HasPrefix(msg, "mapping values are not allowed") {
		if l, want, ok := misindented(data, line); ok {
			var fixes []string
			for _, w := range want {
				if w == 0 {
					fixes = append(fixes, "start it at the beginning of the line")
				} else {
					fixes = append(fixes, "indent it by "+diag.Plural(w, "space"))
				}
			}
			return posError{l, 1, "this line's indent lines up with no key above it, so YAML cannot tell what it belongs to: " + strings.Join(fixes, ", or ")}
		}
	}
	// An unclosed quote ends where the next quote is, or at the end:
	// yaml notices it there.
	if l, c, q, ok := unclosedQuote(data, line); ok {
		return posError{l, c, "this quote is not closed on its line: end the value with " + q + ", or write it without quotes"}
	}
	if line == 0 {
		line = 1
	}
	return posError{line, 1, "invalid YAML: " + msg}
}

// valueOf splits a front matter line into its key ("" for a list item's
// value) and its value, after the key's ": " and any list item dashes,
// with the value's byte offset in the line.
func valueOf(text string) (key, value string, at int) {
	t := strings.TrimRight(text, "\r\n")
	i := len(t) - len(strings.TrimLeft(t, " "))
	for strings.HasPrefix(t[i:], "- ") {
		i += 2
		i += len(t[i:]) - len(strings.TrimLeft(t[i:], " "))
	}
	if k, _, ok := strings.Cut(t[i:], ": "); ok && k != "" && !strings.ContainsAny(k[:1], `"'[{`) {
		key = k
		i += len(k) + 2
		i += len(t[i:]) - len(strings.TrimLeft(t[i:], " "))
	}
	return key, t[i:], i
}

// colonInValue finds, on line of data, a key's plain value that holds
// ": " or ends in ":", and the column of that colon, when quoting the
// value mends the front matter.
func colonInValue(data string, line int) (col int, key, value string, ok bool) {
	l := 0
	for text := range strings.Lines(data) {
		if l++; l != line {
			continue
		}
		key, value, at := valueOf(text)
		if key == "" || value == "" || strings.ContainsAny(value[:1], "\"'[{|>&*!%@`#") {
			return 0, "", "", false
		}
		i := strings.Index(value, ": ")
		if i < 0 && strings.HasSuffix(value, ":") {
			i = len(value) - 1
		}
		if i < 0 || !mendedBy(data, line, text[:at]+YAMLValue(value)) {
			return 0, "", "", false
		}
		return utf8.RuneCountInString(text[:at+i]) + 1, key, value, true
	}
	return 0, "", "", false
}

// unclosedQuote finds the first value on or before line of data (any
// line when line is 0) that opens a quote and does not close it on its
// line, when closing it there mends the front matter; the quote's column
// and the quote. (A quoted value may go on over lines in YAML, and a
// comment or a block of text may hold a quote: only a quote whose
// closing makes the whole parse is blamed, and a few are tried.)
func unclosedQuote(data string, line int) (l, col int, quote string, ok bool) {
	tries := 0
	for text := range strings.Lines(data) {
		if l++; line > 0 && l > line || tries == 5 {
			break
		}
		if strings.HasPrefix(strings.TrimLeft(text, " "), "#") {
			continue
		}
		_, value, at := valueOf(text)
		if value == "" || (value[0] != '"' && value[0] != '\'') || closesQuote(value) {
			continue
		}
		tries++
		if mendedBy(data, l, strings.TrimRight(text, "\r\n")+value[:1]) {
			return l, utf8.RuneCountInString(text[:at]) + 1, value[:1], true
		}
	}
	return 0, 0, "", false
}

// mendedBy reports whether data parses as YAML with its line replaced
// by text: whether the fix a message is about to give works.
func mendedBy(data string, line int, text string) bool {
	var b strings.Builder
	l := 0
	for t := range strings.Lines(data) {
		if l++; l == line {
			b.WriteString(text)
			b.WriteByte('\n')
			continue
		}
		b.WriteString(t)
	}
	var n yaml.Node
	if yaml.Unmarshal([]byte(b.String()), &n) != nil {
		return false
	}
	// Parsing is not enough: the fixed line must start a key or an item
	// of its own, not go on a text above it ("x" and "- y" read as
	// "x - y"), and must not indent the first key, which makes YAML leave
	// out the keys after it.
	return startsNode(&n, line) && (len(n.Content) == 0 || leftOut(n.Content[0], b.String()) == nil)
}

// startsNode reports whether a node of the tree n starts on line.
func startsNode(n *yaml.Node, line int) bool {
	if n.Line == line && n.Kind != yaml.DocumentNode {
		return true
	}
	for _, c := range n.Content {
		if startsNode(c, line) {
			return true
		}
	}
	return false
}

// YAMLValue is text as a YAML value that reads back as that text: as it
// is when it does, else quoted ("Note: keys", "*emph*", "yes"). The
// messages that say what to write, and the files new writes, use it.
func YAMLValue(text string) string {
	b, err := yaml.Marshal(text)
	if err != nil {
		return strconv.Quote(text)
	}
	return strings.TrimSuffix(string(b), "\n")
}

// closesQuote reports whether the quote value starts with ends on its
// line: two single quotes within single ones, and a backslashed double
// quote within double ones, are no end.
func closesQuote(value string) bool {
	q := value[0]
	for i := 1; i < len(value); i++ {
		switch {
		case q == '"' && value[i] == '\\':
			i++
		case value[i] == q && q == '\'' && i+1 < len(value) && value[i+1] == '\'':
			i++
		case value[i] == q:
			return true
		}
	}
	return false
}

// yamlLine splits yaml.v3's message into the line it names (0 if none)
// and the rest.
func yamlLine(msg string) (line int, rest string) {
	m := yamlLineRE.FindStringSubmatch(msg)
	if m == nil {
		return 0, strings.TrimPrefix(msg, "yaml: ")
	}
	line, _ = strconv.Atoi(m[1])
	// yaml.v3 counts parser errors' lines from 0 and scanner errors'
	// from 1; only parser messages say "did not find".
	if strings.HasPrefix(m[2], "did not find expected") {
		line++
	}
	return line, m[2]
}

// indentingTab finds the first line of data whose indentation holds a
// tab, and the tab's column: yaml's line near, or the next, or any when
// near is 0. A list item's dash and the space after it indent the item
// too ("-\tx" is no item).
func indentingTab(data string, near int) (line, col int, ok bool) {
	for l := range strings.Lines(data) {
		line++
		if strings.TrimSpace(l) == "" || near > 0 && line != near && line != near+1 {
			continue
		}
		for i := 0; i < len(l); i++ {
			switch {
			case l[i] == '\t':
				return line, i + 1, true
			case l[i] == ' ', l[i] == '-' && i+1 < len(l) && (l[i+1] == ' ' || l[i+1] == '\t'):
				continue
			}
			break
		}
	}
	return 0, 0, false
}

// aliasRE matches a line's start up to the "*" of a value that starts
// with one: after a list item's dash or a key.
var aliasRE = regexp.MustCompile(`^[ \t]*(?:-[ \t]+)*(?:[^\s:#*'"][^:#]*:[ \t]+)?\*`)

// isAlias reports whether s, after a value's "*", is the alias name:
// the name, then the value's end.
func isAlias(s, name string) bool {
	rest, ok := strings.CutPrefix(s, name)
	return ok && (rest == "" || strings.ContainsAny(rest[:1], " \t\n,]}"))
}

// aliasValue finds the first value in data that starts with "*": on
// line or the one before, or anywhere when line is 0; the alias *name
// when name is given.
func aliasValue(data string, line int, name string) (l, col int, ok bool) {
	for text := range strings.Lines(data) {
		l++
		if line > 0 && (l < line-1 || l > line) {
			continue
		}
		m := aliasRE.FindString(text)
		if m == "" {
			continue
		}
		if name == "" || isAlias(text[len(m):], name) {
			return l, utf8.RuneCountInString(m), true
		}
	}
	return 0, 0, false
}

// leftOut finds the keys yaml.v3 leaves out without an error: when the
// first key is indented (" title: x"), a later line indented less ends
// the document to it, and it drops that line and every one after. A
// second document then starts where the first ended: yaml's decoder
// finds more text there (and refuses it) exactly when something was
// dropped. The problem is reported at the first key, whose indent is
// the mistake.
func leftOut(root *yaml.Node, data string) error {
	if root.Column <= 1 {
		return nil
	}
	dec := yaml.NewDecoder(strings.NewReader(data))
	var first, rest yaml.Node
	if dec.Decode(&first) != nil || dec.Decode(&rest) == io.EOF {
		return nil
	}
	return posError{root.Line, 1, "this first key is indented, so YAML reads only the lines indented as it is and leaves out every line from the first that is not: start each key at the beginning of its line"}
}

// misindented finds the first line from line on (yaml's line is where
// the block it could not close starts) whose indent is none of the
// lines' above, and the indent of those that, given to it, mends data:
// the nearest to its own first (a stray space is more likely than a
// level skipped), the smaller of two as near. A few lines and indents
// are tried.
func misindented(data string, line int) (l int, want []int, ok bool) {
	var levels []int // the indents of the lines above
	tries := 0
	for text := range strings.Lines(data) {
		l++
		t := strings.TrimRight(text, "\r\n")
		rest := strings.TrimLeft(t, " ")
		if rest == "" || rest[0] == '#' {
			continue
		}
		indent := len(t) - len(rest)
		if l >= line && len(levels) > 0 && !slices.Contains(levels, indent) {
			near := slices.Clone(levels)
			slices.SortFunc(near, func(a, b int) int {
				return cmp.Or(cmp.Compare(distance(a, indent), distance(b, indent)), cmp.Compare(a, b))
			})
			for _, w := range near[:min(3, len(near))] {
				if len(want) > 0 && distance(w, indent) > distance(want[0], indent) {
					break // two as near may both mend: the editor knows which
				}
				if mendedBy(data, l, strings.Repeat(" ", w)+rest) {
					want = append(want, w)
				}
			}
			if len(want) > 0 {
				return l, want, true
			}
			if tries++; tries == 3 {
				break
			}
		}
		if !slices.Contains(levels, indent) {
			levels = append(levels, indent)
		}
		// A list item's keys start after its dash: "  - title: S" makes
		// column 4 a level too.
		if item := indent + 2; strings.HasPrefix(rest, "- ") && !slices.Contains(levels, item) {
			levels = append(levels, item)
		}
	}
	return 0, nil, false
}

func distance(a, b int) int { return max(a-b, b-a) }

// tabsMendedBy lists the indents, in spaces, that put for the tabs
// that indent line mend data: those of the lines above (0 included) and
// a level deeper than the line above, smallest first. Which one the
// editor meant, only the editor knows: every one that mends is named.
func tabsMendedBy(data string, line int) []int {
	levels := []int{0}
	above, l := 0, 0
	var text string
	for t := range strings.Lines(data) {
		if l++; l == line {
			text = strings.TrimRight(t, "\r\n")
			break
		}
		if rest := strings.TrimLeft(t, " "); strings.TrimSpace(rest) != "" && rest[0] != '#' {
			above = len(t) - len(rest)
			levels = append(levels, above)
		}
	}
	levels = append(levels, above+2)
	slices.Sort(levels)
	rest := strings.TrimLeft(text, " \t") // a tab after a dash stays: no count mends it
	var out []int
	for _, n := range slices.Compact(levels) {
		if mendedBy(data, line, strings.Repeat(" ", n)+rest) {
			out = append(out, n)
		}
	}
	return out
}
