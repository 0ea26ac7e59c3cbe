package live

import (
	"sync"

	"github.com/nhimg/nhiglossary/internal/render"
	"github.com/nhimg/nhiglossary/internal/search"
	"github.com/nhimg/nhiglossary/internal/xref"
)

// searchBundle is the search index of one version of the site, built
// when first asked for: the full text needs every body rendered.
type searchBundle struct {
	l     *Live
	g     *xref.Graph
	ps    *pageSet
	gen   int64
	once  sync.Once
	files map[string][]byte
}

func (b *searchBundle) get(path string) ([]byte, bool) {
	b.once.Do(b.build)
	d, ok := b.files[path]
	return d, ok
}

func (b *searchBundle) paths() []string {
	b.once.Do(b.build)
	out := make([]string, 0, len(b.files))
	for p := range b.files {
		out = append(out, p)
	}
	return out
}

func (b *searchBundle) build() {
	for _, p := range b.ps.byPath {
		if p.job.Term != nil {
			p.render(b.l) // its text is known from then on
		}
	}
	b.l.contentMu.RLock()
	defer b.l.contentMu.RUnlock()
	ix := search.NewStable(b.g.Terms, render.SearchEntries(b.g)...)
	names := ix.NameFiles()
	text := ix.TextFiles(b.l.textOf)
	b.files = make(map[string][]byte, len(names)+len(text))
	for _, f := range append(names, text...) {
		b.files[f.Path] = f.Data
	}
}
