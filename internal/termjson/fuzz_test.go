package termjson

import (
	"bytes"
	"encoding/json"
	"strconv"
	"testing"
	"testing/fstest"

	"github.com/nhimg/nhiglossary/internal/sitetest"
)

// A term's file is JSON that reads back as the term, whatever its
// editors wrote, and cannot close a script element it is pasted into.
func FuzzWrite(f *testing.F) {
	f.Add("API key", "A secret.", "AK")
	f.Add("</script><script>alert(1)</script>", "\u2028 & \"quotes\"", "\x00")
	f.Fuzz(func(t *testing.T, title, summary, abbr string) {
		fsys := fstest.MapFS{
			"nhiglossary.yaml": {Data: []byte("title: Fuzz\n")},
			"content/terms/one.md": {Data: []byte("---\ntitle: " + strconv.Quote(title) + "\nsummary: " + strconv.Quote(summary) +
				"\nabbreviations: [" + strconv.Quote(abbr) + "]\nupdated: 2026-01-02\n---\nText.\n")},
		}
		g, _ := sitetest.Resolve(fsys)
		if g == nil {
			return
		}
		one := g.TermBySlug["one"]
		var b bytes.Buffer
		if err := Write(&b, g, one, "/terms/one/"); err != nil {
			t.Fatal(err)
		}
		var got Term
		if err := json.Unmarshal(b.Bytes(), &got); err != nil {
			t.Fatalf("%v:\n%s", err, b.Bytes())
		}
		if got.Title != one.Title.Value || got.Summary != one.Summary || len(got.Abbreviations) != 1 || got.Abbreviations[0] != one.Abbreviations[0].Value {
			t.Fatalf("read back %+v", got)
		}
		if bytes.Contains(b.Bytes(), []byte("<")) {
			t.Fatalf("a < in:\n%s", b.Bytes())
		}
	})
}
