package benchcorpus

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// digest hashes every file's path and bytes, in path order.
func digest(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		fmt.Fprintf(h, "./%s\n", filepath.ToSlash(rel))
		h.Write(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// The digests are those of the Python generator the published benchmarks
// used (gencorpus.py --terms 200 [--hugo], hashed the same way), so
// numbers measured on either corpus compare.
func TestSameBytesAsThePythonGenerator(t *testing.T) {
	for _, tc := range []struct {
		hugo bool
		want string
	}{
		{false, "dddb6a3ed6d0e221eaacb09b9c6993daa6f033232e1bbf43361e198a1efda35c"},
		{true, "817ef7db16a0138f7aed15ae56592e902def8192105bc803080f304e6bab768b"},
	} {
		dir := filepath.Join(t.TempDir(), "corpus")
		if err := Write(dir, Options{Terms: 200, Hugo: tc.hugo}); err != nil {
			t.Fatal(err)
		}
		if got := digest(t, dir); got != tc.want {
			t.Errorf("hugo=%v: digest %s, want %s", tc.hugo, got, tc.want)
		}
		// Writing again over the first corpus gives the same bytes.
		if err := Write(dir, Options{Terms: 200, Hugo: tc.hugo}); err != nil {
			t.Fatal(err)
		}
		if got := digest(t, dir); got != tc.want {
			t.Errorf("hugo=%v, second write: digest %s, want %s", tc.hugo, got, tc.want)
		}
	}
}

func TestRefusesAFolderThatIsNotACorpus(t *testing.T) {
	dir := t.TempDir()
	keep := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(keep, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := Write(dir, Options{Terms: 10})
	if err == nil || !strings.Contains(err.Error(), "not replacing") {
		t.Fatalf("err = %v, want a refusal", err)
	}
	if _, err := os.Stat(keep); err != nil {
		t.Errorf("the folder's file is gone: %v", err)
	}
}

// bench-search.sh's corpus: three terms with initials-and-X
// abbreviations, spread over the A-Z order, each once.
func TestAbbreviations(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "corpus")
	if err := Write(dir, Options{Terms: 200, Abbreviations: 3}); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "content/terms/*.md"))
	var got []string
	for _, f := range files {
		b, _ := os.ReadFile(f)
		if strings.Count(string(b), "\nabbreviations: [") > 1 {
			t.Errorf("%s: two abbreviation lines", f)
		}
		if _, rest, ok := strings.Cut(string(b), "---\nabbreviations: ["); ok {
			abbr, _, _ := strings.Cut(rest, "]")
			got = append(got, filepath.Base(f)+"="+abbr)
		}
	}
	if len(got) != 3 {
		t.Fatalf("abbreviations: %v, want 3", got)
	}
	for _, g := range got {
		if !strings.HasSuffix(g, "X") {
			t.Errorf("%s: not initials and X", g)
		}
	}
}
