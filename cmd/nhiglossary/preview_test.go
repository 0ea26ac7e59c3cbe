package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The live-reload client is the preview's, not the site's: a build
// neither writes it nor names it.
func TestBuildShipsNothingOfThePreview(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := runCLI(t, "build", "--src", exampleSite(t), "--out", out); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if strings.Contains(d.Name(), "livereload") {
			t.Errorf("the build wrote %s", p)
		}
		b, err := os.ReadFile(p)
		if err == nil && strings.Contains(string(b), "livereload") {
			t.Errorf("%s names the live-reload client", p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
