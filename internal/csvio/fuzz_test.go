package csvio

import (
	"bytes"
	"path"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/nhimg/nhiglossary/internal/content"
)

// FuzzRead: whatever the file, readRows does not panic, and what Import plans
// is only ever content/terms/SLUG.md for a plain slug, each file a term
// that loads without errors and whose fields are the row's.
func FuzzRead(f *testing.F) {
	f.Add([]byte("slug,title,summary\nx,X,An x.\n"))
	f.Add([]byte("\uFEFFslug,title,summary,tags,\r\n../x,X,Y,a;b,\r\n"))
	f.Add([]byte("slug,title,summary,body\nx,\"=1+1\",'@x,\"a\r\nb\"\n"))
	f.Add([]byte("slug,title,summary,updated,deprecated\nx,X,Y,2026-01-01,true\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, diags := Import("f.csv", data, content.DefaultConfig(), today, func(s string) bool { return s == "taken" })
		if diags.HasErrors() && len(p.Write)+len(p.Skipped) > 0 {
			t.Fatal("a plan despite errors")
		}
		for _, w := range p.Write {
			slug := strings.TrimSuffix(path.Base(w.Path), ".md")
			if w.Path != "content/terms/"+slug+".md" || !content.ValidSlug(slug) || path.Clean(w.Path) != w.Path {
				t.Fatalf("writes %q", w.Path)
			}
			term, more := content.LoadTerm(fstest.MapFS{w.Path: {Data: w.Data}}, w.Path, content.DefaultConfig())
			if more.HasErrors() {
				t.Fatalf("%s does not load: %v\n%s", w.Path, more, w.Data)
			}
			if term.Title.Value != w.Row.fields["title"] {
				t.Fatalf("title %q became %q", w.Row.fields["title"], term.Title.Value)
			}
		}
	})
}

// FuzzRoundTrip: any values a term can hold come back the same through
// export, import and export.
func FuzzRoundTrip(f *testing.F) {
	f.Add("API Key", "A key.", "=cmd|' /C calc'!A0", "-x", "@SUM(1)", "+1\n- b\r\n\"q\", \\")
	f.Add("'quoted", "\t tab", "a; b", "ünï", "", "")
	f.Fuzz(func(t *testing.T, title, summary, syn, tag, category, body string) {
		row := &Row{fields: map[string]string{"slug": "x", "title": title, "summary": summary, "category": category, "body": body, "updated": "2026-01-02"},
			lists: map[string][]string{"synonyms": splitList(syn), "tags": splitList(tag)}}
		file := "content/terms/x.md"
		data, _, _ := termFile(row)
		fsys := fstest.MapFS{file: {Data: data}}
		s, diags := content.Load(fsys)
		if diags.HasErrors() {
			return // not a term `check` accepts: import says so
		}
		first, diags := Export(s.Terms)
		if diags.HasErrors() {
			return
		}
		empty := fstest.MapFS{}
		p, diags := Import("x.csv", first, content.DefaultConfig(), today, func(string) bool { return false })
		if diags.HasErrors() {
			t.Fatalf("export made a CSV import rejects: %v\n%s", diags, first)
		}
		for _, w := range p.Write {
			empty[w.Path] = &fstest.MapFile{Data: w.Data}
		}
		s2, diags := content.Load(empty)
		if diags.HasErrors() {
			t.Fatalf("%v", diags)
		}
		second, _ := Export(s2.Terms)
		if !bytes.Equal(first, second) {
			t.Fatalf("round trip changed the CSV:\n%q\n%q", first, second)
		}
	})
}
