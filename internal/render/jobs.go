package render

import (
	"bytes"
	"io"
	"maps"
	"slices"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/termjson"
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
	// declare says, when asked, which facts the file shows whatever it
	// holds (see declaration): a build never asks, and a live preview only
	// for the files it renders.
	declare func() []xref.Fact
	run     func(w Writer, l *links) error
	r       *Renderer
	// A file each term has is of a kind (its page, its JSON) and about
	// a term, not closures of its own: a site lists thousands.
	kind  *termJob
	about *content.Term
}

// termJob is a kind of file each term has.
type termJob struct {
	declare func(t *content.Term) []xref.Fact
	run     func(t *content.Term, w Writer, l *links) error
}

// declaration is the facts the file shows whatever it holds (see the
// package comment); RenderDeps adds those it met as it rendered. It is made anew at
// each call, from the site model the job was listed from.
//
// A job's declaration may differ between two versions of the site only
// when one of the facts it declares in either version changed (or the
// file came or went): a live preview keeps a page whose facts did not
// change without asking what its new job would declare.
func (j Job) declaration() []xref.Fact {
	if j.kind != nil {
		return j.kind.declare(j.about)
	}
	return j.declare()
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
	d := Deps{Facts: j.declaration(), Markdown: l.markdown, Lang: lang}
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
	run := j.run
	if j.kind != nil {
		run = func(w Writer, l *links) error { return j.kind.run(j.about, w, l) }
	}
	if err := run(w, l); err != nil {
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

// declared is what a job declares: own, facts of this renderer's view,
// and other, facts of other languages' views (elsewhere).
func (r *Renderer) declared(own []xref.Fact, other ...xref.Fact) []xref.Fact {
	lang := r.g.FactLang()
	for i, f := range own {
		own[i] = f.In(lang)
	}
	return append(own, other...)
}

// shows is a fixed declaration: the settings and fs of this renderer's
// view.
func (r *Renderer) shows(fs ...xref.Fact) func() []xref.Fact {
	return func() []xref.Fact { return r.declared(facts(fs...)) }
}

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
// elsewhere. Listing is cheap: what a job declares is worked out only
// when asked (Job.RenderDeps).
func (r *Renderer) Jobs() []Job {
	g := r.g
	// The default language's renderer writes the files the site has
	// once, not once a language, and a page for every term. (Another
	// language's has the pages of the terms it owns.)
	root := r.isHome()
	// A term has its page, and at the root its Markdown copy and JSON
	// (exchangeJobs): a slice that grew would copy every job made so far.
	perTerm := 1
	if root {
		perTerm = 3
	}
	jobs := make([]Job, 0, 32+perTerm*len(g.Terms)+len(g.Incidents)+len(g.Frameworks)+len(g.Tags.Pages)+len(g.Categories.Pages)+len(g.Redirects)+len(g.Shared))
	add := func(path string, shows func() []xref.Fact, f func(Writer, *links) error) *Job {
		jobs = append(jobs, Job{Path: r.prefix + path, declare: shows, run: f, r: r})
		return &jobs[len(jobs)-1]
	}
	addTerm := func(path string, kind *termJob, t *content.Term) *Job {
		jobs = append(jobs, Job{Path: r.prefix + path, kind: kind, about: t, r: r})
		return &jobs[len(jobs)-1]
	}
	termList, incList, fwList := site(xref.TermList), site(xref.IncidentList), site(xref.FrameworkList)
	// The Memo keeps the paths of the root's term files.
	var paths []termPaths
	if root {
		paths = r.opts.Memo.termPaths(r.prefix, g.Terms, func(t *content.Term) termPaths {
			slug := t.Slug.Value
			return termPaths{page: "terms/" + slug + "/index.html", copy: "terms/" + slug + "/index.md", json: termjson.Path(slug)}
		})
	}
	// The pages that list the whole site come first: each takes as long
	// as hundreds of term pages, and a worker left with one of them at
	// the end would keep the others waiting.
	if root {
		// It shows each term's definitions and review date too, which
		// only the term's page fact covers, and its translations.
		add("api/glossary.json", func() []xref.Fact {
			return r.declared(facts(termList, incList, fwList, site(xref.Links), site(xref.AllTerms)), r.elsewhere(site(xref.AllTerms))...)
		}, func(w Writer, _ *links) error { return r.apiJSON(w) })
	}
	add("index.html", r.shows(termList, fwList, incList), r.homePage)
	// The A-Z links to the hierarchy when a term has a broader one.
	add("terms/index.html", r.shows(termList, site(xref.Links)), func(w Writer, _ *links) error { return r.termsPage(w) })
	add("frameworks/index.html", r.shows(fwList), r.frameworksPage)
	add("frameworks/matrix/index.html", r.shows(termList, fwList), r.matrixPage)
	for _, f := range g.Frameworks {
		// Every language has every framework's page: its alternates need no fact.
		add("frameworks/"+f.ID+"/index.html", r.shows(xref.FrameworkPageFact(f.ID)), func(w Writer, l *links) error { return r.frameworkPage(w, f, l) })
	}
	add("incidents/index.html", r.shows(incList), r.incidentsPage)
	for _, inc := range g.Incidents {
		if !r.own(inc.Lang) {
			continue // untranslated: lists link to the original's page
		}
		add("incidents/"+inc.Slug.Value+"/index.html", func() []xref.Fact {
			shows := facts(xref.IncidentPageFact(inc.Slug.Value))
			for _, tag := range inc.Tags {
				shows = append(shows, xref.Fact{Kind: xref.Tag, Key: tag})
			}
			return r.declared(shows, r.elsewhere(xref.Fact{Kind: xref.IncidentLang, Key: inc.Slug.Value})...)
		}, func(w Writer, l *links) error { return r.incidentPage(w, inc, l) })
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
		add(tx.dir+"index.html", r.shows(site(tx.list)), func(w Writer, _ *links) error {
			return r.taxonomyIndex(w, tx.title, tx.parent, tx.taxonomy)
		})
		for _, name := range tx.Pages {
			add(tx.path(name), func() []xref.Fact {
				shows := facts(xref.Fact{Kind: tx.page, Key: name}, xref.Fact{Kind: tx.members, Key: name})
				for _, inc := range tx.Incidents[name] {
					shows = append(shows, xref.IncidentCardFact(inc.Slug.Value))
				}
				return r.declared(shows, r.elsewhere(xref.Fact{Kind: tx.page, Key: name})...)
			}, func(w Writer, l *links) error {
				return r.taxonomyPage(w, tx.kind, name, tx.parent, tx.taxonomy, l)
			})
		}
	}
	static := func(f func(Writer) error) func(Writer, *links) error {
		return func(w Writer, _ *links) error { return f(w) }
	}
	add("search/index.html", r.shows(), static(r.searchPage))
	if root {
		add("404.html", r.shows(), static(r.notFoundPage))
		if r.u.origin != "" { // a sitemap lists absolute URLs only
			// It lists every language's pages, each with its alternates;
			// a name two terms come to share changes their cards, so the
			// lists cover the disambiguation pages too.
			shows := []xref.Fact{termList, fwList, incList, site(xref.Links), site(xref.TagList), site(xref.CategoryList)}
			add("sitemap.xml", func() []xref.Fact { return r.declared(facts(shows...), r.elsewhere(shows...)...) }, fileJob(r.sitemap))
		}
	}
	if r.nav.Feed != "" {
		add("feed.xml", r.shows(termList), fileJob(r.feed))
	}
	if root {
		add("robots.txt", r.shows(), fileJob(r.robots))
		if r.nav.OpenSearch != "" {
			add("opensearch.xml", r.shows(), fileJob(r.openSearch))
		}
		r.exchangeJobs(add, addTerm, paths)
	}
	termPage := &termJob{
		declare: func(t *content.Term) []xref.Fact {
			return r.declared(r.termShows(t), r.termElsewhere(t.Slug.Value)...)
		},
		run: func(t *content.Term, w Writer, l *links) error { return r.termPage(w, t, l) },
	}
	for i, t := range g.Terms {
		if paths != nil {
			addTerm(paths[i].page, termPage, t).Term = t
			continue
		}
		if !r.own(t.Lang) {
			continue
		}
		addTerm("terms/"+t.Slug.Value+"/index.html", termPage, t).Term = t
	}
	for _, old := range slices.Sorted(maps.Keys(g.Redirects)) {
		t := g.Redirects[old]
		if !r.own(t.Lang) {
			continue
		}
		// It has the alternates of its term's page. The old slug is a
		// name of the term: when another term takes it, the name's fact
		// says so.
		j := add("terms/"+old+"/index.html", func() []xref.Fact {
			return r.declared(facts(xref.TermCardFact(t.Slug.Value), xref.NameFact(old)), r.termElsewhere(t.Slug.Value)...)
		}, static(func(w Writer) error { return r.redirectPage(w, t) }))
		j.RedirectTo = t
	}
	for _, sn := range g.Shared {
		add("terms/"+sn.Slug+"/index.html", func() []xref.Fact {
			shows := facts(xref.Fact{Kind: xref.Shared, Key: sn.Slug})
			for _, t := range sn.Terms {
				shows = append(shows, xref.TermCardFact(t.Slug.Value))
			}
			return r.declared(shows, r.termElsewhere(sn.Slug)...)
		}, static(func(w Writer) error { return r.disambiguationPage(w, sn) }))
	}
	if r.hasHierarchy() {
		// Whether another language has the page follows its links.
		add("hierarchy/index.html", func() []xref.Fact {
			return r.declared(facts(termList, site(xref.Links)), r.elsewhere(site(xref.Links))...)
		}, static(r.hierarchyPage))
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
