// Package serve is `nhiglossary serve`: a live preview of a site for the
// editors who write it. It builds the site into memory (never touching
// public/), serves it at the root of its address, watches the site's
// files, and after each save rebuilds only what the save affected and
// tells the open pages over Server-Sent Events:
//
//   - a page whose content changed reloads, keeping its scroll position;
//   - a stylesheet that changed is swapped in place, without a reload;
//   - a page whose term was renamed or deleted goes where the term is now
//     (or to the A-Z index);
//   - while the content has errors, every page shows them in an overlay,
//     as PATH:LINE:COL: message with the source lines, and the terminal
//     prints the same; the next good build clears it. Bad content never
//     stops the server or the watching, and never leaves it blank: before
//     the site first builds, every page request gets its problems, and
//     the page comes once they are fixed.
//
// The server adds the live-reload client to each page it sends; the
// client is not one of the site's assets, so `build` never has it.
//
// It is a local tool, and guards against the web pages its user visits:
// it answers only requests whose Host no one can rebind (an IP address,
// localhost, *.localhost) or that the user allowed (see hosts); the
// event stream refuses other origins; and it serves only files of the
// built site.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nhimg/nhiglossary/internal/build"
	"github.com/nhimg/nhiglossary/internal/diag"
	"github.com/nhimg/nhiglossary/internal/live"
	"github.com/nhimg/nhiglossary/internal/serve/livereload"
	"github.com/nhimg/nhiglossary/internal/serve/watch"
)

// Options configure a preview.
type Options struct {
	Src string // the site folder
	// Build has the embedded templates and assets, the generator, and
	// Drafts; the server sets BaseURL (its own address).
	Build build.Options
	// Log gets what the terminal shows: the address, each rebuild, every
	// problem. Nil discards it.
	Log io.Writer
	// AllowHosts are host names, besides localhost, *.localhost and IP
	// addresses, that requests may name in Host (see hosts).
	AllowHosts []string
	// Ready, when set, is called with the site's URL once it is served.
	Ready func(url string)
}

// watched are the parts of a site a preview watches (and the files at its
// root): translations are content files; i18n/ holds the interface text.
var watched = []string{"content", "i18n", "templates", "assets"}

// server is one running preview.
type server struct {
	opts  Options
	log   io.Writer
	root  *os.Root
	site  fs.FS // the site folder, confined to it
	live  *live.Live
	hub   *livereload.Hub
	hosts hosts
	url   string
	open  openPages // the pages the browsers show

	built atomic.Bool // the site built once: there are pages to serve

	mu      sync.Mutex // guards what follows
	status  statusMsg  // the site's problems, as the browsers last heard
	lastErr error      // the last update's error other than the content's

	broken     bool   // the last update failed (the loop's own)
	failsBuild string // the problems build would fail on, as last printed (the loop's own)
}

// Run serves a preview of opts.Src on ln until ctx ends, then stops
// watching, closes every connection and returns. It returns an error only
// when it cannot start: problems in the content are shown, not returned.
func Run(ctx context.Context, ln net.Listener, opts Options) error {
	s, err := newServer(opts, ln.Addr())
	if err != nil {
		return err
	}
	defer s.root.Close()
	bo := s.opts.Build

	w, err := watch.New(opts.Src, watched, func(err error) { fmt.Fprintf(s.log, "watch: %v\n", err) })
	if err != nil {
		return fmt.Errorf("watching %s: %w", opts.Src, err)
	}
	if !loopback(ln.Addr()) {
		fmt.Fprintf(s.log, "warning: listening on %s: other machines can reach the preview and read it; use --addr 127.0.0.1:PORT to keep it on this one\n", ln.Addr())
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	wg.Go(func() { s.hub.Run(ctx) })
	batches := make(chan []string)
	wg.Go(func() {
		if err := w.Run(ctx, batches); err != nil {
			fmt.Fprintf(s.log, "watch: %v\n", err)
		}
	})

	start := time.Now()
	ch := s.live.Update(ctx, nil)
	s.report(ch, nil)
	s.publish(ch)
	if ch.Err == nil {
		fmt.Fprintf(s.log, "built %d terms in %s\n", ch.Terms, ms(time.Since(start)))
	}
	fmt.Fprintf(s.log, "serving %s (drafts %s; Ctrl-C to stop)\n", s.url, map[bool]string{true: "shown", false: "hidden"}[bo.Drafts])

	srv := &http.Server{Handler: s.handler(), ReadHeaderTimeout: 10 * time.Second, ErrorLog: nil}
	served := make(chan error, 1)
	wg.Go(func() { served <- srv.Serve(ln) })
	wg.Go(func() { s.loop(ctx, batches) })
	if opts.Ready != nil {
		opts.Ready(s.url)
	}

	var serveErr error
	select {
	case <-ctx.Done():
	case serveErr = <-served:
	}
	cancel() // the hub closes every event stream, so Shutdown need not wait on them
	shut, done := context.WithTimeout(context.Background(), 5*time.Second)
	defer done()
	srv.Shutdown(shut)
	wg.Wait()
	if serveErr != nil && !errors.Is(serveErr, http.ErrServerClosed) {
		return serveErr
	}
	return nil
}

// newServer opens the site folder for a server at addr.
func newServer(opts Options, addr net.Addr) (*server, error) {
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	root, err := os.OpenRoot(opts.Src)
	if err != nil {
		return nil, fmt.Errorf("site folder: %w", err)
	}
	s := &server{log: &syncWriter{w: opts.Log}, root: root, hub: livereload.New(), hosts: newHosts(opts.AllowHosts), url: siteURL(addr)}
	opts.Build.BaseURL = s.url
	s.opts = opts
	var told sync.Map
	s.site = confined{root.FS(), func(name string) {
		if _, dup := told.LoadOrStore(name, true); !dup {
			fmt.Fprintf(s.log, "%s: a link out of the site folder; left out\n", name)
		}
	}}
	s.live = live.New(s.site, opts.Build)
	return s, nil
}

// afterUpdate is how long after an update the pages nobody asked for
// start rendering, unless another save comes first. A render under way
// cannot stop, and though the next update does not wait for it, it takes
// a core: a site-wide file at 10,000 terms (llms-full.txt, the JSON API,
// SKOS) takes one for a quarter of a second or more, so they wait until
// the editor pauses.
// The pages the browsers show render at once (see toWarm).
const afterUpdate = 2 * time.Second

// loop rebuilds after each batch of changes; between batches it renders
// the pages nobody asked for yet.
func (s *server) loop(ctx context.Context, batches <-chan []string) {
	var bg sync.WaitGroup
	start, allRendered := time.Now(), false
	stopBG := func() {}
	rendered := make(chan struct{}, 1)
	startBG := func(wait time.Duration) {
		stopBG()
		bctx, cancel := context.WithCancel(ctx)
		stopBG = cancel
		bg.Go(func() {
			select {
			case <-bctx.Done():
				return
			case <-time.After(wait):
			}
			s.live.RenderPending(bctx)
			select {
			case rendered <- struct{}{}:
			default:
			}
		})
	}
	defer func() {
		stopBG()
		bg.Wait()
	}()
	startBG(0)
	for {
		select {
		case <-ctx.Done():
			return
		case batch := <-batches:
			stopBG() // a render under way finishes; none starts
			ch := s.live.Update(ctx, batch)
			s.report(ch, batch)
			s.publish(ch)
			// The changed pages the browsers show render before they ask.
			s.warm(ctx, &bg, toWarm(ch, s.open.has))
			startBG(afterUpdate)
		case <-rendered:
			s.mu.Lock()
			err := s.lastErr
			s.mu.Unlock()
			s.setStatus(s.live.Problems(), err, s.live.RenderErrors())
			if !allRendered && s.built.Load() && s.live.Pending() == 0 {
				allRendered = true
				fmt.Fprintf(s.log, "every page rendered, %s after the start\n", ms(time.Since(start)))
			}
		}
	}
}

// warm renders pages a browser shows, in the background of the loop (ctx
// and bg: a server stopping waits for it); a failed render is the page's,
// shown when it is asked for.
func (s *server) warm(ctx context.Context, bg *sync.WaitGroup, pages []string) {
	if len(pages) == 0 {
		return
	}
	bg.Go(func() {
		for _, p := range pages {
			if ctx.Err() != nil {
				return
			}
			s.live.Get(p)
		}
	})
}

// publish tells the browsers what an update did.
func (s *server) publish(ch *live.Change) {
	if ch.Err == nil {
		s.built.Store(true)
	}
	s.mu.Lock()
	s.lastErr = ch.Err
	s.mu.Unlock()
	s.setStatus(ch.Diags, ch.Err, s.live.RenderErrors())
	if m := changeMessage(ch, s.live.Base(), s.live.AssetVersions()); m != nil {
		s.hub.Broadcast(m)
	}
}

// setStatus sends the browsers the site's problems when they changed.
func (s *server) setStatus(diags diag.List, err error, renderErrs []error) {
	m := statusMessage(s.site, diags, err, renderErrs, s.built.Load())
	s.mu.Lock()
	same := reflect.DeepEqual(m, s.status)
	s.status = m
	s.mu.Unlock()
	if !same {
		s.hub.SetState(mustJSON(m))
	}
}

// currentStatus is the site's problems, as the browsers last heard.
func (s *server) currentStatus() statusMsg {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.status
}

// report prints what an update did.
func (s *server) report(ch *live.Change, batch []string) {
	now := time.Now().Format("15:04:05")
	// Paths from the folder serve runs in, as check prints them, so that
	// the terminal's links open the file.
	diags := ch.Diags.Under(s.opts.Src)
	what := "site"
	switch files := ch.Files; {
	case len(files) == 1:
		what = files[0]
	case len(files) > 1:
		what = fmt.Sprintf("%s and %d more", files[0], len(files)-1)
	case len(batch) > 0:
		what = batch[0]
	}
	what = diag.Printable(what) // a file's name is its editor's
	wasBroken := s.broken
	s.broken = ch.Err != nil
	if ch.Err != nil && wasBroken && len(ch.Files) == 0 {
		return // a save that changed nothing: the problems are on screen already
	}
	if ch.Err != nil {
		diag.WriteText(s.log, diags)
		if errors.Is(ch.Err, build.ErrInvalid) {
			e, w := diags.Count()
			shows := "the browser shows them, and the last good pages until they are fixed"
			if !s.built.Load() {
				shows = "every page shows them until they are fixed"
			}
			fmt.Fprintf(s.log, "%s %s: %s, %s; %s\n", now, what, diag.Plural(e, "error"), diag.Plural(w, "warning"), shows)
		} else {
			fmt.Fprintf(s.log, "%s %s: %v\n", now, what, ch.Err)
		}
		return
	}
	fails, failsText := failing(diags)
	switch {
	case batch == nil:
		_, w := diags.Count()
		diag.WriteText(s.log, diags)
		if w > 0 {
			fmt.Fprintf(s.log, "%s\n", diag.Plural(w, "warning"))
		}
	case wasBroken:
		diag.WriteText(s.log, diags)
		fmt.Fprintf(s.log, "%s %s: fixed, the site builds again\n", now, what)
	case failsText != s.failsBuild:
		fmt.Fprint(s.log, failsText)
	}
	if failsText != s.failsBuild || batch == nil || wasBroken {
		if len(fails) > 0 {
			fmt.Fprintf(s.log, "%s %s: build would fail on %s: the preview shows drafts, build leaves them out\n", now, what, diag.Plural(len(fails), "problem"))
		} else if s.failsBuild != "" {
			fmt.Fprintf(s.log, "%s %s: build would no longer fail\n", now, what)
		}
	}
	s.failsBuild = failsText
	if batch == nil || !ch.Changed() {
		return
	}
	fmt.Fprintf(s.log, "%s %s: %s in %s\n", now, what, diag.Plural(len(ch.Pages)+len(ch.Assets), "file"), ms(ch.Duration))
}

// failing is the problems build would fail on though the preview
// renders them (see failsBuild), and their text for the terminal.
func failing(diags diag.List) (diag.List, string) {
	var fails diag.List
	for _, d := range diags {
		if failsBuild(d) {
			fails = append(fails, d)
		}
	}
	var b strings.Builder
	diag.WriteText(&b, fails)
	return fails, b.String()
}

func ms(d time.Duration) string {
	if d < 10*time.Millisecond {
		return d.Round(100 * time.Microsecond).String()
	}
	return d.Round(time.Millisecond).String()
}

// syncWriter lets the loop, the handlers and the watcher share one log.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}
