package build

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// BenchmarkBuild builds the synthetic corpus of ../shared/bench/gencorpus.py.
// Sizes come from NHIGLOSSARY_BENCH_TERMS (default 1000); scripts/bench-build.sh
// runs the side-by-side comparison with Hugo at 1k, 10k and 50k terms.
//
//	go test ./internal/build -run '^$' -bench Build -benchmem
func BenchmarkBuild(b *testing.B) {
	gen, _ := filepath.Abs("../../../shared/bench/gencorpus.py")
	if _, err := os.Stat(gen); err != nil {
		b.Skip("no ../shared/bench/gencorpus.py beside the repo")
	}
	n := os.Getenv("NHIGLOSSARY_BENCH_TERMS")
	if n == "" {
		n = "1000"
	}
	// NHIGLOSSARY_BENCH_CORPUS reuses a corpus made earlier (for profiling).
	src := os.Getenv("NHIGLOSSARY_BENCH_CORPUS")
	if src == "" {
		src = filepath.Join(b.TempDir(), "corpus")
		if out, err := exec.Command("python3", gen, "--terms", n, "--out", src).CombinedOutput(); err != nil {
			b.Fatalf("gencorpus: %v\n%s", err, out)
		}
	}
	b.Run(fmt.Sprintf("terms=%s", n), func(b *testing.B) {
		out := filepath.Join(os.Getenv("NHIGLOSSARY_BENCH_OUT"), "public")
		if os.Getenv("NHIGLOSSARY_BENCH_OUT") == "" {
			out = filepath.Join(b.TempDir(), "public")
		}
		for b.Loop() {
			if res, err := Build(context.Background(), src, out, opts()); err != nil {
				b.Fatalf("%v\n%v", err, res.Diags)
			}
		}
	})
}
