package live

import (
	"sync"

	"github.com/nhimg/nhiglossary/internal/render"
	"github.com/nhimg/nhiglossary/internal/search"
)

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
	b.files = map[string][]byte{}
	// One index a language, under its prefix, as build.Generate writes.
	for i, g := range b.st.gs {
		lang, prefix := "", b.st.rs[i].Prefix()
		if len(b.st.gs) > 1 { // as build.Generate: a one-language site folds as before
			lang = g.Lang()
		}
		ix := search.NewStable(g.Terms, lang, render.SearchEntries(g)...)
		// Only the bodies this language rendered, as in a build: an
		// untranslated term has its page, and its text, in the original's.
		tx := ix.NewText()
		b.l.textMu.Lock()
		for t, body := range b.l.text[prefix] {
			tx.Add(t, body)
		}
		b.l.textMu.Unlock()
		for _, f := range append(ix.NameFiles(), tx.Files()...) {
			b.files[prefix+f.Path] = f.Data
		}
	}
}
