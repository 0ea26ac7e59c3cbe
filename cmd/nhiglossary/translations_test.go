package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckListsStaleAndMissingTranslations(t *testing.T) {
	const src = "../../internal/build/testdata/two-lang"
	code, out, errOut := runCLI(t, "check", "--src", src, "--translations")
	want := "content/terms/secret.de.md: stale: translated from 2026-03-01, content/terms/secret.md updated 2026-06-01\n" +
		"content/terms/workload-identity.de.md: missing\n"
	if code != 0 || out != want || !strings.Contains(errOut, "1 translation stale, 1 translation missing") {
		t.Errorf("exit %d\nstdout:\n%s\nwant:\n%s\nstderr: %s", code, out, want, errOut)
	}
	if code, _, _ := runCLI(t, "check", "--src", src, "--translations", "--strict"); code != 1 {
		t.Errorf("--strict with a stale translation: exit %d, want 1", code)
	}
}

// A draft's translation is not missing until it is published, or until
// drafts are asked for.
func TestDraftTranslationsAreListedWithDrafts(t *testing.T) {
	src := t.TempDir()
	files := map[string]string{
		"nhiglossary.yaml":       "title: T\nlanguages: [{code: en}, {code: de}]\n",
		"content/terms/a.md":     "---\ntitle: A\nsummary: s\nupdated: 2026-01-01\n---\n",
		"content/terms/b.md":     "---\ntitle: B\nsummary: s\nupdated: 2026-01-01\ndraft: true\n---\n",
		"content/terms/a.de.md":  "---\ntitle: A\nsource_updated: 2026-01-01\n---\n",
		"content/incidents/x.md": "---\ntitle: X\ndate: 2025-01-01\nsummary: s\ndraft: true\n---\n",
	}
	writeFiles(t, src, files)
	if code, out, errOut := runCLI(t, "check", "--src", src, "--translations"); code != 0 || out != "" {
		t.Errorf("without drafts: exit %d\n%s%s", code, out, errOut)
	}
	want := "content/terms/b.de.md: missing\ncontent/incidents/x.de.md: missing\n"
	if code, out, errOut := runCLI(t, "check", "--src", src, "--translations", "--drafts"); code != 0 || out != want {
		t.Errorf("with drafts: exit %d\n%s%s\nwant\n%s", code, out, errOut, want)
	}
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// A title or file name with control characters reaches no terminal as
// they are: the review queue and the translations list print them \xNN.
func TestListsPrintNoControlCharacters(t *testing.T) {
	src := t.TempDir()
	writeFiles(t, src, map[string]string{
		"nhiglossary.yaml":       "title: T\nlanguages: [{code: en}, {code: de}]\nreview_every: 1m\n",
		"content/terms/x\x1b.md": "---\nslug: xx\ntitle: \"Evil\\e]0;PWNED\\a\"\nsummary: s\nupdated: 2026-01-01\n---\n",
	})
	for _, args := range [][]string{{"--review", "--today", "2026-06-01"}, {"--translations"}} {
		_, out, errOut := runCLI(t, append([]string{"check", "--src", src}, args...)...)
		if strings.ContainsAny(out+errOut, "\x1b\x07") || !strings.Contains(out, `\x1b`) {
			t.Errorf("check %v printed:\n%q\n%q", args, out, errOut)
		}
	}
}
