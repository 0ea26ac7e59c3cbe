package live

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/nhimg/nhiglossary"
	"github.com/nhimg/nhiglossary/internal/build"
	"github.com/nhimg/nhiglossary/internal/search"
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

type memSink struct {
	mu    sync.Mutex
	files map[string]string
}

func (s *memSink) WriteFile(name string, data []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.files[name] = string(data)
	return nil
}

func (s *memSink) Create(name string) (io.WriteCloser, error) {
	return &memFile{s: s, name: name}, nil
}

type memFile struct {
	s    *memSink
	name string
	b    bytes.Buffer
}

func (f *memFile) Write(p []byte) (int, error) { return f.b.Write(p) }
func (f *memFile) Close() error                { return f.s.WriteFile(f.name, f.b.Bytes()) }

var (
	assetHash = regexp.MustCompile(`\?v=[0-9a-f]+`)
	namesFile = regexp.MustCompile(`search/names\.[0-9a-f]+\.txt`)
)

// freshBuild is what `build --drafts` writes for the site in src, with
// the two documented differences of a Live site undone: asset URLs
// without a hash, and the search index under its fixed name.
func freshBuild(t testing.TB, src string) map[string]string {
	t.Helper()
	sink := &memSink{files: map[string]string{}}
	res, err := build.Generate(context.Background(), os.DirFS(src), liveOpts(), sink)
	if err != nil {
		t.Fatalf("build: %v\n%v", err, res.Diags)
	}
	out := map[string]string{}
	for p, s := range sink.files {
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
