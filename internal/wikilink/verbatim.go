package wikilink

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// The renderer's own inline parsers for what it reads whole, so that a
// [[link]] in it is text: an autolink (<https://...>) and a raw HTML
// tag. They are goldmark's, asked rather than restated, and keep no state
// between calls. (A bare URL ends before "[[": the renderer's linkify
// says so.)
var (
	autoLinkParser = parser.NewAutoLinkParser()
	rawHTMLParser  = parser.NewRawHTMLParser()
)

// verbatim returns how many bytes at the start of s goldmark's inline
// parser p reads as one node, or 0.
func verbatim(p parser.InlineParser, s string) int {
	r := text.NewReader([]byte(s))
	if p.Parse(ast.NewParagraph(), r, parser.NewContext()) == nil {
		return 0
	}
	_, seg := r.Position()
	return seg.Start
}
