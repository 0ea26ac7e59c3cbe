// Package markdown turns the Markdown fields of a site into HTML: one
// goldmark instance per build (CommonMark, GFM, footnotes, typographer,
// heading ids, chroma highlighting with CSS classes) with the glossary's
// own extensions: [[wiki links]] resolved through a Linker, and
// auto-linking of plain-text mentions of other terms.
//
// Raw HTML is dropped and dangerous link URLs (javascript:, data: ...) are
// emptied unless Options.UnsafeHTML says the editors are trusted.
//
// Auto-linking links mentions in text only: never inside code, links,
// [[links]], images, headings or raw HTML, never the page's own term. In
// "first" mode a term is linked at its first mention in a document, and not
// at all when the document already [[links]] to it explicitly.
package markdown

import (
	"bufio"
	"bytes"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
)

// Options configure the one goldmark instance of a build.
type Options struct {
	UnsafeHTML bool   // pass raw HTML through (site setting unsafe_html); default off: raw HTML is dropped/escaped
	Autolink   string // "first" (default), "all" or "off": site setting
}

// LinkInfo is what a [[link]] or an auto-link points to.
type LinkInfo struct {
	Href  string // already a URL path, e.g. "/kb/terms/api-key/"
	Title string // the target's title, for the title attribute
	Term  string // the target term's slug when it is a term ("" otherwise): rendered as data-term="slug" for hover previews
}

// Linker resolves [[link]] targets; it is called concurrently.
type Linker interface {
	WikiLink(target string) (LinkInfo, bool)
}

// AutoName is one name auto-linking looks for.
type AutoName struct {
	Text          string // a title, synonym or abbreviation
	CaseSensitive bool   // abbreviations match exactly ("PAT" but not "pat")
	Slug          string // the term it belongs to
	Link          LinkInfo
}

// Heading is a section heading of a rendered document ("on this page").
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Result of rendering one Markdown text.
type Result struct {
	HTML     string    // safe to put in a page as is
	Text     string    // plain text (no markup), words separated by spaces, for the search index
	Headings []Heading // level 2 and 3 headings with their ids
}

// Doc says how to render one Markdown field.
type Doc struct {
	Self     string // slug of the page's own term: never auto-linked
	Autolink bool   // auto-link plain-text mentions (term bodies only)
	Inline   bool   // a one-paragraph field (an example, a relevance cell): no <p> wrapper
}

// Renderer renders the Markdown of one build. It is safe for concurrent use.
type Renderer struct {
	md goldmark.Markdown
}

// New builds the Renderer of a build: linker resolves [[links]], names are
// what auto-linking looks for.
func New(opts Options, linker Linker, names []AutoName) *Renderer {
	var rendererOpts []goldmark.Option
	if opts.UnsafeHTML {
		rendererOpts = append(rendererOpts, goldmark.WithRendererOptions(html.WithUnsafe()))
	}
	md := goldmark.New(append(rendererOpts,
		goldmark.WithExtensions(
			extension.GFM,
			extension.Footnote,
			extension.Typographer,
			Highlighting{},
			&WikiLinks{Linker: linker},
			newAutoLinks(opts, names),
		),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)...)
	return &Renderer{md: md}
}

// docKey holds the *docState of the document being parsed.
var docKey = parser.NewContextKey()

// docState is what one Render call knows about its document.
type docState struct {
	doc    Doc
	src    string          // the source, for substrings that cost nothing
	linked map[string]bool // terms linked in this document, explicitly or not

	nodes []*ast.Text // scratch space of auto-linking
	found []mention

	// Nodes are allocated in chunks: a page has hundreds.
	texts    []ast.Text
	mentions []Mention
	wikis    []WikiLink
}

const nodeChunk = 32

func (st *docState) newText(seg text.Segment) *ast.Text {
	if len(st.texts) == 0 {
		st.texts = make([]ast.Text, nodeChunk)
	}
	t := &st.texts[0]
	st.texts = st.texts[1:]
	t.Segment = seg
	return t
}

func (st *docState) newMention() *Mention {
	if len(st.mentions) == 0 {
		st.mentions = make([]Mention, nodeChunk)
	}
	m := &st.mentions[0]
	st.mentions = st.mentions[1:]
	return m
}

func (st *docState) newWikiLink() *WikiLink {
	if st == nil {
		return new(WikiLink)
	}
	if len(st.wikis) == 0 {
		st.wikis = make([]WikiLink, nodeChunk/2)
	}
	w := &st.wikis[0]
	st.wikis = st.wikis[1:]
	return w
}

func stateOf(pc parser.Context) *docState {
	st, _ := pc.Get(docKey).(*docState)
	return st
}

// markLinked records that the document links to term.
func (st *docState) markLinked(term string) {
	if st == nil || term == "" {
		return
	}
	if st.linked == nil {
		st.linked = map[string]bool{}
	}
	st.linked[term] = true
}

// output is the reusable output of a Render call. goldmark writes through
// a bufio.Writer; bringing ours saves it making one per call.
type output struct {
	buf bytes.Buffer
	w   *bufio.Writer
}

var outputs = sync.Pool{New: func() any {
	o := new(output)
	o.w = bufio.NewWriterSize(&o.buf, 4096)
	return o
}}

// Render renders one Markdown text. It never fails: a broken [[link]] is
// rendered as marked text (the cross-reference check reports it).
func (r *Renderer) Render(src string, doc Doc) Result {
	source := []byte(src)
	pc := parser.NewContext(parser.WithIDs(newIDs()))
	pc.Set(docKey, &docState{doc: doc, src: src})
	root := r.md.Parser().Parse(text.NewReader(source), parser.WithContext(pc))
	if doc.Inline {
		unwrapParagraph(root)
	}

	out := outputs.Get().(*output)
	defer outputs.Put(out)

	out.buf.Reset()
	headings := plainText(&out.buf, root, source)
	res := Result{Text: out.buf.String(), Headings: headings}

	out.buf.Reset()
	_ = r.md.Renderer().Render(out.w, source, root) // a bytes.Buffer does not fail
	_ = out.w.Flush()
	res.HTML = out.buf.String()
	if doc.Inline {
		res.HTML = strings.TrimSpace(res.HTML)
	}
	return res
}

// unwrapParagraph turns a document that is one paragraph into a text block,
// which renders without <p>.
func unwrapParagraph(root ast.Node) {
	p := root.FirstChild()
	if p == nil || p != root.LastChild() || p.Kind() != ast.KindParagraph {
		return
	}
	tb := ast.NewTextBlock()
	tb.SetLines(p.Lines())
	for c := p.FirstChild(); c != nil; c = p.FirstChild() {
		tb.AppendChild(tb, c)
	}
	root.ReplaceChild(root, p, tb)
}
