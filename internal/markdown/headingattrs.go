package markdown

import (
	"slices"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// headingAttrs lets a heading end with {#id} and {.class}, as Hugo's
// Markdown does, for anchors that stay put when the heading's words
// change. A heading keeps only its id and classes (the page's CSS and CSP
// are the site's). An id the editor chose is made unique as the
// generated ones are: after the document's prefix, with -1, -2... when
// the page or another heading has it already.
type headingAttrs struct{}

// Extend implements goldmark.Extender.
func (headingAttrs) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithHeadingAttribute(),
		parser.WithASTTransformers(util.Prioritized(headingAttrs{}, 100)), // before the others read the ids
	)
}

// Transform implements parser.ASTTransformer. The ids headings chose
// are settled first, so that a generated id that is the same as one
// gives way to it.
func (headingAttrs) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	st := stateOf(pc)
	if st == nil || !strings.Contains(st.src, "{") { // no heading has attributes
		return
	}
	var headings []*ast.Heading
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			headings = append(headings, h)
		}
		return ast.WalkContinue, nil
	})
	for _, h := range headings {
		keepIDAndClass(h)
	}
	ids := &st.ids
	if len(headings) != len(ids.chosen) || !slices.Contains(ids.chosen, true) {
		return // no chosen id, or not one per heading: as goldmark made them
	}
	idOf := func(h *ast.Heading) string {
		v, _ := h.AttributeString("id")
		b, _ := v.([]byte)
		return string(b)
	}
	generated := map[string]bool{}
	for i, h := range headings {
		if !ids.chosen[i] {
			generated[idOf(h)] = true
		}
	}
	final := map[string]bool{}
	settle := func(h *ast.Heading, base string, taken func(string) bool) {
		id := base
		for n := 1; final[id] || taken(id) || ids.reserved != nil && ids.reserved(id); n++ {
			id = base + "-" + strconv.Itoa(n)
		}
		final[id] = true
		h.SetAttribute([]byte("id"), []byte(id))
	}
	for i, h := range headings {
		if ids.chosen[i] {
			settle(h, ids.prefix+idOf(h), func(string) bool { return false })
		}
	}
	for i, h := range headings {
		if id := idOf(h); !ids.chosen[i] {
			if !final[id] {
				final[id] = true
				continue
			}
			settle(h, id, func(id string) bool { return generated[id] })
		}
	}
}

// keepIDAndClass drops a heading's other attributes ({title=x}, {style=y}).
func keepIDAndClass(h *ast.Heading) {
	attrs := h.Attributes()
	if len(attrs) <= 1 {
		return // the id alone
	}
	h.RemoveAttributes()
	for _, a := range attrs {
		if name := string(a.Name); name == "id" || name == "class" {
			h.SetAttribute(a.Name, a.Value)
		}
	}
}
