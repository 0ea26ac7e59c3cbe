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
)

var (
	screenshotDir = flag.String("screenshots", "", "write PNG screenshots of the reader's pages to this `folder` (see scripts/screenshots.sh)")
	screenshotSrc = flag.String("screenshot-src", "../..", "the site `folder` to screenshot; the test site when it does not build")
)

// TestScreenshots writes docs/screenshots: the home, a term and a framework
// page, at a phone's and a laptop's width, light and dark. It runs only
// with -screenshots.
func TestScreenshots(t *testing.T) {
	if *screenshotDir == "" {
		t.Skip("pass -screenshots DIR to write screenshots (scripts/screenshots.sh does)")
	}
	out := filepath.Join(t.TempDir(), "public")
	_, err := build.Build(context.Background(), *screenshotSrc, out, build.Options{
		BaseURL: "/", Templates: nhiglossary.Templates(), Assets: nhiglossary.Assets(),
	})
	if err != nil {
		t.Logf("building %s: %v; using the test site", *screenshotSrc, err)
		out = BuildSite(t, ExampleSite(t))
	}
	base := ServeDir(t, out)
	if err := os.MkdirAll(*screenshotDir, 0o755); err != nil {
		t.Fatal(err)
	}
	ctx := New(t)
	// maxHeight (in screens of 900px; 0 for the whole page) keeps the
	// long framework page to its start: the PNGs are committed.
	pages := []struct {
		name, path string
		maxHeight  int64
	}{
		{"home", "/", 0},
		{"term", "/terms/api-key/", 0},
		{"framework", "/frameworks/owasp-nhi-top-10/", 3},
	}
	for _, width := range []int64{360, 1280} {
		for _, scheme := range []string{"light", "dark"} {
			Viewport(t, ctx, width, 900)
			Media(t, ctx, "", scheme)
			for _, p := range pages {
				Open(t, ctx, base+p.path)
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
