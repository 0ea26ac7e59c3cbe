package render

import (
	"bytes"
	"cmp"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"slices"
	"time"

	"github.com/nhimg/nhiglossary/internal/content"
)

// feedSize is how many recently updated terms feed.xml carries.
const feedSize = 50

func (r *Renderer) sitemap() ([]byte, error) {
	type alt struct {
		Rel      string `xml:"rel,attr"`
		Hreflang string `xml:"hreflang,attr"`
		Href     string `xml:"href,attr"`
	}
	type url struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod,omitempty"`
		Alts    []alt  `xml:"xhtml:link"`
	}
	type urlset struct {
		XMLName xml.Name `xml:"urlset"`
		NS      string   `xml:"xmlns,attr"`
		XHTML   string   `xml:"xmlns:xhtml,attr,omitempty"`
		URLs    []url    `xml:"url"`
	}
	s := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	langs := r.langs
	if len(langs) == 0 {
		langs = []*Renderer{r}
	} else if len(langs) > 1 {
		// Each page lists its translations (Google's sitemap hreflang).
		s.XHTML = "http://www.w3.org/1999/xhtml"
	}
	for _, lr := range langs {
		lr.sitemapPages(func(path string, mod time.Time) {
			u := url{Loc: r.abs(path), LastMod: isoDate(mod)}
			for _, a := range lr.alternates(path) {
				if !a.Missing { // (the switcher's way to that language's home)
					u.Alts = append(u.Alts, alt{"alternate", a.Lang, a.URL})
				}
			}
			s.URLs = append(s.URLs, u)
		})
	}
	return marshalXML(s)
}

// sitemapPages lists the pages of this language a sitemap lists.
func (r *Renderer) sitemapPages(add func(path string, mod time.Time)) {
	add(r.u.Home(), time.Time{})
	add(r.u.Terms(), time.Time{})
	for _, t := range r.g.Terms {
		if r.own(t.Lang) {
			add(r.u.Term(t.Slug.Value), t.Updated)
		}
	}
	add(r.u.Frameworks(), time.Time{})
	add(r.u.Matrix(), time.Time{})
	for _, f := range r.g.Frameworks {
		add(r.u.Framework(f.ID), time.Time{})
	}
	add(r.u.Incidents(), time.Time{})
	for _, inc := range r.g.Incidents {
		if r.own(inc.Lang) {
			add(r.u.Incident(inc.Slug.Value), time.Time{})
		}
	}
	for _, sn := range r.g.Shared {
		add(r.u.Shared(sn.Slug), time.Time{})
	}
	if r.hasHierarchy() {
		add(r.u.Hierarchy(), time.Time{})
	}
	add(r.u.Tags(), time.Time{})
	for _, t := range r.tags.Pages {
		add(r.tags.url(r.u, t), time.Time{})
	}
	add(r.u.Categories(), time.Time{})
	for _, c := range r.cats.Pages {
		add(r.cats.url(r.u, c), time.Time{})
	}
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
	type author struct {
		Name string `xml:"name"`
	}
	type entry struct {
		Title   string  `xml:"title"`
		Link    link    `xml:"link"`
		ID      string  `xml:"id"`
		Updated string  `xml:"updated"`
		Author  *author `xml:"author,omitempty"`
		Summary string  `xml:"summary"`
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
		Lang      string   `xml:"xml:lang,attr,omitempty"`
	}
	terms := slices.Clone(r.g.Terms)
	slices.SortStableFunc(terms, func(a, b *content.Term) int { return b.Updated.Compare(a.Updated) })
	terms = terms[:min(len(terms), feedSize)]
	f := feed{
		NS: "http://www.w3.org/2005/Atom", Title: r.cfg.Title, Subtitle: r.cfg.Description,
		Links: []link{{Href: r.abs(r.u.File("feed.xml")), Rel: "self"}, {Href: r.abs(r.u.Home())}},
		ID:    r.iri(r.u.Home()), Generator: r.opts.Generator,
	}
	if len(r.langs) > 1 {
		f.Lang = r.lang // a one-language site's feed stays as it was
	}
	// RFC 4287 wants an author on the feed or on every entry: the
	// publisher, else the default author, else the site itself.
	f.Author = &author{cmp.Or(r.cfg.Publisher, r.cfg.DefaultAuthor, r.cfg.Title, "Glossary")}
	// The feed's date is its newest entry's, never the clock's: builds of
	// the same content are byte-identical. (Jobs leaves out a feed with
	// no entries.)
	f.Updated = terms[0].Updated.UTC().Format(time.RFC3339)
	for _, t := range terms {
		e := entry{Title: t.Title.Value, Link: link{Href: r.abs(r.termURL(t))}, ID: r.iri(r.termURL(t)), Updated: t.Updated.UTC().Format(time.RFC3339), Summary: t.Summary}
		if t.Author != "" { // the term's own, or the site's default_author
			e.Author = &author{t.Author}
		}
		f.Entries = append(f.Entries, e)
	}
	return marshalXML(f)
}

// iri is the Atom <id> of the page at path: its absolute URL when the
// site has one. A site built for a bare path ("/", "/kb/") has none, and
// an id must be an absolute IRI that never changes, so it is a name-based
// (version 5, SHA-1) urn:uuid of the site's title and the page's path: the
// same on every build, different between sites. (A tag: URI would need a
// domain or e-mail address the site does not have.)
func (r *Renderer) iri(path string) string {
	if r.u.origin != "" {
		return r.abs(path)
	}
	return "urn:uuid:" + uuid5(feedNamespace, r.cfg.Title+"\x00"+path)
}

// feedNamespace is the UUID namespace of nhiglossary's feed ids (a random
// version 4 UUID, fixed once: changing it would change every id).
var feedNamespace = [16]byte{0x6f, 0x2b, 0x1c, 0x4e, 0x93, 0xa7, 0x4d, 0x58, 0xb1, 0x0e, 0x7c, 0x3d, 0x52, 0x89, 0xe4, 0x16}

// uuid5 is RFC 9562's name-based UUID, version 5, of name in namespace.
func uuid5(namespace [16]byte, name string) string {
	h := sha1.New()
	h.Write(namespace[:])
	h.Write([]byte(name))
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // RFC variant
	b := hex.EncodeToString(u[:])
	return b[0:8] + "-" + b[8:12] + "-" + b[12:16] + "-" + b[16:20] + "-" + b[20:32]
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

// isoDate is a date as YYYY-MM-DD, "" when zero.
func isoDate(d time.Time) string {
	if d.IsZero() {
		return ""
	}
	return d.Format("2006-01-02")
}

// apiJSON is api/glossary.json: the whole resolved glossary for other tools.
func (r *Renderer) apiJSON(w Writer) error {
	// Every object of a kind has the same keys, lists [] and strings ""
	// when empty, so that tools need no "is it there" checks. url is the
	// page on this site; source_url the framework's or control's own
	// page, from its YAML.
	type mapping struct {
		Framework string `json:"framework"`
		Control   string `json:"control"` // "" for a framework-level mapping
		Relevance string `json:"relevance"`
	}
	type translation struct {
		Title         string   `json:"title"`
		URL           string   `json:"url"`
		Summary       string   `json:"summary"`
		Synonyms      []string `json:"synonyms"`
		Updated       string   `json:"updated"`
		SourceUpdated string   `json:"source_updated"` // "" when the translation does not say
	}
	type term struct {
		Slug          string            `json:"slug"`
		Title         string            `json:"title"`
		URL           string            `json:"url"`
		Summary       string            `json:"summary"`
		Abbreviations []string          `json:"abbreviations"`
		Synonyms      []string          `json:"synonyms"`
		Category      string            `json:"category"`
		Tags          []string          `json:"tags"`
		Related       []string          `json:"related"`
		ReferencedBy  []string          `json:"referenced_by"`
		Incidents     []string          `json:"incidents"`
		Mappings      []mapping         `json:"mappings"`
		Sources       []jsonCitedSource `json:"sources"` // what a relevance text's [@id] or [@2] cites, in order
		Updated       string            `json:"updated"`
		termVocabulary
		// By language code, on a site with several: the translations,
		// {} for a term with none (every term has the same keys).
		Translations *map[string]translation `json:"translations,omitempty"`
	}
	type control struct {
		ID        string   `json:"id"`
		Title     string   `json:"title"`
		URL       string   `json:"url"`
		SourceURL string   `json:"source_url"`
		Terms     []string `json:"terms"`
	}
	type framework struct {
		ID        string    `json:"id"`
		Name      string    `json:"name"`
		Short     string    `json:"short"`
		Version   string    `json:"version"`
		URL       string    `json:"url"`
		SourceURL string    `json:"source_url"`
		Controls  []control `json:"controls"`
		Terms     []string  `json:"terms"`
	}
	type incident struct {
		Slug    string   `json:"slug"`
		Title   string   `json:"title"`
		Date    string   `json:"date"`
		URL     string   `json:"url"`
		Summary string   `json:"summary"`
		Terms   []string `json:"terms"`
	}
	slugs := func(ts []*content.Term) []string {
		out := []string{}
		for _, t := range ts {
			if r.published(t) {
				out = append(out, t.Slug.Value)
			}
		}
		return out
	}
	// Written a member and a term at a time, as json.MarshalIndent(v, "",
	// " ") would write the whole: at 10,000 terms the file is 16 MB, and
	// marshalling it whole held it three times over at the build's peak.
	o := jsonObject{w: w}
	if len(r.langs) > 1 {
		o.member("language", r.lang) // the default, on a site with several
	}
	o.member("title", r.cfg.Title)
	o.member("base_url", r.cfg.BaseURL)
	o.array("terms", len(r.g.Terms), func(i int) any {
		t := r.g.Terms[i]
		jt := term{
			Slug: t.Slug.Value, Title: t.Title.Value, URL: r.abs(r.termURL(t)), Summary: t.Summary,
			Abbreviations: names(t.Abbreviations), Synonyms: names(t.Synonyms), Category: t.Category, Tags: orEmpty(t.Tags),
			Related: slugs(r.g.Related[t]), ReferencedBy: slugs(r.g.ReferencedBy[t]), Updated: t.Updated.Format("2006-01-02"),
			Incidents: []string{}, Mappings: []mapping{}, Sources: citedSources(t.Sources),
			termVocabulary: r.termVocabulary(t, slugs),
		}
		trs := map[string]translation{}
		if len(r.langs) > 1 {
			jt.Translations = &trs
		}
		for _, lr := range r.langs[min(1, len(r.langs)):] {
			lt := lr.g.TermBySlug[t.Slug.Value]
			if lt == nil || lt.Lang != lr.lang {
				continue
			}
			trs[lr.lang] = translation{
				Title: lt.Title.Value, URL: r.abs(lr.termURL(lt)), Summary: lt.Summary, Synonyms: names(lt.Synonyms),
				Updated: lt.Updated.Format("2006-01-02"), SourceUpdated: isoDate(lt.SourceUpdated),
			}
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
		return jt
	})
	o.array("frameworks", len(r.g.Frameworks), func(i int) any {
		f := r.g.Frameworks[i]
		jf := framework{ID: f.ID, Name: f.Name, Short: f.Short, Version: f.Version, URL: r.abs(r.u.Framework(f.ID)), SourceURL: f.URL,
			Controls: []control{}, Terms: []string{}}
		for _, tm := range r.g.FrameworkTerms[f] {
			if r.published(tm.Term) {
				jf.Terms = append(jf.Terms, tm.Term.Slug.Value)
			}
		}
		for _, c := range f.Controls {
			jc := control{ID: c.ID.Value, Title: c.Title, URL: r.abs(r.controlURL(f, c)), SourceURL: c.URL, Terms: []string{}}
			for _, tm := range r.g.ControlTerms[c] {
				if r.published(tm.Term) {
					jc.Terms = append(jc.Terms, tm.Term.Slug.Value)
				}
			}
			jf.Controls = append(jf.Controls, jc)
		}
		return jf
	})
	o.array("incidents", len(r.g.Incidents), func(i int) any {
		inc := r.g.Incidents[i]
		return incident{
			Slug: inc.Slug.Value, Title: inc.Title.Value, Date: inc.Date.Format("2006-01-02"),
			URL: r.abs(r.incidentURL(inc)), Summary: inc.Summary.Text, Terms: slugs(r.g.IncidentTerms[inc]),
		}
	})
	shared := r.sharedNames(slugs)
	o.array("shared_names", len(shared), func(i int) any { return shared[i] })
	if err := o.end(); err != nil {
		return fmt.Errorf("api/glossary.json: %w", err)
	}
	return nil
}

// jsonObject writes a JSON object member by member, and an array member
// element by element, byte for byte as json.MarshalIndent(v, "", " ")
// writes the whole object.
type jsonObject struct {
	w   Writer
	n   int
	err error
	// enc writes each value into buf, both reused: MarshalIndent made
	// two new buffers per term, a tenth of a 10k build's allocation.
	enc *json.Encoder
	buf bytes.Buffer
}

func (o *jsonObject) key(k string) {
	if o.n == 0 {
		o.w.WriteString("{\n")
	} else {
		o.w.WriteString(",\n")
	}
	o.n++
	kb, _ := json.Marshal(k)
	o.w.WriteString(" ")
	o.w.Write(kb)
	o.w.WriteString(": ")
}

func (o *jsonObject) value(v any, prefix string) {
	if o.err != nil {
		return
	}
	if o.enc == nil {
		o.enc = json.NewEncoder(&o.buf)
	}
	o.buf.Reset()
	o.enc.SetIndent(prefix, " ")
	if err := o.enc.Encode(v); err != nil {
		o.err = err
		return
	}
	o.w.Write(o.buf.Bytes()[:o.buf.Len()-1]) // Encode ends a value with a newline, MarshalIndent does not
}

func (o *jsonObject) member(k string, v any) {
	o.key(k)
	o.value(v, " ")
}

func (o *jsonObject) array(k string, n int, elem func(i int) any) {
	o.key(k)
	if n == 0 {
		o.w.WriteString("[]")
		return
	}
	o.w.WriteString("[")
	for i := range n {
		if i > 0 {
			o.w.WriteString(",")
		}
		o.w.WriteString("\n  ")
		o.value(elem(i), "  ")
	}
	o.w.WriteString("\n ]")
}

func (o *jsonObject) end() error {
	if o.n == 0 {
		o.w.WriteString("{}\n")
	} else {
		o.w.WriteString("\n}\n")
	}
	return o.err
}

// orEmpty is s, or an empty list where s is nil: JSON [] rather than null.
func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
