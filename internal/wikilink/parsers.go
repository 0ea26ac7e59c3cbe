package wikilink

import (
	"slices"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// The goldmark parsers blocks asks, configured to read what the
// renderer reads as it reads it.

// blockParser is CommonMark's block structure, with GFM's tables,
// footnotes and heading attributes, and nothing inline: enough to find
// the code and HTML blocks, the link definitions and the table cells. A
// goldmark parser may be used concurrently.
var blockParser = parser.NewParser(blockOptions...)

var blockOptions = []parser.Option{
	parser.WithBlockParsers(append(parser.DefaultBlockParsers(),
		util.Prioritized(footnoteBlock{extension.NewFootnoteBlockParser()}, 999))...), // "[^1]: text" is no definition
	parser.WithParagraphTransformers(append(parser.DefaultParagraphTransformers(),
		util.Prioritized(extension.NewTableParagraphTransformer(), 200))...),
	parser.WithHeadingAttribute(), // as the renderer's: {#id} is no text
}

// footnoteBlock is goldmark's footnote definition parser, which also
// notes a definition inside another that is the text's first to end.
// goldmark puts the list of footnotes where the first one to end was,
// and moves each that ends later into it: the one around it too, which
// then holds the list it is in and is no longer in the text. Its words
// and the inner one's are left out of the page.
type footnoteBlock struct{ parser.BlockParser }

var (
	footnoteEnded = parser.NewContextKey() // a definition ended already
	footnoteLost  = parser.NewContextKey() // the nested one that did, an *east.Footnote
)

func (f footnoteBlock) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	if pc.Get(footnoteEnded) == nil {
		pc.Set(footnoteEnded, true)
		for p := node.Parent(); p != nil; p = p.Parent() {
			if p.Kind() == east.KindFootnote {
				pc.Set(footnoteLost, node)
				break
			}
		}
	}
	f.BlockParser.Close(node, reader, pc)
}

// footnoteParser is blockParser and the inline parsers that find a
// footnote's references, for a text that may have footnotes: the page
// leaves out a footnote no text refers to, and its links with it.
var footnoteParser = parser.NewParser(slices.Concat(blockOptions, []parser.Option{
	parser.WithInlineParsers(append(parser.DefaultInlineParsers(),
		util.Prioritized(extension.NewFootnoteParser(), 101),
		util.Prioritized(linkNode{}, 150), util.Prioritized(citeNode{}, 151))...)})...) // as the renderer's

// linkNode reads a [[link]] as one node, as the renderer does, so that
// the "[^a]" of [[^a]] refers to no footnote.
type linkNode struct{}

func (linkNode) Trigger() []byte { return []byte{'['} }

func (linkNode) Parse(_ ast.Node, block text.Reader, _ parser.Context) ast.Node {
	line, seg := block.PeekLine()
	l, ok := parse(line)
	if !ok {
		return nil
	}
	block.Advance(l.End)
	return ast.NewTextSegment(text.NewSegment(seg.Start, seg.Start+l.End))
}

// citeNode reads a citation as one node, as the renderer does (after a
// link's text, "[text][@x]", it is the link's label).
type citeNode struct{}

func (citeNode) Trigger() []byte { return []byte{'['} }

func (citeNode) Parse(_ ast.Node, block text.Reader, _ parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if AfterText(block.Source(), seg.Start) {
		return nil
	}
	c, ok := parseCite(line)
	if !ok {
		return nil
	}
	block.Advance(c.End)
	return ast.NewTextSegment(text.NewSegment(seg.Start, seg.Start+c.End))
}
