// Package browsertest lets tests look at the site as a reader does: it
// builds a site, serves it like a static host and drives a headless
// Chromium over it with chromedp.
//
//	site := browsertest.BuildSite(t, browsertest.ExampleSite(t)) // or any site folder
//	url := browsertest.ServeDir(t, site)
//	ctx := browsertest.New(t)                   // a fresh browser; skips without Chromium
//	browsertest.Open(t, ctx, url+"/terms/api-key/")
//	browsertest.WaitFor(t, ctx, `document.title != ""`, "a title")
//	title := browsertest.Eval[string](t, ctx, `document.title`)
//	browsertest.NoAxeViolations(t, ctx, "the API Key page")
//
// New skips the test when no Chromium is installed, unless the environment
// sets NHIGLOSSARY_REQUIRE_BROWSER=1 (CI), which makes it fail instead.
// NHIGLOSSARY_CHROMIUM names the browser binary when it is not
// /usr/bin/chromium or on PATH. Each New starts its own browser with its
// own profile, so tests may run in parallel and share no storage.
// Everything a helper starts stops when the test ends.
//
// The package's own tests check the reader's site: accessibility (axe-core)
// in both themes, term previews, the theme toggle, the layout on a phone,
// print and the Content-Security-Policy. With -screenshots DIR they also
// write the screenshots in docs/screenshots (scripts/screenshots.sh).
package browsertest

import (
	"context"
	"embed"
	"errors"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/nhimg/nhiglossary"
	"github.com/nhimg/nhiglossary/internal/build"
)

// Timeout bounds one browser session, so a hung browser fails the test
// instead of hanging it. The longest session (axe-core on twelve pages)
// takes about 2 minutes on a loaded 2-core machine.
const Timeout = 4 * time.Minute

// Chromium returns the path of the browser to drive, or "" if none is
// installed.
func Chromium() string {
	if p := os.Getenv("NHIGLOSSARY_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome", "headless_shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// New starts a headless Chromium with a fresh profile and returns the
// context of its first tab. The browser stops when the test ends.
func New(t testing.TB) context.Context {
	t.Helper()
	bin := Chromium()
	if bin == "" {
		const msg = "no Chromium found (install Debian's chromium: apt-get install -y chromium, or set NHIGLOSSARY_CHROMIUM)"
		if os.Getenv("NHIGLOSSARY_REQUIRE_BROWSER") == "1" {
			t.Fatal(msg + "; NHIGLOSSARY_REQUIRE_BROWSER=1 requires it")
		}
		t.Skip(msg)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	ctx, cancelTimeout := context.WithTimeout(context.Background(), Timeout)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	tab, cancelTab := chromedp.NewContext(actx)
	// Cleanups run last-in first-out: the tab closes, then the browser
	// exits (cancelAlloc waits for it), then t.TempDir removes the profile.
	t.Cleanup(func() {
		cancelTab()
		cancelAlloc()
		cancelTimeout()
	})
	// A headless window never has the system's focus, and without it
	// Chrome fires no focus events: emulate a focused page.
	if _, err := chromedp.Call(tab, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		t.Fatalf("starting %s: %v", bin, err)
	}
	return tab
}

// Do runs chromedp actions in order and fails the test on the first error.
func Do(t testing.TB, ctx context.Context, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// Eval evaluates a JavaScript expression in the page and decodes its value
// into T; it fails the test if the script throws.
func Eval[T any](t testing.TB, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluating %.80q: %v", expr, err)
	}
	return v
}

// ServeDir serves a built site folder on 127.0.0.1 the way a static host
// does: /terms/x/ is terms/x/index.html, /terms/x redirects to /terms/x/,
// and a miss gets 404.html with status 404. It returns the server's URL,
// without a trailing slash.
func ServeDir(t testing.TB, dir string) string {
	t.Helper()
	srv := httptest.NewServer(StaticHandler(dir))
	t.Cleanup(srv.Close)
	return srv.URL
}

// StaticHandler is the handler ServeDir uses.
func StaticHandler(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := path.Clean("/" + r.URL.Path)
		name := filepath.Join(dir, filepath.FromSlash(p))
		fi, err := os.Stat(name)
		if err == nil && fi.IsDir() {
			_, err = os.Stat(filepath.Join(name, "index.html"))
		}
		if err != nil {
			notFound(w, dir)
			return
		}
		w.Header().Set("Cache-Control", "no-store")
		files.ServeHTTP(w, r)
	})
}

func notFound(w http.ResponseWriter, dir string) {
	b, err := os.ReadFile(filepath.Join(dir, "404.html"))
	if err != nil {
		http.NotFound(w, nil)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	w.Write(b)
}

//go:embed all:testdata/site
var exampleSite embed.FS

// ExampleSite copies the package's test site (testdata/site: the content
// format's example site plus a term with an abbreviation) to a temporary
// folder and returns it.
func ExampleSite(t testing.TB) string {
	t.Helper()
	sub, err := fs.Sub(exampleSite, "testdata/site")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(dir, sub); err != nil {
		t.Fatal(err)
	}
	return dir
}

// BuildSite builds the site in src with the embedded templates and assets,
// for the root path "/" (whatever its base_url says), and returns the
// output folder. Content errors fail the test with the diagnostics.
func BuildSite(t testing.TB, src string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	res, err := build.Build(context.Background(), src, out, build.Options{
		BaseURL:   "/",
		Templates: nhiglossary.Templates(),
		Assets:    nhiglossary.Assets(),
	})
	if err != nil {
		var msgs []string
		if res != nil {
			for _, d := range res.Diags {
				msgs = append(msgs, d.String())
			}
		}
		if errors.Is(err, build.ErrInvalid) {
			t.Fatalf("building %s: %v\n%s", src, err, strings.Join(msgs, "\n"))
		}
		t.Fatalf("building %s: %v", src, err)
	}
	return out
}
