package live

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkLiveEdit times Live.Update after one term file changed, on the
// corpus of ../shared/bench/gencorpus.py (NHIGLOSSARY_BENCH_TERMS terms,
// default 1000): "prose" edits the body only (the short way: its page
// renders again), "summary" the summary (the pages listing the term too),
// "link" adds a [[link]] (the whole site resolves again). Profile with
//
//	go test ./internal/build -run '^$' -bench LiveEdit -cpuprofile /tmp/cpu.out
func BenchmarkLiveEdit(b *testing.B) {
	gen, _ := filepath.Abs("../../../shared/bench/gencorpus.py")
	if _, err := os.Stat(gen); err != nil {
		b.Skip("no ../shared/bench/gencorpus.py beside the repo")
	}
	n := os.Getenv("NHIGLOSSARY_BENCH_TERMS")
	if n == "" {
		n = "1000"
	}
	src := filepath.Join(b.TempDir(), "corpus")
	if out, err := exec.Command("python3", gen, "--terms", n, "--out", src).CombinedOutput(); err != nil {
		b.Fatalf("gencorpus: %v\n%s", err, out)
	}
	entries, _ := os.ReadDir(filepath.Join(src, "content", "terms"))
	file := "content/terms/" + entries[0].Name()
	other := strings.TrimSuffix(entries[1].Name(), ".md")
	orig, _ := os.ReadFile(filepath.Join(src, file))
	ctx := context.Background()
	l := New(os.DirFS(src), liveOpts())
	if ch := l.Update(ctx, nil); ch.Err != nil {
		b.Fatal(ch.Err, ch.Diags)
	}
	l.RenderPending(ctx)
	for _, kind := range []string{"prose", "summary", "link"} {
		b.Run(fmt.Sprintf("terms=%s/%s", n, kind), func(b *testing.B) {
			i := 0
			for b.Loop() {
				i++
				add := fmt.Sprintf("Edit number %d.", i)
				if kind == "link" && i%2 == 1 {
					add += " See [[" + other + "]]."
				}
				text := strings.Replace(string(orig), "## Why it matters", add+"\n\n## Why it matters", 1)
				if kind == "summary" {
					text = strings.Replace(string(orig), "summary: \"", "summary: \""+add+" ", 1)
				}
				os.WriteFile(filepath.Join(src, file), []byte(text), 0o644)
				ch := l.Update(ctx, []string{file})
				if ch.Err != nil {
					b.Fatal(ch.Err, ch.Diags)
				}
				if _, err := l.Get(file[len("content/"):len(file)-3] + "/index.html"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
