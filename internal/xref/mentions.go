package xref

import (
	"math/bits"
	"strings"
)

// MentionText is a page's Markdown as Changes.MentionedIn looks for
// names in it: folded (foldMentions), with a small summary of the
// three-byte sequences it holds. A preview looks for the changed names
// in the text of every page it rendered; the summary rules out most
// pages without a search of their text.
type MentionText struct {
	folded string
	grams  []uint64 // one bit per hashed three-byte sequence
	shift  uint8    // 64 - log2 of the bits in grams
}

// NewMentionText folds text and summarizes it.
func NewMentionText(text string) MentionText {
	m := MentionText{folded: foldMentions(text)}
	if len(m.folded) < 3 {
		return m
	}
	// Two bits a byte leave most bits clear (a text holds fewer distinct
	// sequences than bytes), so that a name of a few words sets one
	// that is clear with near certainty when the text does not hold it.
	n := max(64, min(1<<20, 1<<bits.Len(uint(2*len(m.folded)-1))))
	m.grams = make([]uint64, n/64)
	m.shift = uint8(64 - bits.TrailingZeros(uint(n)))
	for i := 0; i+3 <= len(m.folded); i++ {
		h := m.gram(m.folded[i:])
		m.grams[h/64] |= 1 << (h % 64)
	}
	return m
}

func (m *MentionText) gram(s string) uint64 {
	return gramHash(s) >> m.shift
}

// gramHash mixes the three bytes s[:3] (Fibonacci hashing): its top bits
// are the bit a sequence sets, here and in MentionIndex.
func gramHash(s string) uint64 {
	return (uint64(s[0])<<16 | uint64(s[1])<<8 | uint64(s[2])) * 0x9E3779B97F4A7C15
}

// mayHold is false when the text cannot hold folded name n.
func (m *MentionText) mayHold(n string) bool {
	if m.grams == nil || len(n) < 3 {
		return true
	}
	for i := 0; i+3 <= len(n); i++ {
		if h := m.gram(n[i:]); m.grams[h/64]&(1<<(h%64)) == 0 {
			return false
		}
	}
	return true
}

// Empty reports whether the text is blank: no name can be in it.
func (m *MentionText) Empty() bool { return m.folded == "" }

// MentionedIn reports whether m's folded text holds a name of lang's
// view that changed (the plain check MentionIndex narrows down).
func (c *Changes) MentionedIn(lang string, m *MentionText) bool {
	for _, n := range c.names[lang] {
		if m.holds(n) {
			return true
		}
	}
	return false
}

// holds reports whether the text holds folded name n.
func (m *MentionText) holds(n string) bool {
	return m.mayHold(n) && strings.Contains(m.folded, n)
}
