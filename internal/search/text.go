package search

import (
	"maps"
	"slices"
	"strings"
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

// Words are the distinct indexable words of a term's document: its
// names, summary and body (given as plain text), so that a query whose
// words are split between a title and a body still finds the term. They
// can be worked out on every core, as each page renders.
func Words(t *content.Term, body string) []string {
	seen := map[string]struct{}{}
	var out []string
	add := func(w []byte) {
		if len(w) < 2 || len(w) > maxWord {
			return
		}
		if _, ok := seen[string(w)]; ok {
			return
		}
		s := string(w)
		seen[s] = struct{}{}
		if !stopSet[s] {
			out = append(out, s)
		}
	}
	var buf []byte
	buf = words(t.Title.Value, buf, add)
	for _, n := range t.Abbreviations {
		buf = words(n.Value, buf, add)
	}
	for _, n := range t.Synonyms {
		buf = words(n.Value, buf, add)
	}
	buf = words(t.Summary, buf, add)
	words(body, buf, add)
	return out
}

// buildText writes text.txt and the full-text shards from each term's
// Words.
func buildText(ts []*content.Term, wordsOf func(*content.Term) []string, namesHash string) []File {
	post := map[string][]int32{}
	for i, t := range ts {
		for _, w := range wordsOf(t) {
			post[w] = append(post[w], int32(i))
		}
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
