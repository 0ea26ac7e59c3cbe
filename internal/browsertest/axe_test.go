package browsertest

import (
	"net/url"
	"slices"
	"testing"

	"github.com/chromedp/chromedp"
)

// The site's axe checks mean something only if axe finds what it should.
func TestAxeReportsViolations(t *testing.T) {
	t.Parallel()
	ctx := New(t)
	page := `<!doctype html><html lang="en"><title>bad</title><main><h1>Bad</h1>` +
		`<img src="data:,"><p style="color:#ddd;background:#fff">faint text</p></main>`
	Do(t, ctx, chromedp.Navigate("data:text/html,"+url.PathEscape(page)))
	var ids []string
	for _, v := range Axe(t, ctx) {
		ids = append(ids, v.ID)
	}
	for _, want := range []string{"image-alt", "color-contrast"} {
		if !slices.Contains(ids, want) {
			t.Errorf("axe found %q on a page with a missing alt and faint text, want %s among them", ids, want)
		}
	}
}
