// Package live keeps a site in memory for `serve`: each Update re-reads
// the files named as changed, resolves the site again, and replaces the
// pages whose content may differ. Which pages those are, it learns from
// the pages themselves: every render.Job declares the facts of the site
// model it shows (and records, as it renders, the terms it links to and
// the Markdown it rendered), and xref.DiffLanguages says which facts an
// edit changed. Live knows no page kind, path or link rule of its own, so a
// new kind of page or file needs no change here.
//
// What it keeps between updates, so that an edit costs what it changed:
// the parse of every file; an index of which rendered pages showed each
// fact (shownIndex), so that an edit of prose, in place, looks at the
// pages it makes stale and no others; and, for the edits that resolve
// the site again, what Resolve derived from each unchanged text
// (xref.Memo) and what each language's renderer made from unchanged
// templates and names (render.Memo). The property test (random edits,
// every page against a fresh build) fails when any of them is kept when
// it should not be.
//
// A site in several languages has a renderer and a search index for each
// (render.NewSite, as build.Generate); xref.DiffLanguages compares each
// language's view with its own, and a page declares what it shows of
// the other languages as facts of their views.
//
// Pages are rendered when first asked for (Get) or by RenderPending, so
// the page a reader waits for comes first.
//
// The files a Live serves are those build.Generate writes, with two
// differences that let a stylesheet or the search index change without
// every page changing: asset URLs carry no content hash, and pages name
// the search index search.StableNamesPath.
//
// Update calls are serialized; Get and RenderPending may run at any time
// on any goroutine.
package live

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nhimg/nhiglossary/internal/build"
	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/diag"
	"github.com/nhimg/nhiglossary/internal/par"
	"github.com/nhimg/nhiglossary/internal/render"
	"github.com/nhimg/nhiglossary/internal/search"
	"github.com/nhimg/nhiglossary/internal/xref"
)

// Live is a site kept in memory between edits.
type Live struct {
	fsys fs.FS
	opts build.Options

	mu        sync.Mutex // serializes Update and guards what follows
	started   bool
	cfg       content.Config
	cfgDiags  diag.List
	iface     map[string]map[string]string // the site's interface text (i18n/)
	listDiags diag.List
	files     map[string]*source // content files, by site path
	order     []string           // files' paths, sorted; nil when to be sorted again
	lastGood  *state             // the last state without errors; nil before one
	problems  diag.List          // every problem the site has now
	ok        bool               // the latest Update built
	err       error              // why it did not
	epoch     string             // names this run among others (a restarted server): see version
	gen       int64

	// Renders read the content; an edit of prose alone (see proseEdit)
	// writes a term in place, under the write lock.
	contentMu sync.RWMutex

	pages  atomic.Pointer[pageSet]
	assets atomic.Pointer[assetSet]
	search atomic.Pointer[searchBundle]

	shown      *shownIndex  // which rendered pages showed each fact
	renderMemo *render.Memo // what successive renderers share

	textMu sync.Mutex
	text   map[string]map[*content.Term]string // plain text of each rendered body, by language prefix
}

// source is one content file as last read.
type source struct {
	hash   [32]byte
	loaded content.Loaded
}

// state is one resolved, renderable site: every language of it, as
// build.Generate renders them.
type state struct {
	g     *xref.Graph        // the default language's
	gs    []*xref.Graph      // every language's, the default first
	rs    []*render.Renderer // one a language, as gs
	lists [][]render.Job     // every language's jobs, as rs
	n     int                // how many jobs lists has
	base  string             // URL path of the site

	// The jobs by output path, made when first needed: most edits need
	// only the lists.
	byPathOnce sync.Once
	byPath     map[string]render.Job
}

// each yields every job, in the renderers' order.
func (st *state) each() iter.Seq[render.Job] {
	return func(yield func(render.Job) bool) {
		for _, js := range st.lists {
			for _, j := range js {
				if !yield(j) {
					return
				}
			}
		}
	}
}

// jobs is every job by output path.
func (st *state) jobs() map[string]render.Job {
	st.byPathOnce.Do(func() {
		st.byPath = make(map[string]render.Job, st.n)
		for _, js := range st.lists {
			for _, j := range js {
				st.byPath[j.Path] = j
			}
		}
	})
	return st.byPath
}

// Change says what one Update did.
type Change struct {
	Diags diag.List // every problem the site has now
	// Err is build.ErrInvalid when Diags has errors (the pages stay as
	// the last good build left them), or a template or asset error; nil
	// otherwise.
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
	// Facts is how many facts of the site model changed.
	Facts int
	// InPlace is set when only prose changed and the site was not
	// resolved again (see proseEdit).
	InPlace  bool
	Terms    int
	Pending  int // pages not yet rendered
	Duration time.Duration
}

// Changed reports whether the browser has anything new to show.
func (c *Change) Changed() bool {
	return c.Full || len(c.Pages)+len(c.Removed)+len(c.Assets) > 0
}

// New returns a Live for the site in fsys. Nothing is read until the
// first Update.
func New(fsys fs.FS, opts build.Options) *Live {
	l := &Live{fsys: fsys, opts: opts, files: map[string]*source{}, text: map[string]map[*content.Term]string{}}
	l.opts.Memo = &xref.Memo{}
	l.shown = newShownIndex()
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
		ch.Diags = l.problems
		if l.lastGood != nil {
			ch.Terms = len(l.lastGood.g.Terms)
		}
		ch.Pending = l.pages.Load().pending()
	}()

	all := !l.started || changed == nil
	var tmplChanged, relist bool
	var files, assets []string
	for _, p := range changed {
		switch {
		case p == content.ConfigFile, strings.HasPrefix(p, content.I18nDir+"/"), p == content.I18nDir:
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
	if all || tmplChanged {
		// The templates, interface text or settings may differ.
		l.renderMemo = &render.Memo{}
	}
	if all {
		l.started = true
		if err := l.loadAssets(); err != nil {
			return l.fail(ch, err)
		}
		if err := l.loadAll(ctx); err != nil {
			return l.fail(ch, err)
		}
		return l.rebuild(ch, tmplChanged || l.lastGood == nil)
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
	if !tmplChanged && l.proseEdit(ch, changedFiles) {
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

// Base is the URL path the site's pages are under ("/" before a build).
func (l *Live) Base() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.lastGood == nil {
		return "/"
	}
	return l.lastGood.base
}

// Problems is every problem the site has now.
func (l *Live) Problems() diag.List {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.problems)
}

// loadAll reads the settings and every content file. When ctx ends
// first, the files are left as they were: a site read in part would
// take the files not read yet for deleted ones.
func (l *Live) loadAll(ctx context.Context) error {
	l.cfg, l.cfgDiags = content.LoadConfig(l.fsys)
	var more diag.List
	l.iface, more = content.LoadInterface(l.fsys, l.cfg)
	l.cfgDiags = append(l.cfgDiags, more...)
	paths, diags := content.AllFiles(l.fsys)
	l.listDiags = diags
	if err := ctx.Err(); err != nil {
		return err
	}
	read := make([]*source, len(paths))
	if err := par.Do(ctx, len(paths), func(_, i int) error {
		read[i], _ = l.read(paths[i], nil)
		return nil
	}); err != nil {
		return err
	}
	l.files = make(map[string]*source, len(paths))
	l.order = nil
	for i, p := range paths {
		if read[i] != nil { // nil: gone since it was listed
			l.files[p] = read[i]
		}
	}
	return nil
}

// read loads one content file; nil when it does not exist. unchanged is
// set when its bytes are those of prev. The file is read once: the hash
// is of the bytes parsed, so a file written since is read again when the
// watcher reports it.
func (l *Live) read(file string, prev *source) (src *source, unchanged bool) {
	data, err := fs.ReadFile(l.fsys, file)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, false
	case err != nil: // LoadFile says why, as the file's problem
		return &source{loaded: content.LoadFile(l.fsys, file, l.cfg)}, false
	}
	s := &source{hash: sha256.Sum256(data)}
	if prev != nil && prev.hash == s.hash {
		return prev, true
	}
	s.loaded = content.LoadData(file, data, l.cfg)
	return s, false
}

// reload re-reads the named content files (and, with relist, finds files
// added or removed under content/), and returns the paths whose content
// changed.
func (l *Live) reload(files []string, relist bool) []string {
	if relist {
		all, diags := content.AllFiles(l.fsys)
		l.listDiags = diags
		listed := map[string]bool{}
		for _, p := range all {
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
		if s == nil || prev == nil {
			l.order = nil // a file came or went
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

// rebuild assembles and resolves the site again and replaces the pages
// whose facts changed since the last good state: every page when full.
func (l *Live) rebuild(ch *Change, full bool) *Change {
	if l.order == nil {
		l.order = slices.Sorted(maps.Keys(l.files))
	}
	loaded := make([]content.Loaded, 0, len(l.order))
	for _, p := range l.order {
		loaded = append(loaded, l.files[p].loaded)
	}
	s, diags := content.Assemble(l.cfg, slices.Concat(l.cfgDiags, l.listDiags), loaded)
	s.Interface = l.iface
	opts := l.opts
	opts.ReportDraftLinks = true // the preview shows drafts, and what CI will reject
	gs, diags := build.Resolve(s, diags, opts)
	l.problems = diags
	if gs == nil {
		return l.fail(ch, build.ErrInvalid)
	}
	prev := l.lastGood
	full = full || prev == nil || prev.base != build.BasePath(gs[0])
	// The diff needs only the graphs: it runs while the renderers are made.
	var changes *xref.Changes
	var diffed sync.WaitGroup
	if !full {
		diffed.Go(func() { changes = xref.DiffLanguages(prev.gs, gs) })
	}
	next, err := l.newState(gs)
	diffed.Wait()
	if err != nil {
		return l.fail(ch, err)
	}
	if changes != nil {
		ch.Facts = changes.Len()
	}
	before := l.pages.Load()
	l.install(ch, next, changes)
	if prev != nil {
		ch.Moved = moves(prev, next, before, l.pages.Load(), ch.Pages, ch.Removed)
	}
	return ch
}

// newState makes the renderers of a resolved site, one a language
// (render.NewSite, as build.Generate), and their jobs.
func (l *Live) newState(gs []*xref.Graph) (*state, error) {
	base := build.BasePath(gs[0])
	urls := make([]render.Assets, len(gs))
	ropts := make([]render.Options, len(gs))
	for i, g := range gs {
		prefix := render.LangPrefix(g, i == 0)
		urls[i] = devAssetURLs(base)
		urls[i].SearchIndex = base + prefix + search.StableNamesPath
		keep := func(t *content.Term, text string) {
			l.textMu.Lock()
			if l.text[prefix] == nil {
				l.text[prefix] = map[*content.Term]string{}
			}
			l.text[prefix][t] = text
			l.textMu.Unlock()
		}
		ropts[i] = render.Options{Generator: l.opts.Generator, BodyText: keep, Memo: l.renderMemo}
	}
	rs, err := render.NewSite(gs, build.SiteTemplates(l.fsys, l.opts), urls, ropts)
	if err != nil {
		return nil, err
	}
	st := &state{g: gs[0], gs: gs, rs: rs, base: base}
	for _, r := range rs {
		js := r.Jobs()
		st.lists = append(st.lists, js)
		st.n += len(js)
	}
	return st, nil
}

// loadAssets reads the assets again (there are few).
func (l *Live) loadAssets() error {
	list, err := build.SiteAssets(l.fsys, l.opts)
	if err != nil {
		return err
	}
	set := &assetSet{data: map[string][]byte{}, version: map[string]string{}}
	for _, a := range list {
		sum := sha256.Sum256(a.Data)
		set.data[a.Name] = a.Data
		set.version[a.Name] = hex.EncodeToString(sum[:6])
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
		Theme: u("theme.js"), Main: u("main.js"), Search: u("search.js"), Favicon: u("favicon.svg"),
	}
}
