package browsertest

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/nhimg/nhiglossary"
)

// style.css writes the dark palette twice: for a reader who chose dark
// (data-theme) and for a system in dark mode. The two must not drift.
func TestDarkPaletteIsTheSameChosenOrFromTheSystem(t *testing.T) {
	b, err := fs.ReadFile(nhiglossary.Assets(), "style.css")
	if err != nil {
		t.Fatal(err)
	}
	css := string(b)
	block := func(selector string) string {
		i := strings.Index(css, selector+" {")
		if i < 0 {
			t.Fatalf("style.css has no %q block", selector)
		}
		body := css[i+len(selector)+2:]
		body = body[:strings.Index(body, "}")]
		return strings.Join(strings.Fields(body), " ")
	}
	chosen := block(`:root[data-theme="dark"]`)
	system := block(`:root:not([data-theme="light"])`)
	if chosen != system {
		t.Errorf("the dark palettes differ:\nchosen: %s\nsystem: %s", chosen, system)
	}
}
