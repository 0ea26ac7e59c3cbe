package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/nhimg/nhiglossary/internal/content"
)

func exampleSite(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	if err := os.CopyFS(dst, os.DirFS("../../internal/build/testdata/example-site")); err != nil {
		t.Fatal(err)
	}
	return dst
}

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestCommandLine(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStdout string
		wantStderr string
	}{
		{"no arguments prints usage", nil, 2, "", "Commands:"},
		{"help", []string{"--help"}, 0, "nhiglossary <command> [flags]", ""},
		{"version", []string{"version"}, 0, "nhiglossary ", ""},
		{"version with an argument", []string{"version", "--bogus"}, 2, "", `unexpected argument "--bogus"`},
		{"unknown command", []string{"bild"}, 2, "", `unknown command "bild"`},
		{"unknown flag", []string{"build", "--outt", "x"}, 2, "", "flag provided but not defined: -outt"},
		{"check with a bad format", []string{"check", "--format", "xml"}, 2, "", `unknown --format "xml"`},
		{"check of a missing folder", []string{"check", "--src", "/nonexistent/site"}, 2, "", "--src /nonexistent/site is not a folder"},
		{"build of a missing folder", []string{"build", "--src", "/nonexistent/site"}, 2, "", "--src /nonexistent/site is not a folder"},
		{"build at a base URL that is no http(s) URL", []string{"build", "--base-url", "ftp://x"}, 2, "", `nhiglossary build: --base-url: "ftp://x" is not`},
		{"check on a day that is no date", []string{"check", "--today", "2026-13-01"}, 2, "", `--today "2026-13-01" is not a real date`},
		{"check on a day written otherwise", []string{"check", "--today", "3/1/2026"}, 2, "", `--today "3/1/2026" is not a date written YYYY-MM-DD`},
		{"new without a title", []string{"new", "term"}, 2, "", "usage: nhiglossary new term"},
		{"stray argument", []string{"build", "site"}, 2, "", `unexpected argument "site"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, tt.args...)
			if code != tt.wantCode || !strings.Contains(stdout, tt.wantStdout) || !strings.Contains(stderr, tt.wantStderr) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d, stdout containing %q, stderr containing %q",
					code, stdout, stderr, tt.wantCode, tt.wantStdout, tt.wantStderr)
			}
		})
	}
}

// Run from inside a site, a command names the site instead of finding
// no content there; a site inside another is a site.
func TestInsideASite(t *testing.T) {
	dir := exampleSite(t)
	for _, cmd := range [][]string{{"check"}, {"build"}, {"serve"}, {"export", "csv"}, {"import", "csv", "x.csv"}} {
		inside := filepath.Join(dir, "content", "terms")
		code, _, stderr := runCLI(t, append(cmd, "--src", inside)...)
		want := inside + " is inside the site " + dir + ", not the site itself: run the command there, or pass --src " + dir
		if code != 2 || !strings.Contains(stderr, want) {
			t.Errorf("%s: exit %d, stderr %q; want %q", cmd, code, stderr, want)
		}
	}
	nested := filepath.Join(dir, "examples", "small")
	os.MkdirAll(filepath.Join(nested, "content", "terms"), 0o755)
	os.WriteFile(filepath.Join(nested, "content", "terms", "a.md"), []byte("---\ntitle: A\nsummary: An a.\nupdated: 2025-01-01\n---\nA.\n"), 0o644)
	if code, _, stderr := runCLI(t, "check", "--src", nested); code != 0 {
		t.Errorf("a site inside another: exit %d, %s", code, stderr)
	}
	// The nearest site is named, not the outer one with the settings.
	code, _, stderr := runCLI(t, "check", "--src", filepath.Join(nested, "content"))
	if want := "pass --src " + nested + "\n"; code != 2 || !strings.HasSuffix(stderr, want) {
		t.Errorf("inside a site inside another: exit %d, %q; want %q", code, stderr, want)
	}
	// A new folder beside a site's files is no part of it: import fills it.
	fresh := filepath.Join(dir, "new-site")
	os.Mkdir(fresh, 0o755)
	csvFile := filepath.Join(t.TempDir(), "t.csv")
	os.WriteFile(csvFile, []byte("slug,title,summary\na,Alpha,First.\n"), 0o644)
	if code, stdout, stderr := runCLI(t, "import", "csv", csvFile, "--src", fresh); code != 0 || !strings.Contains(stdout, "wrote 1 term") {
		t.Errorf("import into a new folder in a site's folder: exit %d\n%s\n%s", code, stdout, stderr)
	}
}

func breakSite(t *testing.T, dir string) {
	t.Helper()
	p := filepath.Join(dir, "content/terms/api-key.md")
	b, _ := os.ReadFile(p)
	b = bytes.Replace(b, []byte("related: [secret-rotation, service-account]"), []byte("related: [secret-rotatoin, service-account]\ncolour: red"), 1)
	os.WriteFile(p, b, 0o644)
}

func TestCheckFormats(t *testing.T) {
	dir := exampleSite(t)
	if code, out, errs := runCLI(t, "check", "--src", dir); code != 0 || out != "" || !strings.Contains(errs, "no problems found") {
		t.Fatalf("clean site: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	breakSite(t, dir)
	// Paths are relative to where the command runs, in every format.
	t.Chdir(filepath.Dir(dir))
	src := filepath.Join(filepath.Base(dir), ".", "")
	file := filepath.Base(dir) + "/content/terms/api-key.md"

	code, out, errs := runCLI(t, "check", "--src", src+"/")
	wantText := file + ":8:11: unknown related term \"secret-rotatoin\" (did you mean \"secret-rotation\"?)\n" +
		file + ":9:1: unknown key \"colour\" in a term\n"
	if code != 1 || out != wantText || !strings.Contains(errs, "2 errors, 0 warnings") {
		t.Errorf("text: exit %d\nstdout:\n%s\nwant:\n%s\nstderr: %s", code, out, wantText, errs)
	}

	code, out, _ = runCLI(t, "check", "--src", src, "--format", "json")
	var got []map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != 1 || len(got) != 2 {
		t.Fatalf("json: exit %d, %v, output:\n%s", code, err, out)
	}
	want := map[string]any{"path": file, "line": 8.0, "column": 11.0, "severity": "error", "code": "unknown-related",
		"message": `unknown related term "secret-rotatoin" (did you mean "secret-rotation"?)`}
	if diff := cmp.Diff(want, got[0]); diff != "" {
		t.Errorf("json: first diagnostic (-want +got):\n%s", diff)
	}

	code, out, _ = runCLI(t, "check", "--src", src, "--format", "github")
	wantGH := "::error file=" + file + ",line=8,col=11,title=unknown-related::unknown related term \"secret-rotatoin\" (did you mean \"secret-rotation\"?)\n"
	if code != 1 || !strings.HasPrefix(out, wantGH) {
		t.Errorf("github: exit %d\n%s\nwant prefix:\n%s", code, out, wantGH)
	}
}

func TestBuildCommand(t *testing.T) {
	dir := exampleSite(t)
	out := filepath.Join(t.TempDir(), "public")
	code, stdout, stderr := runCLI(t, "build", "--src", dir, "--out", out)
	if code != 0 || !strings.HasPrefix(stdout, "built "+out+": 3 terms, ") || !strings.Contains(stdout, "0 warnings in") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "terms/api-key/index.html")); err != nil {
		t.Error(err)
	}
	breakSite(t, dir)
	code, _, stderr = runCLI(t, "build", "--src", dir, "--out", out)
	if code != 1 || !strings.Contains(stderr, "build failed: 2 errors, 0 warnings; "+out+" was not changed") {
		t.Errorf("broken site: exit %d, stderr %q", code, stderr)
	}
}

func TestNewScaffoldsAValidDraftAndNeverOverwrites(t *testing.T) {
	dir := exampleSite(t)
	cmd := &newCmd{src: dir, now: func() time.Time { return time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC) }}
	var out, errb bytes.Buffer
	if err := cmd.run(context.Background(), []string{"term", "Mutual TLS: mTLS"}, &out, &errb); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "content/terms/mutual-tls-mtls.md")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`title: 'Mutual TLS: mTLS'`, "updated: 2026-11-27", "draft: true", "# related:", "# mappings:"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("scaffold lacks %q:\n%s", want, b)
		}
	}
	if code, stdout, _ := runCLI(t, "check", "--src", dir); code != 0 {
		t.Errorf("check of a fresh scaffold: exit %d\n%s", code, stdout)
	}
	if code, stdout, _ := runCLI(t, "build", "--src", dir, "--out", filepath.Join(t.TempDir(), "public")); code != 0 || !strings.Contains(stdout, "\nleft out 1 draft (draft: true); --drafts builds them") {
		t.Errorf("build with a fresh scaffold: exit %d, stdout %q; want it to say the draft was left out", code, stdout)
	}
	if code, _, _ := runCLI(t, "new", "incident", "Example Leak", "--src", dir); code != 0 {
		t.Errorf("new incident: exit %d", code)
	}
	if code, stdout, _ := runCLI(t, "check", "--src", dir); code != 0 {
		t.Errorf("check with a fresh incident: exit %d\n%s", code, stdout)
	}

	os.WriteFile(p, []byte("edited by hand"), 0o644)
	code, _, stderr := runCLI(t, "new", "term", "Mutual TLS: mTLS", "--src", dir)
	if code != 1 || !strings.Contains(stderr, "already exists") {
		t.Errorf("second new: exit %d, stderr %q", code, stderr)
	}
	if b, _ := os.ReadFile(p); string(b) != "edited by hand" {
		t.Errorf("new overwrote the file: %q", b)
	}
}

func TestCheckStrictFailsOnWarnings(t *testing.T) {
	dir := exampleSite(t)
	p := filepath.Join(dir, "content/terms/service-account.md")
	b, _ := os.ReadFile(p)
	long := strings.Repeat("An account that software uses. ", 12)
	os.WriteFile(p, bytes.Replace(b, []byte("An account that software, not a person, uses to authenticate."), []byte(long), 1), 0o644)
	if code, out, _ := runCLI(t, "check", "--src", dir); code != 0 || !strings.Contains(out, "warning: summary is") {
		t.Errorf("a warning alone: exit %d, stdout %q; want exit 0 and the warning", code, out)
	}
	if code, _, _ := runCLI(t, "check", "--src", dir, "--strict"); code != 1 {
		t.Errorf("--strict with a warning: exit %d, want 1", code)
	}
}

// A title YAML would read as another type or as syntax must come back
// from the scaffold as the same text.
func TestNewKeepsAnyTitleAsWritten(t *testing.T) {
	for _, title := range []string{"null", "True", "no", "2026", "1.5", "+1", ".NET", "~tilde", "- dash start", "? key", "Key: value", "#hash", `Quote "this"`, `Back\slash`, "Plain Title", "Café Noir"} {
		t.Run(title, func(t *testing.T) {
			dir := t.TempDir()
			cmd := &newCmd{src: dir}
			if err := cmd.run(context.Background(), []string{"term", title}, io.Discard, io.Discard); err != nil {
				t.Fatal(err)
			}
			matches, _ := filepath.Glob(filepath.Join(dir, "content/terms/*.md"))
			if len(matches) != 1 {
				t.Fatalf("files made: %v", matches)
			}
			s, diags := content.Load(os.DirFS(dir))
			if diags.HasErrors() || len(s.Terms) != 1 {
				t.Fatalf("the scaffold does not load: %v", diags)
			}
			if got := s.Terms[0].Title.Value; got != title {
				b, _ := os.ReadFile(matches[0])
				t.Errorf("title reads back as %q, want %q:\n%s", got, title, b)
			}
		})
	}
}

// check warns about overdue reviews as of --today and lists the review
// queue, oldest review first, with --review.
func TestCheckReview(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"nhiglossary.yaml":   "review_every: 12m\n",
		"content/terms/a.md": "---\ntitle: A\nsummary: s.\nrelated: [b]\nupdated: 2026-01-01\nreview_every: 1m\n---\nA.\n",
		"content/terms/b.md": "---\ntitle: B\nsummary: s.\nrelated: [a]\nupdated: 2025-06-01\nreviewed: {by: Ann, on: 2025-12-01}\n---\nB.\n",
	}
	writeFiles(t, dir, files)
	code, stdout, _ := runCLI(t, "check", "--src", dir, "--today", "2026-03-15", "--format", "json", "--strict")
	if code != 1 || !strings.Contains(stdout, `"code": "review-due"`) || !strings.Contains(stdout, "due on 2026-02-01: 6 weeks overdue (42 days)") {
		t.Errorf("check --today: exit %d, %s; want a review-due warning for a.md", code, stdout)
	}
	code, stdout, stderr := runCLI(t, "check", "--src", dir, "--today", "2026-03-15", "--review")
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if code != 0 || len(lines) != 2 || !strings.HasPrefix(lines[0], "2025-12-01  B ") || !strings.Contains(lines[0], "due in 261 days") ||
		!strings.HasPrefix(lines[1], "2026-01-01  A ") || !strings.Contains(lines[1], "6 weeks overdue") || !strings.Contains(lines[1], "content/terms/a.md:5:1") {
		t.Errorf("check --review: exit %d, stdout:\n%s", code, stdout)
	}
	if !strings.Contains(stderr, "2 terms, 1 term due for review as of 2026-03-15") {
		t.Errorf("check --review: stderr %q", stderr)
	}
	if code, _, stderr := runCLI(t, "check", "--src", dir, "--today", "15/03/2026"); code != 2 || !strings.Contains(stderr, "not a date") {
		t.Errorf("check --today 15/03/2026: exit %d, %s", code, stderr)
	}
}

// CONTENT.md: check and build catch an updated date in the future; only
// check reports reviews due (a build's warnings do not change as terms
// age).
func TestBuildWarnsOfAFutureDateButNotOfReviews(t *testing.T) {
	src := exampleSite(t)
	edit := func(file, old, new string) {
		t.Helper()
		file = filepath.Join(src, file)
		b, err := os.ReadFile(file)
		if err != nil || !strings.Contains(string(b), old) {
			t.Fatalf("%s: %v, or no %q", file, err, old)
		}
		if err := os.WriteFile(file, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	edit("content/terms/api-key.md", "updated: 2026-05-16", "updated: 2999-05-16")
	edit("nhiglossary.yaml", "autolink:", "review_every: 1d\nautolink:")
	if _, stdout, _ := runCLI(t, "check", "--src", src); !strings.Contains(stdout, "[review-due]") || !strings.Contains(stdout, "[future-date]") {
		t.Fatalf("check reports no review due or no future date:\n%s", stdout)
	}
	code, _, stderr := runCLI(t, "build", "--src", src, "--out", filepath.Join(t.TempDir(), "public"))
	if code != 0 || !strings.Contains(stderr, "content/terms/api-key.md:27:10: warning: \"updated\" is 2999-05-16, after today") {
		t.Errorf("build: %d\n%s", code, stderr)
	}
	if strings.Contains(stderr, "[review-due]") {
		t.Errorf("build reports reviews due:\n%s", stderr)
	}
}

// CONTENT.md: check exits 1 on any error, and a site template that does
// not parse is one build fails on.
func TestCheckReportsABrokenTemplate(t *testing.T) {
	src := exampleSite(t)
	if err := os.MkdirAll(filepath.Join(src, "templates"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(src, "templates", "term.html"), []byte("{{define \"main\"}}\n<p>{{.Nope</p>{{end}}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ := runCLI(t, "check", "--src", src)
	if code != 1 || !strings.Contains(stdout, "/templates/term.html:2:1: bad character") {
		t.Errorf("check: exit %d\n%s", code, stdout)
	}
	// One that parses but fails as it runs.
	if err := os.WriteFile(filepath.Join(src, "templates", "term.html"), []byte("{{define \"main\"}}\n<p>{{.Nope}}</p>{{end}}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ = runCLI(t, "check", "--src", src)
	if code != 1 || !strings.Contains(stdout, "/templates/term.html:2:6: executing \"main\" at <.Nope>: can't evaluate field Nope") {
		t.Errorf("check: exit %d\n%s", code, stdout)
	}
	// A template that does not parse is found while the content has an
	// error too: one run reports both.
	if err := os.WriteFile(filepath.Join(src, "templates", "term.html"), []byte("{{define \"main\"}}\n<p>{{.Nope</p>{{end}}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(src, "content", "terms", "broken.md"), []byte("---\ntitle: [x\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ = runCLI(t, "check", "--src", src)
	if code != 1 || !strings.Contains(stdout, "/templates/term.html:2:1: bad character") || !strings.Contains(stdout, "broken.md:3:1: invalid YAML") {
		t.Errorf("check with a content error: exit %d\n%s", code, stdout)
	}
	// One that parses, but that html/template cannot escape, likewise.
	if err := os.WriteFile(filepath.Join(src, "templates", "term.html"), []byte("{{define \"main\"}}\n<a href=\"{{.Title}}>x</a>{{end}}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ = runCLI(t, "check", "--src", src)
	// (html/template names the template whose {{with}} holds it.)
	if code != 1 || !strings.Contains(stdout, "/templates/base.html:2:10: {{with}} branches end in different contexts") || !strings.Contains(stdout, "broken.md:3:1: invalid YAML") {
		t.Errorf("check with a content error and a template html/template cannot escape: exit %d\n%s", code, stdout)
	}
}
