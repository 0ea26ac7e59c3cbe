// Package render turns a resolved site into pages: it builds the typed view
// of each page and runs it through the site's templates. It does no I/O
// beyond reading templates; the caller decides where pages go.
package render

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/markdown"
	"github.com/nhimg/nhiglossary/internal/textfold"
	"github.com/nhimg/nhiglossary/internal/wikilink"
	"github.com/nhimg/nhiglossary/internal/xref"
)

// Options change how pages render.
type Options struct {
	Dev       bool   // live-reload client on every page (serve)
	Generator string // "nhiglossary vX", in the generator meta tag and feed
	// BodyText, when set, receives the plain text of each term's body as
	// its page renders (the search index's input); it is called
	// concurrently.
	BodyText func(t *content.Term, text string)
}

// Renderer renders the pages of one resolved site. Build one per build;
// its Jobs may run concurrently.
type Renderer struct {
	g      *xref.Graph
	cfg    content.Config
	u      urls
	opts   Options
	tmpl   *templates
	md     *markdown.Renderer
	assets Assets
	nav    Nav
	chrome map[string]Chrome // by page kind
	// Lookups every page makes, by plain maps built once: sync.Maps and
	// string-keyed maps over thousands of terms were a tenth of a page.
	num     map[*content.Term]int32   // a published term's index in g.Terms (lists skip the others)
	refs    []atomic.Pointer[TermRef] // by index: the term as lists show it, made on first use
	preview map[string]string         // by slug: the term's entry in a page's previews JSON

	// Fragments that appear on many pages (an incident's list entry, a
	// tag link, a mapping's cells, a breadcrumb trail) are rendered once
	// each: html/template is the costliest stage.
	incidents  sync.Map              // *content.Incident -> IncidentRef
	tagLink    sync.Map              // tag page name -> template.HTML
	cells      sync.Map              // mappingKey -> template.HTML
	crumbs     sync.Map              // crumbs key -> template.HTML
	partialErr atomic.Pointer[error] // the first error of a partial

	tags, cats taxonomy                     // the site's tag and category pages
	anchors    map[*content.Control]string  // a control's fragment id on its framework page
	reserved   map[string]func(string) bool // by page kind: ids its templates write (heading ids avoid them)
}

// New parses the templates (an fs.FS with the site's overrides already
// layered over the embedded ones) and prepares the Markdown renderer.
func New(g *xref.Graph, tmplFS fs.FS, assets Assets, opts Options) (*Renderer, error) {
	t, err := parseTemplates(tmplFS)
	if err != nil {
		return nil, err
	}
	r := &Renderer{g: g, cfg: g.Site.Config, u: newURLs(g.Site.Config.BaseURL), opts: opts, tmpl: t, assets: assets}
	r.nav = Nav{
		Home: r.u.Home(), Terms: r.u.Terms(), Frameworks: r.u.Frameworks(), Matrix: r.u.Matrix(),
		Incidents: r.u.Incidents(), Tags: r.u.Tags(), Categories: r.u.Categories(), Search: r.u.Search(),
		Feed: r.u.File("feed.xml"), OpenSearch: r.u.File("opensearch.xml"),
	}
	r.num = make(map[*content.Term]int32, len(g.Terms))
	r.preview = make(map[string]string, len(g.Terms))
	for i, t := range g.Terms {
		r.num[t] = int32(i)
		r.preview[t.Slug.Value] = previewEntry(t)
	}
	r.refs = make([]atomic.Pointer[TermRef], len(g.Terms))
	r.tags, r.cats = r.taxonomies()
	r.anchors = map[*content.Control]string{}
	for _, f := range g.Frameworks {
		for i, a := range ControlAnchors(f) {
			r.anchors[f.Controls[i]] = a
		}
	}
	r.reserved = make(map[string]func(string) bool, len(t.ids))
	for kind, ids := range t.ids {
		r.reserved[kind] = func(id string) bool { return ids[id] || isSourceID(id) }
	}
	if err := r.renderChrome(); err != nil {
		return nil, err
	}
	r.md = markdown.New(markdown.Options{UnsafeHTML: r.cfg.UnsafeHTML, Autolink: r.cfg.Autolink}, linker{r}, r.autoNames())
	return r, nil
}

// BasePath is the URL path every page lives under.
func (r *Renderer) BasePath() string { return r.u.base }

// URLs for other packages (search) that write links into the site.
func (r *Renderer) TermURL(slug string) string { return r.u.Term(slug) }

// TagPath and CategoryPath are the output files of the page a tag or
// category spelling is listed on, "" when this site has no such page.
// Slugs that clash get suffixes, so only the Renderer knows them.
func (r *Renderer) TagPath(name string) string      { return r.tags.path(name) }
func (r *Renderer) CategoryPath(name string) string { return r.cats.path(name) }

// A Job renders one output file.
type Job struct {
	Path string        // relative to the output folder, e.g. "terms/api-key/index.html"
	Term *content.Term // the term whose page this is, if any
	run  func(w *bytes.Buffer) error
	r    *Renderer
}

// Render runs the job and returns the file.
func (j Job) Render() ([]byte, error) {
	var b bytes.Buffer
	if err := j.RenderTo(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// RenderTo runs the job and appends the file to w; a builder that writes
// each file right away can reuse one buffer for every page.
func (j Job) RenderTo(w *bytes.Buffer) error {
	if err := j.run(w); err != nil {
		return err
	}
	if err := j.r.partialErr.Load(); err != nil {
		return *err
	}
	return nil
}

// fileJob adapts a function that makes a whole file (feeds, JSON).
func fileJob(f func() ([]byte, error)) func(*bytes.Buffer) error {
	return func(w *bytes.Buffer) error {
		b, err := f()
		w.Write(b)
		return err
	}
}

// Jobs lists every page of the site, in a fixed order.
func (r *Renderer) Jobs() []Job {
	g := r.g
	var jobs []Job
	add := func(path string, t *content.Term, f func(*bytes.Buffer) error) {
		jobs = append(jobs, Job{Path: path, Term: t, run: f, r: r})
	}
	// The pages that list the whole site come first: each takes as long
	// as hundreds of term pages, and a worker left with one of them at
	// the end would keep the others waiting.
	add("api/glossary.json", nil, fileJob(r.apiJSON))
	add("index.html", nil, r.homePage)
	add("terms/index.html", nil, r.termsPage)
	add("frameworks/index.html", nil, r.frameworksPage)
	add("frameworks/matrix/index.html", nil, r.matrixPage)
	for _, f := range g.Frameworks {
		add("frameworks/"+f.ID+"/index.html", nil, func(w *bytes.Buffer) error { return r.frameworkPage(w, f) })
	}
	add("incidents/index.html", nil, r.incidentsPage)
	for _, inc := range g.Incidents {
		add("incidents/"+inc.Slug.Value+"/index.html", nil, func(w *bytes.Buffer) error { return r.incidentPage(w, inc) })
	}
	tags, cats := &r.tags, &r.cats
	add("tags/index.html", nil, func(w *bytes.Buffer) error { return r.taxonomyIndex(w, "Tags", r.u.Tags(), tags) })
	for _, tag := range tags.names {
		add(tags.dir+tags.slug[tag]+"/index.html", nil, func(w *bytes.Buffer) error { return r.taxonomyPage(w, "Tag", tag, r.u.Tags(), tags) })
	}
	add("categories/index.html", nil, func(w *bytes.Buffer) error {
		return r.taxonomyIndex(w, "Categories", r.u.Categories(), cats)
	})
	for _, c := range cats.names {
		add(cats.dir+cats.slug[c]+"/index.html", nil, func(w *bytes.Buffer) error {
			return r.taxonomyPage(w, "Category", c, r.u.Categories(), cats)
		})
	}
	add("search/index.html", nil, r.searchPage)
	add("404.html", nil, r.notFoundPage)
	add("sitemap.xml", nil, fileJob(r.sitemap))
	add("feed.xml", nil, fileJob(r.feed))
	add("robots.txt", nil, fileJob(r.robots))
	add("opensearch.xml", nil, fileJob(r.openSearch))
	for _, t := range g.Terms {
		add("terms/"+t.Slug.Value+"/index.html", t, func(w *bytes.Buffer) error { return r.termPage(w, t) })
	}
	for _, old := range slices.Sorted(maps.Keys(g.Redirects)) {
		t := g.Redirects[old]
		add("terms/"+old+"/index.html", nil, func(w *bytes.Buffer) error { return r.redirectPage(w, t) })
	}
	return jobs
}

// linker resolves [[links]] for the Markdown renderer.
type linker struct{ r *Renderer }

func (l linker) WikiLink(target string) (markdown.LinkInfo, bool) {
	t, ok := l.r.g.Lookup(target)
	if !ok {
		return markdown.LinkInfo{}, false
	}
	switch t.Kind {
	case xref.KindTerm:
		if !l.r.published(t.Term) {
			return markdown.LinkInfo{}, false
		}
		return markdown.LinkInfo{Href: l.r.u.Term(t.Term.Slug.Value), Title: t.Term.Title.Value, Term: t.Term.Slug.Value}, true
	case xref.KindIncident:
		return markdown.LinkInfo{Href: l.r.u.Incident(t.Incident.Slug.Value), Title: t.Incident.Title.Value}, true
	case xref.KindControl:
		return markdown.LinkInfo{Href: l.r.controlURL(t.Framework, t.Control), Title: t.Framework.Short + " " + t.Control.ID.Value + ": " + t.Control.Title}, true
	}
	return markdown.LinkInfo{}, false
}

// controlURL is the link to a control: its framework page, at the anchor
// that page gives it.
func (r *Renderer) controlURL(f *content.Framework, c *content.Control) string {
	return r.u.Framework(f.ID) + "#" + r.anchors[c]
}

func (r *Renderer) published(t *content.Term) bool {
	_, ok := r.num[t]
	return ok
}

func (r *Renderer) autoNames() []markdown.AutoName {
	var names []markdown.AutoName
	for _, t := range r.g.Terms {
		if !t.Autolink {
			continue
		}
		info := markdown.LinkInfo{Href: r.u.Term(t.Slug.Value), Title: t.Title.Value, Term: t.Slug.Value}
		names = append(names, markdown.AutoName{Text: t.Title.Value, Slug: t.Slug.Value, Link: info})
		for _, s := range t.Synonyms {
			names = append(names, markdown.AutoName{Text: s.Value, Slug: t.Slug.Value, Link: info})
		}
		for _, a := range t.Abbreviations {
			names = append(names, markdown.AutoName{Text: a.Value, CaseSensitive: true, Slug: t.Slug.Value, Link: info})
		}
	}
	return names
}

// renderChrome renders the chrome of every page kind, once per build.
func (r *Renderer) renderChrome() error {
	r.chrome = make(map[string]Chrome, len(PageKinds))
	for _, kind := range PageKinds {
		d := ChromeData{Site: r.cfg, Base: r.u.base, Kind: kind, Assets: r.assets, URLs: r.nav, Dev: r.opts.Dev, Generator: r.opts.Generator}
		var c Chrome
		for _, part := range []struct {
			name string
			out  *template.HTML
		}{{"head-chrome", &c.Head}, {"header-chrome", &c.Header}, {"footer-chrome", &c.Footer}} {
			if !r.tmpl.defines(kind, part.name) {
				continue // a site's own base.html without it prints its own
			}
			var buf bytes.Buffer
			if err := r.tmpl.executeNamed(&buf, kind, part.name, d); err != nil {
				return templateError(err)
			}
			// html/template escaped it for the HTML text context in which
			// base.html prints it.
			*part.out = template.HTML(buf.String())
		}
		r.chrome[kind] = c
	}
	return nil
}

func (r *Renderer) layout(kind, title, path, description string, crumbs ...Link) Layout {
	l := Layout{
		Site: r.cfg, Base: r.u.base, Kind: kind, Title: title, Path: path,
		Description: description, Crumbs: crumbs, Assets: r.assets, Dev: r.opts.Dev,
		URLs: r.nav, Generator: r.opts.Generator, Chrome: r.chrome[kind],
	}
	if len(crumbs) > 0 && r.tmpl.shared.Lookup("crumbs") != nil { // a site's own base.html may print .Crumbs itself
		var key strings.Builder
		for _, c := range crumbs {
			key.WriteString(c.Title + "\x00" + c.URL + "\x00")
		}
		l.CrumbItems = r.cached(&r.crumbs, key.String(), "crumbs", crumbs)
	}
	if r.u.origin != "" {
		l.Canonical = r.u.Abs(path)
	}
	if l.Description == "" {
		l.Description = r.cfg.Description
	}
	return l
}

func (r *Renderer) termRef(t *content.Term) TermRef {
	return TermRef{
		Slug: t.Slug.Value, Title: t.Title.Value, URL: r.u.Term(t.Slug.Value),
		Abbreviations: names(t.Abbreviations), Summary: t.Summary, Updated: t.Updated, Draft: t.Draft,
	}
}

// termRefs is the published terms of ts with their cards, for lists.
func (r *Renderer) termRefs(ts []*content.Term) []TermRef {
	out := make([]TermRef, 0, len(ts))
	for _, t := range ts {
		if r.published(t) {
			out = append(out, r.ref(t))
		}
	}
	return out
}

// ref is a term as lists show it, with its card and link rendered once
// for every page that lists it.
func (r *Renderer) ref(t *content.Term) TermRef {
	i, ok := r.num[t]
	if !ok {
		return r.termRef(t)
	}
	if ref := r.refs[i].Load(); ref != nil {
		return *ref
	}
	ref := r.termRef(t)
	ref.Link = r.partial("termlink", ref)
	ref.Card = r.partial("termcard", ref)
	r.refs[i].Store(&ref) // two workers may both make it: the same value
	return ref
}

// partial runs one {{define}}d template of base.html or partials.html,
// for output that many pages share.
func (r *Renderer) partial(name string, data any) template.HTML {
	var buf bytes.Buffer
	if err := r.tmpl.executeShared(&buf, name, data); err != nil {
		// A site's own template can fail as it runs. The fragment is
		// shared, so the build fails (see Job.RenderTo): serve shows the
		// error until the template is mended.
		err = templateError(err)
		r.partialErr.CompareAndSwap(nil, &err)
		return ""
	}
	// html/template escaped it for the HTML text context the pages print
	// it in.
	return template.HTML(buf.String())
}

// cached is partial, once per key of cache.
func (r *Renderer) cached(cache *sync.Map, key any, name string, data any) template.HTML {
	if h, ok := cache.Load(key); ok {
		return h.(template.HTML)
	}
	h := r.partial(name, data)
	cache.Store(key, h)
	return h
}

// tagLinks links to the pages of tags, once per page: two spellings of
// one tag ("Secrets", "secrets") are one link, titled as the page is.
func (r *Renderer) tagLinks(tags []string) []template.HTML {
	out := make([]template.HTML, 0, len(tags))
	for i, tag := range tags {
		name := r.tags.page[tag]
		if slices.ContainsFunc(tags[:i], func(t string) bool { return r.tags.page[t] == name }) {
			continue
		}
		out = append(out, r.cached(&r.tagLink, name, "taglink", Link{name, r.tags.url(r.u, name)}))
	}
	return out
}

func names(ns []content.Name) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = n.Value
	}
	return out
}

// inline renders a one-paragraph Markdown field; the terms it links to
// go to l when l is not nil. idPrefix names the field among the page's
// others (see markdown.Doc.IDPrefix): "example-2--", "incident-x--"...
func (r *Renderer) inline(m content.Markdown, idPrefix string, l *links) template.HTML {
	if m.Text == "" {
		return ""
	}
	res := r.md.Render(m.Text, markdown.Doc{Inline: true, IDPrefix: idPrefix})
	l.add(res.Terms)
	// The Markdown renderer escapes text and drops raw HTML unless the
	// site opted in, so its output is trusted here.
	return template.HTML(res.HTML)
}

// block renders a Markdown field of paragraphs as doc says.
func (r *Renderer) block(m content.Markdown, doc markdown.Doc, l *links) template.HTML {
	if strings.TrimSpace(m.Text) == "" {
		return ""
	}
	res := r.md.Render(m.Text, doc)
	l.add(res.Terms)
	return template.HTML(res.HTML)
}

type mappingKey struct{ framework, control string }

func (r *Renderer) incidentRef(inc *content.Incident) IncidentRef {
	if ref, ok := r.incidents.Load(inc); ok {
		return ref.(IncidentRef)
	}
	ref := IncidentRef{Slug: inc.Slug.Value, Title: inc.Title.Value, URL: r.u.Incident(inc.Slug.Value), Date: inc.Date}
	ref.Summary = r.inline(inc.Summary, "incident-"+inc.Slug.Value+"--", (*links)(&ref.links))
	ref.Item = r.partial("incidentitem", ref)
	r.incidents.Store(inc, ref)
	return ref
}

func sourceViews(ss []content.Source) []SourceView {
	out := make([]SourceView, len(ss))
	for i, s := range ss {
		out[i] = SourceView{N: i + 1, Title: s.Title, Publisher: s.Publisher, URL: s.URL, Date: s.Date}
	}
	return out
}

func (r *Renderer) termPage(w *bytes.Buffer, t *content.Term) error {
	g := r.g
	// The body is the page's main text: its heading ids are the plain
	// ones, made to avoid the ids of the page's own sections. Every other
	// field gets a prefix of its own, so no two share an id.
	body := r.md.Render(t.Body.Text, markdown.Doc{Self: t.Slug.Value, Autolink: true, Reserved: r.reserved["term"]})
	if r.opts.BodyText != nil {
		r.opts.BodyText(t, body.Text)
	}

	ref := r.termRef(t)
	p := TermPage{
		Layout:   r.layout("term", t.Title.Value, ref.URL, t.Summary, Link{"Home", r.u.Home()}, Link{"Glossary", r.u.Terms()}),
		Term:     ref,
		Synonyms: names(t.Synonyms),
		Author:   t.Author,
		Body:     template.HTML(body.HTML),
		Headings: body.Headings,
		HasTOC:   len(body.Headings) >= 2,
		Takeaway: t.Takeaway,
		Sources:  sourceViews(t.Sources),
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
	l := links(body.Terms) // the Result's own slice
	for i, e := range t.Examples {
		res := r.md.Render(e.Text, markdown.Doc{Self: t.Slug.Value, Inline: true, IDPrefix: nthPrefix("example-", i)})
		l.add(res.Terms)
		p.Examples = append(p.Examples, template.HTML(res.HTML))
	}
	for _, inc := range g.TermIncidents[t] {
		ref := r.incidentRef(inc)
		p.Incidents = append(p.Incidents, ref)
		l.add(ref.links)
	}
	for i, m := range g.TermMappings[t] {
		row := MappingRow{Framework: Link{m.Framework.Name, r.u.Framework(m.Framework.ID)}, FrameworkAbbr: m.Framework.Short, Relevance: r.inline(m.Relevance, nthPrefix("mapping-", i), &l)}
		key := mappingKey{m.Framework.ID, ""}
		if m.Control != nil {
			row.Control, row.ControlTitle, row.ControlURL = m.Control.ID.Value, m.Control.Title, r.controlURL(m.Framework, m.Control)
			key.control = m.Control.ID.Value
		}
		row.Cells = r.cached(&r.cells, key, "mappingcells", MappingTarget{row.Framework, row.FrameworkAbbr, row.Control, row.ControlTitle, row.ControlURL})
		p.Mappings = append(p.Mappings, row)
	}
	p.Related = r.termRefs(g.Related[t])
	p.ReferencedBy = r.termRefs(g.ReferencedBy[t])
	for i, d := range t.Definitions {
		p.Definitions = append(p.Definitions, DefinitionView{Text: d.Text, Source: SourceView{N: i + 1, Title: d.Source.Title, Publisher: d.Source.Publisher, URL: d.Source.URL, Date: d.Source.Date}})
	}
	p.JSONLD = r.definedTerm(t)
	l.refs(p.Related)
	l.refs(p.ReferencedBy)
	p.Previews = r.previews(l)
	return r.tmpl.execute(w, "term", p)
}

// nthPrefix is the id prefix of the ith field of a kind, "example-2--":
// the first few of the common kinds are made once, not on every page.
func nthPrefix(kind string, i int) string {
	if p, ok := prefixes[kind]; ok && i < len(p) {
		return p[i]
	}
	return kind + strconv.Itoa(i+1) + "--"
}

var prefixes = func() map[string][]string {
	m := map[string][]string{}
	for _, kind := range []string{"example-", "mapping-", "framework-level--"} {
		for i := range 16 {
			m[kind] = append(m[kind], kind+strconv.Itoa(i+1)+"--")
		}
	}
	return m
}()

// links collects the slugs of the terms a page links to, for previews.
type links []string

func (l *links) refs(ts []TermRef) {
	for _, t := range ts {
		*l = append(*l, t.Slug)
	}
}

func (l *links) add(slugs []string) {
	if l != nil {
		*l = append(*l, slugs...)
	}
}

// previews is the JSON the tooltip script reads: title, abbreviations and
// summary of every term this page links to, so hovering needs no request.
func (r *Renderer) previews(l links) template.JS {
	slices.Sort(l) // deterministic output
	l = slices.Compact(l)
	size := 2
	for _, slug := range l {
		size += len(r.preview[slug]) + 1
	}
	var b strings.Builder
	b.Grow(size)
	b.WriteByte('{')
	n := 0
	for _, slug := range l {
		e, ok := r.preview[slug]
		if !ok {
			continue
		}
		if n > 0 {
			b.WriteByte(',')
		}
		n++
		b.WriteString(e)
	}
	b.WriteByte('}')
	return template.JS(b.String())
}

// previewEntry is one term's `"slug":{...}` member of the previews JSON,
// built once per build: the same terms are linked from many pages.
func previewEntry(t *content.Term) string {
	type preview struct {
		Title   string   `json:"t"`
		Abbr    []string `json:"a,omitempty"`
		Summary string   `json:"s"`
	}
	k, _ := json.Marshal(t.Slug.Value) // json escapes <, > and &: safe in a script element
	v, _ := json.Marshal(preview{t.Title.Value, names(t.Abbreviations), t.Summary})
	return string(k) + ":" + string(v)
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
		Context       string   `json:"@context"`
		Type          string   `json:"@type"`
		AlternateName []string `json:"alternateName,omitempty"`
		DateModified  string   `json:"dateModified"`
		Description   string   `json:"description"`
		InSet         termSet  `json:"inDefinedTermSet"`
		Name          string   `json:"name"`
		TermCode      string   `json:"termCode"`
		URL           string   `json:"url"`
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
	b, _ := json.Marshal(dt) // escapes <, > and &: cannot close the script element
	return template.JS(b)
}

func (r *Renderer) abs(path string) string { return r.u.Abs(path) }

func (r *Renderer) redirectPage(w *bytes.Buffer, t *content.Term) error {
	target := r.u.Term(t.Slug.Value)
	l := r.layout("redirect", t.Title.Value, target, "")
	l.Canonical = r.abs(target)
	l.NoIndex = true
	l.Refresh = target
	return r.tmpl.execute(w, "redirect", RedirectPage{Layout: l, Target: Link{t.Title.Value, target}})
}

// letters groups terms, and their abbreviations and synonyms, by first letter.
func (r *Renderer) letters() []Letter {
	byLetter := map[string][]IndexEntry{}
	add := func(name string, e IndexEntry) {
		e.Name = name
		e.sortKey = textfold.String(name) // once, not at every comparison of the sort
		l := letterOf(name)
		byLetter[l] = append(byLetter[l], e)
	}
	for _, t := range r.g.Terms {
		ref := r.termRef(t)
		add(t.Title.Value, IndexEntry{Term: ref})
		for _, a := range t.Abbreviations {
			add(a.Value, IndexEntry{Term: ref, Alias: true, AliasKind: "abbreviation"})
		}
		for _, s := range t.Synonyms {
			add(s.Value, IndexEntry{Term: ref, Alias: true, AliasKind: "synonym"})
		}
	}
	var out []Letter
	for _, l := range slices.Sorted(maps.Keys(byLetter)) {
		es := byLetter[l]
		slices.SortFunc(es, func(a, b IndexEntry) int {
			return cmp.Or(cmp.Compare(a.sortKey, b.sortKey), cmp.Compare(a.Name, b.Name), cmp.Compare(a.Term.Slug, b.Term.Slug))
		})
		id := "letter-" + strings.ToLower(l)
		if l == "#" {
			id = "letter-other"
		}
		out = append(out, Letter{Letter: l, ID: id, Entries: es})
	}
	// "#" sorts first in ASCII; readers expect it last.
	if len(out) > 0 && out[0].Letter == "#" {
		out = append(out[1:], out[0])
	}
	return out
}

// letterOf is the A-Z letter a name is filed under: its first letter,
// accents folded ("Élan" under E); digits, symbols and letters of other
// scripts under "#".
func letterOf(name string) string {
	c, _ := utf8.DecodeRuneInString(name)
	if f := textfold.Rune(c); f != "" {
		c = rune(f[0])
	}
	c = unicode.ToUpper(c)
	if c >= 'A' && c <= 'Z' {
		return string(c)
	}
	return "#"
}

func (r *Renderer) termsPage(w *bytes.Buffer) error {
	p := TermsPage{
		Layout:  r.layout("terms", "Glossary A–Z", r.u.Terms(), "Every term of "+r.cfg.Title+", A to Z.", Link{"Home", r.u.Home()}),
		Letters: r.letters(),
		Count:   len(r.g.Terms),
	}
	return r.tmpl.execute(w, "terms", p)
}

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
	desc := r.block(f.Description, markdown.Doc{IDPrefix: "framework-" + f.ID + "--"}, l)
	return FrameworkRef{ID: f.ID, Name: f.Name, Short: f.Short, Version: f.Version, URL: r.u.Framework(f.ID), Description: desc, Controls: len(f.Controls), Terms: len(seen)}
}

func (r *Renderer) homePage(w *bytes.Buffer) error {
	p := HomePage{
		Layout:    r.layout("home", "", r.u.Home(), r.cfg.Description),
		Letters:   r.letters(),
		TermCount: len(r.g.Terms),
	}
	recent := slices.Clone(r.g.Terms)
	slices.SortStableFunc(recent, func(a, b *content.Term) int { return b.Updated.Compare(a.Updated) })
	p.Recent = r.termRefs(recent[:min(len(recent), 12)])
	for _, f := range r.g.Frameworks {
		p.Frameworks = append(p.Frameworks, r.frameworkRef(f, nil))
	}
	for _, inc := range r.g.Incidents[:min(len(r.g.Incidents), 6)] {
		p.Incidents = append(p.Incidents, r.incidentRef(inc))
	}
	set := map[string]any{"@context": "https://schema.org", "@type": "DefinedTermSet", "name": r.cfg.Title, "url": r.abs(r.u.Terms())}
	if r.cfg.Description != "" {
		set["description"] = r.cfg.Description
	}
	b, _ := json.Marshal(set)
	p.JSONLD = template.JS(b)
	return r.tmpl.execute(w, "home", p)
}

// mappedTerms lists the terms of tms; idPrefix + "N--" prefixes the ids
// of the Nth one's relevance.
func (r *Renderer) mappedTerms(tms []xref.TermMapping, idPrefix string, l *links) []MappedTerm {
	var out []MappedTerm
	for i, tm := range tms {
		if r.published(tm.Term) {
			ref := r.ref(tm.Term)
			out = append(out, MappedTerm{TermRef: ref, Relevance: r.inline(tm.Relevance, nthPrefix(idPrefix, i), l)})
			l.add([]string{ref.Slug})
		}
	}
	return out
}

func (r *Renderer) frameworkPage(w *bytes.Buffer, f *content.Framework) error {
	var l links
	ref := r.frameworkRef(f, &l)
	p := FrameworkPage{
		Layout:    r.layout("framework", f.Name, ref.URL, "", Link{"Home", r.u.Home()}, Link{"Frameworks", r.u.Frameworks()}),
		Framework: ref,
		Homepage:  f.URL,
	}
	p.Terms = r.mappedTerms(r.g.FrameworkTerms[f], "framework-level--", &l)
	for _, c := range f.Controls {
		a := r.anchors[c]
		p.Controls = append(p.Controls, ControlView{
			ID: c.ID.Value, Anchor: a, Title: c.Title, URL: c.URL,
			Description: r.block(c.Description, markdown.Doc{IDPrefix: a + "--"}, &l), Terms: r.mappedTerms(r.g.ControlTerms[c], a+"--", &l),
		})
	}
	p.Previews = r.previews(l)
	return r.tmpl.execute(w, "framework", p)
}

func (r *Renderer) frameworksPage(w *bytes.Buffer) error {
	p := FrameworksPage{Layout: r.layout("frameworks", "Frameworks", r.u.Frameworks(), "The standards and frameworks the glossary's terms map to.", Link{"Home", r.u.Home()})}
	for _, f := range r.g.Frameworks {
		p.Frameworks = append(p.Frameworks, r.frameworkRef(f, nil))
	}
	return r.tmpl.execute(w, "frameworks", p)
}

func (r *Renderer) matrixPage(w *bytes.Buffer) error {
	p := MatrixPage{Layout: r.layout("matrix", "Framework matrix", r.u.Matrix(), "Which terms map to which framework controls.", Link{"Home", r.u.Home()}, Link{"Frameworks", r.u.Frameworks()})}
	idx := map[*content.Framework]int{}
	cellCache := map[string]template.HTML{} // the page's cells, by their links
	for i, f := range r.g.Frameworks {
		p.Frameworks = append(p.Frameworks, r.frameworkRef(f, nil))
		idx[f] = i
	}
	for _, t := range r.g.Terms {
		ms := r.g.TermMappings[t]
		if len(ms) == 0 {
			continue
		}
		cells := make([][]Link, len(r.g.Frameworks))
		for _, m := range ms {
			i := idx[m.Framework]
			if m.Control != nil {
				cells[i] = append(cells[i], Link{m.Control.ID.Value, r.controlURL(m.Framework, m.Control)})
			} else {
				cells[i] = append(cells[i], Link{"framework-level", r.u.Framework(m.Framework.ID)})
			}
		}
		var html strings.Builder
		for _, c := range cells {
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
	l := make(links, len(p.Rows))
	for i, row := range p.Rows {
		l[i] = row.Term.Slug
	}
	p.Previews = r.previews(l)
	return r.tmpl.execute(w, "matrix", p)
}

func (r *Renderer) incidentPage(w *bytes.Buffer, inc *content.Incident) error {
	ref := r.incidentRef(inc)
	p := IncidentPage{
		Layout:   r.layout("incident", inc.Title.Value, ref.URL, plain(inc.Summary.Text), Link{"Home", r.u.Home()}, Link{"Incidents", r.u.Incidents()}),
		Incident: ref,
		Sources:  sourceViews(inc.Sources),
		Terms:    r.termRefs(r.g.IncidentTerms[inc]),
	}
	l := links(slices.Clone(ref.links))
	p.Body = r.block(inc.Body, markdown.Doc{Reserved: r.reserved["incident"]}, &l)
	p.Layout.Draft = inc.Draft
	p.Tags = r.tagLinks(inc.Tags)
	l.refs(p.Terms)
	p.Previews = r.previews(l)
	return r.tmpl.execute(w, "incident", p)
}

// plain turns a Markdown summary into the text of a meta tag: each
// [[link]] becomes what a reader sees of it, whitespace is folded.
func plain(s string) string {
	var b strings.Builder
	last := 0
	for _, l := range wikilink.Scan(s) {
		b.WriteString(s[last:l.Start])
		b.WriteString(l.Text())
		last = l.End
	}
	b.WriteString(s[last:])
	return strings.Join(strings.Fields(b.String()), " ")
}

func (r *Renderer) incidentsPage(w *bytes.Buffer) error {
	p := IncidentsPage{Layout: r.layout("incidents", "Incidents", r.u.Incidents(), "Real incidents involving machine credentials, newest first.", Link{"Home", r.u.Home()})}
	for _, inc := range r.g.Incidents {
		p.Incidents = append(p.Incidents, r.incidentRef(inc))
	}
	return r.tmpl.execute(w, "incidents", p)
}

// taxonomy is tags or categories: page names in order, what carries
// each, and their slugs.
type taxonomy struct {
	dir       string   // "tags/" or "categories/"
	names     []string // a page's name is the first spelling met, in term order
	terms     map[string][]*content.Term
	incidents map[string][]*content.Incident
	page      map[string]string // every spelling -> its page's name
	byKey     map[string]string // sameTaxonomy key -> page name
	slug      map[string]string // page name -> URL segment
}

func newTaxonomy(dir string) taxonomy {
	return taxonomy{dir: dir, terms: map[string][]*content.Term{}, incidents: map[string][]*content.Incident{},
		page: map[string]string{}, byKey: map[string]string{}}
}

// sameTaxonomy is what two spellings of one tag share: they differ in
// case or spacing only ("Secrets", "secrets", "machine  identity"). Names
// that differ in anything else are other tags, even where their slugs
// agree ("C", "C#", "ç").
func sameTaxonomy(name string) string {
	return strings.ToLower(strings.Join(strings.Fields(name), " "))
}

// canon is the name of the page that the spelling name belongs to.
func (tx *taxonomy) canon(name string) string {
	if n, ok := tx.page[name]; ok {
		return n
	}
	key := sameTaxonomy(name)
	n, ok := tx.byKey[key]
	if !ok {
		n = name
		tx.byKey[key] = name
		tx.names = append(tx.names, name)
	}
	tx.page[name] = n
	return n
}

// assignSlugs gives every page its URL segment: its TaxonomySlug, unless
// another page's name slugs alike ("C#" and "c#", "CI/CD" and "CI-CD").
// Then the name first in byte order keeps the slug and the others get
// -1, -2... skipping slugs another name has: the outcome depends on the
// set of names alone, never on the order terms come in.
func (tx *taxonomy) assignSlugs() {
	tx.slug = make(map[string]string, len(tx.names))
	bySlug := make(map[string][]string, len(tx.names))
	for _, n := range tx.names {
		s := TaxonomySlug(n)
		bySlug[s] = append(bySlug[s], n)
	}
	var clashes []string
	for s, ns := range bySlug {
		tx.slug[ns[0]] = s
		if len(ns) > 1 {
			clashes = append(clashes, s)
		}
	}
	slices.Sort(clashes)
	taken := func(s string) bool { _, ok := bySlug[s]; return ok }
	for _, s := range clashes {
		ns := bySlug[s]
		slices.SortFunc(ns, func(a, b string) int { return cmp.Or(cmp.Compare(sameTaxonomy(a), sameTaxonomy(b)), cmp.Compare(a, b)) })
		tx.slug[ns[0]] = s
		n := 0
		for _, name := range ns[1:] {
			var alt string
			for n++; ; n++ {
				if alt = s + "-" + strconv.Itoa(n); !taken(alt) {
					break
				}
			}
			tx.slug[name] = alt
			bySlug[alt] = []string{name}
		}
	}
}

// url is the link to the page of a tag or category, by any spelling.
// MovedTaxonomyPages lists the pages whose tag or category links differ
// from prev's because a name's slug moved: a name that slugs like another
// gets a suffix, so its URL changes when that other name comes or goes.
// They are the moved pages themselves and the term and incident pages
// that list them.
func (r *Renderer) MovedTaxonomyPages(prev *Renderer) []string {
	var out []string
	for _, pair := range [][2]*taxonomy{{&r.tags, &prev.tags}, {&r.cats, &prev.cats}} {
		tx, was := pair[0], pair[1]
		for name, slug := range tx.slug {
			if old, ok := was.slug[name]; !ok || old == slug {
				continue
			}
			out = append(out, tx.dir+slug+"/index.html")
			for _, t := range tx.terms[name] {
				out = append(out, "terms/"+t.Slug.Value+"/index.html")
			}
			for _, inc := range tx.incidents[name] {
				out = append(out, "incidents/"+inc.Slug.Value+"/index.html")
			}
		}
	}
	return out
}

func (tx *taxonomy) path(name string) string {
	page, ok := tx.page[name]
	if !ok {
		return ""
	}
	return tx.dir + tx.slug[page] + "/index.html"
}

func (tx *taxonomy) url(u urls, name string) string {
	return u.Taxonomy(tx.dir, tx.slug[tx.page[name]])
}

func (r *Renderer) taxonomies() (tags, cats taxonomy) {
	tags, cats = newTaxonomy("tags/"), newTaxonomy("categories/")
	for _, t := range r.g.Terms {
		for _, tag := range t.Tags {
			n := tags.canon(tag)
			// Terms come in order: a repeat can only be this term's own,
			// from two spellings of one tag.
			if l := tags.terms[n]; len(l) == 0 || l[len(l)-1] != t {
				tags.terms[n] = append(l, t)
			}
		}
		if t.Category != "" {
			n := cats.canon(t.Category)
			cats.terms[n] = append(cats.terms[n], t)
		}
	}
	for _, inc := range r.g.Incidents {
		for _, tag := range inc.Tags {
			n := tags.canon(tag)
			if l := tags.incidents[n]; len(l) == 0 || l[len(l)-1] != inc {
				tags.incidents[n] = append(l, inc)
			}
		}
	}
	// Folded, so that "Émigré" sorts among the Es; ties (other spellings
	// that fold alike) in byte order, for a fixed order.
	byName := func(a, b string) int {
		return cmp.Or(cmp.Compare(textfold.String(a), textfold.String(b)), cmp.Compare(a, b))
	}
	slices.SortFunc(tags.names, byName)
	slices.SortFunc(cats.names, byName)
	tags.assignSlugs()
	cats.assignSlugs()
	return tags, cats
}

func (r *Renderer) taxonomyIndex(w *bytes.Buffer, title, url string, tx *taxonomy) error {
	p := TaxonomyIndex{Layout: r.layout("taxonomies", title, url, "", Link{"Home", r.u.Home()})}
	for _, n := range tx.names {
		p.Entries = append(p.Entries, TaxonomyEntry{Link{n, tx.url(r.u, n)}, len(tx.terms[n]) + len(tx.incidents[n])})
	}
	return r.tmpl.execute(w, "taxonomies", p)
}

func (r *Renderer) taxonomyPage(w *bytes.Buffer, kind, name, parent string, tx *taxonomy) error {
	url := tx.url(r.u, name)
	plural := kind + "s"
	if kind == "Category" {
		plural = "Categories"
	}
	p := TaxonomyPage{
		Layout: r.layout("taxonomy", fmt.Sprintf("%s: %s", kind, name), url, "", Link{"Home", r.u.Home()}, Link{plural, parent}),
		Name:   name,
		Terms:  r.termRefs(tx.terms[name]),
	}
	for _, inc := range tx.incidents[name] {
		p.Incidents = append(p.Incidents, r.incidentRef(inc))
	}
	return r.tmpl.execute(w, "taxonomy", p)
}

func (r *Renderer) searchPage(w *bytes.Buffer) error {
	l := r.layout("search", "Search", r.u.Search(), "Search "+r.cfg.Title+".", Link{"Home", r.u.Home()})
	l.NoIndex = true
	return r.tmpl.execute(w, "search", SearchPage{l})
}

func (r *Renderer) notFoundPage(w *bytes.Buffer) error {
	l := r.layout("404", "Page not found", r.u.base+"404.html", "")
	l.NoIndex = true
	l.Canonical = ""
	return r.tmpl.execute(w, "404", NotFoundPage{l})
}
