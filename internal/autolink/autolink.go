// Package autolink finds mentions of known names (term titles, synonyms,
// abbreviations) in plain text, for auto-linking.
//
// A Matcher is built once over every name of a site and then used by many
// goroutines. It is a trie over words, so finding mentions costs one map
// look-up per word of the text, whatever the number of names.
//
// Names and texts are compared word by word:
//
//   - A word is a run of letters, digits and underscores; a mention must
//     start and end on a word boundary ("key" is not found in "keyboard").
//   - Words are compared case-insensitively, after folding simple English
//     plurals (keys ~ key, policies ~ policy, caches ~ cache; "access" stays
//     "access"). A CaseSensitive name (an abbreviation) must match exactly,
//     or with a plural "s" ("PATs" ~ "PAT", but not "pat").
//   - Between two words, any run of spaces or a single hyphen is the same
//     separator ("just in time" ~ "Just-in-Time"); other punctuation must
//     be the same ("CI/CD", "OAuth 2.0").
//   - At each word, the longest name wins ("Secrets Sprawl" over "Secret"),
//     and the text it covers is consumed: mentions never overlap.
//
// Names that start or end with punctuation ("C#", ".NET") or that have more
// than maxWords (16) words are never found.
package autolink

import (
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxWords bounds the number of words of a name.
const maxWords = 16

// maxSep bounds the punctuation between two words of a name.
const maxSep = 8

// Entry is one name to look for.
type Entry struct {
	Text          string
	CaseSensitive bool
	ID            int // the caller's own reference, returned as is
}

// A Matcher finds names in texts. It is safe for concurrent use.
//
// It is a trie whose edges are (separator, word) pairs. The tables are
// keyed by integers: finding mentions is one or two look-ups per word of a
// page.
type Matcher struct {
	words    table             // hash of a folded word -> word id
	wordText []string          // word id -> folded word, to rule out hash collisions
	seps     map[string]uint32 // separator other than space or hyphen -> id (from 1)
	edges    table             // edgeKey -> child node; the root is node 0
	first    []uint32          // word id -> child of the root (0: none), the common look-up
	end      []int32           // node -> first entry whose last word it is, or -1
	entries  []entry
}

// Limits of edgeKey.
const (
	maxSepIDs  = 1<<8 - 1
	maxWordIDs = 1 << 24
)

func edgeKey(node, sep, word uint32) uint64 {
	return uint64(node)<<32 | uint64(sep)<<24 | uint64(word)
}

type entry struct {
	Entry
	words []string // the original words, kept for case-sensitive entries
	node  uint32   // the node of its last word; 0 (the root): never matched
	next  int32    // the next entry ending at the same node, or -1
}

type span struct{ start, end int }

// New builds a Matcher over names. Names that cannot be matched (empty,
// starting or ending with punctuation, too long) are left out.
func New(names []Entry) *Matcher {
	m := &Matcher{
		seps:    map[string]uint32{},
		end:     make([]int32, 1, 1+len(names)*2),
		entries: make([]entry, 0, len(names)),
	}
	m.end[0] = -1
	var b builder
	for _, e := range names {
		m.entries = append(m.entries, m.entry(e, &b))
	}
	m.link()
	m.padFirst()
	return m
}

// Replace returns the Matcher New would make of m's names with
// names[start:end] replaced by with; m is left as it is. It costs a copy
// of m's tables and a walk of its entries, not a look-up of every word of
// every name: a live preview changes a few names of thousands. Names that
// went leave their words and trie nodes behind, which match nothing.
func (m *Matcher) Replace(start, end int, with []Entry) *Matcher {
	n := &Matcher{
		words:    m.words.clone(),
		wordText: slices.Clip(m.wordText), // appended to: never in m's array
		seps:     maps.Clone(m.seps),
		edges:    m.edges.clone(),
		first:    slices.Clone(m.first),
		end:      make([]int32, len(m.end), cap(m.end)), // link() fills it
		entries:  make([]entry, 0, len(m.entries)-(end-start)+len(with)),
	}
	n.entries = append(n.entries, m.entries[:start]...)
	var b builder
	for _, e := range with {
		n.entries = append(n.entries, n.entry(e, &b))
	}
	n.entries = append(n.entries, m.entries[end:]...)
	n.link()
	n.padFirst()
	return n
}

// link lists each node's entries, in the order of the names: linked
// from the last, each put in front, so that no list is walked (many
// names alike would make that quadratic).
func (m *Matcher) link() {
	for i := range m.end {
		m.end[i] = -1
	}
	for x := int32(len(m.entries)) - 1; x >= 0; x-- {
		if node := m.entries[x].node; node != 0 {
			m.entries[x].next = m.end[node]
			m.end[node] = x
		}
	}
}

// builder is the scratch space of entry.
type builder struct {
	fold  []byte
	words []span
	ids   [maxWords]struct{ sep, word uint32 }
}

// entry returns e's entry, its trie node made if need be; not linked to
// the node's other entries, and with node 0 when e cannot be matched.
func (m *Matcher) entry(e Entry, b *builder) entry {
	en := entry{Entry: e, next: -1}
	b.words = splitName(e.Text, b.words[:0])
	if b.words == nil {
		return en
	}
	for k, w := range b.words {
		var sep uint32
		if k > 0 {
			if sep = m.sepID(e.Text[b.words[k-1].end:w.start], true); sep >= maxSepIDs {
				return en
			}
		}
		b.fold = foldWord(b.fold[:0], e.Text[w.start:w.end])
		wid, ok := m.wordID(b.fold, true)
		if !ok {
			return en
		}
		b.ids[k].sep, b.ids[k].word = sep, wid
	}
	node := uint32(0)
	for _, id := range b.ids[:len(b.words)] {
		node = m.child(node, id.sep, id.word)
	}
	en.node = node
	if e.CaseSensitive {
		for _, w := range b.words {
			en.words = append(en.words, e.Text[w.start:w.end])
		}
	}
	return en
}

// padFirst gives every word an entry in first: words that start no name.
func (m *Matcher) padFirst() {
	for len(m.first) < len(m.wordText) {
		m.first = append(m.first, 0)
	}
}

// wordID returns the id of a folded word, adding it if add is set. ok is
// false for a word no name has, or that cannot be added.
func (m *Matcher) wordID(fold []byte, add bool) (id uint32, ok bool) {
	h := hashWord(fold)
	if id, ok = m.words.get(h); ok {
		return id, m.wordText[id] == string(fold)
	}
	if !add || len(m.wordText) == maxWordIDs {
		return 0, false
	}
	id = uint32(len(m.wordText))
	m.words.put(h, id)
	m.wordText = append(m.wordText, string(fold))
	return id, true
}

// hashWord is FNV-1a: words are short, and it needs no call.
func hashWord(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// child returns the child of node by sep and word, made if need be.
func (m *Matcher) child(node, sep, word uint32) uint32 {
	if node == 0 {
		for int(word) >= len(m.first) {
			m.first = append(m.first, 0)
		}
		if m.first[word] == 0 {
			m.first[word] = m.newNode()
		}
		return m.first[word]
	}
	key := edgeKey(node, sep, word)
	c, ok := m.edges.get(key)
	if !ok {
		c = m.newNode()
		m.edges.put(key, c)
	}
	return c
}

func (m *Matcher) newNode() uint32 {
	m.end = append(m.end, -1)
	return uint32(len(m.end) - 1)
}

// splitName returns the words of a name, or nil when it cannot be matched.
func splitName(name string, words []span) []span {
	name = strings.TrimSpace(name)
	for i := 0; ; {
		s, e := nextWord(name, i)
		if s < 0 {
			break
		}
		if len(words) == maxWords {
			return nil
		}
		if s > i && (i == 0 || sepKind(name[i:s]) < 0) {
			return nil // leading punctuation, or an impossible separator
		}
		words = append(words, span{s, e})
		i = e
	}
	if len(words) == 0 || words[0].start != 0 || words[len(words)-1].end != len(name) {
		return nil
	}
	return words
}

// sepID returns the id of the separator s between two words: 0 for spaces
// or one hyphen; when add is false, ^0 for a separator no name has.
func (m *Matcher) sepID(s string, add bool) uint32 {
	switch sepKind(s) {
	case 0:
		return 0
	case -1:
		return ^uint32(0)
	}
	var buf [maxSep]byte
	key := collapseSpaces(buf[:0], s)
	id, ok := m.seps[string(key)]
	if !ok {
		if !add {
			return ^uint32(0)
		}
		id = uint32(len(m.seps) + 1)
		m.seps[string(key)] = id
	}
	return id
}

// sepKind is 0 for a separator that is spaces or one hyphen, -1 for one
// that is too long or has a line break in its punctuation, 1 otherwise.
func sepKind(s string) int {
	if s == "-" {
		return 0
	}
	if len(s) > maxSep {
		if strings.TrimSpace(s) == "" {
			return 0
		}
		return -1
	}
	for i := 0; i < len(s); i++ {
		if !isSpace(s[i]) {
			return 1
		}
	}
	return 0
}

// collapseSpaces appends s to dst with each run of spaces made one space.
func collapseSpaces(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if !isSpace(s[i]) {
			dst = append(dst, s[i])
		} else if i == 0 || !isSpace(s[i-1]) {
			dst = append(dst, ' ')
		}
	}
	return dst
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// Find calls fn for each mention in text, left to right, with its byte
// offsets and the entry found; fn returns false to stop. The text a
// mention covers is consumed whatever fn does with it.
func (m *Matcher) Find(text string, fn func(start, end int, e Entry) bool) {
	var path [maxWords]span
	ws := words{m: m, text: text}
	for i := 0; ws.at(i) != nil; {
		best, bestN := -1, 0
		node := uint32(0)
		for n := 0; n < maxWords; n++ {
			w := ws.at(i + n)
			if w == nil || !w.known {
				break
			}
			if n == 0 {
				if node = m.first[w.id]; node == 0 {
					break
				}
			} else {
				sep := m.sepID(text[path[n-1].end:w.start], false)
				if sep == ^uint32(0) {
					break
				}
				var ok bool
				if node, ok = m.edges.get(edgeKey(node, sep, w.id)); !ok {
					break
				}
			}
			path[n] = span{w.start, w.end}
			if m.end[node] >= 0 {
				if x := m.accept(node, text, path[:n+1]); x >= 0 {
					best, bestN = x, n+1
				}
			}
		}
		if best < 0 {
			i++
			continue
		}
		if !fn(path[0].start, path[bestN-1].end, m.entries[best].Entry) {
			return
		}
		i += bestN
	}
}

// words reads the words of a text once each, keeping the last maxWords
// (a power of two): as many as a walk down the trie looks ahead.
type words struct {
	m     *Matcher
	text  string
	pos   int // where the next word is looked for
	ring  [maxWords]word
	next  uint // index of the next word to read
	fold  [64]byte
	atEOF bool
}

type word struct {
	start, end int
	id         uint32
	known      bool // some name has the word
}

// at returns word i of the text, or nil past its end. i is never less than
// a previous i.
func (ws *words) at(i int) *word {
	for ws.next <= uint(i) {
		if ws.atEOF {
			return nil
		}
		w := &ws.ring[ws.next%maxWords]
		if !ws.read(w) {
			ws.atEOF = true
			return nil
		}
		ws.next++
	}
	return &ws.ring[uint(i)%maxWords]
}

// read reads the next word of the text into w: its bounds, and its id,
// looked up in its folded form. It is false at the end of the text.
func (ws *words) read(w *word) bool {
	t, i := ws.text, ws.pos
	for i < len(t) && wordByte[t[i]] == 0 {
		i++
	}
	start := i
	var seen uint16 // the bits of wordByte of the word's bytes
	for ; i < len(t); i++ {
		b := wordByte[t[i]]
		if b == 0 {
			break
		}
		if b&nonASCII != 0 || i-start == len(ws.fold) {
			return ws.readSlow(w, start)
		}
		seen |= b
		ws.fold[i-start] = byte(b)
	}
	if i == start {
		return false
	}
	ws.pos = i
	w.start, w.end = start, i
	fold := foldTail(ws.fold[:i-start], t[start:i], seen&lowerCase == 0)
	w.id, w.known = ws.m.wordID(fold, false)
	return true
}

// wordByte is, for a byte of a word, its lower-case form and flags; 0 for
// a byte that is not in a word.
var wordByte = func() (t [256]uint16) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = nonASCII
		case 'a' <= c && c <= 'z':
			t[c] = uint16(c) | lowerCase
		case 'A' <= c && c <= 'Z':
			t[c] = uint16(c + 'a' - 'A')
		case asciiWord[c]:
			t[c] = uint16(c)
		}
	}
	return t
}()

const (
	lowerCase = 1 << 8
	nonASCII  = 1 << 9
)

// readSlow is read for a text with other than ASCII from byte i on.
func (ws *words) readSlow(w *word, i int) bool {
	s, e := nextWord(ws.text, i)
	if s < 0 {
		return false
	}
	ws.pos = e
	w.start, w.end = s, e
	w.id, w.known = ws.m.wordID(foldWord(ws.fold[:0], ws.text[s:e]), false)
	return true
}

// accept returns the entry ending at node that the words of path match, or
// -1: a case-sensitive entry that matches exactly first, else the first
// case-insensitive one.
func (m *Matcher) accept(node uint32, text string, path []span) int {
	found := -1
	for x := m.end[node]; x >= 0; x = m.entries[x].next {
		e := &m.entries[x]
		if !e.CaseSensitive {
			if found < 0 {
				found = int(x)
			}
			continue
		}
		if exact(e.words, text, path) {
			return int(x)
		}
	}
	return found
}

func exact(words []string, text string, path []span) bool {
	for k, w := range words {
		t := text[path[k].start:path[k].end]
		if t != w && (len(t) != len(w)+1 || t[len(w)] != 's' || t[:len(w)] != w) {
			return false
		}
	}
	return true
}

// nextWord returns the bounds of the first word at or after byte i of s,
// or -1, -1.
func nextWord(s string, i int) (start, end int) {
	start = -1
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiWord[c] {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			break
		}
		i += size
	}
	if i == len(s) {
		return -1, -1
	}
	start = i
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if !asciiWord[c] {
				return start, i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			return start, i
		}
		i += size
	}
	return start, i
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
	}
	return t
}()
