package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/adrg/frontmatter"
	"gopkg.in/yaml.v3"

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

// capture is an UnmarshalFunc that keeps the raw front matter, so that we
// can parse it ourselves with positions; adrg/frontmatter only detects and
// splits.
type capture struct {
	kind fmKind
	data []byte
}

func formats(c *capture) []*frontmatter.Format {
	grab := func(k fmKind) frontmatter.UnmarshalFunc {
		return func(data []byte, _ any) error {
			c.kind, c.data = k, slices.Clone(data)
			return nil
		}
	}
	return []*frontmatter.Format{
		frontmatter.NewFormat("---", "---", grab(fmYAML)),
		frontmatter.NewFormat("---yaml", "---", grab(fmYAML)),
		frontmatter.NewFormat("+++", "+++", grab(fmTOML)),
		frontmatter.NewFormat("---toml", "---", grab(fmTOML)),
		frontmatter.NewFormat(";;;", ";;;", grab(fmJSON)),
		frontmatter.NewFormat("---json", "---", grab(fmJSON)),
		{Start: "{", End: "}", Unmarshal: grab(fmJSON), UnmarshalDelims: true, RequiresNewLine: true},
	}
}

// parseDocument splits src and parses its front matter. Problems are added
// to diags; the returned document has meta == nil when there is no usable
// front matter.
func parseDocument(file string, src []byte, diags *diag.List) document {
	src = clean(src)
	text := string(src) // one copy: the body and the YAML values share it
	doc := document{file: file, src: text}
	if data, dataLine, bodyOff, ok := splitYAMLFrontMatter(text); ok {
		doc.body = Markdown{Text: text[bodyOff:], Pos: diag.Pos{File: file, Line: 1 + strings.Count(text[:bodyOff], "\n"), Col: 1}}
		doc.metaLine = dataLine
		node, err := parseYAML(data)
		doc.setMeta(node, err, diags)
		return doc
	}
	var c capture
	rest, err := frontmatter.Parse(bytes.NewReader(src), nil, formats(&c)...)
	if err != nil {
		diags.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "cannot read front matter: %v", err)
		return doc
	}
	bodyOff := len(src) - len(rest)
	doc.body = Markdown{Text: text[bodyOff:], Pos: diag.Pos{File: file, Line: 1 + bytes.Count(src[:bodyOff], []byte("\n")), Col: 1}}
	if c.data == nil {
		if bytes.HasPrefix(bytes.TrimSpace(src), []byte("---")) || bytes.HasPrefix(bytes.TrimSpace(src), []byte("+++")) {
			diags.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "front matter is not closed: add a line with the closing delimiter before the body")
		} else {
			diags.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "missing front matter: start the file with a --- line, the fields, and another --- line")
		}
		return doc
	}
	doc.kind = c.kind
	doc.metaLine = dataLine(src, c.kind == fmJSON && firstLine(src) == "{")
	var node *yaml.Node
	switch c.kind {
	case fmYAML:
		node, err = parseYAML(string(c.data))
	case fmTOML:
		node, err = parseTOML(c.data)
	case fmJSON:
		node, err = parseJSON(c.data)
	}
	doc.setMeta(node, err, diags)
	return doc
}

// bom is the byte order mark some Windows editors start UTF-8 files with.
// It is not part of the text: it is dropped before anything else, so
// column 1 is the character after it.
const bom = "\ufeff"

// splitYAMLFrontMatter splits a file that opens with a --- line exactly as
// adrg/frontmatter does, without its copies; ok is false for every other
// file, which goes through adrg/frontmatter. dataLine is the file line
// after the opening ---, bodyOff the offset after the closing one.
func splitYAMLFrontMatter(src string) (data string, dataLine, bodyOff int, ok bool) {
	start, line := -1, 0
	for off := 0; off < len(src); {
		i := strings.IndexByte(src[off:], '\n')
		if i < 0 {
			// adrg/frontmatter treats a last line without a newline
			// specially; leave it to it.
			return "", 0, 0, false
		}
		next := off + i + 1
		line++
		t := strings.TrimSpace(src[off:next])
		switch {
		case start >= 0 && t == "---":
			return src[start:off], dataLine, next, true
		case start >= 0 || t == "":
		case t == "---":
			start, dataLine = next, line+1
		default:
			return "", 0, 0, false
		}
		off = next
	}
	return "", 0, 0, false
}

// setMeta checks the front matter's parse result and keeps it when it is
// a mapping.
func (doc *document) setMeta(node *yaml.Node, err error, diags *diag.List) {
	file := doc.file
	if err != nil {
		var pe posError
		if errors.As(err, &pe) {
			diags.Errorf(diag.Pos{File: file, Line: doc.metaLine + pe.line - 1, Col: pe.col}, "%s", pe.msg)
		} else {
			diags.Errorf(diag.Pos{File: file, Line: doc.metaLine, Col: 1}, "%v", err)
		}
		return
	}
	shiftLines(node, doc.metaLine-1)
	if node.Kind != yaml.MappingNode {
		diags.Errorf(diag.Pos{File: file, Line: max(node.Line, doc.metaLine), Col: 1}, "front matter must be a set of key: value fields")
		return
	}
	doc.meta = node
}

func firstLine(src []byte) string {
	for line := range bytes.Lines(src) {
		if t := bytes.TrimSpace(line); len(t) > 0 {
			return string(t)
		}
	}
	return ""
}

// dataLine is the file line where the front matter's data starts: the
// line after the opening delimiter, or the delimiter itself for JSON's
// bare braces.
func dataLine(src []byte, includesDelim bool) int {
	line := 1
	for l := range bytes.Lines(src) {
		if len(bytes.TrimSpace(l)) > 0 {
			if includesDelim {
				return line
			}
			return line + 1
		}
		line++
	}
	return line
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

// yaml.v3 reports syntax errors only as text ("yaml: line 3: ..."); this is
// the one place we read a position back out of a message, because the
// library offers no other.
var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func parseYAML(data string) (*yaml.Node, error) {
	if n, ok := fastYAML(data); ok {
		return n, nil
	}
	return slowYAML([]byte(data))
}

// slowYAML parses with yaml.v3: any YAML, and the reference fastYAML is
// tested against.
func slowYAML(data []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		msg := err.Error()
		if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
			line, _ := strconv.Atoi(m[1])
			// yaml.v3 counts parser errors' lines from 0 and scanner
			// errors' from 1; only parser messages say "did not find".
			if strings.HasPrefix(m[2], "did not find expected") {
				line++
			}
			return nil, posError{line, 1, "invalid YAML: " + m[2]}
		}
		return nil, posError{1, 1, "invalid YAML: " + strings.TrimPrefix(msg, "yaml: ")}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: 1, Column: 1}, nil
	}
	n := doc.Content[0]
	if err := checkAliases(n, 0); err != nil {
		return nil, err
	}
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
