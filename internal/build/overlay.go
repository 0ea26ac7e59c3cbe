package build

import (
	"errors"
	"io/fs"
	"slices"
	"strings"
)

// overlay is an fs.FS that reads from upper first, then lower: a site's
// own templates/ and assets/ over the ones embedded in the binary.
type overlay struct{ upper, lower fs.FS }

// Overlay is the files of upper over those of lower, folders merged: a
// site with files it does not have yet (import checks the term files
// it would write).
func Overlay(upper, lower fs.FS) fs.FS { return overlay{upper, lower} }

func (o overlay) Open(name string) (fs.File, error) {
	if o.upper != nil {
		f, err := o.upper.Open(name)
		if err == nil {
			return f, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return o.lower.Open(name)
}

func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	var out []fs.DirEntry
	seen := map[string]bool{}
	var firstErr error
	for _, f := range []fs.FS{o.upper, o.lower} {
		if f == nil {
			continue
		}
		es, err := fs.ReadDir(f, name)
		if err != nil {
			firstErr = err
			continue
		}
		for _, e := range es {
			if !seen[e.Name()] {
				seen[e.Name()] = true
				out = append(out, e)
			}
		}
	}
	if len(seen) == 0 && firstErr != nil {
		return nil, firstErr
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}

// subdir returns fsys/dir, or nil when the site has no such folder.
func subdir(fsys fs.FS, dir string) fs.FS {
	if fi, err := fs.Stat(fsys, dir); err != nil || !fi.IsDir() {
		return nil
	}
	s, err := fs.Sub(fsys, dir)
	if err != nil {
		return nil
	}
	return s
}
