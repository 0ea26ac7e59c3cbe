package markdown

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestLikeRendersAsNew checks that a Renderer made Like the last one (a
// live preview's, which derives its auto-link table from the last one's)
// renders as one made anew, over random sequences of changed, added and
// removed and moved names, and with the last one still rendering as it
// did.
func TestLikeRendersAsNew(t *testing.T) {
	texts := []string{"secret", "Secrets", "API keys", "key", "access policies", "PAT", "pat", "Just-in-time access", "NHIs", "renamed", "Renamed Key"}
	rng := rand.New(rand.NewPCG(3, 4))
	var src string
	for range 60 {
		src += texts[rng.IntN(len(texts))] + " and "
	}
	doc := Doc{Self: "secret", Autolink: true}
	for _, mode := range []string{"first", "all"} {
		opts := Options{Autolink: mode}
		cur := slices.Clone(names)
		last := New(opts, linker, cur)
		for i := range 200 {
			before := last.Render(src, doc)
			next := slices.Clone(cur)
			k := rng.IntN(len(next) + 1)
			switch rng.IntN(5) {
			case 0: // a new name
				next = slices.Insert(next, k, autoName(texts[rng.IntN(len(texts))], fmt.Sprint("t", i), fmt.Sprint("T", i), rng.IntN(3) == 0))
			case 1: // a name gone
				if k < len(next) {
					next = slices.Delete(next, k, k+1)
				}
			case 2: // a title changed: its name and its link's title
				if k < len(next) {
					next[k].Text = texts[rng.IntN(len(texts))]
					next[k].Link.Title = next[k].Text
				}
			case 3: // a term's names moved, as a renamed term does in an order by title
				if k < len(next) {
					n := min(1+rng.IntN(3), len(next)-k)
					moved := slices.Clone(next[k : k+n])
					if rng.IntN(2) == 0 {
						moved[0].Link.Title = fmt.Sprint("Moved ", i)
					}
					next = slices.Delete(next, k, k+n)
					next = slices.Insert(next, rng.IntN(len(next)+1), moved...)
				}
			}
			opts.Like = last
			like := New(opts, linker, next)
			opts.Like = nil
			want := New(opts, linker, next).Render(src, doc)
			if diff := cmp.Diff(want, like.Render(src, doc)); diff != "" {
				t.Fatalf("%s, step %d: made Like the last (-new +like):\n%s", mode, i, diff)
			}
			if diff := cmp.Diff(before, last.Render(src, doc)); diff != "" {
				t.Fatalf("%s, step %d: the last renderer changed (-before +after):\n%s", mode, i, diff)
			}
			cur, last = next, like
		}
	}
}
