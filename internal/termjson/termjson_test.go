package termjson

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/xref"
)

func TestWrite(t *testing.T) {
	s, diags := content.Load(os.DirFS("../build/testdata/example-site"))
	g, more := xref.Resolve(s, xref.Options{})
	if diags.HasErrors() || more.HasErrors() {
		t.Fatal(diags, more)
	}
	tm := g.TermBySlug["api-key"]
	b, err := Write(g, tm, "https://example.org/glossary/terms/api-key/")
	if err != nil {
		t.Fatal(err)
	}
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
