// Package nhiglossary holds the files shipped inside the binary: the
// default templates and assets. A site's own templates/ and assets/
// folders override them file by file.
package nhiglossary

import (
	"embed"
	"io/fs"
)

//go:embed templates assets
var files embed.FS

// Templates is the embedded templates/ folder.
func Templates() fs.FS { return sub("templates") }

// Assets is the embedded assets/ folder.
func Assets() fs.FS { return sub("assets") }

func sub(dir string) fs.FS {
	f, err := fs.Sub(files, dir)
	if err != nil {
		panic(err) // the folder is embedded above: this cannot happen
	}
	return f
}
