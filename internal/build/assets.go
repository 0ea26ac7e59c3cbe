package build

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/nhimg/nhiglossary/internal/markdown"
	"github.com/nhimg/nhiglossary/internal/render"
)

// asset is one file copied to assets/ in the site.
type asset struct {
	name string
	data []byte
}

// loadAssets reads every asset (site over embedded) and adds the generated
// highlighting stylesheet. Dotfiles and editor leftovers are skipped.
func loadAssets(fsys fs.FS) ([]asset, error) {
	var out []asset
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if p != "." && (strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~")) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		out = append(out, asset{p, b})
		return nil
	})
	if err != nil {
		return nil, err
	}
	out = append(out, asset{"chroma.css", []byte(markdown.ChromaCSS())})
	return out, nil
}

// assetURLs gives each known asset a URL with a content hash, so that a
// long cache lifetime never serves a stale file after a rebuild.
func assetURLs(base string, assets []asset) render.Assets {
	url := map[string]string{}
	for _, a := range assets {
		sum := sha256.Sum256(a.data)
		url[a.name] = base + "assets/" + a.name + "?v=" + hex.EncodeToString(sum[:4])
	}
	get := func(name string) string {
		if u, ok := url[name]; ok {
			return u
		}
		return base + "assets/" + path.Clean(name)
	}
	return render.Assets{
		Style: get("style.css"), Chroma: get("chroma.css"), Print: get("print.css"),
		Theme: get("theme.js"), Main: get("main.js"), Search: get("search.js"), Favicon: get("favicon.svg"),
	}
}

// Asset is one file of the site's assets/ folder, by its name there.
type Asset struct {
	Name string
	Data []byte
}

// SiteAssets reads the site's assets over the embedded ones, as Generate
// writes them.
func SiteAssets(site fs.FS, opts Options) ([]Asset, error) {
	list, err := loadAssets(overlay{subdir(site, "assets"), opts.Assets})
	if err != nil {
		return nil, fmt.Errorf("assets: %w", err)
	}
	out := make([]Asset, len(list))
	for i, a := range list {
		out[i] = Asset{a.name, a.data}
	}
	return out, nil
}

// SiteTemplates is the site's templates over the embedded ones.
func SiteTemplates(site fs.FS, opts Options) fs.FS {
	return overlay{subdir(site, "templates"), opts.Templates}
}
