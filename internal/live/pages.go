package live

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/nhimg/nhiglossary/internal/par"
	"github.com/nhimg/nhiglossary/internal/render"
	"github.com/nhimg/nhiglossary/internal/xref"
)

// pageSet is every output file of one version of the site. It is never
// changed once published: an update makes a new set that shares the
// pages it did not touch.
type pageSet struct {
	byPath map[string]*page
	// todo are the pages not rendered when the set was made (some may
	// be by now): an update and the background renders look at these,
	// not at every page.
	todo map[string]*page
}

// add puts a page not rendered yet in the set being made.
func (ps *pageSet) add(path string, p *page) {
	ps.byPath[path] = p
	if ps.todo == nil {
		ps.todo = map[string]*page{}
	}
	ps.todo[path] = p
}

func (ps *pageSet) pending() int {
	n := 0
	for _, p := range ps.todo {
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
	once sync.Once
	// started is set when a render begins, done when it ended (and the
	// page, if still current, is indexed).
	started, done atomic.Bool
	data          []byte
	err           error
	// What the file showed as it rendered (see render.Deps); mentions is
	// its Markdown, in the view of lang.
	facts    []xref.Fact
	mentions xref.MentionText
	lang     string
}

// withJob is the rendered page p, done, as next's job j renders it (j
// shows what p's job showed).
func (p *page) withJob(j render.Job) *page {
	q := &page{gen: p.gen, job: j, data: p.data, err: p.err, facts: p.facts, mentions: p.mentions, lang: p.lang}
	q.once.Do(func() {})
	q.started.Store(true)
	q.done.Store(true)
	return q
}

func (p *page) render(l *Live) ([]byte, error) {
	p.once.Do(func() {
		p.started.Store(true)
		// Under the read lock until done: an edit in place (proseEdit)
		// writes a term once no render reads it, and then takes a page
		// not done for one that renders the new text.
		l.contentMu.RLock()
		defer l.contentMu.RUnlock()
		var b bytes.Buffer
		deps, err := p.job.RenderDeps(&b)
		// Kept at its length: a buffer grown by doubling holds a third
		// more, 170 MB of a 10k preview's pages.
		p.data, p.err = bytes.Clone(b.Bytes()), err
		p.facts, p.lang = deps.Facts, deps.Lang
		if len(deps.Markdown) > 0 {
			p.mentions = xref.NewMentionText(strings.Join(deps.Markdown, "\n"))
		}
		// Indexed as it is marked done, at once for install (see
		// shownIndex), and only while current: a page of an older set,
		// rendering for a request that still held that set, would put
		// its facts in place of its successor's. install publishes the
		// new set under the same lock, so current is current.
		l.shown.mu.Lock()
		defer l.shown.mu.Unlock()
		if l.pages.Load().byPath[p.job.Path] == p {
			l.shown.add(p)
		}
		p.done.Store(true)
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
	p := l.pages.Load().byPath[path]
	if p == nil {
		b := l.search.Load()
		if b == nil {
			return File{}, fmt.Errorf("%s: %w", path, fs.ErrNotExist)
		}
		data, ok := b.get(path)
		if !ok {
			return File{}, fmt.Errorf("%s: %w", path, fs.ErrNotExist)
		}
		return File{Data: data, Version: l.version(b.gen)}, nil
	}
	return l.getPage(path, p)
}

// getPage is Get's render of p, the page it looked up at path.
func (l *Live) getPage(path string, p *page) (File, error) {
	for {
		data, err := p.render(l)
		// An update may have replaced p after it was looked up and
		// before it began, by a page of the same version (install keeps
		// the version of a page it thinks unserved). p's bytes are then
		// the old site's: served under that version, a browser showing
		// them would never reload. The page now current renders instead.
		cur := l.pages.Load().byPath[path]
		if cur == nil || cur == p || cur.gen != p.gen {
			return File{Data: data, Version: l.version(p.gen)}, err
		}
		p = cur
	}
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
// first, then the others, each group in path order.
func (l *Live) RenderPending(ctx context.Context) {
	ps := l.pages.Load()
	var todo []*page
	for _, p := range ps.todo {
		if !p.done.Load() {
			todo = append(todo, p)
		}
	}
	slices.SortFunc(todo, func(a, b *page) int {
		if (a.job.Term != nil) != (b.job.Term != nil) {
			if a.job.Term != nil {
				return -1
			}
			return 1
		}
		return strings.Compare(a.job.Path, b.job.Path)
	})
	par.Do(ctx, len(todo), func(_, i int) error {
		if l.pages.Load() != ps {
			return errReplaced
		}
		todo[i].render(l)
		return nil
	})
}

var errReplaced = errors.New("an update replaced the pages")

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
