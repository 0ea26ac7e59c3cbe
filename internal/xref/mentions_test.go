package xref

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// MentionedIn says what the plain search (mentionsPlain) says, for any
// text and name: its summary only spares the search of texts that
// cannot hold the name.
func TestMentionedInIsMentions(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	text := randomText(r, "api", "key", "keys", "Ünïcode", "token", "  ", "\n", "-", "é", "ci/cd", "a", "quiet", "harbor")
	held := 0
	for range 3000 {
		body := text(r.IntN(200))
		name := text(1 + r.IntN(3))
		if r.IntN(2) == 0 && len(body) > 4 {
			// A name the text holds, from anywhere in it.
			i := r.IntN(len(body) - 2)
			name = body[i : i+1+r.IntN(min(30, len(body)-i))]
		}
		c := newChanges()
		c.mention(strings.TrimSpace(name))
		m := NewMentionText(body)
		want := mentionsPlain(c, "", foldMentions(body))
		if got := c.MentionedIn("", &m); got != want {
			t.Fatalf("MentionedIn(%q, %q) = %v, the plain search says %v", body, name, got, want)
		}
		if want {
			held++
		}
	}
	if held < 500 {
		t.Errorf("only %d of the texts held their name: the test tries too few", held)
	}
}

// The summary rules out a text that does not hold a name of a few words.
func TestMentionTextRulesOut(t *testing.T) {
	m := NewMentionText(strings.Repeat("A secret is any credential a workload holds. ", 40))
	for _, n := range []string{"api key", "quiet harbor", "token vault"} {
		if m.mayHold(foldMentions(n)) {
			t.Errorf("the summary does not rule out %q", n)
		}
	}
	if !m.mayHold("credential a workload") {
		t.Error("the summary rules out a name the text holds")
	}
}

// mentionsPlain is what MentionedIn must say, without its filter: whether
// folded text (foldMentions) of a page in lang holds a name whose target
// changed, came or went there.
func mentionsPlain(c *Changes, lang, folded string) bool {
	for _, n := range c.names[lang] {
		if strings.Contains(folded, n) {
			return true
		}
	}
	return false
}

// The index finds every text MentionedIn says mentions a changed name of
// its view, and no other, as texts come, change and go.
func TestMentionIndexFindsWhatMentionedInSays(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	text := randomText(r, "api", "key", "keys", "Ünïcode", "token", "  ", "-", "é", "ci/cd", "a", "quiet", "harbor", "vault", "rotation")
	ix := NewMentionIndex[int]()
	texts := map[int]string{} // what ix holds, by key
	langs := map[int]string{}
	found := 0
	for round := range 300 {
		// Texts come, change and go; enough of them that the bitmaps
		// take several words.
		for range 1 + r.IntN(20) {
			k := r.IntN(400)
			if r.IntN(5) == 0 {
				ix.Delete(k)
				delete(texts, k)
				continue
			}
			body, lang := text(r.IntN(60)), []string{"", "de"}[r.IntN(2)]
			m := NewMentionText(body)
			ix.Set(k, lang, &m)
			texts[k], langs[k] = body, lang
		}
		if ix.Len() != len(texts) {
			t.Fatalf("round %d: the index holds %d texts, want %d", round, ix.Len(), len(texts))
		}
		c := newChanges()
		for range 1 + r.IntN(3) {
			c.lang = []string{"", "de"}[r.IntN(2)]
			name := text(1 + r.IntN(3))
			if r.IntN(2) == 0 && len(texts) > 0 {
				// A name a text holds.
				for _, body := range texts {
					if len(body) > 4 {
						i := r.IntN(len(body) - 2)
						name = body[i : i+1+r.IntN(min(20, len(body)-i))]
					}
					break
				}
			}
			c.mention(strings.TrimSpace(name))
		}
		want := []int{}
		for k, body := range texts {
			if mentionsPlain(c, langs[k], foldMentions(body)) {
				want = append(want, k)
			}
		}
		// Those skip names are left out, searched or not.
		skip := func(k int) bool { return k%7 == 0 }
		want = slices.DeleteFunc(want, skip)
		got := ix.Mentioning(c, skip)
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: Mentioning = %v, want %v (names %v)", round, got, want, c.names)
		}
		found += len(want)
	}
	if found < 1000 {
		t.Errorf("only %d texts mentioned a name: the test tries too few", found)
	}
}

// randomText returns a maker of texts of n of words, each followed by a
// space, a newline or a hyphen.
func randomText(r *rand.Rand, words ...string) func(n int) string {
	return func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(words[r.IntN(len(words))])
			b.WriteByte(" \n-"[r.IntN(3)])
		}
		return b.String()
	}
}
