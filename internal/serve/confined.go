package serve

import (
	"io/fs"
	"path"
)

// confined is a site folder opened with os.Root, which refuses to follow
// a symbolic link out of the folder. Such a link is left out of listings
// too: a build that listed it would fail on a file it can never read.
type confined struct {
	fsys    fs.FS // os.Root's FS
	skipped func(name string)
}

func (c confined) Open(name string) (fs.File, error) { return c.fsys.Open(name) }

func (c confined) ReadFile(name string) ([]byte, error) { return fs.ReadFile(c.fsys, name) }

func (c confined) Stat(name string) (fs.FileInfo, error) { return fs.Stat(c.fsys, name) }

func (c confined) ReadDir(name string) ([]fs.DirEntry, error) {
	es, err := fs.ReadDir(c.fsys, name)
	out := es[:0]
	for _, e := range es {
		if e.Type()&fs.ModeSymlink != 0 {
			if _, err := fs.Stat(c.fsys, path.Join(name, e.Name())); err != nil {
				c.skipped(path.Join(name, e.Name()))
				continue
			}
		}
		out = append(out, e)
	}
	return out, err
}
