package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// roundTrip exports the site in src, imports the CSV into an empty
// folder and exports that, failing t when the two CSVs differ. It
// returns the CSV file, the empty site it filled and import's stderr.
func roundTrip(t *testing.T, src string) (csvFile, site, importErr string) {
	t.Helper()
	csvFile = filepath.Join(t.TempDir(), "terms.csv")
	if code, _, stderr := runCLI(t, "export", "csv", "--src", src, "--out", csvFile); code != 0 {
		t.Fatalf("export: %d %s", code, stderr)
	}
	first, err := os.ReadFile(csvFile)
	if err != nil {
		t.Fatal(err)
	}
	site = t.TempDir()
	code, stdout, importErr := runCLI(t, "import", "csv", csvFile, "--src", site)
	if code != 0 {
		t.Fatalf("import: %d %s %s", code, stdout, importErr)
	}
	code, second, stderr := runCLI(t, "export", "csv", "--src", site)
	if code != 0 {
		t.Fatalf("second export: %s", stderr)
	}
	if second != string(first) {
		t.Errorf("export, import, export differs:\n%s\n---\n%s", first, second)
	}
	return csvFile, site, importErr
}

func TestExportImportRoundTrip(t *testing.T) {
	csvFile, site, _ := roundTrip(t, exampleSite(t))
	// Again into the same site: every row is skipped, nothing changes.
	code, stdout, _ := runCLI(t, "import", "csv", csvFile, "--src", site)
	if code != 0 || !strings.Contains(stdout, "skipped ") || !strings.Contains(stdout, "wrote 0 terms") {
		t.Errorf("second import: %d %s", code, stdout)
	}
}

// The bundled glossary's bodies cite their sources and link incidents and
// frameworks, none of which the CSV carries: its export still imports
// into an empty site, each citation given a placeholder source, and that
// site exports the same CSV (export needs the files to load, not their
// links to resolve).
func TestBundledGlossaryRoundTrip(t *testing.T) {
	if _, _, stderr := roundTrip(t, "../.."); !strings.Contains(stderr, "[placeholder-source]") {
		t.Errorf("import said nothing of placeholder sources:\n%s", stderr)
	}
}

func TestImportWritesNothingOnError(t *testing.T) {
	dir := t.TempDir()
	csvFile := filepath.Join(dir, "t.csv")
	os.WriteFile(csvFile, []byte("slug,title,summary\ngood,Good,Fine.\n../evil,Evil,Bad.\n"), 0o644)
	site := t.TempDir()
	code, _, stderr := runCLI(t, "import", "csv", csvFile, "--src", site)
	if code != 1 || !strings.Contains(stderr, "t.csv:3:1: slug \"../evil\" is not a plain slug") || !strings.Contains(stderr, "nothing was written") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if entries, _ := os.ReadDir(site); len(entries) != 0 {
		t.Errorf("wrote %v", entries)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(site), "evil.md")); err == nil {
		t.Error("wrote outside the site")
	}
}

func TestImportDryRun(t *testing.T) {
	dir := t.TempDir()
	csvFile := filepath.Join(dir, "t.csv")
	os.WriteFile(csvFile, []byte("slug,title,summary\nnew-term,New,Fine.\n"), 0o644)
	site := t.TempDir()
	code, stdout, _ := runCLI(t, "import", "csv", csvFile, "--src", site, "--dry-run")
	if code != 0 || !strings.Contains(stdout, "would write content/terms/new-term.md") {
		t.Errorf("exit %d, stdout %q", code, stdout)
	}
	if _, err := os.Stat(filepath.Join(site, "content")); err == nil {
		t.Error("dry run wrote files")
	}
}

// What check would fail after an import is a warning: in a file it
// writes (a related term neither the site nor the CSV has, a title
// another term's synonym holds, a draft, which check does not publish)
// at the row's cell; in a file the site has (a link a new synonym makes
// ambiguous) at that line. The files are still written, and rows may
// relate to the site's terms and to each other.
func TestImportWarnsWhatCheckWouldFail(t *testing.T) {
	site := t.TempDir()
	terms := filepath.Join(site, "content", "terms")
	os.MkdirAll(terms, 0o755)
	os.WriteFile(filepath.Join(terms, "api-key.md"), []byte("---\ntitle: API Key\nsummary: A key.\nsynonyms: [access token]\nupdated: 2025-01-01\n---\n\nBody.\n"), 0o644)
	os.WriteFile(filepath.Join(terms, "draft.md"), []byte("---\ntitle: Draft\nsummary: Not yet.\ndraft: true\nupdated: 2025-01-01\n---\n\nSee [[App key]].\n"), 0o644)
	os.WriteFile(filepath.Join(terms, "app-key.md"), []byte("---\ntitle: App Key Set\nsummary: Keys.\nsynonyms: [App key]\nupdated: 2025-01-01\n---\n\nBody.\n"), 0o644)
	os.WriteFile(filepath.Join(terms, "secret.md"), []byte("---\ntitle: Secret\nsummary: Kept.\nupdated: 2025-01-01\n---\n\nLike an [[App key]].\n"), 0o644)
	csvFile := filepath.Join(t.TempDir(), "t.csv")
	os.WriteFile(csvFile, []byte("slug,title,summary,synonyms,related\na,Alpha,First.,,api-key; b\nb,Beta,Second.,,nope\nc,Access Token,Third.,,\nd,Delta,Fourth.,,draft\ne,Echo,Fifth.,App key,\n"), 0o644)
	code, stdout, stderr := runCLI(t, "import", "csv", csvFile, "--src", site)
	if code != 0 || !strings.Contains(stdout, "wrote 5 terms") {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	want := []string{
		filepath.Join(site, "content/terms/draft.md") + `:8:5: warning: after the import, check would fail here: link target "App key" is shared by 2 terms: write [[app-key|App key]] for App Key Set or [[e|App key]] for Echo [import-fails-check]`,
		filepath.Join(site, "content/terms/secret.md") + `:7:9: warning: after the import, check would fail here: link target "App key" is shared by 2 terms: write [[app-key|App key]] for App Key Set or [[e|App key]] for Echo [import-fails-check]`,
		csvFile + `:3:17: warning: ` + filepath.Join(site, "content/terms/b.md") + ` would not pass check: unknown related term "nope" [import-fails-check]`,
		csvFile + `:4:3: warning: ` + filepath.Join(site, "content/terms/c.md") + ` would not pass check: title "Access Token" is already used by ` + filepath.Join(site, "content/terms/api-key.md") + `:4:12 (synonym of API Key) [import-fails-check]`,
		csvFile + `:5:18: warning: ` + filepath.Join(site, "content/terms/d.md") + ` would not pass check: related term "draft" is a draft; publish it or remove the link [import-fails-check]`,
	}
	if got := strings.Split(strings.TrimSpace(stderr), "\n"); !slices.Equal(got, want) {
		t.Errorf("stderr:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A row whose slug is a term's old slug is skipped: the redirect's URL
// must keep working.
func TestImportSkipsAnOldSlug(t *testing.T) {
	site := t.TempDir()
	terms := filepath.Join(site, "content", "terms")
	os.MkdirAll(terms, 0o755)
	os.WriteFile(filepath.Join(terms, "api-key.md"), []byte("---\ntitle: API Key\nsummary: A key.\nredirects: [apikey]\nupdated: 2025-01-01\n---\n\nBody.\n"), 0o644)
	csvFile := filepath.Join(t.TempDir(), "t.csv")
	os.WriteFile(csvFile, []byte("slug,title,summary\napikey,Api Key Two,S\n"), 0o644)
	code, stdout, stderr := runCLI(t, "import", "csv", csvFile, "--src", site)
	want := csvFile + `:2: "apikey" is the old slug of a term (content/terms/api-key.md redirects it); its file was left as it was`
	if code != 0 || !strings.Contains(stdout, want) || !strings.Contains(stdout, "wrote 0 terms") {
		t.Errorf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(terms, "apikey.md")); err == nil {
		t.Error("wrote apikey.md")
	}
}

// A row whose slug is a term is skipped, saying which of its cells the
// term does not have: import never changes a term.
func TestImportSaysWhatASkippedRowWouldChange(t *testing.T) {
	site := t.TempDir()
	terms := filepath.Join(site, "content", "terms")
	os.MkdirAll(terms, 0o755)
	os.WriteFile(filepath.Join(terms, "api-key.md"), []byte("---\ntitle: API Key\nsummary: A key.\ntags: [a, b]\nupdated: 2025-01-01\n---\n\nBody.\n"), 0o644)
	os.WriteFile(filepath.Join(terms, "secret.md"), []byte("---\ntitle: Secret\nsummary: Kept.\nupdated: 2025-01-01\n---\n\nSee [[API Key]].\n"), 0o644)
	csvFile := filepath.Join(t.TempDir(), "t.csv")
	os.WriteFile(csvFile, []byte("slug,title,summary,tags,updated,body\napi-key,API Key,A new key.,a; c,,Body.\nsecret,Secret,Kept.,,,See [[API Key]].\n"), 0o644)
	code, stdout, stderr := runCLI(t, "import", "csv", csvFile, "--src", site)
	for _, want := range []string{
		csvFile + `:2: "api-key" is a term already (content/terms/api-key.md); import adds terms and never changes one, so the row's changes (summary, tags) are not applied: edit content/terms/api-key.md`,
		csvFile + `:3: "secret" is a term already (content/terms/secret.md); the row is the same as the term`,
	} {
		if code != 0 || !strings.Contains(stdout, want) {
			t.Errorf("exit %d, want %s\n%s\n%s", code, want, stdout, stderr)
		}
	}
}
