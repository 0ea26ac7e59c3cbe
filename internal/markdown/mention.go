package markdown

import (
	"slices"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/nhimg/nhiglossary/internal/autolink"
)

// kindMention is the kind of mentionNodes.
var kindMention = ast.NewNodeKind("mentionNode")

// mentionNode is a plain-text mention of a term that auto-linking linked; its
// children are the text of the mention.
type mentionNode struct {
	ast.BaseInline
	Info LinkInfo
	open string // the <a> tag, made once per name
}

// Kind implements ast.Node.
func (n *mentionNode) Kind() ast.NodeKind { return kindMention }

// Dump implements ast.Node.
func (n *mentionNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Href": n.Info.Href}, nil)
}

// autoLinks is the goldmark extension that links plain-text mentions of
// terms, in documents whose Doc.Autolink is set.
type autoLinks struct {
	names []AutoName // in the order given, which decides between names alike
	// byID are the names by the ID of their autolink.Entry, open their
	// <a> tags: names[i] while none has changed; a changed name is
	// added at the end (see update).
	byID    []AutoName
	open    []string
	matcher *autolink.Matcher // nil: auto-linking is off
	all     bool              // every mention, not only the first
	rawHTML bool              // raw HTML is rendered: keep out of its elements
}

func newAutoLinks(opts Options, names []AutoName) *autoLinks {
	e := &autoLinks{names: names, byID: names, all: opts.Autolink == "all", rawHTML: opts.UnsafeHTML}
	if opts.Autolink != "off" && len(names) > 0 {
		entries := make([]autolink.Entry, len(names))
		for i, n := range names {
			entries[i] = autolink.Entry{Text: n.Text, CaseSensitive: n.CaseSensitive, ID: i}
		}
		e.matcher = autolink.New(entries)
		// One string holds every tag: one allocation, not one per name.
		var b strings.Builder
		ends := make([]int, len(names))
		for i, n := range names {
			openLink(&b, "autolink", n.Link)
			ends[i] = b.Len()
		}
		all, start := b.String(), 0
		e.open = make([]string, len(names))
		for i, end := range ends {
			e.open[i], start = all[start:end], end
		}
	}
	return e
}

// maxReplaced bounds how many names update replaces in e's table rather
// than make a new one; maxStale how many names a table keeps that are no
// longer in it.
const (
	maxReplaced = 256
	maxStale    = 1024
)

// update returns e's extension for names, made with the same options:
// e when they are the same names, else e's table with the names that
// changed replaced, which costs little when they are few (a live
// preview's edit changes a term's names).
func (e *autoLinks) update(opts Options, names []AutoName) *autoLinks {
	p := 0
	for p < len(e.names) && p < len(names) && e.names[p] == names[p] {
		p++
	}
	if p == len(e.names) && p == len(names) {
		return e
	}
	s := 0
	for s < len(e.names)-p && s < len(names)-p && e.names[len(e.names)-1-s] == names[len(names)-1-s] {
		s++
	}
	splices := moves(e.names[p:len(e.names)-s], names[p:len(names)-s], p)
	changed := 0
	for _, sp := range splices {
		changed += sp.end - sp.start + len(sp.with)
	}
	if e.matcher == nil || changed > maxReplaced || len(e.byID)+changed > len(names)+maxStale {
		return newAutoLinks(opts, names)
	}
	n := &autoLinks{names: names, byID: slices.Clip(e.byID), open: slices.Clip(e.open), matcher: e.matcher, all: e.all, rawHTML: e.rawHTML}
	var b strings.Builder
	for _, sp := range splices {
		with := make([]autolink.Entry, 0, len(sp.with))
		for _, name := range sp.with {
			with = append(with, autolink.Entry{Text: name.Text, CaseSensitive: name.CaseSensitive, ID: len(n.byID)})
			n.byID = append(n.byID, name)
			b.Reset()
			openLink(&b, "autolink", name.Link)
			n.open = append(n.open, b.String())
		}
		n.matcher = n.matcher.Replace(sp.start, sp.end, with)
	}
	return n
}

// splice replaces names[start:end] with with.
type splice struct {
	start, end int
	with       []AutoName
}

// maxMoved bounds the names of one term that moves is looked for.
const maxMoved = 64

// moves returns the splices, applied in turn, that make was into now,
// which differ at their first and last names and start at name at of
// the whole list: one replacing all of was, or, when a term's names moved
// (a term renamed moves in an order by title), one taking them out and
// one putting them in.
func moves(was, now []AutoName, at int) []splice {
	// was = X B, now = B Y: X's names moved after B, changed into Y.
	for dx := 1; dx <= maxMoved && dx < len(was); dx++ {
		b := len(was) - dx
		if b <= len(now) && was[dx] == now[0] && slices.Equal(was[dx:], now[:b]) {
			return []splice{{at, at + dx, nil}, {at + b, at + b, now[b:]}}
		}
	}
	// was = B X, now = Y B: X's names moved before B.
	for dx := 1; dx <= maxMoved && dx < len(was); dx++ {
		b := len(was) - dx
		if b <= len(now) && was[0] == now[len(now)-b] && slices.Equal(was[:b], now[len(now)-b:]) {
			return []splice{{at + b, at + len(was), nil}, {at, at, now[:len(now)-b]}}
		}
	}
	return []splice{{at, at + len(was), now}}
}

// Extend implements goldmark.Extender.
func (e *autoLinks) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(
		util.Prioritized(e, 1000), // last: after tables and footnotes
	))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(mentionRenderer{}, 500),
	))
}

// Transform implements parser.ASTTransformer: it splits the text nodes
// where a mention is into text and mentionNodes.
func (e *autoLinks) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st := stateOf(pc)
	if e.matcher == nil || st == nil || !st.doc.Autolink {
		return
	}
	src := reader.Source()
	var runs []*ast.Text
	var rawParents []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindText:
			t := n.(*ast.Text)
			if prev, ok := t.PreviousSibling().(*ast.Text); !ok || !joinable(prev, t, src) {
				runs = append(runs, t)
			}
			return ast.WalkSkipChildren, nil
		case ast.KindRawHTML:
			rawParents = append(rawParents, n.Parent())
			return ast.WalkSkipChildren, nil
		case ast.KindCodeSpan, ast.KindLink, ast.KindImage, ast.KindAutoLink,
			ast.KindHeading, ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock,
			east.KindTableHeader, kindWikiLink, kindMention:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, t := range runs {
		if e.rawHTML && contains(rawParents, t.Parent()) {
			continue // the text may be inside <a>...</a>
		}
		e.linkRun(t, src, st)
	}
}

// joinable says whether next continues the text of prev: it follows it in
// the source, on the same line or the next.
func joinable(prev, next *ast.Text, src []byte) bool {
	if prev.HardLineBreak() || prev.Segment.Stop > next.Segment.Start {
		return false
	}
	gap := src[prev.Segment.Stop:next.Segment.Start]
	if !prev.SoftLineBreak() {
		return len(gap) == 0
	}
	return util.IsBlank(gap)
}

func contains(nodes []ast.Node, n ast.Node) bool {
	for _, x := range nodes {
		if x == n {
			return true
		}
	}
	return false
}

type mention struct {
	start, end int // in the source
	name       int // index in byID
}

// linkRun links the mentions in the run of text nodes that starts at first.
func (e *autoLinks) linkRun(first *ast.Text, src []byte, st *docState) {
	nodes := append(st.nodes[:0], first)
	for {
		next, ok := nodes[len(nodes)-1].NextSibling().(*ast.Text)
		if !ok || !joinable(nodes[len(nodes)-1], next, src) {
			break
		}
		nodes = append(nodes, next)
	}
	base := first.Segment.Start
	found := e.find(st.src[base:nodes[len(nodes)-1].Segment.Stop], base, st)
	k := 0
	for _, m := range found {
		for nodes[k].Segment.Stop <= m.start {
			k++
		}
		j := k
		for nodes[j].Segment.Stop < m.end {
			j++
		}
		link := st.newMention()
		link.Info, link.open = e.byID[m.name].Link, e.open[m.name]
		split(st, nodes[k:j+1], m, link)
		k = j
	}
	st.nodes = nodes
}

// find returns the mentions to link in run, a run of text at offset base
// of the document, in st.found.
func (e *autoLinks) find(run string, base int, st *docState) []mention {
	found := st.found[:0]
	e.matcher.Find(run, func(start, end int, en autolink.Entry) bool {
		name := &e.byID[en.ID]
		switch {
		case name.Slug != "" && name.Slug == st.doc.Self:
		case start > 0 && run[start-1] == '&' && end < len(run) && run[end] == ';':
			// an entity such as &amp; is not a word
		case !e.all && st.linked.has(name.Slug):
		default:
			if !e.all {
				st.markLinked(name.Slug)
			}
			found = append(found, mention{base + start, base + end, en.ID})
		}
		return true
	})
	st.found = found
	return found
}

// split replaces the text of mention m, which starts in nodes[0] and ends
// in the last of nodes, by a mentionNode. The last node keeps the text
// after the mention.
func split(st *docState, nodes []*ast.Text, m mention, link *mentionNode) {
	first, last := nodes[0], nodes[len(nodes)-1]
	parent := first.Parent()
	if first.Segment.Start < m.start {
		before := st.newText(first.Segment.WithStop(m.start))
		parent.InsertBefore(parent, first, before)
	}
	parent.InsertBefore(parent, first, link)
	if first == last {
		link.AppendChild(link, st.newText(text.NewSegment(m.start, m.end)))
	} else {
		head := st.newText(text.NewSegment(m.start, first.Segment.Stop))
		head.SetSoftLineBreak(first.SoftLineBreak())
		link.AppendChild(link, head)
		parent.RemoveChild(parent, first)
		for _, n := range nodes[1 : len(nodes)-1] {
			link.AppendChild(link, n)
		}
		link.AppendChild(link, st.newText(text.NewSegment(last.Segment.Start, m.end)))
	}
	last.Segment = text.NewSegment(m.end, last.Segment.Stop)
	if last.Segment.IsEmpty() && !last.SoftLineBreak() && !last.HardLineBreak() {
		parent.RemoveChild(parent, last)
	}
}

// mentionRenderer renders mentionNodes.
type mentionRenderer struct{}

func (r mentionRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindMention, r.renderMention)
}

func (mentionRenderer) renderMention(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(node.(*mentionNode).open)
	} else {
		_, _ = w.WriteString("</a>")
	}
	return ast.WalkContinue, nil
}
