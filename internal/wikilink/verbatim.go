package wikilink

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// The renderer's own inline parsers for what it reads whole, so that a
// [[link]] in it is text: a bare URL (GFM's linkify), an autolink
// (<https://...>) and a raw HTML tag. They are goldmark's, asked rather
// than restated, and keep no state between calls.
var (
	bareURLParser  = extension.NewLinkifyParser()
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

// bareURL returns the length of the bare URL that GFM's linkify finds at
// the start of s, a line's start or what follows one of its triggers, or
// 0. Most places start no URL and are ruled out without parsing.
func bareURL(s string) int {
	if !strings.HasPrefix(s, "http:") && !strings.HasPrefix(s, "https:") && !strings.HasPrefix(s, "ftp:") && !strings.HasPrefix(s, "www.") {
		return 0
	}
	end := strings.IndexAny(s, " \t\r\n<") // a URL ends at a space or <
	if end < 0 {
		end = len(s)
	}
	return verbatim(bareURLParser, s[:end])
}
