package render

import (
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/nhimg/nhiglossary/internal/i18n"
)

// PageKinds are the page templates a site has. Each is parsed into its
// own set with base.html and partials.html, so that one page's {{define}}
// never collides with another's.
var PageKinds = []string{
	"home", "terms", "term", "redirect", "frameworks", "framework", "matrix",
	"incidents", "incident", "taxonomies", "taxonomy", "search", "404",
	"disambiguation", "hierarchy",
}

type templates struct {
	sets map[string]*template.Template
	// shared is base.html and partials.html alone: the fragments many
	// pages share (cards, links, breadcrumbs...) come from it, so a
	// {{define}} in one page kind's file never reaches another's pages.
	shared *template.Template
	// ids are, by page kind, the fixed ids its files write (id="sources"),
	// which the ids of Markdown headings must avoid.
	ids map[string]map[string]bool
}

// fixedIDRE matches an id attribute whose value is plain text, not an
// action: id="{{.Anchor}}" and id="source-{{.N}}" are made elsewhere.
var fixedIDRE = regexp.MustCompile(`\sid="([^"{]+)"`)

// isSourceID reports whether id is one of the "sources" partial's
// id="source-N": a heading "Source 2" must not take it.
func isSourceID(id string) bool {
	n, ok := strings.CutPrefix(id, "source-")
	return ok && n != "" && strings.Trim(n, "0123456789") == ""
}

// funcs are the template functions of one language's pages: "t" and
// "tf" look up its interface text (see package i18n), "date" writes a
// date as its readers do ("May 16, 2026", "16. Mai 2026").
func funcs(text *i18n.Text) template.FuncMap {
	script := scriptText(text)
	return template.FuncMap{
		"scripttext": func() string { return script },
		"date":       text.Date,
		"isodate": func(t time.Time) string {
			return t.Format("2006-01-02")
		},
		"join": strings.Join,
		"year": func(t time.Time) int { return t.Year() },
		"t":    text.T,
		"tf": func(key string, args ...any) string {
			ss := make([]string, len(args))
			for i, a := range args {
				ss[i] = fmt.Sprint(a)
			}
			return text.Tf(key, ss...)
		},
	}
}

// ParseTemplates reports the first mistake in the templates of tmplFS
// (layered as for New) that shows without a site: one that does not
// parse or that html/template cannot escape, which New reports too,
// whether or not a page uses it. check asks it when the content has
// errors, so that a template's mistake is not found only after those
// are mended; a mistake in what a template reads of a page shows only
// when pages render.
func ParseTemplates(tmplFS fs.FS) error {
	_, err := parseTemplates(tmplFS, i18n.New("en", nil))
	return err
}

// parseTemplates reads base.html, partials.html and one file per kind.
func parseTemplates(fsys fs.FS, text *i18n.Text) (*templates, error) {
	funcs := funcs(text)
	esc := escapers()
	base, err := readTemplate(fsys, "base.html")
	if err != nil {
		return nil, err
	}
	partials, err := readTemplate(fsys, "partials.html")
	if err != nil {
		return nil, err
	}
	t := &templates{sets: map[string]*template.Template{}, ids: map[string]map[string]bool{}}
	for _, kind := range append([]string{""}, PageKinds...) {
		files := []struct{ name, text string }{{"base.html", base}, {"partials.html", partials}}
		if kind != "" {
			page, err := readTemplate(fsys, kind+".html")
			if err != nil {
				return nil, err
			}
			files = append(files, struct{ name, text string }{kind + ".html", page})
		}
		// The root is unnamed: html/template resets a root that a file
		// of the same name is later parsed into, funcs and all.
		set := template.New("").Funcs(funcs)
		for _, src := range files {
			if _, err := set.New(src.name).Parse(src.text); err != nil {
				return nil, templateError(err)
			}
		}
		entries := pageEntries
		if kind == "" {
			entries = sharedEntries
		}
		if err := prepare(set, text, esc, entries); err != nil {
			return nil, err
		}
		if kind == "" {
			t.shared = set
			continue
		}
		t.sets[kind] = set
		ids := map[string]bool{}
		for _, src := range files {
			for _, m := range fixedIDRE.FindAllStringSubmatch(src.text, -1) {
				ids[m[1]] = true
			}
		}
		t.ids[kind] = ids
	}
	return t, nil
}

func readTemplate(fsys fs.FS, name string) (string, error) {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return "", fmt.Errorf("templates/%s: %w", name, err)
	}
	return string(b), nil
}

func (t *templates) execute(w io.Writer, kind string, data any) error {
	set, ok := t.sets[kind]
	if !ok {
		return fmt.Errorf("no template for %q pages", kind)
	}
	if err := set.ExecuteTemplate(w, "base.html", data); err != nil {
		return fmt.Errorf("templates/%s.html: %w", kind, err)
	}
	return nil
}

// templateError names the file the way editors know it: the template
// package says "template: term.html:12: ...", editors know
// templates/term.html.
func templateError(err error) error {
	if rest, ok := strings.CutPrefix(err.Error(), "template: "); ok {
		return fmt.Errorf("templates/%s", rest)
	}
	return err
}

// executeShared runs one {{define}}d template of base.html or
// partials.html.
func (t *templates) executeShared(w io.Writer, name string, data any) error {
	if !slices.Contains(sharedEntries, name) {
		return unprepared(name)
	}
	return t.shared.ExecuteTemplate(w, name, data)
}

// unprepared is the error of running a template that is no entry: its
// first run would escape it after the phrases were folded (see prepare).
func unprepared(name string) error {
	return fmt.Errorf("template %q is not run by name: add it to the entries of render/fold.go", name)
}

// defines reports whether a page kind's set defines name.
func (t *templates) defines(kind, name string) bool {
	set, ok := t.sets[kind]
	return ok && set.Lookup(name) != nil
}

// executeNamed runs one {{define}}d template of a page kind's set.
func (t *templates) executeNamed(w io.Writer, kind, name string, data any) error {
	set, ok := t.sets[kind]
	if !ok {
		return fmt.Errorf("no template for %q pages", kind)
	}
	if !slices.Contains(pageEntries, name) {
		return unprepared(name)
	}
	return set.ExecuteTemplate(w, name, data)
}
