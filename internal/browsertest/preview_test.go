package browsertest

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

const (
	serviceAccountLink = `.prose a[data-term="service-account"]`
	serviceAccountText = "An account that software, not a person, uses to authenticate."
	nhiLink            = `.prose a[data-term="non-human-identity"]`

	previewShown  = `(() => { const p = document.getElementById("term-preview"); return !!p && !p.hidden && p.getBoundingClientRect().height > 0; })()`
	previewHidden = `(() => { const p = document.getElementById("term-preview"); return !p || p.hidden; })()`
)

// preview returns the tooltip's text and the describedby of the link.
func preview(t *testing.T, ctx context.Context, link string) (text, describedBy string) {
	t.Helper()
	got := Eval[[]string](t, ctx, `[document.getElementById("term-preview").innerText, document.querySelector('`+link+`').getAttribute("aria-describedby") || ""]`)
	return got[0], got[1]
}

// center scrolls the element into view and returns its centre in CSS pixels.
func center(t *testing.T, ctx context.Context, sel string) (x, y float64) {
	t.Helper()
	xy := Eval[[]float64](t, ctx, `(() => { const e = document.querySelector('`+sel+`'); e.scrollIntoView({block: "center", behavior: "instant"}); const r = e.getClientRects()[0]; return [r.left + r.width / 2, r.top + r.height / 2]; })()`)
	return xy[0], xy[1]
}

func TestPreviewOpensOnHoverAndClosesOnEscape(t *testing.T) {
	t.Parallel()
	ctx := openExample(t, "/terms/api-key/", 1280, 800)

	x, y := center(t, ctx, serviceAccountLink)
	Do(t, ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x, y))
	WaitFor(t, ctx, previewShown, "the preview on hover")
	text, by := preview(t, ctx, serviceAccountLink)
	if !strings.Contains(text, "Service Account") || !strings.Contains(text, serviceAccountText) {
		t.Errorf("preview text %q, want the title and summary of Service Account", text)
	}
	if by != "term-preview" {
		t.Errorf("link aria-describedby %q while shown, want term-preview", by)
	}
	if role := Eval[string](t, ctx, `document.getElementById("term-preview").getAttribute("role")`); role != "tooltip" {
		t.Errorf("preview role %q, want tooltip", role)
	}
	// The preview sits next to the link, inside the viewport.
	box := Eval[[]float64](t, ctx, `(() => { const r = document.getElementById("term-preview").getBoundingClientRect(); return [r.left, r.right, r.top, r.bottom]; })()`)
	if box[0] < 0 || box[1] > 1280 || (box[2] > y+80 || box[3] < y-80) && (box[3] < y-200) {
		t.Errorf("preview at %v, link at (%.0f, %.0f): not beside the link", box, x, y)
	}

	Press(t, ctx, kb.Escape)
	WaitFor(t, ctx, previewHidden, "Esc to close the preview")
	if _, by := preview(t, ctx, serviceAccountLink); by != "" {
		t.Errorf("link aria-describedby %q after Esc, want none", by)
	}

	// Hover again, then leave: it closes.
	Do(t, ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x+200, y+200), chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x, y))
	WaitFor(t, ctx, previewShown, "the preview on a second hover")
	Do(t, ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, 5, 5))
	WaitFor(t, ctx, previewHidden, "the preview to close on mouseleave")
}

func TestPreviewOpensOnFocusAndClosesOnBlur(t *testing.T) {
	t.Parallel()
	base := serveExample(t)
	ctx := New(t)
	Open(t, ctx, base+"/terms/api-key/")

	Do(t, ctx, chromedp.Focus(chromedp.CSS(nhiLink)))
	WaitFor(t, ctx, previewShown, "the preview on focus")
	text, by := preview(t, ctx, nhiLink)
	if !strings.Contains(text, "Non-Human Identity") || !strings.Contains(text, "NHI") ||
		!strings.Contains(text, "An identity that software uses to authenticate") {
		t.Errorf("preview text %q, want title, abbreviation and summary of Non-Human Identity", text)
	}
	if by != "term-preview" {
		t.Errorf("link aria-describedby %q while shown, want term-preview", by)
	}
	Press(t, ctx, kb.Escape)
	WaitFor(t, ctx, previewHidden, "Esc to close the preview")
	if got := Eval[string](t, ctx, `document.activeElement.getAttribute("data-term")`); got != "non-human-identity" {
		t.Errorf("Esc moved focus to %q; it should stay on the link", got)
	}

	Do(t, ctx, chromedp.Focus(chromedp.CSS(serviceAccountLink)))
	WaitFor(t, ctx, previewShown, "the preview on focus of another link")
	if text, _ := preview(t, ctx, serviceAccountLink); !strings.Contains(text, serviceAccountText) {
		t.Errorf("preview text %q, want the summary of Service Account", text)
	}
	if _, by := preview(t, ctx, nhiLink); by != "" {
		t.Errorf("the previous link keeps aria-describedby %q", by)
	}
	Do(t, ctx, chromedp.Blur(chromedp.CSS(serviceAccountLink)))
	WaitFor(t, ctx, previewHidden, "blur to close the preview")
}

// On a touch screen the first tap shows the preview with a link to the
// term; a second tap on the same link follows it.
func TestPreviewFirstTapShowsSecondTapFollows(t *testing.T) {
	t.Parallel()
	ctx := openExample(t, "/terms/api-key/", 360, 740)

	Eval[chromedp.Void](t, ctx, `document.querySelector('`+serviceAccountLink+`').scrollIntoView({block: "center", behavior: "instant"})`)
	Do(t, ctx, chromedp.Tap(chromedp.CSS(serviceAccountLink)))
	WaitFor(t, ctx, previewShown, "the preview on the first tap")
	if loc := Eval[string](t, ctx, `location.pathname`); loc != "/terms/api-key/" {
		t.Fatalf("the first tap navigated to %s", loc)
	}
	if href := Eval[string](t, ctx, `document.querySelector("#term-preview a").getAttribute("href")`); !strings.HasSuffix(href, "/terms/service-account/") {
		t.Errorf("preview link %q, want the term's URL", href)
	}
	Do(t, ctx, chromedp.Tap(chromedp.CSS(serviceAccountLink)))
	WaitFor(t, ctx, `location.pathname === "/terms/service-account/"`, "the second tap to open the term")
}

// A reader whose touch-and-hold delay is long (an accessibility setting
// of phones) holds a tap for over a second. The preview once took a
// focus that long after the touch began for a keyboard's and showed it,
// so that the tap's click counted as the second and left the page.
func TestPreviewSlowTapShowsFirst(t *testing.T) {
	t.Parallel()
	ctx := openExample(t, "/terms/api-key/", 360, 740)

	x, y := center(t, ctx, serviceAccountLink)
	touch := input.DispatchTouchEventParams{Type: input.DispatchTouchEventTypeTouchStart, TouchPoints: []*input.TouchPoint{{X: x, Y: y}}}
	if _, err := chromedp.Call(ctx, input.DispatchTouchEvent, touch); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1200 * time.Millisecond) // the hold itself: the input under test, not a wait
	touch.Type, touch.TouchPoints = input.DispatchTouchEventTypeTouchEnd, []*input.TouchPoint{}
	if _, err := chromedp.Call(ctx, input.DispatchTouchEvent, touch); err != nil {
		t.Fatal(err)
	}
	WaitFor(t, ctx, `location.pathname !== "/terms/api-key/" || document.querySelector("#term-preview a")`, "the slow tap to show the preview or open the term")
	if loc := Eval[string](t, ctx, `location.pathname`); loc != "/terms/api-key/" {
		t.Fatalf("a slow first tap opened %s; it should show the preview", loc)
	}
	// A key pressed since is the keyboard's: focus shows the preview again.
	Press(t, ctx, kb.Escape)
	WaitFor(t, ctx, previewHidden, "Esc to close the preview")
	Do(t, ctx, chromedp.Focus(chromedp.CSS(nhiLink)))
	WaitFor(t, ctx, previewShown, "the preview on keyboard focus after a tap")
}

// Pages that list terms without their summaries carry the previews of
// every term they link to.
func TestEveryTermLinkHasPreviewData(t *testing.T) {
	t.Parallel()
	base := serveExample(t)
	ctx := New(t)
	for _, path := range []string{"/terms/api-key/", "/frameworks/owasp-nhi-top-10/", "/frameworks/matrix/", "/incidents/example-key-leak/"} {
		Open(t, ctx, base+path)
		missing := Eval[[]string](t, ctx, `(() => {
			const el = document.getElementById("term-previews");
			if (!el) return ["(no #term-previews)"];
			const p = JSON.parse(el.textContent);
			return [...document.querySelectorAll("main a[data-term]")].map(a => a.dataset.term).filter(s => !(s in p));
		})()`)
		if len(missing) > 0 {
			t.Errorf("%s: links without preview data: %q", path, missing)
		}
	}
}

// On the A–Z index a term's other names point to its entry; hovering one
// previews the term from that entry, as links elsewhere do.
func TestPreviewOfAnOtherNameOnTheIndex(t *testing.T) {
	t.Parallel()
	ctx := openExample(t, "/terms/", 1280, 800)

	const alias = `.az-alias a[data-term="api-key"]`
	want := Eval[[]string](t, ctx, `(() => { const e = document.querySelector('.az-entry:not(.az-alias) a[data-term="api-key"]').closest(".az-entry"); return [e.querySelector("dt a").textContent, e.querySelector("dd").textContent]; })()`)
	x, y := center(t, ctx, alias)
	Do(t, ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x, y))
	WaitFor(t, ctx, previewShown, "the preview of an other name's term")
	text, by := preview(t, ctx, alias)
	if !strings.Contains(text, want[0]) || !strings.Contains(text, want[1]) || by != "term-preview" {
		t.Errorf("preview %q (described-by %q), want the title %q and summary %q of the term's entry", text, by, want[0], want[1])
	}
	// The term's own entry already shows its summary: no preview there.
	Do(t, ctx, chromedp.KeyEvent(kb.Escape))
	x, y = center(t, ctx, `.az-entry:not(.az-alias) a[data-term="api-key"]`)
	Do(t, ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x, y))
	time.Sleep(400 * time.Millisecond) // longer than the hover delay: nothing may show
	if Eval[bool](t, ctx, previewShown) {
		t.Errorf("the term's own entry shows a preview of itself")
	}
}
