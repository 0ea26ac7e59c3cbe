// Package sitetest loads and resolves small sites for the tests of the
// packages that take a resolved site (render, llms, termjson, skos).
package sitetest

import (
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/diag"
	"github.com/nhimg/nhiglossary/internal/xref"
)

// Resolve loads the site in fsys and resolves its default language, as
// a build without drafts does. diags holds the problems of both steps;
// g is nil when they hold an error.
func Resolve(fsys fs.FS) (g *xref.Graph, diags diag.List) {
	s, diags := content.Load(fsys)
	g, more := xref.Resolve(s, xref.Options{})
	diags = append(diags, more...)
	if diags.HasErrors() {
		return nil, diags
	}
	return g, diags
}

// MustResolve is Resolve, failing t on an error.
func MustResolve(t testing.TB, fsys fs.FS) *xref.Graph {
	t.Helper()
	g, diags := Resolve(fsys)
	if g == nil {
		t.Fatal(diags)
	}
	return g
}

// MustResolveLanguages loads the site in fsys and resolves every
// language (xref.ResolveLanguages), failing t on an error.
func MustResolveLanguages(t testing.TB, fsys fs.FS) []*xref.Graph {
	t.Helper()
	s, diags := content.Load(fsys)
	gs, more := xref.ResolveLanguages(s, xref.Options{})
	if diags = append(diags, more...); diags.HasErrors() {
		t.Fatal(diags)
	}
	return gs
}

// FS is a site of files given by path and text.
func FS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for path, text := range files {
		fsys[path] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}
