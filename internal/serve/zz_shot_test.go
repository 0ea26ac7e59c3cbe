package serve

import (
	"os"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/nhimg/nhiglossary/internal/browsertest"
)

func TestZZShot(t *testing.T) {
	if os.Getenv("ZZ_SHOT") == "" {
		t.Skip()
	}
	ctx := browsertest.New(t)
	dir := exampleSite(t)
	url, _ := preview(t, dir)
	browsertest.Viewport(t, ctx, 1000, 700)
	editFile(t, dir, "content/terms/api-key.md", "related: [secret-rotation, service-account]", "related: [secret-rotation, servce-account]")
	editFile(t, dir, "content/terms/secret-rotation.md", "title = ", "titel = ")
	browsertest.Do(t, ctx, chromedp.Navigate(url+"terms/api-key/"))
	browsertest.WaitFor(t, ctx, `!!document.getElementById("nhiglossary-problems")`, "overlay")
	b, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile("/tmp/overlay.png", b, 0o644)
}
