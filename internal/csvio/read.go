package csvio

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strings"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/diag"
)

// readRows parses a CSV of terms (name is how errors name the file) and checks
// every row, as a term file made from it would be checked by `check`.
// Spreadsheet habits are accepted: a UTF-8 byte-order mark, CRLF line
// ends, a trailing empty column, blank rows. A row without `updated`
// gets today. Errors are at FILE:LINE:COL of the cell; rows are returned
// only when there is none.
func readRows(name string, data []byte, cfg content.Config, today time.Time) ([]*Row, diag.List) {
	var diags diag.List
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	lines := strings.Split(string(data), "\n")
	at := func(line, byteCol int) diag.Pos {
		col := byteCol
		if line >= 1 && line <= len(lines) && byteCol >= 1 && byteCol-1 <= len(lines[line-1]) {
			col = utf8.RuneCountInString(lines[line-1][:byteCol-1]) + 1
		}
		return diag.Pos{File: name, Line: line, Col: col}
	}

	if !utf8.Valid(data) {
		// A spreadsheet's "CSV" may be in its own code page: its cells
		// would garble the term files, or fail them.
		bad := 0
		for bad < len(data) {
			c, n := utf8.DecodeRune(data[bad:])
			if c == utf8.RuneError && n == 1 {
				break
			}
			bad += n
		}
		start := bytes.LastIndexByte(data[:bad], '\n') + 1
		diags.Add(diag.NotUTF8, diag.Pos{File: name, Line: 1 + bytes.Count(data[:bad], []byte("\n")), Col: 1 + utf8.RuneCount(data[start:bad])},
			"not UTF-8 text: save the file as UTF-8 (a spreadsheet's \"CSV UTF-8\"), then import it again")
		return nil, diags
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1 // checked here, to say which row
	header, err := r.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			diags.Add(diag.MissingKey, diag.Pos{File: name, Line: 1, Col: 1}, "the file is empty: it needs a header row (%s)", strings.Join(Columns, ","))
		} else {
			diags.Add(diag.FrontMatterSyntax, csvErrPos(name, err, at), "%s", csvErrMsg(err))
		}
		return nil, diags
	}
	if semicolons(header) {
		// Spreadsheets in many languages save "CSV" with ";" between cells.
		diags.Add(diag.FrontMatterSyntax, diag.Pos{File: name, Line: 1, Col: 1}, "the header's columns are separated by \";\", not \",\": save the file as comma-separated CSV (in Excel: \"CSV UTF-8 (Comma delimited)\")")
		return nil, diags
	}
	cols := make([]string, len(header)) // "" for a trailing empty column
	seen := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		p := at(r.FieldPos(i))
		switch {
		case h == "" && i == len(header)-1 && i > 0:
			// a spreadsheet's trailing empty column
		case h == "":
			diags.Add(diag.UnknownKey, p, "column %d has no name; the columns are %s", i+1, strings.Join(Columns, ", "))
		case !known(h):
			diags.Add(diag.UnknownKey, p, "unknown column %q%s; the columns are %s", h, diag.DidYouMean(h, Columns), strings.Join(Columns, ", "))
		case seen[h] > 0:
			diags.Add(diag.DuplicateKey, p, "column %q appears twice (also column %d)", h, seen[h])
		default:
			cols[i] = h
			seen[h] = i + 1
		}
	}
	for _, req := range []string{"slug", "title", "summary"} {
		if seen[req] == 0 {
			diags.Add(diag.MissingKey, diag.Pos{File: name, Line: 1, Col: 1}, "the header has no %q column", req)
		}
	}
	if diags.HasErrors() {
		return nil, diags.Sort()
	}

	var rows []*Row
	slugLine := map[string]int{}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			diags.Add(diag.FrontMatterSyntax, csvErrPos(name, err, at), "%s", csvErrMsg(err))
			break // the reader cannot find the next row after a quoting error
		}
		line, _ := r.FieldPos(0)
		if blankRow(rec) {
			continue
		}
		if len(rec) > len(header) && blankRow(rec[len(header):]) {
			diags.Add(diag.InvalidValue, at(r.FieldPos(len(header))), "row has %d cells, the header %d, so this empty cell has no column: put a cell that holds a comma in double quotes (\"a, b\"), or remove the commas at the row's end", len(rec), len(header))
			continue
		}
		if len(rec) > len(header) {
			// Most often an unquoted comma in a cell, somewhere before.
			diags.Add(diag.InvalidValue, at(r.FieldPos(len(header))), "row has %d cells, the header %d, so this cell has no column: put a cell that holds a comma in double quotes (\"a, b\")", len(rec), len(header))
			continue
		}
		if len(rec) < len(header) {
			diags.Add(diag.InvalidValue, at(line, 1), "row has %d cells, the header %d", len(rec), len(header))
			continue
		}
		row := &Row{Line: line, fields: map[string]string{}, lists: map[string][]string{}, pos: map[string]diag.Pos{}}
		for i, c := range rec {
			col := cols[i]
			p := at(r.FieldPos(i))
			if col == "" {
				if c != "" {
					diags.Add(diag.UnknownKey, p, "cell under a column without a name")
				}
				continue
			}
			row.pos[col] = p
			if col != "body" {
				c = strings.TrimSpace(c) // as the term file's YAML would
			}
			c = restore(c)
			if isList(col) {
				row.lists[col] = splitList(c)
			} else {
				row.fields[col] = c
			}
		}
		if checkRow(row, &diags, today) {
			if first, dup := slugLine[row.Slug()]; dup {
				diags.Add(diag.DuplicateSlug, row.pos["slug"], "slug %q is also the slug of the row at line %d", row.Slug(), first)
				continue
			}
			slugLine[row.Slug()] = line
			row.sources, row.cited = placeholders(row.fields["body"])
			// The term file the row makes must load as any term does.
			row.file = "content/terms/" + row.Slug() + ".md"
			row.data, row.keys, row.body = termFile(row)
			if _, more := content.LoadTerm(fstest.MapFS{row.file: {Data: row.data}}, row.file, cfg); more.HasErrors() {
				for _, d := range more {
					if d.Severity == diag.Error {
						diags.Add(d.Code, row.Cell(d.Pos), "the term this row makes is not valid: %s", d.Message)
					}
				}
				continue
			}
		}
		rows = append(rows, row)
	}
	if diags.HasErrors() {
		return nil, diags.Sort()
	}
	return rows, diags.Sort()
}

// semicolons reports whether header is a header written with ";"
// between its cells: one cell (or a few, when a name holds a comma)
// that splits at ";" into known columns.
func semicolons(header []string) bool {
	for _, h := range header {
		parts := strings.Split(h, ";")
		if len(parts) > 1 && known(strings.ToLower(strings.TrimSpace(parts[0]))) && known(strings.ToLower(strings.TrimSpace(parts[1]))) {
			return true
		}
	}
	return false
}

func known(col string) bool {
	for _, c := range Columns {
		if c == col {
			return true
		}
	}
	return false
}

func blankRow(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func splitList(c string) []string {
	var out []string
	for _, item := range strings.Split(c, ";") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

// checkRow reports what is wrong with one row's cells; false when
// anything is.
func checkRow(row *Row, diags *diag.List, today time.Time) bool {
	ok := true
	bad := func(code diag.Code, col, format string, args ...any) {
		p := row.pos[col]
		if p.File == "" { // the column is missing: the row's start
			p = row.pos["slug"]
		}
		diags.Add(code, p, format, args...)
		ok = false
	}
	slug := row.fields["slug"]
	switch {
	case slug == "":
		bad(diag.InvalidSlug, "slug", "slug is empty: give each row a slug such as %q", content.Slugify(row.fields["title"]))
	case !content.ValidSlug(slug):
		bad(diag.InvalidSlug, "slug", "slug %q is not a plain slug: use lower-case letters, digits and single hyphens (such as %q)", slug, content.Slugify(slug))
	}
	if strings.TrimSpace(row.fields["title"]) == "" {
		bad(diag.MissingKey, "title", "title is empty")
	}
	if strings.TrimSpace(row.fields["summary"]) == "" {
		bad(diag.MissingKey, "summary", "summary is empty")
	}
	switch u := strings.TrimSpace(row.fields["updated"]); u {
	case "":
		row.fields["updated"], row.updatedToday = today.Format(time.DateOnly), true
	default:
		if _, err := content.ParseDate(u); err != nil {
			bad(diag.InvalidDate, "updated", "updated %q %v", u, err)
		}
		row.fields["updated"] = u
	}
	switch d := strings.ToLower(strings.TrimSpace(row.fields["deprecated"])); d {
	case "", "false":
		row.fields["deprecated"] = ""
	case "true":
		row.fields["deprecated"] = "true"
	default:
		bad(diag.InvalidValue, "deprecated", "deprecated %q is not true or false", row.fields["deprecated"])
	}
	if row.fields["replaced_by"] != "" && row.fields["deprecated"] != "true" {
		bad(diag.InvalidValue, "replaced_by", "replaced_by is only for a deprecated term: set deprecated to true or empty this cell")
	}
	return ok
}

// termFile is the Markdown file of a row: YAML front matter with the
// row's fields in Columns order, empty ones left out, and the sources
// its body's citations need; then the body, ending in a newline. keys
// say where each front matter key starts, body the line the body starts
// on (0: it has none), for Cell.
func termFile(row *Row) (data []byte, keys []keyLine, body int) {
	m := &yaml.Node{Kind: yaml.MappingNode}
	str := func(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }
	for _, c := range Columns {
		switch {
		case c == "slug" || c == "body":
		case isList(c):
			if len(row.lists[c]) == 0 {
				continue
			}
			seq := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
			for _, item := range row.lists[c] {
				seq.Content = append(seq.Content, str(item))
			}
			m.Content = append(m.Content, str(c), seq)
		case row.fields[c] != "":
			v := str(row.fields[c])
			switch c {
			case "updated":
				v.Tag = "!!timestamp"
			case "deprecated":
				v.Tag = "!!bool"
			}
			m.Content = append(m.Content, str(c), v)
		}
	}
	if len(row.sources) > 0 {
		key := str("sources")
		key.HeadComment = "Placeholders for the body's citations, which the CSV had no sources for:\ngive each its title and url."
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		for _, p := range row.sources {
			src := &yaml.Node{Kind: yaml.MappingNode}
			if p.id != "" {
				src.Content = append(src.Content, str("id"), str(p.id))
			}
			src.Content = append(src.Content, str("title"), str(p.title))
			seq.Content = append(seq.Content, src)
		}
		m.Content = append(m.Content, key, seq)
	}
	var b bytes.Buffer
	b.WriteString("---\n")
	encode := func(n *yaml.Node) {
		enc := yaml.NewEncoder(&b)
		enc.SetIndent(2)
		enc.Encode(n)
		enc.Close()
	}
	if len(m.Content) == 0 {
		encode(m) // {}
	}
	// Each key on its own, as the mapping would write it, so that a
	// problem at a line of the file is put at its key's cell. (A comment
	// above the key is the key before's, as a reader would take it.)
	for i := 0; i < len(m.Content); i += 2 {
		column := m.Content[i].Value
		if column == "sources" {
			column = "body" // made for the body's citations
		}
		line := 1 + yamlLines(b.Bytes()) // the line the entry starts on
		if c := m.Content[i].HeadComment; c != "" {
			line += strings.Count(c, "\n") + 1
		}
		keys = append(keys, keyLine{line, column})
		encode(&yaml.Node{Kind: yaml.MappingNode, Content: m.Content[i : i+2]})
	}
	b.WriteString("---\n")
	if text := row.fields["body"]; text != "" {
		// Export leaves the file's last newline out of the cell (a cell
		// typed in a spreadsheet has none): it goes back here.
		body = 1 + yamlLines(b.Bytes())
		b.WriteString(text)
		b.WriteByte('\n')
	}
	return b.Bytes(), keys, body
}

// yamlLines counts the line breaks in b as YAML does, which also breaks
// lines at U+0085, U+2028 and U+2029 (text pasted from a word processor
// has them), so that the lines Cell knows are the loader's.
func yamlLines(b []byte) int {
	n := bytes.Count(b, []byte("\n"))
	for _, r := range []string{"\u0085", "\u2028", "\u2029"} {
		n += bytes.Count(b, []byte(r))
	}
	return n
}

func csvErrPos(name string, err error, at func(line, col int) diag.Pos) diag.Pos {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return at(pe.Line, pe.Column)
	}
	return diag.Pos{File: name, Line: 1, Col: 1}
}

func csvErrMsg(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return "not valid CSV: " + pe.Err.Error() + " (a quote inside a quoted cell is written twice: \"\")"
	}
	return err.Error()
}

// File is a term file to write, its path relative to the site.
type File struct {
	Path string
	Data []byte
	Row  *Row
}

// Plan is what importing a CSV would do: the term files to write, and
// the rows skipped because their slug is a term already.
type Plan struct {
	Write   []File
	Skipped []*Row
}

// Import reads a CSV and plans the term files it adds to a site; exists
// says whether a slug is a term of the site already. Nothing is planned
// while any row has an error. Every path is content/terms/SLUG.md of a
// checked plain slug: nothing can land outside that folder.
func Import(name string, data []byte, cfg content.Config, today time.Time, exists func(slug string) bool) (Plan, diag.List) {
	rows, diags := readRows(name, data, cfg, today)
	var p Plan
	if diags.HasErrors() {
		return p, diags
	}
	for _, r := range rows {
		if exists(r.Slug()) {
			p.Skipped = append(p.Skipped, r)
			continue
		}
		if len(r.sources) > 0 {
			diags.Add(diag.PlaceholderSource, r.pos["body"], "the body cites %s, and the CSV has no column for sources: %s gets a placeholder source for each; give it its title and url", citeList(r.cited), r.file)
		}
		p.Write = append(p.Write, File{Path: r.file, Data: r.data, Row: r})
	}
	return p, diags.Sort()
}

// citeList is keys as the body writes them: [@a], [@2].
func citeList(keys []string) string {
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("[@" + k + "]")
	}
	return b.String()
}

// Cell is the cell of the row that problem pos of the term file it makes
// is in: the body's for a line of the body, the column of the front
// matter key the line is under, else the slug's.
func (r *Row) Cell(pos diag.Pos) diag.Pos {
	column := "slug"
	if r.body > 0 && pos.Line >= r.body {
		column = "body"
	} else if i, _ := slices.BinarySearchFunc(r.keys, pos.Line+1, func(k keyLine, line int) int { return k.line - line }); i > 0 {
		column = r.keys[i-1].column // the last key at or before the line
	}
	if p, ok := r.pos[column]; ok {
		return p
	}
	return r.pos["slug"]
}
