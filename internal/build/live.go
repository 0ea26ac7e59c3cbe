package build

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/diag"
	"github.com/nhimg/nhiglossary/internal/render"
	"github.com/nhimg/nhiglossary/internal/xref"
)

// Live keeps a site in memory between builds, for `serve`. Each Update
// re-reads only the files named as changed, resolves the site again, and
// replaces only the pages those files affect; pages are rendered when
// first asked for (Get) or by RenderPending, so the page a reader waits
// for comes first.
//
// An edit that leaves every name and link of a term as it was (its prose,
// summary, examples, sources...) takes a shorter way: the term is updated
// in place, the resolved site is kept, and only its own page (and, when
// its summary or date changed, the pages that list it) render again.
//
// The files a Live serves are those Generate writes, with two differences
// that let a stylesheet or the search index change without every page
// changing: asset URLs carry no content hash, and pages name the search
// index search/names.0.txt (see searchAlias).
//
// Update calls are serialized; Get and RenderPending may run at any time
// on any goroutine.
type Live struct {
	fsys fs.FS
	opts Options

	mu        sync.Mutex // serializes Update and guards what follows
	started   bool
	cfg       content.Config
	cfgDiags  diag.List
	listDiags diag.List
	files     map[string]*source // content files, by site path
	good      *state             // the last state without errors; nil before one
	current   diag.List
	ok        bool  // the latest Update built
	err       error // why it did not
	epoch     string
	gen       int64

	// Page renders read the content; an update that edits a term in
	// place writes it. Writers only ever TryLock, so a render may take
	// the read lock while another holds it without risk of deadlock.
	contentMu sync.RWMutex

	pages  atomic.Pointer[pageSet]
	assets atomic.Pointer[assetSet]
	search atomic.Pointer[searchBundle]

	textMu sync.Mutex
	text   map[*content.Term]string // plain text of each rendered body
}

// source is one content file as last read.
type source struct {
	kind  content.Kind
	hash  [32]byte
	term  *content.Term
	fw    *content.Framework
	inc   *content.Incident
	diags diag.List
}

func (s *source) object() any {
	switch {
	case s.term != nil:
		return s.term
	case s.fw != nil:
		return s.fw
	case s.inc != nil:
		return s.inc
	}
	return nil
}

// state is one resolved, renderable site.
type state struct {
	g      *xref.Graph
	r      *render.Renderer
	diags  diag.List             // from xref
	objs   map[string]any        // the object each file gave this state
	jobs   map[string]render.Job // by output path
	base   string                // URL path of the site
	fileOf map[any]string        // the inverse of objs
}

// Change says what one Update did.
type Change struct {
	Diags diag.List // every problem the site has now
	// Err is ErrInvalid when Diags has errors (the pages stay as the last
	// good build left them), or a template or asset error; nil otherwise.
	Err error
	// Full is set when every page changed (settings, templates).
	Full bool
	// Pages are the output paths whose content changed, Removed those no
	// longer in the site; both sorted.
	Pages, Removed []string
	// Moved maps the output path of each term page that went away to
	// where its term is now ("" when it was deleted).
	Moved map[string]string
	// Assets are the asset files that changed, as "assets/NAME".
	Assets []string
	// Files are the site's files whose change mattered, sorted.
	Files []string
	// InPlace is set when the change took the short way (see Live).
	InPlace  bool
	Terms    int
	Pending  int // pages not yet rendered
	Duration time.Duration
}

// Changed reports whether the browser has anything new to show.
func (c *Change) Changed() bool {
	return c.Full || len(c.Pages)+len(c.Removed)+len(c.Assets) > 0
}

// NewLive returns a Live for the site in fsys. Nothing is read until the
// first Update.
func NewLive(fsys fs.FS, opts Options) *Live {
	l := &Live{fsys: fsys, opts: opts, files: map[string]*source{}, text: map[*content.Term]string{}}
	l.epoch = fmt.Sprintf("%x", time.Now().UnixNano())
	l.pages.Store(&pageSet{byPath: map[string]*page{}})
	l.assets.Store(&assetSet{})
	return l
}

// Update brings the site up to date after the files in changed (paths
// relative to the site, slash-separated) were written, created or
// deleted. The first call, or a nil changed, reads everything.
func (l *Live) Update(ctx context.Context, changed []string) *Change {
	l.mu.Lock()
	defer l.mu.Unlock()
	start := time.Now()
	ch := &Change{}
	defer func() {
		ch.Duration = time.Since(start)
		ch.Diags = l.current
		if l.good != nil {
			ch.Terms = len(l.good.g.Terms)
		}
		ch.Pending = l.pages.Load().pending()
	}()

	all := !l.started || changed == nil
	var tmplChanged, relist bool
	var files, assets []string
	for _, p := range changed {
		switch {
		case p == content.ConfigFile:
			all = true
			ch.Files = append(ch.Files, p)
		case strings.HasPrefix(p, "templates/"), p == "templates":
			tmplChanged = true
			ch.Files = append(ch.Files, p)
		case strings.HasPrefix(p, "assets/"), p == "assets":
			assets = append(assets, p)
		case strings.HasPrefix(p, "content/"), p == "content":
			if content.KindOf(p) == content.KindOther {
				relist = true
			} else {
				files = append(files, p)
			}
		}
	}
	if all {
		l.started = true
		if err := l.loadAssets(); err != nil {
			return l.fail(ch, err)
		}
		l.loadAll(ctx)
		return l.rebuild(ch, true)
	}
	if len(assets) > 0 {
		before := l.assets.Load().version
		if err := l.loadAssets(); err != nil {
			return l.fail(ch, err)
		}
		after := l.assets.Load().version
		for name, v := range after {
			if before[name] != v {
				ch.Assets = append(ch.Assets, "assets/"+name)
			}
		}
		for name := range before {
			if _, ok := after[name]; !ok {
				ch.Assets = append(ch.Assets, "assets/"+name)
			}
		}
		slices.Sort(ch.Assets)
	}
	changedFiles := l.reload(files, relist)
	ch.Files = slices.Concat(ch.Files, ch.Assets, changedFiles)
	slices.Sort(ch.Files)
	if !tmplChanged && len(changedFiles) == 0 {
		ch.Err = l.err // nothing a page shows changed
		return ch
	}
	if !tmplChanged && l.inPlace(ch, changedFiles) {
		return ch
	}
	return l.rebuild(ch, tmplChanged)
}

// fail records an error that is not about the content (an unreadable
// asset folder).
func (l *Live) fail(ch *Change, err error) *Change {
	l.ok, l.err = false, err
	ch.Err = err
	return ch
}

// Epoch names this Live among others (a restarted server), so that a
// browser can tell a page version of another run from one of this run.
func (l *Live) Epoch() string { return l.epoch }

// Base is the URL path the site's pages are under ("/" before a build).
func (l *Live) Base() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.good == nil {
		return "/"
	}
	return l.good.base
}

// Problems is every problem the site has now.
func (l *Live) Problems() diag.List {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.current)
}

// loadAll reads the settings and every content file, in parallel.
func (l *Live) loadAll(ctx context.Context) {
	l.cfg, l.cfgDiags = content.LoadConfig(l.fsys)
	if l.opts.BaseURL != "" {
		applyBaseURLConfig(&l.cfg, l.opts.BaseURL, &l.cfgDiags)
	}
	terms, fws, incs, diags := content.Files(l.fsys)
	l.listDiags = diags
	paths := slices.Concat(terms, fws, incs)
	srcs := make([]*source, len(paths))
	work := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range work {
				srcs[i], _ = l.read(paths[i], nil)
			}
		})
	}
	for i := range paths {
		if ctx.Err() != nil {
			break
		}
		work <- i
	}
	close(work)
	wg.Wait()
	l.files = make(map[string]*source, len(paths))
	for i, p := range paths {
		if srcs[i] != nil {
			l.files[p] = srcs[i]
		}
	}
}

func applyBaseURLConfig(cfg *content.Config, u string, diags *diag.List) {
	b, err := content.ParseBaseURL(u)
	if err != nil {
		diags.Add(diag.InvalidURL, diag.Pos{File: "--base-url"}, "%v", err)
		return
	}
	cfg.BaseURL = b
}

// read loads one content file; nil when it does not exist. unchanged is
// set when its bytes are those of prev.
func (l *Live) read(file string, prev *source) (src *source, unchanged bool) {
	data, err := fs.ReadFile(l.fsys, file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false
	}
	s := &source{kind: content.KindOf(file), hash: hashOf(data)}
	if err == nil && prev != nil && prev.hash == s.hash {
		return prev, true
	}
	switch s.kind {
	case content.KindTerm:
		s.term, s.diags = content.LoadTerm(l.fsys, file, l.cfg)
	case content.KindFramework:
		s.fw, s.diags = content.LoadFramework(l.fsys, file)
	case content.KindIncident:
		s.inc, s.diags = content.LoadIncident(l.fsys, file)
	}
	return s, false
}

// reload re-reads the named content files (and, with relist, finds files
// added or removed under content/), and returns the paths whose content
// changed.
func (l *Live) reload(files []string, relist bool) []string {
	if relist {
		terms, fws, incs, diags := content.Files(l.fsys)
		l.listDiags = diags
		listed := map[string]bool{}
		for _, p := range slices.Concat(terms, fws, incs) {
			listed[p] = true
			if l.files[p] == nil {
				files = append(files, p)
			}
		}
		for p := range l.files {
			if !listed[p] {
				files = append(files, p)
			}
		}
	}
	slices.Sort(files)
	files = slices.Compact(files)
	var changed []string
	for _, p := range files {
		prev := l.files[p]
		s, same := l.read(p, prev)
		if same || (s == nil && prev == nil) {
			continue
		}
		if s == nil {
			delete(l.files, p)
		} else {
			l.files[p] = s
		}
		changed = append(changed, p)
	}
	return changed
}

// site puts the sources together as content.Load would.
func (l *Live) site() (*content.Site, diag.List) {
	s := &content.Site{Config: l.cfg}
	diags := slices.Concat(l.cfgDiags, l.listDiags)
	for _, p := range slices.Sorted(maps.Keys(l.files)) {
		src := l.files[p]
		diags = append(diags, src.diags...)
		switch {
		case src.term != nil:
			s.Terms = append(s.Terms, src.term)
		case src.fw != nil:
			s.Frameworks = append(s.Frameworks, src.fw)
		case src.inc != nil:
			s.Incidents = append(s.Incidents, src.inc)
		}
	}
	slices.SortStableFunc(s.Terms, func(a, b *content.Term) int { return strings.Compare(a.Slug.Value, b.Slug.Value) })
	slices.SortStableFunc(s.Frameworks, func(a, b *content.Framework) int { return strings.Compare(a.ID, b.ID) })
	slices.SortStableFunc(s.Incidents, func(a, b *content.Incident) int { return strings.Compare(a.Slug.Value, b.Slug.Value) })
	return s, diags.Sort()
}

// rebuild resolves the whole site again and replaces the pages that
// changed since the last good state: every page when full.
func (l *Live) rebuild(ch *Change, full bool) *Change {
	s, diags := l.site()
	var g *xref.Graph
	var more diag.List
	if !diags.HasErrors() {
		g, more = xref.Resolve(s, xref.Options{Drafts: l.opts.Drafts, ReportDraftLinks: true})
		diags = append(diags, more...).Sort()
	}
	l.current = diags
	if diags.HasErrors() {
		return l.fail(ch, ErrInvalid)
	}
	next, err := l.newState(g, more)
	if err != nil {
		return l.fail(ch, err)
	}
	prev := l.good
	full = full || prev == nil || prev.base != next.base
	var affected map[string]bool
	if !full {
		affected = l.affected(prev, next)
	}
	l.install(ch, next, affected, full)
	if prev != nil {
		ch.Moved = moves(prev, next, ch.Removed)
	}
	return ch
}

// newState makes a renderer for a resolved site, and its jobs.
func (l *Live) newState(g *xref.Graph, diags diag.List) (*state, error) {
	base := render.BasePathOf(g.Site.Config.BaseURL)
	urls := devAssetURLs(base)
	urls.SearchIndex = base + searchAlias
	tmpl := overlay{subdir(l.fsys, "templates"), l.opts.Templates}
	keep := func(t *content.Term, text string) {
		l.textMu.Lock()
		l.text[t] = text
		l.textMu.Unlock()
	}
	r, err := render.New(g, tmpl, urls, render.Options{Dev: l.opts.Dev, Generator: l.opts.Generator, BodyText: keep})
	if err != nil {
		return nil, err
	}
	st := &state{g: g, r: r, diags: diags, base: base, objs: map[string]any{}, fileOf: map[any]string{}, jobs: map[string]render.Job{}}
	for p, src := range l.files {
		if o := src.object(); o != nil {
			st.objs[p] = o
			st.fileOf[o] = p
		}
	}
	for _, j := range r.Jobs() {
		st.jobs[j.Path] = j
	}
	return st, nil
}

// install makes next the current state: the pages in affected (every
// page when full) and the new ones render anew; the others keep their
// output, and those not rendered yet render from next.
func (l *Live) install(ch *Change, next *state, affected map[string]bool, full bool) {
	l.gen++
	old := l.pages.Load()
	ps := &pageSet{byPath: make(map[string]*page, len(next.jobs))}
	for path, j := range next.jobs {
		o := old.byPath[path]
		if o != nil && !full && !affected[path] && o.fresh() {
			if o.done.Load() {
				ps.byPath[path] = o
			} else { // not rendered yet: same output, but from the new state
				ps.byPath[path] = l.newPage(j, next, o.gen)
			}
			continue
		}
		ps.byPath[path] = l.newPage(j, next, l.gen)
		ch.Pages = append(ch.Pages, path)
	}
	for path := range old.byPath {
		if ps.byPath[path] == nil {
			ch.Removed = append(ch.Removed, path)
		}
	}
	slices.Sort(ch.Pages)
	slices.Sort(ch.Removed)
	ch.Full = full
	l.pages.Store(ps)
	l.search.Store(newSearchBundle(l, next, ps))
	l.good = next
	l.ok, l.err = true, nil
}

// loadAssets reads the assets again (there are few).
func (l *Live) loadAssets() error {
	list, err := loadAssets(overlay{subdir(l.fsys, "assets"), l.opts.Assets})
	if err != nil {
		return fmt.Errorf("assets: %w", err)
	}
	set := &assetSet{data: map[string][]byte{}, version: map[string]string{}}
	for _, a := range list {
		sum := hashOf(a.data)
		set.data[a.name] = a.data
		set.version[a.name] = hex.EncodeToString(sum[:6])
	}
	l.assets.Store(set)
	return nil
}

// assetSet is the site's assets, and a content hash of each.
type assetSet struct {
	data    map[string][]byte
	version map[string]string
}

// AssetVersions gives each asset (by name under assets/) a short hash of
// its content, which changes when it does. The map must not be changed.
func (l *Live) AssetVersions() map[string]string { return l.assets.Load().version }

// devAssetURLs are the asset URLs without a content hash: a stylesheet
// that changes keeps its URL, so pages need not render again. (A server
// may add the hash when it sends a page: see AssetVersions.)
func devAssetURLs(base string) render.Assets {
	u := func(name string) string { return base + "assets/" + name }
	return render.Assets{
		Style: u("style.css"), Chroma: u("chroma.css"), Print: u("print.css"),
		Theme: u("theme.js"), Main: u("main.js"), Search: u("search.js"), LiveReload: u("livereload.js"),
	}
}
