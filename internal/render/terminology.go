package render

import (
	"slices"
	"strconv"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/xref"
)

// terminology fills in what a term page shows of the site's vocabulary
// structure: its place in the hierarchy, its deprecation, its review.
func (r *Renderer) terminology(p *TermPage, t *content.Term) {
	g := r.g
	p.Broader = r.termRefs(g.Broader[t])
	p.Narrower = r.termRefs(g.Narrower[t])
	if len(p.Broader)+len(p.Narrower) > 0 {
		p.Hierarchy = r.u.Hierarchy()
	}
	p.Deprecated = t.Deprecated
	if rep := g.ReplacedBy[t]; rep != nil && r.published(rep) {
		ref := r.ref(rep)
		p.ReplacedBy = &ref
	}
	p.LastReviewed, _ = t.LastReviewed()
}

func definitionViews(ds []content.Definition) []DefinitionView {
	out := make([]DefinitionView, 0, len(ds))
	for i, d := range ds {
		out = append(out, DefinitionView{
			Text:    d.Text,
			Source:  SourceView{N: i + 1, Title: d.Source.Title, Publisher: d.Source.Publisher, URL: d.Source.URL, Date: d.Source.Date},
			Context: d.Context,
		})
	}
	return out
}

// quotation is a quoted definition in JSON-LD: a schema.org Quotation
// about the term, based on its source.
type quotation struct {
	Type      string       `json:"@type"`
	Text      string       `json:"text"`
	Context   string       `json:"description,omitempty"`
	IsBasedOn creativeWork `json:"isBasedOn"`
}

type creativeWork struct {
	Type      string `json:"@type"`
	Name      string `json:"name"`
	Publisher string `json:"publisher,omitempty"`
	URL       string `json:"url,omitempty"`
}

func quotations(ds []content.Definition) []quotation {
	var out []quotation
	for _, d := range ds {
		out = append(out, quotation{
			Type: "Quotation", Text: d.Text, Context: d.Context,
			IsBasedOn: creativeWork{Type: "CreativeWork", Name: d.Source.Title, Publisher: d.Source.Publisher, URL: d.Source.URL},
		})
	}
	return out
}

func (r *Renderer) disambiguationPage(w Writer, sn *xref.SharedName) error {
	return r.tmpl.execute(w, "disambiguation", r.disambiguationView(sn))
}

func (r *Renderer) disambiguationView(sn *xref.SharedName) DisambiguationPage {
	path := r.u.Shared(sn.Slug)
	p := DisambiguationPage{
		Layout: r.layout("disambiguation", r.text.Tf("title_disambiguation", sn.Name), path, r.text.Tf("desc_disambiguation", sn.Name, strconv.Itoa(len(sn.Terms))),
			Link{r.text.T("home"), r.u.Home()}, Link{r.text.T("nav_glossary"), r.u.Terms()}),
		Name:  sn.Name,
		Terms: r.termRefs(sn.Terms),
	}
	var l links
	l.refs(p.Terms)
	p.Previews = r.previews(&l)
	return p
}

// hasHierarchy reports whether any published term has a broader one.
func (r *Renderer) hasHierarchy() bool {
	for _, ts := range r.g.Broader {
		if slices.ContainsFunc(ts, r.published) {
			return true
		}
	}
	return false
}

// hierarchyPage shows every tree of broader and narrower terms.
func (r *Renderer) hierarchyPage(w Writer) error {
	return r.tmpl.execute(w, "hierarchy", r.hierarchyView())
}

func (r *Renderer) hierarchyView() HierarchyPage {
	p := HierarchyPage{
		Layout: r.layout("hierarchy", r.text.T("hierarchy_title"), r.u.Hierarchy(), r.text.Tf("desc_hierarchy", r.cfg.Title),
			Link{r.text.T("home"), r.u.Home()}, Link{r.text.T("nav_glossary"), r.u.Terms()}),
	}
	p.Trees, p.Count = r.trees()
	return p
}

// trees are the hierarchy's roots, the terms with narrower terms and no
// broader one, by title, each with its narrower terms below it; n is how
// many terms they hold.
func (r *Renderer) trees() (roots []TreeNode, n int) {
	expanded := map[*content.Term]bool{}
	var node func(t *content.Term) TreeNode
	node = func(t *content.Term) TreeNode {
		tn := TreeNode{Term: r.ref(t)}
		if expanded[t] {
			tn.Repeat = len(r.g.Narrower[t]) > 0
			return tn
		}
		expanded[t] = true
		for _, c := range r.g.Narrower[t] {
			if r.published(c) {
				tn.Children = append(tn.Children, node(c))
			}
		}
		return tn
	}
	for _, t := range r.g.Terms {
		if len(r.g.Broader[t]) == 0 && len(r.g.Narrower[t]) > 0 {
			roots = append(roots, node(t))
		}
	}
	return roots, len(expanded)
}

// termVocabulary is what api/glossary.json says of a term's place in the
// vocabulary; slugs lists published terms' slugs.
type termVocabulary struct {
	Broader      []string         `json:"broader"`
	Narrower     []string         `json:"narrower"`
	Deprecated   bool             `json:"deprecated"`
	ReplacedBy   string           `json:"replaced_by"` // "" when not deprecated or not replaced
	LastReviewed string           `json:"last_reviewed"`
	Definitions  []jsonDefinition `json:"definitions"`
}

type jsonDefinition struct {
	Text    string     `json:"text"`
	Source  jsonSource `json:"source"`
	Context string     `json:"context"`
}

type jsonSource struct {
	Title     string `json:"title"`
	Publisher string `json:"publisher"`
	URL       string `json:"url"`
}

// jsonCitedSource is one of a term's sources, in api/glossary.json.
type jsonCitedSource struct {
	ID        string `json:"id"` // "" when it has none: cited by position
	Title     string `json:"title"`
	Publisher string `json:"publisher"`
	URL       string `json:"url"`
	Date      string `json:"date"` // "" when not given
}

func citedSources(ss []content.Source) []jsonCitedSource {
	out := make([]jsonCitedSource, len(ss))
	for i, s := range ss {
		out[i] = jsonCitedSource{ID: s.ID.Value, Title: s.Title, Publisher: s.Publisher, URL: s.URL, Date: isoDate(s.Date)}
	}
	return out
}

// sharedName is a name several terms share, in api/glossary.json.
type sharedName struct {
	Name  string   `json:"name"`
	URL   string   `json:"url"` // its disambiguation page
	Terms []string `json:"terms"`
}

func (r *Renderer) termVocabulary(t *content.Term, slugs func([]*content.Term) []string) termVocabulary {
	v := termVocabulary{
		Broader: slugs(r.g.Broader[t]), Narrower: slugs(r.g.Narrower[t]),
		Deprecated: t.Deprecated, Definitions: []jsonDefinition{},
	}
	if rep := r.g.ReplacedBy[t]; rep != nil && r.published(rep) {
		v.ReplacedBy = rep.Slug.Value
	}
	last, _ := t.LastReviewed()
	v.LastReviewed = last.Format("2006-01-02")
	for _, d := range t.Definitions {
		v.Definitions = append(v.Definitions, jsonDefinition{
			Text: d.Text, Context: d.Context,
			Source: jsonSource{Title: d.Source.Title, Publisher: d.Source.Publisher, URL: d.Source.URL},
		})
	}
	return v
}

func (r *Renderer) sharedNames(slugs func([]*content.Term) []string) []sharedName {
	out := []sharedName{}
	for _, sn := range r.g.Shared {
		out = append(out, sharedName{Name: sn.Name, URL: r.abs(r.u.Shared(sn.Slug)), Terms: slugs(sn.Terms)})
	}
	return out
}
