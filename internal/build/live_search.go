package build

import (
	"bytes"
	"strings"
	"sync"

	"github.com/nhimg/nhiglossary/internal/render"
	"github.com/nhimg/nhiglossary/internal/search"
)

// searchAlias is the name pages of a Live site give the search index.
// search.js takes the index's version from the hash in that name and
// checks text.txt against it; a Live site serves the current names file
// under this fixed name, with a text.txt naming hash "0", so that the
// index can change without every page changing.
const searchAlias = "search/names.0.txt"

// searchBundle is the search index of one version of the site, built
// when first asked for: the full text needs every body rendered.
type searchBundle struct {
	l     *Live
	st    *state
	ps    *pageSet
	gen   int64
	once  sync.Once
	files map[string][]byte
}

func newSearchBundle(l *Live, st *state, ps *pageSet) *searchBundle {
	return &searchBundle{l: l, st: st, ps: ps, gen: l.gen}
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
	ix := search.New(b.st.g.Terms, render.SearchEntries(b.st.g)...)
	names := ix.NameFiles()
	text := ix.TextFiles(b.l.textOf)
	b.files = make(map[string][]byte, len(names)+len(text)+1)
	for _, f := range append(names, text...) {
		b.files[f.Path] = f.Data
	}
	b.files[searchAlias] = names[0].Data
	if m := b.files["search/text.txt"]; m != nil {
		first, rest, _ := bytes.Cut(m, []byte("\n"))
		f := strings.Fields(string(first))
		if len(f) == 3 {
			f[2] = "0"
		}
		b.files["search/text.txt"] = append([]byte(strings.Join(f, " ")+"\n"), rest...)
	}
}
