package xref

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/diag"
	"github.com/nhimg/nhiglossary/internal/proptest"
)

// resolveBoth resolves s with opts, Memo and all, and again without the
// Memo; d is how the two differ (-full +incremental), "" when alike.
func resolveBoth(s *content.Site, opts Options) (next *Graph, d string) {
	next, diags := Resolve(s, opts)
	full := opts
	full.Memo = nil
	want, wantDiags := Resolve(s, full)
	return next, cmp.Diff(dumpGraph(want, wantDiags), dumpGraph(next, diags))
}

// diffDelta is how Diff from prev to next, using what next's Resolve
// knew changed, differs from Diff comparing everything (-whole +delta).
func diffDelta(prev, next *Graph) string {
	whole := *next
	whole.delta = nil
	return cmp.Diff(dumpChanges(diffOne(prev, &whole)), dumpChanges(diffOne(prev, next)))
}

// An incident's slug and title swap: the names a did-you-mean may suggest
// are the same, but the list of incident slugs is not, and a term's hint
// for an unknown incident changes (a review finding).
func TestIncrementalIncidentSlugAndTitleSwap(t *testing.T) {
	inc := &content.Incident{File: "content/incidents/a.md", Slug: content.Name{Value: "breach-2024", Pos: diag.Pos{File: "content/incidents/a.md", Line: 1}},
		Title: content.Name{Value: "leak-2024", Pos: diag.Pos{File: "content/incidents/a.md", Line: 2}}, Date: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
	tm := place(&content.Term{File: "content/terms/t.md", Slug: content.Name{Value: "t"}, Title: content.Name{Value: "T"},
		Incidents: []content.Name{{Value: "leak-2025"}}})
	s := &content.Site{Terms: []*content.Term{tm}, Incidents: []*content.Incident{inc}}
	opts := Options{Memo: &Memo{}}
	Resolve(s, opts)
	inc2 := *inc
	inc2.Slug.Value, inc2.Title.Value = inc.Title.Value, inc.Slug.Value
	s.Incidents = []*content.Incident{&inc2}
	if _, d := resolveBoth(s, opts); d != "" {
		t.Errorf("swap: incremental differs (-full +incremental):\n%s", d)
	}
}

// The property test, with several edits per Resolve (a live Update of
// several files).
func TestIncrementalSeveralEditsAtOnce(t *testing.T) {
	for seed := range proptest.Seeds(t, 20) {
		rng := rand.New(rand.NewPCG(seed, 99))
		opts := Options{Drafts: seed%3 == 0, ReportDraftLinks: seed%2 == 0}
		gen := &siteGen{rng: rng}
		site := gen.site()
		opts.Memo = &Memo{}
		prev, _ := Resolve(site, opts)
		var history []string
		for step := range 25 {
			for range 1 + rng.IntN(4) {
				history = append(history, gen.edit(site))
			}
			next, d := resolveBoth(site, opts)
			if d != "" {
				t.Fatalf("seed %d step %d after %s:\n%s", seed, step, strings.Join(history, "; "), d)
			}
			if d := diffDelta(prev, next); d != "" {
				t.Fatalf("diff seed %d step %d after %s:\n%s", seed, step, strings.Join(history, "; "), d)
			}
			prev = next
		}
	}
}

// One memo, two views resolved in turns.
func TestIncrementalViewsShareAMemo(t *testing.T) {
	for seed := range proptest.Seeds(t, 15) {
		rng := rand.New(rand.NewPCG(seed, 5))
		gen := &siteGen{rng: rng}
		site := gen.site()
		memo := &Memo{}
		views := []Options{{Drafts: true, ReportDraftLinks: true, Memo: memo}, {Memo: memo}}
		for step := range 30 {
			if step%2 == 0 {
				gen.edit(site)
			}
			if _, d := resolveBoth(site, views[rng.IntN(2)]); d != "" {
				t.Fatalf("seed %d step %d:\n%s", seed, step, d)
			}
		}
	}
}

// Diff uses what a Resolve knew changed only against the Graph it
// continued from: not against another Memo's Graph, whose place in its
// own sequence may be the same (graphs were numbered per Memo once).
func TestDiffWithAnotherMemosGraphComparesEverything(t *testing.T) {
	for seed := range proptest.Seeds(t, 10) {
		gen := &siteGen{rng: rand.New(rand.NewPCG(seed, 3))}
		site := gen.site()
		a, _ := Resolve(site, Options{Memo: &Memo{}})
		for range 3 {
			gen.edit(site) // what a lacks, and b's delta does not say
		}
		memo := &Memo{}
		Resolve(site, Options{Memo: memo})
		gen.edit(site)
		b, _ := Resolve(site, Options{Memo: memo})
		whole := *b
		whole.delta = nil
		if d := cmp.Diff(dumpChanges(diffOne(a, &whole)), dumpChanges(diffOne(a, b))); d != "" {
			t.Fatalf("seed %d: Diff took the other Memo's changes (-all +used):\n%s", seed, d)
		}
	}
}
