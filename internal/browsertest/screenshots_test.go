package browsertest

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/nhimg/nhiglossary"
	"github.com/nhimg/nhiglossary/internal/build"
	"github.com/nhimg/nhiglossary/internal/xref"
)

var (
	screenshotDir = flag.String("screenshots", "", "write PNG screenshots of the reader's pages to this `folder` (see scripts/screenshots.sh)")
	screenshotSrc = flag.String("screenshot-src", "../..", "the site `folder` to screenshot; the test site when it does not build")
)

// TestScreenshots writes docs/screenshots: the home, a term and a framework
// page, a term with broader or narrower terms and quoted definitions, and
// a disambiguation page, at a phone's and a laptop's width, light and
// dark. It runs only with -screenshots.
func TestScreenshots(t *testing.T) {
	if *screenshotDir == "" {
		t.Skip("pass -screenshots DIR to write screenshots (scripts/screenshots.sh does)")
	}
	out := filepath.Join(t.TempDir(), "public")
	res, err := build.Build(context.Background(), *screenshotSrc, out, build.Options{
		BaseURL: "/", Templates: nhiglossary.Templates(), Assets: nhiglossary.Assets(),
	})
	var g *xref.Graph
	if err != nil {
		t.Logf("building %s: %v; using the test site", *screenshotSrc, err)
		out = BuildSite(t, ExampleSite(t))
	} else {
		g = res.Graph
	}
	base := ServeDir(t, out)
	if err := os.MkdirAll(*screenshotDir, 0o755); err != nil {
		t.Fatal(err)
	}
	ctx := New(t)
	// maxHeight (in screens of 900px; 0 for the whole page) keeps the
	// long framework page to its start: the PNGs are committed.
	type shot struct {
		name, base, path string
		maxHeight        int64
	}
	pages := []shot{
		{"home", base, "/", 0},
		{"term", base, "/terms/api-key/", 0},
		{"framework", base, "/frameworks/owasp-nhi-top-10/", 3},
	}
	// The terminology pages come from the site when it has them, else
	// from the test site, which has all of them.
	var testBase string
	fromTestSite := func(path string) (string, string) {
		if testBase == "" {
			testBase = ServeDir(t, BuildSite(t, ExampleSite(t)))
		}
		return testBase, path
	}
	hb, hp := fromTestSite("/terms/api-key/")
	if t := hierarchyTerm(g); t != "" {
		hb, hp = base, "/terms/"+t+"/"
	}
	db, dp := fromTestSite("/terms/pam/")
	if g != nil && len(g.Shared) > 0 {
		db, dp = base, "/terms/"+g.Shared[0].Slug+"/"
	}
	pages = append(pages, shot{"term-hierarchy", hb, hp, 0}, shot{"disambiguation", db, dp, 0})
	for _, width := range []int64{360, 1280} {
		for _, scheme := range []string{"light", "dark"} {
			Viewport(t, ctx, width, 900)
			Media(t, ctx, "", scheme)
			for _, p := range pages {
				Open(t, ctx, p.base+p.path)
				png := screenshot(t, ctx, width, p.maxHeight*900)
				name := filepath.Join(*screenshotDir, fmt.Sprintf("%s-%d-%s.png", p.name, width, scheme))
				if err := os.WriteFile(name, png, 0o644); err != nil {
					t.Fatal(err)
				}
				t.Logf("wrote %s", name)
			}
		}
	}
}

// screenshot captures the page from its top, at most maxHeight CSS pixels
// of it (0: all of it), as PNG.
func screenshot(t *testing.T, ctx context.Context, width, maxHeight int64) []byte {
	t.Helper()
	h := Eval[float64](t, ctx, `document.documentElement.scrollHeight`)
	if maxHeight > 0 {
		h = min(h, float64(maxHeight))
	}
	r, err := chromedp.Call(ctx, page.CaptureScreenshot, page.CaptureScreenshotParams{
		Format:                page.CaptureScreenshotFormatPng,
		CaptureBeyondViewport: &[]bool{true}[0],
		Clip:                  &page.Viewport{X: 0, Y: 0, Width: float64(width), Height: h, Scale: 1},
	})
	if err != nil {
		t.Fatal(err)
	}
	return r.Data
}

// hierarchyTerm is the slug of the term that best shows the hierarchy and
// quoted definitions: one with definitions and a broader term, with
// narrower terms too if any has them, and then the most of both; "" if
// no term has definitions and a broader term.
func hierarchyTerm(g *xref.Graph) string {
	if g == nil {
		return ""
	}
	best, most := "", 0
	for _, t := range g.Terms {
		n := len(g.Broader[t]) + len(g.Narrower[t])
		if len(g.Broader[t]) > 0 && len(g.Narrower[t]) > 0 {
			n += 100 // both lists beat a long one
		}
		if len(t.Definitions) > 0 && len(g.Broader[t]) > 0 && n > most {
			best, most = t.Slug.Value, n
		}
	}
	return best
}
