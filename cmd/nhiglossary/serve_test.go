package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

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

// serveUntilReady runs `nhiglossary serve` with args until the test ends
// and returns the URL it serves and its terminal output.
func serveUntilReady(t *testing.T, args ...string) (string, *lockedBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb lockedBuffer
	code := make(chan int, 1)
	go func() { code <- run(ctx, append([]string{"serve"}, args...), &out, &errb) }()
	t.Cleanup(func() {
		cancel()
		if c := <-code; c != 0 {
			t.Errorf("exit %d after Ctrl-C, want 0\n%s", c, errb.String())
		}
	})
	serving := regexp.MustCompile(`serving (http://\S+/)`)
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if m := serving.FindStringSubmatch(errb.String()); m != nil {
			return m[1], &errb
		}
		select {
		case c := <-code:
			t.Fatalf("exit %d before serving\n%s", c, errb.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Fatalf("not serving after 20s\n%s", errb.String())
	return "", nil
}

func TestServePreviewsTheSiteUntilInterrupted(t *testing.T) {
	url, stderr := serveUntilReady(t, "--src", exampleSite(t), "--addr", "127.0.0.1:0")
	resp, err := http.Get(url + "terms/api-key/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "livereload.js") {
		t.Errorf("status %d; the page should load the live-reload client", resp.StatusCode)
	}
	if !strings.Contains(stderr.String(), "drafts shown") {
		t.Errorf("the terminal should say drafts are shown by default:\n%s", stderr)
	}
}

func TestServeWarnsWhenOthersCanReachIt(t *testing.T) {
	_, stderr := serveUntilReady(t, "--src", exampleSite(t), "--addr", "0.0.0.0:0", "--drafts=false")
	if !strings.Contains(stderr.String(), "other machines can reach the preview") || !strings.Contains(stderr.String(), "drafts hidden") {
		t.Errorf("no warning about the address:\n%s", stderr)
	}
}

func TestServeRefusesAStrayArgumentOrAMissingFolder(t *testing.T) {
	if code, _, stderr := runCLI(t, "serve", "site"); code != 2 || !strings.Contains(stderr, `unexpected argument "site"`) {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if code, _, stderr := runCLI(t, "serve", "--src", "/nonexistent/site"); code != 2 || !strings.Contains(stderr, "is not a folder") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

func TestServeAtATakenAddressIsOneLine(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	code, _, stderr := runCLI(t, "serve", "--src", exampleSite(t), "--addr", ln.Addr().String())
	if code != 1 || strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, "nhiglossary serve: port ") || !strings.Contains(stderr, "choose another, such as --addr 127.0.0.1:") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = runCLI(t, "serve", "--src", exampleSite(t), "--addr", "1313")
	if code != 1 || stderr != "nhiglossary serve: --addr \"1313\" is not HOST:PORT (such as 127.0.0.1:1313, or 0.0.0.0:1313 for other machines too)\n" {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

func TestServeAnswersTheHostsAllowed(t *testing.T) {
	url, _ := serveUntilReady(t, "--src", exampleSite(t), "--addr", "127.0.0.1:0", "--allow-host", "glossary.lan", "--allow-host", "wiki.lan")
	for host, want := range map[string]int{"glossary.lan:8080": 200, "wiki.lan": 200, "evil.example": 403} {
		req, _ := http.NewRequest("GET", url, nil)
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %s: %d, want %d", host, resp.StatusCode, want)
		}
	}
}
