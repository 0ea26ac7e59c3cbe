package main

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/diag"
	"github.com/nhimg/nhiglossary/internal/scaffold"
)

// FuzzNewScaffolds: whatever title `new` accepts, each scaffold it writes
// loads without errors and gives the title back as typed.
func FuzzNewScaffolds(f *testing.F) {
	for _, s := range []string{"API Key", "null", "Key: value", "#hash", `Quote "this"`, "Café", "- dash", "a\tb", "x\u2028y", "{{.Title}}", "'", "|"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, title string) {
		title = strings.TrimSpace(title)
		if checkTitle(title) != nil || content.Slugify(title) == "" {
			return
		}
		fields := scaffold.Fields{Title: content.YAMLValue(title), Plain: title, Date: "2026-01-02"}
		for name, kind := range scaffold.Kinds {
			text, err := kind.Text(fields)
			if err != nil {
				t.Fatal(err)
			}
			p := kind.Path("x")
			fsys := fstest.MapFS{p: {Data: []byte(text)}}
			var got string
			var errs []string
			switch name {
			case "term":
				term, diags := content.LoadTerm(fsys, p, content.DefaultConfig())
				if errs = errorsOf(diags); term != nil {
					got = term.Title.Value
				}
			case "incident":
				l := content.LoadFile(fsys, p, content.DefaultConfig())
				if errs = errorsOf(l.Diags); l.Incident != nil {
					got = l.Incident.Title.Value
				}
			case "framework":
				l := content.LoadFile(fsys, p, content.DefaultConfig())
				if errs = errorsOf(l.Diags); l.Framework != nil {
					got = l.Framework.Name
				}
			}
			if len(errs) > 0 || got != title {
				t.Fatalf("%s scaffold for %q: title %q, errors %v\n%s", name, title, got, errs, text)
			}
		}
	})
}

func errorsOf(diags diag.List) []string {
	var out []string
	for _, d := range diags {
		if d.Severity == diag.Error {
			out = append(out, d.String())
		}
	}
	return out
}
