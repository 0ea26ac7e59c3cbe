package xref

import (
	"math/bits"
	"slices"
)

// MentionIndex holds many texts (a preview's rendered pages), each under
// a key, and finds those that may mention a changed name without looking
// at every one. Each text sets, for every three-byte sequence of it, one
// of mentionBits bits; the index stores the bits transposed, one bitmap
// of texts a bit: the texts that can hold a name are those in the bitmaps
// of all its sequences, a few thousand words to AND whatever the number
// of texts. Those few are then searched (MentionedIn).
//
// At ten thousand texts of a term page's length (a thousand distinct
// sequences each) a quarter of each text's bits are set: a name of seven
// sequences or more leaves almost no text that does not hold it.
type MentionIndex[K comparable] struct {
	slot  map[K]int
	keys  []K
	texts []*MentionText // by slot; nil when free
	langs []string       // by slot: the view whose names a text is searched for
	free  []int
	words int      // uint64 words a bit's bitmap has
	bits  []uint64 // bit h's bitmap is bits[h*words : (h+1)*words]
}

// mentionBits is how many bits the sequences of a text are hashed to.
const (
	mentionLog  = 11
	mentionBits = 1 << mentionLog
)

// mentionBit is the bit that sequence s[:3] sets.
func mentionBit(s string) int {
	return int(gramHash(s) >> (64 - mentionLog))
}

func NewMentionIndex[K comparable]() *MentionIndex[K] {
	return &MentionIndex[K]{slot: map[K]int{}}
}

// Len is how many texts the index holds.
func (ix *MentionIndex[K]) Len() int { return len(ix.slot) }

// Set puts m, searched for the names of view lang, under key, in place of
// what the key had. The index keeps m: it must not change.
func (ix *MentionIndex[K]) Set(key K, lang string, m *MentionText) {
	ix.Delete(key)
	var s int
	if n := len(ix.free); n > 0 {
		s, ix.free = ix.free[n-1], ix.free[:n-1]
		ix.keys[s], ix.texts[s], ix.langs[s] = key, m, lang
	} else {
		s = len(ix.keys)
		ix.keys, ix.texts, ix.langs = append(ix.keys, key), append(ix.texts, m), append(ix.langs, lang)
		if s/64 >= ix.words {
			ix.grow()
		}
	}
	ix.slot[key] = s
	w, b := s/64, uint64(1)<<(s%64)
	for i := 0; i+3 <= len(m.folded); i++ {
		ix.bits[mentionBit(m.folded[i:])*ix.words+w] |= b
	}
}

// grow doubles the words of every bit's bitmap.
func (ix *MentionIndex[K]) grow() {
	words := max(1, 2*ix.words)
	grown := make([]uint64, mentionBits*words)
	for h := range mentionBits {
		copy(grown[h*words:], ix.bits[h*ix.words:(h+1)*ix.words])
	}
	ix.bits, ix.words = grown, words
}

// Delete takes out the text under key, if there is one.
func (ix *MentionIndex[K]) Delete(key K) {
	s, ok := ix.slot[key]
	if !ok {
		return
	}
	delete(ix.slot, key)
	var zero K
	ix.keys[s], ix.texts[s], ix.langs[s] = zero, nil, ""
	ix.free = append(ix.free, s)
	w, b := s/64, uint64(1)<<(s%64)
	for h := range mentionBits {
		ix.bits[h*ix.words+w] &^= b
	}
}

// Clear takes out every text.
func (ix *MentionIndex[K]) Clear() { *ix = *NewMentionIndex[K]() }

// Mentioning is the keys of the texts that mention a name whose target
// changed (Changes.MentionedIn), in no order, but for those skip says
// need not be searched (a page known to be stale: a list of every term
// has megabytes of text, and every name in it).
func (ix *MentionIndex[K]) Mentioning(c *Changes, skip func(K) bool) []K {
	if len(c.names) == 0 || len(ix.slot) == 0 {
		return nil
	}
	found := make([]uint64, ix.words) // slots already found
	may := make([]uint64, ix.words)
	var out []K
	for lang, names := range c.names {
		for _, n := range names {
			if len(n) < 3 { // every text may hold it
				for s := range ix.texts {
					may[s/64] |= 1 << (s % 64)
				}
			} else {
				copy(may, ix.bits[mentionBit(n)*ix.words:])
				for i := 1; i+3 <= len(n); i++ {
					row := ix.bits[mentionBit(n[i:])*ix.words:]
					for w := range may {
						may[w] &= row[w]
					}
				}
			}
			for w, word := range may {
				word &^= found[w]
				for word != 0 {
					s := w*64 + bits.TrailingZeros64(word)
					word &= word - 1
					m := ix.texts[s]
					if m == nil || ix.langs[s] != lang {
						continue
					}
					if skip(ix.keys[s]) {
						found[w] |= 1 << (s % 64)
					} else if m.holds(n) {
						found[w] |= 1 << (s % 64)
						out = append(out, ix.keys[s])
					}
				}
			}
		}
	}
	return slices.Clip(out)
}
