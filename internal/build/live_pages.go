package build

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/render"
)

func hashOf(b []byte) [32]byte { return sha256.Sum256(b) }

// pageSet is every output file of one version of the site. It is never
// changed once published: an update makes a new set that shares the
// pages it did not touch.
type pageSet struct {
	byPath map[string]*page
}

func (ps *pageSet) pending() int {
	n := 0
	for _, p := range ps.byPath {
		if !p.done.Load() {
			n++
		}
	}
	return n
}

// page is one output file, rendered at most once, when first needed.
type page struct {
	gen  int64 // the update that last changed it
	job  render.Job
	st   *state
	once sync.Once
	done atomic.Bool
	data []byte
	err  error
	// links are the output paths of the term, incident and framework
	// pages this page links to: what it shows of other pages.
	links []string
}

func (l *Live) newPage(j render.Job, st *state, gen int64) *page {
	return &page{gen: gen, job: j, st: st}
}

// fresh is false for a page whose render failed: it always renders again.
func (p *page) fresh() bool { return !p.done.Load() || p.err == nil }

func (p *page) render(l *Live) ([]byte, error) {
	p.once.Do(func() {
		l.contentMu.RLock()
		defer l.contentMu.RUnlock()
		defer p.done.Store(true)
		p.data, p.err = p.job.Render()
		if p.err != nil {
			return
		}
		if strings.HasSuffix(p.job.Path, ".html") {
			p.links = pageLinks(p.data, p.st.base)
		}
	})
	return p.data, p.err
}

// File is one file of the site.
type File struct {
	Data []byte
	// Version changes whenever Data may have: a browser that loaded a
	// page at one version and hears of another reloads.
	Version string
}

// Get returns the file at an output path ("index.html",
// "terms/api-key/index.html", "assets/style.css"), rendering it first if
// it was not yet. The error wraps fs.ErrNotExist when there is no such
// file, and is the render's error when rendering failed.
func (l *Live) Get(path string) (File, error) {
	if name, ok := strings.CutPrefix(path, "assets/"); ok {
		set := l.assets.Load()
		data, ok := set.data[name]
		if !ok {
			return File{}, fmt.Errorf("%s: %w", path, fs.ErrNotExist)
		}
		return File{Data: data, Version: set.version[name]}, nil
	}
	if strings.HasPrefix(path, "search/") && path != "search/index.html" {
		b := l.search.Load()
		if b == nil {
			return File{}, fmt.Errorf("%s: %w", path, fs.ErrNotExist)
		}
		data, ok := b.get(path)
		if !ok {
			return File{}, fmt.Errorf("%s: %w", path, fs.ErrNotExist)
		}
		return File{Data: data, Version: l.epoch + "." + strconv.FormatInt(b.gen, 10)}, nil
	}
	p := l.pages.Load().byPath[path]
	if p == nil {
		return File{}, fmt.Errorf("%s: %w", path, fs.ErrNotExist)
	}
	data, err := p.render(l)
	return File{Data: data, Version: l.version(p.gen)}, err
}

// Version is the version of the page at an output path now, "" when there
// is none; Get returns the same for the same page.
func (l *Live) Version(path string) string {
	p := l.pages.Load().byPath[path]
	if p == nil {
		return ""
	}
	return l.version(p.gen)
}

func (l *Live) version(gen int64) string { return l.epoch + "." + strconv.FormatInt(gen, 10) }

// RenderPending renders the pages not rendered yet, on every core, until
// they are all done, ctx ends or an Update replaces them. Term pages go
// first; the site-wide files, the largest, last.
func (l *Live) RenderPending(ctx context.Context) {
	ps := l.pages.Load()
	var todo []*page
	for _, p := range ps.byPath {
		if !p.done.Load() {
			todo = append(todo, p)
		}
	}
	rank := func(p *page) int {
		switch {
		case p.job.Term != nil:
			return 0
		case isGlobal(p.job.Path):
			return 2
		}
		return 1
	}
	slices.SortFunc(todo, func(a, b *page) int {
		if d := rank(a) - rank(b); d != 0 {
			return d
		}
		return strings.Compare(a.job.Path, b.job.Path)
	})
	work := make(chan *page)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for p := range work {
				p.render(l)
			}
		})
	}
	for _, p := range todo {
		if ctx.Err() != nil || l.pages.Load() != ps {
			break
		}
		work <- p
	}
	close(work)
	wg.Wait()
}

// Pending is how many pages are not rendered yet.
func (l *Live) Pending() int { return l.pages.Load().pending() }

// RenderErrors lists the pages whose render failed, with why.
func (l *Live) RenderErrors() []error {
	var errs []error
	for path, p := range l.pages.Load().byPath {
		if p.done.Load() && p.err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", path, p.err))
		}
	}
	slices.SortFunc(errs, func(a, b error) int { return strings.Compare(a.Error(), b.Error()) })
	return errs
}

// Paths lists every output file of the site now, pages, assets and the
// search index, sorted.
func (l *Live) Paths() []string {
	var out []string
	for path := range l.pages.Load().byPath {
		out = append(out, path)
	}
	for name := range l.assets.Load().data {
		out = append(out, "assets/"+name)
	}
	if b := l.search.Load(); b != nil {
		out = append(out, b.paths()...)
	}
	slices.Sort(out)
	return out
}

// pageLinks finds the term, incident and framework pages an HTML page
// links to (href="BASEterms/SLUG/..."), as output paths, sorted.
func pageLinks(html []byte, base string) []string {
	needle := []byte(`href="` + base)
	var out []string
	for {
		i := bytes.Index(html, needle)
		if i < 0 {
			break
		}
		html = html[i+len(needle):]
		end := bytes.IndexAny(html, "\"#?")
		if end < 0 {
			break
		}
		u := html[:end]
		for _, kind := range [...]string{"terms/", "incidents/", "frameworks/"} {
			rest, ok := bytes.CutPrefix(u, []byte(kind))
			if !ok {
				continue
			}
			if slash := bytes.IndexByte(rest, '/'); slash > 0 && slash == len(rest)-1 {
				out = append(out, kind+string(rest[:slash])+"/index.html")
			}
			break
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// lockContent takes the content for writing if no render holds it within
// wait; renders are short, but a site-wide file may take a while, and
// the caller then takes the longer way instead of waiting.
func (l *Live) lockContent(wait time.Duration) bool {
	deadline := time.Now().Add(wait)
	for !l.contentMu.TryLock() {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(100 * time.Microsecond)
	}
	return true
}

func (l *Live) textOf(t *content.Term) string {
	l.textMu.Lock()
	defer l.textMu.Unlock()
	return l.text[t]
}

// The output paths of entities' pages.
func termPath(slug string) string     { return "terms/" + slug + "/index.html" }
func incidentPath(slug string) string { return "incidents/" + slug + "/index.html" }
func frameworkPath(id string) string  { return "frameworks/" + id + "/index.html" }
func isRedirect(j render.Job) bool    { return j.Term == nil && isEntityPage(j.Path, "terms") }
func isEntityPage(p, kind string) bool {
	return strings.HasPrefix(p, kind+"/") && strings.Count(p, "/") == 2
}

// configOnly are the files that show nothing of the content: they change
// with the settings and templates only, which rebuild everything.
var configOnly = map[string]bool{"robots.txt": true, "opensearch.xml": true, "404.html": true, "search/index.html": true}

// isGlobal reports whether a file lists the site as a whole (home, the
// A-Z, the indexes, feed, sitemap, API): any change to a term may change it.
func isGlobal(p string) bool {
	if configOnly[p] {
		return false
	}
	if p == "frameworks/matrix/index.html" {
		return true
	}
	for _, kind := range [...]string{"terms", "incidents", "frameworks", "tags", "categories"} {
		if isEntityPage(p, kind) {
			return false
		}
	}
	return true
}
