package render

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"slices"
	"time"

	"github.com/nhimg/nhiglossary/internal/content"
)

// FeedSize is how many recently updated terms feed.xml carries.
const FeedSize = 50

func (r *Renderer) sitemap() ([]byte, error) {
	type url struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod,omitempty"`
	}
	type urlset struct {
		XMLName xml.Name `xml:"urlset"`
		NS      string   `xml:"xmlns,attr"`
		URLs    []url    `xml:"url"`
	}
	s := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	add := func(path string, mod time.Time) {
		u := url{Loc: r.abs(path)}
		if !mod.IsZero() {
			u.LastMod = mod.Format("2006-01-02")
		}
		s.URLs = append(s.URLs, u)
	}
	add(r.u.Home(), time.Time{})
	add(r.u.Terms(), time.Time{})
	for _, t := range r.g.Terms {
		add(r.u.Term(t.Slug.Value), t.Updated)
	}
	add(r.u.Frameworks(), time.Time{})
	add(r.u.Matrix(), time.Time{})
	for _, f := range r.g.Frameworks {
		add(r.u.Framework(f.ID), time.Time{})
	}
	add(r.u.Incidents(), time.Time{})
	for _, inc := range r.g.Incidents {
		add(r.u.Incident(inc.Slug.Value), time.Time{})
	}
	tags, cats := r.taxonomies()
	add(r.u.Tags(), time.Time{})
	for _, t := range tags.names {
		add(r.u.Tag(t), time.Time{})
	}
	add(r.u.Categories(), time.Time{})
	for _, c := range cats.names {
		add(r.u.Category(c), time.Time{})
	}
	return marshalXML(s)
}

func marshalXML(v any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", " ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

func (r *Renderer) feed() ([]byte, error) {
	type link struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr,omitempty"`
	}
	type entry struct {
		Title   string `xml:"title"`
		Link    link   `xml:"link"`
		ID      string `xml:"id"`
		Updated string `xml:"updated"`
		Summary string `xml:"summary"`
	}
	type author struct {
		Name string `xml:"name"`
	}
	type feed struct {
		XMLName   xml.Name `xml:"feed"`
		NS        string   `xml:"xmlns,attr"`
		Title     string   `xml:"title"`
		Subtitle  string   `xml:"subtitle,omitempty"`
		Links     []link   `xml:"link"`
		ID        string   `xml:"id"`
		Updated   string   `xml:"updated"`
		Author    *author  `xml:"author,omitempty"`
		Generator string   `xml:"generator,omitempty"`
		Entries   []entry  `xml:"entry"`
	}
	terms := slices.Clone(r.g.Terms)
	slices.SortStableFunc(terms, func(a, b *content.Term) int { return b.Updated.Compare(a.Updated) })
	terms = terms[:min(len(terms), FeedSize)]
	f := feed{
		NS: "http://www.w3.org/2005/Atom", Title: r.cfg.Title, Subtitle: r.cfg.Description,
		Links: []link{{Href: r.abs(r.u.File("feed.xml")), Rel: "self"}, {Href: r.abs(r.u.Home())}},
		ID:    r.abs(r.u.Home()), Generator: r.opts.Generator,
	}
	if r.cfg.Publisher != "" {
		f.Author = &author{r.cfg.Publisher}
	}
	// The feed's date is its newest entry's, never the clock's: builds of
	// the same content are byte-identical.
	f.Updated = "1970-01-01T00:00:00Z"
	if len(terms) > 0 {
		f.Updated = terms[0].Updated.UTC().Format(time.RFC3339)
	}
	for _, t := range terms {
		u := r.abs(r.u.Term(t.Slug.Value))
		f.Entries = append(f.Entries, entry{Title: t.Title.Value, Link: link{Href: u}, ID: u, Updated: t.Updated.UTC().Format(time.RFC3339), Summary: t.Summary})
	}
	return marshalXML(f)
}

func (r *Renderer) robots() ([]byte, error) {
	s := "User-agent: *\nAllow: /\n"
	if r.u.origin != "" {
		s += "Sitemap: " + r.abs(r.u.File("sitemap.xml")) + "\n"
	}
	return []byte(s), nil
}

func (r *Renderer) openSearch() ([]byte, error) {
	type url struct {
		Type     string `xml:"type,attr"`
		Template string `xml:"template,attr"`
	}
	type desc struct {
		XMLName       xml.Name `xml:"OpenSearchDescription"`
		NS            string   `xml:"xmlns,attr"`
		ShortName     string   `xml:"ShortName"`
		Description   string   `xml:"Description"`
		InputEncoding string   `xml:"InputEncoding"`
		URL           url      `xml:"Url"`
	}
	short := r.cfg.Title
	if len(short) > 16 {
		short = short[:16]
	}
	d := desc{NS: "http://a9.com/-/spec/opensearch/1.1/", ShortName: short, Description: "Search " + r.cfg.Title, InputEncoding: "UTF-8",
		URL: url{Type: "text/html", Template: r.abs(r.u.Search()) + "?q={searchTerms}"}}
	return marshalXML(d)
}

// apiJSON is api/glossary.json: the whole resolved glossary for other tools.
func (r *Renderer) apiJSON() ([]byte, error) {
	type mapping struct {
		Framework string `json:"framework"`
		Control   string `json:"control,omitempty"`
		Relevance string `json:"relevance,omitempty"`
	}
	type term struct {
		Slug          string    `json:"slug"`
		Title         string    `json:"title"`
		URL           string    `json:"url"`
		Summary       string    `json:"summary"`
		Abbreviations []string  `json:"abbreviations,omitempty"`
		Synonyms      []string  `json:"synonyms,omitempty"`
		Category      string    `json:"category,omitempty"`
		Tags          []string  `json:"tags,omitempty"`
		Related       []string  `json:"related,omitempty"`
		ReferencedBy  []string  `json:"referenced_by,omitempty"`
		Incidents     []string  `json:"incidents,omitempty"`
		Mappings      []mapping `json:"mappings,omitempty"`
		Updated       string    `json:"updated"`
	}
	type control struct {
		ID    string   `json:"id"`
		Title string   `json:"title"`
		URL   string   `json:"url"`
		Terms []string `json:"terms,omitempty"`
	}
	type framework struct {
		ID       string    `json:"id"`
		Name     string    `json:"name"`
		Short    string    `json:"short"`
		Version  string    `json:"version,omitempty"`
		URL      string    `json:"url"`
		Controls []control `json:"controls,omitempty"`
		Terms    []string  `json:"terms,omitempty"`
	}
	type incident struct {
		Slug    string   `json:"slug"`
		Title   string   `json:"title"`
		Date    string   `json:"date"`
		URL     string   `json:"url"`
		Summary string   `json:"summary"`
		Terms   []string `json:"terms,omitempty"`
	}
	type api struct {
		Title      string      `json:"title"`
		BaseURL    string      `json:"base_url"`
		Terms      []term      `json:"terms"`
		Frameworks []framework `json:"frameworks"`
		Incidents  []incident  `json:"incidents"`
	}
	slugs := func(ts []*content.Term) []string {
		var out []string
		for _, t := range ts {
			if r.published(t) {
				out = append(out, t.Slug.Value)
			}
		}
		return out
	}
	a := api{Title: r.cfg.Title, BaseURL: r.cfg.BaseURL, Terms: []term{}, Frameworks: []framework{}, Incidents: []incident{}}
	for _, t := range r.g.Terms {
		jt := term{
			Slug: t.Slug.Value, Title: t.Title.Value, URL: r.abs(r.u.Term(t.Slug.Value)), Summary: t.Summary,
			Abbreviations: names(t.Abbreviations), Synonyms: names(t.Synonyms), Category: t.Category, Tags: t.Tags,
			Related: slugs(r.g.Related[t]), ReferencedBy: slugs(r.g.ReferencedBy[t]), Updated: t.Updated.Format("2006-01-02"),
		}
		for _, inc := range r.g.TermIncidents[t] {
			jt.Incidents = append(jt.Incidents, inc.Slug.Value)
		}
		for _, m := range r.g.TermMappings[t] {
			jm := mapping{Framework: m.Framework.ID, Relevance: m.Relevance.Text}
			if m.Control != nil {
				jm.Control = m.Control.ID.Value
			}
			jt.Mappings = append(jt.Mappings, jm)
		}
		a.Terms = append(a.Terms, jt)
	}
	for _, f := range r.g.Frameworks {
		jf := framework{ID: f.ID, Name: f.Name, Short: f.Short, Version: f.Version, URL: r.abs(r.u.Framework(f.ID))}
		for _, tm := range r.g.FrameworkTerms[f] {
			jf.Terms = append(jf.Terms, tm.Term.Slug.Value)
		}
		for _, c := range f.Controls {
			jc := control{ID: c.ID.Value, Title: c.Title, URL: r.abs(r.u.Control(f.ID, c.ID.Value))}
			for _, tm := range r.g.ControlTerms[c] {
				if r.published(tm.Term) {
					jc.Terms = append(jc.Terms, tm.Term.Slug.Value)
				}
			}
			jf.Controls = append(jf.Controls, jc)
		}
		a.Frameworks = append(a.Frameworks, jf)
	}
	for _, inc := range r.g.Incidents {
		a.Incidents = append(a.Incidents, incident{
			Slug: inc.Slug.Value, Title: inc.Title.Value, Date: inc.Date.Format("2006-01-02"),
			URL: r.abs(r.u.Incident(inc.Slug.Value)), Summary: inc.Summary.Text, Terms: slugs(r.g.IncidentTerms[inc]),
		})
	}
	b, err := json.MarshalIndent(a, "", " ")
	if err != nil {
		return nil, fmt.Errorf("api/glossary.json: %w", err)
	}
	return append(b, '\n'), nil
}
