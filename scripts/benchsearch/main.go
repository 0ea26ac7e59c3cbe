// Command benchsearch measures the site's search against Pagefind's in a
// headless Chromium: for each query, the bytes downloaded (gzip, as the
// Network domain's encodedDataLength counts them) before the first result
// shows, the time from the query to that first result, and whether the
// expected term ranks first. scripts/bench-search.sh prepares the sites.
//
//	benchsearch -ours DIR -base /glossary/ -pagefind DIR   # the browser comparison
//	benchsearch -indextime -src DIR                       # the index's share of a build
//
// Every query runs on a freshly loaded page with the cache disabled: each
// is a reader's first search. Both engines start loading when the box gets
// focus; -delay sets how long the reader pauses before the query arrives,
// typed in one go (0: at once, the worst case).
package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/nhimg/nhiglossary"
	"github.com/nhimg/nhiglossary/internal/browsertest"
	"github.com/nhimg/nhiglossary/internal/build"
	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/render"
	"github.com/nhimg/nhiglossary/internal/search"
)

func main() {
	ours := flag.String("ours", "", "our built site")
	base := flag.String("base", "/glossary/", "the path our site is built for")
	pf := flag.String("pagefind", "", "the same site with Pagefind's index (pagefind/ inside)")
	indexTime := flag.Bool("indextime", false, "time the search index against the whole build")
	src := flag.String("src", "", "the site folder, for -indextime")
	runs := flag.Int("runs", 3, "repetitions (the median is reported)")
	delay := flag.Duration("delay", 0, "wait between focusing the box and typing (a reader's pause; both engines load on focus)")
	flag.Parse()
	var err error
	if *indexTime {
		err = timeIndex(*src, *runs)
	} else {
		err = compare(*ours, *base, *pf, *runs, *delay)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchsearch:", err)
		os.Exit(1)
	}
}

// ---- The index's share of the build time.

func timeIndex(src string, runs int) error {
	if src == "" {
		return errors.New("-indextime needs -src")
	}
	opts := build.Options{Templates: nhiglossary.Templates(), Assets: nhiglossary.Assets()}
	var builds, indexes []time.Duration
	for range runs {
		out, err := os.MkdirTemp("", "benchsearch-")
		if err != nil {
			return err
		}
		os.RemoveAll(out)
		start := time.Now()
		if _, err := build.Build(context.Background(), src, out, opts); err != nil {
			return err
		}
		builds = append(builds, time.Since(start))

		// The same index again, alone: its input is the rendered term
		// bodies, so render them (untimed), then time the index and the
		// writing of its files.
		g, diags := build.Check(os.DirFS(src), opts)
		if diags.HasErrors() {
			return fmt.Errorf("%s has errors", src)
		}
		texts := map[*content.Term]string{}
		keep := func(t *content.Term, text string) { texts[t] = text } // one goroutine renders here
		r, err := render.New(g, nhiglossary.Templates(), render.Assets{}, render.Options{BodyText: keep})
		if err != nil {
			return err
		}
		for _, j := range r.Jobs() {
			if j.Term != nil {
				if _, err := j.Render(); err != nil {
					return err
				}
			}
		}
		dir := filepath.Join(out, "again")
		start = time.Now()
		ix := search.New(g.Terms)
		for _, f := range append(ix.NameFiles(), ix.TextFiles(func(t *content.Term) string { return texts[t] })...) {
			p := filepath.Join(dir, filepath.FromSlash(f.Path))
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, f.Data, 0o644); err != nil {
				return err
			}
		}
		indexes = append(indexes, time.Since(start))
		os.RemoveAll(out)
	}
	b, i := median(builds), median(indexes)
	fmt.Printf("build with the index: %v (median of %d)\nthe index alone:      %v\nthe index adds %.1f%% to the build without it (%v)\n",
		b.Round(time.Millisecond), runs, i.Round(time.Millisecond), 100*float64(i)/float64(b-i), (b - i).Round(time.Millisecond))
	return nil
}

func median[T int64 | time.Duration | float64](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

// ---- Queries.

type query struct {
	Kind, Q, Slug string
}

// queries picks, from our names index, titles, synonyms, abbreviations
// and one-typo versions of titles, spread over the alphabet.
func queries(dir string) ([]query, error) {
	names, err := filepath.Glob(filepath.Join(dir, "search", "names.*.txt"))
	if err != nil || len(names) != 1 {
		return nil, fmt.Errorf("no names index in %s/search", dir)
	}
	b, err := os.ReadFile(names[0])
	if err != nil {
		return nil, err
	}
	type term struct{ title, slug, abbr, syn string }
	var terms []term
	prev := ""
	for _, line := range strings.Split(string(b), "\n")[2:] {
		if line == "" || line[0] == '-' { // incidents, frameworks, controls: not terms
			continue
		}
		f := append(strings.Split(line, "\t"), "", "", "")
		title := prev[:int(f[0][0]-'0')] + f[0][1:]
		prev = title
		t := term{title: title, slug: f[1], abbr: strings.Split(f[2], "|")[0], syn: strings.ReplaceAll(strings.Split(f[3], "|")[0], "~", title)}
		if t.slug == "" {
			t.slug = slug(title)
		}
		terms = append(terms, t)
	}
	var qs []query
	n := len(terms)
	for i := range 6 {
		t := terms[(i*n)/6+n/13]
		qs = append(qs, query{"title", t.title, t.slug})
	}
	for i, found := 0, 0; i < n && found < 4; i += n/50 + 1 {
		if t := terms[i]; t.syn != "" {
			qs = append(qs, query{"synonym", t.syn, t.slug})
			found++
		}
	}
	for _, t := range terms {
		if t.abbr != "" && len(qs) < 13 {
			qs = append(qs, query{"abbreviation", t.abbr, t.slug})
		}
	}
	for i := range 6 {
		t := terms[(i*n)/6+n/17]
		qs = append(qs, query{"typo", typo(t.title, i), t.slug})
	}
	for i := range 3 {
		t := terms[(i*n)/3+n/7]
		w := strings.Fields(t.title)
		qs = append(qs, query{"prefix", strings.Join(w[:len(w)-1], " ") + " " + w[len(w)-1][:min(3, len(w[len(w)-1]))], t.slug})
	}
	return qs, nil
}

// typo makes one edit in the longest word of a title: a swap, a deletion
// or a substitution, by turns.
func typo(title string, i int) string {
	w := strings.Fields(title)
	j := 0
	for k := range w {
		if len(w[k]) > len(w[j]) {
			j = k
		}
	}
	s := w[j]
	m := len(s) / 2
	switch i % 3 {
	case 0:
		s = s[:m] + s[m+1:m+2] + s[m:m+1] + s[m+2:]
	case 1:
		s = s[:m] + s[m+1:]
	default:
		s = s[:m] + "x" + s[m+1:]
	}
	w[j] = s
	return strings.ToLower(strings.Join(w, " "))
}

func slug(title string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(title) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(c)
		} else {
			dash = true
		}
	}
	return b.String()
}

// ---- Serving like a CDN: gzip for what is not compressed already.

// sent is what the server sent: Pagefind fetches from a Web Worker,
// whose requests the page's Network domain does not see, so bytes are
// counted where both engines' requests pass.
type sent struct {
	url   string
	bytes int64     // gzip body and response headers
	end   time.Time // when the last byte was written
}

var (
	sentMu  sync.Mutex
	sentLog []sent
)

func gzipHandler(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		body := rec.Body.Bytes()
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		w.Header().Set("Cache-Control", "no-store")
		if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") && len(body) > 0 && !bytes.HasPrefix(body, []byte{0x1f, 0x8b}) {
			var buf bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
			zw.Write(body)
			zw.Close()
			body = buf.Bytes()
			w.Header().Set("Content-Encoding", "gzip")
			w.Header().Del("Content-Length")
		}
		w.WriteHeader(rec.Code)
		w.Write(body)
		if f, ok := w.(http.Flusher); ok {
			f.Flush()
		}
		head := int64(len("HTTP/1.1 200 OK\r\nDate: Mon, 02 Jan 2006 15:04:05 GMT\r\nContent-Length: 00000\r\n\r\n"))
		for k, v := range w.Header() {
			head += int64(len(k) + len(strings.Join(v, ", ")) + 4)
		}
		sentMu.Lock()
		sentLog = append(sentLog, sent{r.URL.Path, head + int64(len(body)), time.Now()})
		sentMu.Unlock()
	})
}

// ---- The browser comparison.

type result struct {
	bytes   int64
	ms      float64 // to the first result with its summary (excerpt)
	titleMs float64 // to the first result's title
	first   bool
	got     string
}

type engine struct {
	name     string
	page     string // a page to search from
	input    string // the search box's id
	ready    string // JavaScript: the first result has shown
	title    string // JavaScript: the first result's title has shown
	firstURL string // JavaScript: the first result's path
	counts   func(url string) bool
}

func compare(ours, base, pf string, runs int, delay time.Duration) error {
	if ours == "" || pf == "" {
		return errors.New("need -ours and -pagefind")
	}
	qs, err := queries(ours)
	if err != nil {
		return err
	}
	if err := writeHarness(pf); err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.Handle(base, http.StripPrefix(strings.TrimSuffix(base, "/"), browsertest.StaticHandler(ours)))
	mux.Handle("/", browsertest.StaticHandler(pf))
	srv := httptest.NewServer(gzipHandler(mux))
	defer srv.Close()

	var slugs []string
	for _, q := range qs {
		slugs = append(slugs, q.Slug)
	}
	engines := []engine{{
		name: "nhiglossary", page: srv.URL + base + "terms/" + slugs[0] + "/", input: "search-input",
		ready:    `document.querySelector('#search-option-0[data-summary=loaded]')`,
		title:    `document.getElementById('search-option-0')`,
		firstURL: `document.getElementById('search-option-0').pathname`,
		counts:   func(u string) bool { return strings.Contains(u, "/search/") || strings.Contains(u, "/assets/search.") },
	}, {
		name: "Pagefind", page: srv.URL + "/pf-bench/", input: "q",
		ready:    `document.querySelector('#first[data-ready]') || document.querySelector('#results[data-empty]')`,
		title:    `document.querySelector('#first[data-ready]') || document.querySelector('#results[data-empty]')`,
		firstURL: `(document.getElementById('first') || {}).pathname || ''`,
		counts:   func(u string) bool { return strings.Contains(u, "/pagefind/") },
	}}

	ctx, cancel := browser()
	defer cancel()
	res := map[string][]result{}
	for _, e := range engines {
		for _, q := range qs {
			var rs []result
			for range runs {
				r, err := measure(ctx, e, q, delay)
				if err != nil {
					return fmt.Errorf("%s, %q: %w", e.name, q.Q, err)
				}
				rs = append(rs, r)
			}
			slices.SortFunc(rs, func(a, b result) int { return int(a.ms*1000 - b.ms*1000) })
			res[e.name] = append(res[e.name], rs[len(rs)/2])
		}
	}
	report(qs, res)
	return nil
}

func browser() (context.Context, context.CancelFunc) {
	bin := browsertest.Chromium()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	return actx, cancelAlloc
}

// measure loads the engine's page in a new tab, types q in one go and
// waits for the first result.
func measure(actx context.Context, e engine, q query, delay time.Duration) (result, error) {
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 60*time.Second)
	defer cancelT()

	var mu sync.Mutex
	type req struct {
		url      string
		wallDiff float64 // wallTime - timestamp, seconds
		end      float64 // wall time the body finished, seconds
		bytes    int64
	}
	reqs := map[network.RequestID]*req{}
	if err := chromedp.Do(ctx); err != nil {
		return result{}, err
	}
	err := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			reqs[ev.RequestID] = &req{url: ev.Request.URL, wallDiff: float64(ev.WallTime) - float64(ev.Timestamp)}
		case *network.EventLoadingFinished:
			if r := reqs[ev.RequestID]; r != nil {
				r.bytes = int64(ev.EncodedDataLength)
				r.end = float64(ev.Timestamp) + r.wallDiff
			}
		}
	})
	if err != nil {
		return result{}, err
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		return result{}, err
	}
	if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		return result{}, err
	}
	// A headless tab is not the focused window, so focusing the box would
	// fire no focus event until the first key: emulate a focused window.
	if _, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		return result{}, err
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(e.page)); err != nil {
		return result{}, err
	}
	// From here on the server counts the bytes; before, the page's
	// Network domain did (our script loads with the page).
	sentMu.Lock()
	sentLog = sentLog[:0]
	sentMu.Unlock()
	reset := float64(time.Now().UnixMicro()) / 1e6
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.ID(e.input)), chromedp.Sleep(delay)); err != nil {
		return result{}, err
	}
	// Watch for the first result from inside the page: no polling delay.
	watch := fmt.Sprintf(`(() => {
		const done = () => {
			if (!window.__tt && (%s)) window.__tt = performance.now();
			if (!window.__t1 && (%s)) window.__t1 = performance.now();
		};
		new MutationObserver(done).observe(document.body, {subtree: true, childList: true, attributes: true});
		// The clock starts when the page gets the query, before any
		// handler of the page sees it.
		window.addEventListener('input', () => { window.__t0 = window.__t0 || performance.now(); }, {capture: true});
		return true;
	})()`, e.title, e.ready)
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](watch)); err != nil {
		return result{}, err
	}
	if _, err := chromedp.Call(ctx, input.InsertText, input.InsertTextParams{Text: q.Q}); err != nil {
		return result{}, err
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!window.__t1`, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		return result{}, fmt.Errorf("no result: %w", err)
	}
	v, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`[window.__t1 - window.__t0, (performance.timeOrigin + window.__t1) / 1000, window.__tt - window.__t0]`))
	if err != nil {
		return result{}, err
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](e.firstURL))
	if err != nil {
		return result{}, err
	}
	time.Sleep(200 * time.Millisecond) // let late loadingFinished events for earlier requests arrive
	if os.Getenv("BENCHSEARCH_DEBUG") != "" {
		timing, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`performance.getEntriesByType('resource').filter(e => e.startTime >= window.__t0 - 1000).map(e => e.name.replace(/^.*\//, '') + ' ' + (e.startTime - window.__t0).toFixed(0) + '..' + (e.responseEnd - window.__t0).toFixed(0) + ' ' + e.transferSize).join('\n') + '\nfirst ' + (window.__t1 - window.__t0).toFixed(0)`))
		fmt.Fprintln(os.Stderr, e.name, q.Q, "\n"+timing)
		mu.Lock()
		for _, r := range reqs {
			fmt.Fprintf(os.Stderr, "  %s %d end-t1=%.3f\n", r.url, r.bytes, r.end-v[1])
		}
		mu.Unlock()
	}
	// The bytes before the first result: what the page loaded for search
	// (our script, as the page's Network domain saw it) and what the
	// server sent after the query, up to the first result.
	mu.Lock()
	var n int64
	for _, r := range reqs {
		if e.counts(r.url) && r.end > 0 && r.end < reset {
			n += r.bytes
		}
	}
	mu.Unlock()
	t1 := time.UnixMicro(int64(v[1] * 1e6))
	sentMu.Lock()
	for _, s := range sentLog {
		if e.counts(s.url) && !s.end.After(t1) {
			n += s.bytes
		}
	}
	sentMu.Unlock()
	return result{bytes: n, ms: v[0], titleMs: v[2], first: strings.HasSuffix(got, "/terms/"+q.Slug+"/"), got: got}, nil
}

// writeHarness adds a page that searches with Pagefind's JavaScript API,
// showing the first result's title and excerpt (its "fragment"), the
// least a results list can download.
func writeHarness(dir string) error {
	d := filepath.Join(dir, "pf-bench")
	if err := os.MkdirAll(d, 0o755); err != nil {
		return err
	}
	html := `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pagefind bench</title>
<script type="module" src="/pf-bench/bench.js"></script></head>
<body><input id="q" type="search" autocomplete="off"><div id="results"></div></body></html>
`
	js := `const input = document.getElementById('q'), out = document.getElementById('results');
let loading = null;
const load = () => loading || (loading = import('/pagefind/pagefind.js').then(async (pf) => { await pf.init(); return pf; }));
input.addEventListener('focus', load);
input.addEventListener('input', async () => {
  const q = input.value;
  const pf = await load();
  const r = await pf.search(q);
  if (input.value !== q) return;
  out.textContent = '';
  if (!r.results.length) { out.dataset.empty = q; return; }
  const d = await r.results[0].data();
  const a = document.createElement('a');
  a.id = 'first'; a.href = d.url;
  a.appendChild(document.createElement('strong')).textContent = d.meta.title;
  a.appendChild(document.createElement('span')).innerHTML = d.excerpt;
  out.appendChild(a);
  a.dataset.ready = q;
});
`
	if err := os.WriteFile(filepath.Join(d, "index.html"), []byte(html), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(d, "bench.js"), []byte(js), 0o644)
}

func report(qs []query, res map[string][]result) {
	fmt.Println("| query | kind | ours: KB before 1st result | ours: ms to title / with summary | ours: expected first | Pagefind: KB | Pagefind: ms | Pagefind: expected first |")
	fmt.Println("|---|---|--:|--:|:-:|--:|--:|:-:|")
	yes := func(b bool) string {
		if b {
			return "yes"
		}
		return "**no**"
	}
	var ob, pb []int64
	var om, pm, ot []float64
	okO, okP := 0, 0
	for i, q := range qs {
		o, p := res["nhiglossary"][i], res["Pagefind"][i]
		fmt.Printf("| `%s` | %s | %.1f | %.0f / %.0f | %s | %.1f | %.0f | %s |\n", q.Q, q.Kind, float64(o.bytes)/1024, o.titleMs, o.ms, yes(o.first), float64(p.bytes)/1024, p.ms, yes(p.first))
		ob, pb, om, pm = append(ob, o.bytes), append(pb, p.bytes), append(om, o.ms), append(pm, p.ms)
		ot = append(ot, o.titleMs)
		if o.first {
			okO++
		}
		if p.first {
			okP++
		}
	}
	fmt.Printf("\nmedian: ours %.1f KB, %.0f ms to the title, %.0f ms with the summary, %d/%d first; Pagefind %.1f KB, %.0f ms, %d/%d first; bytes ratio ours/Pagefind %.2f (max ours %.1f KB)\n",
		float64(median(ob))/1024, median(ot), median(om), okO, len(qs), float64(median(pb))/1024, median(pm), okP, len(qs),
		float64(median(ob))/float64(median(pb)), float64(slices.Max(ob))/1024)
}
