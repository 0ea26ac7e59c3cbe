package content

import (
	"os"
	"testing"

	"github.com/nhimg/nhiglossary/internal/benchcpu"
)

// BenchmarkLoad loads a generated corpus (go run ./scripts/gencorpus);
// NHIGLOSSARY_BENCH_CORPUS points at another one. Besides wall time it
// reports the CPU time of the process (GC included), which is steadier
// when the machine is shared.
func BenchmarkLoad(b *testing.B) {
	dir := os.Getenv("NHIGLOSSARY_BENCH_CORPUS")
	if dir == "" {
		dir = "/tmp/nhiglossary-bench/ours-10000"
	}
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("no corpus at %s: generate one with go run ./scripts/gencorpus -terms 10000 -out %s", dir, dir)
	}
	fsys := os.DirFS(dir)
	start := benchcpu.Time()
	for b.Loop() {
		if _, diags := Load(fsys); diags.HasErrors() {
			b.Fatal(diags)
		}
	}
	benchcpu.Report(b, start)
}
