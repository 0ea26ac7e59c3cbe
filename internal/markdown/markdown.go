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
//
// A field that is one line of plain text and [[links]] (most examples and
// relevance cells) is rendered without goldmark, to the same bytes; tests
// compare both, and our parts of GFM with goldmark's.
package markdown

import (
	"strings"

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
	CiteLabel  string // what a citation's number is read as: "Source" (the default) gives "Source 2"
	// Like is a Renderer of an earlier version of the same site (a live
	// preview makes one for each): when it was made with the same
	// options, its auto-link table is used again, with the names that
	// changed replaced (built anew instead when an edit changes over 256
	// names, or over 1024 replaced ones have piled up).
	Like *Renderer
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
	Terms    []string  // slugs of the terms HTML links to ([[links]] and auto-links), in order of first appearance, each once
	Cites    []Cited   // the [@citations], in document order
	Code     bool      // HTML has a code block, which needs the highlighting style sheet
}

// Doc says how to render one Markdown field.
type Doc struct {
	Self     string // slug of the page's own term: never auto-linked
	Autolink bool   // auto-link plain-text mentions (term bodies only)
	Inline   bool   // a one-paragraph field (an example, a relevance cell): no <p> wrapper

	// A page shows several Markdown fields and ids of its own; these keep
	// every id of the page unique. IDPrefix starts the id of each heading
	// and footnote of this field ("example-2--" gives "example-2--notes"
	// and "example-2--fn:1"): a page gives its main text none and each
	// other field its own, ending in "--", which no heading id contains.
	// Reserved says which ids the page itself uses: a heading that would
	// take one gets the next free -1, -2... instead ("examples-1").
	IDPrefix string
	Reserved func(id string) bool

	// Sources are the ids of the entry's sources in order ("" for one
	// without): [@id] and [@2] cite them. Nil for a field that cannot
	// cite (a framework's description, an incident's summary): there a
	// [@...] is text as written.
	Sources []string
	// SourcesAt says where the sources are listed when it is another
	// page (a term's relevance text on a framework page): a citation
	// links there. Nil: this page lists them.
	SourcesAt *SourceList
}

// SourceList is the list of an entry's sources on another page.
type SourceList struct {
	URL    string   // that page's URL: source n is at URL#source-n
	Labels []string // what a reader is told of each source ("Source 1 of API Key: A report"), in order
}

// Renderer renders the Markdown of one build. It is safe for concurrent use.
type Renderer struct {
	md     goldmark.Markdown
	linker Linker
	auto   *autoLinks
	opts   Options // as made, without Like
}

// New builds the Renderer of a build: linker resolves [[links]], names are
// what auto-linking looks for.
func New(opts Options, linker Linker, names []AutoName) *Renderer {
	return newRenderer(opts, linker, names, gfm{}, textRendering{})
}

// newRenderer is New with GFM from exts: ours, which renders as goldmark's
// in less time, or goldmark's, which tests compare it with.
func newRenderer(opts Options, linker Linker, names []AutoName, exts ...goldmark.Extender) *Renderer {
	var rendererOpts []goldmark.Option
	if opts.UnsafeHTML {
		rendererOpts = append(rendererOpts, goldmark.WithRendererOptions(html.WithUnsafe()))
	}
	var auto *autoLinks
	if l := opts.Like; l != nil && l.opts == opts.without() {
		auto = l.auto.update(opts, names) // building the table anew is most of New
	} else {
		auto = newAutoLinks(opts, names)
	}
	md := goldmark.New(append(rendererOpts,
		goldmark.WithExtensions(exts...),
		goldmark.WithExtensions(
			extension.NewFootnote(extension.WithFootnoteIDPrefixFunction(footnotePrefix)),
			typographer,
			headingAttrs{},
			highlighting{},
			safeLinks{opts.UnsafeHTML},
			&wikiLinks{Linker: linker},
			citations{Label: opts.CiteLabel},
			auto,
		),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)...)
	return &Renderer{md: md, linker: linker, auto: auto, opts: opts.without()}
}

// typographer curls quotes and apostrophes and makes "..." an ellipsis,
// but leaves dashes and angle brackets as typed: a glossary of machine
// credentials writes command-line flags in its prose ("the --scope
// flag"), which an en dash would break when copied.
var typographer = extension.NewTypographer(extension.WithTypographicSubstitutions(extension.TypographicSubstitutions{
	extension.EnDash:          nil,
	extension.EmDash:          nil,
	extension.LeftAngleQuote:  nil,
	extension.RightAngleQuote: nil,
}))

// without is the options without Like, which New compares.
func (o Options) without() Options {
	o.Like = nil
	return o
}

// Render renders one Markdown text. It never fails: a broken [[link]] is
// rendered as marked text (the cross-reference check reports it).
func (r *Renderer) Render(src string, doc Doc) Result {
	st := newDocState(src, doc)
	defer st.free()
	if res, ok := r.renderPlain(st); ok {
		return res
	}
	return r.renderMarkdown(st, st.parseContext())
}

// renderMarkdown renders st's document with goldmark, parsing in pc.
func (r *Renderer) renderMarkdown(st *docState, pc parser.Context) Result {
	st.source = append(st.source[:0], st.src...)
	source := st.source
	pc.Set(docKey, st)
	root := r.md.Parser().Parse(text.NewReader(source), parser.WithContext(pc))
	if st.doc.IDPrefix != "" && strings.Contains(st.src, "[^") { // only footnotes read it
		root.SetAttribute(idPrefixAttr, st.doc.IDPrefix)
	}
	if st.doc.Inline {
		unwrapParagraph(root)
	}

	buf := &st.buf
	buf.Reset()
	var code bool
	headings := plainText(buf, root, source, &st.terms, &code)
	res := Result{Code: code, Text: buf.String(), Headings: headings, Terms: st.terms.slice(), Cites: st.citesSlice()}

	buf.Reset()
	_ = r.md.Renderer().Render(st.w, source, root) // a bytes.Buffer does not fail
	_ = st.w.Flush()
	res.HTML = st.html()
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

// idPrefixAttr holds Doc.IDPrefix on the document node, where the
// footnote renderer finds it: goldmark renders no attribute of a document.
var idPrefixAttr = []byte("nhiglossary-id-prefix")

// footnotePrefix is the prefix of the ids of node's footnotes.
func footnotePrefix(node ast.Node) []byte {
	doc := node.OwnerDocument()
	if doc == nil {
		return nil
	}
	if p, ok := doc.Attribute(idPrefixAttr); ok {
		return []byte(p.(string))
	}
	return nil
}
