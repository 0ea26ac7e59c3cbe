package diag

import (
	"os"
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDocsListEveryCode holds docs/diagnostics.md to the rules table: the
// page lists exactly the codes there are, each with its severity.
func TestDocsListEveryCode(t *testing.T) {
	page, err := os.ReadFile("../../docs/diagnostics.md")
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| `([^`]+)` \\| (error|warning) \\|")
	var documented []Rule
	for _, m := range row.FindAllSubmatch(page, -1) {
		sev := Error
		if string(m[2]) == "warning" {
			sev = Warning
		}
		documented = append(documented, Rule{Code(m[1]), sev})
	}
	sortRules(documented)
	if diff := cmp.Diff(Rules(), documented); diff != "" {
		t.Errorf("docs/diagnostics.md and the rules table differ (-code +docs):\n%s", diff)
	}
}
