package browsertest

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// WaitFor evaluates a JavaScript expression every 50ms until it is
// truthy, for at most 15 seconds (a loaded 2-core CI machine can take
// seconds per step), and fails the test if it never is;
// what says what was awaited. It survives navigations: an expression that
// fails because the page is changing is tried again.
func WaitFor(t testing.TB, ctx context.Context, expr, what string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	var err error
	for {
		var ok bool
		ok, err = chromedp.Run(ctx, chromedp.Evaluate[bool]("!!("+expr+")"))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("waiting for %s (%s): %v", what, expr, err)
	}
	t.Fatalf("waiting for %s: %s is still false after 15s", what, expr)
}

// Open navigates to url and waits until the page has loaded and the site's
// main.js has run (it shows the theme toggle), so that its behaviour can be
// tested at once. Use chromedp.Navigate for a page without the site's layout.
func Open(t testing.TB, ctx context.Context, url string) {
	t.Helper()
	Do(t, ctx, chromedp.Navigate(url))
	WaitFor(t, ctx, `document.readyState === "complete" && !document.querySelector(".theme-toggle").hidden`, "main.js to run on "+url)
}

// Viewport sets the size of the page in CSS pixels. A mobile viewport
// (width < 768) also turns on touch and the mobile meta-viewport rules,
// as a phone would.
func Viewport(t testing.TB, ctx context.Context, width, height int64) {
	t.Helper()
	var opts []chromedp.EmulateViewportOption
	if width < 768 {
		opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	Do(t, ctx, chromedp.EmulateViewport(width, height, opts...))
}

// Media emulates a CSS media type ("screen", "print"; "" for none) and the
// system colour scheme ("light", "dark"; "" for the browser's default).
func Media(t testing.TB, ctx context.Context, media, scheme string) {
	t.Helper()
	p := emulation.SetEmulatedMediaParams{
		Media:    media,
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, p); err != nil {
		t.Fatal(err)
	}
}

// Press types one key as a keyboard does: a keyDown that carries the
// key's text, then a keyUp. Unlike chromedp.KeyEvent, whose separate char
// event types the text whatever the page does, a page that cancels the
// keydown (a "/" shortcut) also stops the typing. key is one rune of
// chromedp/kb, such as "/", "a" or kb.Escape.
func Press(t testing.TB, ctx context.Context, key string) {
	t.Helper()
	r := []rune(key)
	k, ok := kb.Keys[r[0]]
	if len(r) != 1 || !ok {
		t.Fatalf("Press(%q): not one key of chromedp/kb", key)
	}
	down := input.DispatchKeyEventParams{
		Type: input.DispatchKeyEventTypeKeyDown, Key: k.Key, Code: k.Code,
		WindowsVirtualKeyCode: k.Windows, NativeVirtualKeyCode: k.Native,
	}
	if k.Print {
		down.Text, down.UnmodifiedText = k.Text, k.Unmodified
	}
	if k.Shift {
		down.Modifiers = int64(kb.ModifierShift)
	}
	up := down
	up.Type, up.Text, up.UnmodifiedText = input.DispatchKeyEventTypeKeyUp, "", ""
	for _, p := range []input.DispatchKeyEventParams{down, up} {
		if _, err := chromedp.Call(ctx, input.DispatchKeyEvent, p); err != nil {
			t.Fatal(err)
		}
	}
}
