package render

import (
	"bytes"
	"encoding/json"
	"html"
	"html/template"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/nhimg/nhiglossary"
	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/diag"
	"github.com/nhimg/nhiglossary/internal/markdown"
	"github.com/nhimg/nhiglossary/internal/sitetest"
	"github.com/nhimg/nhiglossary/internal/xref"
)

// The tests in this file check the view each page kind's builder makes:
// which terms a page lists, in which order, which links, which controls,
// what a deprecated term shows. Whole views are compared; what is not
// data is left out (viewOpts), and the templates' HTML is the golden
// pages' business (internal/build/testdata/golden).

// viewSite is the site of these tests: each file is there for a rule a
// view must keep, said next to it.
var viewSite = map[string]string{
	"nhiglossary.yaml": "title: View Glossary\nbase_url: https://example.org/kb/\ndescription: The site's description.\n",

	// The term with everything: its examples and mappings cite sources the
	// body cites too; its tags are two spellings of one and another; its
	// mappings name a second framework between two of the first.
	"content/terms/api-key.md": `---
title: API Key
summary: A secret an application sends with each call.
abbreviations: [APIK]
synonyms: [application key, app key]
category: Credentials
tags: [secrets, Secrets, authentication]
broader: [secret]
related: [secret]
examples:
  - A nightly job sends one [@report].
  - It is a kind of [[Secret]].
incidents: [key-leak]
mappings:
  - framework: owasp
    control: NHI2
    relevance: Keys leak [@report].
  - framework: zt
    control: tenet-3
    relevance: Per session.
  - framework: owasp
    relevance: The whole list.
takeaway: Rotate them.
sources:
  - id: report
    title: A report
    publisher: Research
    url: https://example.org/report
    date: 2026-03-01
  - id: book
    title: A book
    url: https://example.org/book
  - title: Never cited
    url: https://example.org/uncited
author: Ann Author
updated: 2026-03-01
reviewed: {by: The team, on: 2026-04-01}
definitions:
  - text: A code that identifies a program.
    source: {title: A standard, publisher: A body, url: https://example.org/standard}
    context: Web APIs
---
An API key is sent with each request [@book].

## Where keys live

In code [@report], see [[Token]].

### In CI

Also.

## Rotation

` + "```sh\nrotate --all\n```\n",

	// Related to api-key and linking to it: listed as related, not again
	// under "what links here".
	"content/terms/secret.md": "---\ntitle: Secret\nsummary: Kept confidential.\nupdated: 2026-02-01\nrelated: [api-key]\nmappings:\n  - framework: owasp\n    relevance: Secrets throughout.\n---\nA [[API Key]] is one.\n",
	// Links to api-key from its body: "what links here". It shares the
	// abbreviation AK with session-key.
	"content/terms/token.md":       "---\ntitle: Token\nsummary: A bearer credential.\nabbreviations: [AK]\nbroader: [secret]\nupdated: 2026-01-15\nmappings:\n  - framework: owasp\n    control: NHI2\n    relevance: Tokens leak too.\n---\nOften confused with an [[api-key]].\n",
	"content/terms/session-key.md": "---\ntitle: Session Key\nsummary: A key for one session.\nabbreviations: [AK]\nupdated: 2026-01-10\n---\nShort-lived.\n",
	// Under two broader terms.
	"content/terms/leaf.md": "---\ntitle: Leaf Key\nsummary: The narrowest.\nbroader: [api-key, token]\nupdated: 2026-01-05\n---\nUnlike a [[Session Key]].\n",
	// Deprecated, the most recently updated: not among the recent terms.
	"content/terms/old-key.md": "---\ntitle: Old Key\nsummary: The old name.\ndeprecated: true\nreplaced_by: api-key\nredirects: [older-key]\nupdated: 2026-06-01\n---\nOld.\n",
	// Deprecated with no replacement.
	"content/terms/gone-key.md": "---\ntitle: Gone Key\nsummary: Going.\ndeprecated: true\nupdated: 2026-01-02\n---\nGone.\n",
	// A draft, the most recent term, is on no page of a build without
	// drafts, not even its tag's.
	"content/terms/draft-term.md": "---\ntitle: Draft Term\nsummary: Not yet.\ndraft: true\nupdated: 2026-07-01\ntags: [secrets]\n---\nDraft.\n",

	"content/incidents/key-leak.md": "---\ntitle: Key leak\ndate: 2025-06-01\nsummary: An [[API Key]] leaked.\nsources:\n  - id: w\n    title: Write-up\n    url: https://example.org/w\n  - title: Uncited\n    url: https://example.org/u\ntags: [leak, Secrets]\n---\nFound by [[Token]] scanners [@w].\n\n```\nlog\n```\n",
	"content/incidents/old-leak.md": "---\ntitle: Old leak\ndate: 2024-01-01\nsummary: Long ago.\ntags: [leak]\n---\nOld.\n",

	"content/frameworks/owasp.yaml": "name: OWASP NHI Top 10\nshort: OWASP NHI\nversion: \"2025\"\nurl: https://owasp.org/nhi\ndescription: Ten risks.\ncontrols:\n  - id: NHI2\n    title: Secret Leakage\n    url: https://owasp.org/nhi2\n    description: See [[Secret]].\n  - id: NHI7\n    title: Long-Lived Secrets\n",
	"content/frameworks/zt.yaml":    "name: Zero Trust\nshort: ZT\ncontrols:\n  - id: tenet-3\n    title: Per-session access\n",
}

// newViewRenderer resolves files (viewSite, or another site) as a build
// without drafts does.
func newViewRenderer(t *testing.T, files map[string]string) *Renderer {
	t.Helper()
	g := sitetest.MustResolve(t, sitetest.FS(files))
	r, err := New(g, nhiglossary.Templates(), Assets{}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// viewOpts compare views by their data. Left out: the parts of a layout
// every page shares (checked by TestLayout), and the fragments the
// templates render of data the view holds anyway (a term's card, an
// incident's list entry, a mapping's cells). Rendered Markdown is
// compared as the text a reader reads; JSON as the values it holds.
var viewOpts = cmp.Options{
	cmpopts.IgnoreFields(Layout{}, "Site", "Assets", "URLs", "Generator", "Chrome", "CrumbItems"),
	cmpopts.IgnoreFields(TermRef{}, "Card", "Link"),
	cmpopts.IgnoreFields(IncidentRef{}, "Item"),
	cmpopts.IgnoreFields(MappingRow{}, "Cells"),
	cmpopts.IgnoreFields(MatrixRow{}, "Cells"),
	cmpopts.IgnoreUnexported(IndexEntry{}, IncidentRef{}),
	cmpopts.IgnoreTypes(diag.Pos{}),
	cmpopts.EquateEmpty(),
	cmp.Transformer("text", htmlText),
	cmp.Transformer("json", jsonValue),
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

// htmlText is what a reader reads of h.
func htmlText(h template.HTML) string {
	return strings.Join(strings.Fields(html.UnescapeString(tagRE.ReplaceAllString(string(h), " "))), " ")
}

func jsonValue(js template.JS) any {
	var v any
	if err := json.Unmarshal([]byte(js), &v); err != nil {
		return "invalid JSON: " + string(js)
	}
	return v
}

func checkView(t *testing.T, name string, want, got any) {
	t.Helper()
	if diff := cmp.Diff(want, got, viewOpts); diff != "" {
		t.Errorf("%s (-want +got):\n%s", name, diff)
	}
}

func day(s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}

// The links every page of the view site's layouts name.
var (
	homeLink     = Link{"Home", "/kb/"}
	glossaryLink = Link{"Glossary", "/kb/terms/"}
)

// layoutOf is the layout a page of the view site has at path.
func layoutOf(kind, title, path, description string, crumbs ...Link) Layout {
	if description == "" {
		description = "The site's description."
	}
	return Layout{Lang: "en", Base: "/kb/", Kind: kind, Title: title, Path: path, Description: description, Canonical: "https://example.org" + path, Crumbs: crumbs}
}

// ref is a term of the view site as lists show it.
func ref(slug, title, summary, updated string, abbrs ...string) TermRef {
	return TermRef{Slug: slug, Title: title, URL: "/kb/terms/" + slug + "/", Summary: summary, Updated: day(updated), Abbreviations: abbrs}
}

var (
	apiKeyRef  = ref("api-key", "API Key", "A secret an application sends with each call.", "2026-03-01", "APIK")
	secretRef  = ref("secret", "Secret", "Kept confidential.", "2026-02-01")
	tokenRef   = ref("token", "Token", "A bearer credential.", "2026-01-15", "AK")
	sessionRef = ref("session-key", "Session Key", "A key for one session.", "2026-01-10", "AK")
	leafRef    = ref("leaf", "Leaf Key", "The narrowest.", "2026-01-05")
	oldKeyRef  = func() TermRef {
		r := ref("old-key", "Old Key", "The old name.", "2026-06-01")
		r.Deprecated = true
		return r
	}()
	goneKeyRef = func() TermRef {
		r := ref("gone-key", "Gone Key", "Going.", "2026-01-02")
		r.Deprecated = true
		return r
	}()
)

// previewsOf is the previews JSON of refs, as a page carries it.
func previewsOf(refs ...TermRef) template.JS {
	m := map[string]any{}
	for _, r := range refs {
		p := map[string]any{"t": r.Title, "s": r.Summary}
		if len(r.Abbreviations) > 0 {
			p["a"] = r.Abbreviations
		}
		m[r.Slug] = p
	}
	b, _ := json.Marshal(m)
	return template.JS(b)
}

func TestTermView(t *testing.T) {
	r := newViewRenderer(t, viewSite)
	g := r.g
	var l links
	got := r.termView(g.TermBySlug["api-key"], &l)

	owasp := Link{"OWASP NHI Top 10", "/kb/frameworks/owasp/"}
	zt := Link{"Zero Trust", "/kb/frameworks/zt/"}
	want := TermPage{
		Layout:   layoutOf("term", "API Key", "/kb/terms/api-key/", "A secret an application sends with each call.", homeLink, glossaryLink),
		Term:     apiKeyRef,
		Synonyms: []string{"application key", "app key"},
		Category: &Link{"Credentials", "/kb/categories/credentials/"},
		// One link for the two spellings of a tag.
		Tags:   []template.HTML{"secrets", "authentication"},
		Author: "Ann Author",
		Body:   "An API key is sent with each request [2] . Where keys live In code [1] , see Token . In CI Also. Rotation rotate --all",
		Headings: []markdown.Heading{
			{Level: 2, ID: "where-keys-live", Text: "Where keys live"},
			{Level: 3, ID: "in-ci", Text: "In CI"},
			{Level: 2, ID: "rotation", Text: "Rotation"},
		},
		HasTOC: true,
		// The level-2 headings alone.
		TOC: []markdown.Heading{
			{Level: 2, ID: "where-keys-live", Text: "Where keys live"},
			{Level: 2, ID: "rotation", Text: "Rotation"},
		},
		Examples: []template.HTML{"A nightly job sends one [1] .", "It is a kind of Secret ."},
		Incidents: []IncidentRef{
			{Slug: "key-leak", Title: "Key leak", URL: "/kb/incidents/key-leak/", Date: day("2025-06-01"), Summary: "An API Key leaked."},
		},
		// Grouped by framework in the order each first appears, each
		// framework's rows in the order written.
		Mappings: []MappingRow{
			{Framework: owasp, FrameworkAbbr: "OWASP NHI", Control: "NHI2", ControlTitle: "Secret Leakage", ControlURL: "/kb/frameworks/owasp/#control-nhi2", Relevance: "Keys leak [1] .", FrameworkRows: 2},
			{Framework: owasp, FrameworkAbbr: "OWASP NHI", Relevance: "The whole list."},
			{Framework: zt, FrameworkAbbr: "ZT", Control: "tenet-3", ControlTitle: "Per-session access", ControlURL: "/kb/frameworks/zt/#control-tenet-3", Relevance: "Per session.", FrameworkRows: 1},
		},
		Takeaway: "Rotate them.",
		Related:  []TermRef{secretRef},
		// Secret links here too, but is related already.
		ReferencedBy: []TermRef{tokenRef},
		// Each source links back to its first citation on the page: the
		// body's, before an example's or a mapping's.
		Sources: []SourceView{
			{N: 1, CitedAt: "cite-1", Title: "A report", Publisher: "Research", URL: "https://example.org/report", Date: day("2026-03-01")},
			{N: 2, CitedAt: "cite-2", Title: "A book", URL: "https://example.org/book"},
			{N: 3, Title: "Never cited", URL: "https://example.org/uncited"},
		},
		Definitions: []DefinitionView{
			{Text: "A code that identifies a program.", Source: SourceView{N: 1, Title: "A standard", Publisher: "A body", URL: "https://example.org/standard"}, Context: "Web APIs"},
		},
		Reviewed: &content.Review{By: "The team", On: day("2026-04-01")},
		// Every term the page links to: the incident's summary links
		// to this one.
		Previews:     previewsOf(apiKeyRef, secretRef, tokenRef, leafRef),
		Broader:      []TermRef{secretRef},
		Narrower:     []TermRef{leafRef},
		Hierarchy:    "/kb/hierarchy/",
		LastReviewed: day("2026-04-01"),
	}
	want.Code = true
	want.JSONLD = template.JS(`{"@context":"https://schema.org","@type":"DefinedTerm",
		"alternateName":["APIK","application key","app key"],"dateModified":"2026-03-01",
		"description":"A secret an application sends with each call.",
		"inDefinedTermSet":{"@type":"DefinedTermSet","name":"View Glossary","url":"https://example.org/kb/terms/"},
		"name":"API Key",
		"subjectOf":[{"@type":"Quotation","text":"A code that identifies a program.","description":"Web APIs","isBasedOn":{"@type":"CreativeWork","name":"A standard","publisher":"A body","url":"https://example.org/standard"}}],
		"termCode":"api-key","url":"https://example.org/kb/terms/api-key/"}`)
	checkView(t, "api-key", want, got)
}

// A deprecated term's page names its replacement; a term with nothing
// optional shows nothing of it.
func TestTermViewDeprecatedAndPlain(t *testing.T) {
	r := newViewRenderer(t, viewSite)
	g := r.g
	got := r.termView(g.TermBySlug["old-key"], &links{})
	want := TermPage{
		Layout:       layoutOf("term", "Old Key", "/kb/terms/old-key/", "The old name.", homeLink, glossaryLink),
		Term:         oldKeyRef,
		Body:         "Old.",
		Deprecated:   true,
		ReplacedBy:   &apiKeyRef,
		Previews:     previewsOf(apiKeyRef),
		LastReviewed: day("2026-06-01"), // never reviewed: when it was updated
		Synonyms:     []string{},
	}
	want.JSONLD = template.JS(`{"@context":"https://schema.org","@type":"DefinedTerm","dateModified":"2026-06-01","description":"The old name.",
		"inDefinedTermSet":{"@type":"DefinedTermSet","name":"View Glossary","url":"https://example.org/kb/terms/"},
		"name":"Old Key","termCode":"old-key","url":"https://example.org/kb/terms/old-key/"}`)
	checkView(t, "old-key", want, got)

	// Deprecated with no replacement named.
	gone := r.termView(g.TermBySlug["gone-key"], &links{})
	if !gone.Deprecated || gone.ReplacedBy != nil {
		t.Errorf("gone-key: deprecated %v, replaced by %+v", gone.Deprecated, gone.ReplacedBy)
	}

	got = r.termView(g.TermBySlug["session-key"], &links{})
	want = TermPage{
		Layout:       layoutOf("term", "Session Key", "/kb/terms/session-key/", "A key for one session.", homeLink, glossaryLink),
		Term:         sessionRef,
		Body:         "Short-lived.",
		ReferencedBy: []TermRef{leafRef},
		Previews:     previewsOf(leafRef),
		LastReviewed: day("2026-01-10"),
	}
	want.JSONLD = template.JS(`{"@context":"https://schema.org","@type":"DefinedTerm","alternateName":["AK"],"dateModified":"2026-01-10","description":"A key for one session.",
		"inDefinedTermSet":{"@type":"DefinedTermSet","name":"View Glossary","url":"https://example.org/kb/terms/"},
		"name":"Session Key","termCode":"session-key","url":"https://example.org/kb/terms/session-key/"}`)
	checkView(t, "session-key", want, got)
}

// An old slug's page sends readers on and is kept out of search engines.
func TestRedirectView(t *testing.T) {
	r := newViewRenderer(t, viewSite)
	want := RedirectPage{Target: Link{"Old Key", "/kb/terms/old-key/"}}
	want.Layout = layoutOf("redirect", "Old Key", "/kb/terms/old-key/", "")
	want.Canonical = "https://example.org/kb/terms/old-key/"
	want.NoIndex = true
	want.Refresh = "/kb/terms/old-key/"
	checkView(t, "redirect", want, r.redirectView(r.g.Redirects["older-key"]))
}

// The A-Z lists each published term under its letter, with its
// abbreviations and synonyms, a shared name once for its disambiguation
// page, and the deprecated terms apart.
func TestTermsView(t *testing.T) {
	r := newViewRenderer(t, viewSite)
	term := func(name string, ref TermRef) IndexEntry { return IndexEntry{Name: name, Term: ref} }
	alias := func(name, kind string, ref TermRef) IndexEntry {
		return IndexEntry{Name: name, Term: ref, Alias: true, AliasKind: kind}
	}
	letters := []Letter{
		{Letter: "A", ID: "letter-a", Entries: []IndexEntry{
			{Name: "AK", Alias: true, Term: TermRef{Slug: "ak"}, Shared: &SharedEntry{URL: "/kb/terms/ak/", Count: 2}},
			term("API Key", apiKeyRef),
			alias("APIK", "abbreviation", apiKeyRef),
			alias("app key", "synonym", apiKeyRef),
			alias("application key", "synonym", apiKeyRef),
		}},
		{Letter: "L", ID: "letter-l", Entries: []IndexEntry{term("Leaf Key", leafRef)}},
		{Letter: "S", ID: "letter-s", Entries: []IndexEntry{term("Secret", secretRef), term("Session Key", sessionRef)}},
		{Letter: "T", ID: "letter-t", Entries: []IndexEntry{term("Token", tokenRef)}},
	}
	want := TermsPage{
		Layout:  layoutOf("terms", "Glossary A–Z", "/kb/terms/", "Every term of View Glossary, A to Z.", homeLink),
		Letters: letters,
		Count:   5,
		Deprecated: []DeprecatedEntry{
			{Term: goneKeyRef},
			{Term: oldKeyRef, ReplacedBy: &apiKeyRef},
		},
		Hierarchy: "/kb/hierarchy/",
	}
	checkView(t, "terms", want, r.termsView())

	// Without a broader term there is no hierarchy to link to.
	flat := newViewRenderer(t, map[string]string{
		"content/terms/one.md": "---\ntitle: One\nsummary: One.\nupdated: 2026-01-01\n---\nOne.\n",
	})
	if h := flat.termsView().Hierarchy; h != "" {
		t.Errorf("a site without a hierarchy links to %q", h)
	}
}

// The home page lists the newest published terms that are not
// deprecated, newest first, and the first incidents.
func TestHomeView(t *testing.T) {
	r := newViewRenderer(t, viewSite)
	got := r.homeView(&links{})
	want := HomePage{
		Layout:     layoutOf("home", "", "/kb/", ""),
		Letters:    barOf(r.letters()), // the A-Z bar: TestTermsView checks the letters
		Recent:     []TermRef{apiKeyRef, secretRef, tokenRef, sessionRef, leafRef},
		Frameworks: []FrameworkRef{listed(owaspRef), ztRef}, // the home page shows no description
		Incidents:  []IncidentRef{keyLeakRef, oldLeakRef},
		TermCount:  5,
	}
	want.JSONLD = `{"@context":"https://schema.org","@type":"DefinedTermSet","description":"The site's description.","name":"View Glossary","url":"https://example.org/kb/terms/"}`
	checkView(t, "home", want, got)

	// Twelve terms at most, and six incidents.
	files := map[string]string{}
	for i := range 14 {
		n := string(rune('a' + i))
		files["content/terms/"+n+".md"] = "---\ntitle: T" + n + "\nsummary: S.\nupdated: 2026-01-" + fmt2(i+1) + "\nincidents: [i" + n + "]\n---\nB.\n"
		files["content/incidents/i"+n+".md"] = "---\ntitle: I" + n + "\ndate: 2025-01-" + fmt2(i+1) + "\nsummary: S.\n---\nB.\n"
	}
	big := newViewRenderer(t, files).homeView(&links{})
	var recent, incidents []string
	for _, t := range big.Recent {
		recent = append(recent, t.Title)
	}
	for _, inc := range big.Incidents {
		incidents = append(incidents, inc.Title)
	}
	if want := []string{"Tn", "Tm", "Tl", "Tk", "Tj", "Ti", "Th", "Tg", "Tf", "Te", "Td", "Tc"}; !cmp.Equal(recent, want) {
		t.Errorf("recent terms = %q, want %q", recent, want)
	}
	if want := []string{"In", "Im", "Il", "Ik", "Ij", "Ii"}; !cmp.Equal(incidents, want) {
		t.Errorf("home incidents = %q, want %q", incidents, want)
	}
}

func fmt2(n int) string { return string(rune('0'+n/10)) + string(rune('0'+n%10)) }

var (
	owaspRef = FrameworkRef{ID: "owasp", Name: "OWASP NHI Top 10", Short: "OWASP NHI", Version: "2025", URL: "/kb/frameworks/owasp/", Description: "Ten risks.",
		Controls: 2, Terms: 3} // api-key and secret at framework level, api-key and token on NHI2: three terms
	ztRef = FrameworkRef{ID: "zt", Name: "Zero Trust", Short: "ZT", URL: "/kb/frameworks/zt/", Controls: 1, Terms: 1}
)

// listed is f as a page that does not show descriptions lists it: not
// rendered.
func listed(f FrameworkRef) FrameworkRef {
	f.Description = ""
	return f
}

// A framework's page lists the terms mapped to it as a whole, then each
// control with its terms, with the relevance each mapping gives.
func TestFrameworkView(t *testing.T) {
	r := newViewRenderer(t, viewSite)
	got := r.frameworkView(r.g.Frameworks[0], &links{})
	want := FrameworkPage{
		Layout:    layoutOf("framework", "OWASP NHI Top 10", "/kb/frameworks/owasp/", "", homeLink, Link{"Frameworks", "/kb/frameworks/"}),
		Framework: owaspRef,
		Homepage:  "https://owasp.org/nhi",
		Terms: []MappedTerm{
			{TermRef: apiKeyRef, Relevance: "The whole list."},
			{TermRef: secretRef, Relevance: "Secrets throughout."},
		},
		Controls: []ControlView{
			{ID: "NHI2", Anchor: "control-nhi2", Title: "Secret Leakage", URL: "https://owasp.org/nhi2", Description: "See Secret .", Terms: []MappedTerm{
				// The term's sources are on its own page: the citation
				// links there (checked below).
				{TermRef: apiKeyRef, Relevance: "Keys leak [1] ."},
				{TermRef: tokenRef, Relevance: "Tokens leak too."},
			}},
			{ID: "NHI7", Anchor: "control-nhi7", Title: "Long-Lived Secrets"},
		},
		Previews: previewsOf(apiKeyRef, secretRef, tokenRef),
	}
	checkView(t, "owasp", want, got)

	// The citation links to the source on the term's page and says whose
	// source it is, which this page does not.
	cite := `<a href="/kb/terms/api-key/#source-1" title="Source 1 of API Key: A report" aria-label="Source 1 of API Key: A report">[1]</a>`
	if rel := string(got.Controls[0].Terms[0].Relevance); !strings.Contains(rel, cite) {
		t.Errorf("relevance %s\nhas no %s", rel, cite)
	}
}

// A relevance text whose citation has a prefix, and so no "[@", still
// cites the term's source (render looks for "@" before making lists).
func TestFrameworkViewCitesWithAPrefix(t *testing.T) {
	files := maps.Clone(viewSite)
	files["content/terms/api-key.md"] = strings.Replace(files["content/terms/api-key.md"], "relevance: Keys leak [@report].", "relevance: Keys leak [see @report].", 1)
	r := newViewRenderer(t, files)
	got := r.frameworkView(r.g.Frameworks[0], &links{})
	cite := `<a href="/kb/terms/api-key/#source-1" title="Source 1 of API Key: A report" aria-label="Source 1 of API Key: A report">`
	if rel := string(got.Controls[0].Terms[0].Relevance); !strings.Contains(rel, cite) || !strings.Contains(rel, "see") {
		t.Errorf("relevance %s\nhas no %s", rel, cite)
	}
}

func TestFrameworksView(t *testing.T) {
	r := newViewRenderer(t, viewSite)
	want := FrameworksPage{
		Layout:     layoutOf("frameworks", "Frameworks", "/kb/frameworks/", "The standards and frameworks the glossary's terms map to.", homeLink),
		Frameworks: []FrameworkRef{owaspRef, ztRef},
	}
	checkView(t, "frameworks", want, r.frameworksView(&links{}))
}

// The matrix has a row for each term with a mapping, in A-Z order by
// slug, and a cell for each framework.
func TestMatrixView(t *testing.T) {
	r := newViewRenderer(t, viewSite)
	want := MatrixPage{
		Layout:     layoutOf("matrix", "Framework matrix", "/kb/frameworks/matrix/", "Which terms map to which framework controls.", homeLink, Link{"Frameworks", "/kb/frameworks/"}),
		Frameworks: []FrameworkRef{listed(owaspRef), ztRef}, // nor the matrix
		Rows:       []MatrixRow{{Term: apiKeyRef}, {Term: secretRef}, {Term: tokenRef}},
		Previews:   previewsOf(apiKeyRef, secretRef, tokenRef), // the rows' terms, not the descriptions' links
	}
	checkView(t, "matrix", want, r.matrixView(&links{}))

	idx := map[*content.Framework]int{r.g.Frameworks[0]: 0, r.g.Frameworks[1]: 1}
	cells := map[string][][]Link{}
	for _, slug := range []string{"api-key", "secret"} {
		cells[slug] = r.matrixCells(r.g.TermMappings[r.g.TermBySlug[slug]], idx)
	}
	wantCells := map[string][][]Link{
		// A control by its id where the id is a code, by its title where
		// the id is a word.
		"api-key": {
			{{"NHI2", "/kb/frameworks/owasp/#control-nhi2"}, {"Framework-level", "/kb/frameworks/owasp/"}},
			{{"Per-session access", "/kb/frameworks/zt/#control-tenet-3"}},
		},
		"secret": {{{"Framework-level", "/kb/frameworks/owasp/"}}, nil},
	}
	if diff := cmp.Diff(wantCells, cells); diff != "" {
		t.Errorf("matrix cells (-want +got):\n%s", diff)
	}
}

func TestControlLabel(t *testing.T) {
	for _, tc := range []struct{ id, title, want string }{
		{"NHI2", "Secret Leakage", "NHI2"},
		{"PR.AA-01", "Identities are managed", "PR.AA-01"},
		{"T1552.001", "Credentials in files", "T1552.001"},
		{"5.4", "Restrict admin privileges", "5.4"},
		{"tenet-3", "Per-session access", "Per-session access"},
		{"least-privilege", "", "least-privilege"},
	} {
		if got := controlLabel(&content.Control{ID: content.Name{Value: tc.id}, Title: tc.title}); got != tc.want {
			t.Errorf("controlLabel(%q, %q) = %q, want %q", tc.id, tc.title, got, tc.want)
		}
	}
}

var (
	keyLeakRef = IncidentRef{Slug: "key-leak", Title: "Key leak", URL: "/kb/incidents/key-leak/", Date: day("2025-06-01"), Summary: "An API Key leaked."}
	oldLeakRef = IncidentRef{Slug: "old-leak", Title: "Old leak", URL: "/kb/incidents/old-leak/", Date: day("2024-01-01"), Summary: "Long ago."}
)

// An incident's page lists the terms that name it, its sources with
// their first citation, and the tags it carries.
func TestIncidentView(t *testing.T) {
	r := newViewRenderer(t, viewSite)
	got := r.incidentView(r.g.IncidentBySlug["key-leak"], &links{})
	want := IncidentPage{
		Layout:   layoutOf("incident", "Key leak", "/kb/incidents/key-leak/", "An API Key leaked.", homeLink, Link{"Incidents", "/kb/incidents/"}),
		Incident: keyLeakRef,
		Body:     "Found by Token scanners [1] . log",
		Sources: []SourceView{
			{N: 1, CitedAt: "cite-1", Title: "Write-up", URL: "https://example.org/w"},
			{N: 2, Title: "Uncited", URL: "https://example.org/u"},
		},
		Tags:     []template.HTML{"leak", "secrets"},
		Terms:    []TermRef{apiKeyRef},
		Previews: previewsOf(apiKeyRef, tokenRef), // the summary's link, the body's, the terms listed
	}
	want.Code = true
	checkView(t, "key-leak", want, got)
}

// The incidents are listed newest first.
func TestIncidentsView(t *testing.T) {
	r := newViewRenderer(t, viewSite)
	want := IncidentsPage{
		Layout:    layoutOf("incidents", "Incidents", "/kb/incidents/", "Real incidents involving machine credentials, newest first.", homeLink),
		Incidents: []IncidentRef{keyLeakRef, oldLeakRef},
	}
	checkView(t, "incidents", want, r.incidentsView(&links{}))
}

// A tag's page lists the published terms and the incidents that carry it
// in any spelling; the index counts both.
func TestTaxonomyViews(t *testing.T) {
	r := newViewRenderer(t, viewSite)
	tagsPage := Link{"Tags", "/kb/tags/"}
	got := r.taxonomyView("Tag", "secrets", tagsPage.URL, r.tags, &links{})
	want := TaxonomyPage{
		Layout:    layoutOf("taxonomy", "Tag: secrets", "/kb/tags/secrets/", "", homeLink, tagsPage),
		Name:      "secrets",
		Terms:     []TermRef{apiKeyRef},
		Incidents: []IncidentRef{keyLeakRef},
	}
	checkView(t, "tags/secrets", want, got)

	catsPage := Link{"Categories", "/kb/categories/"}
	got = r.taxonomyView("Category", "Credentials", catsPage.URL, r.cats, &links{})
	want = TaxonomyPage{
		Layout: layoutOf("taxonomy", "Category: Credentials", "/kb/categories/credentials/", "", homeLink, catsPage),
		Name:   "Credentials",
		Terms:  []TermRef{apiKeyRef},
	}
	checkView(t, "categories/credentials", want, got)

	index := TaxonomyIndex{
		Layout: layoutOf("taxonomies", "Tags", "/kb/tags/", "", homeLink),
		Entries: []TaxonomyEntry{
			{Link{"authentication", "/kb/tags/authentication/"}, 1},
			{Link{"leak", "/kb/tags/leak/"}, 2},
			{Link{"secrets", "/kb/tags/secrets/"}, 2},
		},
	}
	checkView(t, "tags", index, r.taxonomyIndexView("Tags", tagsPage.URL, r.tags))
}

// A name several terms share has a page listing them.
func TestDisambiguationView(t *testing.T) {
	r := newViewRenderer(t, viewSite)
	if len(r.g.Shared) != 1 {
		t.Fatalf("shared names: %v", r.g.Shared)
	}
	want := DisambiguationPage{
		Layout:   layoutOf("disambiguation", "AK (disambiguation)", "/kb/terms/ak/", "AK may refer to 2 terms.", homeLink, glossaryLink),
		Name:     "AK",
		Terms:    []TermRef{sessionRef, tokenRef},
		Previews: previewsOf(sessionRef, tokenRef),
	}
	checkView(t, "ak", want, r.disambiguationView(r.g.Shared[0]))
}

// The hierarchy page has a tree for each broadest term; a term under two
// broader ones is under each.
func TestHierarchyView(t *testing.T) {
	r := newViewRenderer(t, viewSite)
	want := HierarchyPage{
		Layout: layoutOf("hierarchy", "Hierarchy", "/kb/hierarchy/", "The terms of View Glossary from the broadest to the narrowest.", homeLink, glossaryLink),
		Trees: []TreeNode{{Term: secretRef, Children: []TreeNode{
			{Term: apiKeyRef, Children: []TreeNode{{Term: leafRef}}},
			{Term: tokenRef, Children: []TreeNode{{Term: leafRef}}},
		}}},
		Count: 4,
	}
	checkView(t, "hierarchy", want, r.hierarchyView())
}

// The search page is indexed (every query has the same page); the 404
// page is not, and has no canonical URL.
func TestSearchAndNotFoundViews(t *testing.T) {
	r := newViewRenderer(t, viewSite)
	checkView(t, "search", SearchPage{layoutOf("search", "Search", "/kb/search/", "Search View Glossary.", homeLink)}, r.searchView())
	nf := layoutOf("404", "Page not found", "/kb/404.html", "")
	nf.Canonical, nf.NoIndex = "", true
	checkView(t, "404", NotFoundPage{nf}, r.notFoundView())
}

// What api/glossary.json says of a term's place in the vocabulary.
func TestTermVocabulary(t *testing.T) {
	r := newViewRenderer(t, viewSite)
	slugs := func(ts []*content.Term) []string {
		out := []string{}
		for _, t := range ts {
			out = append(out, t.Slug.Value)
		}
		return out
	}
	for _, tc := range []struct {
		slug string
		want termVocabulary
	}{
		{"api-key", termVocabulary{
			Broader: []string{"secret"}, Narrower: []string{"leaf"}, LastReviewed: "2026-04-01",
			Definitions: []jsonDefinition{{Text: "A code that identifies a program.", Context: "Web APIs",
				Source: jsonSource{Title: "A standard", Publisher: "A body", URL: "https://example.org/standard"}}},
		}},
		{"old-key", termVocabulary{Broader: []string{}, Narrower: []string{}, Deprecated: true, ReplacedBy: "api-key", LastReviewed: "2026-06-01", Definitions: []jsonDefinition{}}},
		{"leaf", termVocabulary{Broader: []string{"api-key", "token"}, Narrower: []string{}, LastReviewed: "2026-01-05", Definitions: []jsonDefinition{}}},
	} {
		// Empty lists, not nulls: every object has the same keys.
		if diff := cmp.Diff(tc.want, r.termVocabulary(r.g.TermBySlug[tc.slug], slugs)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.slug, diff)
		}
	}
	want := []sharedName{{Name: "AK", URL: "https://example.org/kb/terms/ak/", Terms: []string{"session-key", "token"}}}
	if diff := cmp.Diff(want, r.sharedNames(slugs)); diff != "" {
		t.Errorf("shared names (-want +got):\n%s", diff)
	}
}

// The sitemap lists every page the site has that a search engine should
// index, each once, a term's with the date it was updated: not the
// redirects, the search page nor the 404 page.
func TestSitemapPages(t *testing.T) {
	r := newViewRenderer(t, viewSite)
	want := map[string]time.Time{}
	for _, j := range r.Jobs() {
		dir, ok := strings.CutSuffix(j.Path, "index.html")
		if !ok || j.RedirectTo != nil || dir == "search/" {
			continue
		}
		want["/kb/"+dir] = time.Time{}
		if j.Term != nil {
			want["/kb/"+dir] = j.Term.Updated
		}
	}
	got := map[string]time.Time{}
	r.sitemapPages(func(path string, mod time.Time) {
		if _, dup := got[path]; dup {
			t.Errorf("%s listed twice", path)
		}
		got[path] = mod
	})
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sitemap (-pages +sitemap):\n%s", diff)
	}
	if len(got) < 20 {
		t.Errorf("only %d pages in the sitemap", len(got))
	}
}

// A citation is never shown broken on any page of a site that builds: it
// links to a source listed on its own page or on the page of the term it
// came from; a [@...] in a field that cannot cite (a framework's or a
// control's description) is text as written.
func TestCitationsOnEveryPage(t *testing.T) {
	files := maps.Clone(viewSite)
	files["content/frameworks/zt.yaml"] = "name: Zero Trust\nshort: ZT\ndescription: Not a citation [@report].\ncontrols:\n  - id: tenet-3\n    title: Per-session access\n    description: Nor this [@1].\n"
	r := newViewRenderer(t, files)
	pages := map[string]string{}
	for _, j := range r.Jobs() {
		b, err := j.Render()
		if err != nil {
			t.Fatalf("%s: %v", j.Path, err)
		}
		pages["/kb/"+strings.TrimSuffix(j.Path, "index.html")] = string(b)
	}
	cites := regexp.MustCompile(`href="([^"#]*)#(source-[0-9]+)"`)
	links := 0
	for path, page := range pages {
		if strings.Contains(page, "cite-broken") {
			t.Errorf("%s shows a broken citation", path)
		}
		for _, m := range cites.FindAllStringSubmatch(page, -1) {
			target, ok := page, true
			if m[1] != "" {
				target, ok = pages[m[1]]
				links++
			}
			if !ok || !strings.Contains(target, `id="`+m[2]+`"`) {
				t.Errorf("%s links to %s#%s, which is not there", path, m[1], m[2])
			}
		}
	}
	if links == 0 {
		t.Error("no page cites another page's source")
	}
	for _, path := range []string{"/kb/frameworks/zt/", "/kb/frameworks/"} {
		if !strings.Contains(pages[path], "Not a citation [@report].") {
			t.Errorf("%s does not show the description's [@report] as written", path)
		}
	}
	if !strings.Contains(pages["/kb/frameworks/zt/"], "Nor this [@1].") {
		t.Error("the control's description does not show [@1] as written")
	}
}

// A framework page that cites a term's source shows the source's number
// and title: a live preview must re-render it when the term's sources
// change, and only then.
func TestCitationDeps(t *testing.T) {
	r := newViewRenderer(t, viewSite)
	for _, j := range r.Jobs() {
		if j.Path != "frameworks/owasp/index.html" {
			continue
		}
		var b bytes.Buffer
		d, err := j.RenderDeps(&b)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(d.Facts, xref.TermSourcesFact("api-key")) {
			t.Errorf("the page cites api-key's sources; its facts %v lack api-key's sources", d.Facts)
		}
		if slices.Contains(d.Facts, xref.TermSourcesFact("token")) {
			t.Errorf("the page cites none of token's sources; its facts %v have token's sources", d.Facts)
		}
		return
	}
	t.Fatal("no owasp framework page")
}

// Every page that shows a code block loads the highlighting style sheet,
// whichever field the code is in, and no other page does.
func TestCodeStyleSheet(t *testing.T) {
	files := maps.Clone(viewSite)
	code := "```sh\nrotate --all\n```"
	indent := func(s string) string { return strings.ReplaceAll(s, "\n", "\n    ") }
	files["content/frameworks/zt.yaml"] = "name: Zero Trust\nshort: ZT\ndescription: |\n    Run:\n\n    " + indent(code) + "\ncontrols:\n  - id: tenet-3\n    title: Per-session access\n    description: |\n      Or:\n\n      " + strings.ReplaceAll(code, "\n", "\n      ") + "\n"
	files["content/terms/session-key.md"] = "---\ntitle: Session Key\nsummary: A key for one session.\nabbreviations: [AK]\nupdated: 2026-01-10\nexamples:\n  - |\n    Run:\n\n    " + indent(code) + "\n---\nShort-lived.\n"
	files["content/terms/token.md"] = "---\ntitle: Token\nsummary: A bearer credential.\nabbreviations: [AK]\nbroader: [secret]\nupdated: 2026-01-15\nmappings:\n  - framework: owasp\n    control: NHI2\n    relevance: |\n      Tokens leak:\n\n      " + strings.ReplaceAll(code, "\n", "\n      ") + "\n---\nOften confused with an [[api-key]].\n"
	files["content/incidents/old-leak.md"] = "---\ntitle: Old leak\ndate: 2024-01-01\nsummary: |\n  Long ago:\n\n  " + strings.ReplaceAll(code, "\n", "\n  ") + "\ntags: [leak]\n---\nOld.\n"
	r := newViewRenderer(t, files)
	r.assets.Chroma = "/kb/assets/chroma.css"
	stylesheet := `<link rel="stylesheet" href="/kb/assets/chroma.css">`
	loads := map[string]bool{}
	for _, j := range r.Jobs() {
		if !strings.HasSuffix(j.Path, ".html") {
			continue
		}
		b, err := j.Render()
		if err != nil {
			t.Fatalf("%s: %v", j.Path, err)
		}
		page := string(b)
		path := "/kb/" + strings.TrimSuffix(j.Path, "index.html")
		loads[path] = strings.Contains(page, stylesheet)
		if strings.Contains(page, `class="chroma"`) && !loads[path] {
			t.Errorf("%s shows highlighted code without the style sheet", path)
		}
		if loads[path] && !strings.Contains(page, "<pre") {
			t.Errorf("%s loads the style sheet and shows no code", path)
		}
	}
	for _, path := range []string{
		"/kb/frameworks/zt/", "/kb/frameworks/", // the descriptions
		"/kb/frameworks/owasp/", "/kb/terms/token/", // a relevance text
		"/kb/terms/session-key/",                                              // an example
		"/kb/incidents/", "/kb/incidents/old-leak/", "/kb/", "/kb/tags/leak/", // an incident's summary
		"/kb/terms/api-key/", "/kb/incidents/key-leak/", // a body
	} {
		if !loads[path] {
			t.Errorf("%s does not load the style sheet", path)
		}
	}
}

// barOf is the letters of an A-Z index without their entries.
func barOf(ls []Letter) []Letter {
	out := make([]Letter, len(ls))
	for i, l := range ls {
		out[i] = Letter{Letter: l.Letter, ID: l.ID}
	}
	return out
}

// TestLetterBar: the home page's A-Z bar has every letter of the A-Z
// index, those only a synonym or a shared name starts with too.
func TestLetterBar(t *testing.T) {
	r := newViewRenderer(t, map[string]string{
		"nhiglossary.yaml":        "title: Letters\n",
		"content/terms/beta.md":   "---\ntitle: Beta\nsummary: B.\nsynonyms: [alpha]\nabbreviations: [ZK]\nupdated: 2026-01-01\n---\nB.\n",
		"content/terms/gamma.md":  "---\ntitle: Gamma\nsummary: G.\nabbreviations: [ZK]\nupdated: 2026-01-01\n---\nG.\n",
		"content/terms/umlaut.md": "---\ntitle: Ümlaut\nsummary: U.\nupdated: 2026-01-01\n---\nU.\n",
	})
	want := []Letter{{Letter: "A", ID: "letter-a"}, {Letter: "B", ID: "letter-b"}, {Letter: "G", ID: "letter-g"}, {Letter: "U", ID: "letter-u"}, {Letter: "Z", ID: "letter-z"}}
	checkView(t, "letter bar", want, r.letterBar())
	checkView(t, "the index's letters", want, barOf(r.letters()))
}
