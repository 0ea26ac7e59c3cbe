package main

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readmeCommands are the `go run ./cmd/nhiglossary ...` lines of the
// README's sh blocks, as arguments, comments dropped.
func readmeCommands(t *testing.T) [][]string {
	t.Helper()
	f, err := os.Open("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cmds [][]string
	inSh := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "```"):
			inSh = !inSh && strings.TrimPrefix(line, "```") == "sh"
		case inSh && strings.HasPrefix(line, "go run ./cmd/nhiglossary "):
			line, _, _ = strings.Cut(line, " #")
			args, err := shellWords(strings.TrimPrefix(line, "go run ./cmd/nhiglossary "))
			if err != "" {
				t.Fatalf("README: %s: %s", line, err)
			}
			cmds = append(cmds, args)
		}
	}
	return cmds
}

// shellWords splits a command line as sh would for the plain words and
// double-quoted strings the README uses.
func shellWords(s string) ([]string, string) {
	var words []string
	var w strings.Builder
	in, quoted := false, false
	for _, r := range s {
		switch {
		case r == '"':
			quoted, in = !quoted, true
		case (r == ' ' || r == '\t') && !quoted:
			if in {
				words = append(words, w.String())
				w.Reset()
				in = false
			}
		default:
			w.WriteRune(r)
			in = true
		}
	}
	if quoted {
		return nil, "unclosed quote"
	}
	if in {
		words = append(words, w.String())
	}
	return words, ""
}

// The README's commands work as written: the bundled glossary builds,
// and a new glossary made with init checks strictly and builds. They run
// in a copy of the repository's site, so public/ lands in a temporary
// folder. serve is left out: it runs until interrupted (serve_test.go
// covers it).
func TestTheREADMEsCommandsWork(t *testing.T) {
	cmds := readmeCommands(t)
	seen := map[string]bool{}
	for _, c := range cmds {
		seen[c[0]] = true
	}
	for _, want := range []string{"serve", "build", "init", "check"} {
		if !seen[want] {
			t.Errorf("the README shows no `go run ./cmd/nhiglossary %s`", want)
		}
	}
	work := t.TempDir()
	if err := os.CopyFS(filepath.Join(work, "content"), os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	settings, err := os.ReadFile("../../nhiglossary.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(work, "nhiglossary.yaml"), settings, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(work)
	for _, args := range cmds {
		if args[0] == "serve" {
			continue
		}
		code, stdout, stderr := runCLI(t, args...)
		if code != 0 {
			t.Errorf("README: nhiglossary %s: exit %d\n%s%s", strings.Join(args, " "), code, stdout, stderr)
		}
	}
	for _, want := range []string{"public/terms/api-key/index.html", "my-glossary/public/index.html"} {
		if _, err := os.Stat(filepath.Join(work, want)); err != nil {
			t.Errorf("after the README's commands: %v", err)
		}
	}
}

func TestHelpPointsAtTheFormatReference(t *testing.T) {
	_, stdout, _ := runCLI(t, "--help")
	for _, doc := range []string{"docs/format.md", "docs/diagnostics.md"} {
		if !strings.Contains(stdout, doc) {
			t.Errorf("--help does not mention %s", doc)
		}
	}
	if _, err := os.Stat("../../docs/format.md"); err != nil {
		t.Error(err)
	}
}
