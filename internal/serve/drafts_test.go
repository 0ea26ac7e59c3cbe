package serve

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/nhimg/nhiglossary/internal/browsertest"
)

// The preview shows drafts, and still shows what build would fail on: a
// published term that links a draft.
func TestAPublishedTermLinkingADraftShowsAsAProblem(t *testing.T) {
	dir := exampleSite(t)
	writeFile(t, dir, "content/terms/draft-term.md", "---\ntitle: Draft Term\nsummary: Not yet.\nupdated: 2026-01-01\ndraft: true\nrelated: [api-key]\n---\nNot yet.\n")
	url, log := preview(t, dir)
	es := events(t, url, "/terms/api-key/", "", nil)
	m := es.await(t, "the first status", isStatus(0))
	if m["failsBuild"] != float64(0) {
		t.Fatalf("status %v", m)
	}

	editFile(t, dir, "content/terms/api-key.md", "related: [secret-rotation, service-account]", "related: [secret-rotation, service-account, draft-term]")
	m = es.await(t, "the problem build would fail on", func(m map[string]any) bool { return m["type"] == "status" && m["failsBuild"] == float64(1) })
	problems := m["problems"].([]any)
	if len(problems) != 1 {
		t.Fatalf("problems %v, want only the one build fails on", problems)
	}
	p := problems[0].(map[string]any)
	if text, _ := p["text"].(string); !strings.HasPrefix(text, "content/terms/api-key.md:8:") || !strings.Contains(text, "draft-term") || p["failsBuild"] != true {
		t.Errorf("problem %v", p)
	}
	waitFor(t, func() bool {
		return strings.Contains(log.String(), "api-key.md: build would fail on 1 problem: the preview shows drafts, build leaves them out")
	}, "the terminal to say build would fail")
	if !strings.Contains(log.String(), "content/terms/api-key.md:8:") {
		t.Errorf("the terminal does not show where:\n%s", log)
	}
	// Drafts are still rendered.
	if code, body := get(t, url+"terms/draft-term/"); code != 200 || !strings.Contains(body, "draft-banner") {
		t.Errorf("the draft: %d", code)
	}

	editFile(t, dir, "content/terms/draft-term.md", "draft: true\n", "")
	es.await(t, "the problem gone", func(m map[string]any) bool { return m["type"] == "status" && m["failsBuild"] == float64(0) })
	waitFor(t, func() bool { return strings.Contains(log.String(), "build would no longer fail") }, "the terminal to say it is fixed")
}

// A site that links a draft from its first build says so from the start.
func TestADraftLinkIsShownFromTheFirstBuild(t *testing.T) {
	dir := exampleSite(t)
	writeFile(t, dir, "content/terms/draft-term.md", "---\ntitle: Draft Term\nsummary: Not yet.\nupdated: 2026-01-01\ndraft: true\nrelated: [api-key]\n---\nNot yet.\n")
	editFile(t, dir, "content/terms/api-key.md", "related: [secret-rotation, service-account]", "related: [secret-rotation, service-account, draft-term]")
	url, log := preview(t, dir)
	es := events(t, url, "/", "", nil)
	es.await(t, "the problem", func(m map[string]any) bool {
		return m["type"] == "status" && m["failsBuild"] == float64(1) && m["errors"] == float64(0)
	})
	if !strings.Contains(log.String(), "site: build would fail on 1 problem") {
		t.Errorf("the terminal:\n%s", log)
	}
}

// In the browser: the draft renders, and a page of the published term
// shows the link build would fail on.
func TestBrowserShowsWhatBuildWouldFailOn(t *testing.T) {
	browser := browsertest.New(t)
	dir := exampleSite(t)
	writeFile(t, dir, "content/terms/draft-term.md", "---\ntitle: Draft Term\nsummary: Not yet.\nupdated: 2026-01-01\ndraft: true\nrelated: [api-key]\n---\nNot yet.\n")
	url, _ := preview(t, dir)
	browsertest.Do(t, browser, chromedp.Navigate(url+"terms/api-key/"))
	browsertest.WaitFor(t, browser, `document.documentElement.dataset.livereload === "connected"`, "the live-reload stream")
	// The page already names the draft (it links here): a mark on the
	// window tells the reloaded page from this one.
	browsertest.Eval[bool](t, browser, `window.beforeEdit = true`)
	editFile(t, dir, "content/terms/api-key.md", "related: [secret-rotation, service-account]", "related: [secret-rotation, service-account, draft-term]")
	// The page reloads with the draft among its related terms, and the
	// overlay over it.
	browsertest.WaitFor(t, browser, `!window.beforeEdit && document.readyState === "complete" && document.querySelector("main").innerText.includes("Draft Term")`, "the draft linked on the page")
	// (A reload may take the overlay away for a moment: wait for its text.)
	const overlayText = `(document.getElementById("nhiglossary-problems") || {innerText: ""}).innerText`
	for _, want := range []string{"Build would fail on 1 problem", "build leaves them out", "content/terms/api-key.md:8:", "draft-term"} {
		browsertest.WaitFor(t, browser, overlayText+`.includes(`+strconv.Quote(want)+`)`, "the overlay to show "+want)
	}
	editFile(t, dir, "content/terms/draft-term.md", "draft: true\n", "")
	browsertest.WaitFor(t, browser, `!document.getElementById("nhiglossary-problems")`, "the overlay to go")
}
