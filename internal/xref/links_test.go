package xref

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"testing"

	"github.com/nhimg/nhiglossary/internal/content"
)

// A linkTable changed again and again holds what a plain map changed
// alike holds, whether its changes stay on top of its base or are merged.
func TestLinkTableIsAMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	terms := []*content.Term{{}, {}, {}}
	want := map[string]Target{}
	for i := range 20 {
		want[fmt.Sprint(i)] = Target{Kind: KindTerm, Term: terms[i%3]}
	}
	table := linkTable{base: maps.Clone(want)}
	for round := range 50 {
		keys := map[string]bool{}
		for range 1 + rng.IntN(round*3+1) {
			key := fmt.Sprint(rng.IntN(300))
			keys[key] = true
			if rng.IntN(3) == 0 {
				delete(want, key)
			} else {
				want[key] = Target{Kind: KindTerm, Term: terms[rng.IntN(3)]}
			}
		}
		table = table.with(keys, func(key string) (Target, bool) { v, ok := want[key]; return v, ok })
		got := map[string]Target{}
		for k, v := range table.all() {
			got[k] = v
		}
		if !maps.Equal(got, want) || table.len() != len(want) {
			t.Fatalf("round %d: the table holds %d names, %d by len, a map %d", round, len(got), table.len(), len(want))
		}
		for i := range 300 {
			k := fmt.Sprint(i)
			v, in := want[k]
			if g, ok := table.get(k); ok != in || g != v {
				t.Fatalf("round %d: get(%q) = %v, %v; want %v, %v", round, k, g, ok, v, in)
			}
		}
	}
}
