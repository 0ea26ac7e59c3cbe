package wikilink

import (
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// blocks is what only a Markdown parser can tell of a text, found on
// first need: whether a line indented by four spaces is code (or a
// paragraph of a list item, or a nested list), whether a line "[x]: ..."
// is a link definition (or text), where HTML blocks end, which stretch
// of a table row is one cell, which footnotes the page leaves out and
// where a heading's attributes are. Most texts have none of these and
// never parse; those that do parse once.
type blocks struct {
	src       string
	parsed    bool
	code      ranges // the indented code blocks: first line's start, last line's end
	html      ranges // the HTML blocks, likewise
	text      ranges // the lines of paragraphs and headings, definitions, unused footnotes and heading attributes taken out
	paras     ranges // the paragraphs, first line's start to last line's end
	rows      []row  // the table rows
	unused    []UnusedFootnote
	chosen    []HeadingID // the ids headings chose ({#id}), in order
	footnotes []string    // the labels of the footnotes the page shows
	tables    int         // 0 not yet known, 1 a line may be a table's delimiter row, -1 none is
	attrs     int         // 0 not yet known, 1 a line may end in a heading's {attributes}, -1 none does
	fences    int         // 0 not yet known, 1 a fence may open in a block quote or list item, -1 none does
	fenced    ranges      // with fences: the lines of fenced code blocks, their opening line's info too
	links     int         // 0 not yet known, 1 the text may have a Markdown link, -1 it has none
	shown     ranges      // with links: the inline text outside links and images, [[links]] and citations whole
	linkText  ranges      // with links: the inline text of links (not images)
}

// mayHaveContainedFence reports whether a code fence may open in a block
// quote or a list item: after its marker ("> ```", "- ```yaml") or
// indented ("- a\n  ```"). The block ends with its container too.
func (b *blocks) mayHaveContainedFence() bool {
	if b.fences == 0 {
		b.fences = -1
		if !strings.Contains(b.src, "```") && !strings.Contains(b.src, "~~~") {
			return false
		}
		for line := range strings.Lines(b.src) {
			rest := strings.TrimLeft(AfterMarkers(line), " ")
			if len(rest) < len(line) && FenceOf(rest) != "" {
				b.fences = 1
				break
			}
		}
	}
	return b.fences > 0
}

// inFence reports whether the line from start to end is one of a fenced
// code block's (its opening line with an info string, or its code).
// Lines are asked about in order.
func (b *blocks) inFence(start, end int) bool {
	b.parse()
	rs := &b.fenced
	for rs.next < len(rs.r) && rs.r[rs.next][1] <= start {
		rs.next++
	}
	return rs.next < len(rs.r) && rs.r[rs.next][0] < end
}

// mayHaveMarkdownLink reports whether the text may have a Markdown link,
// "[text](url)", "[text][label]" or one a definition makes: goldmark
// takes what is in its target or title as the URL, and the renderer
// shows a [[link]] in its text as text (an <a> holds no other <a>).
// Only then is the text parsed inline, to see where each stands.
func (b *blocks) mayHaveMarkdownLink() bool {
	if b.links == 0 {
		b.links = -1
		if strings.Contains(b.src, "](") || hasLinkLabel(b.src) || strings.Contains(b.src, "]:") {
			b.links = 1
		}
	}
	return b.links > 0
}

// hasLinkLabel reports whether src has a "][" that may end a link's text
// and open its label: not the "]][[" between two [[links]], as no label
// holds a bracket.
func hasLinkLabel(src string) bool {
	for i := 0; ; i++ {
		j := strings.Index(src[i:], "][")
		if j < 0 {
			return false
		}
		i += j
		if i == 0 || src[i-1] != ']' || i+2 >= len(src) || src[i+2] != '[' {
			return true
		}
	}
}

// inMarkdownLink reports whether the [[link]] at i is in a Markdown
// link's target, title or text, or an image's, where the page shows no
// link. Offsets are asked about in order.
func (b *blocks) inMarkdownLink(i int) bool {
	if !b.mayHaveMarkdownLink() {
		return false
	}
	b.parse()
	return !b.shown.holds(i)
}

// citeInMarkdownLink reports whether the citation at i is in a Markdown
// link's target or title, or an image's (in a link's text, a citation
// is one). Offsets are asked about in order.
func (b *blocks) citeInMarkdownLink(i int) bool {
	if !b.mayHaveMarkdownLink() {
		return false
	}
	b.parse()
	return !b.shown.holds(i) && !b.linkText.holds(i)
}

// mayHaveTable reports whether a line of the text may be a table's
// delimiter row (|---|:-:|): only then are its [[links]] checked against
// its table cells, which takes a parse.
func (b *blocks) mayHaveTable() bool {
	if b.tables == 0 {
		b.tables = -1
		// Such a row has a | in it, or a colon beside a dash.
		if !strings.Contains(b.src, "|") && !strings.Contains(b.src, ":-") && !strings.Contains(b.src, "-:") {
			return false
		}
		for line := range strings.Lines(b.src) {
			row := strings.TrimSpace(AfterMarkers(line))
			// (A row of dashes alone is a thematic break or a heading's
			// underline, never a paragraph's line.)
			if strings.Contains(row, "-") && strings.ContainsAny(row, "|:") && strings.Trim(row, " \t|:-") == "" {
				b.tables = 1
				break
			}
		}
	}
	return b.tables > 0
}

// inCode reports whether the line starting at offset start is in an
// indented code block. Lines are asked about in order.
func (b *blocks) inCode(start int) bool {
	b.parse()
	return b.code.holds(start)
}

// htmlEnd returns the end of the HTML block whose first line starts at
// offset start, or -1. Lines are asked about in order.
func (b *blocks) htmlEnd(start int) int {
	b.parse()
	if b.html.holds(start) {
		return b.html.r[b.html.next][1]
	}
	return -1
}

// textAround reports whether the bytes from start to end start in a
// stretch of text (one line of a paragraph or heading, or one table
// cell, which a "|" ends), and whether that holds them all. Offsets are
// asked about in order.
func (b *blocks) textAround(start, end int) (starts, holds bool) {
	b.parse()
	starts = b.text.holds(start)
	return starts, starts && end <= b.text.r[b.text.next][1]
}

// mayHaveHeadingAttributes reports whether a line of the text may end
// in a heading's attributes ("## Why {#why}"): the page shows none of
// what they hold.
func (b *blocks) mayHaveHeadingAttributes() bool {
	if b.attrs == 0 {
		b.attrs = -1
		// An ATX heading's line ends in "}", or a setext heading's text
		// line does (the line after it is all "=" or "-").
		if strings.Contains(b.src, "{") {
			ends := false // the last line ended in "}"
			for line := range strings.Lines(b.src) {
				t := strings.TrimSpace(AfterMarkers(line))
				if ends && t != "" && (strings.Trim(t, "=") == "" || strings.Trim(t, "-") == "") {
					b.attrs = 1
					break
				}
				ends = strings.HasSuffix(t, "}") && strings.Contains(t, "{")
				if ends && strings.HasPrefix(t, "#") {
					b.attrs = 1
					break
				}
			}
		}
	}
	return b.attrs > 0
}

// mayHideText reports whether goldmark may take some of the text's
// lines out of its paragraphs and headings, or cut them: a link
// definition or footnote ("[x]: ..."), a table, a heading's attributes.
// Only then is where a link or citation stands asked of the block parse.
func (b *blocks) mayHideText() bool {
	return strings.Contains(b.src, "]:") || b.mayHaveTable() || b.mayHaveHeadingAttributes()
}

// mayHaveFootnotes reports whether the text may define a footnote.
func (b *blocks) mayHaveFootnotes() bool {
	return strings.Contains(b.src, "[^") && strings.Contains(b.src, "]:")
}

// unusedFootnotes returns the footnotes the page leaves out.
func (b *blocks) unusedFootnotes() []UnusedFootnote {
	if !b.mayHaveFootnotes() {
		return nil
	}
	b.parse()
	used := map[string]bool{}
	for _, f := range b.footnotes {
		used[f] = true
	}
	for i := range b.unused {
		b.unused[i].Repeated = used[b.unused[i].Label]
	}
	return b.unused
}

// A row is a table row: where it starts, and how many columns its
// table has.
type row struct{ start, columns int }

// extraCells returns where the text left out starts in each table row
// with more cells than its table has columns, and text in them. Each
// of oneCell (sorted) is one cell however many bars it holds.
func (b *blocks) extraCells(oneCell []Link) []int {
	b.parse()
	var out []int
	for _, r := range b.rows {
		if at := extraCell(b.src, r, oneCell); at >= 0 {
			out = append(out, at)
		}
	}
	return out
}

// inOneParagraph reports whether the bytes from start to end, over more
// than one line, are in one paragraph: the lines a run of text lines
// holds may be several blocks (a block quote interrupts a paragraph).
// Offsets are asked about in order.
func (b *blocks) inOneParagraph(start, end int) bool {
	b.parse()
	return b.paras.holds(start) && end <= b.paras.r[b.paras.next][1]
}

// tagOverLines returns the length in the text of the raw HTML tag at
// offset i, which goes on past its line, as goldmark reads it: in the
// lines of one paragraph without their block quote markers (a ">" there
// is no tag's end), or 0 when that is no tag.
func (b *blocks) tagOverLines(i int) int {
	b.parse()
	around := func(r [2]int, i int) int {
		switch {
		case r[1] <= i:
			return -1
		case r[0] > i:
			return 1
		}
		return 0
	}
	p, ok := slices.BinarySearchFunc(b.paras.r, i, around)
	if !ok {
		return 0
	}
	end := b.paras.r[p][1]
	// The paragraph's text from i, and where each of its bytes is.
	var text strings.Builder
	var at []int
	k, _ := slices.BinarySearchFunc(b.text.r, i, around)
	for ; k < len(b.text.r) && b.text.r[k][0] < end; k++ {
		line := b.text.r[k]
		from := max(line[0], i)
		text.WriteString(b.src[from:line[1]])
		for j := from; j < line[1]; j++ {
			at = append(at, j)
		}
	}
	n := verbatim(rawHTMLParser, text.String())
	if n == 0 {
		return 0
	}
	return at[n-1] + 1 - i
}

// outsideText reports whether offset i is in none of the text the page
// shows as such: in a link definition, a footnote the page leaves out or
// a heading's attributes, which goldmark takes out of its paragraphs and
// headings. Offsets are asked about in order.
func (b *blocks) outsideText(i int) bool {
	b.parse()
	return !b.text.holds(i)
}

// ranges are sorted byte ranges, asked about in increasing offsets.
type ranges struct {
	r    [][2]int
	next int // the first range that does not end before the last offset asked about
}

func (rs *ranges) holds(i int) bool {
	for rs.next < len(rs.r) && rs.r[rs.next][1] <= i {
		rs.next++
	}
	return rs.next < len(rs.r) && rs.r[rs.next][0] <= i
}

// inlineText is where the text of root's inline nodes is, in order:
// outside links and images, and in links' text.
func inlineText(root ast.Node) (shown, linkText [][2]int) {
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		t, ok := n.(*ast.Text)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		seg := [2]int{t.Segment.Start, t.Segment.Stop}
		switch in := enclosingLink(t); {
		case in == nil:
			shown = append(shown, seg)
		case in.Kind() == ast.KindLink:
			linkText = append(linkText, seg)
		}
		return ast.WalkContinue, nil
	})
	byStart := func(a, b [2]int) int { return a[0] - b[0] }
	slices.SortFunc(shown, byStart)
	slices.SortFunc(linkText, byStart)
	return shown, linkText
}

// enclosingLink is the link or image n is in, or nil.
func enclosingLink(n ast.Node) ast.Node {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if k := p.Kind(); k == ast.KindLink || k == ast.KindImage {
			return p
		}
	}
	return nil
}

// parse finds, once and in order, where the text's indented code
// blocks and HTML blocks are; the byte ranges of the lines of its
// paragraphs and headings (a tight list item's text too) and of its
// table cells: what is left of a text once its link definitions, its
// headings' attributes and its footnotes no text refers to are taken
// out; where each paragraph is; its table rows; and the footnotes.
func (b *blocks) parse() {
	if b.parsed {
		return
	}
	b.parsed = true
	src := b.src
	var code, html, prose, paras, fenced [][2]int
	headings := 0 // so far, in document order
	p := blockParser
	if b.mayHaveFootnotes() || b.mayHaveMarkdownLink() {
		p = footnoteParser
	}
	pc := parser.NewContext()
	root := p.Parse(text.NewReader([]byte(src)), parser.WithContext(pc))
	if f, ok := pc.Get(footnoteLost).(*east.Footnote); ok {
		b.unused = append(b.unused, UnusedFootnote{Start: f.Pos(), Label: string(f.Ref), Nested: true})
	}
	if b.mayHaveMarkdownLink() {
		b.shown.r, b.linkText.r = inlineText(root)
	}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case east.KindFootnote:
			f := n.(*east.Footnote)
			if f.Index < 0 { // referred to nowhere: not on the page
				b.unused = append(b.unused, UnusedFootnote{Start: n.Pos(), Label: string(f.Ref)})
				return ast.WalkSkipChildren, nil
			}
			b.footnotes = append(b.footnotes, string(f.Ref))
		case ast.KindFencedCodeBlock:
			lineOf := func(i int) [2]int { return [2]int{strings.LastIndexByte(src[:i], '\n') + 1, i} }
			if info := n.(*ast.FencedCodeBlock).Info; info != nil {
				r := lineOf(info.Segment.Start)
				fenced = append(fenced, [2]int{r[0], info.Segment.Stop})
			}
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				fenced = append(fenced, [2]int{lineOf(seg.Start)[0], seg.Stop})
			}
			return ast.WalkSkipChildren, nil
		case ast.KindCodeBlock:
			if lines := n.Lines(); lines.Len() > 0 {
				first := lines.At(0).Start
				code = append(code, [2]int{strings.LastIndexByte(src[:first], '\n') + 1, lines.At(lines.Len() - 1).Stop})
			}
			return ast.WalkSkipChildren, nil
		case east.KindTable:
			columns := len(n.(*east.Table).Alignments)
			for r := n.FirstChild(); r != nil; r = r.NextSibling() {
				b.rows = append(b.rows, row{r.Pos(), columns})
			}
			return ast.WalkContinue, nil
		case ast.KindHTMLBlock:
			// Its closing line (of a comment, say) is apart from its lines.
			h := n.(*ast.HTMLBlock)
			if lines := h.Lines(); lines.Len() > 0 {
				first := lines.At(0).Start
				end := max(lines.At(lines.Len()-1).Stop, h.ClosureLine.Stop)
				html = append(html, [2]int{strings.LastIndexByte(src[:first], '\n') + 1, end})
			}
			return ast.WalkSkipChildren, nil
		case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading, east.KindTableCell:
			lines := n.Lines()
			if n.Kind() == ast.KindHeading {
				if id, ok := n.AttributeString("id"); ok && lines.Len() > 0 {
					b.chosen = append(b.chosen, HeadingID{Off: attributesAt(src, lines.At(lines.Len()-1).Stop), ID: attrString(id), Heading: headings})
				}
				headings++
			}
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				prose = append(prose, [2]int{seg.Start, seg.Stop})
			}
			if lines.Len() > 0 {
				paras = append(paras, [2]int{lines.At(0).Start, lines.At(lines.Len() - 1).Stop})
			}
			return ast.WalkSkipChildren, nil // text, no blocks
		}
		return ast.WalkContinue, nil
	})
	slices.SortFunc(prose, func(a, b [2]int) int { return a[0] - b[0] })
	slices.SortFunc(paras, func(a, b [2]int) int { return a[0] - b[0] })
	slices.SortFunc(fenced, func(a, b [2]int) int { return a[0] - b[0] })
	b.code.r, b.html.r, b.text.r, b.paras.r, b.fenced.r = code, html, prose, paras, fenced
}

// extraCell returns where the text left out of table row r of src
// starts, or -1 when the row has no more cells than columns, or only
// empty ones more. Cells are split as GFM's table does (goldmark's
// parseRow, which drops the extra cells unsaid): at each "|" not
// escaped, a leading and a trailing one aside, after trimming what
// goldmark counts as space. But a link of oneCell is one cell, as its
// editor meant, so that its bar is one mistake with one warning
// (pipe-in-table-link), not two.
func extraCell(src string, r row, oneCell []Link) int {
	const space = " \t\n\v\f\r" // goldmark's util.IsSpace
	start := r.start
	if start < 0 || start > len(src) {
		return -1
	}
	line, _, _ := strings.Cut(src[start:], "\n")
	line = strings.TrimRight(line, space)
	i := len(line) - len(strings.TrimLeft(line, space))
	if i < len(line) && line[i] == '|' {
		i++
	}
	limit := len(line)
	if limit > i && line[limit-1] == '|' {
		limit--
	}
	for cell := 0; i < limit; cell++ {
		if cell == r.columns {
			rest := line[i:limit]
			text := strings.TrimLeft(rest, space+"|")
			if strings.TrimRight(text, space+"|") == "" {
				return -1 // empty cells: nothing is lost
			}
			return start + i + len(rest) - len(text)
		}
		for i < limit && (line[i] != '|' || i > 0 && line[i-1] == '\\') {
			if line[i] == '[' {
				if k, ok := slices.BinarySearchFunc(oneCell, start+i, func(l Link, at int) int { return l.Start - at }); ok {
					i = min(oneCell[k].End-start, limit)
					continue
				}
			}
			i++
		}
		i++ // past the bar
	}
	return -1
}

// mayOpenHTML reports whether line, after its block quote and list item
// markers and any indent, starts with "<": it may open an HTML block.
func mayOpenHTML(line string) bool {
	// (Not three spaces at most: a list item's own lines are indented.)
	return strings.HasPrefix(strings.TrimLeft(AfterMarkers(line), " \t"), "<")
}

// indented reports whether line starts with four columns of blanks,
// after any block quote and list item markers: it may be a line of
// indented code.
func indented(line string) bool {
	line = AfterMarkers(line)
	blanks := strings.TrimLeft(line, " ")
	return len(line)-len(blanks) >= 4 || strings.HasPrefix(blanks, "\t")
}

// AfterMarkers is line after its block quote and list item markers
// (each indented by three spaces at most) and one space after each.
func AfterMarkers(line string) string {
	for {
		rest := strings.TrimLeft(line, " ")
		if len(line)-len(rest) > 3 {
			return line
		}
		n := listMarker(rest)
		if strings.HasPrefix(rest, ">") {
			n = 1
		}
		if n == 0 {
			return line
		}
		line = strings.TrimPrefix(rest[n:], " ")
	}
}

// listMarker is the length of the list item marker ("-", "*", "+", "1.",
// "12)") that s starts with, followed by a blank, or 0.
func listMarker(s string) int {
	n := 0
	if s != "" && strings.ContainsRune("-*+", rune(s[0])) {
		n = 1
	} else {
		for n < len(s) && n < 9 && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n == 0 || n >= len(s) || s[n] != '.' && s[n] != ')' {
			return 0
		}
		n++
	}
	if n < len(s) && (s[n] == ' ' || s[n] == '\t') {
		return n
	}
	return 0
}

// attributesAt is where a heading's {attributes} start: after its text,
// which ends at offset end, on the same line (goldmark takes them off
// the text).
func attributesAt(src string, end int) int {
	line, _, _ := strings.Cut(src[end:], "\n")
	if j := strings.IndexByte(line, '{'); j >= 0 {
		return end + j
	}
	return end
}

// attrString is an attribute's value as goldmark parsed it.
func attrString(v any) string {
	b, _ := v.([]byte)
	return string(b)
}
