package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every page of a build names the site's icon, which the build writes: a
// page without one makes browsers ask for /favicon.ico and log its 404.
func TestEveryBuiltPageHasAnIcon(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := runCLI(t, "build", "--src", exampleSite(t), "--out", out, "--base-url", "https://example.org/glossary/"); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "assets", "favicon.svg")); err != nil {
		t.Fatal(err)
	}
	pages, _ := filepath.Glob(filepath.Join(out, "*", "*", "index.html"))
	pages = append(pages, filepath.Join(out, "index.html"), filepath.Join(out, "404.html"), filepath.Join(out, "terms", "apikey", "index.html"))
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), `<link rel="icon" href="/glossary/assets/favicon.svg?v=`) {
			t.Errorf("%s names no icon", p)
		}
	}
}

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
