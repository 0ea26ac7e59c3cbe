package render

import (
	"net/url"
	"strings"

	"github.com/nhimg/nhiglossary/internal/content"
)

// urls builds every link of the site from one base, so that a site built
// for https://example.org/kb/ never links outside /kb/.
type urls struct {
	base   string // path of base_url, always ending in "/"
	origin string // scheme://host of base_url, "" when base_url is a path
}

func newURLs(baseURL string) urls {
	u, err := url.Parse(baseURL)
	if err != nil {
		return urls{base: "/"}
	}
	p := u.Path
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	o := ""
	if u.Scheme != "" && u.Host != "" {
		o = u.Scheme + "://" + u.Host
	}
	return urls{base: p, origin: o}
}

func (u urls) Home() string                 { return u.base }
func (u urls) Terms() string                { return u.base + "terms/" }
func (u urls) Term(slug string) string      { return u.base + "terms/" + slug + "/" }
func (u urls) Incidents() string            { return u.base + "incidents/" }
func (u urls) Incident(slug string) string  { return u.base + "incidents/" + slug + "/" }
func (u urls) Frameworks() string           { return u.base + "frameworks/" }
func (u urls) Framework(id string) string   { return u.base + "frameworks/" + id + "/" }
func (u urls) Matrix() string               { return u.base + "frameworks/matrix/" }
func (u urls) Tags() string                 { return u.base + "tags/" }
func (u urls) Tag(tag string) string        { return u.base + "tags/" + TaxonomySlug(tag) + "/" }
func (u urls) Categories() string           { return u.base + "categories/" }
func (u urls) Category(c string) string     { return u.base + "categories/" + TaxonomySlug(c) + "/" }
func (u urls) Search() string               { return u.base + "search/" }
func (u urls) Asset(name string) string     { return u.base + "assets/" + name }
func (u urls) Control(fw, id string) string { return u.Framework(fw) + "#" + ControlAnchor(id) }
func (u urls) Abs(path string) string       { return u.origin + path }
func (u urls) File(rel string) string       { return u.base + rel }

// ControlAnchor is the fragment id of a control on its framework page.
func ControlAnchor(id string) string { return "control-" + content.Slugify(id) }

// TaxonomySlug is the URL segment of a tag or category.
func TaxonomySlug(name string) string {
	if s := content.Slugify(name); s != "" {
		return s
	}
	return "other"
}

// BasePathOf is the URL path of a base URL, ending in "/".
func BasePathOf(baseURL string) string { return newURLs(baseURL).base }
