package xref

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nhimg/nhiglossary/internal/content"
)

// Resolving with a Memo gives what resolving without one gives, as the
// files change: the memo is of texts, and a changed file brings new ones.
func TestMemoResolvesAsWithout(t *testing.T) {
	versions := []map[string]string{
		{
			"content/terms/a.md": term("A", "related: [b]", "---", "See [[B]]. Water is H<sub>2</sub>O."),
			"content/terms/b.md": term("B", "---", "See [[A]] and [[Nowhere]]."),
		},
		{ // b's body links elsewhere now; a is as it was
			"content/terms/a.md": term("A", "related: [b]", "---", "See [[B]]. Water is H<sub>2</sub>O."),
			"content/terms/b.md": term("B", "---", "See [[C]], a [file](c.md)."),
			"content/terms/c.md": term("C", "---", "See [[A]]."),
		},
		{ // a is renamed: its title sorts elsewhere
			"content/terms/a.md": term("Zed", "related: [b]", "---", "See [[B]]."),
			"content/terms/b.md": term("B", "---", "See [[C]], a [file](c.md)."),
			"content/terms/c.md": term("C", "---", "See [[Zed]]."),
		},
	}
	memo := &Memo{}
	var prev *content.Site
	for i, files := range versions {
		site := load(t, files)
		// As in a live preview, an unchanged file keeps its term (and
		// its texts, which the memo knows).
		for j, t2 := range site.Terms {
			if prev == nil {
				break
			}
			for _, t1 := range prev.Terms {
				if t1.File == t2.File && versions[i-1][t1.File] == files[t2.File] {
					site.Terms[j] = t1
				}
			}
		}
		prev = site
		g1, d1 := Resolve(site, Options{Memo: memo})
		g2, d2 := Resolve(load(t, files), Options{})
		if diff := cmp.Diff(fmt.Sprint(d2), fmt.Sprint(d1)); diff != "" {
			t.Errorf("version %d: problems (-without +with memo):\n%s", i, diff)
		}
		if got, want := slugs(g1.Terms), slugs(g2.Terms); !cmp.Equal(got, want) {
			t.Errorf("version %d: terms %v with the memo, %v without", i, got, want)
		}
		for _, t2 := range g2.Terms {
			t1 := g1.TermBySlug[t2.Slug.Value]
			if got, want := slugs(g1.ReferencedBy[t1]), slugs(g2.ReferencedBy[t2]); !cmp.Equal(got, want) {
				t.Errorf("version %d: %s is referenced by %v with the memo, %v without", i, t2.Slug.Value, got, want)
			}
		}
	}
}

// A memo forgets what the last rounds did not use: a preview edits for
// hours, and each edit brings new texts.
func TestMemoForgetsUnusedTexts(t *testing.T) {
	memo := &Memo{}
	for i := range 40 {
		files := map[string]string{
			"content/terms/a.md": term("A", "---", fmt.Sprintf("Version %d of [[A]].", i)),
		}
		Resolve(load(t, files), Options{Memo: memo})
	}
	// One text a round; those of the last eight to sixteen rounds stay.
	if n := len(memo.links); n > 17 {
		t.Errorf("the memo keeps the links of %d texts after 40 rounds of one", n)
	}
}

// A memo keeps what every round uses: a preview's unchanged terms are
// checked once, however many edits follow.
func TestMemoKeepsTermsInUse(t *testing.T) {
	memo := &Memo{}
	s := load(t, map[string]string{"content/terms/a.md": term("A", "---", "See [[A]].")})
	Resolve(s, Options{Memo: memo})
	v := view{lang: s.Lang}
	first := memo.last[v].terms[s.Terms[0]]
	for range 20 {
		Resolve(s, Options{Memo: memo})
	}
	if res := memo.last[v].terms[s.Terms[0]]; first == nil || res != first {
		t.Errorf("a term every round kept was checked again")
	}
}
