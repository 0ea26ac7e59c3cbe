package markdown

import (
	"strconv"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/nhimg/nhiglossary/internal/wikilink"
)

// kindCitation is the kind of citationNodes.
var kindCitation = ast.NewNodeKind("citationNode")

// citationNode is a [@key] an editor wrote, with each key resolved to the
// number of the source it cites (0: unknown, rendered as the text written).
type citationNode struct {
	ast.BaseInline
	Cite    wikilink.Cite
	Sources []int
	IDs     []string    // the id of each key's superscript link
	At      *SourceList // where the sources are, when not on this page
}

// Kind implements ast.Node.
func (n *citationNode) Kind() ast.NodeKind { return kindCitation }

// Dump implements ast.Node.
func (n *citationNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, nil, nil)
}

// Cited is one citation of a source in a rendered document.
type Cited struct {
	Source int    // 1-based position in Doc.Sources
	ID     string // the element id of the superscript that cites it
}

type citationParser struct{}

func (citationParser) Trigger() []byte { return []byte{'['} }

func (citationParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	st := stateOf(pc)
	if st != nil && st.doc.Sources == nil {
		return nil // a field that cannot cite: [@...] is text
	}
	line, seg := block.PeekLine()
	if wikilink.AfterText(block.Source(), seg.Start) {
		return nil // "[text][@x]": a reference label, as wikilink.ScanCites reads it
	}
	c, ok := wikilink.ParseCite(line)
	if !ok {
		return nil
	}
	block.Advance(c.End)
	n := &citationNode{Cite: c}
	n.SetPos(seg.Start)
	for _, k := range c.Keys {
		if st == nil { // parsed outside Render: no sources to cite
			n.Sources = append(n.Sources, 0)
			n.IDs = append(n.IDs, "")
			continue
		}
		n.At = st.doc.SourcesAt
		src := wikilink.SourceNumber(k, st.doc.Sources)
		id := ""
		// A citation of another page's list has no id: nothing there
		// links back to it.
		if src > 0 && n.At == nil {
			id = st.ids.citeID(src)
			st.cites = append(st.cites, Cited{Source: src, ID: id})
		}
		n.Sources = append(n.Sources, src)
		n.IDs = append(n.IDs, id)
	}
	return n
}

// citeID is the unique id of a citation of source n: "cite-2", then
// "cite-2-1"... after the document's prefix.
func (s *ids) citeID(n int) string {
	id := []byte(s.prefix + "cite-" + strconv.Itoa(n))
	base := len(id)
	for k := 1; s.taken(id); k++ {
		id = strconv.AppendInt(append(id[:base], '-'), int64(k), 10)
	}
	s.used[string(id)] = true
	if s.cited == nil {
		s.cited = map[string]bool{}
	}
	s.cited[string(id)] = true
	return string(id)
}

// citationRenderer writes citations; label is what a reader is told a
// citation's number is ("Source" gives "Source 2").
type citationRenderer struct{ label string }

func (r citationRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindCitation, r.render)
}

// render writes the citation as superscript numbers linking to the
// sources, Wikipedia's way, on this page or on the page At names, with a
// label that says whose source it is; an unknown key stays as written,
// marked (the cross-reference check reports it).
func (r citationRenderer) render(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*citationNode)
	for i, src := range n.Sources {
		// The words before the key and the locator go inside the
		// brackets: [see 2, p. 4].
		loc, pre := n.Cite.Locator(i), n.Cite.Prefix(i)
		opening := func(start, key string) {
			_, _ = w.WriteString(start)
			if pre != "" {
				writeEscaped(w, pre)
				_, _ = w.WriteString(" ")
			}
			writeEscaped(w, key)
		}
		closing := func(end string) {
			if loc != "" {
				_, _ = w.WriteString(", ")
				writeEscaped(w, loc)
			}
			_, _ = w.WriteString(end)
		}
		if src == 0 {
			opening(`<span class="cite-broken">[`, "@"+n.Cite.Keys[i])
			closing(`]</span>`)
			continue
		}
		num := strconv.Itoa(src)
		if inLink(n) { // an <a> holds no other <a>; the source's back-link finds the id
			_, _ = w.WriteString(`<sup class="cite"`)
			if n.IDs[i] != "" {
				_, _ = w.WriteString(` id="`)
				writeEscaped(w, n.IDs[i])
				_, _ = w.WriteString(`"`)
			}
			opening(`>[`, num)
			closing(`]</sup>`)
			continue
		}
		if n.At != nil {
			label := ""
			if src <= len(n.At.Labels) {
				label = n.At.Labels[src-1]
			}
			_, _ = w.WriteString(`<sup class="cite"><a href="`)
			writeEscaped(w, n.At.URL)
			_, _ = w.WriteString(`#source-` + num + `" title="`)
			writeEscaped(w, label)
			_, _ = w.WriteString(`" aria-label="`)
			writeEscaped(w, label)
			opening(`">[`, num)
			closing(`]</a></sup>`)
			continue
		}
		_, _ = w.WriteString(`<sup class="cite"><a href="#source-` + num + `" id="`)
		writeEscaped(w, n.IDs[i])
		_, _ = w.WriteString(`" aria-label="`)
		writeEscaped(w, r.label+" "+num)
		opening(`">[`, num)
		closing(`]</a></sup>`)
	}
	return ast.WalkSkipChildren, nil
}

// citations is the goldmark extension for [@key] citations. Label is
// what a citation's number is read as, in the page's language ("Source",
// "Quelle"); "" is "Source".
type citations struct{ Label string }

// Extend implements goldmark.Extender.
func (c citations) Extend(m goldmark.Markdown) {
	label := c.Label
	if label == "" {
		label = "Source"
	}
	m.Parser().AddOptions(parser.WithInlineParsers(
		// Before goldmark's links (200), which would take "[@x]" as text.
		util.Prioritized(citationParser{}, 151),
	))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(citationRenderer{label}, 500),
	))
}
