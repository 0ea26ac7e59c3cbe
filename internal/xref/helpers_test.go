package xref

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/nhimg/nhiglossary/internal/content"
)

// term returns a term file. Lines 2-4 are its title, summary and updated
// date, so the lines given start at line 5; a "---" among them ends the
// front matter and what follows is the body.
func term(title string, lines ...string) string {
	if !slices.Contains(lines, "---") {
		lines = append(lines, "---")
	}
	return "---\ntitle: " + title + "\nsummary: A term.\nupdated: 2026-01-01\n" + strings.Join(lines, "\n") + "\n"
}

// incident returns an incident file; like term, the lines given start at
// line 5. Its date is 2025-01-01 unless a line gives another.
func incident(title string, lines ...string) string {
	if !slices.Contains(lines, "---") {
		lines = append(lines, "---")
	}
	date := "date: 2025-01-01\n"
	if slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, "date:") }) {
		date = ""
	}
	return "---\ntitle: " + title + "\n" + date + "summary: An incident.\n" + strings.Join(lines, "\n") + "\n"
}

// lines joins lines into a file, for files whose line numbers matter.
func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }

// load reads a site from files; the test fails if loading it is not clean,
// so that every diagnostic a test sees comes from Resolve.
func load(t testing.TB, files map[string]string) *content.Site {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	site, diags := content.Load(fsys)
	if len(diags) > 0 {
		t.Fatalf("content.Load:\n%v", diags)
	}
	return site
}

// resolve loads files and resolves them, returning the diagnostics as the
// lines `check` prints.
func resolve(t testing.TB, files map[string]string, opts Options) (*Graph, []string) {
	t.Helper()
	g, diags := Resolve(load(t, files), opts)
	var out []string
	for _, d := range diags {
		out = append(out, d.String())
	}
	return g, out
}

// slugs lists terms by slug, for comparing orders.
func slugs(ts []*content.Term) []string {
	out := []string{}
	for _, t := range ts {
		out = append(out, t.Slug.Value)
	}
	return out
}
