package xref

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/diag"
)

// genSite builds a glossary of n terms in memory, shaped like the
// benchmark corpus: a few synonyms, related terms, incidents and mappings
// per term, and a body of about 3 KB with [[links]] and a code block.
func genSite(n int) *content.Site {
	rng := rand.New(rand.NewPCG(1, 2))
	name := func(v string, file string, line int) content.Name {
		return content.Name{Value: v, Pos: diag.Pos{File: file, Line: line, Col: 8}}
	}
	s := &content.Site{}
	controls := make([]*content.Control, 10)
	for i := range controls {
		controls[i] = &content.Control{ID: content.Name{Value: fmt.Sprintf("NHI%d", i+1)}, Title: "Control"}
	}
	s.Frameworks = []*content.Framework{
		{File: "content/frameworks/owasp.yaml", ID: "owasp", Name: "OWASP", Controls: controls},
		{File: "content/frameworks/zero-trust.yaml", ID: "zero-trust", Name: "Zero Trust"},
	}
	for i := range max(n/20, 1) {
		file := fmt.Sprintf("content/incidents/incident-%d.md", i)
		s.Incidents = append(s.Incidents, &content.Incident{
			File: file, Slug: name(fmt.Sprintf("incident-%d", i), file, 0), Title: name(fmt.Sprintf("Incident %d", i), file, 2),
			Date:    time.Date(2020+i%6, time.Month(1+i%12), 1+i%28, 0, 0, 0, 0, time.UTC),
			Summary: content.Markdown{Text: fmt.Sprintf("Linked to [[Term %d]].", rng.IntN(n))},
		})
	}
	filler := strings.Repeat("Machine credentials outlive the systems that created them, and nobody owns them. ", 8)
	for i := range n {
		file := fmt.Sprintf("content/terms/term-%d.md", i)
		t := &content.Term{
			File:          file,
			Slug:          name(fmt.Sprintf("term-%d", i), file, 0),
			Title:         name(fmt.Sprintf("Term %d", i), file, 2),
			Synonyms:      []content.Name{name(fmt.Sprintf("synonym %d", i), file, 5), name(fmt.Sprintf("other name %d", i), file, 5)},
			Abbreviations: []content.Name{name(fmt.Sprintf("T%d", i), file, 6)},
			Redirects:     []content.Name{name(fmt.Sprintf("old-term-%d", i), file, 7)},
			Incidents:     []content.Name{name(fmt.Sprintf("incident-%d", rng.IntN(len(s.Incidents))), file, 9)},
			Mappings: []content.Mapping{
				{Framework: name("owasp", file, 10), Control: name(fmt.Sprintf("nhi%d", 1+rng.IntN(10)), file, 11),
					Relevance: content.Markdown{Text: fmt.Sprintf("See [[T%d]].", rng.IntN(n))}},
				{Framework: name("zero-trust", file, 12)},
			},
			Examples: []content.Markdown{{Text: fmt.Sprintf("An example with [[synonym %d]].", rng.IntN(n))}},
		}
		for range 4 {
			if j := rng.IntN(n); j != i {
				t.Related = append(t.Related, name(fmt.Sprintf("term-%d", j), file, 8))
			}
		}
		var b strings.Builder
		for p := range 4 {
			fmt.Fprintf(&b, "%s See [[Term %d]] and [[other name %d|another]].\n\n", filler, rng.IntN(n), rng.IntN(n))
			if p == 1 {
				b.WriteString("```yaml\nkey: [[not a link]]\n```\n\n")
			}
		}
		t.Body = content.Markdown{Text: b.String(), Pos: diag.Pos{File: file, Line: 14, Col: 1}}
		s.Terms = append(s.Terms, t)
	}
	return s
}

func BenchmarkResolve(b *testing.B) {
	for _, n := range []int{10_000} {
		b.Run(fmt.Sprintf("terms=%d", n), func(b *testing.B) {
			s := genSite(n)
			_, diags := Resolve(s, Options{})
			if diags.HasErrors() {
				b.Fatalf("the generated site has errors:\n%v", diags[:min(len(diags), 10)])
			}
			b.ReportAllocs()
			for b.Loop() {
				Resolve(s, Options{})
			}
		})
		// As a live preview resolves again after an edit: the texts
		// are those of the last call.
		b.Run(fmt.Sprintf("terms=%d/memo", n), func(b *testing.B) {
			s := genSite(n)
			memo := &Memo{}
			Resolve(s, Options{Memo: memo})
			b.ReportAllocs()
			for b.Loop() {
				Resolve(s, Options{Memo: memo})
			}
		})
	}
}

// BenchmarkResolveEdit times what a live preview pays to resolve and
// diff the site again after one term file changed, with the Memo of the
// last call: "link" adds a [[link]] to a body, "title" renames a term,
// "newterm" adds a term that lists another as related.
func BenchmarkResolveEdit(b *testing.B) {
	for _, kind := range []string{"link", "title", "newterm"} {
		b.Run("terms=10000/"+kind, func(b *testing.B) {
			s := genSite(10_000)
			memo := &Memo{}
			prev, _ := Resolve(s, Options{Memo: memo})
			i := 0
			cpu := cpuTime()
			for b.Loop() {
				i++
				t := *s.Terms[0]
				switch kind {
				case "link":
					t.Body.Text = fmt.Sprintf("%s See [[Term %d]].", s.Terms[0].Body.Text, i)
					s.Terms[0] = &t
				case "title":
					t.Title.Value = fmt.Sprintf("Renamed %d", i)
					s.Terms[0] = &t
				case "newterm":
					file := fmt.Sprintf("content/terms/new-%d.md", i)
					s.Terms = append(s.Terms, &content.Term{File: file, Slug: content.Name{Value: fmt.Sprintf("new-%d", i)},
						Title: content.Name{Value: fmt.Sprintf("New %d", i)}, Related: []content.Name{{Value: "term-1"}},
						Body: content.Markdown{Text: "A body."}})
				}
				next, _ := Resolve(s, Options{Memo: memo})
				diffOne(prev, next)
				prev = next
			}
			b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}

// cpuTime is the CPU time the process has used, on every core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
