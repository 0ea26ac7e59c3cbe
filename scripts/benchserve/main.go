// Command benchserve measures a live preview the way an editor feels it:
// the time from writing a file to the change being on screen in a
// headless Chromium that shows the page where a reader sees it. It starts
// the preview server (nhiglossary serve, or hugo server), and for each
// kind of edit opens that page and makes N edits, each a new change; it
// prints each edit's time, the median, and the rebuild times the server
// itself reported. The kinds (-kind, comma-separated; see kinds.go):
//
//	prose    a new sentence in the term's body; the term's page
//	summary  a new word in the summary of a term it lists as related; its card there
//	link     another term's body gets a [[link]] to it; its "What links here"
//	title    a new title for a term no [[link]] names; its card on a page listing it
//	newterm  a new term file listing it as related; its "What links here"
//
//	go run ./scripts/benchserve -tool nhiglossary -bin /tmp/nhiglossary -site /tmp/corpus10k -term SLUG -kind prose,summary
//	go run ./scripts/benchserve -tool hugo -site /tmp/hugo10k -term SLUG
//
// scripts/bench-serve.sh runs both on the same content.
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/chromedp"
)

func main() {
	tool := flag.String("tool", "nhiglossary", "nhiglossary or hugo")
	bin := flag.String("bin", "", "the server binary (default: the tool's name on PATH)")
	site := flag.String("site", "", "the site folder (edited, then restored)")
	term := flag.String("term", "", "the slug of the term the edits are about")
	kind := flag.String("kind", "prose", "the kinds of edit, comma-separated: "+strings.Join(kinds, ", "))
	edits := flag.Int("edits", 9, "how many edits")
	gap := flag.Duration("gap", 1500*time.Millisecond, "time between the end of one edit and the next")
	chromium := flag.String("chromium", "/usr/bin/chromium", "the browser")
	flag.Parse()
	if *site == "" || *term == "" {
		fmt.Fprintln(os.Stderr, "usage: benchserve -tool nhiglossary|hugo -site DIR -term SLUG [-bin PATH] [-kind prose,summary,link,title,newterm] [-edits N]")
		os.Exit(2)
	}
	if *bin == "" {
		*bin = *tool
	}
	var kindList []string
	for _, k := range strings.Split(*kind, ",") {
		if k = strings.TrimSpace(k); k != "" {
			kindList = append(kindList, k)
		}
	}
	if err := run(*tool, *bin, *site, *term, kindList, *edits, *gap, *chromium); err != nil {
		fmt.Fprintln(os.Stderr, "benchserve:", err)
		os.Exit(1)
	}
}

func run(tool, bin, site, term string, kindList []string, edits int, gap time.Duration, chromium string) error {
	// Every kind's plan first: a kind the tool cannot do fails before
	// the server starts.
	var terms []corpusTerm
	if slices.ContainsFunc(kindList, func(k string) bool { return k != "prose" }) {
		var err error
		if terms, err = loadTerms(site); err != nil {
			return err
		}
	}
	restore := map[string][]byte{} // the files edited: their text before, nil for new ones
	defer restoreFiles(restore)
	var plans []*plan
	for _, k := range kindList {
		p, err := newPlan(k, tool, site, term, terms, restore)
		if err != nil {
			return err
		}
		plans = append(plans, p)
	}

	port, err := freePort()
	if err != nil {
		return err
	}
	addr := "127.0.0.1:" + strconv.Itoa(port)
	var cmd *exec.Cmd
	switch tool {
	case "nhiglossary":
		cmd = exec.Command(bin, "serve", "--src", site, "--addr", addr)
	case "hugo":
		cmd = exec.Command(bin, "server", "-s", site, "--bind", "127.0.0.1", "--port", strconv.Itoa(port), "--baseURL", "http://127.0.0.1/", "--navigateToChanged=false")
	default:
		return fmt.Errorf("unknown -tool %q", tool)
	}
	logs := &rebuildLog{}
	out, _ := cmd.StdoutPipe()
	cmd.Stderr = cmd.Stdout
	started := time.Now()
	if err := cmd.Start(); err != nil {
		return err
	}
	go logs.scan(out)
	defer func() {
		cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	}()
	page := "http://" + addr + "/terms/" + term + "/"
	if err := waitHTTP(page, 10*time.Minute); err != nil {
		return fmt.Errorf("%s: %w\n%s", tool, err, logs.text())
	}
	if tool == "nhiglossary" {
		// Steady state, as an editor has it a while after starting: the
		// pages nobody asked for yet are rendered in the background.
		if err := logs.await("every page rendered", 10*time.Minute); err != nil {
			return err
		}
	}
	fmt.Printf("%s: serving, every page built, after %s\n", tool, time.Since(started).Round(time.Millisecond))
	var heard *notices
	if tool == "nhiglossary" {
		// The server's messages, as a browser hears them: when each
		// reload was told.
		if heard, err = listen("http://" + addr + "/_nhiglossary/events?path=/_benchserve/"); err != nil {
			return err
		}
		defer heard.stop()
	}

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancelTab := chromedp.NewContext(actx)
	defer cancelTab()
	if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
		return err
	}

	var summary []string
	for n, p := range plans {
		if n > 0 {
			// The last kind's files as they were, and time for the
			// server to settle after it, so that kinds do not overlap.
			if err := restoreFiles(restore); err != nil {
				return err
			}
			time.Sleep(3 * gap)
		}
		times, err := measure(ctx, tool, "http://"+addr+"/terms/"+p.page+"/", p, edits, gap, logs, heard)
		if err != nil {
			return fmt.Errorf("%s: %w", p.kind, err)
		}
		slices.Sort(times)
		line := fmt.Sprintf("%s %s: median %s, min %s, max %s over %d edits", tool, p.kind,
			times[len(times)/2].Round(time.Millisecond), times[0].Round(time.Millisecond), times[len(times)-1].Round(time.Millisecond), len(times))
		fmt.Println(line)
		summary = append(summary, line)
	}
	if len(summary) > 1 {
		fmt.Printf("load %s\n%s\n", loadAvg(), strings.Join(summary, "\n"))
	}
	return nil
}

// measure opens the plan's page and times its edits: from the save to
// the change on screen. An edit the page already showed before its
// save is not a change; the plan is asked for another.
func measure(ctx context.Context, tool, page string, p *plan, edits int, gap time.Duration, logs *rebuildLog, heard *notices) ([]time.Duration, error) {
	fmt.Printf("%s %s: timing %s\n", tool, p.kind, p.timed)
	if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
		return nil, err
	}
	var times []time.Duration
	for i := 1; i <= edits; i++ {
		time.Sleep(gap) // the previous edit settles; the page's reload channel is open
		file, text, shown, err := p.next(i)
		for tries := 0; err == nil && isTrue(ctx, shown); tries++ {
			if tries == 100 {
				return nil, fmt.Errorf("edit %d: every edit tried was on screen before it was saved", i)
			}
			file, text, shown, err = p.next(i)
		}
		if err != nil {
			return nil, err
		}
		// The page that shows the edit may be the open one, its body
		// swapped in place (nhiglossary's client), rather than a newly
		// loaded one: the time the open page first showed it is kept
		// where the reload that follows does not wipe it.
		// Without the observer the report falls back to load times: say so.
		_, watchErr := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`sessionStorage.removeItem("benchserve-swapped");
			new MutationObserver(function (_, o) {
				if (`+shown+`) { sessionStorage.setItem("benchserve-swapped", String(Date.now())); o.disconnect(); }
			}).observe(document.documentElement, { childList: true, subtree: true })`))
		if watchErr != nil {
			log.Printf("edit %d: no swap observer (%v): timed by page loads only", i, watchErr)
		}
		logs.mark()
		t0 := time.Now()
		if err := os.WriteFile(file, text, 0o644); err != nil {
			return nil, err
		}
		d, err := visible(ctx, shown, t0, 30*time.Second)
		if err != nil {
			return nil, fmt.Errorf("edit %d of %s: %w\n%s", i, file, err, logs.text())
		}
		times = append(times, d)
		fmt.Printf("%s %s edit %d: %s on screen%s%s\n", tool, p.kind, i, d.Round(time.Millisecond), logs.since(), timeline(ctx, t0, heard.after(t0)))
	}
	return times, nil
}

func restoreFiles(restore map[string][]byte) error {
	for file, orig := range restore {
		var err error
		if orig == nil {
			err = os.Remove(file)
		} else {
			err = os.WriteFile(file, orig, 0o644)
		}
		if err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	return nil
}

func loadAvg() string {
	b, _ := os.ReadFile("/proc/loadavg")
	f := strings.Fields(string(b))
	return strings.Join(f[:min(3, len(f))], " ")
}

// isTrue says whether a JavaScript expression is true on the page now.
func isTrue(ctx context.Context, expr string) bool {
	pctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	ok, err := chromedp.Run(pctx, chromedp.Evaluate[bool](expr))
	return err == nil && ok
}

// visible polls the page until expr is true, and returns how long after
// t0 it first was. Polls that fail while the page reloads are ignored.
func visible(ctx context.Context, expr string, t0 time.Time, limit time.Duration) (time.Duration, error) {
	for time.Since(t0) < limit {
		pctx, cancel := context.WithTimeout(ctx, time.Second)
		ok, err := chromedp.Run(pctx, chromedp.Evaluate[bool](expr))
		cancel()
		if err == nil && ok {
			return time.Since(t0), nil
		}
		time.Sleep(2 * time.Millisecond)
	}
	return 0, fmt.Errorf("not on screen after %s: %s", limit, expr)
}

// timeline says when, after t0, the server told the browsers (told, if
// known), and when the page that shows the edit started loading, got
// its first byte, and was parsed; or when the open page showed it,
// swapped in place.
func timeline(ctx context.Context, t0 time.Time, told time.Time) string {
	ts, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`(() => { const t = performance.timing; return [t.navigationStart, t.responseStart, t.domContentLoadedEventEnd]; })()`))
	if err != nil || len(ts) != 3 {
		return ""
	}
	if ms, err := chromedp.Run(ctx, chromedp.Evaluate[string](`sessionStorage.getItem("benchserve-swapped") || ""`)); err == nil && ms != "" {
		if n, err := strconv.ParseInt(ms, 10, 64); err == nil {
			return fmt.Sprintf(" [%sswapped in place %s]", toldText(t0, told), time.UnixMilli(n).Sub(t0).Round(time.Millisecond))
		}
	}
	at := func(ms float64) string {
		if ms <= 0 {
			return "not yet" // the text showed before the page finished parsing
		}
		return time.UnixMilli(int64(ms)).Sub(t0).Round(time.Millisecond).String()
	}
	return fmt.Sprintf(" [%sload started %s, first byte %s, parsed %s]", toldText(t0, told), at(ts[0]), at(ts[1]), at(ts[2]))
}

func toldText(t0, told time.Time) string {
	if told.IsZero() {
		return ""
	}
	return "told " + told.Sub(t0).Round(time.Millisecond).String() + ", "
}

// notices are the times reload messages came on an event stream.
type notices struct {
	mu    sync.Mutex
	times []time.Time
	stop  func()
}

func listen(url string) (*notices, error) {
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		return nil, err
	}
	if resp.StatusCode != 200 {
		cancel()
		return nil, fmt.Errorf("%s: %s", url, resp.Status)
	}
	n := &notices{stop: func() { cancel(); resp.Body.Close() }}
	go func() {
		sc := bufio.NewScanner(resp.Body)
		// A reload message lists every page that changed: a title
		// edit's, at 50k terms, runs to megabytes.
		sc.Buffer(nil, 256<<20)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), `data: {"type":"reload"`) {
				n.mu.Lock()
				n.times = append(n.times, time.Now())
				n.mu.Unlock()
			}
		}
		if err := sc.Err(); err != nil && ctx.Err() == nil {
			log.Printf("event stream: %v (later edits have no \"told\" time)", err)
		}
	}()
	return n, nil
}

// after is when the first reload message after t0 came; zero if none.
func (n *notices) after(t0 time.Time) time.Time {
	if n == nil {
		return time.Time{}
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	for _, t := range n.times {
		if t.After(t0) {
			return t
		}
	}
	return time.Time{}
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

func waitHTTP(url string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		resp, err := http.Get(url)
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return nil
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	return fmt.Errorf("%s not answering after %s", url, limit)
}

// rebuildLog keeps the server's output and finds the rebuild times it
// reports: hugo's "Total in 712 ms", nhiglossary's "... files in 2.1ms".
type rebuildLog struct {
	mu    sync.Mutex
	lines []string
	from  int
}

var rebuildTime = regexp.MustCompile(`Total in [0-9.]+ ?ms|files? in [0-9.]+[µm]?s`)

func (l *rebuildLog) scan(r io.Reader) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		l.mu.Lock()
		l.lines = append(l.lines, sc.Text())
		l.mu.Unlock()
	}
}

func (l *rebuildLog) mark() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.from = len(l.lines)
}

// since lists the rebuild times reported since mark.
func (l *rebuildLog) since() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var found []string
	for _, s := range l.lines[l.from:] {
		if m := rebuildTime.FindString(s); m != "" {
			found = append(found, m)
		}
	}
	if len(found) == 0 {
		return ""
	}
	return " (server: " + strings.Join(found, ", ") + ")"
}

func (l *rebuildLog) await(line string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		l.mu.Lock()
		found := slices.ContainsFunc(l.lines, func(s string) bool { return strings.Contains(s, line) })
		l.mu.Unlock()
		if found {
			return nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("no %q in the server's output after %s", line, limit)
}

func (l *rebuildLog) text() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.lines[max(0, len(l.lines)-30):], "\n")
}
