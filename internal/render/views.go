package render

import (
	"html/template"
	"time"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/markdown"
)

// The types below are everything a template sees: plain values built
// before the template runs, so templates hold layout only, no lookups.

// Layout is shared by every HTML page.
type Layout struct {
	Site        content.Config
	Lang        string      // the page's language, for <html lang>
	Alternates  []Alternate // the page in each language (or that language's home), x-default last; none on a one-language site
	Home        string      // the default language's base path, on a site with several languages
	Base        string      // base path, e.g. "/kb/"
	Kind        string      // "home", "term", "terms", "framework", ...
	Title       string      // the <title>, without the site name
	Description string
	Canonical   string        // absolute URL when base_url is absolute
	Path        string        // this page's URL path
	Crumbs      []Link        // breadcrumbs before the page itself
	CrumbItems  template.HTML // Crumbs through the "crumbs" template
	Assets      Assets
	JSONLD      template.JS // a JSON-LD data block, already JSON-encoded
	NoIndex     bool
	Refresh     string // redirect pages: the URL a meta refresh sends the reader to
	Draft       bool   // a draft shown by serve or build --drafts
	Code        bool   // the page shows a code block: load the highlighting style sheet
	URLs        Nav
	Generator   string
	Chrome      Chrome // the parts of the page that are the same on every page of its kind
}

// Chrome is the site's head links, header and footer, rendered once per
// page kind from the "head-chrome", "header-chrome" and "footer-chrome"
// templates: re-running them on every page was a third of a page's
// template time.
type Chrome struct {
	Head, Header, Footer template.HTML
}

// ChromeData is all the chrome templates see: what every page of a kind
// shares, so that rendering them once per kind is exact.
type ChromeData struct {
	Site      content.Config
	Base      string
	Kind      string
	Assets    Assets
	URLs      Nav
	Generator string
}

// Nav holds the site's top-level URLs.
type Nav struct {
	Home, Terms, Frameworks, Matrix, Incidents, Tags, Categories, Search, Feed, OpenSearch, Hierarchy string
}

// Assets are the URLs of the site's stylesheets and scripts, with a
// content hash so that a CDN may cache them forever.
type Assets struct {
	Style, Chroma, Print, Theme, Main, Search, Favicon string
	// SearchIndex is the URL of the always-loaded search index (names);
	// pages carry it so the search script knows what to fetch.
	SearchIndex string
}

// Link is a titled URL.
type Link struct {
	Title string
	URL   string
}

// TermRef is a term in a list: enough to show and preview it.
type TermRef struct {
	Slug          string
	Title         string
	URL           string
	Abbreviations []string
	Summary       string
	Updated       time.Time
	Draft         bool
	Deprecated    bool
	Lang          string        // set when the term is not translated into the page's language: the language it is shown in
	Card          template.HTML // the "termcard" template for this term, rendered once
	Link          template.HTML // the "termlink" template for this term, rendered once
}

// IncidentRef is an incident in a list.
type IncidentRef struct {
	Slug    string
	Title   string
	URL     string
	Lang    string // set when the incident is not translated into the page's language: the language it is shown in
	Date    time.Time
	Summary template.HTML
	Item    template.HTML // the "incidentitem" template for it, rendered once
	links   links         // what Summary shows of other pages
}

// MappingRow is one row of a term's framework-alignment table.
type MappingRow struct {
	Framework     Link
	FrameworkAbbr string
	Control       string // id; "" for framework-level
	ControlTitle  string
	ControlURL    string
	Relevance     template.HTML
	Cells         template.HTML // the "mappingcells" template, once per framework control
	// FrameworkRows is how many rows, from this one, map to the same
	// framework: the table names it once, spanning them. 0 on the others.
	FrameworkRows int
}

// MappingTarget is what the "mappingcells" template sees: the framework
// and control of a mapping, the same for every term mapped to them.
type MappingTarget struct {
	Framework     Link
	FrameworkAbbr string
	Control       string // id; "" for framework-level
	ControlTitle  string
	ControlURL    string
}

// SourceView is a numbered citation.
type SourceView struct {
	N         int
	CitedAt   string // the id of the first citation of it on the page, "" when none cites it
	Title     string
	Publisher string
	URL       string
	Date      time.Time
}

// DefinitionView is an "Other definitions" entry: a quotation, its
// source and where it applies.
type DefinitionView struct {
	Text    string
	Source  SourceView
	Context string
}

// TermPage is /terms/SLUG/.
type TermPage struct {
	Layout
	Term         TermRef
	Synonyms     []string
	Category     *Link
	Tags         []template.HTML // the "taglink" template, once per tag
	Author       string
	Body         template.HTML
	Headings     []markdown.Heading
	HasTOC       bool               // enough headings for an "on this page" box
	TOC          []markdown.Heading // the level-2 headings
	Examples     []template.HTML
	Incidents    []IncidentRef
	Mappings     []MappingRow
	Takeaway     string
	Related      []TermRef
	ReferencedBy []TermRef
	Sources      []SourceView
	Definitions  []DefinitionView
	Reviewed     *content.Review
	Previews     template.JS // JSON of the terms this page links to, for hover previews

	Broader      []TermRef // wider terms, in the order written
	Narrower     []TermRef // by title
	Hierarchy    string    // the URL of the page that shows the whole tree
	Deprecated   bool
	ReplacedBy   *TermRef  // with Deprecated, when it names a replacement
	LastReviewed time.Time // reviewed.on, else updated
}

// DisambiguationPage is /terms/NAME/ for a name several terms share.
type DisambiguationPage struct {
	Layout
	Name     string
	Terms    []TermRef
	Previews template.JS // as TermPage
}

// HierarchyPage is /hierarchy/: every tree of broader and narrower terms.
type HierarchyPage struct {
	Layout
	Trees []TreeNode
	Count int // terms in a hierarchy
}

// TreeNode is a term in the hierarchy with its narrower terms. A term
// with several broader terms is under each; its narrower terms are
// spelt out the first time only (Repeat marks the others).
type TreeNode struct {
	Term     TermRef
	Children []TreeNode
	Repeat   bool
}

// SharedEntry is a name several terms share, on the A-Z index.
type SharedEntry struct {
	URL   string // its disambiguation page
	Count int    // how many terms have it
}

// Letter is one letter of the A-Z index.
type Letter struct {
	Letter  string
	ID      string
	Entries []IndexEntry
}

// IndexEntry is a term, or another name pointing at one.
type IndexEntry struct {
	Name      string
	Term      TermRef
	Alias     bool         // a synonym or abbreviation listed under its own letter
	AliasKind string       // "abbreviation" or "synonym"
	Shared    *SharedEntry // a name several terms share: the entry points to its disambiguation page
	sortKey   string       // Name's collation key in the page's language
}

// TermsPage is the A-Z index at /terms/.
type TermsPage struct {
	Layout
	Letters    []Letter
	Count      int
	Deprecated []DeprecatedEntry // left out of Letters, listed apart
	Hierarchy  string            // the hierarchy page's URL, "" when no term has a broader one
}

// DeprecatedEntry is a deprecated term on the A-Z index, with what to use instead.
type DeprecatedEntry struct {
	Term       TermRef
	ReplacedBy *TermRef
}

// HomePage is /.
type HomePage struct {
	Layout
	Letters    []Letter // only Letter and ID are used: the A-Z bar
	Recent     []TermRef
	Frameworks []FrameworkRef
	Incidents  []IncidentRef
	TermCount  int
}

// FrameworkRef is a framework in a list.
type FrameworkRef struct {
	ID          string
	Name        string
	Short       string
	Version     string
	URL         string
	Description template.HTML
	Controls    int
	Terms       int // terms mapped to it or to one of its controls
}

// ControlView is a control on its framework page with the terms mapped to it.
type ControlView struct {
	ID          string
	Anchor      string
	Title       string
	URL         string
	Description template.HTML
	Terms       []MappedTerm
}

// MappedTerm is a term with the relevance its mapping gave.
type MappedTerm struct {
	TermRef
	Relevance template.HTML
}

// FrameworkPage is /frameworks/ID/.
type FrameworkPage struct {
	Layout
	Framework FrameworkRef
	Homepage  string
	Controls  []ControlView
	Terms     []MappedTerm // framework-level mappings
	Previews  template.JS  // JSON of the mapped terms, for hover previews (as TermPage)
}

// FrameworksPage is /frameworks/.
type FrameworksPage struct {
	Layout
	Frameworks []FrameworkRef
}

// MatrixPage is /frameworks/matrix/: terms x frameworks.
type MatrixPage struct {
	Layout
	Frameworks []FrameworkRef
	Rows       []MatrixRow
	Previews   template.JS // JSON of the row terms, for hover previews (as TermPage)
}

// MatrixRow is one term's mappings, one cell per framework.
type MatrixRow struct {
	Term  TermRef
	Cells template.HTML // a "matrixcell" per framework: the controls (or the framework itself)
}

// IncidentPage is /incidents/SLUG/.
type IncidentPage struct {
	Layout
	Incident IncidentRef
	Body     template.HTML
	Sources  []SourceView
	Tags     []template.HTML // the "taglink" template, once per tag
	Terms    []TermRef
	Previews template.JS // JSON of the terms it links to, for hover previews (as TermPage)
}

// IncidentsPage is /incidents/.
type IncidentsPage struct {
	Layout
	Incidents []IncidentRef
}

// TaxonomyPage is /tags/TAG/ or /categories/CATEGORY/.
type TaxonomyPage struct {
	Layout
	Name      string
	Terms     []TermRef
	Incidents []IncidentRef
}

// TaxonomyIndex is /tags/ or /categories/.
type TaxonomyIndex struct {
	Layout
	Entries []TaxonomyEntry
}

// TaxonomyEntry is a tag or category with how many pages carry it.
type TaxonomyEntry struct {
	Link
	Count int
}

// RedirectPage is /terms/OLD/.
type RedirectPage struct {
	Layout
	Target Link
}

// SearchPage is /search/, and NotFound is 404.html: layout only.
type SearchPage struct{ Layout }
type NotFoundPage struct{ Layout }
