package search

import (
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/nhimg/nhiglossary/internal/content"
)

// stopWords are too common to find anything by; the script drops them
// from a query's full-text part (text.txt lists them).
var stopWords = strings.Fields(`a an and are as at be by can for from has have how if in into is it its
of on or that the their then there these this those to was were what when which while who will with`)

// stopSet is stopWords as a set.
var stopSet = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range stopWords {
		m[w] = true
	}
	return m
}()

// maxWord is the longest word indexed: longer runs are hashes and ids.
const maxWord = 40

// Text builds the full-text index as the term pages render: Add may be
// called from every worker, each term's body going in as soon as it is
// known, so no body is kept until the end.
type Text struct {
	ix   *Index
	doc  map[*content.Term]int32 // a term's number: its line in names.txt
	mu   sync.Mutex
	post map[string][]int32
	seen map[*content.Term]bool

	scratch sync.Pool // *scratch
}

// scratch is where Add splits a document.
type scratch struct {
	all, buf []byte
	ends     []int
}

// NewText starts the full-text index of ix's terms.
func (ix *Index) NewText() *Text {
	tx := &Text{ix: ix, doc: make(map[*content.Term]int32, len(ix.terms)), post: map[string][]int32{}, seen: map[*content.Term]bool{}}
	for i, t := range ix.terms {
		tx.doc[t] = int32(i)
	}
	// Entries are known whole now: they go in at once.
	for i, e := range ix.entries {
		tx.add(int32(len(ix.terms)+i), e.Name, strings.Join(e.Names, " "), e.Text)
	}
	return tx
}

// add indexes the words of one entry's texts.
func (tx *Text) add(doc int32, texts ...string) {
	var buf []byte
	for _, s := range texts {
		buf = words(tx.ix.fold(s), buf, func(w []byte) {
			if len(w) < 2 || len(w) > maxWord {
				return
			}
			p, ok := tx.post[string(w)]
			if ok && p[len(p)-1] == doc {
				return
			}
			if !ok && stopSet[string(w)] {
				return
			}
			tx.post[string(w)] = append(p, doc)
		})
	}
}

// Add indexes a term's document: its names, summary and body (given as
// plain text), so that a query whose words are split between a title and
// a body still finds the term. A term not in the index, or added before,
// is ignored.
func (tx *Text) Add(t *content.Term, body string) {
	doc, ok := tx.doc[t]
	if !ok {
		return
	}
	// Split outside the lock: the words of one document, end to end,
	// in scratch space reused from document to document.
	sc, _ := tx.scratch.Get().(*scratch)
	if sc == nil {
		sc = new(scratch)
	}
	defer tx.scratch.Put(sc)
	all, ends := sc.all[:0], sc.ends[:0]
	add := func(w []byte) {
		if len(w) >= 2 && len(w) <= maxWord {
			all = append(all, w...)
			ends = append(ends, len(all))
		}
	}
	buf := sc.buf[:0]
	fold := tx.ix.fold
	buf = words(fold(t.Title.Value), buf, add)
	for _, n := range t.Abbreviations {
		buf = words(fold(n.Value), buf, add)
	}
	for _, n := range t.Synonyms {
		buf = words(fold(n.Value), buf, add)
	}
	buf = words(fold(t.Summary), buf, add)
	buf = words(fold(body), buf, add)
	sc.all, sc.ends, sc.buf = all, ends, buf

	tx.mu.Lock()
	defer tx.mu.Unlock()
	if tx.seen[t] {
		return
	}
	tx.seen[t] = true
	from := 0
	for _, end := range ends {
		w := all[from:end]
		from = end
		p, ok := tx.post[string(w)]
		if ok && p[len(p)-1] == doc {
			continue
		}
		if !ok && stopSet[string(w)] {
			continue
		}
		tx.post[string(w)] = append(p, doc)
	}
}

// Files are text.txt and the shards.
func (tx *Text) Files() []File {
	tx.mu.Lock()
	defer tx.mu.Unlock()
	post := tx.post
	for _, p := range post {
		slices.Sort(p) // terms were added in the order their pages rendered
	}
	namesHash := hashOf(tx.ix.names.Data)
	if tx.ix.stable {
		namesHash = "0"
	}

	byKey := map[string][]string{}
	for w := range post {
		k := key(w)
		byKey[k] = append(byKey[k], w)
	}
	keys := slices.Sorted(maps.Keys(byKey))
	var manifest strings.Builder
	manifest.WriteString("nhiglossary-text 1 " + namesHash + "\n")
	manifest.WriteString("stop " + strings.Join(stopWords, " ") + "\n")
	files := []File{{Path: "search/text.txt"}}
	var shard []byte
	for _, k := range keys {
		ws := byKey[k]
		slices.Sort(ws)
		shard = shard[:0]
		for _, w := range ws {
			shard = append(shard, w...)
			shard = append(shard, '\t')
			shard = appendPostings(shard, post[w])
			shard = append(shard, '\n')
		}
		f := hashed("search/t/", slices.Clone(shard))
		files = append(files, f)
		manifest.WriteString(k + "\t" + hashOf(f.Data) + "\n")
	}
	files[0].Data = []byte(manifest.String())
	return files
}

// words calls f with each lower-cased word of s, reusing buf.
func words(s string, buf []byte, f func([]byte)) []byte {
	buf = buf[:0]
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
				buf = append(buf, c)
				continue
			case c >= 'A' && c <= 'Z':
				buf = append(buf, c+'a'-'A')
				continue
			}
		} else {
			r, n := utf8.DecodeRuneInString(s[i:])
			i += n
			if unicode.IsLetter(r) || unicode.IsNumber(r) {
				buf = utf8.AppendRune(buf, unicode.ToLower(r))
				continue
			}
		}
		if len(buf) > 0 {
			f(buf)
			buf = buf[:0]
		}
	}
	if len(buf) > 0 {
		f(buf)
	}
	return buf[:0]
}

// key is the shard a word lives in: its first two letters.
func key(w string) string {
	n := 0
	for i := range w {
		if n == 2 {
			return w[:i]
		}
		n++
	}
	return w
}

// appendPostings writes sorted term numbers as gaps in base 32 (see the
// package comment): a common word costs about one byte a term.
func appendPostings(b []byte, ids []int32) []byte {
	prev := int32(-1)
	var digits [8]byte
	for _, id := range ids {
		v := id - prev - 1
		prev = id
		n := len(digits)
		n--
		digits[n] = '0' + byte(v&31)
		for v >>= 5; v > 0; v >>= 5 {
			n--
			digits[n] = 'P' + byte(v&31)
		}
		b = append(b, digits[n:]...)
	}
	return b
}
