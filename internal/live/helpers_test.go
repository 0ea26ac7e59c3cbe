package live

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/nhimg/nhiglossary"
	"github.com/nhimg/nhiglossary/internal/build"
	"github.com/nhimg/nhiglossary/internal/search"
	"github.com/nhimg/nhiglossary/internal/sinktest"
)

func liveOpts() build.Options {
	return build.Options{
		Templates: nhiglossary.Templates(), Assets: nhiglossary.Assets(), Generator: "nhiglossary test",
		Drafts: true, Dev: true, BaseURL: "http://127.0.0.1:1313/",
	}
}

// copySite copies a testdata site of internal/build to a temporary folder.
func copySite(t testing.TB, name string) string {
	t.Helper()
	dst := t.TempDir()
	if err := os.CopyFS(dst, os.DirFS(filepath.Join("..", "build", "testdata", name))); err != nil {
		t.Fatal(err)
	}
	return dst
}

var (
	assetHash = regexp.MustCompile(`\?v=[0-9a-f]+`)
	namesFile = regexp.MustCompile(`search/names\.[0-9a-f]+\.txt`)
)

// freshBuild is what `build --drafts` writes for the site in src, with
// the two documented differences of a Live site undone: asset URLs
// without a hash, and the search index under its fixed name.
func freshBuild(t testing.TB, src string) map[string]string {
	t.Helper()
	sink := sinktest.New()
	res, err := build.Generate(context.Background(), os.DirFS(src), liveOpts(), sink)
	if err != nil {
		t.Fatalf("build: %v\n%v", err, res.Diags)
	}
	out := map[string]string{}
	for p, s := range sink.Files() {
		s = assetHash.ReplaceAllString(s, "")
		s = namesFile.ReplaceAllString(s, search.StableNamesPath)
		if strings.HasSuffix(p, "search/text.txt") { // each language's
			first, rest, _ := strings.Cut(s, "\n")
			s = first[:strings.LastIndexByte(first, ' ')] + " 0\n" + rest
		}
		p = namesFile.ReplaceAllString(p, search.StableNamesPath)
		out[p] = s
	}
	return out
}
