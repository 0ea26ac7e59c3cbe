package browsertest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

const hostPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Another site</title>
<script src="GLOSSARY/assets/embed.js" defer></script></head>
<body><main><h1>Another site</h1>
<p>Rotate your <dfn data-nhi-term="api-key">API keys</dfn> often.</p>
<p>Read about <a href="GLOSSARY/terms/secret-rotation/" data-nhi-term>rotation</a> and <dfn data-nhi-term="../x">a bad mark</dfn>.</p>
<p lang="de">Mehr über <a href="GLOSSARY/de/terms/api-key/" data-nhi-term>API-Schlüssel</a>.</p>
FILLER
</main></body></html>`

// embedHost serves the example glossary on one loopback origin (with the
// CORS header GitHub Pages sends) and a page of another site on another,
// under a strict Content-Security-Policy that allows only the glossary's
// origin for scripts and fetches. It returns the host page's URL and the
// glossary's.
func embedHost(t *testing.T) (host, glossary string) {
	t.Helper()
	static := StaticHandler(BuildSite(t, ExampleSite(t)))
	gsrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		static.ServeHTTP(w, r)
	}))
	t.Cleanup(gsrv.Close)
	// A different port is a different origin; "localhost" makes the
	// host's name differ too.
	glossary = gsrv.URL
	hsrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", "default-src 'none'; script-src "+glossary+"; connect-src "+glossary+"; style-src 'none'; img-src 'none'; base-uri 'none'; form-action 'none'")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(strings.NewReplacer("GLOSSARY", glossary, "FILLER", strings.Repeat("<p>Filler text of the host page.</p>\n", 60)).Replace(hostPage)))
	}))
	t.Cleanup(hsrv.Close)
	return strings.Replace(hsrv.URL, "127.0.0.1", "localhost", 1) + "/", glossary
}

const tipShown = `document.querySelector("[data-nhi-tooltip]") !== null`

// openHost opens the host page, recording every CSP violation in
// window.cspViolations before any of its scripts runs.
func openHost(t *testing.T, w, h int64) (context.Context, string) {
	host, glossary := embedHost(t)
	ctx := New(t)
	Viewport(t, ctx, w, h)
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.cspViolations = []; document.addEventListener("securitypolicyviolation", e => window.cspViolations.push(e.violatedDirective + " " + e.blockedURI));`,
	}); err != nil {
		t.Fatal(err)
	}
	Do(t, ctx, chromedp.Navigate(host))
	WaitFor(t, ctx, `document.querySelector("dfn").tabIndex === 0`, "embed.js to mark the terms")
	return ctx, glossary
}

func tipText(t *testing.T, ctx context.Context) []string {
	return Eval[[]string](t, ctx, `(() => { const b = document.querySelector("[data-nhi-tooltip]"); return [b.getAttribute("role"), b.querySelector("strong").textContent, b.querySelector("span").textContent, b.querySelector("a").textContent, b.querySelector("a").href, b.id]; })()`)
}

func TestEmbedAcrossOriginsUnderStrictCSP(t *testing.T) {
	t.Parallel()
	ctx, glossary := openHost(t, 1280, 800)

	// Hover.
	x, y := center(t, ctx, "dfn")
	Do(t, ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x, y))
	WaitFor(t, ctx, tipShown, "the tooltip on hover")
	got := tipText(t, ctx)
	if got[0] != "tooltip" || got[1] != "API Key" || !strings.HasPrefix(got[2], "A static secret") || got[3] != "Read more" || got[4] != glossary+"/terms/api-key/" {
		t.Errorf("tooltip %q", got)
	}
	if by := Eval[string](t, ctx, `document.querySelector("dfn").getAttribute("aria-describedby")`); by != got[5] {
		t.Errorf("aria-describedby %q, tooltip id %q", by, got[5])
	}
	Press(t, ctx, kb.Escape)
	WaitFor(t, ctx, "!("+tipShown+")", "Escape to hide the tooltip")

	// Keyboard focus: Tab to the first mark. Chromium 148 starts Tab
	// after the mark under the pointer: the pointer moves off it.
	x, y = center(t, ctx, "h1")
	Do(t, ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x, y))
	Press(t, ctx, kb.Tab)
	WaitFor(t, ctx, tipShown, "the tooltip on focus")
	if got := tipText(t, ctx); got[1] != "API Key" {
		t.Errorf("focus shows %q", got[1])
	}
	Press(t, ctx, kb.Escape)
	WaitFor(t, ctx, "!("+tipShown+")", "Escape to hide the tooltip")
	if tag := Eval[string](t, ctx, `document.activeElement.tagName`); tag != "DFN" {
		t.Errorf("Escape moved focus to %s", tag)
	}

	// A link marked with an empty data-nhi-term: its term from its href.
	Press(t, ctx, kb.Tab)
	WaitFor(t, ctx, `document.querySelector("[data-nhi-tooltip] strong")?.textContent === "Secret Rotation"`, "the link's tooltip")

	// A link to a page in another language: its term, and "Read more"
	// goes where the link goes.
	Press(t, ctx, kb.Tab)
	WaitFor(t, ctx, `document.querySelector("[data-nhi-tooltip] strong")?.textContent === "API Key"`, "the tooltip of a link to a translation")
	if got := tipText(t, ctx); got[4] != glossary+"/de/terms/api-key/" {
		t.Errorf("a translation's link reads more at %q", got[4])
	}

	// The bad mark is left alone: not focusable, no request.
	if ti := Eval[int](t, ctx, `document.querySelectorAll("dfn")[1].tabIndex`); ti != -1 {
		t.Errorf("a mark with slug ../x is focusable (tabIndex %d)", ti)
	}
	if v := Eval[[]string](t, ctx, `window.cspViolations`); len(v) != 0 {
		t.Errorf("CSP violations: %q", v)
	}
	// Nothing but the tooltip was added to the page.
	if n := Eval[int](t, ctx, `document.body.querySelectorAll("*").length - document.querySelectorAll("main, main *, [data-nhi-tooltip], [data-nhi-tooltip] *").length`); n != 0 {
		t.Errorf("%d elements added outside the tooltip", n)
	}
}

func TestEmbedTapOnPhone(t *testing.T) {
	t.Parallel()
	ctx, glossary := openHost(t, 360, 740)
	Eval[chromedp.Void](t, ctx, `document.querySelector("a[data-nhi-term]").scrollIntoView({block: "center", behavior: "instant"})`)
	Do(t, ctx, chromedp.Tap(chromedp.CSS("a[data-nhi-term]")))
	WaitFor(t, ctx, tipShown, "the tooltip on the first tap")
	if loc := Eval[string](t, ctx, `location.href`); strings.HasPrefix(loc, glossary) {
		t.Fatalf("the first tap followed the link to %s", loc)
	}
	box := Eval[[]float64](t, ctx, `(() => { const r = document.querySelector("[data-nhi-tooltip]").getBoundingClientRect(); return [r.left, r.right]; })()`)
	if box[0] < 0 || box[1] > 360 {
		t.Errorf("tooltip spans %v of a 360 px screen", box)
	}
	Do(t, ctx, chromedp.Tap(chromedp.CSS("a[data-nhi-term]")))
	WaitFor(t, ctx, `location.href === "`+glossary+`/terms/secret-rotation/"`, "the second tap to follow the link")
}

// embed.js builds its DOM from text: no HTML parsing of glossary data.
func TestEmbedBuildsNoHTML(t *testing.T) {
	src, err := os.ReadFile("../../assets/embed.js")
	if err != nil {
		t.Fatal(err)
	}
	code := regexp.MustCompile(`(?m)//.*$`).ReplaceAllString(string(src), "")
	for _, bad := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "createContextualFragment", "DOMParser", "eval(", "Function(", "setAttribute('style'", `setAttribute("style"`} {
		if strings.Contains(code, bad) {
			t.Errorf("embed.js uses %s", bad)
		}
	}
}
