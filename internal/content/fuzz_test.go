package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// FuzzLoadTerm feeds arbitrary bytes to the loader as a term file: it must
// never panic, and every diagnostic must point inside the file.
func FuzzLoadTerm(f *testing.F) {
	seeds, _ := filepath.Glob("../../../shared/spec/example-site/content/terms/*.md")
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(okTerm))
	f.Add([]byte("+++\ntitle = \"A\"\n[[mappings]]\nframework = \"x\"\n+++\n"))
	f.Add([]byte("{\n\"title\": [1, {\"a\": null}]\n}\n\n"))
	f.Add([]byte("---\ntitle: &a [*a]\n---\n"))
	f.Add([]byte("---\nexamples:\n  - |\n    x [[y]]\n---\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{"content/terms/t.md": &fstest.MapFile{Data: data}}
		s, diags := Load(fsys)
		lines := strings.Count(string(data), "\n") + 1
		for _, d := range diags {
			if d.Pos.File != "content/terms/t.md" {
				t.Fatalf("diagnostic for another file: %v", d)
			}
			if d.Pos.Line < 0 || d.Pos.Line > lines+1 {
				t.Fatalf("diagnostic outside the file (%d lines): %v", lines, d)
			}
		}
		if !diags.HasErrors() && len(s.Terms) != 1 {
			t.Fatalf("no errors but %d terms", len(s.Terms))
		}
	})
}
