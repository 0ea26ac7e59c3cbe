package live

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/pprof"
	"strings"
	"syscall"
	"testing"
	"time"
)

// cpuTime is the CPU time the process has used, on every core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkLiveEdit times Update and the Get of the page a reader sees
// after one term file changed, on the corpus of scripts/gencorpus
// (NHIGLOSSARY_BENCH_TERMS terms, default 1000): "prose" edits the body,
// "summary" the summary (the page shown is one that lists the term),
// "link" adds a [[link]] (the target's backlinks), "title" renames the
// term, "newterm" adds a term. Profile with
//
//	go test ./internal/live -run '^$' -bench LiveEdit -cpuprofile /tmp/cpu.out
func BenchmarkLiveEdit(b *testing.B) {
	n := os.Getenv("NHIGLOSSARY_BENCH_TERMS")
	if n == "" {
		n = "1000"
	}
	src := filepath.Join(b.TempDir(), "corpus")
	if out, err := exec.Command("go", "run", "../../scripts/gencorpus", "-terms", n, "-out", src).CombinedOutput(); err != nil {
		b.Fatalf("gencorpus: %v\n%s", err, out)
	}
	entries, _ := os.ReadDir(filepath.Join(src, "content", "terms"))
	file := "content/terms/" + entries[0].Name()
	slug := strings.TrimSuffix(entries[0].Name(), ".md")
	other := strings.TrimSuffix(entries[1].Name(), ".md")
	orig, _ := os.ReadFile(filepath.Join(src, file))
	// A title no [[link]] names: renaming it breaks no link.
	var all strings.Builder
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(src, "content", "terms", e.Name()))
		all.Write(b)
	}
	corpus := strings.ToLower(all.String())
	var unlinked string
	var unlinkedText []byte
	titleRE := regexp.MustCompile(`(?m)^title: "?([^"\n]*)`)
	for _, e := range entries[2:] {
		b, _ := os.ReadFile(filepath.Join(src, "content", "terms", e.Name()))
		if m := titleRE.FindSubmatch(b); m != nil && !strings.Contains(corpus, "[["+strings.ToLower(string(m[1]))) {
			unlinked, unlinkedText = "content/terms/"+e.Name(), b
			break
		}
	}
	ctx := context.Background()
	l := New(os.DirFS(src), liveOpts())
	if ch := l.Update(ctx, nil); ch.Err != nil {
		b.Fatal(ch.Err, ch.Diags)
	}
	l.RenderPending(ctx)
	// A page that lists the edited term: one of its backlinks, or
	// its own.
	lister := "terms/" + slug + "/index.html"
	for _, kind := range []string{"prose", "summary", "link", "title", "newterm"} {
		b.Run(fmt.Sprintf("terms=%s/%s", n, kind), func(b *testing.B) {
			i := 0
			// CPU time as well as wall time: the machines this runs on
			// are often shared, and wall time then says little.
			cpu := cpuTime()
			defer func() { b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op") }()
			// Each kind's samples carry its name: go tool pprof
			// -tagfocus kind=title.
			pprof.SetGoroutineLabels(pprof.WithLabels(ctx, pprof.Labels("kind", kind)))
			defer pprof.SetGoroutineLabels(ctx)
			for b.Loop() {
				i++
				add := fmt.Sprintf("Edit number %d.", i)
				text := strings.Replace(string(orig), "## Why it matters", add+"\n\n## Why it matters", 1)
				path, page := file, "terms/"+slug+"/index.html"
				switch kind {
				case "link":
					if i%2 == 1 {
						text = strings.Replace(string(orig), "## Why it matters", add+" See [["+other+"]].\n\n## Why it matters", 1)
					}
					page = "terms/" + other + "/index.html"
				case "summary":
					text = regexp.MustCompile(`(?m)^summary: "?`).ReplaceAllStringFunc(string(orig), func(m string) string { return m + add + " " })
					page = lister
				case "title":
					path, page = unlinked, "terms/"+strings.TrimSuffix(filepath.Base(unlinked), ".md")+"/index.html"
					text = regexp.MustCompile(`(?m)^title: .*$`).ReplaceAllString(string(unlinkedText), fmt.Sprintf("title: Renamed %d", i))
				case "newterm":
					path = fmt.Sprintf("content/terms/bench-new-%d.md", i)
					text = fmt.Sprintf("---\ntitle: Bench New %d\nsummary: A new term.\nupdated: 2026-05-20\nrelated: [%s]\n---\nA body.\n", i, slug)
					page = fmt.Sprintf("terms/bench-new-%d/index.html", i)
				}
				os.WriteFile(filepath.Join(src, path), []byte(text), 0o644)
				ch := l.Update(ctx, []string{path})
				if ch.Err != nil {
					b.Fatal(ch.Err, ch.Diags)
				}
				if _, err := l.Get(page); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
