// Package scaffold holds what `nhiglossary init` and `nhiglossary new`
// write for an editor to fill in: a starter site, and one new term,
// incident or framework with every field present or commented.
package scaffold

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"text/template"
)

//go:embed starter
var starter embed.FS

// Fields fill in a scaffold. Title is the title as YAML reads it back
// (quoted where needed); Plain the same title for prose; Date today's
// date as YYYY-MM-DD.
type Fields struct {
	Title, Plain, Date string
}

// starterFiles is the starter site's files, slash-separated paths
// relative to the site, in a fixed order, each with its text for date.
func starterFiles(date string) ([]File, error) {
	var files []File
	err := fs.WalkDir(starter, "starter", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := starter.ReadFile(p)
		if err != nil {
			return err
		}
		t, err := template.New(p).Parse(string(b))
		if err != nil {
			return err
		}
		var out strings.Builder
		if err := t.Execute(&out, Fields{Date: date}); err != nil {
			return err
		}
		files = append(files, File{Path: strings.TrimPrefix(p, "starter/"), Text: out.String()})
		return nil
	})
	return files, err
}

// File is one file a scaffold writes.
type File struct {
	Path string // slash-separated, relative to the site
	Text string
}

// Init writes the starter site into dir (made if missing) and returns
// the paths it wrote. dir must hold no site yet (no nhiglossary.yaml and
// no content/ folder); Init never overwrites a file, and writes nothing
// when any of its files is already there.
func Init(dir, date string) ([]string, error) {
	for _, marker := range []string{"nhiglossary.yaml", "nhiglossary.yml", "content"} {
		if _, err := os.Lstat(filepath.Join(dir, marker)); err == nil {
			return nil, fmt.Errorf("%s already holds a site (it has %s): choose an empty folder", dir, marker)
		}
	}
	files, err := starterFiles(date)
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(f.Path))); err == nil {
			return nil, fmt.Errorf("%s already exists: not overwriting it", filepath.Join(dir, filepath.FromSlash(f.Path)))
		}
	}
	var written []string
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return written, err
		}
		if err := WriteNew(p, f.Text); err != nil {
			return written, err
		}
		written = append(written, p)
	}
	return written, nil
}

// WriteNew writes a file that must not exist yet: O_EXCL, so an editor's
// file is never overwritten, even one made a moment ago.
func WriteNew(p, text string) error {
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return fmt.Errorf("%s already exists; edit it, or choose another title", p)
	}
	if err != nil {
		return err
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		os.Remove(p) // a half-written scaffold helps nobody
		return err
	}
	return f.Close()
}

// Kinds are what `new` makes: the folder of each kind's files, its
// extension, and its scaffold.
var Kinds = map[string]Kind{
	"term":      {Dir: "content/terms", Ext: ".md", tmpl: termScaffold},
	"incident":  {Dir: "content/incidents", Ext: ".md", tmpl: incidentScaffold},
	"framework": {Dir: "content/frameworks", Ext: ".yaml", tmpl: frameworkScaffold},
}

// Kind is one kind of file `new` writes.
type Kind struct {
	Dir, Ext string
	tmpl     *template.Template
}

// Path is where a file of this kind named slug goes, relative to the site.
func (k Kind) Path(slug string) string { return path.Join(k.Dir, slug+k.Ext) }

// Text is the scaffold filled in with f.
func (k Kind) Text(f Fields) (string, error) {
	var b strings.Builder
	err := k.tmpl.Execute(&b, f)
	return b.String(), err
}
