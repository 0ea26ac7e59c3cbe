package markdown

import (
	"bytes"
	"regexp"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// gfm is extension.GFM with a cheaper linkify: goldmark's is tried at every
// space of a text, and was a tenth of the time of rendering a term.
type gfm struct{}

// Extend implements goldmark.Extender as extension.GFM does.
func (gfm) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(
		util.Prioritized(linkify{extension.NewLinkifyParser(linkifyOptions...)}, 999),
	))
	extension.Table.Extend(m)
	extension.Strikethrough.Extend(m)
	extension.TaskList.Extend(m)
}

// linkifyOptions make a bare URL end before "[": a [[link]], a
// [@citation] or a [Markdown](link) written right after a URL is one, as
// the checker (wikilink) sees it, not part of the URL, where GFM would
// take it in. (A URL with "[" in it can be written <https://...>.) The
// patterns are goldmark's defaults without "[".
var linkifyOptions = func() []extension.LinkifyOption {
	const path = `-a-zA-Z0-9@:%_+.~#!?&/=\(\);,'">\^{}\]` + "`"
	const host = `[-a-zA-Z0-9@:%._\+~#=]{1,256}\.[a-z]+`
	rest := func(path string) string { return `(?:[/#?][` + path + `]*)?` }
	return []extension.LinkifyOption{
		extension.WithLinkifyURLRegexp(regexp.MustCompile(`^(?:http|https|ftp)://` + host + `(?::\d+)?` + rest(path+`$`))),
		extension.WithLinkifyWWWRegexp(regexp.MustCompile(`^www\.` + host + rest(path))),
	}
}()

// linkify is goldmark's linkify parser, with linkifyOptions, that
// first rules out cheaply the places where it would find nothing: a link
// starts with http:, https:, ftp: or www., an e-mail address has its @
// within 65 bytes.
type linkify struct{ parser.InlineParser }

func (p linkify) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	rest := line
	if len(rest) > 0 {
		switch rest[0] {
		case ' ', '*', '_', '~', '(': // the triggers, skipped as goldmark's does
			rest = rest[1:]
		}
	}
	if len(rest) == 0 {
		return nil
	}
	if c := rest[0]; c == 'h' || c == 'f' || c == 'w' || bytes.IndexByte(rest[:min(len(rest), 65)], '@') >= 0 {
		return p.InlineParser.Parse(parent, block, pc)
	}
	return nil
}
