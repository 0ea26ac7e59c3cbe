package render

import (
	"bytes"
	"io"
	"maps"
	"slices"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/xref"
)

// A Writer is what a job writes its file to: a bytes.Buffer, or a
// buffered writer on the file itself, so that a build never holds the
// largest files (llms-full.txt, api/skos.ttl, api/glossary.json) whole.
type Writer interface {
	io.Writer
	io.StringWriter
	io.ByteWriter
}

// A Job renders one output file.
type Job struct {
	Path string        // relative to the output folder, e.g. "terms/api-key/index.html"
	Term *content.Term // the term whose page this is, if any
	// RedirectTo is the term a redirect page (an old slug's) sends
	// readers to.
	RedirectTo *content.Term
	// Shows are the facts the file shows whatever it holds (see the
	// package comment); Deps adds those it met as it rendered.
	Shows []xref.Fact
	run   func(w Writer, l *links) error
	r     *Renderer
}

// Deps is what a rendered file showed of the site.
type Deps struct {
	Facts []xref.Fact // sorted, each once
	// Markdown are the Markdown sources the file rendered: a name that
	// comes to resolve elsewhere may now link from them. They resolve
	// names in the view of Lang (a Fact.Lang).
	Markdown []string
	Lang     string
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
func (j Job) RenderTo(w Writer) error {
	var l links
	return j.render(w, &l)
}

// RenderDeps runs the job, appends the file to w and says what it showed.
func (j Job) RenderDeps(w Writer) (Deps, error) {
	var l links
	if err := j.render(w, &l); err != nil {
		return Deps{}, err
	}
	lang := j.r.g.FactLang()
	d := Deps{Facts: slices.Clone(j.Shows), Markdown: l.markdown, Lang: lang}
	for _, slug := range l.terms {
		d.Facts = append(d.Facts, xref.TermCardFact(slug).In(lang))
	}
	for _, slug := range l.sources {
		d.Facts = append(d.Facts, xref.TermSourcesFact(slug).In(lang))
	}
	slices.SortFunc(d.Facts, xref.Fact.Compare)
	d.Facts = slices.Compact(d.Facts)
	return d, nil
}

func (j Job) render(w Writer, l *links) error {
	if err := j.run(w, l); err != nil {
		return err
	}
	if err := j.r.partialErr.Load(); err != nil {
		return *err
	}
	return nil
}

// fileJob adapts a function that makes a whole file (feeds, JSON) and
// links to no term by name.
func fileJob(f func() ([]byte, error)) func(Writer, *links) error {
	return func(w Writer, _ *links) error {
		b, err := f()
		w.Write(b)
		return err
	}
}

var settings = xref.Fact{Kind: xref.Settings}

// facts is a declaration: the settings, which every file shows, and fs.
func facts(fs ...xref.Fact) []xref.Fact { return append([]xref.Fact{settings}, fs...) }

func site(k xref.FactKind) xref.Fact { return xref.Fact{Kind: k} }

// elsewhere are facts fs of every other language's view: what a page
// shows of the pages there (its alternates: does the page exist in that
// language?).
func (r *Renderer) elsewhere(fs ...xref.Fact) []xref.Fact {
	var out []xref.Fact
	for _, lr := range r.langs {
		if lr != r {
			for _, f := range fs {
				out = append(out, f.In(lr.g.FactLang()))
			}
		}
	}
	return out
}

// Jobs lists every file of the site, in a fixed order. The facts a job
// shows are of its language's view; other languages' are added with
// elsewhere.
func (r *Renderer) Jobs() []Job {
	g := r.g
	// A term has its page, and at the root its Markdown copy and JSON
	// (exchangeJobs): a slice that grew would copy every job made so far.
	perTerm := 1
	if r.prefix == "" {
		perTerm = 3
	}
	jobs := make([]Job, 0, 32+perTerm*len(g.Terms)+len(g.Incidents)+len(g.Frameworks)+len(g.Tags.Pages)+len(g.Categories.Pages)+len(g.Redirects)+len(g.Shared))
	lang := g.FactLang()
	add := func(path string, shows []xref.Fact, f func(Writer, *links) error) *Job {
		for i, f := range shows {
			shows[i] = f.In(lang)
		}
		jobs = append(jobs, Job{Path: r.prefix + path, Shows: shows, run: f, r: r})
		return &jobs[len(jobs)-1]
	}
	// also adds facts of other languages' views to the job just added.
	also := func(j *Job, fs []xref.Fact) { j.Shows = append(j.Shows, fs...) }
	termList, incList, fwList := site(xref.TermList), site(xref.IncidentList), site(xref.FrameworkList)
	root := r.prefix == "" // files the site has once, not once a language
	// The pages that list the whole site come first: each takes as long
	// as hundreds of term pages, and a worker left with one of them at
	// the end would keep the others waiting.
	if root {
		// It shows each term's definitions and review date too, which
		// only the term's page fact covers, and its translations.
		j := add("api/glossary.json", facts(termList, incList, fwList, site(xref.Links), site(xref.AllTerms)), func(w Writer, _ *links) error { return r.apiJSON(w) })
		also(j, r.elsewhere(site(xref.AllTerms)))
	}
	add("index.html", facts(termList, fwList, incList), r.homePage)
	// The A-Z links to the hierarchy when a term has a broader one.
	add("terms/index.html", facts(termList, site(xref.Links)), func(w Writer, _ *links) error { return r.termsPage(w) })
	add("frameworks/index.html", facts(fwList), r.frameworksPage)
	add("frameworks/matrix/index.html", facts(termList, fwList), r.matrixPage)
	for _, f := range g.Frameworks {
		// Every language has every framework's page: its alternates need no fact.
		add("frameworks/"+f.ID+"/index.html", facts(xref.FrameworkPageFact(f.ID)), func(w Writer, l *links) error { return r.frameworkPage(w, f, l) })
	}
	add("incidents/index.html", facts(incList), r.incidentsPage)
	for _, inc := range g.Incidents {
		if !r.own(inc.Lang) {
			continue // untranslated: lists link to the original's page
		}
		shows := facts(xref.IncidentPageFact(inc.Slug.Value))
		for _, tag := range inc.Tags {
			shows = append(shows, xref.Fact{Kind: xref.Tag, Key: tag})
		}
		j := add("incidents/"+inc.Slug.Value+"/index.html", shows, func(w Writer, l *links) error { return r.incidentPage(w, inc, l) })
		also(j, r.elsewhere(xref.Fact{Kind: xref.IncidentLang, Key: inc.Slug.Value}))
	}
	for _, tx := range []struct {
		taxonomy
		kind, title string
		parent      string
		list, page  xref.FactKind
		members     xref.FactKind
	}{
		{r.tags, "Tag", r.text.T("tags"), r.u.Tags(), xref.TagList, xref.Tag, xref.TagMembers},
		{r.cats, "Category", r.text.T("categories"), r.u.Categories(), xref.CategoryList, xref.Category, xref.CategoryMembers},
	} {
		add(tx.dir+"index.html", facts(site(tx.list)), func(w Writer, _ *links) error {
			return r.taxonomyIndex(w, tx.title, tx.parent, tx.taxonomy)
		})
		for _, name := range tx.Pages {
			shows := facts(xref.Fact{Kind: tx.page, Key: name}, xref.Fact{Kind: tx.members, Key: name})
			for _, inc := range tx.Incidents[name] {
				shows = append(shows, xref.IncidentCardFact(inc.Slug.Value))
			}
			j := add(tx.path(name), shows, func(w Writer, l *links) error {
				return r.taxonomyPage(w, tx.kind, name, tx.parent, tx.taxonomy, l)
			})
			also(j, r.elsewhere(xref.Fact{Kind: tx.page, Key: name}))
		}
	}
	static := func(f func(Writer) error) func(Writer, *links) error {
		return func(w Writer, _ *links) error { return f(w) }
	}
	add("search/index.html", facts(), static(r.searchPage))
	if root {
		add("404.html", facts(), static(r.notFoundPage))
		if r.u.origin != "" { // a sitemap lists absolute URLs only
			// It lists every language's pages, each with its alternates;
			// a name two terms come to share changes their cards, so the
			// lists cover the disambiguation pages too.
			shows := []xref.Fact{termList, fwList, incList, site(xref.Links), site(xref.TagList), site(xref.CategoryList)}
			j := add("sitemap.xml", facts(shows...), fileJob(r.sitemap))
			also(j, r.elsewhere(shows...))
		}
	}
	if r.nav.Feed != "" {
		add("feed.xml", facts(termList), fileJob(r.feed))
	}
	if root {
		add("robots.txt", facts(), fileJob(r.robots))
		add("opensearch.xml", facts(), fileJob(r.openSearch))
		r.exchangeJobs(add)
	}
	for _, t := range g.Terms {
		if !r.own(t.Lang) {
			continue
		}
		j := add("terms/"+t.Slug.Value+"/index.html", r.termShows(t), func(w Writer, l *links) error { return r.termPage(w, t, l) })
		j.Term = t
		also(j, r.termElsewhere(t.Slug.Value))
	}
	for _, old := range slices.Sorted(maps.Keys(g.Redirects)) {
		t := g.Redirects[old]
		if !r.own(t.Lang) {
			continue
		}
		// It has the alternates of its term's page.
		j := add("terms/"+old+"/index.html", facts(xref.TermCardFact(t.Slug.Value)), static(func(w Writer) error { return r.redirectPage(w, t) }))
		j.RedirectTo = t
		also(j, r.termElsewhere(t.Slug.Value))
	}
	for _, sn := range g.Shared {
		shows := facts(xref.Fact{Kind: xref.Shared, Key: sn.Slug})
		for _, t := range sn.Terms {
			shows = append(shows, xref.TermCardFact(t.Slug.Value))
		}
		also(add("terms/"+sn.Slug+"/index.html", shows, static(func(w Writer) error { return r.disambiguationPage(w, sn) })), r.termElsewhere(sn.Slug))
	}
	if r.hasHierarchy() {
		// Whether another language has the page follows its links.
		also(add("hierarchy/index.html", facts(termList, site(xref.Links)), static(r.hierarchyPage)), r.elsewhere(site(xref.Links)))
	}
	return jobs
}

// termElsewhere is whether other languages have a page at terms/SLUG/: a
// term with text in that language, or a name its terms share.
func (r *Renderer) termElsewhere(slug string) []xref.Fact {
	return r.elsewhere(xref.Fact{Kind: xref.TermLang, Key: slug}, xref.Fact{Kind: xref.Shared, Key: slug})
}

// termShows is what a term page shows besides the terms it links to.
func (r *Renderer) termShows(t *content.Term) []xref.Fact {
	shows := make([]xref.Fact, 0, 3+len(t.Tags)+len(r.g.TermIncidents[t])+len(r.g.TermMappings[t]))
	shows = append(shows, settings, xref.TermPageFact(t.Slug.Value))
	for _, tag := range t.Tags {
		shows = append(shows, xref.Fact{Kind: xref.Tag, Key: tag})
	}
	if t.Category != "" {
		shows = append(shows, xref.Fact{Kind: xref.Category, Key: t.Category})
	}
	for _, inc := range r.g.TermIncidents[t] {
		shows = append(shows, xref.IncidentCardFact(inc.Slug.Value))
	}
	for _, m := range r.g.TermMappings[t] {
		if f := xref.FrameworkCardFact(m.Framework.ID); !slices.Contains(shows, f) {
			shows = append(shows, f)
		}
	}
	return shows
}
