package wikilink

import (
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// indentedCode holds the indented code blocks of one text, found on first
// need: a line indented by four spaces after a blank line is code, or a
// paragraph of a list item, or a nested list, and only a Markdown parser
// tells which. Most texts have no such line and never parse.
type indentedCode struct {
	src    string
	parsed bool
	blocks [][2]int // byte offsets: the first code line's start, the last's end; in order
	next   int      // the first block that does not end before the last line asked about
}

// holds reports whether the line starting at offset start is in an
// indented code block. Lines are asked about in order.
func (c *indentedCode) holds(start int) bool {
	if !c.parsed {
		c.parsed = true
		c.blocks = codeBlocks(c.src)
	}
	for c.next < len(c.blocks) && c.blocks[c.next][1] <= start {
		c.next++
	}
	return c.next < len(c.blocks) && c.blocks[c.next][0] <= start
}

// blockParser is CommonMark's block structure and nothing inline: enough
// to find the code blocks and the link definitions. A goldmark parser may
// be used concurrently.
var blockParser = parser.NewParser(
	parser.WithBlockParsers(parser.DefaultBlockParsers()...),
	parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
)

// textLines returns the byte ranges of the lines of src's paragraphs
// and headings (a tight list item's text too), in order: what is left
// of a text once its link definitions are taken out.
func textLines(src string) [][2]int {
	root := blockParser.Parse(text.NewReader([]byte(src)))
	var out [][2]int
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n.Kind() {
		case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading:
			if entering {
				for i := 0; i < n.Lines().Len(); i++ {
					seg := n.Lines().At(i)
					out = append(out, [2]int{seg.Start, seg.Stop})
				}
			}
		}
		return ast.WalkContinue, nil
	})
	slices.SortFunc(out, func(a, b [2]int) int { return a[0] - b[0] })
	return out
}

// codeBlocks returns where src's indented code blocks are.
func codeBlocks(src string) [][2]int {
	root := blockParser.Parse(text.NewReader([]byte(src)))
	var out [][2]int
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if cb, ok := n.(*ast.CodeBlock); ok && entering {
			if lines := cb.Lines(); lines.Len() > 0 {
				first := lines.At(0).Start
				out = append(out, [2]int{strings.LastIndexByte(src[:first], '\n') + 1, lines.At(lines.Len() - 1).Stop})
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

// indented reports whether line starts with four columns of blanks,
// after any block quote and list item markers: it may be a line of
// indented code.
func indented(line string) bool {
	for {
		rest := strings.TrimLeft(line, " ")
		if len(line)-len(rest) > 3 {
			break
		}
		marker := listMarker(rest)
		if strings.HasPrefix(rest, ">") {
			marker = 1
		}
		if marker == 0 {
			break
		}
		line = strings.TrimPrefix(rest[marker:], " ")
	}
	blanks := strings.TrimLeft(line, " ")
	return len(line)-len(blanks) >= 4 || strings.HasPrefix(blanks, "\t")
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
