package markdown

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func readFile(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestGolden renders testdata/term.md, a whole term body, and compares the
// HTML, text and headings with testdata/term.golden (go test -update
// rewrites it).
func TestGolden(t *testing.T) {
	src := readFile(t, "testdata/term.md")
	res := New(Options{}, linker, names).Render(src, Doc{Self: "api-key", Autolink: true})
	var headings strings.Builder
	for _, h := range res.Headings {
		fmt.Fprintf(&headings, "%d %s %s\n", h.Level, h.ID, h.Text)
	}
	got := string(txtar.Format(&txtar.Archive{
		Comment: []byte("Rendered from term.md with Self: api-key, Autolink: true. go test -update rewrites this file.\n"),
		Files: []txtar.File{
			{Name: "html", Data: []byte(res.HTML)},
			{Name: "text", Data: []byte(res.Text + "\n")},
			{Name: "headings", Data: []byte(headings.String())},
		},
	}))
	const golden = "testdata/term.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if diff := cmp.Diff(readFile(t, golden), got); diff != "" {
		t.Errorf("%s (-want +got):\n%s", golden, diff)
	}
}
