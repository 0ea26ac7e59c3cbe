package serve

import (
	"context"
	"net"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// A page a browser shows renders as soon as the update that changed it
// is told, not when the browser's reload asks for it.
func TestTheChangedPageABrowserShowsRendersBeforeItIsAskedFor(t *testing.T) {
	dir := exampleSite(t)
	a, _ := net.ResolveTCPAddr("tcp", "127.0.0.1:1313")
	s, _ := serverFor(t, dir, a)
	srv := httptest.NewServer(s.handler())
	t.Cleanup(srv.Close) // after the event stream's cleanup: Close waits for it
	if code, _ := get(t, srv.URL+"/terms/api-key/"); code != 200 {
		t.Fatalf("status %d", code)
	}
	es := events(t, srv.URL+"/", "/terms/api-key/", "", nil)
	es.await(t, "the first status", isStatus(0))

	editFile(t, dir, "content/terms/api-key.md", "An API key is a long-lived bearer secret", "An API key is a freshly edited bearer secret")
	ch := s.live.Update(context.Background(), []string{"content/terms/api-key.md"})
	if len(ch.Pages) == 0 {
		t.Fatalf("the edit changed no page: %+v", ch)
	}
	pending := s.live.Pending()
	var bg sync.WaitGroup
	defer bg.Wait()
	s.publish(ch)
	s.warm(context.Background(), &bg, toWarm(ch, s.open.has))
	es.await(t, "a reload of the edited page", reloads("/terms/api-key/"))
	deadline := time.Now().Add(10 * time.Second)
	for s.live.Pending() != pending-1 {
		if time.Now().After(deadline) {
			t.Fatalf("%d pages to render after the reload message, want %d (the open page rendered, no other)", s.live.Pending(), pending-1)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
