package scaffold

import (
	"strings"
	"testing"

	"github.com/nhimg/nhiglossary/internal/content"
)

// check finds placeholders by content.Placeholder: every TODO a scaffold writes
// must start with it, and the starter site must have none.
func TestPlaceholdersAreMarked(t *testing.T) {
	for name, k := range Kinds {
		text, err := k.Text(Fields{Title: "X", Plain: "X", Date: "2026-01-02"})
		if err != nil {
			t.Fatal(err)
		}
		if n, m := strings.Count(text, "TODO"), strings.Count(text, content.Placeholder); n != m {
			t.Errorf("%s: %d TODOs, %d of them %q", name, n, m, content.Placeholder)
		}
	}
	files, err := starterFiles("2026-01-02")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.Contains(f.Text, "TODO") || strings.Contains(f.Text, "{{") {
			t.Errorf("%s: a placeholder or template action left in the starter", f.Path)
		}
		if strings.Contains(f.Text, "updated:") && !strings.Contains(f.Text, "updated: 2026-01-02") {
			t.Errorf("%s: updated is not the day init ran", f.Path)
		}
	}
}
