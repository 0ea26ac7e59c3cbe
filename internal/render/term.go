package render

import (
	"encoding/json"
	"html/template"
	"slices"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/markdown"
	"github.com/nhimg/nhiglossary/internal/xref"
)

type mappingKey struct{ framework, control string }

func (r *Renderer) termPage(w Writer, t *content.Term, l *links) error {
	return r.tmpl.execute(w, "term", r.termView(t, l))
}

// termView is what t's page shows; l gathers what it shows of other pages.
func (r *Renderer) termView(t *content.Term, l *links) TermPage {
	g := r.g
	// The body is the page's main text: its heading ids are the plain
	// ones, made to avoid the ids of the page's own sections. Every other
	// field gets a prefix of its own, so no two share an id.
	sources := content.SourceIDs(t.Sources)
	body := r.md.Render(t.Body.Text, markdown.Doc{Self: t.Slug.Value, Autolink: true, Reserved: r.reserved["term"], Sources: sources})
	cites := body.Cites
	if r.opts.BodyText != nil {
		r.opts.BodyText(t, body.Text)
	}

	ref := r.termRef(t)
	p := TermPage{
		Layout:   r.layout("term", t.Title.Value, ref.URL, t.Summary, Link{r.text.T("home"), r.u.Home()}, Link{r.text.T("nav_glossary"), r.u.Terms()}),
		Term:     ref,
		Synonyms: names(t.Synonyms),
		Author:   t.Author,
		Body:     template.HTML(body.HTML),
		Headings: body.Headings,
		HasTOC:   len(body.Headings) >= 2,
		Takeaway: t.Takeaway,
		Reviewed: t.Reviewed,
	}
	p.Draft = t.Draft
	if t.Category != "" {
		p.Category = &Link{t.Category, r.cats.url(r.u, t.Category)}
	}
	for _, h := range body.Headings {
		if h.Level == 2 {
			p.TOC = append(p.TOC, h)
		}
	}
	p.Tags = r.tagLinks(t.Tags)
	l.renderedAs(t.Body.Text, body)
	for i, e := range t.Examples {
		doc := markdown.Doc{Self: t.Slug.Value, Inline: true, IDPrefix: nthPrefix("example-", i), Sources: sources}
		p.Examples = append(p.Examples, r.cited(e, doc, l, &cites))
	}
	for _, inc := range g.TermIncidents[t] {
		ref := r.incidentRef(inc)
		p.Incidents = append(p.Incidents, ref)
		l.merge(ref.links)
	}
	for i, m := range byFramework(g.TermMappings[t]) {
		row := MappingRow{Framework: Link{m.Framework.Name, r.u.Framework(m.Framework.ID)}, FrameworkAbbr: m.Framework.Short, Relevance: r.cited(m.Relevance, markdown.Doc{Inline: true, IDPrefix: nthPrefix("mapping-", i), Sources: sources}, l, &cites)}
		key := mappingKey{m.Framework.ID, ""}
		if m.Control != nil {
			row.Control, row.ControlTitle, row.ControlURL = m.Control.ID.Value, m.Control.Title, r.controlURL(m.Framework, m.Control)
			key.control = m.Control.ID.Value
		}
		row.Cells = r.cached(&r.cells, key, "mappingcells", MappingTarget{row.Framework, row.FrameworkAbbr, row.Control, row.ControlTitle, row.ControlURL})
		p.Mappings = append(p.Mappings, row)
	}
	for i, start := range p.Mappings {
		if i > 0 && start.Framework == p.Mappings[i-1].Framework {
			continue
		}
		for j := i; j < len(p.Mappings) && p.Mappings[j].Framework == start.Framework; j++ {
			p.Mappings[i].FrameworkRows++
		}
	}
	p.Sources = sourceViews(t.Sources, cites)
	p.Related = r.termRefs(g.Related[t])
	// "What links here" leaves out what "Related terms" already shows.
	p.ReferencedBy = r.termRefs(slices.DeleteFunc(slices.Clone(g.ReferencedBy[t]), func(o *content.Term) bool {
		return slices.Contains(g.Related[t], o)
	}))
	p.Definitions = definitionViews(t.Definitions)
	r.terminology(&p, t)
	p.JSONLD = r.definedTerm(t)
	l.refs(p.Related)
	l.refs(p.ReferencedBy)
	l.refs(p.Broader)
	l.refs(p.Narrower)
	if p.ReplacedBy != nil {
		l.refs([]TermRef{*p.ReplacedBy})
	}
	p.Previews = r.previews(l)
	p.Code = l.showsCode()
	return p
}

func (r *Renderer) definedTerm(t *content.Term) template.JS {
	// Fields in key order: the output matches a sorted map's, without
	// the map.
	type termSet struct {
		Type string `json:"@type"`
		Name string `json:"name"`
		URL  string `json:"url"`
	}
	type definedTerm struct {
		Context       string      `json:"@context"`
		Type          string      `json:"@type"`
		AlternateName []string    `json:"alternateName,omitempty"`
		DateModified  string      `json:"dateModified"`
		Description   string      `json:"description"`
		InSet         termSet     `json:"inDefinedTermSet"`
		Name          string      `json:"name"`
		SubjectOf     []quotation `json:"subjectOf,omitempty"` // the quoted definitions
		TermCode      string      `json:"termCode"`
		URL           string      `json:"url"`
		InLanguage    string      `json:"inLanguage,omitempty"`
	}
	dt := definedTerm{
		Context: "https://schema.org", Type: "DefinedTerm",
		AlternateName: append(names(t.Abbreviations), names(t.Synonyms)...),
		DateModified:  t.Updated.Format("2006-01-02"),
		Description:   t.Summary,
		InSet:         termSet{"DefinedTermSet", r.cfg.Title, r.abs(r.u.Terms())},
		Name:          t.Title.Value, TermCode: t.Slug.Value,
		URL: r.abs(r.u.Term(t.Slug.Value)),
	}
	dt.SubjectOf = quotations(t.Definitions)
	if len(r.langs) > 1 {
		dt.InLanguage = r.lang
	}
	b, _ := json.Marshal(dt) // escapes <, > and &: cannot close the script element
	return template.JS(b)
}

func (r *Renderer) redirectPage(w Writer, t *content.Term) error {
	return r.tmpl.execute(w, "redirect", r.redirectView(t))
}

// redirectView is the page at an old slug of t.
func (r *Renderer) redirectView(t *content.Term) RedirectPage {
	target := r.u.Term(t.Slug.Value)
	l := r.layout("redirect", t.Title.Value, target, "")
	l.Canonical = r.abs(target)
	l.NoIndex = true
	l.Refresh = target
	return RedirectPage{Layout: l, Target: Link{t.Title.Value, target}}
}

// byFramework groups a term's mappings by framework, in the order each
// framework first appears, so that the table names each framework once.
func byFramework(ms []xref.Mapping) []xref.Mapping {
	first := map[*content.Framework]int{}
	for i, m := range ms {
		if _, ok := first[m.Framework]; !ok {
			first[m.Framework] = i
		}
	}
	return slices.SortedStableFunc(slices.Values(ms), func(a, b xref.Mapping) int {
		return first[a.Framework] - first[b.Framework]
	})
}
