// Package render turns a resolved site into pages: it builds the typed view
// of each page and runs it through the site's templates. It does no I/O
// beyond reading templates; the caller decides where pages go.
//
// # Jobs and what they show
//
// Renderer.Jobs lists every output file as a Job. Each Job declares the
// facts of the site model (xref.Fact) its file shows: its own term, the
// cards of the terms it lists, site-wide lists, the settings. A live
// preview compares two versions of the site (xref.DiffLanguages) and renders
// again exactly the files whose facts changed; it knows nothing of page
// kinds or paths. So adding a kind of page or file is one call in Jobs:
//
//	add("frameworks/"+f.ID+"/index.html", r.shows(xref.FrameworkPageFact(f.ID)), func(w Writer, l *links) error { ... })
//
// A declaration is made only when asked (Job.RenderDeps): a build lists every
// job and asks none, a preview asks only of the files it renders. Every
// job shows the settings without saying so. Facts the file shows
// depending on its content are recorded as it renders (see links): the
// cards of the terms it links to, and the Markdown it rendered, in which
// a name may start or stop auto-linking (xref.Changes.MentionedIn). A job
// whose declaration is wrong makes a stale preview: the live package's
// property test compares the preview with a fresh build after random
// edits.
package render

import (
	"io/fs"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/i18n"
	"github.com/nhimg/nhiglossary/internal/markdown"
	"github.com/nhimg/nhiglossary/internal/xref"
)

// Options change how pages render.
type Options struct {
	Generator string // "nhiglossary vX", in the generator meta tag and feed
	// BodyText, when set, receives the plain text of each term's body as
	// its page renders (the search index's input); it is called
	// concurrently.
	BodyText func(t *content.Term, text string)
	// Memo, when set, keeps what this site's renderers make alike for
	// the next (a live preview's).
	Memo *Memo
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
	num map[*content.Term]int32 // a published term's index in g.Terms (lists skip the others)
	//
	// refs and preview hold, by index, the term as lists show it and its
	// entry in a page's previews JSON, made on first use. Each is kept
	// with the summary it was made from: a live preview may change a
	// term's prose, summary included, in place (xref.SameResolution),
	// and every other field they show is then the same.
	refs    []atomic.Pointer[cachedRef]
	preview []atomic.Pointer[cachedPreview]

	// Fragments that appear on many pages (an incident's list entry, a
	// tag link, a mapping's cells, a breadcrumb trail) are rendered once
	// each: html/template is the costliest stage.
	incidents  sync.Map              // *content.Incident -> IncidentRef
	tagLink    sync.Map              // tag page name -> template.HTML
	cells      sync.Map              // mappingKey -> template.HTML
	crumbs     sync.Map              // crumbs key -> template.HTML
	partialErr atomic.Pointer[error] // the first error of a partial

	// The language of the pages, and the site's other languages' renderers
	// (NewSite); a one-language site's renderer has no home or langs.
	lang, langName string
	text           *i18n.Text
	prefix         string      // where the pages go in the output: "" or "de/"
	home           *Renderer   // the default language's renderer
	langs          []*Renderer // every language's, the default first
	pages          map[string]bool

	tags, cats taxonomy                     // the site's tag and category pages
	anchors    map[*content.Control]string  // a control's fragment id on its framework page
	reserved   map[string]func(string) bool // by page kind: ids its templates write (heading ids avoid them)
}

// New parses the templates (an fs.FS with the site's overrides already
// layered over the embedded ones) and prepares the Markdown renderer.
func New(g *xref.Graph, tmplFS fs.FS, assets Assets, opts Options) (*Renderer, error) {
	return newRenderer(g, tmplFS, assets, opts, "", nil)
}

// newRenderer makes the renderer of one language; home is the default
// language's (nil for the default's own), which its auto-links to an
// untranslated term's page need.
func newRenderer(g *xref.Graph, tmplFS fs.FS, assets Assets, opts Options, prefix string, home *Renderer) (*Renderer, error) {
	lang := g.Lang()
	text := interfaceText(g, lang)
	t, err := opts.Memo.templates(prefix, func() (*templates, error) { return parseTemplates(tmplFS, text) })
	if err != nil {
		return nil, err
	}
	r := &Renderer{g: g, cfg: g.Site.Config, u: newURLs(g.Site.Config.BaseURL), opts: opts, tmpl: t, assets: assets, home: home}
	r.lang, r.langName, r.text, r.prefix = lang, languageOf(g.Site.Config, lang).Name, text, prefix
	r.u.base += prefix
	r.nav = Nav{
		Home: r.u.Home(), Terms: r.u.Terms(), Frameworks: r.u.Frameworks(), Matrix: r.u.Matrix(),
		Incidents: r.u.Incidents(), Tags: r.u.Tags(), Categories: r.u.Categories(), Search: r.u.Search(),
		Hierarchy: r.u.Hierarchy(),
	}
	if r.u.origin != "" { // OpenSearch takes absolute URLs only
		r.nav.OpenSearch = newURLs(g.Site.Config.BaseURL).File("opensearch.xml") // one file for the site
	}
	if len(g.Terms) > 0 { // an empty feed would have no date to give
		r.nav.Feed = r.u.File("feed.xml")
	}
	r.num = make(map[*content.Term]int32, len(g.Terms))
	r.preview = make([]atomic.Pointer[cachedPreview], len(g.Terms))
	for i, t := range g.Terms {
		r.num[t] = int32(i)
	}
	r.refs = make([]atomic.Pointer[cachedRef], len(g.Terms))
	r.tags, r.cats = taxonomy{g.Tags, "tags/"}, taxonomy{g.Categories, "categories/"}
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
	r.md = markdown.New(markdown.Options{UnsafeHTML: r.cfg.UnsafeHTML, Autolink: r.cfg.Autolink, CiteLabel: r.text.T("source"), Like: opts.Memo.markdown(prefix)}, linker{r}, r.autoNames())
	opts.Memo.keepMarkdown(prefix, r.md)
	return r, nil
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
		return markdown.LinkInfo{Href: l.r.termURL(t.Term), Title: t.Term.Title.Value, Term: t.Term.Slug.Value}, true
	case xref.KindIncident:
		return markdown.LinkInfo{Href: l.r.incidentURL(t.Incident), Title: t.Incident.Title.Value}, true
	case xref.KindControl:
		title := t.Framework.Short + " " + t.Control.ID.Value
		if t.Control.Title != "" {
			title += ": " + t.Control.Title
		}
		return markdown.LinkInfo{Href: l.r.controlURL(t.Framework, t.Control), Title: title}, true
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
	// A term's names are its own where no name is shared and no
	// translation takes another's: a live preview's Memo then makes
	// those of the terms that changed alone.
	if len(r.g.Shared) == 0 && r.g.FactLang() == "" && len(r.langs) <= 1 {
		return r.opts.Memo.autoNames(r.prefix, r.u.base, r.g.Terms, r.appendAutoNames)
	}
	var names []markdown.AutoName
	for _, t := range r.g.Terms {
		names = r.appendAutoNames(names, t)
	}
	return names
}

// appendAutoNames appends the names term t is auto-linked by.
func (r *Renderer) appendAutoNames(names []markdown.AutoName, t *content.Term) []markdown.AutoName {
	// A deprecated term is not to be linked, and a name several terms
	// share would be a guess.
	if !t.Autolink || t.Deprecated {
		return names
	}
	// In a translation a name links where a [[link]] of it goes (xref):
	// the language's own names first, then the originals' (a German text
	// may say "API Key"); a name another term's translation took is left
	// to it.
	localized := r.g.FactLang() != ""
	// A new version of the site in a live preview makes its names again:
	// no look-up it can do without (most sites share no name), and no
	// map for each term.
	shared := len(r.g.Shared) > 0
	info := markdown.LinkInfo{Href: r.termURL(t), Title: t.Title.Value, Term: t.Slug.Value}
	own := len(names) // where the term's names start
	add := func(n content.Name, caseSensitive bool) {
		if slices.ContainsFunc(names[own:], func(a markdown.AutoName) bool { return a.Text == n.Value }) {
			return
		}
		if shared {
			if _, ok := r.g.SharedName(n.Value); ok {
				return
			}
		}
		if localized {
			if target, ok := r.g.Lookup(n.Value); !ok || target.Term != t {
				return
			}
		}
		names = append(names, markdown.AutoName{Text: n.Value, CaseSensitive: caseSensitive, Slug: t.Slug.Value, Link: info})
	}
	add(t.Title, false)
	for _, s := range t.Synonyms {
		add(s, false)
	}
	for _, a := range t.Abbreviations {
		add(a, true)
	}
	if o := t.Original; o != nil {
		add(o.Title, false)
		for _, s := range o.Synonyms {
			add(s, false)
		}
		for _, a := range o.Abbreviations {
			add(a, true)
		}
	}
	return names
}
