package browsertest

import (
	"context"
	_ "embed"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// axe-core, vendored unmodified under its MPL-2.0 licence: testdata/axe.
//
//go:embed testdata/axe/axe.min.js
var axeSource string

// AxeTags are the axe-core rule sets the site must pass: WCAG 2.0, 2.1 and
// 2.2 at levels A and AA, and axe's best practices.
var AxeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"}

// Violation is one failed axe-core rule and the elements that fail it.
type Violation struct {
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Help    string `json:"help"`
	HelpURL string `json:"helpUrl"`
	Nodes   []struct {
		Target         []any  `json:"target"`
		HTML           string `json:"html"`
		FailureSummary string `json:"failureSummary"`
	} `json:"nodes"`
}

func (v Violation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s\n  %s", v.ID, v.Impact, v.Help, v.HelpURL)
	for i, n := range v.Nodes {
		if i == 5 {
			fmt.Fprintf(&b, "\n  ... and %d more", len(v.Nodes)-i)
			break
		}
		fmt.Fprintf(&b, "\n  - %v %s\n    %s", n.Target, n.HTML, strings.ReplaceAll(n.FailureSummary, "\n", "\n    "))
	}
	return b.String()
}

// Axe runs axe-core on the page loaded in ctx and returns its violations.
// The page's Content-Security-Policy does not stop it: DevTools evaluation
// is not a page script.
func Axe(t testing.TB, ctx context.Context) []Violation {
	t.Helper()
	if !Eval[bool](t, ctx, `typeof window.axe === "object"`) {
		Eval[chromedp.Void](t, ctx, axeSource)
	}
	tags := `["` + strings.Join(AxeTags, `","`) + `"]`
	expr := `axe.run(document, {runOnly: {type: "tag", values: ` + tags + `}, resultTypes: ["violations"]}).then(r => r.violations)`
	vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]Violation](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("running axe: %v", err)
	}
	return vs
}

// NoAxeViolations fails the test if axe-core finds a violation on the
// page loaded in ctx; what names the page in the failure.
func NoAxeViolations(t testing.TB, ctx context.Context, what string) {
	t.Helper()
	for _, v := range Axe(t, ctx) {
		t.Errorf("%s: %s", what, v)
	}
}
