package csvio

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/diag"
)

var today = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

const siteTerms = `---
title: "API \"Key\""
summary: A static secret; it identifies an app.
synonyms: [API token, "=HYPERLINK(\"http://evil\")"]
abbreviations: [AK]
category: Credentials
tags: [secrets, "@mention"]
related: [secret]
updated: 2026-01-02
---
- a list item first, which a spreadsheet would read as a formula
- ünïcode, "quotes", and a comma, here

## Why it matters

Text.
`

func load(t testing.TB, fsys fstest.MapFS) []*content.Term {
	t.Helper()
	s, diags := content.Load(fsys)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return s.Terms
}

func site() fstest.MapFS {
	return fstest.MapFS{
		"content/terms/api-key.md":    {Data: []byte(siteTerms)},
		"content/terms/secret.md":     {Data: []byte("---\ntitle: Secret\nsummary: \"+1 kept hidden\"\nupdated: 2025-05-06\n---\n@here\r\nbody\n")},
		"content/terms/static-key.md": {Data: []byte("---\ntitle: Static Key\nsummary: A key that never changes.\nbroader: [api-key, secret]\nupdated: 2025-05-06\n---\nBody.\n")},
		"content/terms/old-key.md":    {Data: []byte("---\ntitle: Old Key\nsummary: What it was called.\ndeprecated: true\nreplaced_by: api-key\nupdated: 2025-05-06\n---\nBody.\n")},
	}
}

func export(t testing.TB, terms []*content.Term) []byte {
	t.Helper()
	b, diags := Export(terms)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return b
}

// importInto applies a plan to a MapFS, as the command does to a folder.
func importInto(t testing.TB, fsys fstest.MapFS, csv []byte) Plan {
	t.Helper()
	p, diags := Import("terms.csv", csv, content.DefaultConfig(), today, func(slug string) bool {
		_, ok := fsys["content/terms/"+slug+".md"]
		return ok
	})
	if diags.HasErrors() {
		t.Fatalf("%v\n%s", diags, csv)
	}
	for _, f := range p.Write {
		fsys[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	return p
}

func TestRoundTrip(t *testing.T) {
	first := export(t, load(t, site()))
	empty := fstest.MapFS{}
	p := importInto(t, empty, first)
	if len(p.Write) != 4 || len(p.Skipped) != 0 {
		t.Fatalf("plan: %d to write, %d skipped", len(p.Write), len(p.Skipped))
	}
	second := export(t, load(t, empty))
	if !bytes.Equal(first, second) {
		t.Errorf("export, import, export changed the CSV:\n%s\n---\n%s", first, second)
	}
}

func TestExportDefusesFormulas(t *testing.T) {
	out := string(export(t, load(t, site())))
	for _, want := range []string{`"API token; =HYPERLINK(""http://evil"")"`, "secrets; @mention", `'+1 kept hidden`, "\"'- a list item first", "\"'@here\r\nbody"} {
		if !strings.Contains(out, want) {
			t.Errorf("export lacks %q:\n%s", want, out)
		}
	}
	// No cell of the file begins with a formula character.
	rows, _ := readRows("x.csv", []byte(out), content.DefaultConfig(), today)
	if len(rows) != 4 {
		t.Fatalf("read %d rows", len(rows))
	}
	if got := rows[2].fields["summary"]; got != "+1 kept hidden" {
		t.Errorf("summary read back as %q", got)
	}
	if !strings.HasSuffix(out, "\r\n") || strings.Count(out, "\r\n") < 3 {
		t.Errorf("records do not end in CRLF")
	}
	for _, want := range []string{"\r\nold-key,Old Key,What it was called.,,,,,,,2025-05-06,true,api-key,Body.\r\n", ",api-key; secret,2025-05-06,,,"} {
		if !strings.Contains(out, want) {
			t.Errorf("export lacks %q", want)
		}
	}
}

func TestSpreadsheetHabits(t *testing.T) {
	csv := "\uFEFFslug,title,summary,updated,\r\nabc,Abc,An abc.,2026-01-01,\r\n,,,,\r\ndef,Déf,\"Two\r\nlines\",,\r\n"
	fsys := fstest.MapFS{}
	p := importInto(t, fsys, []byte(csv))
	if len(p.Write) != 2 {
		t.Fatalf("wrote %d files", len(p.Write))
	}
	ts := load(t, fsys)
	if ts[1].Summary != "Two lines" || ts[1].Updated != today {
		t.Errorf("def: %q %v", ts[1].Summary, ts[1].Updated)
	}
}

func TestNeverOverwrites(t *testing.T) {
	fsys := site()
	before := string(fsys["content/terms/secret.md"].Data)
	p := importInto(t, fsys, []byte("slug,title,summary\nsecret,Secret,New text.\nnew-one,New,A new one.\n"))
	if len(p.Skipped) != 1 || p.Skipped[0].Slug() != "secret" || p.Skipped[0].Line != 2 {
		t.Errorf("skipped %v", p.Skipped)
	}
	if len(p.Write) != 1 || p.Write[0].Path != "content/terms/new-one.md" {
		t.Errorf("write %v", p.Write)
	}
	if string(fsys["content/terms/secret.md"].Data) != before {
		t.Error("secret.md changed")
	}
}

func TestBadRows(t *testing.T) {
	const head = "slug,title,summary,updated,deprecated,replaced_by\n"
	for _, tc := range []struct{ name, csv, want string }{
		{"dotdot slug", head + "../x,X,An x.,,,\n", "terms.csv:2:1: slug \"../x\" is not a plain slug"},
		{"path slug", head + "ok,Ok,Fine.,,,\na/b,X,An x.,,,\n", "terms.csv:3:1: slug \"a/b\" is not a plain slug"},
		{"empty slug", head + ",X,An x.,,,\n", "terms.csv:2:1: slug is empty: give each row a slug such as \"x\""},
		{"missing title", head + "x,,An x.,,,\n", "terms.csv:2:3: title is empty"},
		{"missing summary", head + "x,X,  ,,,\n", "terms.csv:2:5: summary is empty"},
		{"bad date", head + "x,X,An x.,2026-13-01,,\n", "terms.csv:2:11: updated \"2026-13-01\" is not a real date"},
		{"date written otherwise", head + "x,X,An x.,1.3.2026,,\n", "terms.csv:2:11: updated \"1.3.2026\" is not a date written YYYY-MM-DD"},
		{"bad bool", head + "x,X,An x.,,maybe,\n", "terms.csv:2:12: deprecated \"maybe\" is not true or false"},
		{"replaced without deprecated", head + "x,X,An x.,,,y\n", "terms.csv:2:13: replaced_by is only for a deprecated term"},
		{"unknown column", "slug,title,summary,sumary2\n", "terms.csv:1:20: unknown column \"sumary2\""},
		{"no title column", "slug,summary\n", "terms.csv:1:1: the header has no \"title\" column"},
		{"short row", head + "x,X\n", "terms.csv:2:1: row has 2 cells, the header 6"},
		{"long row, at its first cell too many", head + "x,X,An x, really.,,,y\n", "terms.csv:2:21: row has 7 cells, the header 6, so this cell has no column: put a cell that holds a comma in double quotes"},
		{"long row of empty cells", head + "x,X,An x.,,,,\n", "terms.csv:2:14: row has 7 cells, the header 6, so this empty cell has no column: put a cell that holds a comma in double quotes (\"a, b\"), or remove the commas at the row's end"},
		{"long row from an unquoted comma, empty cells last", head + "x,X,An x, really.,,,\n", "terms.csv:2:21: row has 7 cells, the header 6, so this empty cell has no column: put a cell that holds a comma in double quotes"},
		{"columns separated by semicolons", "slug;title;summary\nx;X;An x.\n", "terms.csv:1:1: the header's columns are separated by \";\", not \",\": save the file as comma-separated CSV"},
		{"duplicate slug", head + "x,X,An x.,,,\nx,Y,A y.,,,\n", "terms.csv:3:1: slug \"x\" is also the slug of the row at line 2"},
		{"bad quote", head + "x,\"X\"y,An x.,,,\n", "terms.csv:2:"},
		{"column after unicode", "slug,summary,títle\n", "terms.csv:1:14: unknown column \"títle\""},
		{"empty file", "", "terms.csv:1:1: the file is empty"},
		{"not UTF-8 (a spreadsheet's code page)", head + "cafe,Caf\xe9 Key,An x.,,,\n", "terms.csv:2:9: not UTF-8 text: save the file as UTF-8"},
		// A problem of the term file a row makes is at the cell it
		// comes from.
		{"placeholder text in the body", "slug,title,summary,body\nx,X,An x.,\"Intro.\n\nTODO: the rest\"\n", "terms.csv:2:11: the term this row makes is not valid: \"TODO: the rest\""},
		{"placeholder text in the summary", "slug,title,summary,body\nx,X,TODO: a summary,Body.\n", "terms.csv:2:5: the term this row makes is not valid: \"TODO: a summary\""},
		{"a line separator in an earlier cell", "slug,title,summary,category,body\nx,\"A\u2028B\",\"TODO: x\",c,Hi\n", "terms.csv:2:9: the term this row makes is not valid: \"TODO: x\""},
		{"citation of source zero", "slug,title,body,summary\nx,X,See [@0].,An x.\n", "terms.csv:2:5: the term this row makes is not valid: citation [@0]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, diags := Import("terms.csv", []byte(tc.csv), content.DefaultConfig(), today, func(string) bool { return false })
			if len(p.Write) != 0 && diags.HasErrors() {
				t.Error("a plan with errors")
			}
			if tc.want == "" {
				return
			}
			if !hasError(diags, tc.want) {
				t.Errorf("got %v, want %q", diags, tc.want)
			}
		})
	}
}

func hasError(l diag.List, prefix string) bool {
	for _, d := range l {
		if d.Severity == diag.Error && strings.HasPrefix(d.String(), prefix) {
			return true
		}
	}
	return false
}

// One bad row stops every row: nothing is planned.
func TestOneBadRowWritesNothing(t *testing.T) {
	p, diags := Import("t.csv", []byte("slug,title,summary\ngood,Good,Fine.\nbad/x,Bad,Bad.\n"), content.DefaultConfig(), today, func(string) bool { return false })
	if !diags.HasErrors() || len(p.Write) != 0 {
		t.Errorf("plan %v, diags %v", p.Write, diags)
	}
}

func TestListsKeepOrder(t *testing.T) {
	rows, diags := readRows("t.csv", []byte("slug,title,summary,tags\nx,X,An x., b ;a;; c\n"), content.DefaultConfig(), today)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if got := rows[0].lists["tags"]; !slices.Equal(got, []string{"b", "a", "c"}) {
		t.Errorf("tags %q", got)
	}
}

func TestPlaceholders(t *testing.T) {
	for _, tc := range []struct {
		body  string
		want  []placeholder
		cited []string
	}{
		{"No citations.", nil, nil},
		{"As [@gg-2026] and [@gg-2026; @wiz] say.", []placeholder{{"gg-2026", "gg-2026"}, {"wiz", "wiz"}}, []string{"gg-2026", "wiz"}},
		{"By number [@3], and [@a].", []placeholder{{"a", "a"}, {"", "Source 2"}, {"", "Source 3"}}, []string{"3", "a"}},
		{"In code `[@x]` it is text.", nil, nil},
		{"A year [@2024] is an id.", []placeholder{{"2024", "2024"}}, []string{"2024"}},
	} {
		got, cited := placeholders(tc.body)
		if !slices.Equal(got, tc.want) || !slices.Equal(cited, tc.cited) {
			t.Errorf("placeholders(%q) = %v, %v; want %v, %v", tc.body, got, cited, tc.want, tc.cited)
		}
	}
}

// A body that cites sources imports with a placeholder for each (the
// CSV has no sources), which the file needs to load; the warning is at
// the body's cell, and export gives the row back as it was.
func TestCitationsImportWithPlaceholderSources(t *testing.T) {
	in := strings.Join(Columns, ",") + "\r\nkey,Key,A key.,,,,,,,2026-01-02,,,\"Leaks grow [@gg-2026], as [@2] says.\"\r\n"
	p, diags := Import("t.csv", []byte(in), content.DefaultConfig(), today, func(string) bool { return false })
	if diags.HasErrors() || len(p.Write) != 1 {
		t.Fatalf("plan %v, diags %v", p.Write, diags)
	}
	if len(diags) != 1 || diags[0].Code != diag.PlaceholderSource || diags[0].Pos.Line != 2 || diags[0].Pos.Col != 35 ||
		!strings.Contains(diags[0].Message, "[@gg-2026], [@2]") {
		t.Errorf("want one placeholder-source warning at 2:35, got %v", diags)
	}
	f := p.Write[0]
	term, more := content.LoadTerm(fstest.MapFS{f.Path: {Data: f.Data}}, f.Path, content.DefaultConfig())
	if more.HasErrors() {
		t.Fatalf("%v\n%s", more, f.Data)
	}
	if ids := content.SourceIDs(term.Sources); !slices.Equal(ids, []string{"gg-2026", ""}) {
		t.Errorf("source ids %q, want gg-2026 and one by number", ids)
	}
	out, more := Export([]*content.Term{term})
	if more.HasErrors() || string(out) != in {
		t.Errorf("export after import:\n%q\nwant\n%q", out, in)
	}
}

// Two terms of one slug would be one row: export refuses.
func TestExportRefusesTwoTermsOfOneSlug(t *testing.T) {
	a := &content.Term{File: "content/terms/a.md", Slug: content.Name{Value: "key"}, Title: content.Name{Value: "A"}}
	b := &content.Term{File: "content/terms/b.md", Slug: content.Name{Value: "key"}, Title: content.Name{Value: "B"}}
	_, diags := Export([]*content.Term{a, b})
	if !hasError(diags, `content/terms/b.md:1:1: slug "key" is also the slug of content/terms/a.md`) {
		t.Errorf("got %v", diags)
	}
}

// An item holding ";" would be two: export refuses it, where the item is.
func TestExportRefusesAnItemWithASemicolon(t *testing.T) {
	term := &content.Term{File: "content/terms/a.md", Slug: content.Name{Value: "a"}, Title: content.Name{Value: "A"},
		Synonyms: []content.Name{{Value: "x"}, {Value: "y; z", Pos: diag.Pos{File: "content/terms/a.md", Line: 4, Col: 15}}},
		Tags:     []string{"p; q"}}
	_, diags := Export([]*content.Term{term})
	for _, want := range []string{
		`content/terms/a.md:4:15: synonyms "y; z" holds ";"`,
		`content/terms/a.md:1:1: tags "p; q" holds ";"`, // tags keep no position
	} {
		if !hasError(diags, want) {
			t.Errorf("no %q in %v", want, diags)
		}
	}
}

// A body's last newline is the file's, not the cell's: a file without
// one and a file with two both come back byte for byte through export,
// import, export.
func TestBodyEndsRoundTrip(t *testing.T) {
	for _, body := range []string{"One line.", "One line.\n", "Two ends.\n\n", ""} {
		term := &content.Term{File: "content/terms/k.md", Slug: content.Name{Value: "k"}, Title: content.Name{Value: "K"}, Summary: "A k.", Updated: today, Body: content.Markdown{Text: body}}
		first, diags := Export([]*content.Term{term})
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		p, diags := Import("t.csv", first, content.DefaultConfig(), today, func(string) bool { return false })
		if diags.HasErrors() || len(p.Write) != 1 {
			t.Fatalf("%q: %v", body, diags)
		}
		back, more := content.LoadTerm(fstest.MapFS{p.Write[0].Path: {Data: p.Write[0].Data}}, p.Write[0].Path, content.DefaultConfig())
		if more.HasErrors() {
			t.Fatalf("%q: %v", body, more)
		}
		if second, _ := Export([]*content.Term{back}); string(second) != string(first) {
			t.Errorf("body %q: export, import, export gives\n%q\nthen\n%q", body, first, second)
		}
	}
}

// A problem at any line of a file import writes is put at the cell of
// the column that line comes from: the key it is under as a reader
// reads the file, the body's cell for the body and its sources.
func TestCellOfEachLine(t *testing.T) {
	// The second row's body follows a key of its own, not the sources.
	in := strings.Join(Columns, ",") + "\r\nkey,Key,A key.,\"api token; Token\",,,secrets,\"a; b\",,2026-01-02,,,\"Leaks grow [@gg-2026].\n\nAs [@2] says.\"\r\n" +
		"token,Token,A token.,,,,,,,2026-01-02,,,\"Short.\n\nLived.\"\r\n"
	p, diags := Import("t.csv", []byte(in), content.DefaultConfig(), today, func(string) bool { return false })
	if diags.HasErrors() || len(p.Write) != 2 {
		t.Fatalf("plan %v, diags %v", p.Write, diags)
	}
	for _, f := range p.Write {
		cellOfEachLine(t, f)
	}
}

func cellOfEachLine(t *testing.T, f File) {
	t.Helper()
	lines := strings.Split(string(f.Data), "\n")
	body := slices.Index(lines[1:], "---") + 3 // the line after the closing ---
	for n := 1; n <= len(lines); n++ {
		column := "slug"
		switch {
		case n >= body:
			column = "body"
		case n >= 2:
			for i := n - 1; i >= 1; i-- { // up to the key the line is under
				if l := lines[i]; l != "" && l[0] != ' ' && l[0] != '#' && l[0] != '-' {
					column, _, _ = strings.Cut(l, ":")
					break
				}
			}
		}
		if column == "sources" {
			column = "body"
		}
		want, ok := f.Row.pos[column]
		if !ok {
			want = f.Row.pos["slug"]
		}
		if got := f.Row.Cell(diag.Pos{File: f.Path, Line: n, Col: 1}); got != want {
			t.Errorf("line %d %q: cell %v, want %s's %v\n%s", n, lines[n-1], got, column, want, f.Data)
		}
	}
}

// A file saved with ";" between cells is one error, not one per column.
func TestSemicolonsAreOneError(t *testing.T) {
	_, diags := Import("terms.csv", []byte("slug;title;summary;tags\nx;X;An x.;a\n"), content.DefaultConfig(), today, func(string) bool { return false })
	if len(diags) != 1 {
		t.Errorf("got %v, want one error", diags)
	}
}
