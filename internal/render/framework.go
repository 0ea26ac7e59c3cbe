package render

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/markdown"
	"github.com/nhimg/nhiglossary/internal/xref"
)

func (r *Renderer) frameworkRef(f *content.Framework, l *links) FrameworkRef {
	seen := map[*content.Term]bool{}
	for _, tm := range r.g.FrameworkTerms[f] {
		seen[tm.Term] = true
	}
	for _, c := range f.Controls {
		for _, tm := range r.g.ControlTerms[c] {
			seen[tm.Term] = true
		}
	}
	// A nil l: the page shows no description, which is then not rendered
	// (nor its links declared, nor its code's style sheet loaded).
	var desc template.HTML
	if l != nil {
		desc = r.block(f.Description, markdown.Doc{IDPrefix: "framework-" + f.ID + "--"}, l)
	}
	return FrameworkRef{ID: f.ID, Name: f.Name, Short: f.Short, Version: f.Version, URL: r.u.Framework(f.ID), Description: desc, Controls: len(f.Controls), Terms: len(seen)}
}

// mappedTerms lists the terms of tms; idPrefix + "N--" prefixes the ids
// of the Nth one's relevance, whose citations link to the term's page.
func (r *Renderer) mappedTerms(tms []xref.TermMapping, idPrefix string, l *links) []MappedTerm {
	var out []MappedTerm
	for i, tm := range tms {
		if r.published(tm.Term) {
			ref := r.ref(tm.Term)
			doc := markdown.Doc{Inline: true, IDPrefix: nthPrefix(idPrefix, i)}
			if strings.Contains(tm.Relevance.Text, "@") { // most cite nothing: no lists to make
				doc.Sources, doc.SourcesAt = content.SourceIDs(tm.Term.Sources), r.sourcesOf(tm.Term)
				l.citesSourcesOf(ref.Slug)
			}
			out = append(out, MappedTerm{TermRef: ref, Relevance: r.cited(tm.Relevance, doc, l, nil)})
			l.add([]string{ref.Slug})
		}
	}
	return out
}

// sourcesOf is where a field of t shown on another page finds t's
// sources: on t's page, each labelled with whose source it is, which the
// other page does not say.
func (r *Renderer) sourcesOf(t *content.Term) *markdown.SourceList {
	labels := make([]string, len(t.Sources))
	for i, s := range t.Sources {
		labels[i] = r.text.Tf("source_of_term", strconv.Itoa(i+1), t.Title.Value, s.Title)
	}
	return &markdown.SourceList{URL: r.termURL(t), Labels: labels}
}

func (r *Renderer) frameworkPage(w Writer, f *content.Framework, l *links) error {
	return r.tmpl.execute(w, "framework", r.frameworkView(f, l))
}

func (r *Renderer) frameworkView(f *content.Framework, l *links) FrameworkPage {
	ref := r.frameworkRef(f, l)
	p := FrameworkPage{
		Layout:    r.layout("framework", f.Name, ref.URL, "", Link{r.text.T("home"), r.u.Home()}, Link{r.text.T("nav_frameworks"), r.u.Frameworks()}),
		Framework: ref,
		Homepage:  f.URL,
	}
	p.Terms = r.mappedTerms(r.g.FrameworkTerms[f], "framework-level--", l)
	for _, c := range f.Controls {
		a := r.anchors[c]
		p.Controls = append(p.Controls, ControlView{
			ID: c.ID.Value, Anchor: a, Title: c.Title, URL: c.URL,
			Description: r.block(c.Description, markdown.Doc{IDPrefix: a + "--"}, l), Terms: r.mappedTerms(r.g.ControlTerms[c], a+"--", l),
		})
	}
	p.Previews = r.previews(l)
	p.Code = l.showsCode()
	return p
}

func (r *Renderer) frameworksPage(w Writer, l *links) error {
	return r.tmpl.execute(w, "frameworks", r.frameworksView(l))
}

func (r *Renderer) frameworksView(l *links) FrameworksPage {
	p := FrameworksPage{Layout: r.layout("frameworks", r.text.T("nav_frameworks"), r.u.Frameworks(), r.text.T("desc_frameworks"), Link{r.text.T("home"), r.u.Home()})}
	for _, f := range r.g.Frameworks {
		p.Frameworks = append(p.Frameworks, r.frameworkRef(f, l))
	}
	p.Code = l.showsCode()
	return p
}

func (r *Renderer) matrixPage(w Writer, l *links) error {
	return r.tmpl.execute(w, "matrix", r.matrixView(l))
}

func (r *Renderer) matrixView(l *links) MatrixPage {
	p := MatrixPage{Layout: r.layout("matrix", r.text.T("framework_matrix"), r.u.Matrix(), r.text.T("desc_matrix"), Link{r.text.T("home"), r.u.Home()}, Link{r.text.T("nav_frameworks"), r.u.Frameworks()})}
	idx := map[*content.Framework]int{}
	cellCache := map[string]template.HTML{} // the page's cells, by their links
	for i, f := range r.g.Frameworks {
		p.Frameworks = append(p.Frameworks, r.frameworkRef(f, nil)) // the page shows no description
		idx[f] = i
	}
	for _, t := range r.g.Terms {
		ms := r.g.TermMappings[t]
		if len(ms) == 0 {
			continue
		}
		var html strings.Builder
		for _, c := range r.matrixCells(ms, idx) {
			var key strings.Builder
			for _, l := range c {
				key.WriteString(l.Title + "\x00" + l.URL + "\x00")
			}
			cell, ok := cellCache[key.String()]
			if !ok {
				cell = r.partial("matrixcell", c)
				cellCache[key.String()] = cell
			}
			html.WriteString(string(cell))
		}
		row := MatrixRow{Term: r.ref(t), Cells: template.HTML(html.String())}
		p.Rows = append(p.Rows, row)
	}
	var rows links // the previews are of the rows' terms alone
	for _, row := range p.Rows {
		rows.terms = append(rows.terms, row.Term.Slug)
	}
	p.Previews = r.previews(&rows)
	l.merge(rows)
	return p
}

// matrixCells are a term's cells of the matrix, one per framework (idx
// numbers them): the controls it maps to, or the framework itself.
func (r *Renderer) matrixCells(ms []xref.Mapping, idx map[*content.Framework]int) [][]Link {
	cells := make([][]Link, len(idx))
	for _, m := range ms {
		i := idx[m.Framework]
		if m.Control != nil {
			cells[i] = append(cells[i], Link{controlLabel(m.Control), r.controlURL(m.Framework, m.Control)})
		} else {
			cells[i] = append(cells[i], Link{r.text.T("framework_level"), r.u.Framework(m.Framework.ID)})
		}
	}
	return cells
}

// controlLabel is how a matrix cell names a control: by its id where the
// id is a reference code (NHI2, PR.AA-01, T1552.001, 5.4), by its title
// where the id is a word ("tenet-3"), which readers do not know.
func controlLabel(c *content.Control) string {
	id := c.ID.Value
	if c.Title == "" || strings.ContainsAny(id, "0123456789") && strings.ToLower(id) != id {
		return id
	}
	if strings.Trim(id, "0123456789.") == "" { // CIS-style 5.4
		return id
	}
	return c.Title
}
