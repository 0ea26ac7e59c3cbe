package render

import (
	"io/fs"
	"strings"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/i18n"
	"github.com/nhimg/nhiglossary/internal/xref"
)

// Alternate is a page in one of the site's languages, for hreflang links
// and the language switcher.
type Alternate struct {
	Lang    string // BCP 47 code, or "x-default"
	Name    string // the language's name in itself: "Deutsch"
	URL     string // absolute when the site's base_url is, for hreflang
	Href    string // under the site's base path, for the switcher
	Current bool   // the page being rendered
	// Missing: the page is not in this language (an untranslated term,
	// 404.html); the switcher goes to the language's home page, and no
	// hreflang names it.
	Missing bool
}

// NewSite makes one Renderer for each language of a site from its graphs
// (xref.ResolveLanguages: the default language first). The default
// language's pages are where a one-language site has them; another's are
// under CODE/. assets[i] are the asset URLs of graphs[i]'s pages (each
// language has its own search index), opts[i] its options.
func NewSite(graphs []*xref.Graph, tmplFS fs.FS, assets []Assets, opts []Options) ([]*Renderer, error) {
	rs := make([]*Renderer, len(graphs))
	for i, g := range graphs {
		r, err := newRenderer(g, tmplFS, assets[i], opts[i], LangPrefix(g, i == 0), rs[0])
		if err != nil {
			return nil, err
		}
		rs[i] = r
	}
	for _, r := range rs {
		r.home, r.langs = rs[0], rs
	}
	if len(rs) > 1 {
		for _, r := range rs {
			r.pages = map[string]bool{}
			for _, j := range r.Jobs() {
				if dir, ok := strings.CutSuffix(j.Path, "index.html"); ok {
					r.pages[strings.TrimPrefix(dir, r.prefix)] = true
				} else if j.Path == "404.html" {
					r.pages[j.Path] = true // the home renderer's, once for the site
				}
			}
		}
	}
	return rs, nil
}

// LangPrefix is where a language's pages go in the output: "" for the
// default language, "CODE/" for the others.
func LangPrefix(g *xref.Graph, isDefault bool) string {
	if isDefault {
		return ""
	}
	return g.Lang() + "/"
}

// Prefix is where the renderer's pages go in the output ("" or "de/").
func (r *Renderer) Prefix() string { return r.prefix }

// own reports whether t's text is in this renderer's language, so that
// it has a page here; an untranslated term links to its original's page.
func (r *Renderer) own(lang string) bool {
	return lang == "" || lang == r.lang || r.isHome()
}

// isHome reports whether r is the default language's renderer (or the
// only one), which writes the files the site has once.
func (r *Renderer) isHome() bool { return r.home == nil || r.home == r }

// termURL links to t's page: in this language, or the original's.
func (r *Renderer) termURL(t *content.Term) string {
	if r.own(t.Lang) {
		return r.u.Term(t.Slug.Value)
	}
	return r.home.u.Term(t.Slug.Value)
}

func (r *Renderer) incidentURL(inc *content.Incident) string {
	if r.own(inc.Lang) {
		return r.u.Incident(inc.Slug.Value)
	}
	return r.home.u.Incident(inc.Slug.Value)
}

// foreign is the language of a term shown in this language's lists
// without a translation: "" when it has one (or the site one language).
func (r *Renderer) foreign(lang string) string {
	if r.own(lang) {
		return ""
	}
	return lang
}

// alternates are the page at path (a URL path under this renderer's
// base) in every language it exists in, plus x-default: nothing on a
// one-language site.
func (r *Renderer) alternates(path string) []Alternate {
	if len(r.langs) < 2 {
		return nil
	}
	rel, ok := strings.CutPrefix(path, r.u.base)
	if !ok {
		return nil
	}
	var out []Alternate
	for _, lr := range r.langs {
		a := Alternate{Lang: lr.lang, Name: lr.langName, URL: r.abs(lr.u.base + rel), Href: lr.u.base + rel, Current: lr == r}
		if !lr.pages[rel] {
			a.URL, a.Href, a.Missing = r.abs(lr.u.Home()), lr.u.Home(), true
		}
		out = append(out, a)
	}
	if r.home.pages[rel] {
		out = append(out, Alternate{Lang: "x-default", URL: r.abs(r.home.u.base + rel), Href: r.home.u.base + rel})
	}
	return out
}

// languageOf finds the language entry of code in the site's settings.
func languageOf(cfg content.Config, code string) content.Language {
	for _, l := range cfg.Languages {
		if l.Code == code {
			return l
		}
	}
	return content.Language{Code: code, Name: code}
}

// interfaceText is the renderer's language's interface text, with the
// site's overrides.
func interfaceText(g *xref.Graph, lang string) *i18n.Text {
	return i18n.New(lang, g.Site.Interface[lang])
}
