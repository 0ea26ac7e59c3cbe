package diag

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"regexp"
	"strconv"
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
	if diff := cmp.Diff(sortedRules(), documented); diff != "" {
		t.Errorf("docs/diagnostics.md and the rules table differ (-code +docs):\n%s", diff)
	}
}

// TestEveryCodeConstantHasARule parses codes.go: a Code constant missing
// from rules would count as an error and be missing from the docs.
func TestEveryCodeConstantHasARule(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "codes.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, decl := range f.Decls {
		g, ok := decl.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, spec := range g.Specs {
			vs := spec.(*ast.ValueSpec)
			for _, v := range vs.Values {
				lit, ok := v.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					continue
				}
				n++
				code, _ := strconv.Unquote(lit.Value)
				if !Code(code).Known() {
					t.Errorf("code %q (%s) has no line in rules", code, vs.Names[0])
				}
			}
		}
	}
	if n != len(sortedRules()) {
		t.Errorf("%d code constants, %d rules", n, len(sortedRules()))
	}
}
