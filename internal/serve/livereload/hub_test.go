package livereload

import (
	"bufio"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// subscribe opens the event stream and returns its data lines.
func subscribe(t *testing.T, url string) (<-chan string, func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("Content-Type %q", ct)
	}
	lines := make(chan string, 64)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if d, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				lines <- d
			}
		}
	}()
	return lines, func() { cancel(); resp.Body.Close() }
}

func recv(t *testing.T, lines <-chan string) string {
	t.Helper()
	select {
	case l, ok := <-lines:
		if !ok {
			t.Fatal("stream closed")
		}
		return l
	case <-time.After(2 * time.Second):
		t.Fatal("nothing within 2s")
		return ""
	}
}

func TestEveryBrowserGetsTheStateThenEachBroadcast(t *testing.T) {
	h := New()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go h.Run(ctx)
	srv := httptest.NewServer(h)
	defer srv.Close()

	h.SetState([]byte(`{"type":"status","errors":1}`))
	a, closeA := subscribe(t, srv.URL)
	defer closeA()
	if got := recv(t, a); got != `{"type":"status","errors":1}` {
		t.Errorf("first message %q, want the state", got)
	}
	b, closeB := subscribe(t, srv.URL)
	defer closeB()
	recv(t, b)
	h.Broadcast([]byte(`{"type":"reload"}`))
	for _, c := range []<-chan string{a, b} {
		if got := recv(t, c); got != `{"type":"reload"}` {
			t.Errorf("got %q", got)
		}
	}
}

func TestFirstMessagesGoFirst(t *testing.T) {
	h := New()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go h.Run(ctx)
	h.SetState([]byte("state"))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(w, r.WithContext(WithFirst(r.Context(), []byte("first"))))
	}))
	defer srv.Close()
	c, stop := subscribe(t, srv.URL)
	defer stop()
	if got := recv(t, c); got != "first" {
		t.Errorf("got %q, want first", got)
	}
	if got := recv(t, c); got != "state" {
		t.Errorf("got %q, want state", got)
	}
}

func TestASlowBrowserIsDroppedAndTheOthersGoOn(t *testing.T) {
	h := New()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go h.Run(ctx)
	slow := &client{send: make(chan []byte, backlog)}
	h.register <- slow
	fast, stop := subscribeServer(t, h)
	defer stop()
	for i := 0; i < backlog+1; i++ {
		h.Broadcast([]byte("m"))
		recv(t, fast)
	}
	// The slow one never read: its stream is closed once it overflowed.
	n := 0
	for range slow.send {
		n++
	}
	if n != backlog {
		t.Errorf("slow client got %d messages before it was dropped, want %d", n, backlog)
	}
}

func subscribeServer(t *testing.T, h *Hub) (<-chan string, func()) {
	srv := httptest.NewServer(h)
	c, stop := subscribe(t, srv.URL)
	return c, func() { stop(); srv.Close() }
}

func TestStoppingTheHubEndsEveryStream(t *testing.T) {
	h := New()
	ctx, cancel := context.WithCancel(context.Background())
	stopped := make(chan struct{})
	go func() { h.Run(ctx); close(stopped) }()
	srv := httptest.NewServer(h)
	defer srv.Close()
	c, stop := subscribe(t, srv.URL)
	defer stop()
	h.Broadcast([]byte("hello"))
	recv(t, c)
	cancel()
	<-stopped
	select {
	case _, ok := <-c:
		if ok {
			t.Error("a message after the hub stopped")
		}
	case <-time.After(2 * time.Second):
		t.Error("the stream is still open after the hub stopped")
	}
	h.Broadcast([]byte("late")) // returns at once once stopped
}
