// Package livereload pushes messages to the browsers that show the
// preview, over Server-Sent Events. One goroutine, the hub, owns the set
// of connected browsers: it registers and unregisters them and hands each
// broadcast to all, dropping any browser too slow to take it (its
// EventSource reconnects and starts afresh). Every browser also gets the
// latest state message as soon as it connects, so a page opened while
// the site has errors shows them.
package livereload

import (
	"context"
	"net/http"
	"strings"
	"time"
)

// backlog is how many messages a browser may fall behind before it is
// dropped.
const backlog = 16

// pingEvery is how often an idle connection gets a comment line, so that a
// browser gone away is noticed and proxies keep the stream open.
var pingEvery = 20 * time.Second

type client struct {
	send chan []byte
}

// Hub is the set of connected browsers. Its zero value is not usable;
// call New, then Run.
type Hub struct {
	register   chan *client
	unregister chan *client
	broadcast  chan []byte
	state      chan []byte
	done       chan struct{}
}

// New returns a hub; it does nothing until Run.
func New() *Hub {
	return &Hub{
		register:   make(chan *client),
		unregister: make(chan *client),
		broadcast:  make(chan []byte),
		state:      make(chan []byte),
		done:       make(chan struct{}),
	}
}

// Run is the hub's loop. When ctx ends it closes every connection's
// stream, so their handlers return, and later calls return at once.
func (h *Hub) Run(ctx context.Context) {
	clients := map[*client]bool{}
	var state []byte
	defer func() {
		close(h.done)
		for c := range clients {
			close(c.send)
		}
	}()
	for {
		select {
		case <-ctx.Done():
			return
		case c := <-h.register:
			clients[c] = true
			if state != nil {
				c.send <- state // the buffer is empty: this cannot block
			}
		case c := <-h.unregister:
			if clients[c] {
				delete(clients, c)
				close(c.send)
			}
		case m := <-h.state:
			state = m
			h.fanOut(clients, m)
		case m := <-h.broadcast:
			h.fanOut(clients, m)
		}
	}
}

func (h *Hub) fanOut(clients map[*client]bool, m []byte) {
	for c := range clients {
		select {
		case c.send <- m:
		default: // too slow: drop it rather than hold up the others
			delete(clients, c)
			close(c.send)
		}
	}
}

// Broadcast sends m to every connected browser.
func (h *Hub) Broadcast(m []byte) {
	select {
	case h.broadcast <- m:
	case <-h.done:
	}
}

// SetState sends m to every connected browser and to each one that
// connects later, until the next SetState.
func (h *Hub) SetState(m []byte) {
	select {
	case h.state <- m:
	case <-h.done:
	}
}

// ServeHTTP streams messages to one browser as Server-Sent Events. The
// caller decides who may connect (see the serve package's origin check).
// Extra messages given by the request's context (WithFirst) go first.
func (h *Hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		w.Header().Set("Allow", "GET")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	c := &client{send: make(chan []byte, backlog)}
	select {
	case h.register <- c:
	case <-h.done:
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	case <-r.Context().Done():
		return
	}
	defer func() {
		select {
		case h.unregister <- c:
		case <-h.done:
		}
	}()
	hdr := w.Header()
	hdr.Set("Content-Type", "text/event-stream")
	hdr.Set("Cache-Control", "no-store")
	hdr.Set("X-Accel-Buffering", "no")
	rc := http.NewResponseController(w)
	// A browser whose server restarts tries again after half a second.
	if !write(w, rc, "retry: 500\n\n") {
		return
	}
	for _, m := range first(r.Context()) {
		if !write(w, rc, event(m)) {
			return
		}
	}
	ping := time.NewTicker(pingEvery)
	defer ping.Stop()
	for {
		select {
		case m, ok := <-c.send:
			if !ok {
				return
			}
			if !write(w, rc, event(m)) {
				return
			}
		case <-ping.C:
			if !write(w, rc, ": ping\n\n") {
				return
			}
		case <-r.Context().Done():
			return
		}
	}
}

func write(w http.ResponseWriter, rc *http.ResponseController, s string) bool {
	if _, err := w.Write([]byte(s)); err != nil {
		return false
	}
	return rc.Flush() == nil
}

// event frames one message; each of its lines becomes a data line.
func event(m []byte) string {
	var b strings.Builder
	for line := range strings.SplitSeq(string(m), "\n") {
		b.WriteString("data: ")
		b.WriteString(strings.TrimSuffix(line, "\r"))
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	return b.String()
}

type firstKey struct{}

// WithFirst returns a context that makes ServeHTTP send msgs to the
// browser before anything else (e.g. "reload: this page changed while it
// was loading").
func WithFirst(ctx context.Context, msgs ...[]byte) context.Context {
	return context.WithValue(ctx, firstKey{}, msgs)
}

func first(ctx context.Context) [][]byte {
	m, _ := ctx.Value(firstKey{}).([][]byte)
	return m
}
