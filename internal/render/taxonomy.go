package render

import (
	"github.com/nhimg/nhiglossary/internal/xref"
)

// taxonomy is the tag or category pages of xref, under their folder.
type taxonomy struct {
	*xref.Taxonomy
	dir string // "tags/" or "categories/"
}

// url is the link to the page of a tag or category, by any spelling.
func (tx taxonomy) url(u urls, name string) string {
	return u.Taxonomy(tx.dir, tx.Slug(name))
}

// path is the output file of the page of a tag or category, by any
// spelling; "" when there is none.
func (tx taxonomy) path(name string) string {
	if _, ok := tx.Page(name); !ok {
		return ""
	}
	return tx.dir + tx.Slug(name) + "/index.html"
}

func (r *Renderer) taxonomyIndex(w Writer, title, url string, tx taxonomy) error {
	return r.tmpl.execute(w, "taxonomies", r.taxonomyIndexView(title, url, tx))
}

func (r *Renderer) taxonomyIndexView(title, url string, tx taxonomy) TaxonomyIndex {
	p := TaxonomyIndex{Layout: r.layout("taxonomies", title, url, "", Link{r.text.T("home"), r.u.Home()})}
	for _, n := range tx.Pages {
		p.Entries = append(p.Entries, TaxonomyEntry{Link{n, tx.url(r.u, n)}, len(tx.Terms[n]) + len(tx.Incidents[n])})
	}
	return p
}

func (r *Renderer) taxonomyPage(w Writer, kind, name, parent string, tx taxonomy, l *links) error {
	return r.tmpl.execute(w, "taxonomy", r.taxonomyView(kind, name, parent, tx, l))
}

func (r *Renderer) taxonomyView(kind, name, parent string, tx taxonomy, l *links) TaxonomyPage {
	url := tx.url(r.u, name)
	title, plural := r.text.Tf("title_tag", name), r.text.T("tags")
	if kind == "Category" {
		title, plural = r.text.Tf("title_category", name), r.text.T("categories")
	}
	p := TaxonomyPage{
		Layout: r.layout("taxonomy", title, url, "", Link{r.text.T("home"), r.u.Home()}, Link{plural, parent}),
		Name:   name,
		Terms:  r.termRefs(tx.Terms[name]),
	}
	l.refs(p.Terms)
	for _, inc := range tx.Incidents[name] {
		ref := r.incidentRef(inc)
		p.Incidents = append(p.Incidents, ref)
		l.merge(ref.links)
	}
	p.Code = l.showsCode()
	return p
}
