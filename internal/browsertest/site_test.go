package browsertest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// readerPages are the pages every design check visits.
var readerPages = []struct{ name, path string }{
	{"home", "/"},
	{"A-Z index", "/terms/"},
	{"term", "/terms/api-key/"},
	{"framework", "/frameworks/owasp-nhi-top-10/"},
	{"matrix", "/frameworks/matrix/"},
	{"incident", "/incidents/example-key-leak/"},
	{"term with narrower terms", "/terms/secret/"},
	{"deprecated term", "/terms/static-api-key/"},
	{"disambiguation", "/terms/pam/"},
	{"hierarchy", "/hierarchy/"},
}

// serveExample builds the test site and serves it; it returns the URL.
func serveExample(t *testing.T) string {
	t.Helper()
	return ServeDir(t, BuildSite(t, ExampleSite(t)))
}

// openExample serves the example site and opens path in a new browser
// with a w x h viewport.
func openExample(t *testing.T, path string, w, h int64) context.Context {
	t.Helper()
	base := serveExample(t)
	ctx := New(t)
	Viewport(t, ctx, w, h)
	Open(t, ctx, base+path)
	return ctx
}

func TestPagesPassAxeInBothThemes(t *testing.T) {
	t.Parallel()
	base := serveExample(t)
	ctx := New(t)
	Viewport(t, ctx, 1280, 900)
	for _, scheme := range []string{"light", "dark"} {
		Media(t, ctx, "", scheme)
		for _, p := range readerPages {
			Open(t, ctx, base+p.path)
			NoAxeViolations(t, ctx, fmt.Sprintf("%s page, %s theme", p.name, scheme))
		}
	}
}

// The dark theme chosen with the toggle is the same as the system's.
func TestChosenDarkThemePassesAxe(t *testing.T) {
	t.Parallel()
	base := serveExample(t)
	ctx := New(t)
	Media(t, ctx, "", "light")
	Open(t, ctx, base+"/terms/api-key/")
	Eval[chromedp.Void](t, ctx, `document.documentElement.setAttribute("data-theme", "dark")`)
	if bg := Eval[string](t, ctx, `getComputedStyle(document.body).backgroundColor`); bg != "rgb(14, 19, 25)" {
		t.Errorf("data-theme=dark: body background %s, want the dark theme's rgb(14, 19, 25)", bg)
	}
	NoAxeViolations(t, ctx, "term page, dark theme chosen")
}

// On a phone the page never scrolls sideways (wide tables and code scroll
// inside their boxes), and it passes axe there too.
func TestNoHorizontalScrollOnAPhone(t *testing.T) {
	t.Parallel()
	base := serveExample(t)
	ctx := New(t)
	Viewport(t, ctx, 360, 740)
	for _, p := range readerPages {
		Open(t, ctx, base+p.path)
		// A phone zooms out to fit a too-wide page, so innerWidth grows
		// with it: compare both with the device width too.
		got := Eval[[]int](t, ctx, `[document.documentElement.scrollWidth, window.innerWidth]`)
		if got[0] > got[1] || got[1] != 360 {
			wide := Eval[[]string](t, ctx, `[...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > 360.5).slice(-5).map(e => e.outerHTML.slice(0, 120))`)
			t.Errorf("%s page at 360px: scrollWidth %d > innerWidth %d; elements beyond 360px (a scroller's content is fine):\n%s", p.name, got[0], got[1], strings.Join(wide, "\n"))
		}
		NoAxeViolations(t, ctx, p.name+" page at 360px")
	}
}

func TestMatrixScrollsInsideItsFrame(t *testing.T) {
	t.Parallel()
	ctx := openExample(t, "/frameworks/matrix/", 1280, 800)
	if pos := Eval[string](t, ctx, `getComputedStyle(document.querySelector(".matrix thead th")).position`); pos != "sticky" {
		t.Errorf("matrix header cells: position %s, want sticky", pos)
	}
	if pos := Eval[string](t, ctx, `getComputedStyle(document.querySelector(".matrix tbody th")).position`); pos != "sticky" {
		t.Errorf("matrix first column: position %s, want sticky", pos)
	}
	if ov := Eval[string](t, ctx, `getComputedStyle(document.querySelector(".table-wrap")).overflowX`); ov != "auto" {
		t.Errorf(".table-wrap overflow-x: %s, want auto", ov)
	}
}

func TestThemeToggleIsRemembered(t *testing.T) {
	t.Parallel()
	base := serveExample(t)
	ctx := New(t)
	Media(t, ctx, "", "light")
	Open(t, ctx, base+"/")
	const (
		theme   = `document.documentElement.getAttribute("data-theme")`
		pressed = `document.querySelector(".theme-toggle").getAttribute("aria-pressed")`
		bg      = `getComputedStyle(document.body).backgroundColor`
	)
	light := Eval[string](t, ctx, bg)
	if got := Eval[string](t, ctx, pressed); got != "false" {
		t.Fatalf("light system: toggle aria-pressed=%s, want false", got)
	}

	Do(t, ctx, chromedp.Click(chromedp.CSS(".theme-toggle")))
	if got := Eval[string](t, ctx, theme+` + " " + `+pressed); got != "dark true" {
		t.Fatalf("after a click: data-theme and aria-pressed %q, want \"dark true\"", got)
	}
	dark := Eval[string](t, ctx, bg)
	if dark == light {
		t.Fatalf("after a click: body background still %s", dark)
	}

	Do(t, ctx, chromedp.Reload())
	WaitFor(t, ctx, `document.readyState === "complete"`, "reload")
	if got := Eval[string](t, ctx, theme); got != "dark" {
		t.Errorf("after a reload: data-theme %q, want dark", got)
	}
	if got := Eval[string](t, ctx, bg); got != dark {
		t.Errorf("after a reload: body background %s, want %s", got, dark)
	}
	Open(t, ctx, base+"/terms/")
	if got := Eval[string](t, ctx, pressed); got != "true" {
		t.Errorf("on another page: toggle aria-pressed=%s, want true", got)
	}

	Do(t, ctx, chromedp.Click(chromedp.CSS(".theme-toggle")), chromedp.Reload())
	WaitFor(t, ctx, `document.readyState === "complete"`, "reload")
	if got := Eval[string](t, ctx, theme+` + " " + `+bg); got != "light "+light {
		t.Errorf("toggled back and reloaded: %q, want light %s", got, light)
	}
}

func TestThemeFollowsTheSystem(t *testing.T) {
	t.Parallel()
	base := serveExample(t)
	ctx := New(t)
	Media(t, ctx, "", "dark")
	Open(t, ctx, base+"/")
	if got := Eval[string](t, ctx, `getComputedStyle(document.body).backgroundColor`); got != "rgb(14, 19, 25)" {
		t.Errorf("dark system: body background %s, want rgb(14, 19, 25)", got)
	}
	if got := Eval[string](t, ctx, `document.querySelector(".theme-toggle").getAttribute("aria-pressed")`); got != "true" {
		t.Errorf("dark system: toggle aria-pressed=%s, want true", got)
	}
}

func TestSlashFocusesSearch(t *testing.T) {
	t.Parallel()
	base := serveExample(t)
	ctx := New(t)
	Open(t, ctx, base+"/terms/api-key/")
	Press(t, ctx, "/")
	if got := Eval[string](t, ctx, `document.activeElement.id + "|" + document.activeElement.value`); got != "search-input|" {
		t.Errorf(`after "/": active element and value %q, want the empty search box`, got)
	}
}

func TestPrintShowsTheArticleOnly(t *testing.T) {
	t.Parallel()
	base := serveExample(t)
	ctx := New(t)
	Open(t, ctx, base+"/terms/api-key/")
	Media(t, ctx, "print", "")
	for _, sel := range []string{".site-header", ".theme-toggle", ".search-form", ".toc", ".breadcrumbs"} {
		if d := Eval[string](t, ctx, `getComputedStyle(document.querySelector("`+sel+`")).display`); d != "none" {
			t.Errorf("print: %s display %s, want none", sel, d)
		}
	}
	after := Eval[string](t, ctx, `getComputedStyle(document.querySelector('.sources a[href^="http"]'), "::after").content`)
	if !strings.Contains(after, "https://example.org/report") {
		t.Errorf("print: source link ::after content %s, want its URL", after)
	}
}

// The site's Content-Security-Policy allows no inline script or style: a
// template or script that breaks it shows as a violation here.
func TestPagesKeepTheContentSecurityPolicy(t *testing.T) {
	t.Parallel()
	base := serveExample(t)
	ctx := New(t)
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__csp = []; document.addEventListener("securitypolicyviolation", e => window.__csp.push(e.violatedDirective + " " + (e.blockedURI || e.sample)));`,
	}); err != nil {
		t.Fatal(err)
	}
	for _, p := range append(readerPages, struct{ name, path string }{"search", "/search/"}) {
		Open(t, ctx, base+p.path)
		// Exercise the scripts: a preview and the toggle.
		Eval[chromedp.Void](t, ctx, `document.querySelector(".theme-toggle").click(); document.querySelector(".prose a[data-term]")?.focus()`)
		if v := Eval[[]string](t, ctx, `window.__csp`); len(v) > 0 {
			t.Errorf("%s page: CSP violations %q", p.name, v)
		}
	}
}

// Without JavaScript the pages read the same; only the controls that need
// a script (the theme toggle, the "/" hint) stay out of sight.
func TestPagesWorkWithoutJavaScript(t *testing.T) {
	t.Parallel()
	base := serveExample(t)
	ctx := New(t)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	Media(t, ctx, "", "dark")
	Do(t, ctx, chromedp.Navigate(base+"/terms/api-key/"))
	got := Eval[[]string](t, ctx, `[
		getComputedStyle(document.querySelector(".theme-toggle")).display,
		getComputedStyle(document.querySelector(".search-kbd")).display,
		getComputedStyle(document.body).backgroundColor,
		String(document.querySelectorAll(".toc a").length > 2),
		String(document.querySelector(".takeaway").offsetHeight > 0)]`)
	want := []string{"none", "none", "rgb(14, 19, 25)", "true", "true"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("term page without JavaScript, dark system: toggle display, hint display, background, toc, takeaway = %q, want %q", got, want)
	}
}

// The first Tab reaches the skip link, which shows itself and leads to main.
func TestSkipLinkComesFirst(t *testing.T) {
	t.Parallel()
	base := serveExample(t)
	ctx := New(t)
	Open(t, ctx, base+"/terms/api-key/")
	Press(t, ctx, "\t")
	got := Eval[[]string](t, ctx, `[document.activeElement.className, String(document.activeElement.getBoundingClientRect().top >= 0), document.activeElement.getAttribute("href")]`)
	if got[0] != "skip-link" || got[1] != "true" || got[2] != "#main" {
		t.Fatalf("after one Tab: focused %q, visible %s, href %s; want the visible skip link to #main", got[0], got[1], got[2])
	}
	Press(t, ctx, "\r")
	WaitFor(t, ctx, `document.activeElement.id === "main"`, "Enter on the skip link to focus main")
}

// TestCitationsLinkBothWays follows a citation to its source and the
// source's back link to the first citation, as a reader would.
func TestCitationsLinkBothWays(t *testing.T) {
	ctx := openExample(t, "/terms/api-key/", 1280, 900)
	if n := Eval[int](t, ctx, `document.querySelectorAll("sup.cite a").length`); n != 2 {
		t.Fatalf("%d citation links on the page, want 2 (body and example)", n)
	}
	clickAndScroll(t, ctx, "#cite-1", "#source-1")
	if hash := Eval[string](t, ctx, `location.hash`); hash != "#source-1" {
		t.Errorf("after clicking the citation the page is at %q, want #source-1", hash)
	}
	if back := Eval[string](t, ctx, `document.querySelector("#source-1 .cite-back").getAttribute("href")`); back != "#cite-1" {
		t.Errorf("source 1 links back to %q, want the first citation, #cite-1", back)
	}
	clickAndScroll(t, ctx, "#source-1 .cite-back", "#cite-1")
	if hash := Eval[string](t, ctx, `location.hash`); hash != "#cite-1" {
		t.Errorf("the back link went to %q, want #cite-1", hash)
	}
}

// clickAndScroll clicks the link sel by script (a click by coordinates
// can land while the page is still scrolling) and waits until the page
// has stopped scrolling with target in view. Scrolling is smooth: a
// second click while the first scroll runs is lost to it, as a reader's
// would be, and left the page at the first target under load.
func clickAndScroll(t *testing.T, ctx context.Context, sel, target string) {
	t.Helper()
	Eval[chromedp.Void](t, ctx, `(() => {
		window.scrollEnded = false;
		document.addEventListener("scrollend", () => { window.scrollEnded = true }, {once: true});
		document.querySelector(`+strconv.Quote(sel)+`).click();
	})()`)
	WaitFor(t, ctx, `window.scrollEnded && (() => { const r = document.querySelector(`+strconv.Quote(target)+`).getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight })()`, target+" in view, the page still")
}

// TestTermPageEndIsNotRepeated: "What links here" leaves out the terms
// "Related terms" shows, and incidents are listed newest first.
func TestTermPageEndIsNotRepeated(t *testing.T) {
	t.Parallel()
	ctx := openExample(t, "/terms/api-key/", 1280, 900)
	both := Eval[[]string](t, ctx, `(() => {
		const slugs = sel => [...document.querySelectorAll(sel + " a[data-term]")].map(a => a.dataset.term);
		const related = new Set(slugs("#related ~ *, section[aria-labelledby=related]"));
		return slugs("section.referenced-by").filter(s => related.has(s));
	})()`)
	if len(both) > 0 {
		t.Errorf("terms listed under both Related terms and What links here: %v", both)
	}
	dates := Eval[[]string](t, ctx, `[...document.querySelectorAll("section[aria-labelledby=incidents] time")].map(t => t.getAttribute("datetime"))`)
	if len(dates) < 2 {
		t.Fatalf("incident dates %v: the test site's API Key lists two incidents", dates)
	}
	for i := 1; i < len(dates); i++ {
		if dates[i] > dates[i-1] {
			t.Errorf("incident dates %v do not descend", dates)
		}
	}
}

// TestMatrixTermColumnStaysOnAPhone scrolls the matrix sideways at 360 px:
// the term column must stay where it was.
func TestMatrixTermColumnStaysOnAPhone(t *testing.T) {
	t.Parallel()
	ctx := openExample(t, "/frameworks/matrix/", 360, 740)
	before := Eval[float64](t, ctx, `document.querySelector(".matrix tbody th").getBoundingClientRect().left`)
	scrolled := Eval[float64](t, ctx, `(() => { const w = document.querySelector(".matrix-wrap"); w.scrollLeft = 400; return w.scrollLeft })()`)
	if scrolled == 0 {
		t.Fatal("the matrix did not scroll sideways at 360 px; the test needs a table wider than the screen")
	}
	after := Eval[float64](t, ctx, `document.querySelector(".matrix tbody th").getBoundingClientRect().left`)
	if after != before {
		t.Errorf("after scrolling the matrix %v px sideways its term column moved from x=%v to x=%v", scrolled, before, after)
	}
	if pos := Eval[string](t, ctx, `getComputedStyle(document.querySelector(".matrix thead th")).position`); pos != "sticky" {
		t.Errorf("matrix header cells at 360 px: position %s, want sticky", pos)
	}
	labels := Eval[string](t, ctx, `document.querySelector(".matrix").innerText`)
	if strings.Contains(labels, "framework-level") {
		t.Errorf("the matrix shows the raw label framework-level")
	}
}

// TestOnThisPageFoldsAboveTheText: between phone and two-column widths
// "On this page" is collapsed, so the definition starts on the first
// screen; beside the text it is open.
func TestOnThisPageFoldsAboveTheText(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		w, h int64
		open bool
	}{{360, 740, false}, {800, 700, false}, {1024, 700, false}, {1280, 800, true}} {
		ctx := openExample(t, "/terms/api-key/", tc.w, tc.h)
		if open := Eval[bool](t, ctx, `document.querySelector(".toc details").open`); open != tc.open {
			t.Errorf("at %d px On this page is open: %v, want %v", tc.w, open, tc.open)
		}
		if !tc.open {
			if top := Eval[float64](t, ctx, `document.getElementById("definition").getBoundingClientRect().top`); top > float64(tc.h) {
				t.Errorf("at %dx%d px the definition starts at y=%v, below the fold", tc.w, tc.h, top)
			}
		} else if n := Eval[int](t, ctx, `[...document.querySelectorAll(".toc a")].filter(a => a.getBoundingClientRect().height > 0).length`); n == 0 {
			t.Errorf("at %d px the open On this page shows no links", tc.w)
		}
	}
}

// A term's relevance text on a framework page cites the term's source:
// the citation says whose source it is and leads to it on the term's
// page. A framework's description with code has the code highlighted.
func TestFrameworkPageCitesTheTermsSource(t *testing.T) {
	t.Parallel()
	src := ExampleSite(t)
	editFile(t, filepath.Join(src, "content/terms/api-key.md"), "leak most often.", "leak most often [@1].")
	editFile(t, filepath.Join(src, "content/frameworks/owasp-nhi-top-10.yaml"),
		"description: Ten risks specific to non-human identities.",
		"description: |\n  Ten risks specific to non-human identities.\n\n  ```sh\n  gitleaks detect --source .\n  ```")
	base := ServeDir(t, BuildSite(t, src))
	ctx := New(t)
	Viewport(t, ctx, 1280, 900)
	Open(t, ctx, base+"/frameworks/owasp-nhi-top-10/")
	NoAxeViolations(t, ctx, "framework page with a citation and code")
	if !Eval[bool](t, ctx, `!!document.querySelector(".lead .chroma") && [...document.styleSheets].some(s => /chroma/.test(s.href) && s.cssRules.length > 0)`) {
		t.Error("the description's code is shown without the highlighting style sheet")
	}
	if n := Eval[int](t, ctx, `document.querySelectorAll(".cite-broken").length`); n > 0 {
		t.Errorf("%d citations shown broken", n)
	}
	label := Eval[string](t, ctx, `document.querySelector(".mapped-relevance sup.cite a").getAttribute("aria-label")`)
	if !strings.HasPrefix(label, "Source 1 of API Key: ") {
		t.Errorf("the citation's label is %q, want one naming the term and the source", label)
	}
	Eval[chromedp.Void](t, ctx, `document.querySelector(".mapped-relevance sup.cite a").click()`)
	WaitFor(t, ctx, `location.pathname === "/terms/api-key/" && location.hash === "#source-1" && document.readyState === "complete" && (() => { const r = document.querySelector("#source-1").getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight })()`,
		"the source on the term's page, in view")
}

// editFile replaces old with new in the file at name, which must hold it.
func editFile(t *testing.T, name, old, new string) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s has no %q", name, old)
	}
	if err := os.WriteFile(name, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}
