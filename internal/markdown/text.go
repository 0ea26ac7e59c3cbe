package markdown

import (
	"bytes"
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// textWriter writes plain text with each run of spaces made one space.
type textWriter struct {
	buf   *bytes.Buffer
	space bool // a space is due before the next word
}

func (w *textWriter) sep() { w.space = true }

func (w *textWriter) write(b []byte) {
	for len(b) > 0 {
		i := 0
		for i < len(b) && isSpace[b[i]] {
			i++
		}
		if i > 0 {
			w.space = true
			if b = b[i:]; len(b) == 0 {
				return
			}
		}
		if w.space && w.buf.Len() > 0 {
			w.buf.WriteByte(' ')
		}
		w.space = false
		// Copy up to a space that is not a single ' ' between two words.
		j := 0
		for j < len(b) {
			switch {
			case !isSpace[b[j]]:
				j++
				continue
			case b[j] == ' ' && j+1 < len(b) && !isSpace[b[j+1]]:
				j += 2
				continue
			}
			break
		}
		w.buf.Write(b[:j])
		b = b[j:]
	}
}

var isSpace = [256]bool{' ': true, '\n': true, '\t': true, '\r': true, '\f': true, '\v': true}

// plainText writes to buf the text of the document a reader sees, adds to
// terms the terms it links to, and returns its level 2 and 3 headings.
func plainText(buf *bytes.Buffer, root ast.Node, source []byte, terms *termSet, code *bool) []Heading {
	w := &textWriter{buf: buf}
	var headings []Heading
	headingStart := 0
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Type() == ast.TypeBlock {
			w.sep()
		}
		switch n := n.(type) {
		case *ast.Heading:
			if n.Level != 2 && n.Level != 3 {
				break
			}
			if entering {
				headingStart = buf.Len()
				break
			}
			id, _ := n.AttributeString("id")
			idb, _ := id.([]byte)
			headings = append(headings, Heading{
				Level: n.Level,
				ID:    string(idb),
				Text:  strings.TrimSpace(string(buf.Bytes()[headingStart:])),
			})
		case *ast.Text:
			if entering {
				writeText(w, n.Value(source), n.IsRaw())
				if n.SoftLineBreak() || n.HardLineBreak() {
					w.sep()
				}
			}
		case *ast.String:
			if entering {
				w.write([]byte(html.UnescapeString(string(n.Value))))
			}
		case *wikiLinkNode:
			if entering {
				w.write([]byte(n.Link.Text()))
				if n.Resolved && !inLink(n) { // rendered as a link
					terms.add(n.Info.Term)
				}
			}
		case *mentionNode:
			if entering {
				terms.add(n.Info.Term)
			}
		case *ast.AutoLink:
			if entering {
				w.write(n.Label(source))
			}
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			if entering {
				*code = true
				lines := n.Lines()
				for i := 0; i < lines.Len(); i++ {
					seg := lines.At(i)
					w.write(seg.Value(source))
					w.sep()
				}
			}
		case *ast.HTMLBlock, *ast.RawHTML, *east.FootnoteLink, *east.FootnoteBacklink, *east.TaskCheckBox:
			return ast.WalkSkipChildren, nil
		case *east.TableCell:
			w.sep()
		}
		return ast.WalkContinue, nil
	})
	return headings
}

// writeText writes the text of a Text node, resolving its backslash
// escapes and entities as the HTML renderer does.
func writeText(w *textWriter, v []byte, raw bool) {
	if !raw && (bytes.IndexByte(v, '\\') >= 0 || bytes.IndexByte(v, '&') >= 0) {
		v = util.UnescapePunctuations(v)
		v = util.ResolveNumericReferences(v)
		v = util.ResolveEntityNames(v)
	}
	w.write(v)
}
