package markdown

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/nhimg/nhiglossary/internal/wikilink"
)

// kindWikiLink is the kind of wikiLinkNodes.
var kindWikiLink = ast.NewNodeKind("wikiLinkNode")

// wikiLinkNode is a [[target|label]] an editor wrote. Its label is text, not
// Markdown: the node has no children.
type wikiLinkNode struct {
	ast.BaseInline
	Link     wikilink.Link
	Info     LinkInfo
	Resolved bool
}

// Kind implements ast.Node.
func (n *wikiLinkNode) Kind() ast.NodeKind { return kindWikiLink }

// Dump implements ast.Node.
func (n *wikiLinkNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{
		"Target": n.Link.Target, "Label": n.Link.Label, "Href": n.Info.Href,
	}, nil)
}

type wikiLinkParser struct {
	linker Linker
}

func (p *wikiLinkParser) Trigger() []byte { return []byte{'['} }

func (p *wikiLinkParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	l, ok := parseWikiLink(line)
	if !ok {
		return nil
	}
	block.Advance(l.End)
	st := stateOf(pc)
	n := st.newWikiLink()
	n.Link = l
	n.SetPos(seg.Start)
	resolve(n, p.linker, st)
	return n
}

// resolve looks a [[link]]'s target up and records a term it links to.
func resolve(n *wikiLinkNode, linker Linker, st *docState) {
	if linker != nil {
		n.Info, n.Resolved = linker.WikiLink(n.Link.Target)
	}
	if n.Resolved {
		st.markLinked(n.Info.Term)
	}
}

// parseWikiLink parses the [[link]] at the start of line.
func parseWikiLink(line []byte) (wikilink.Link, bool) {
	l, ok := wikilink.Parse(line)
	// In a table cell the "|" of a label is written "\|".
	l.Target = strings.TrimSpace(strings.TrimSuffix(l.Target, `\`))
	return l, ok
}

// wikiLinkRenderer renders wikiLinkNodes.
type wikiLinkRenderer struct{}

func (r wikiLinkRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindWikiLink, r.renderWikiLink)
}

func (wikiLinkRenderer) renderWikiLink(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*wikiLinkNode)
	if inLink(n) {
		writeEscaped(w, n.Link.Text()) // an <a> holds no other <a>
	} else {
		writeWikiLink(w, n)
	}
	return ast.WalkSkipChildren, nil
}

// writeWikiLink writes n as a link, or as marked text if it is broken.
func writeWikiLink(w stringWriter, n *wikiLinkNode) {
	if n.Resolved {
		openLink(w, "wikilink", n.Info)
		writeEscaped(w, n.Link.Text())
		_, _ = w.WriteString("</a>")
		return
	}
	_, _ = w.WriteString(`<span class="wikilink-broken">`)
	writeEscaped(w, n.Link.Text())
	_, _ = w.WriteString("</span>")
}

func inLink(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if k := p.Kind(); k == ast.KindLink || k == ast.KindImage {
			return true
		}
	}
	return false
}

// openLink writes the <a> tag of a link to info.
func openLink(w stringWriter, class string, info LinkInfo) {
	_, _ = w.WriteString(`<a href="`)
	writeEscaped(w, info.Href)
	_, _ = w.WriteString(`" class="`)
	_, _ = w.WriteString(class)
	_ = w.WriteByte('"')
	if info.Title != "" {
		_, _ = w.WriteString(` title="`)
		writeEscaped(w, info.Title)
		_ = w.WriteByte('"')
	}
	if info.Term != "" {
		_, _ = w.WriteString(` data-term="`)
		writeEscaped(w, info.Term)
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
}

type stringWriter interface {
	WriteString(s string) (int, error)
	WriteByte(c byte) error
}

// writeEscaped writes s escaped for HTML text and attribute values.
func writeEscaped(w stringWriter, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '&':
			esc = "&amp;"
		case '"':
			esc = "&quot;"
		case '\'':
			esc = "&#39;"
		default:
			continue
		}
		_, _ = w.WriteString(s[last:i])
		_, _ = w.WriteString(esc)
		last = i + 1
	}
	_, _ = w.WriteString(s[last:])
}

// wikiLinks is the goldmark extension for [[target|label]] links.
type wikiLinks struct {
	Linker Linker
}

// Extend implements goldmark.Extender.
func (e *wikiLinks) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(
		// Before goldmark's links (200), after footnote references (101).
		util.Prioritized(&wikiLinkParser{linker: e.Linker}, 150),
	))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(wikiLinkRenderer{}, 500),
	))
}
