package markdown

import (
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// highlighting is the goldmark extension that highlights fenced code with
// chroma, with CSS classes (ChromaCSS) rather than inline styles. A block
// whose language chroma does not know is plain <pre><code>.
//
// It renders as goldmark-highlighting does, but with one chroma formatter
// for the whole build: goldmark-highlighting makes a formatter per block,
// and each formatter computes the style's CSS again, which was a third of
// the time of rendering a term with one code block.
type highlighting struct{}

// Extend implements goldmark.Extender.
func (highlighting) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(newCodeRenderer(), 100), // before goldmark's own (1000)
	))
}

type codeRenderer struct {
	formatter *chromahtml.Formatter // safe for concurrent use: its style cache has a lock
	style     *chroma.Style
	lexers    sync.Map // language -> chroma.Lexer, nil when chroma has none
}

func newCodeRenderer() *codeRenderer {
	return &codeRenderer{
		formatter: chromahtml.New(chromahtml.WithClasses(true)),
		style:     styles.Get(lightStyle),
	}
}

func (r *codeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, r.renderFencedCodeBlock)
}

// maxLang is the longest fence language looked up: chroma's names and
// file patterns are short, and its look-up of an unknown name tries every
// pattern, which takes a second for a name of 3,000 characters.
const maxLang = 40

// lexer returns chroma's lexer for a fence's language, or nil.
func (r *codeRenderer) lexer(lang string) chroma.Lexer {
	if len(lang) > maxLang {
		return nil
	}
	if l, ok := r.lexers.Load(lang); ok {
		lexer, _ := l.(chroma.Lexer)
		return lexer
	}
	lexer := lexers.Get(lang) // slow for unknown names: it tries every file pattern
	if lexer != nil {
		lexer = chroma.Coalesce(lexer)
	}
	r.lexers.Store(lang, lexer)
	return lexer
}

func (r *codeRenderer) renderFencedCodeBlock(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	var code strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		code.Write(seg.Value(source))
	}
	lang := n.Language(source)
	if lang != nil {
		if lexer := r.lexer(string(lang)); lexer != nil {
			if it, err := lexer.Tokenise(nil, code.String()); err == nil {
				_ = r.formatter.Format(w, r.style, it) // writes to a buffer: no error
				_ = w.WriteByte('\n')
				return ast.WalkSkipChildren, nil
			}
		}
	}
	_, _ = w.WriteString("<pre><code")
	if lang != nil {
		_, _ = w.WriteString(` class="language-`)
		writeEscaped(w, string(util.UnescapePunctuations(lang)))
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	writeEscaped(w, code.String())
	_, _ = w.WriteString("</code></pre>\n")
	return ast.WalkSkipChildren, nil
}
