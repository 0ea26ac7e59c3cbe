package markdown

import (
	"bufio"
	"bytes"
	"slices"
	"sync"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// docKey holds the *docState of the document being parsed.
var docKey = parser.NewContextKey()

// docState is what one Render call knows about its document, and the
// memory it works in. States are pooled: a build renders tens of
// thousands of fields, and making these afresh each time was half of the
// bytes Render allocated.
type docState struct {
	doc    Doc
	src    string  // the source, for substrings that cost nothing
	linked termSet // terms linked in this document, explicitly or not
	terms  termSet // terms the HTML links to, in document order

	nodes []*ast.Text // scratch space of auto-linking
	found []mention
	plain []*wikiLinkNode // scratch space of renderPlain
	cites []Cited

	// Nodes are allocated in chunks: a page has hundreds.
	texts    arena[ast.Text]
	mentions arena[mentionNode]
	wikis    arena[wikiLinkNode]

	ids    ids
	pc     *parseContext
	source []byte // src as goldmark takes it
	// goldmark writes through a bufio.Writer; bringing ours saves it
	// making one per call.
	buf bytes.Buffer
	w   *bufio.Writer
}

var docStates = sync.Pool{New: func() any {
	st := &docState{ids: ids{used: map[string]bool{}}}
	st.w = bufio.NewWriterSize(&st.buf, 4096)
	return st
}}

func newDocState(src string, doc Doc) *docState {
	st := docStates.Get().(*docState)
	st.src, st.doc = src, doc
	st.ids.prefix, st.ids.reserved = doc.IDPrefix, doc.Reserved
	return st
}

// A state that grew past these bounds (bytes of a buffer, chunks of
// nodes) is not pooled: one huge document must not pin its memory for the
// rest of a build.
const (
	maxPooled       = 1 << 20
	maxPooledChunks = 64
)

// free resets st, dropping every pointer into its document, and pools it.
func (st *docState) free() {
	st.src, st.doc = "", Doc{}
	st.cites = st.cites[:0]
	st.linked.reset()
	st.terms.reset()
	clear(st.nodes)
	st.nodes = st.nodes[:0]
	st.found = st.found[:0]
	st.texts.reset()
	st.mentions.reset()
	st.wikis.reset()
	clear(st.ids.used)
	st.ids.chosen = st.ids.chosen[:0]
	clear(st.ids.cited)
	st.ids.prefix, st.ids.reserved = "", nil
	if st.pc != nil && !st.pc.reset() {
		st.pc = nil
	}
	if st.buf.Cap() > maxPooled || cap(st.source) > maxPooled || len(st.texts.chunks)+len(st.mentions.chunks) > maxPooledChunks {
		return
	}
	st.buf.Reset()
	docStates.Put(st)
}

// parseContext returns the parser.Context to parse st's document in.
func (st *docState) parseContext() parser.Context {
	if st.pc == nil {
		st.pc = &parseContext{Context: parser.NewContext(), ids: &st.ids, refs: map[string]parser.Reference{}, keys: parser.ContextKeyMax}
	}
	return st.pc
}

// parseContext is goldmark's parser.Context, kept with a docState for the
// next document: goldmark's costs nine allocations, four maps among them.
// It keeps the link references, which goldmark's cannot forget, and the
// heading ids.
type parseContext struct {
	parser.Context
	ids  *ids
	refs map[string]parser.Reference
	keys parser.ContextKey // parser.ContextKeyMax when made
}

func (c *parseContext) IDs() parser.IDs { return c.ids }

// AddReference implements parser.Context as goldmark's does.
func (c *parseContext) AddReference(ref parser.Reference) {
	key := util.ToLinkReference(ref.Label())
	if _, ok := c.refs[key]; !ok {
		c.refs[key] = ref
	}
}

func (c *parseContext) Reference(label string) (parser.Reference, bool) {
	ref, ok := c.refs[label]
	return ref, ok
}

func (c *parseContext) References() []parser.Reference {
	refs := make([]parser.Reference, 0, len(c.refs))
	for _, ref := range c.refs {
		refs = append(refs, ref)
	}
	return refs
}

// reset makes c as new, or says it cannot: goldmark leaves no delimiter
// or open block behind a document it parsed to the end, and no context
// key is made after init.
func (c *parseContext) reset() bool {
	blocks := c.OpenedBlocks()
	if c.keys != parser.ContextKeyMax || c.FirstDelimiter() != nil || c.LastDelimiter() != nil || len(blocks) != 0 {
		return false
	}
	for k := range c.keys + 1 {
		c.Set(k, nil)
	}
	clear(c.refs)
	clear(blocks[:cap(blocks)])
	c.SetBlockOffset(-1)
	c.SetBlockIndent(-1)
	return true
}

func stateOf(pc parser.Context) *docState {
	st, _ := pc.Get(docKey).(*docState)
	return st
}

func (st *docState) newText(seg text.Segment) *ast.Text {
	t := st.texts.alloc()
	t.Segment = seg
	return t
}

func (st *docState) newMention() *mentionNode { return st.mentions.alloc() }

func (st *docState) newWikiLink() *wikiLinkNode {
	if st == nil {
		return new(wikiLinkNode)
	}
	return st.wikis.alloc()
}

// markLinked records that the document links to term.
func (st *docState) markLinked(term string) {
	if st != nil {
		st.linked.add(term)
	}
}

// citesSlice returns the document's citations, in a slice of their own.
func (st *docState) citesSlice() []Cited {
	if len(st.cites) == 0 {
		return nil
	}
	return append([]Cited(nil), st.cites...)
}

// html returns the HTML written to st.buf, without the spaces around it
// for an inline field.
func (st *docState) html() string {
	b := st.buf.Bytes()
	if st.doc.Inline {
		b = bytes.TrimSpace(b)
	}
	return string(b)
}

// arena hands out zeroed values from chunks that outlive the document:
// nodes must not move, so chunks are never grown.
type arena[T any] struct {
	chunks [][]T
	used   int // values handed out, over all chunks
}

const chunkLen = 32

func (a *arena[T]) alloc() *T {
	i, j := a.used/chunkLen, a.used%chunkLen
	if i == len(a.chunks) {
		a.chunks = append(a.chunks, make([]T, chunkLen))
	}
	a.used++
	return &a.chunks[i][j]
}

// reset zeroes the values handed out, for the next document and so that
// the pool does not keep the last document's AST alive.
func (a *arena[T]) reset() {
	for i := 0; a.used > 0; i++ {
		n := min(a.used, chunkLen)
		clear(a.chunks[i][:n])
		a.used -= n
	}
}

// termSet is a set of term slugs that keeps their order. A document links
// to a few terms, for which a slice is faster than a map; the map is made
// only for a document with very many.
type termSet struct {
	list  []string
	index map[string]bool
}

const termSetMaxList = 32

func (s *termSet) has(term string) bool {
	if s.index != nil {
		return s.index[term]
	}
	return slices.Contains(s.list, term)
}

// add adds term unless it is "" or in the set already.
func (s *termSet) add(term string) {
	if term == "" || s.has(term) {
		return
	}
	s.list = append(s.list, term)
	if s.index != nil {
		s.index[term] = true
	} else if len(s.list) > termSetMaxList {
		s.index = make(map[string]bool, 2*len(s.list))
		for _, t := range s.list {
			s.index[t] = true
		}
	}
}

// slice returns a copy of the set's terms, nil for none.
func (s *termSet) slice() []string {
	if len(s.list) == 0 {
		return nil
	}
	return slices.Clone(s.list)
}

func (s *termSet) reset() {
	clear(s.list)
	s.list = s.list[:0]
	s.index = nil
}
