// Package csvio moves terms between a site and a spreadsheet: Export
// writes the published terms as CSV (RFC 4180, through encoding/csv), and
// Import turns such a file back into term files, checking every row before
// anything is written.
//
// The CSV has a header row and the columns of Columns; lists are joined
// with "; ". A cell whose text a spreadsheet would run as a formula (it
// begins with = + - @, a tab or a carriage return) is written with a
// leading apostrophe, as spreadsheets themselves mark text; a cell that
// begins with an apostrophe gets one more. Read removes one leading
// apostrophe, so every value reads back as it was.
package csvio

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/diag"
)

// Columns are the CSV's columns, in the order Export writes them.
var Columns = []string{"slug", "title", "summary", "synonyms", "abbreviations", "category", "tags", "related", "broader", "updated", "deprecated", "replaced_by", "body"}

// listSep joins the items of a list in one cell.
const listSep = "; "

// Export writes terms (in the order given) as CSV. A list item that holds
// ";" cannot be told from two items, nor two terms of one slug from one
// term: each is an error at the term's file.
func Export(terms []*content.Term) ([]byte, diag.List) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = true // RFC 4180, and what spreadsheets write
	var diags diag.List
	w.Write(Columns)
	file := map[string]string{} // by slug
	for _, t := range terms {
		if first, dup := file[t.Slug.Value]; dup {
			pos := t.Slug.Pos
			if pos.File == "" { // the slug is the file's name
				pos = diag.Pos{File: t.File, Line: 1, Col: 1}
			}
			diags.Add(diag.DuplicateSlug, pos, "slug %q is also the slug of %s: a CSV row is one term", t.Slug.Value, diag.Pos{File: first})
		}
		file[t.Slug.Value] = t.File
		r := rowOf(t)
		rec := r.cells()
		for i, c := range rec {
			if isList(Columns[i]) {
				for j, item := range r.lists[Columns[i]] {
					if strings.Contains(item, ";") {
						diags.Add(diag.InvalidValue, itemPos(t, Columns[i], j), "%s %q holds \";\", which a CSV list cell uses between items; rename it or leave this term out of the export", Columns[i], item)
					}
				}
			}
			if Columns[i] != "body" && strings.ContainsRune(c, '\r') {
				// A spreadsheet, and Go's reader, take it for a line end.
				diags.Add(diag.InvalidValue, diag.Pos{File: t.File, Line: 1, Col: 1}, "%s %q holds a carriage return, which a CSV cell does not keep; remove it or leave this term out of the export", Columns[i], c)
			}
			rec[i] = defuse(c)
		}
		w.Write(rec)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		diags.Add(diag.CannotRead, diag.Pos{}, "writing CSV: %v", err)
	}
	return b.Bytes(), diags.Sort()
}

// defuse marks a cell that a spreadsheet would run as a formula as text,
// with a leading apostrophe (CSV injection); restore undoes it.
func defuse(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r'", rune(s[0])) {
		return "'" + s
	}
	return s
}

// restore is the inverse of defuse.
func restore(s string) string {
	return strings.TrimPrefix(s, "'")
}

func isList(col string) bool {
	switch col {
	case "synonyms", "abbreviations", "tags", "related", "broader":
		return true
	}
	return false
}

// Row is one term as the CSV holds it.
type Row struct {
	Line   int                 // where the row starts in the file
	fields map[string]string   // single-valued columns
	lists  map[string][]string // list columns
	pos    map[string]diag.Pos // each cell's position
	// updatedToday: the updated cell was empty, so the term file gets
	// the import's day.
	updatedToday bool
	// The sources the body's citations need (the CSV has none), and the
	// keys it cites: import only.
	sources []placeholder
	cited   []string
	// The term file the row makes, and its path: import only.
	file string
	data []byte
	keys []keyLine // where each front matter key of data starts, in order
	body int       // the line data's body starts on; 0: none
}

// A keyLine is the line of the term file a row makes where a front
// matter key starts, and the column it came from.
type keyLine struct {
	line   int
	column string
}

// Slug is the row's slug.
func (r *Row) Slug() string { return r.fields["slug"] }

// Differs lists the row's columns whose cells differ from what export
// writes of t: what importing the row over t would change, if import
// changed terms.
func (r *Row) Differs(t *content.Term) []string {
	was := rowOf(t)
	var out []string
	for _, c := range Columns {
		if _, inFile := r.pos[c]; !inFile {
			continue // a default, such as updated
		}
		if l, ok := r.lists[c]; ok && !slices.Equal(l, was.lists[c]) {
			out = append(out, c)
		}
		if f, ok := r.fields[c]; ok {
			if c == "updated" && r.updatedToday {
				continue // a new term's default: no change asked for
			}
			if c == "body" { // blank lines around it change nothing
				f, was.fields[c] = strings.TrimSpace(f), strings.TrimSpace(was.fields[c])
			}
			if f != was.fields[c] {
				out = append(out, c)
			}
		}
	}
	return out
}

// itemPos is where the jth item of t's list column is written, where
// the file says (tags keep no position: the file's start).
func itemPos(t *content.Term, column string, j int) diag.Pos {
	var ns []content.Name
	switch column {
	case "synonyms":
		ns = t.Synonyms
	case "abbreviations":
		ns = t.Abbreviations
	case "related":
		ns = t.Related
	case "broader":
		ns = t.Broader
	}
	if j < len(ns) && ns[j].Pos.File != "" {
		return ns[j].Pos
	}
	return diag.Pos{File: t.File, Line: 1, Col: 1}
}

func rowOf(t *content.Term) *Row {
	names := func(ns []content.Name) []string {
		out := make([]string, 0, len(ns))
		for _, n := range ns {
			out = append(out, n.Value)
		}
		return out
	}
	r := &Row{
		fields: map[string]string{
			"slug": t.Slug.Value, "title": t.Title.Value, "summary": t.Summary,
			"category": t.Category, "body": strings.TrimSuffix(t.Body.Text, "\n"), // import puts the newline back
		},
		lists: map[string][]string{
			"synonyms": names(t.Synonyms), "abbreviations": names(t.Abbreviations),
			"tags": t.Tags, "related": names(t.Related), "broader": broaderOf(t),
		},
	}
	if !t.Updated.IsZero() {
		r.fields["updated"] = t.Updated.Format("2006-01-02")
	}
	if deprecatedOf(t) {
		r.fields["deprecated"] = "true"
	}
	r.fields["replaced_by"] = replacedByOf(t)
	return r
}

func (r *Row) cells() []string {
	out := make([]string, len(Columns))
	for i, c := range Columns {
		if isList(c) {
			out[i] = strings.Join(r.lists[c], listSep)
		} else {
			out[i] = r.fields[c]
		}
	}
	return out
}
