package serve

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nhimg/nhiglossary"
	"github.com/nhimg/nhiglossary/internal/build"
	"github.com/nhimg/nhiglossary/internal/live"
	"github.com/nhimg/nhiglossary/internal/serve/livereload"
)

func buildOptions() build.Options {
	return build.Options{Drafts: true, Templates: nhiglossary.Templates(), Assets: nhiglossary.Assets(), Generator: "nhiglossary test"}
}

// exampleSite copies the build package's example site (three terms, an
// incident, a framework) to a temporary folder.
func exampleSite(t testing.TB) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(dst, os.DirFS("../build/testdata/example-site")); err != nil {
		t.Fatal(err)
	}
	return dst
}

func editFile(t testing.TB, dir, file, old, new string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(file))
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s has no %q", file, old)
	}
	writeFile(t, dir, file, strings.Replace(string(b), old, new, 1))
}

func writeFile(t testing.TB, dir, file, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(file))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// lockedBuffer is the server's log, read by the test while it runs.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// preview runs Run on a loopback port for the site in dir until the test
// ends; it returns the site's URL (with a trailing slash) and its log.
func preview(t testing.TB, dir string) (string, *lockedBuffer) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	log := &lockedBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, ln, Options{Src: dir, Build: buildOptions(), Log: log, Ready: func(u string) { ready <- u }})
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	select {
	case u := <-ready:
		return u, log
	case err := <-done:
		t.Fatalf("Run: %v\n%s", err, log)
	case <-time.After(20 * time.Second):
		t.Fatalf("not serving after 20s\n%s", log)
	}
	return "", nil
}

// stream is a browser's event stream, as decoded messages.
type stream struct {
	msgs chan map[string]any
	stop func()
}

func events(t testing.TB, siteURL, page, version string, header http.Header) *stream {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	u := siteURL + eventsPath + "?path=" + page
	if version != "" {
		u += "&v=" + version
	}
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if resp.StatusCode != 200 {
		cancel()
		t.Fatalf("events: %s", resp.Status)
	}
	s := &stream{msgs: make(chan map[string]any, 64), stop: func() { cancel(); resp.Body.Close() }}
	go func() {
		defer close(s.msgs)
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			if d, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				var m map[string]any
				if json.Unmarshal([]byte(d), &m) == nil {
					s.msgs <- m
				}
			}
		}
	}()
	t.Cleanup(s.stop)
	return s
}

// await returns the first message for which ok is true, within 15s.
func (s *stream) await(t testing.TB, what string, ok func(map[string]any) bool) map[string]any {
	t.Helper()
	deadline := time.After(15 * time.Second)
	for {
		select {
		case m, open := <-s.msgs:
			if !open {
				t.Fatalf("the stream closed while waiting for %s", what)
			}
			if ok(m) {
				return m
			}
		case <-deadline:
			t.Fatalf("no %s within 15s", what)
		}
	}
}

func isStatus(errors int) func(map[string]any) bool {
	return func(m map[string]any) bool { return m["type"] == "status" && m["errors"] == float64(errors) }
}

func reloads(page string) func(map[string]any) bool {
	return func(m map[string]any) bool {
		if m["type"] != "reload" {
			return false
		}
		if m["all"] == true {
			return true
		}
		pages, _ := m["pages"].([]any)
		for _, p := range pages {
			if p == page {
				return true
			}
		}
		return false
	}
}

func get(t testing.TB, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// handlerFor builds the site in dir for a server at addr and returns its
// handler, without watching or serving: for httptest requests.
func handlerFor(t *testing.T, dir, addr string, allowHosts ...string) http.Handler {
	t.Helper()
	a, err := net.ResolveTCPAddr("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	s, ch := serverFor(t, dir, a, allowHosts...)
	if ch.Err != nil {
		t.Fatalf("%v\n%v", ch.Err, ch.Diags)
	}
	return s.handler()
}

// serverFor makes a server for the site in dir, at addr, that has built
// it once and told its (running) hub.
func serverFor(t *testing.T, dir string, addr net.Addr, allowHosts ...string) (*server, *live.Change) {
	t.Helper()
	s, err := newServer(Options{Src: dir, Build: buildOptions(), AllowHosts: allowHosts}, addr)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	go s.hub.Run(ctx)
	t.Cleanup(func() {
		cancel()
		s.root.Close()
	})
	ch := s.live.Update(ctx, nil)
	s.publish(ch)
	return s, ch
}

func do(h http.Handler, method, target, host string, header http.Header) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, target, nil)
	r.Host = host
	for k, v := range header {
		r.Header[k] = v
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestOnlyHostsNoOneCanRebindAreAnswered(t *testing.T) {
	for _, tc := range []struct {
		listen string
		allow  []string
		host   string
		want   int
	}{
		{"127.0.0.1:1313", nil, "127.0.0.1:1313", 200},
		{"127.0.0.1:1313", nil, "localhost:1313", 200},
		{"127.0.0.1:1313", nil, "LOCALHOST:1313", 200},
		{"127.0.0.1:1313", nil, "localhost.:1313", 200},
		{"127.0.0.1:1313", nil, "localhost", 200},
		{"127.0.0.1:1313", nil, "[::1]:1313", 200},
		{"127.0.0.1:1313", nil, "[::1]", 200},
		{"127.0.0.1:1313", nil, "glossary.localhost:1313", 200},
		{"127.0.0.1:1313", nil, "127.0.0.1:8080", 200}, // docker run -p 8080:1313
		{"0.0.0.0:1313", nil, "localhost:8080", 200},
		{"0.0.0.0:1313", nil, "192.168.1.10:1313", 200},
		{"0.0.0.0:1313", nil, "[fd00::1]:80", 200},
		{"127.0.0.1:1313", nil, "evil.example:1313", 403}, // DNS rebinding: a name that now resolves to us
		{"0.0.0.0:1313", nil, "evil.example:1313", 403},
		{"127.0.0.1:1313", nil, "evil.example", 403},
		{"127.0.0.1:1313", nil, "localhost.evil:1313", 403},
		{"127.0.0.1:1313", nil, "localhost.evil.example:1313", 403},
		{"127.0.0.1:1313", nil, "127.0.0.1.nip.io:1313", 403},
		{"127.0.0.1:1313", nil, "127.0.0.1:1313@evil", 403},
		{"127.0.0.1:1313", nil, "localhost:1313:1313", 403},
		{"127.0.0.1:1313", nil, "localhost:http", 403},
		{"127.0.0.1:1313", nil, "", 403},
		{"0.0.0.0:1313", []string{"glossary.lan"}, "glossary.lan:8080", 200},
		{"0.0.0.0:1313", []string{"Glossary.LAN."}, "glossary.lan", 200},
		{"0.0.0.0:1313", []string{"glossary.lan:1313"}, "GLOSSARY.lan:1313", 200},
		{"0.0.0.0:1313", []string{"glossary.lan"}, "evil.example:1313", 403},
		{"0.0.0.0:1313", []string{"glossary.lan"}, "x.glossary.lan:1313", 403},
	} {
		h := handlerFor(t, exampleSite(t), tc.listen, tc.allow...)
		w := do(h, "GET", "/terms/api-key/", tc.host, nil)
		if w.Code != tc.want {
			t.Errorf("listening on %s, allowing %q: Host %q: status %d, want %d", tc.listen, tc.allow, tc.host, w.Code, tc.want)
		}
		if w.Code == 403 && !strings.Contains(w.Body.String(), "--allow-host") {
			t.Errorf("Host %q: the refusal does not name --allow-host: %q", tc.host, w.Body.String())
		}
	}
}

func TestTheRefusalNamesTheFlagToWrite(t *testing.T) {
	h := handlerFor(t, exampleSite(t), "0.0.0.0:1313")
	w := do(h, "GET", "/", "Glossary.Example.:8080", nil)
	if w.Code != 403 || !strings.Contains(w.Body.String(), "start it with --allow-host glossary.example\n") {
		t.Errorf("status %d: %q", w.Code, w.Body.String())
	}
}

func TestNoPathOutsideTheSiteIsServed(t *testing.T) {
	dir := exampleSite(t)
	secret := filepath.Join(t.TempDir(), "secret.txt")
	os.WriteFile(secret, []byte("SECRET"), 0o600)
	os.MkdirAll(filepath.Join(dir, "assets"), 0o755)
	if err := os.Symlink(secret, filepath.Join(dir, "assets", "leak.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Dir(secret), filepath.Join(dir, "assets", "dir")); err != nil {
		t.Fatal(err)
	}
	h := handlerFor(t, dir, "127.0.0.1:1313")
	for _, target := range []string{
		"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/etc/passwd",
		"/terms/..%2f..%2fetc%2fpasswd", "/assets/leak.txt", "/assets/dir/secret.txt", "/..\\..\\secret.txt",
		"/terms/%00/", "/./index.html", "//etc/passwd",
	} {
		w := do(h, "GET", target, "127.0.0.1:1313", nil)
		if w.Code == 200 || strings.Contains(w.Body.String(), "SECRET") {
			t.Errorf("GET %s: status %d, %.60q", target, w.Code, w.Body.String())
		}
	}
	if w := do(h, "GET", "/assets/style.css", "127.0.0.1:1313", nil); w.Code != 200 {
		t.Errorf("the site's own stylesheet: status %d", w.Code)
	}
}

func TestPagesAreServedAtTheRootWithLinksToTheServer(t *testing.T) {
	h := handlerFor(t, exampleSite(t), "127.0.0.1:1313")
	w := do(h, "GET", "/terms/api-key/", "127.0.0.1:1313", nil)
	body := w.Body.String()
	if w.Code != 200 || !strings.Contains(body, `<link rel="canonical" href="http://127.0.0.1:1313/terms/api-key/">`) {
		t.Fatalf("status %d; canonical link to the preview missing", w.Code)
	}
	if !strings.Contains(body, `src="/_nhiglossary/livereload.js?v=`) || !strings.Contains(body, `<meta name="nhiglossary-version"`) {
		t.Error("the page does not load the live-reload client")
	}
	if got := w.Header().Get("Cache-Control"); got != "no-store" {
		t.Errorf("Cache-Control %q", got)
	}
	// Assets are named with their version, so a reload finds them cached.
	_, css, _ := strings.Cut(body, `<link rel="stylesheet" href="/assets/style.css?v=`)
	v, _, _ := strings.Cut(css, `"`)
	if v == "" {
		t.Fatal("the page names its stylesheet without a version")
	}
	if w := do(h, "GET", "/assets/style.css?v="+v, "127.0.0.1:1313", nil); w.Header().Get("Cache-Control") != "max-age=31536000, immutable" {
		t.Errorf("a versioned asset: Cache-Control %q", w.Header().Get("Cache-Control"))
	}
	w = do(h, "GET", "/assets/style.css?v=old", "127.0.0.1:1313", nil)
	if w.Header().Get("Cache-Control") != "no-cache" || w.Header().Get("ETag") != `"`+v+`"` {
		t.Errorf("an asset under another version: Cache-Control %q, ETag %q", w.Header().Get("Cache-Control"), w.Header().Get("ETag"))
	}
	if w := do(h, "GET", "/assets/style.css", "127.0.0.1:1313", http.Header{"If-None-Match": {`"` + v + `"`}}); w.Code != 304 {
		t.Errorf("revalidating an unchanged asset: %d", w.Code)
	}
	if w := do(h, "GET", "/terms/api-key", "127.0.0.1:1313", nil); w.Code != 301 || w.Header().Get("Location") != "/terms/api-key/" {
		t.Errorf("/terms/api-key: %d to %q, want a redirect to the folder", w.Code, w.Header().Get("Location"))
	}
	if w := do(h, "GET", "/terms/nope/", "127.0.0.1:1313", nil); w.Code != 404 || !strings.Contains(w.Body.String(), "livereload.js") {
		t.Errorf("a missing page: %d, want the site's 404 page, which reloads when the page appears", w.Code)
	}
	if w := do(h, "POST", "/", "127.0.0.1:1313", nil); w.Code != 405 {
		t.Errorf("POST: %d", w.Code)
	}
}

func TestTheEventStreamRefusesOtherOrigins(t *testing.T) {
	h := handlerFor(t, exampleSite(t), "127.0.0.1:1313")
	for _, hdr := range []http.Header{
		{"Origin": {"http://evil.example"}},
		{"Origin": {"http://evil.example:1313"}},
		{"Origin": {"null"}},
		{"Origin": {"https://127.0.0.1:1313"}},
		{"Sec-Fetch-Site": {"cross-site"}},
		{"Origin": {"http://localhost:1313"}}, // same server, another origin than the page's Host
	} {
		if w := do(h, "GET", "/"+eventsPath, "127.0.0.1:1313", hdr); w.Code != 403 {
			t.Errorf("%v: status %d, want 403", hdr, w.Code)
		}
	}
}

func TestASavedEditReachesTheBrowser(t *testing.T) {
	dir := exampleSite(t)
	url, log := preview(t, dir)
	if code, _ := get(t, url+"terms/api-key/"); code != 200 {
		t.Fatalf("status %d", code)
	}
	es := events(t, url, "/terms/api-key/", "", http.Header{"Origin": {strings.TrimSuffix(url, "/")}})
	es.await(t, "the first status", isStatus(0))

	editFile(t, dir, "content/terms/api-key.md", "An API key is a long-lived bearer secret", "An API key is a freshly edited bearer secret")
	es.await(t, "a reload of the edited page", reloads("/terms/api-key/"))
	if _, body := get(t, url+"terms/api-key/"); !strings.Contains(body, "freshly edited") {
		t.Error("the page does not show the edit")
	}
	// The term's page, its Markdown copy, llms-full.txt and api/glossary.json.
	// (os.WriteFile truncates, then writes: on a loaded machine the
	// watcher may see the file between the two and rebuild twice.)
	waitFor(t, func() bool { return strings.Contains(log.String(), "content/terms/api-key.md: 4 files in") }, "the terminal to report the rebuild of 4 files")
}

func TestErrorsShowInTheOverlayUntilFixed(t *testing.T) {
	dir := exampleSite(t)
	url, log := preview(t, dir)
	es := events(t, url, "/terms/api-key/", "", nil)
	es.await(t, "the first status", isStatus(0))

	editFile(t, dir, "content/terms/api-key.md", "related: [secret-rotation, service-account]", "related: [secret-rotation, servce-account]")
	m := es.await(t, "the errors", isStatus(1))
	problems := m["problems"].([]any)
	p := problems[0].(map[string]any)
	const want = `content/terms/api-key.md:8:28: unknown related term "servce-account" (did you mean "service-account"?)`
	if p["text"] != want {
		t.Errorf("problem %q, want %q", p["text"], want)
	}
	var src []string
	for _, l := range p["source"].([]any) {
		l := l.(map[string]any)
		src = append(src, fmt.Sprintf("%v %v", l["n"], l["text"]))
	}
	if got := strings.Join(src, "\n"); got != "7 tags: [secrets, authentication]\n8 related: [secret-rotation, servce-account]\n9 examples:" {
		t.Errorf("source lines:\n%s", got)
	}
	// The terminal names the file from the folder serve runs in (the
	// browser, from the site's).
	waitFor(t, func() bool { return strings.Contains(log.String(), "\n"+filepath.ToSlash(dir)+"/"+want) }, "the terminal to print the problem")
	// A page opened now gets the errors at once.
	late := events(t, url, "/", "", nil)
	late.await(t, "the errors on connecting", isStatus(1))
	// The server keeps serving the last good pages.
	if code, body := get(t, url+"terms/api-key/"); code != 200 || !strings.Contains(body, "API Key") {
		t.Errorf("while broken: status %d", code)
	}

	editFile(t, dir, "content/terms/api-key.md", "servce-account", "service-account")
	es.await(t, "the errors cleared", isStatus(0))
	es.await(t, "a reload after the fix", reloads("/terms/api-key/"))
	waitFor(t, func() bool { return strings.Contains(log.String(), "fixed") }, "the terminal to say it is fixed")
}

func TestAPageThatChangedWhileLoadingReloadsOnConnecting(t *testing.T) {
	dir := exampleSite(t)
	url, _ := preview(t, dir)
	resp, err := http.Get(url + "terms/api-key/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	_, v, _ := strings.Cut(string(body), `<meta name="nhiglossary-version" content="`)
	v, _, _ = strings.Cut(v, `"`)
	editFile(t, dir, "content/terms/api-key.md", "hard to inventory", "very hard to inventory")
	waitFor(t, func() bool {
		_, b := get(t, url+"terms/api-key/")
		return strings.Contains(b, "very hard")
	}, "the edit to be served")
	es := events(t, url, "/terms/api-key/", v, nil)
	es.await(t, "a reload on connecting", reloads("/terms/api-key/"))
}

func TestARenamedTermTellsTheBrowserWhereItWent(t *testing.T) {
	dir := exampleSite(t)
	writeFile(t, dir, "content/terms/orphan.md", "---\ntitle: Orphan\nsummary: Alone.\nupdated: 2026-01-01\n---\nAlone.\n")
	url, _ := preview(t, dir)
	es := events(t, url, "/terms/orphan/", "", nil)
	es.await(t, "the first status", isStatus(0))
	editFile(t, dir, "content/terms/orphan.md", "title: Orphan\n", "title: Orphan\nslug: lone-term\n")
	m := es.await(t, "a move", func(m map[string]any) bool { return m["moved"] != nil })
	if got := m["moved"].(map[string]any)["/terms/orphan/"]; got != "/terms/lone-term/" {
		t.Errorf("moved to %v", got)
	}
}

func TestACSSChangeIsSwappedNotReloaded(t *testing.T) {
	dir := exampleSite(t)
	writeFile(t, dir, "assets/style.css", "body { color: black }\n")
	url, _ := preview(t, dir)
	es := events(t, url, "/", "", nil)
	es.await(t, "the first status", isStatus(0))
	writeFile(t, dir, "assets/style.css", "body { color: teal }\n")
	m := es.await(t, "a stylesheet change", func(m map[string]any) bool { return m["type"] == "css" || m["type"] == "reload" })
	hrefs, _ := m["hrefs"].(map[string]any)
	href, _ := hrefs["/assets/style.css"].(string)
	if m["type"] != "css" || len(hrefs) != 1 || !strings.HasPrefix(href, "/assets/style.css?v=") {
		t.Fatalf("message %v, want a css swap of /assets/style.css", m)
	}
	if _, body := get(t, url+strings.TrimPrefix(href, "/")); !strings.Contains(body, "teal") {
		t.Error("the new stylesheet is not served")
	}
	if _, page := get(t, url); !strings.Contains(page, `href="`+href+`"`) {
		t.Error("pages do not name the new stylesheet")
	}
}

func waitFor(t testing.TB, cond func() bool, what string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("waited 15s for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestShutdownLeavesNothingRunning runs a preview with a connected
// browser and an edit under way, stops it, and checks that every
// goroutine it started has ended.
func TestShutdownLeavesNothingRunning(t *testing.T) {
	http.DefaultClient.CloseIdleConnections()
	before := runtime.NumGoroutine()
	dir := exampleSite(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, ln, Options{Src: dir, Build: buildOptions(), Ready: func(u string) { ready <- u }})
	}()
	url := <-ready
	tr := &http.Transport{}
	client := &http.Client{Transport: tr}
	resp, err := client.Get(url + eventsPath + "?path=/")
	if err != nil {
		t.Fatal(err)
	}
	get := func(u string) {
		r, err := client.Get(u)
		if err == nil {
			io.Copy(io.Discard, r.Body)
			r.Body.Close()
		}
	}
	get(url + "terms/api-key/")
	editFile(t, dir, "content/terms/api-key.md", "hard to inventory", "hard to count")

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return within 10s of its context ending")
	}
	// The server closed the event stream: reading it ends.
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	tr.CloseIdleConnections()

	deadline := time.Now().Add(15 * time.Second)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			var buf bytes.Buffer
			pprof.Lookup("goroutine").WriteTo(&buf, 1)
			t.Fatalf("%d goroutines before, %d after stopping:\n%s", before, runtime.NumGoroutine(), buf.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func readAll(t testing.TB, resp *http.Response) string {
	t.Helper()
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Files go out through http.ServeContent: ranges, revalidation and HEAD
// are net/http's.
func TestFilesAnswerRangesRevalidationAndHead(t *testing.T) {
	h := handlerFor(t, exampleSite(t), "127.0.0.1:1313")
	full := do(h, "GET", "/assets/style.css", "127.0.0.1:1313", nil)
	etag := full.Header().Get("ETag")
	if full.Code != 200 || etag == "" || full.Header().Get("Accept-Ranges") != "bytes" {
		t.Fatalf("status %d, ETag %q, Accept-Ranges %q", full.Code, etag, full.Header().Get("Accept-Ranges"))
	}
	w := do(h, "GET", "/assets/style.css", "127.0.0.1:1313", http.Header{"Range": {"bytes=0-9"}})
	if w.Code != 206 || w.Body.String() != full.Body.String()[:10] {
		t.Errorf("a range: %d %q", w.Code, w.Body.String())
	}
	if w := do(h, "GET", "/search/names.0.txt", "127.0.0.1:1313", http.Header{"If-None-Match": {etagOf(h, "/search/names.0.txt")}}); w.Code != 304 {
		t.Errorf("revalidating the search index: %d", w.Code)
	}
	if w := do(h, "GET", "/"+clientPath, "127.0.0.1:1313", http.Header{"If-None-Match": {etagOf(h, "/"+clientPath)}}); w.Code != 304 {
		t.Errorf("revalidating the client: %d", w.Code)
	}
	w = do(h, "HEAD", "/terms/api-key/", "127.0.0.1:1313", nil)
	if w.Code != 200 || w.Body.Len() != 0 || w.Header().Get("Content-Length") == "" || w.Header().Get("Content-Type") != "text/html; charset=utf-8" {
		t.Errorf("HEAD: %d, %d bytes, Content-Length %q, Content-Type %q", w.Code, w.Body.Len(), w.Header().Get("Content-Length"), w.Header().Get("Content-Type"))
	}
}

func etagOf(h http.Handler, target string) string {
	return do(h, "GET", target, "127.0.0.1:1313", nil).Header().Get("ETag")
}

// Pages name the client by its version, so a reload takes it from the
// browser's cache without asking; under another name it is revalidated.
func TestTheClientIsCachedUnderItsVersion(t *testing.T) {
	h := handlerFor(t, exampleSite(t), "127.0.0.1:1313")
	page := do(h, "GET", "/terms/api-key/", "127.0.0.1:1313", nil).Body.String()
	named := "/" + clientPath + "?v=" + livereload.ClientVersion
	if !strings.Contains(page, `src="`+named+`"`) {
		t.Fatalf("the page does not name the client as %s", named)
	}
	if cc := do(h, "GET", named, "127.0.0.1:1313", nil).Header().Get("Cache-Control"); cc != "max-age=31536000, immutable" {
		t.Errorf("the client under its version: Cache-Control %q", cc)
	}
	for _, u := range []string{"/" + clientPath, "/" + clientPath + "?v=old"} {
		if cc := do(h, "GET", u, "127.0.0.1:1313", nil).Header().Get("Cache-Control"); cc != "no-cache" {
			t.Errorf("%s: Cache-Control %q", u, cc)
		}
	}
}
