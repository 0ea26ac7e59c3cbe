// Package wikilink owns the [[target]] / [[target|label]] syntax: parsing
// one link, and finding every link in a Markdown text outside code, with
// byte offsets for diagnostics. The goldmark extension and the
// cross-reference checker both use it, so they agree on what is a link.
package wikilink

import "strings"

// MaxLen bounds a link's length so a stray "[[" cannot make the parser
// read a whole document.
const MaxLen = 300

// Link is one [[...]] in a text.
type Link struct {
	Start, End int    // byte offsets of "[[" and just past "]]"
	Target     string // trimmed, never empty
	Label      string // trimmed; "" when the link has none
}

// Text is what a reader sees: the label, else the target.
func (l Link) Text() string {
	if l.Label != "" {
		return l.Label
	}
	return l.Target
}

// Parse reads one link at the start of b. ok is false when b does not
// start with a well-formed link: "[[", a target with no brackets or line
// break, an optional "|label", and "]]".
func Parse(b []byte) (l Link, ok bool) {
	if len(b) < 5 || b[0] != '[' || b[1] != '[' {
		return Link{}, false
	}
	end := -1
	for i := 2; i+1 < len(b) && i < MaxLen; i++ {
		c := b[i]
		if c == '\n' || c == '\r' || c == '[' {
			return Link{}, false
		}
		if c == ']' {
			if b[i+1] != ']' {
				return Link{}, false
			}
			end = i
			break
		}
	}
	if end < 0 {
		return Link{}, false
	}
	inner := string(b[2:end])
	target, label, _ := strings.Cut(inner, "|")
	target, label = strings.TrimSpace(target), strings.TrimSpace(label)
	if target == "" || strings.Contains(label, "|") {
		return Link{}, false
	}
	return Link{Start: 0, End: end + 2, Target: target, Label: label}, true
}

// Scan returns the links in a Markdown text, skipping fenced code blocks,
// code spans and escaped brackets, as the Markdown renderer does.
func Scan(src string) []Link {
	var out []Link
	inFence := false
	var fence string
	off := 0
	for line := range strings.Lines(src) {
		trimmed := strings.TrimLeft(line, " ")
		indent := len(line) - len(trimmed)
		if indent < 4 {
			if f := fenceOf(trimmed); f != "" {
				switch {
				case !inFence:
					inFence, fence = true, f
				case strings.HasPrefix(f, fence) && strings.TrimSpace(trimmed[len(f):]) == "":
					inFence = false
				}
				off += len(line)
				continue
			}
		}
		if !inFence {
			out = scanLine(src, off, off+len(line), out)
		}
		off += len(line)
	}
	return out
}

// fenceOf returns the fence (``` or ~~~, possibly longer) opening line l.
func fenceOf(l string) string {
	if len(l) < 3 || (l[0] != '`' && l[0] != '~') {
		return ""
	}
	n := 0
	for n < len(l) && l[n] == l[0] {
		n++
	}
	if n < 3 {
		return ""
	}
	if l[0] == '`' && strings.Contains(l[n:], "`") {
		return "" // a backtick fence's info string cannot hold a backtick
	}
	return l[:n]
}

func scanLine(src string, from, to int, out []Link) []Link {
	b := []byte(src[:to])
	for i := from; i < to; i++ {
		switch b[i] {
		case '\\':
			i++ // an escaped character is never syntax
		case '`':
			// A code span: a run of n backticks up to the next run of n.
			n := 1
			for i+n < to && b[i+n] == '`' {
				n++
			}
			if j := closingTicks(b[i+n:to], n); j >= 0 {
				i += n + j + n - 1
			} else {
				i += n - 1
			}
		case '[':
			if l, ok := Parse(b[i:to]); ok {
				l.Start, l.End = i, i+l.End
				out = append(out, l)
				i = l.End - 1
			}
		}
	}
	return out
}

func closingTicks(b []byte, n int) int {
	for j := 0; j < len(b); j++ {
		if b[j] != '`' {
			continue
		}
		k := j
		for k < len(b) && b[k] == '`' {
			k++
		}
		if k-j == n {
			return j
		}
		j = k
	}
	return -1
}
