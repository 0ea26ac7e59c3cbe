package render

import (
	"bytes"
	"encoding/json"
	"testing"
)

// jsonObject writes what json.MarshalIndent(v, "", " ") writes for the
// whole object: the files tools read must not change with how they are
// written.
func FuzzJSONObject(f *testing.F) {
	f.Add("Glossary", "https://example.org/", "api-key", "<script>&\u2028", 2, 0)
	f.Add("", "", "", "", 0, 3)
	f.Fuzz(func(t *testing.T, title, base, slug, summary string, terms, empty int) {
		terms, empty = terms%5, empty%3
		if terms < 0 || empty < 0 {
			return
		}
		type elem struct {
			Slug    string            `json:"slug"`
			Summary string            `json:"summary"`
			Tags    []string          `json:"tags"`
			Extra   map[string]string `json:"extra,omitempty"`
		}
		elems := make([]elem, terms)
		for i := range elems {
			elems[i] = elem{Slug: slug, Summary: summary, Tags: []string{}}
			if i%2 == 1 {
				elems[i].Tags = []string{summary, slug}
				elems[i].Extra = map[string]string{"b": title, "a": base}
			}
		}
		whole, err := json.MarshalIndent(struct {
			Title string `json:"title"`
			Base  string `json:"base_url"`
			Terms []elem `json:"terms"`
			Empty []int  `json:"empty"`
		}{title, base, elems, make([]int, empty)}, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		o := jsonObject{w: &b}
		o.member("title", title)
		o.member("base_url", base)
		o.array("terms", len(elems), func(i int) any { return elems[i] })
		o.array("empty", empty, func(int) any { return 0 })
		if err := o.end(); err != nil {
			t.Fatal(err)
		}
		if got, want := b.String(), string(whole)+"\n"; got != want {
			t.Fatalf("jsonObject wrote\n%s\nMarshalIndent\n%s", got, want)
		}
	})
}
