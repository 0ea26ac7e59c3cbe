package markdown

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// SafeURL reports whether a Markdown link or image to dest is written as
// one: not javascript:, vbscript:, file: or data: (an image's data:image/png
// and the like are), goldmark's rule on the URL as goldmark writes it.
func SafeURL(dest string, image bool) bool {
	u := util.URLEscape([]byte(dest), true)
	if !image && len(u) >= 5 && strings.EqualFold(string(u[:5]), "data:") {
		return false
	}
	return !html.IsDangerousURL(u)
}

// safeLinks writes a Markdown link, image or autolink whose URL is not
// safe as its text alone, whatever unsafe_html says: goldmark writes
// such a link with an empty href in safe mode (a live link to the page
// itself) and as written in unsafe mode, where raw HTML is the editor's
// to trust but a Markdown link is no HTML. Safe ones are goldmark's.
type safeLinks struct{ unsafe bool }

func (e safeLinks) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(newSafeLinkRenderer(e.unsafe), 100), // before goldmark's own (1000)
	))
}

type safeLinkRenderer struct {
	own map[ast.NodeKind]renderer.NodeRendererFunc // goldmark's, for safe URLs
}

func newSafeLinkRenderer(unsafe bool) *safeLinkRenderer {
	var opts []html.Option
	if unsafe {
		opts = append(opts, html.WithUnsafe())
	}
	r := &safeLinkRenderer{own: map[ast.NodeKind]renderer.NodeRendererFunc{}}
	html.NewRenderer(opts...).RegisterFuncs(funcsOf(r.own))
	return r
}

// funcsOf collects the functions a NodeRenderer registers.
type funcsOf map[ast.NodeKind]renderer.NodeRendererFunc

func (f funcsOf) Register(k ast.NodeKind, fn renderer.NodeRendererFunc) { f[k] = fn }

func (r *safeLinkRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, r.render)
	reg.Register(ast.KindImage, r.render)
	reg.Register(ast.KindAutoLink, r.render)
}

func (r *safeLinkRenderer) render(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	switch n := n.(type) {
	case *ast.Link:
		if !SafeURL(string(n.Destination), false) {
			return ast.WalkContinue, nil // its text, without the <a>
		}
	case *ast.Image:
		if !SafeURL(string(n.Destination), true) {
			return ast.WalkContinue, nil // its alt text
		}
	case *ast.AutoLink:
		if !SafeURL(string(n.URL(source)), false) {
			if entering {
				_, _ = w.Write(util.EscapeHTML(n.Label(source)))
			}
			return ast.WalkContinue, nil
		}
	}
	return r.own[n.Kind()](w, source, n, entering)
}
