package render

import (
	"html/template"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/markdown"
)

func (r *Renderer) incidentRef(inc *content.Incident) IncidentRef {
	if ref, ok := r.incidents.Load(inc); ok {
		return ref.(IncidentRef)
	}
	ref := IncidentRef{Slug: inc.Slug.Value, Title: inc.Title.Value, URL: r.incidentURL(inc), Lang: r.foreign(inc.Lang), Date: inc.Date}
	ref.Summary = r.inline(inc.Summary, "incident-"+inc.Slug.Value+"--", &ref.links)
	ref.Item = r.partial("incidentitem", ref)
	r.incidents.Store(inc, ref)
	return ref
}

func (r *Renderer) incidentPage(w Writer, inc *content.Incident, l *links) error {
	return r.tmpl.execute(w, "incident", r.incidentView(inc, l))
}

func (r *Renderer) incidentView(inc *content.Incident, l *links) IncidentPage {
	ref := r.incidentRef(inc)
	p := IncidentPage{
		Layout:   r.layout("incident", inc.Title.Value, ref.URL, plain(inc.Summary.Text), Link{r.text.T("home"), r.u.Home()}, Link{r.text.T("nav_incidents"), r.u.Incidents()}),
		Incident: ref,
		Terms:    r.termRefs(r.g.IncidentTerms[inc]),
	}
	l.merge(ref.links)
	body := r.md.Render(inc.Body.Text, markdown.Doc{Reserved: r.reserved["incident"], Sources: content.SourceIDs(inc.Sources)})
	l.renderedAs(inc.Body.Text, body)
	p.Body = template.HTML(body.HTML)
	p.Sources = sourceViews(inc.Sources, body.Cites)
	p.Layout.Draft = inc.Draft
	p.Tags = r.tagLinks(inc.Tags)
	l.refs(p.Terms)
	p.Previews = r.previews(l)
	p.Code = l.showsCode()
	return p
}

func (r *Renderer) incidentsPage(w Writer, l *links) error {
	return r.tmpl.execute(w, "incidents", r.incidentsView(l))
}

func (r *Renderer) incidentsView(l *links) IncidentsPage {
	p := IncidentsPage{Layout: r.layout("incidents", r.text.T("nav_incidents"), r.u.Incidents(), r.text.T("desc_incidents"), Link{r.text.T("home"), r.u.Home()})}
	for _, inc := range r.g.Incidents {
		ref := r.incidentRef(inc)
		p.Incidents = append(p.Incidents, ref)
		l.merge(ref.links)
	}
	p.Code = l.showsCode()
	return p
}
