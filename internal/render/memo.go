package render

import (
	"sync"

	"github.com/nhimg/nhiglossary/internal/markdown"
)

// A Memo keeps what the renderers of successive versions of one site
// make alike, for a live preview that makes new renderers after each
// edit: each language's parsed templates, its pages' chrome, and its
// Markdown renderer (whose auto-link table markdown.New derives the next
// one's from).
// It serves one set of templates, interface text and settings: make a
// new Memo when any of those changes. It is safe for concurrent use.
type Memo struct {
	mu   sync.Mutex
	tmpl map[string]*templates         // by language prefix
	md   map[string]*markdown.Renderer // by language prefix, the last made
	// chrome is the last made for each language: a site with no term
	// has no feed to link to.
	chromes map[string]chromeMade // by language prefix
}

// chromeKey is what a language's chrome shows besides the settings.
type chromeKey struct {
	prefix string
	assets Assets
	nav    Nav
}

type chromeMade struct {
	key    chromeKey
	chrome map[string]Chrome
}

// chrome returns the chrome for key, made again when the last was for
// another. The map must not be changed.
func (m *Memo) chrome(key chromeKey, build func() (map[string]Chrome, error)) (map[string]Chrome, error) {
	if m == nil {
		return build()
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if c, ok := m.chromes[key.prefix]; ok && c.key == key {
		return c.chrome, nil
	}
	c, err := build()
	if err != nil {
		return nil, err
	}
	if m.chromes == nil {
		m.chromes = map[string]chromeMade{}
	}
	m.chromes[key.prefix] = chromeMade{key, c}
	return c, nil
}

// templates returns the language's parsed templates, parsing them the
// first time.
func (m *Memo) templates(prefix string, parse func() (*templates, error)) (*templates, error) {
	if m == nil {
		return parse()
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if t := m.tmpl[prefix]; t != nil {
		return t, nil
	}
	t, err := parse()
	if err != nil {
		return nil, err
	}
	if m.tmpl == nil {
		m.tmpl = map[string]*templates{}
	}
	m.tmpl[prefix] = t
	return t, nil
}

// markdown is the language's last Markdown renderer; nil if none.
func (m *Memo) markdown(prefix string) *markdown.Renderer {
	if m == nil {
		return nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.md[prefix]
}

func (m *Memo) keepMarkdown(prefix string, md *markdown.Renderer) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.md == nil {
		m.md = map[string]*markdown.Renderer{}
	}
	m.md[prefix] = md
}
