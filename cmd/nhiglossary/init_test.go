package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/xref"
)

func TestInitWritesASiteThatPassesCheckStrictAndBuilds(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	code, stdout, stderr := runCLI(t, "init", dir)
	if code != 0 || !strings.Contains(stdout, "created "+filepath.Join(dir, "nhiglossary.yaml")) {
		t.Fatalf("init: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if code, out, errs := runCLI(t, "check", "--strict", "--src", dir); code != 0 || out != "" {
		t.Fatalf("check --strict of the starter site: exit %d\n%s%s", code, out, errs)
	}
	out := filepath.Join(t.TempDir(), "public")
	if code, stdout, stderr := runCLI(t, "build", "--src", dir, "--out", out); code != 0 {
		t.Fatalf("build of the starter site: exit %d\n%s%s", code, stdout, stderr)
	}
	for _, page := range []string{"index.html", "terms/service-account/index.html", "frameworks/owasp-nhi-top-10/index.html", "incidents/leaked-ci-deploy-token/index.html"} {
		if _, err := os.Stat(filepath.Join(out, page)); err != nil {
			t.Errorf("the built starter site lacks %s", page)
		}
	}

	// What the contract asks of the starter: two or more terms that link
	// each other, a framework with controls, an incident.
	site, diags := content.Load(os.DirFS(dir))
	g, rdiags := xref.Resolve(site, xref.Options{})
	if diags.HasErrors() || rdiags.HasErrors() {
		t.Fatalf("%v %v", diags, rdiags)
	}
	if len(g.Terms) < 2 || len(g.Frameworks) != 1 || len(g.Frameworks[0].Controls) == 0 || len(g.Incidents) != 1 {
		t.Errorf("%d terms, %d frameworks, %d incidents", len(g.Terms), len(g.Frameworks), len(g.Incidents))
	}
	for _, term := range g.Terms {
		if len(g.ReferencedBy[term]) == 0 {
			t.Errorf("%s: no other term links to it", term.File)
		}
	}
}

// formatKeys is every key a file of each kind can have.
var formatKeys = []struct {
	glob string
	keys string
}{
	{"nhiglossary.yaml", "title base_url description language publisher default_author autolink unsafe_html review_every warnings languages"},
	{"content/terms/*.md", "title slug summary abbreviations synonyms redirects category tags related broader examples incidents mappings framework control relevance takeaway sources publisher url date id author updated reviewed draft autolink deprecated replaced_by review_every definitions text source context"},
	{"content/frameworks/*.yaml", "name short version url description controls id title"},
	{"content/incidents/*.md", "title slug date summary sources tags draft"},
}

// Every key is in each file of the starter, set or commented, so that an
// editor sees the whole format whichever entry they copy.
func TestInitShowsEveryKey(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := runCLI(t, "init", dir); code != 0 {
		t.Fatal(stderr)
	}
	for _, k := range formatKeys {
		files, _ := filepath.Glob(filepath.Join(dir, k.glob))
		if len(files) == 0 {
			t.Errorf("no %s", k.glob)
		}
		for _, f := range files {
			b, _ := os.ReadFile(f)
			text := string(b)
			for _, key := range strings.Fields(k.keys) {
				if !regexp.MustCompile(`(?m)^[\s#-]*\{?`+key+`:`).MatchString(text) && !strings.Contains(text, "{"+key+":") && !strings.Contains(text, " "+key+":") {
					t.Errorf("%s: no %q, set or commented", filepath.Base(f), key)
				}
			}
		}
	}
}

func TestInitRefusesASiteAndNeverOverwrites(t *testing.T) {
	for _, existing := range []string{"nhiglossary.yaml", "nhiglossary.yml", "content/terms/mine.md"} {
		t.Run(existing, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, existing)
			os.MkdirAll(filepath.Dir(p), 0o755)
			os.WriteFile(p, []byte("mine"), 0o644)
			code, stdout, stderr := runCLI(t, "init", dir)
			if code != 1 || !strings.Contains(stderr, "already holds a site") || stdout != "" {
				t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
			}
			if b, _ := os.ReadFile(p); string(b) != "mine" {
				t.Errorf("init changed %s", existing)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				t.Errorf("init wrote files beside a site: %v", entries)
			}
		})
	}
	// A folder with other things in it (a README, a .git) is fine.
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "README.md"), []byte("mine"), 0o644)
	if code, _, stderr := runCLI(t, "init", dir); code != 0 {
		t.Errorf("init beside a README: %s", stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "README.md")); string(b) != "mine" {
		t.Error("init changed README.md")
	}
	if code, _, _ := runCLI(t, "init", "a", "b"); code != 2 {
		t.Errorf("init with two folders: exit %d, want 2", code)
	}
}

func TestInitDefaultsToTheCurrentFolder(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if code, stdout, stderr := runCLI(t, "init"); code != 0 || !strings.Contains(stdout, "created nhiglossary.yaml") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if code, out, _ := runCLI(t, "check", "--strict"); code != 0 {
		t.Errorf("check --strict: %s", out)
	}
}

// Titles that differ by a symbol get files of their own, spelled as tag
// pages spell them.
func TestNewTermSpellsSymbols(t *testing.T) {
	dir := t.TempDir()
	runCLI(t, "init", dir)
	for title, file := range map[string]string{"C++ Token": "c-plus-plus-token.md", "C# Token": "c-sharp-token.md"} {
		code, stdout, stderr := runCLI(t, "new", "term", title, "--src", dir)
		if want := filepath.Join(dir, "content/terms", file); code != 0 || !strings.Contains(stdout, "created "+want) {
			t.Errorf("new term %q: exit %d, stdout %q, stderr %q", title, code, stdout, stderr)
		}
	}
}

func TestNewFramework(t *testing.T) {
	dir := t.TempDir()
	runCLI(t, "init", dir)
	code, stdout, stderr := runCLI(t, "new", "framework", "NIST CSF 2.0", "--src", dir)
	want := filepath.Join(dir, "content/frameworks/nist-csf-2-0.yaml")
	if code != 0 || !strings.Contains(stdout, "created "+want) {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	site, diags := content.Load(os.DirFS(dir))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var names []string
	for _, f := range site.Frameworks {
		names = append(names, f.ID+"="+f.Name)
	}
	if !strings.Contains(strings.Join(names, " "), "nist-csf-2-0=NIST CSF 2.0") {
		t.Errorf("frameworks: %v", names)
	}
	if code, out, _ := runCLI(t, "check", "--strict", "--src", dir); code != 0 {
		t.Errorf("check --strict with a new framework: %s", out)
	}
	// The same name or id again is refused, naming the file that has it.
	for _, name := range []string{"NIST CSF 2.0", "nist csf 2.0", "OWASP NHI Top 10"} {
		code, _, stderr := runCLI(t, "new", "framework", name, "--src", dir)
		if code != 1 || !strings.Contains(stderr, "is taken by the framework") {
			t.Errorf("new framework %q again: exit %d, stderr %q", name, code, stderr)
		}
	}
}

func TestNewFindsTheSiteFromASubfolder(t *testing.T) {
	for _, settings := range []bool{true, false} {
		dir := t.TempDir()
		runCLI(t, "init", dir)
		if !settings { // nhiglossary.yaml is optional: content/terms marks a site too
			os.Remove(filepath.Join(dir, "nhiglossary.yaml"))
		}
		t.Chdir(filepath.Join(dir, "content", "terms"))
		code, stdout, stderr := runCLI(t, "new", "term", "Workload Identity")
		want := filepath.Join("..", "..", "content", "terms", "workload-identity.md")
		if code != 0 || !strings.Contains(stdout, "created "+want) {
			t.Errorf("settings=%v: exit %d, stdout %q, stderr %q", settings, code, stdout, stderr)
		}
		if _, err := os.Stat(filepath.Join(dir, "content/terms/workload-identity.md")); err != nil {
			t.Errorf("settings=%v: %v", settings, err)
		}
		if _, err := os.Stat(filepath.Join(dir, "content/terms/content")); err == nil {
			t.Errorf("settings=%v: new made content/terms/content/", settings)
		}
	}
}

func TestNewRefusesANameAnotherEntryOwns(t *testing.T) {
	dir := t.TempDir()
	runCLI(t, "init", dir)
	tests := []struct{ kind, title, want string }{
		{"term", "Service Account", `"Service Account" is already the title of the term "Service Account" (` + filepath.Join(dir, "content/terms/service-account.md") + `:2:8)`},
		{"term", "service  ACCOUNT", `is already the title of the term "Service Account"`},
		{"term", "Technical Account", `is already a synonym of the term "Service Account" (` + filepath.Join(dir, "content/terms/service-account.md") + `:8:12)`},
		{"term", "NHI", `"NHI" is already an abbreviation of the term "Non-Human Identity"`},
		{"term", "Service-Account", `"Service-Account" is already the slug of the term "Service Account" (` + filepath.Join(dir, "content/terms/service-account.md") + `)`},
		{"incident", "Machine Identity", `is already a synonym of the term "Non-Human Identity"`},
		{"term", "Leaked CI Deploy Token", `is already the title of the incident "Leaked CI deploy token"`},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			before, _ := filepath.Glob(filepath.Join(dir, "content/*/*"))
			code, stdout, stderr := runCLI(t, "new", tt.kind, tt.title, "--src", dir)
			if code != 1 || !strings.Contains(stderr, tt.want) || stdout != "" {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit 1 and %q", code, stdout, stderr, tt.want)
			}
			if after, _ := filepath.Glob(filepath.Join(dir, "content/*/*")); len(after) != len(before) {
				t.Errorf("new wrote a file: %d files, were %d", len(after), len(before))
			}
		})
	}
}

// docs/format.md names every key (as `key`), and the keys of a
// translation and of the CSV.
func TestFormatReferenceNamesEveryKey(t *testing.T) {
	b, err := os.ReadFile("../../docs/format.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	for _, k := range formatKeys {
		for _, key := range strings.Fields(k.keys) {
			if !strings.Contains(doc, "`"+key+"`") {
				t.Errorf("docs/format.md does not name %s's key %q", k.glob, key)
			}
		}
	}
	for _, s := range []string{"`source_updated`", "`i18n/CODE.yaml`", "`api/skos.ttl`", "`llms.txt`", "`llms-full.txt`", "`/terms/SLUG/index.md`", "embed.js", "export csv", "import csv", "`no-base-url`", "[diagnostics.md](diagnostics.md)"} {
		if !strings.Contains(doc, s) {
			t.Errorf("docs/format.md does not mention %s", s)
		}
	}
}

func TestNewRefusesATitleOfSeveralLines(t *testing.T) {
	dir := t.TempDir()
	runCLI(t, "init", dir)
	for _, title := range []string{"Two\nlines", "Bell\a", "Line\u2028separator", "0\xa7"} {
		code, _, stderr := runCLI(t, "new", "term", title, "--src", dir)
		if code != 1 || !(strings.Contains(stderr, "a title is one line of text") || strings.Contains(stderr, "is not UTF-8 text")) {
			t.Errorf("new term %q: exit %d, stderr %q", title, code, stderr)
		}
	}
}

// An abbreviation two terms share is refused naming both.
func TestNewNamesEveryOwnerOfASharedName(t *testing.T) {
	dir := t.TempDir()
	runCLI(t, "init", dir)
	os.WriteFile(filepath.Join(dir, "content/terms/network-host-inventory.md"), []byte("---\ntitle: Network Host Inventory\nsummary: A list of hosts.\nabbreviations: [NHI]\nupdated: 2026-01-02\n---\nBody.\n"), 0o644)
	code, _, stderr := runCLI(t, "new", "term", "NHI", "--src", dir)
	for _, want := range []string{`an abbreviation of the term "Non-Human Identity"`, `an abbreviation of the term "Network Host Inventory"`, ` and `, "edit one of those files"} {
		if code != 1 || !strings.Contains(stderr, want) {
			t.Errorf("exit %d, stderr %q; want exit 1 and %q", code, stderr, want)
		}
	}
}
