package termjson

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
	"testing/fstest"

	"github.com/nhimg/nhiglossary/internal/sitetest"
)

func TestWrite(t *testing.T) {
	g := sitetest.MustResolve(t, os.DirFS("../build/testdata/example-site"))
	tm := g.TermBySlug["api-key"]
	var buf bytes.Buffer
	if err := Write(&buf, g, tm, "https://example.org/glossary/terms/api-key/"); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	var got map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"slug", "title", "summary", "url", "synonyms", "abbreviations", "broader", "narrower", "related", "deprecated", "replaced_by", "updated"} {
		if _, ok := got[k]; !ok {
			t.Errorf("no %q in %s", k, b)
		}
	}
	if got["title"] != tm.Title.Value || got["summary"] != tm.Summary || got["updated"] != tm.Updated.Format("2006-01-02") {
		t.Errorf("%s", b)
	}
	if rel, _ := got["related"].([]any); len(rel) != len(g.Related[tm]) {
		t.Errorf("related %v", rel)
	}
	if Path("api-key") != "api/terms/api-key.json" {
		t.Error(Path("api-key"))
	}
}

func TestTerminologyFields(t *testing.T) {
	fsys := fstest.MapFS{
		"content/terms/key.md":    {Data: []byte("---\ntitle: Key\nsummary: A key.\nupdated: 2026-01-02\n---\n")},
		"content/terms/static.md": {Data: []byte("---\ntitle: Static\nsummary: A static key.\nbroader: [key]\nupdated: 2026-01-02\n---\n")},
		"content/terms/old.md":    {Data: []byte("---\ntitle: Old\nsummary: Old name.\ndeprecated: true\nreplaced_by: key\nupdated: 2026-01-02\n---\n")},
	}
	g := sitetest.MustResolve(t, fsys)
	get := func(slug string) Term {
		var b bytes.Buffer
		if err := Write(&b, g, g.TermBySlug[slug], "/terms/"+slug+"/"); err != nil {
			t.Fatal(err)
		}
		var v Term
		if err := json.Unmarshal(b.Bytes(), &v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	if k := get("key"); len(k.Narrower) != 1 || k.Narrower[0] != "static" || k.Deprecated {
		t.Errorf("key: %+v", k)
	}
	if st := get("static"); len(st.Broader) != 1 || st.Broader[0] != "key" {
		t.Errorf("static: %+v", st)
	}
	if o := get("old"); !o.Deprecated || o.ReplacedBy != "key" {
		t.Errorf("old: %+v", o)
	}
}
