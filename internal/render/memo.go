package render

import (
	"sync"

	"github.com/nhimg/nhiglossary/internal/content"
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
	names   map[string]namesMade  // by language prefix, the last made
	paths   map[string]pathsMade  // by language prefix, the last made
}

// namesMade is a language's list of auto-link names, and each term's part
// of it: names[start[i]:start[i+1]] are terms[i]'s.
type namesMade struct {
	base  string // the URL path the links are under
	terms []*content.Term
	start []int32
	names []markdown.AutoName
}

// maxResync is how far eachSame looks ahead in the last list of terms
// for the next term.
const maxResync = 8

// eachSame calls f for each term of terms, in order, with where last has
// it as the same object (-1 if nowhere): most terms come in the last
// list's order, and a few came, went or moved (a renamed term's place
// in the order by title). Looking at the pointers alone, it reads no
// term: at 10,000 terms each read is a cache miss.
func eachSame(last, terms []*content.Term, f func(t *content.Term, k int)) {
	j := 0 // where the next term is looked for in last
	for _, t := range terms {
		k := -1
		for d := 0; d <= maxResync && j+d < len(last); d++ {
			if last[j+d] == t {
				k = j + d
				break
			}
		}
		if k >= 0 {
			j = k + 1
		}
		f(t, k)
	}
}

// termPaths are the paths of the files a term has: its page, its
// Markdown copy, its JSON.
type termPaths struct{ page, copy, json string }

// pathsMade are a language's terms' paths, paths[i] terms[i]'s.
type pathsMade struct {
	terms []*content.Term
	paths []termPaths
}

// termPaths gives the paths of terms' files, those of a term that was in
// the last list, as the same object (its slug is the same), as they were,
// the others by of: a renderer's job list, and the comparison of two
// lists of paths (strings that are the same are then one string), read no
// unchanged term.
func (m *Memo) termPaths(prefix string, terms []*content.Term, of func(*content.Term) termPaths) []termPaths {
	var last pathsMade
	if m != nil {
		m.mu.Lock()
		last = m.paths[prefix]
		m.mu.Unlock()
	}
	made := pathsMade{terms: terms, paths: make([]termPaths, 0, len(terms))}
	eachSame(last.terms, terms, func(t *content.Term, k int) {
		if k < 0 {
			made.paths = append(made.paths, of(t))
		} else {
			made.paths = append(made.paths, last.paths[k])
		}
	})
	if m != nil {
		keep(&m.mu, &m.paths, prefix, made)
	}
	return made.paths
}

// autoNames lists the auto-link names of terms, each term's by of: the
// last list's part for a term that was in it, as the same object (a term
// whose file is unchanged keeps its object; one edited in place changed
// only its prose, not its names), else made anew. The caller makes sure
// that a term's names depend on the term and base alone.
func (m *Memo) autoNames(prefix, base string, terms []*content.Term, of func([]markdown.AutoName, *content.Term) []markdown.AutoName) []markdown.AutoName {
	var last namesMade
	if m != nil {
		m.mu.Lock()
		last = m.names[prefix]
		m.mu.Unlock()
	}
	if last.base != base {
		last = namesMade{}
	}
	made := namesMade{base: base, terms: terms, start: make([]int32, 0, len(terms)+1), names: make([]markdown.AutoName, 0, len(last.names)+8)}
	eachSame(last.terms, terms, func(t *content.Term, k int) {
		made.start = append(made.start, int32(len(made.names)))
		if k < 0 {
			made.names = of(made.names, t)
		} else {
			made.names = append(made.names, last.names[last.start[k]:last.start[k+1]]...)
		}
	})
	made.start = append(made.start, int32(len(made.names)))
	if m != nil {
		keep(&m.mu, &m.names, prefix, made)
	}
	return made.names
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
	if m != nil {
		keep(&m.mu, &m.md, prefix, md)
	}
}

// keep stores v under prefix in the map *into, which mu guards, making
// the map first if need be.
func keep[T any](mu *sync.Mutex, into *map[string]T, prefix string, v T) {
	mu.Lock()
	defer mu.Unlock()
	if *into == nil {
		*into = map[string]T{}
	}
	(*into)[prefix] = v
}
