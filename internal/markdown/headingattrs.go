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
// gives way to it; a chosen id that does not look like a generated one
// ({#fn:1}, {#a b}, {#x--y}, which could take a footnote's or another
// field's id) is replaced by a generated one.
func (headingAttrs) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st := stateOf(pc)
	if st == nil || !strings.Contains(st.src, "{") { // no heading has attributes
		return
	}
	var headings []*ast.Heading
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			keepIDAndClass(h)
			headings = append(headings, h)
		}
		return ast.WalkContinue, nil
	})
	ids := &st.ids
	if len(headings) != len(ids.chosen) || !slices.Contains(ids.chosen, true) {
		return // no chosen id, or not one per heading: as goldmark made them
	}
	s := settler{ids: ids, final: map[string]bool{}, generated: map[string]bool{}}
	chosen, redo := make([]bool, len(headings)), make([]bool, len(headings))
	for i, h := range headings {
		switch {
		case !ids.chosen[i]:
			s.generated[idOf(h)] = true
		case ValidID(idOf(h)):
			chosen[i] = true
		default:
			redo[i] = true
			h.SetAttribute([]byte("id"), []byte(ids.prefix+string(headingSlug(h, reader.Source()))))
		}
	}
	for i, h := range headings {
		if chosen[i] {
			s.settle(h, ids.prefix+idOf(h), false)
		}
	}
	for i, h := range headings {
		if id := idOf(h); !chosen[i] && !redo[i] && !s.final[id] {
			s.final[id] = true // generated, and no chosen id took it
		} else if !chosen[i] {
			s.settle(h, id, true)
		}
	}
}

// settler gives headings their final ids, unique on the page.
type settler struct {
	ids       *ids
	final     map[string]bool // the ids given so far
	generated map[string]bool // the ids goldmark generated
}

// settle gives h base, or base-1, base-2...: the first that no heading
// has, the page does not reserve, no citation took, and, for a generated
// one, goldmark did not generate for another heading.
func (s *settler) settle(h *ast.Heading, base string, generated bool) {
	id := base
	for n := 1; s.final[id] || generated && s.generated[id] || s.ids.cited[id] || s.ids.reserved != nil && s.ids.reserved(id); n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	s.final[id] = true
	h.SetAttribute([]byte("id"), []byte(id))
}

func idOf(h *ast.Heading) string {
	v, _ := h.AttributeString("id")
	b, _ := v.([]byte)
	return string(b)
}

// ValidID reports whether an id a heading chose is kept: it looks like a
// generated one, words of letters and digits joined by single hyphens.
func ValidID(id string) bool {
	if id == "" || strings.HasPrefix(id, "-") || strings.HasSuffix(id, "-") || strings.Contains(id, "--") {
		return false
	}
	for _, r := range id {
		if r != '-' && !isIDRune(r) {
			return false
		}
	}
	return true
}

// headingSlug is the id goldmark would have generated for h: its words.
func headingSlug(h *ast.Heading, source []byte) []byte {
	var line []byte
	if n := h.Lines().Len(); n > 0 {
		seg := h.Lines().At(n - 1)
		line = seg.Value(source)
	}
	if id := slugify(line); len(id) > 0 {
		return id
	}
	return []byte("section")
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
