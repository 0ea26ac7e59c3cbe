package build

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nhimg/nhiglossary/internal/benchcorpus"
	"github.com/nhimg/nhiglossary/internal/benchcpu"
	"github.com/nhimg/nhiglossary/internal/render"
)

// BenchmarkBuild builds the synthetic corpus of scripts/gencorpus
// (package benchcorpus).
// Sizes come from NHIGLOSSARY_BENCH_TERMS (default 1000); scripts/bench-build.sh
// runs the side-by-side comparison with Hugo at 1k, 10k and 50k terms.
//
//	go test ./internal/build -run '^$' -bench Build -benchmem
func BenchmarkBuild(b *testing.B) {
	src := benchCorpus(b)
	b.Run(fmt.Sprintf("terms=%s", benchTerms()), func(b *testing.B) {
		out := filepath.Join(os.Getenv("NHIGLOSSARY_BENCH_OUT"), "public")
		if os.Getenv("NHIGLOSSARY_BENCH_OUT") == "" {
			out = filepath.Join(b.TempDir(), "public")
		}
		start := benchcpu.Time()
		for b.Loop() {
			if res, err := Build(context.Background(), src, out, opts()); err != nil {
				b.Fatalf("%v\n%v", err, res.Diags)
			}
		}
		benchcpu.Report(b, start)
	})
}

// BenchmarkRender generates every file of the corpus without writing
// any: a build's CPU (load, resolve, render) without the file system.
//
//	NHIGLOSSARY_BENCH_CORPUS=/tmp/corpus go test ./internal/build -run '^$' -bench Render -benchmem
func BenchmarkRender(b *testing.B) {
	src := benchCorpus(b)
	o := opts()
	start := benchcpu.Time()
	stop := watchLiveHeap(b)
	for b.Loop() {
		if _, err := Generate(context.Background(), os.DirFS(src), o, discard{}); err != nil {
			b.Fatal(err)
		}
	}
	stop()
	benchcpu.Report(b, start)
}

// watchLiveHeap reports the largest heap the garbage collector found live
// while the benchmark ran, as "live-MB": peak memory follows it (the heap
// grows to about twice the live heap before the next collection), and
// unlike the process's peak RSS it hardly depends on how busy the machine
// is.
func watchLiveHeap(b *testing.B) (stop func()) {
	done := make(chan struct{})
	var peak uint64
	var wg sync.WaitGroup
	wg.Go(func() {
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(s)
			peak = max(peak, s[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	})
	return func() {
		close(done)
		wg.Wait()
		b.ReportMetric(float64(peak)/(1<<20), "live-MB")
	}
}

func benchTerms() string {
	if n := os.Getenv("NHIGLOSSARY_BENCH_TERMS"); n != "" {
		return n
	}
	return "1000"
}

// benchCorpus is NHIGLOSSARY_BENCH_CORPUS, a corpus made earlier (for
// profiling), or a new one of NHIGLOSSARY_BENCH_TERMS terms.
func benchCorpus(b *testing.B) string {
	if src := os.Getenv("NHIGLOSSARY_BENCH_CORPUS"); src != "" {
		return src
	}
	n, err := strconv.Atoi(benchTerms())
	if err != nil {
		b.Fatalf("NHIGLOSSARY_BENCH_TERMS: %v", err)
	}
	src := filepath.Join(b.TempDir(), "corpus")
	if err := benchcorpus.Write(src, benchcorpus.Options{Terms: n}); err != nil {
		b.Fatalf("gencorpus: %v", err)
	}
	return src
}

// BenchmarkCheck loads and resolves the corpus: the serial start of every
// build, before any page renders.
//
//	NHIGLOSSARY_BENCH_CORPUS=/tmp/corpus go test ./internal/build -run '^$' -bench Check -benchmem
func BenchmarkCheck(b *testing.B) {
	src := benchCorpus(b)
	for b.Loop() {
		if _, diags := Check(os.DirFS(src), opts()); diags.HasErrors() {
			b.Fatal(diags)
		}
	}
}

// BenchmarkPages renders the corpus's files again and again, by kind
// (term pages, Markdown copies, term JSON, everything else), without
// loading or resolving: the render part of BenchmarkRender, to find
// where a page's time goes.
//
//	go test ./internal/build -run '^$' -bench Pages -benchmem
func BenchmarkPages(b *testing.B) {
	src := benchCorpus(b)
	o := opts()
	gs, diags := checkLanguages(os.DirFS(src), o)
	if diags.HasErrors() {
		b.Fatal(diags)
	}
	urls := []render.Assets{assetURLs(BasePath(gs[0]), nil)}
	rs, err := render.NewSite(gs, overlay{subdir(os.DirFS(src), "templates"), o.Templates}, urls, []render.Options{{}})
	if err != nil {
		b.Fatal(err)
	}
	kinds := map[string][]render.Job{}
	for _, j := range rs[0].Jobs() {
		kind := "other"
		switch {
		case j.Term != nil:
			kind = "term"
		case strings.HasSuffix(j.Path, "/index.md"):
			kind = "copy"
		case strings.HasPrefix(j.Path, "api/terms/"):
			kind = "json"
		}
		kinds[kind] = append(kinds[kind], j)
	}
	for _, kind := range []string{"term", "copy", "json", "other"} {
		jobs := kinds[kind]
		b.Run(kind, func(b *testing.B) {
			var buf bytes.Buffer
			start := benchcpu.Time()
			for b.Loop() {
				for _, j := range jobs {
					buf.Reset()
					if err := j.RenderTo(&buf); err != nil {
						b.Fatal(err)
					}
				}
			}
			benchcpu.Report(b, start)
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(jobs)), "µs/file")
		})
	}
}
