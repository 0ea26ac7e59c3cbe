package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nhimg/nhiglossary/internal/diag"
)

// TestReadFileReusesItsBuffer: one buffer read into again and again
// gives each file's bytes exactly, however the sizes go, and a read
// error names the file as the site has it.
func TestReadFileReusesItsBuffer(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"big": strings.Repeat("x", 10000), "small": "ab", "empty": "", "mid": strings.Repeat("yz", 3000)}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.Mkdir(filepath.Join(dir, "folder.md"), 0o755)
	fsys := os.DirFS(dir)
	var buf []byte
	for _, name := range []string{"big", "small", "empty", "mid", "small", "big"} {
		var diags diag.List
		got, ok := readFile(fsys, name, &buf, &diags)
		if !ok || string(got) != files[name] {
			t.Fatalf("%s: read %d bytes (ok %v, %v), want %d", name, len(got), ok, diags, len(files[name]))
		}
	}
	var diags diag.List
	if _, ok := readFile(fsys, "folder.md", &buf, &diags); ok || len(diags) != 1 || !strings.Contains(diags[0].Message, "read folder.md:") {
		t.Fatalf("reading a folder: ok %v, %v", ok, diags)
	}
}
