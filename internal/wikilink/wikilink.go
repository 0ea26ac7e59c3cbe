// Package wikilink owns the glossary's own inline syntaxes: [[target]] /
// [[target|label]] links and [@key] citations. It parses one of them, and
// finds every one in a Markdown text outside code, with byte offsets for
// diagnostics. The goldmark extensions and the cross-reference checker
// both use it, so they agree on what is a link or a citation.
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
	// Cut: the link is in no one stretch of text the page shows: the |
	// between target and label ends a table cell (BarEndsCell; the page
	// shows the pieces), or it is in a cell past the table's columns, or
	// a link definition's title (the page leaves them out).
	Cut, BarEndsCell bool
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
// break, an optional "|label" (or "\\|label", for table cells), and "]]".
func Parse(b []byte) (l Link, ok bool) { return parse(b) }

// ParseString is Parse for a string, without copying it.
func ParseString(s string) (l Link, ok bool) { return parse(s) }

// parse is Parse for both the renderer's []byte and Scan's string, so
// neither has to copy its input.
func parse[T string | []byte](b T) (l Link, ok bool) {
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
	target, label, bar := strings.Cut(string(b[2:end]), "|")
	if bar {
		// A GFM table splits its cells at every bar that is not escaped,
		// so a link in a cell is written [[target\|label]].
		target = strings.TrimSuffix(target, `\`)
	}
	target, label = strings.TrimSpace(target), strings.TrimSpace(label)
	if target == "" || strings.Contains(label, "|") {
		return Link{}, false
	}
	return Link{Start: 0, End: end + 2, Target: target, Label: label}, true
}

// Scan returns the links in a Markdown text, skipping code blocks
// (fenced and indented), code spans (which may continue over the lines
// of one paragraph), raw HTML, autolinks and escaped brackets,
// as the Markdown renderer does. A link a table cell cuts is returned,
// marked Cut, for the checker to say so; it is no link.
func Scan(src string) []Link { return scan(&blocks{src: src}) }

func scan(bl *blocks) []Link {
	var out []Link
	scanText(bl, '[', "[[", func(s string, i int) int {
		l, ok := parse(s[i:])
		if !ok {
			return 0
		}
		if bang(s, i) || bl.inMarkdownLink(i) {
			return l.End // "![[x]]" is text, as goldmark's image syntax leaves it; "[t]([[x]])" a URL, "[[[x]]](u)" a link's text
		}
		// A table cell holds the whole link, or none of it is shown.
		if bl.mayHideText() {
			starts, holds := bl.textAround(i, i+l.End)
			l.Cut, l.BarEndsCell = !holds, starts && !holds
		}
		l.Start, l.End = i, i+l.End
		out = append(out, l)
		return l.End - i
	})
	return out
}

// ExtraCells returns, for each table row of the Markdown text src that
// has more cells than its table has columns and text in them, the
// offset where the text the page leaves out starts. A [[link|label]]
// whose bar cuts it is one cell: pipe-in-table-link is about it.
func ExtraCells(src string) []int {
	bl := &blocks{src: src}
	if !bl.mayHaveTable() {
		return nil
	}
	var oneCell []Link // a [[link|label]] a bar cuts is one cell, as meant
	for _, l := range scan(bl) {
		if l.BarEndsCell {
			oneCell = append(oneCell, l)
		}
	}
	return bl.extraCells(oneCell)
}

// An UnusedFootnote is a footnote definition ("[^1]: ...") the page
// leaves out, links and all: no text refers to it, or one defined before
// it has its label (Repeated), which goldmark shows alone.
type UnusedFootnote struct {
	Start    int // the offset of its "[^"
	Label    string
	Repeated bool // a second definition of Label
	Nested   bool // defined inside another, whose words it takes with it
}

// A HeadingID is the id a heading chose ("## Why {#why}").
type HeadingID struct {
	Off     int // the offset of its "{"
	ID      string
	Heading int // which heading of the text it is, from 0
}

// HeadingIDs returns the ids the headings of the Markdown text src
// chose, in order.
func HeadingIDs(src string) []HeadingID {
	b := &blocks{src: src}
	if !b.mayHaveHeadingAttributes() {
		return nil
	}
	b.parse()
	return b.chosen
}

// UnusedFootnotes returns the footnotes of the Markdown text src that
// its page leaves out, in order.
func UnusedFootnotes(src string) []UnusedFootnote {
	return (&blocks{src: src}).unusedFootnotes()
}

// Outside calls fn at each occurrence of marker's first byte ("[" or "<")
// in src's text, outside code, comments, autolinks, raw HTML (for "[")
// and escapes, in paragraphs that contain marker; fn returns the length of what it read there, or 0. It
// is how other checks of what editors write see Markdown as Scan does.
func Outside(src, marker string, fn func(s string, i int) int) {
	scanText(&blocks{src: src}, marker[0], marker, fn)
}

// scanText calls parse at each byte at ("[" or "<") of bl's text,
// outside code, comments and what else Outside skips, in paragraphs that
// contain need; parse returns the length of what it read there, or 0.
func scanText(bl *blocks, at byte, need string, parse func(s string, i int) int) {
	src := bl.src
	if !strings.Contains(src, need) {
		return
	}
	fence := ""   // the open fence, "" outside fenced code
	htmlEnd := -1 // the end of the HTML block the lines are in
	para := -1    // offset where the current run of text lines starts
	flush := func(end int) {
		// Most paragraphs have no link: skip them at memchr speed.
		if para >= 0 && strings.Contains(src[para:end], need) {
			scanInline(bl, para, end, at, parse)
		}
		para = -1
	}
	// A fence in a block quote or list item ("> ```", "- ```yaml", or
	// indented) ends with its container too: then the block parse says
	// where code is.
	contained := bl.mayHaveContainedFence()
	off := 0
	for line := range strings.Lines(src) {
		start := off
		off += len(line)
		trimmed := strings.TrimLeft(line, " ")
		f := ""
		if len(line)-len(trimmed) < 4 && !contained {
			f = FenceOf(trimmed)
		}
		switch {
		case start < htmlEnd:
		case contained && bl.inFence(start, off):
			flush(start)
		case fence != "":
			if ClosesFence(f, fence, trimmed) {
				fence = ""
			}
		case indented(line) && bl.inCode(start):
			flush(start) // ends the text before it (a quote's lines)
		case mayOpenHTML(line) && (at == '[' || isComment(line)) && bl.htmlEnd(start) >= 0:
			// An HTML block, which may interrupt a paragraph: its text is
			// never Markdown. A check of raw HTML sees its tags, but not
			// a comment's.
			flush(start)
			htmlEnd = bl.htmlEnd(start)
		case f != "":
			flush(start)
			fence = f
		case strings.TrimSpace(line) == "":
			flush(start) // a blank line ends a paragraph, and any code span in it
		case para < 0:
			para = start
		}
	}
	flush(off)
}

// isComment reports whether line, after its block quote and list item
// markers, opens an HTML comment.
func isComment(line string) bool {
	return strings.HasPrefix(strings.TrimLeft(AfterMarkers(line), " "), "<!--")
}

// FenceOf returns the fence (``` or ~~~, possibly longer) opening line l.
func FenceOf(l string) string {
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

// ClosesFence reports whether a line starting with fence f closes the open
// fence: the same character, at least as long, nothing after it.
func ClosesFence(f, open, line string) bool {
	return f != "" && f[0] == open[0] && len(f) >= len(open) && strings.TrimSpace(line[len(f):]) == ""
}

// scanInline calls parse at each byte at of src[from:to], a run of text
// lines.
func scanInline(bl *blocks, from, to int, at byte, parse func(s string, i int) int) {
	src := bl.src
	s := src[:to]
	for i := from; i < to; i++ {
		if !syntaxStops[s[i]] {
			continue // most bytes are text
		}
		switch s[i] {
		case '\\':
			i++ // an escaped character is never syntax
		case '`':
			// A code span: a run of n backticks up to the next run of n.
			n := 1
			for i+n < to && s[i+n] == '`' {
				n++
			}
			// (Its lines must be one paragraph's: a block quote or a list
			// item that interrupts it ends the span unclosed.)
			// Nor may a table's bar cut it: GFM splits the cells first.
			if j := ClosingTicks(s[i+n:], n); j >= 0 && oneSpan(bl, s, i, i+n+j+n) {
				i += n + j + n - 1
			} else {
				i += n - 1
			}
		case '<':
			// An autolink, or raw HTML (a comment, or a tag whose
			// attributes are not Markdown), as goldmark reads them; a
			// check of raw HTML sees the tags.
			if n := verbatim(autoLinkParser, s[i:to]); n > 0 {
				i += n - 1
				continue
			}
			if at == '[' || strings.HasPrefix(s[i:], "<!--") {
				n := verbatim(rawHTMLParser, s[i:to])
				if n > 0 && strings.Contains(s[i:i+n], "\n") || n == 0 && quotedTagGoesOn(s[i:to]) {
					n = bl.tagOverLines(i)
				}
				if n > 0 {
					i += n - 1
					continue
				}
			}
			if at == '<' {
				if n := parse(s, i); n > 0 {
					i += n - 1
				}
			}
		case '[':
			if at != '[' {
				continue
			}
			if n := parse(s, i); n > 0 {
				i += n - 1
			}
		}
	}
}

// oneSpan reports whether a code span from start to end is one on the
// page: the lines it runs over are one paragraph's, and no table cell
// ends inside it.
func oneSpan(bl *blocks, s string, start, end int) bool {
	if strings.Contains(s[start:end], "\n") {
		return bl.inOneParagraph(start, end)
	}
	if strings.Contains(s[start:end], "|") && bl.mayHaveTable() {
		_, holds := bl.textAround(start, end)
		return holds
	}
	return true
}

// quotedTagGoesOn reports whether s may be a tag that goes on past its
// line into a block quote's later lines, whose ">" marker ended it in the
// raw text ("<a b=\n> [[x]]>" is one tag to goldmark).
func quotedTagGoesOn(s string) bool {
	if len(s) < 2 || !('a' <= s[1] && s[1] <= 'z' || 'A' <= s[1] && s[1] <= 'Z') {
		return false
	}
	_, rest, _ := strings.Cut(s, "\n")
	for line := range strings.Lines(rest) {
		if strings.HasPrefix(strings.TrimLeft(line, " \t"), ">") {
			return true
		}
	}
	return false
}

// syntaxStops are the bytes scanInline looks at.
var syntaxStops = func() (stops [256]bool) {
	for _, c := range []byte("\\`<[") {
		stops[c] = true
	}
	return stops
}()

// ClosingTicks returns the offset in s of the first run of exactly n
// backticks, or -1.
func ClosingTicks(s string, n int) int {
	for j := 0; j < len(s); j++ {
		if s[j] != '`' {
			continue
		}
		k := j
		for k < len(s) && s[k] == '`' {
			k++
		}
		if k-j == n {
			return j
		}
		j = k
	}
	return -1
}
