package content

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
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
		return posError{l, c, "a tab indents this line: YAML indents with spaces only, so replace the tab with spaces"}
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
	if line == 0 {
		line = 1
	}
	return posError{line, 1, "invalid YAML: " + msg}
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
