// Package build runs the stages in order: load the site (package content),
// resolve its names (xref), render its pages (render) and write them, all
// or nothing, to the output folder. `build`, `check` and `serve` all come
// through here, so they agree on what a site is.
package build

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/diag"
	"github.com/nhimg/nhiglossary/internal/par"
	"github.com/nhimg/nhiglossary/internal/render"
	"github.com/nhimg/nhiglossary/internal/search"
	"github.com/nhimg/nhiglossary/internal/xref"
)

// Options say what to build and how.
type Options struct {
	Drafts  bool      // include drafts
	Today   time.Time // for the future-date warning (and review-due, with Review); zero leaves them out
	Review  bool      // report review-due (check; a build's warnings do not change as a term ages)
	BaseURL string    // overrides the site's base_url when set
	Dev     bool      // a preview (serve): never published, so no no-base-url warning
	// ReportDraftLinks: see xref.Options (the preview sets it).
	ReportDraftLinks bool
	Generator        string // "nhiglossary vX"
	Templates        fs.FS  // the embedded templates (the site's templates/ override them)
	Assets           fs.FS  // the embedded assets (the site's assets/ override them)
	// Memo: see xref.Options (the preview keeps one between resolves).
	Memo *xref.Memo
}

// Result says what a build did.
type Result struct {
	Diags    diag.List
	Terms    int
	Pages    int // HTML pages
	Files    int // every file written, assets included
	Duration time.Duration
	Graph    *xref.Graph // the resolved site, for callers that keep it (serve)
}

// ErrInvalid means the content has errors; they are in Result.Diags.
var ErrInvalid = errors.New("the site has errors")

// Check loads and resolves the site without rendering. It resolves even
// when loading found errors, so one run reports every problem; the graph
// (the default language's) is nil when there are errors.
func Check(site fs.FS, opts Options) (*xref.Graph, diag.List) {
	gs, diags := checkLanguages(site, opts)
	// A site's own templates must parse and run, or build would fail:
	// the site builds, writing nothing. (The built-in ones are the
	// tests' to keep right; a caller without them checks the content.)
	own := opts.Templates != nil && hasOwnTemplates(site)
	if gs == nil {
		if own { // what can be found without the site's pages
			if err := render.ParseTemplates(overlay{subdir(site, "templates"), opts.Templates}); err != nil {
				pos, msg := templateProblem(err)
				diags.Add(diag.TemplateSyntax, pos, "%s", msg)
				diags = diags.Sort()
			}
		}
		return nil, diags
	}
	if !own {
		return gs[0], diags
	}
	if _, err := Generate(context.Background(), site, opts, discard{}); err != nil {
		pos, msg := templateProblem(err)
		diags.Add(diag.TemplateSyntax, pos, "%s", msg)
		return nil, diags.Sort()
	}
	return gs[0], diags
}

// hasOwnTemplates reports whether the site has templates of its own.
func hasOwnTemplates(site fs.FS) bool {
	entries, err := fs.ReadDir(site, "templates")
	return err == nil && len(entries) > 0
}

// discard is a Sink that keeps nothing.
type discard struct{}

func (discard) Create(string) (io.WriteCloser, error) { return nopCloser{io.Discard}, nil }
func (discard) WriteFile(string, []byte) error        { return nil }

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

// templateAt finds where html/template says a template failed
// ("template: NAME:LINE[:COL]: message"), and render's own
// "templates/NAME:LINE: message".
var templateAt = regexp.MustCompile(`(?:templates/|template: |html/template:)([^:\s]+):(\d+):(?:(\d+):)? ?(.*)$`)

// templateProblem is where a template error is and what it says.
func templateProblem(err error) (diag.Pos, string) {
	m := templateAt.FindStringSubmatch(err.Error())
	if m == nil {
		return diag.Pos{File: "templates"}, err.Error()
	}
	line, _ := strconv.Atoi(m[2])
	col := 1
	if m[3] != "" { // text/template counts a line's bytes from 0
		c, _ := strconv.Atoi(m[3])
		col = c + 1
	}
	return diag.Pos{File: "templates/" + m[1], Line: line, Col: col}, m[4]
}

// checkLanguages is Check for every language of the site, the default
// first (xref.ResolveLanguages).
func checkLanguages(site fs.FS, opts Options) ([]*xref.Graph, diag.List) {
	s, diags := content.Load(site)
	return Resolve(s, diags, opts)
}

// Resolve resolves a loaded site (with the problems loading met) as build
// and check do: --base-url applied, every language resolved, the default
// first (xref.ResolveLanguages), the graphs nil when there are errors.
func Resolve(s *content.Site, diags diag.List, opts Options) ([]*xref.Graph, diag.List) {
	applyBaseURL(&s.Config, opts, &diags)
	// xref runs even after errors: one run reports every problem.
	gs, more := xref.ResolveLanguages(s, xref.Options{Drafts: opts.Drafts, Now: opts.Today, Review: opts.Review, ReportDraftLinks: opts.ReportDraftLinks, Memo: opts.Memo})
	diags = append(diags, more...)
	if diags.HasErrors() {
		return nil, diags.Sort()
	}
	return gs, diags.Sort()
}

// applyBaseURL is the one rule for --base-url: it replaces the site's
// base_url when given.
func applyBaseURL(cfg *content.Config, opts Options, diags *diag.List) {
	if opts.BaseURL == "" {
		return
	}
	b, err := content.ParseBaseURL(opts.BaseURL)
	if err != nil {
		diags.Add(diag.InvalidURL, diag.Pos{File: "--base-url"}, "%v", err)
		return
	}
	cfg.BaseURL = b
}

// Generate checks the site and, when it has no errors, renders every file
// into sink. It returns ErrInvalid when the content has errors.
func Generate(ctx context.Context, site fs.FS, opts Options, sink Sink) (*Result, error) {
	start := time.Now()
	gs, diags := checkLanguages(site, opts)
	res := &Result{Diags: diags}
	if diags.HasErrors() {
		return res, ErrInvalid
	}
	g := gs[0]
	res.Graph = g
	if !opts.Dev { // a preview is never published: its URLs need no host
		warnNoBaseURL(g.Site.Config, &res.Diags)
	}
	assets, err := loadAssets(overlay{subdir(site, "assets"), opts.Assets})
	if err != nil {
		return res, fmt.Errorf("assets: %w", err)
	}
	// Each language has its own search index, under its own prefix.
	urls := make([]render.Assets, len(gs))
	ropts := make([]render.Options, len(gs))
	indexes := make([]*search.Index, len(gs))
	texts := make([]*search.Text, len(gs))
	for i, lg := range gs {
		prefix := render.LangPrefix(lg, i == 0)
		if len(gs) > 1 {
			indexes[i] = search.NewLang(lg.Terms, lg.Lang(), render.SearchEntries(lg)...)
		} else {
			indexes[i] = search.New(lg.Terms, render.SearchEntries(lg)...)
		}
		urls[i] = assetURLs(BasePath(g), assets)
		urls[i].SearchIndex = BasePath(g) + prefix + indexes[i].NamesPath()
		// The full-text index takes each body as its page renders.
		texts[i] = indexes[i].NewText()
		ropts[i] = render.Options{Generator: opts.Generator, BodyText: texts[i].Add}
	}
	rs, err := render.NewSite(gs, overlay{subdir(site, "templates"), opts.Templates}, urls, ropts)
	if err != nil {
		return res, err
	}
	var jobs []render.Job
	for _, r := range rs {
		jobs = append(jobs, r.Jobs()...)
	}
	if err := run(ctx, jobs, sink); err != nil {
		return res, err
	}
	var searchFiles []search.File
	for i, r := range rs {
		for _, f := range append(indexes[i].NameFiles(), texts[i].Files()...) {
			f.Path = r.Prefix() + f.Path
			searchFiles = append(searchFiles, f)
		}
	}
	for _, f := range searchFiles {
		if err := sink.WriteFile(f.Path, f.Data); err != nil {
			return res, err
		}
	}
	for _, a := range assets {
		if err := sink.WriteFile("assets/"+a.name, a.data); err != nil {
			return res, err
		}
	}
	res.Terms = len(g.Terms)
	for _, j := range jobs {
		if strings.HasSuffix(j.Path, ".html") {
			res.Pages++
		}
	}
	res.Files = len(jobs) + len(assets) + len(searchFiles)
	res.Duration = time.Since(start)
	return res, nil
}

// warnNoBaseURL says what a site built without an absolute base_url
// lacks: render leaves out sitemap.xml and canonical links, which need
// the scheme and host. The site may switch the warning off. It says
// so differently when the site has no settings file to set it in.
func warnNoBaseURL(cfg content.Config, diags *diag.List) {
	if render.IsAbsolute(cfg.BaseURL) || cfg.WarningsOff[diag.NoBaseURL] {
		return
	}
	pos := diag.Pos{File: content.ConfigFile}
	switch {
	case (cfg.BaseURL == "" || cfg.BaseURL == "/") && !cfg.FromFile:
		diags.Add(diag.NoBaseURL, pos, "no %s, so no base_url: sitemap.xml, opensearch.xml and canonical links are left out; create it with base_url: https://HOST/PATH/ or pass --base-url", content.ConfigFile)
	case cfg.BaseURL == "" || cfg.BaseURL == "/":
		diags.Add(diag.NoBaseURL, pos, "no base_url: sitemap.xml, opensearch.xml and canonical links are left out; set base_url: https://HOST/PATH/ here or pass --base-url")
	default:
		diags.Add(diag.NoBaseURL, pos, "base_url %q has no scheme and host: sitemap.xml, opensearch.xml and canonical links are left out; write it as https://HOST%s", cfg.BaseURL, cfg.BaseURL)
	}
	*diags = diags.Sort()
}

// BasePath is the URL path a resolved site's pages are under.
func BasePath(g *xref.Graph) string {
	return render.BasePathOf(g.Site.Config.BaseURL)
}

// run renders and writes jobs on every core; the first error stops it.
func run(ctx context.Context, jobs []render.Job, sink Sink) error {
	// One buffered writer per worker, reused for every file: the largest
	// files (llms-full.txt, api/glossary.json, api/skos.ttl) were a
	// quarter of a 10k build's peak live heap when rendered whole first.
	// A file left half-written by an error is in the staging folder,
	// which the failed build removes.
	ws := make([]*bufio.Writer, par.Workers())
	for i := range ws {
		ws[i] = bufio.NewWriterSize(nil, 64<<10)
	}
	return par.Do(ctx, len(jobs), func(w, i int) error {
		j, bw := jobs[i], ws[w]
		f, err := sink.Create(j.Path)
		if err != nil {
			return fmt.Errorf("%s: %w", j.Path, err)
		}
		bw.Reset(f)
		err = j.RenderTo(bw)
		if err == nil {
			err = bw.Flush()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("%s: %w", j.Path, err)
		}
		return nil
	})
}

// Build writes the site from the folder src into the folder out, all or
// nothing: pages go to a temporary folder beside out, which replaces out
// only when every page is written. A failed or interrupted build leaves
// the previous site as it was.
func Build(ctx context.Context, src, out string, opts Options) (*Result, error) {
	if err := checkOut(src, out); err != nil {
		return &Result{}, err
	}
	tmp, err := stage(out)
	if err != nil {
		return &Result{}, err
	}
	res, err := Generate(ctx, os.DirFS(src), opts, &dirSink{root: tmp})
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		os.RemoveAll(tmp)
		return res, err
	}
	if err := commit(tmp, out); err != nil {
		os.RemoveAll(tmp)
		return res, fmt.Errorf("replacing %s: %w", out, err)
	}
	return res, nil
}
