package serve

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/nhimg/nhiglossary/internal/browsertest"
)

// An editor starts the preview with a mistake in the content and opens
// the site: the browser shows the mistake, and once it is fixed in the
// editor the page appears by itself, with nobody pressing reload.
func TestBrowserShowsTheSiteOnceItFirstBuilds(t *testing.T) {
	browser := browsertest.New(t)
	dir := exampleSite(t)
	editFile(t, dir, "content/terms/api-key.md", "related: [secret-rotation, service-account]", "related: [secret-rotation, servce-account]")
	writeFile(t, dir, "content/terms/orphan.md", "---\ntitle: Orphan\nsummary: Alone.\nupdated: 2026-01-01\n---\nAlone.\n")
	url, _ := preview(t, dir)

	browsertest.Do(t, browser, chromedp.Navigate(url+"terms/api-key/"))
	browsertest.WaitFor(t, browser, `document.documentElement.dataset.livereload === "connected"`, "the live-reload stream")
	browsertest.WaitFor(t, browser, `!!document.getElementById("nhiglossary-problems")`, "the overlay")
	text := browsertest.Eval[string](t, browser, `document.getElementById("nhiglossary-problems").innerText`)
	for _, want := range []string{
		"The site has 1 error and 1 warning",
		"Nothing could be built yet",
		`content/terms/api-key.md:8:28: unknown related term "servce-account"`,
		"related: [secret-rotation, servce-account]",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the overlay does not show %q:\n%s", want, text)
		}
	}
	browsertest.Eval[chromedp.Void](t, browser, `window.sameDocument = true`)

	editFile(t, dir, "content/terms/api-key.md", "servce-account", "service-account")
	browsertest.WaitFor(t, browser, `document.querySelector("h1") && document.querySelector("h1").innerText === "API Key"`, "the page, by itself")
	browsertest.WaitFor(t, browser, `!document.getElementById("nhiglossary-problems")`, "no overlay")
	if browsertest.Eval[bool](t, browser, `window.sameDocument === true`) {
		t.Error("the page changed without loading again?")
	}
}

// No page of the preview logs an error in the browser's console, and
// each names an icon the server has (a browser asks for /favicon.ico,
// and logs its 404, when a page names none).
func TestBrowserConsoleStaysClean(t *testing.T) {
	browser := browsertest.New(t)
	url, _ := preview(t, exampleSite(t))
	var mu sync.Mutex
	var errs []string
	chromedp.Listen(browser, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError {
				errs = append(errs, fmt.Sprintf("%s (%s)", ev.Entry.Text, ev.Entry.URL))
			}
		case *runtime.EventExceptionThrown:
			errs = append(errs, fmt.Sprintf("%s %s:%d", ev.ExceptionDetails.Text, ev.ExceptionDetails.URL, ev.ExceptionDetails.LineNumber+1))
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning {
				errs = append(errs, fmt.Sprintf("console.%s", ev.Type))
			}
		}
	})
	for _, page := range []string{"", "terms/", "terms/api-key/", "frameworks/", "frameworks/owasp-nhi-top-10/", "incidents/", "incidents/example-key-leak/", "tags/secrets/", "search/?q=key"} {
		browsertest.Do(t, browser, chromedp.Navigate(url+page))
		browsertest.WaitFor(t, browser, `document.readyState === "complete" && document.documentElement.dataset.livereload === "connected"`, "/"+page+" to load")
		icon, err := chromedp.Run(browser, chromedp.Evaluate[string](`(async () => {
			const link = document.querySelector('link[rel="icon"]');
			if (!link) return "no icon";
			const r = await fetch(link.href);
			return r.status + " " + r.headers.get("Content-Type");
		})()`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		if icon != "200 image/svg+xml" {
			t.Errorf("/%s: icon %s", page, icon)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(errs) > 0 {
		t.Errorf("the console logged:\n%s", strings.Join(errs, "\n"))
	}
}
