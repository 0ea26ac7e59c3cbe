package render

import (
	"net/url"
	"strconv"
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

func (u urls) Home() string            { return u.base }
func (u urls) Terms() string           { return u.base + "terms/" }
func (u urls) Term(slug string) string { return u.base + "terms/" + slug + "/" }

// Shared is the URL of a shared name's disambiguation page, whose slug is
// spelled as a tag's and may hold letters of other scripts.
func (u urls) Shared(slug string) string   { return u.base + "terms/" + url.PathEscape(slug) + "/" }
func (u urls) Incidents() string           { return u.base + "incidents/" }
func (u urls) Incident(slug string) string { return u.base + "incidents/" + slug + "/" }
func (u urls) Frameworks() string          { return u.base + "frameworks/" }
func (u urls) Framework(id string) string  { return u.base + "frameworks/" + id + "/" }
func (u urls) Matrix() string              { return u.base + "frameworks/matrix/" }
func (u urls) Tags() string                { return u.base + "tags/" }
func (u urls) Categories() string          { return u.base + "categories/" }
func (u urls) Search() string              { return u.base + "search/" }
func (u urls) Hierarchy() string           { return u.base + "hierarchy/" }
func (u urls) Asset(name string) string    { return u.base + "assets/" + name }
func (u urls) Abs(path string) string      { return u.origin + path }
func (u urls) File(rel string) string      { return u.base + rel }

// Taxonomy is the URL of a tag or category page from its slug: letters of
// other scripts stay in the slug (and the file name) and are
// percent-encoded here, as sitemaps and feeds require.
func (u urls) Taxonomy(kind, slug string) string { return u.base + kind + url.PathEscape(slug) + "/" }

// controlAnchor is the fragment id a control would have alone on its
// framework page; ControlAnchors makes those of one framework unique.
func controlAnchor(id string) string { return "control-" + content.Slugify(id) }

// ControlAnchors are the fragment ids of f's controls, in f's order.
// Ids that slug alike ("A.1", "A-1", "A_1") would share an anchor: the
// first keeps it, later ones get -1, -2... skipping any anchor another
// control has or would have, and any whose "-title" id is taken. It
// depends on f alone, so every page agrees on a control's anchor.
func ControlAnchors(f *content.Framework) []string {
	out := make([]string, len(f.Controls))
	bases := make(map[string]bool, len(f.Controls))
	for i, c := range f.Controls {
		out[i] = controlAnchor(c.ID.Value)
		bases[out[i]] = true
	}
	taken := make(map[string]bool, 2*len(f.Controls))
	free := func(a string) bool { return !taken[a] && !taken[a+"-title"] }
	for i, base := range out {
		a := base
		for n := 1; !free(a) || a != base && bases[a]; n++ {
			a = base + "-" + strconv.Itoa(n)
		}
		out[i] = a
		taken[a], taken[a+"-title"] = true, true
	}
	return out
}

// BasePathOf is the URL path of a base URL, ending in "/".
func BasePathOf(baseURL string) string { return newURLs(baseURL).base }

// IsAbsolute says whether baseURL has a scheme and host. Without them the
// site has no sitemap.xml (a sitemap lists absolute URLs only) and no
// canonical links.
func IsAbsolute(baseURL string) bool { return newURLs(baseURL).origin != "" }
