package serve

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/nhimg/nhiglossary/internal/browsertest"
)

// What an editor sees in the browser beside their editor. One Chromium
// and one preview serve every step, in order.
func TestBrowserFollowsTheEditor(t *testing.T) {
	browser := browsertest.New(t) // skips without Chromium, unless required
	dir := exampleSite(t)
	writeFile(t, dir, "assets/style.css", "body { color: rgb(0, 0, 0) }\n")
	writeFile(t, dir, "content/terms/orphan.md", "---\ntitle: Orphan\nsummary: Alone.\nupdated: 2026-01-01\n---\nAlone.\n")
	url, _ := preview(t, dir)

	// Each step opens its page in a new tab and closes the last one: the
	// last step's page may still be reacting to its edit (a fix reloads
	// the pages it touched, after the overlay went), and a page that
	// reloads itself while Navigate loads the next one aborts Navigate or
	// even wins over it.
	ctx, closeTab := browser, func() {}
	defer func() { closeTab() }()
	open := func(t *testing.T, page string) {
		t.Helper()
		closeTab()
		ctx, closeTab = chromedp.NewContext(browser)
		browsertest.Viewport(t, ctx, 800, 400)
		browsertest.Do(t, ctx, chromedp.Navigate(url+page))
		browsertest.WaitFor(t, ctx, `document.documentElement.dataset.livereload === "connected"`, "the live-reload stream")
	}
	mark := func(t *testing.T) {
		browsertest.Eval[chromedp.Void](t, ctx, `window.notReloaded = true`)
	}
	reloaded := func(t *testing.T) bool { return !browsertest.Eval[bool](t, ctx, `window.notReloaded === true`) }

	t.Run("an edit shows by itself, at once, then the page loads again, at the same scroll position", func(t *testing.T) {
		open(t, "terms/api-key/")
		browsertest.Eval[chromedp.Void](t, ctx, `window.scrollTo(0, 300)`)
		browsertest.WaitFor(t, ctx, `window.scrollY === 300`, "the scroll")
		mark(t)
		// What the page showed before it loaded again, kept where the
		// reload does not wipe it.
		browsertest.Eval[chromedp.Void](t, ctx, `sessionStorage.removeItem("test-before-reload");
			new MutationObserver(function () {
				if (document.body && document.body.innerText.includes("freshly edited"))
					sessionStorage.setItem("test-before-reload", String(window.scrollY));
			}).observe(document.documentElement, { childList: true, subtree: true })`)
		editFile(t, dir, "content/terms/api-key.md", "An API key is a long-lived bearer secret", "An API key is a freshly edited bearer secret")
		browsertest.WaitFor(t, ctx, `document.body.innerText.includes("freshly edited") && window.notReloaded !== true && document.readyState === "complete"`, "the page loaded again with the edit")
		switch y := browsertest.Eval[string](t, ctx, `sessionStorage.getItem("test-before-reload") || ""`); {
		case y == "":
			t.Error("the edit was not on screen before the page loaded again")
		case y != "300":
			t.Errorf("before the page loaded again, the edit was on screen at scroll %s, want 300", y)
		}
		browsertest.WaitFor(t, ctx, `Math.abs(window.scrollY - 300) < 2`, "the scroll position kept")
	})

	t.Run("errors show over the page and go once fixed", func(t *testing.T) {
		open(t, "terms/api-key/")
		editFile(t, dir, "content/terms/api-key.md", "related: [secret-rotation, service-account]", "related: [secret-rotation, servce-account]")
		browsertest.WaitFor(t, ctx, `!!document.getElementById("nhiglossary-problems")`, "the overlay")
		text := browsertest.Eval[string](t, ctx, `document.getElementById("nhiglossary-problems").innerText`)
		for _, want := range []string{`content/terms/api-key.md:8:28: unknown related term "servce-account"`, "related: [secret-rotation, servce-account]", "^"} {
			if !strings.Contains(text, want) {
				t.Errorf("the overlay does not show %q:\n%s", want, text)
			}
		}
		// Styled by the constructed stylesheet, which the page's CSP allows.
		if pos := browsertest.Eval[string](t, ctx, `getComputedStyle(document.getElementById("nhiglossary-problems")).position`); pos != "fixed" {
			t.Errorf("overlay position %q: its stylesheet did not apply", pos)
		}
		// Another page opened meanwhile shows it too.
		open(t, "terms/secret-rotation/")
		browsertest.WaitFor(t, ctx, `!!document.getElementById("nhiglossary-problems")`, "the overlay on another page")
		editFile(t, dir, "content/terms/api-key.md", "servce-account", "service-account")
		browsertest.WaitFor(t, ctx, `!document.getElementById("nhiglossary-problems")`, "the overlay to go")
	})

	t.Run("a stylesheet changes without a reload", func(t *testing.T) {
		open(t, "terms/api-key/")
		mark(t)
		writeFile(t, dir, "assets/style.css", "body { color: rgb(0, 128, 128) }\n")
		browsertest.WaitFor(t, ctx, `getComputedStyle(document.body).color === "rgb(0, 128, 128)"`, "the new stylesheet")
		if reloaded(t) {
			t.Error("the page reloaded for a stylesheet change")
		}
	})

	t.Run("a renamed term takes the browser to its new page", func(t *testing.T) {
		open(t, "terms/orphan/")
		editFile(t, dir, "content/terms/orphan.md", "title: Orphan\n", "title: Orphan\nslug: lone-term\n")
		browsertest.WaitFor(t, ctx, `location.pathname === "/terms/lone-term/"`, "the new page")
	})

	t.Run("drafts are shown with a banner", func(t *testing.T) {
		open(t, "terms/lone-term/")
		editFile(t, dir, "content/terms/orphan.md", "title: Orphan\n", "title: Orphan\ndraft: true\n")
		browsertest.WaitFor(t, ctx, `!!document.querySelector(".draft-banner")`, "the draft banner")
	})
}
