package render

import (
	"bytes"
	"encoding/json"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/markdown"
	"github.com/nhimg/nhiglossary/internal/wikilink"
)

// renderChrome renders the chrome of every page kind, once per build.
func (r *Renderer) renderChrome() error {
	// What it shows is the settings, which a Memo's renderers share,
	// and the keys: the next version of a site shows the same.
	c, err := r.opts.Memo.chrome(chromeKey{r.prefix, r.assets, r.nav}, r.makeChrome)
	r.chrome = c
	return err
}

func (r *Renderer) makeChrome() (map[string]Chrome, error) {
	chrome := make(map[string]Chrome, len(PageKinds))
	for _, kind := range PageKinds {
		d := ChromeData{Site: r.cfg, Base: r.u.base, Kind: kind, Assets: r.assets, URLs: r.nav, Generator: r.opts.Generator}
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
				return nil, templateError(err)
			}
			// html/template escaped it for the HTML text context in which
			// base.html prints it.
			*part.out = template.HTML(buf.String())
		}
		chrome[kind] = c
	}
	return chrome, nil
}

func (r *Renderer) layout(kind, title, path, description string, crumbs ...Link) Layout {
	l := Layout{
		Site: r.cfg, Base: r.u.base, Kind: kind, Title: title, Path: path,
		Description: description, Crumbs: crumbs, Assets: r.assets,
		URLs: r.nav, Generator: r.opts.Generator, Chrome: r.chrome[kind],
		Lang: r.lang, Alternates: r.alternates(path),
	}
	if len(r.langs) > 1 {
		l.Home = r.home.u.base
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
		Slug: t.Slug.Value, Title: t.Title.Value, URL: r.termURL(t), Lang: r.foreign(t.Lang),
		Abbreviations: names(t.Abbreviations), Summary: t.Summary, Updated: t.Updated, Draft: t.Draft,
		Deprecated: t.Deprecated,
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
	if c := r.refs[i].Load(); c != nil && c.summary == t.Summary {
		return c.ref
	}
	ref := r.termRef(t)
	ref.Link = r.partial("termlink", ref)
	ref.Card = r.partial("termcard", ref)
	r.refs[i].Store(&cachedRef{ref, t.Summary}) // two workers may both make it: the same value
	return ref
}

// cachedRef and cachedPreview are a term's list entry and preview with
// the summary they were made from (see Renderer.refs).
type cachedRef struct {
	ref     TermRef
	summary string
}

type cachedPreview struct {
	entry, summary string
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
		name, _ := r.tags.Page(tag)
		if slices.ContainsFunc(tags[:i], func(t string) bool { p, _ := r.tags.Page(t); return p == name }) {
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
	return r.cited(m, markdown.Doc{Inline: true, IDPrefix: idPrefix}, l, nil)
}

// cited renders a one-paragraph field that may cite the entry's sources,
// adding its citations to cites.
func (r *Renderer) cited(m content.Markdown, doc markdown.Doc, l *links, cites *[]markdown.Cited) template.HTML {
	if m.Text == "" {
		return ""
	}
	res := r.md.Render(m.Text, doc)
	l.renderedAs(m.Text, res)
	if cites != nil {
		*cites = append(*cites, res.Cites...)
	}
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
	l.renderedAs(m.Text, res)
	return template.HTML(res.HTML)
}

// sourceViews are an entry's sources; cites are the page's citations in
// page order, so each source links back to the first that cites it.
func sourceViews(ss []content.Source, cites []markdown.Cited) []SourceView {
	out := make([]SourceView, len(ss))
	for i, s := range ss {
		out[i] = SourceView{N: i + 1, Title: s.Title, Publisher: s.Publisher, URL: s.URL, Date: s.Date}
	}
	for _, c := range cites {
		if v := &out[c.Source-1]; v.CitedAt == "" {
			v.CitedAt = c.ID
		}
	}
	return out
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

// links collects, as a page renders, what it shows of other pages: the
// slugs of the terms it links to (their previews, and the cards its
// Deps name) and the Markdown it rendered (in which a name may come to
// link elsewhere: see Deps.Mentions).
type links struct {
	terms    []string
	markdown []string
	sources  []string // terms whose Sources lists (on their pages) the page cites
	code     bool     // some Markdown the page shows has a code block
}

// showsCode says whether the page shows highlighted code, which needs
// the highlighting style sheet (Layout.Code).
func (l *links) showsCode() bool { return l != nil && l.code }

func (l *links) refs(ts []TermRef) {
	for _, t := range ts {
		l.terms = append(l.terms, t.Slug)
	}
}

func (l *links) add(slugs []string) {
	if l != nil {
		l.terms = append(l.terms, slugs...)
	}
}

// rendered records a Markdown source the page shows.
func (l *links) rendered(text string) {
	if l != nil && text != "" {
		l.markdown = append(l.markdown, text)
	}
}

// renderedAs records a Markdown field the page shows, rendered as res.
func (l *links) renderedAs(text string, res markdown.Result) {
	l.add(res.Terms)
	l.rendered(text)
	if l != nil && res.Code {
		l.code = true
	}
}

// citesSourcesOf records that the page cites the sources of the term
// slug, which its page lists.
func (l *links) citesSourcesOf(slug string) {
	if l != nil {
		l.sources = append(l.sources, slug)
	}
}

// merge adds what a shared fragment (an incident's list entry) showed.
func (l *links) merge(o links) {
	if l != nil {
		l.terms = append(l.terms, o.terms...)
		l.markdown = append(l.markdown, o.markdown...)
		l.sources = append(l.sources, o.sources...)
		l.code = l.code || o.code
	}
}

// previews is the JSON the tooltip script reads: title, abbreviations and
// summary of every term this page links to, so hovering needs no request.
func (r *Renderer) previews(pl *links) template.JS {
	slices.Sort(pl.terms) // deterministic output
	pl.terms = slices.Compact(pl.terms)
	l := pl.terms
	entries := make([]string, 0, len(l))
	size := 2
	for _, slug := range l {
		if e, ok := r.previewOf(slug); ok {
			entries = append(entries, e)
			size += len(e) + 1
		}
	}
	var b strings.Builder
	b.Grow(size)
	b.WriteByte('{')
	n := 0
	for _, e := range entries {
		if n > 0 {
			b.WriteByte(',')
		}
		n++
		b.WriteString(e)
	}
	b.WriteByte('}')
	return template.JS(b.String())
}

// previewOf is the previews entry of a published term, made once per
// build: the same terms are linked from many pages.
func (r *Renderer) previewOf(slug string) (string, bool) {
	i, ok := r.num[r.g.TermBySlug[slug]]
	if !ok {
		return "", false
	}
	t := r.g.Terms[i]
	if c := r.preview[i].Load(); c != nil && c.summary == t.Summary {
		return c.entry, true
	}
	e := previewEntry(t)
	r.preview[i].Store(&cachedPreview{e, t.Summary}) // two workers may both make it: the same value
	return e, true
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

func (r *Renderer) abs(path string) string { return r.u.Abs(path) }

// plain turns a Markdown summary into the text of a meta tag: each
// [[link]] becomes what a reader sees of it, whitespace is folded.
func plain(s string) string {
	var b strings.Builder
	last := 0
	for _, l := range wikilink.Scan(s) {
		if l.Cut {
			continue // shown as written
		}
		b.WriteString(s[last:l.Start])
		b.WriteString(l.Text())
		last = l.End
	}
	b.WriteString(s[last:])
	return strings.Join(strings.Fields(b.String()), " ")
}
