package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/nhimg/nhiglossary/internal/diag"
)

// A document is a content file split into its front matter, as a yaml.Node
// tree whatever the format (so the schema is checked once, with positions),
// and its Markdown body.
type document struct {
	file     string
	src      string // the whole file, where values are found for positions
	kind     fmKind
	meta     *yaml.Node // a mapping node; nil when the file has none
	metaLine int        // file line of the front matter's first line
	body     Markdown
}

type fmKind int

const (
	fmYAML fmKind = iota
	fmTOML
	fmJSON
)

// parseDocument splits src and parses its front matter. Problems are added
// to diags; the returned document has meta == nil when there is no usable
// front matter.
func parseDocument(file string, src []byte, diags *diag.List) document {
	src = clean(src)
	text := string(src) // one copy: the body and the values share it
	doc := document{file: file, src: text}
	fm := splitFrontMatter(text)
	// (A JSON body may start mid-line: its column counts.)
	whole := Markdown{Text: text, Pos: diag.Pos{File: file, Line: 1, Col: 1}}
	doc.body = Markdown{Text: text[fm.bodyOff:], Pos: whole.PosAt(fm.bodyOff)}
	switch fm.problem {
	case fmUnclosed:
		diags.Add(diag.FrontMatterUnclosed, diag.Pos{File: file, Line: 1, Col: 1}, "front matter is not closed: add a line with the closing delimiter before the body")
		return doc
	case fmMissing:
		diags.Add(diag.FrontMatterMissing, diag.Pos{File: file, Line: 1, Col: 1}, "missing front matter: start the file with a --- line, the fields, and another --- line")
		return doc
	}
	doc.kind, doc.metaLine = fm.kind, fm.dataLine
	var node *yaml.Node
	var err error
	data := src[fm.dataOff : fm.dataOff+len(fm.data)] // fm.data's bytes, not another copy
	switch fm.kind {
	case fmYAML:
		node, err = parseYAML(data, fm.data)
	case fmTOML:
		node, err = parseTOML(fm.data) // the document's text: no copy
	case fmJSON:
		node, err = parseJSON(data)
	}
	if err == nil && fm.kind != fmYAML { // parseYAML shares its own
		shareValues(node, fm.data)
	}
	doc.setMeta(node, err, diags)
	return doc
}

// bom is the byte order mark some Windows editors start UTF-8 files with.
// It is not part of the text: it is dropped before anything else, so
// column 1 is the character after it.
const bom = "\ufeff"

// frontMatter is where a file's front matter and body are.
type frontMatter struct {
	kind     fmKind
	data     string // the front matter, without its delimiter lines
	dataOff  int    // offset of data in the file
	dataLine int    // file line where data starts
	bodyOff  int    // offset of the body in the file
	problem  fmProblem
}

type fmProblem int

const (
	fmOK fmProblem = iota
	fmMissing
	fmUnclosed
)

// fences are the delimiter lines that open front matter, the line that
// closes each, and the format between them.
var fences = []struct {
	open, close string
	kind        fmKind
}{
	{"---", "---", fmYAML},
	{"---yaml", "---", fmYAML},
	{"+++", "+++", fmTOML},
	{"---toml", "---", fmTOML},
	{";;;", ";;;", fmJSON},
	{"---json", "---", fmJSON},
}

// splitFrontMatter finds the front matter of every format in one pass over
// the lines: blank lines may come first; then an opening delimiter line
// (spaces around it ignored) and everything up to its closing line, or a
// JSON object, from the "{" that starts a line to the brace that ends the
// object, so the body may follow on the very next line.
func splitFrontMatter(src string) frontMatter {
	off, line := 0, 1
	for off < len(src) {
		eol := lineEnd(src, off)
		t := strings.TrimSpace(src[off:eol])
		if t == "" {
			off, line = eol, line+1
			continue
		}
		if strings.HasPrefix(t, "{") {
			return splitJSONObject(src, off, line)
		}
		for _, f := range fences {
			if t != f.open {
				continue
			}
			start := eol
			for o, l := start, line+1; o < len(src); l++ {
				e := lineEnd(src, o)
				if strings.TrimSpace(src[o:e]) == f.close {
					return frontMatter{kind: f.kind, data: src[start:o], dataOff: start, dataLine: line + 1, bodyOff: e}
				}
				o = e
			}
			return frontMatter{bodyOff: len(src), problem: fmUnclosed}
		}
		break
	}
	if t := strings.TrimSpace(src); strings.HasPrefix(t, "---") || strings.HasPrefix(t, "+++") {
		return frontMatter{bodyOff: len(src), problem: fmUnclosed}
	}
	return frontMatter{problem: fmMissing}
}

// splitJSONObject ends bare-brace JSON front matter at the brace that
// closes the object, found by encoding/json; the body may start right
// after it, on the same line. When the object does not parse, all of the
// rest is the front matter, so that parseJSON reports the syntax error
// where it is.
func splitJSONObject(src string, off, line int) frontMatter {
	fm := frontMatter{kind: fmJSON, data: src[off:], dataOff: off, dataLine: line, bodyOff: len(src)}
	dec := json.NewDecoder(strings.NewReader(src[off:]))
	var raw json.RawMessage
	if dec.Decode(&raw) != nil {
		return fm
	}
	end := off + int(dec.InputOffset())
	fm.data = src[off:end]
	eol := lineEnd(src, end)
	if strings.TrimSpace(src[end:eol]) != "" {
		fm.bodyOff = end // "} Body": the body starts on the brace's line
		return fm
	}
	fm.bodyOff = eol
	// The blank line that used to be required after the brace is still
	// the usual way to write it; it is not part of the body.
	if next := lineEnd(src, eol); eol < len(src) && strings.TrimSpace(src[eol:next]) == "" {
		fm.bodyOff = next
	}
	return fm
}

// lineEnd is the offset after the line that starts at off (after its
// newline, or the end of src).
func lineEnd(src string, off int) int {
	if i := strings.IndexByte(src[off:], '\n'); i >= 0 {
		return off + i + 1
	}
	return len(src)
}

// setMeta checks the front matter's parse result and keeps it when it is
// a mapping.
func (doc *document) setMeta(node *yaml.Node, err error, diags *diag.List) {
	file := doc.file
	if err != nil {
		var pe posError
		if errors.As(err, &pe) {
			diags.Add(diag.FrontMatterSyntax, diag.Pos{File: file, Line: doc.metaLine + pe.line - 1, Col: pe.col}, "%s", pe.msg)
		} else {
			diags.Add(diag.FrontMatterSyntax, diag.Pos{File: file, Line: doc.metaLine, Col: 1}, "%v", err)
		}
		return
	}
	shiftLines(node, doc.metaLine-1)
	if node.Kind != yaml.MappingNode {
		diags.Add(diag.FrontMatterSyntax, diag.Pos{File: file, Line: max(node.Line, doc.metaLine), Col: 1}, "front matter must be a set of key: value fields")
		return
	}
	doc.meta = node
}

func shiftLines(n *yaml.Node, by int) {
	if n == nil {
		return
	}
	n.Line += by
	for _, c := range n.Content {
		shiftLines(c, by)
	}
}

// posError is a syntax error at a line and column of the front matter data.
type posError struct {
	line, col int
	msg       string
}

func (e posError) Error() string { return fmt.Sprintf("%d:%d: %s", e.line, e.col, e.msg) }

// parseYAML parses in, whose text is data: the tree's values are
// data's characters where they can be (see shareValues).
func parseYAML(in []byte, data string) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(in, &doc); err != nil {
		return nil, yamlError(err.Error(), data)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: 1, Column: 1}, nil
	}
	n := doc.Content[0]
	if err := checkAliases(n, 0); err != nil {
		return nil, err
	}
	if err := leftOut(n, data); err != nil {
		return nil, err
	}
	shareValues(n, data)
	return n, nil
}

// checkAliases refuses YAML aliases: front matter has no use for them and
// they are the way to make a tiny file expand without bound.
func checkAliases(n *yaml.Node, depth int) error {
	if n.Kind == yaml.AliasNode {
		return posError{n.Line, n.Column, "YAML aliases (*name) are not supported in front matter"}
	}
	if depth > 50 {
		return posError{n.Line, n.Column, "front matter is nested too deeply"}
	}
	for _, c := range n.Content {
		if err := checkAliases(c, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// parseJSON builds a node tree from JSON tokens, keeping each token's
// position; encoding/json gives exact syntax-error offsets.
func parseJSON(data []byte) (*yaml.Node, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	lc := newLineCounter(data)
	start := func() (int, int) {
		off := int(dec.InputOffset())
		for off < len(data) && strings.IndexByte(" \t\r\n,:", data[off]) >= 0 {
			off++
		}
		return lc.pos(off)
	}
	fail := func(err error) error {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			// A comma before a closing brace or bracket (JavaScript allows
			// one) is the mistake, not the brace the message names.
			// (The offset is the bad character's, in a stream of tokens.)
			if at := int(se.Offset); at < len(data) && (data[at] == '}' || data[at] == ']') {
				if i := bytes.LastIndexFunc(data[:at], func(r rune) bool { return !unicode.IsSpace(r) }); i >= 0 && data[i] == ',' {
					l, c := lc.pos(i)
					return posError{l, c, fmt.Sprintf("invalid JSON: a comma before %c: remove it", data[at])}
				}
			}
			l, c := lc.pos(int(se.Offset))
			return posError{l, c, "invalid JSON: " + se.Error()}
		}
		if err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) {
			l, c := lc.pos(len(data))
			return posError{l, c, "invalid JSON: unexpected end of front matter"}
		}
		l, c := start()
		return posError{l, c, "invalid JSON: " + err.Error()}
	}
	var value func(depth int) (*yaml.Node, error)
	value = func(depth int) (*yaml.Node, error) {
		if depth > 50 {
			l, c := start()
			return nil, posError{l, c, "front matter is nested too deeply"}
		}
		l, c := start()
		tok, err := dec.Token()
		if err != nil {
			return nil, fail(err)
		}
		n := &yaml.Node{Line: l, Column: c}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{':
				n.Kind, n.Tag = yaml.MappingNode, "!!map"
				for dec.More() {
					kl, kc := start()
					kt, err := dec.Token()
					if err != nil {
						return nil, fail(err)
					}
					key, _ := kt.(string)
					v, err := value(depth + 1)
					if err != nil {
						return nil, err
					}
					n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key, Line: kl, Column: kc}, v)
				}
			case '[':
				n.Kind, n.Tag = yaml.SequenceNode, "!!seq"
				for dec.More() {
					v, err := value(depth + 1)
					if err != nil {
						return nil, err
					}
					n.Content = append(n.Content, v)
				}
			}
			if _, err := dec.Token(); err != nil {
				return nil, fail(err)
			}
		case string:
			n.Kind, n.Tag, n.Value, n.Style = yaml.ScalarNode, "!!str", t, yaml.DoubleQuotedStyle
		case json.Number:
			n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!int", t.String()
			if strings.ContainsAny(n.Value, ".eE") {
				n.Tag = "!!float"
			}
		case bool:
			n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!bool", strconv.FormatBool(t)
		case nil:
			n.Kind, n.Tag = yaml.ScalarNode, "!!null"
		}
		return n, nil
	}
	n, err := value(0)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		l, c := start()
		return nil, posError{l, c, "invalid JSON: unexpected text after the closing brace"}
	}
	return n, nil
}

// lineCounter turns byte offsets into lines and columns; columns count
// characters, as yaml.v3's do.
type lineCounter struct {
	data   []byte
	starts []int
}

func newLineCounter(data []byte) lineCounter {
	lc := lineCounter{data: data, starts: []int{0}}
	for i, b := range data {
		if b == '\n' {
			lc.starts = append(lc.starts, i+1)
		}
	}
	return lc
}

func (lc lineCounter) pos(off int) (line, col int) {
	off = min(max(off, 0), len(lc.data))
	i, found := slices.BinarySearch(lc.starts, off)
	if !found {
		i--
	}
	return i + 1, utf8.RuneCount(lc.data[lc.starts[i]:off]) + 1
}

// clean is a source file as every loader reads it (terms, incidents,
// frameworks, settings): without a byte order mark, with LF line ends.
func clean(src []byte) []byte {
	src = bytes.TrimPrefix(src, []byte(bom))
	if bytes.IndexByte(src, '\r') >= 0 {
		src = lineEnds(src)
	}
	return src
}

// lineEnds turns CRLF and lone CR (old Mac) line ends into LF, once, as
// the file is read: YAML and editors break lines at all three, so every
// line count after this agrees with them, and no CR reaches the page
// (inside fenced code Markdown would keep it). Positions do not move:
// only line ends change.
func lineEnds(src []byte) []byte {
	out := make([]byte, 0, len(src))
	for i, c := range src {
		if c == '\r' {
			if i+1 < len(src) && src[i+1] == '\n' {
				continue
			}
			c = '\n'
		}
		out = append(out, c)
	}
	return out
}
