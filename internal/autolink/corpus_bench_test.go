package autolink_test

import (
	"os"
	"testing"

	"github.com/nhimg/nhiglossary/internal/autolink"
	"github.com/nhimg/nhiglossary/internal/benchcpu"
	"github.com/nhimg/nhiglossary/internal/content"
)

// corpusNames are the auto-link names of the benchmark corpus at
// NHIGLOSSARY_BENCH_CORPUS (go run ./scripts/gencorpus -terms 10000 -out
// DIR), in the site's order, as render lists them: each term's title and
// synonyms, then its abbreviations, case-sensitive. first[i] is where
// term i's names start.
func corpusNames(b *testing.B) (names []autolink.Entry, first []int) {
	dir := os.Getenv("NHIGLOSSARY_BENCH_CORPUS")
	if dir == "" {
		b.Skip("NHIGLOSSARY_BENCH_CORPUS names no corpus")
	}
	site, diags := content.Load(os.DirFS(dir))
	if diags.HasErrors() {
		b.Fatal(diags)
	}
	for _, t := range site.Terms {
		first = append(first, len(names))
		names = append(names, autolink.Entry{Text: t.Title.Value, ID: len(names)})
		for _, s := range t.Synonyms {
			names = append(names, autolink.Entry{Text: s.Value, ID: len(names)})
		}
		for _, a := range t.Abbreviations {
			names = append(names, autolink.Entry{Text: a.Value, CaseSensitive: true, ID: len(names)})
		}
	}
	return names, append(first, len(names))
}

// BenchmarkNewCorpus builds the matcher of the corpus's names:
//
//	NHIGLOSSARY_BENCH_CORPUS=/dev/shm/corpus10k go test ./internal/autolink -run '^$' -bench Corpus -benchmem
func BenchmarkNewCorpus(b *testing.B) {
	names, _ := corpusNames(b)
	b.ReportAllocs()
	start := benchcpu.Time()
	for b.Loop() {
		autolink.New(names)
	}
	benchcpu.Report(b, start)
}

// renamedTerm is the corpus's matcher and the names of its middle term,
// names[start:end], each with " renamed" added: a title edit.
func renamedTerm(b *testing.B) (m *autolink.Matcher, first []int, start, end int, with []autolink.Entry) {
	names, first := corpusNames(b)
	t := len(first) / 2
	start, end = first[t], first[t+1]
	for _, e := range names[start:end] {
		e.Text += " renamed"
		with = append(with, e)
	}
	return autolink.New(names), first, start, end, with
}

// BenchmarkReplaceMoveCorpus moves one term's names from the middle of
// the corpus's to near its end, as a live preview's title edit does (a
// renamed term moves in the order by title): the names are taken out and
// put in again, renamed.
func BenchmarkReplaceMoveCorpus(b *testing.B) {
	m, first, start, end, with := renamedTerm(b)
	at := first[len(first)-10] - (end - start) // where they go, once taken out
	b.ReportAllocs()
	cpu := benchcpu.Time()
	for b.Loop() {
		m.Replace(start, end, nil).Replace(at, at, with)
	}
	benchcpu.Report(b, cpu)
}

// BenchmarkReplaceOneCorpus renames one term's names in place: the cost
// of one Replace, for comparison with a move's two.
func BenchmarkReplaceOneCorpus(b *testing.B) {
	m, _, start, end, with := renamedTerm(b)
	b.ReportAllocs()
	cpu := benchcpu.Time()
	for b.Loop() {
		m.Replace(start, end, with)
	}
	benchcpu.Report(b, cpu)
}
