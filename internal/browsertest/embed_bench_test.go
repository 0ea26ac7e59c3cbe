package browsertest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/chromedp"
)

// TestEmbedCost measures what embed.js costs a host page (BENCHMARKS.md):
// its compressed size, and the main thread's script and task time of
// loading a page with 300 marked words, with and without the script,
// median of 7 loads. Run with NHIGLOSSARY_BENCH_EMBED=1.
func TestEmbedCost(t *testing.T) {
	if os.Getenv("NHIGLOSSARY_BENCH_EMBED") == "" {
		t.Skip("set NHIGLOSSARY_BENCH_EMBED=1 to measure")
	}
	src, _ := os.ReadFile("../../assets/embed.js")
	var gz bytes.Buffer
	w, _ := gzip.NewWriterLevel(&gz, 6)
	w.Write(src)
	w.Close()
	out := BuildSite(t, ExampleSite(t))
	j, _ := os.ReadFile(out + "/api/terms/api-key.json")
	t.Logf("embed.js: %d bytes, %d gzipped; api/terms/api-key.json: %d bytes", len(src), gz.Len(), len(j))

	static := StaticHandler(out)
	gsrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		static.ServeHTTP(w, r)
	}))
	defer gsrv.Close()
	var marks strings.Builder
	for i := range 300 {
		fmt.Fprintf(&marks, "<p>Paragraph %d about <dfn data-nhi-term=\"api-key\">API keys</dfn> and <a href=\"%s/terms/secret-rotation/\" data-nhi-term>rotation</a>.</p>\n", i, gsrv.URL)
	}
	page := func(withScript bool) string {
		s := ""
		if withScript {
			s = `<script src="` + gsrv.URL + `/assets/embed.js" defer></script>`
		}
		return "<!doctype html><html lang=en><head><meta charset=utf-8><title>Host</title>" + s + "</head><body>" + marks.String() + "</body></html>"
	}
	hsrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write([]byte(page(r.URL.Path == "/with")))
	}))
	defer hsrv.Close()

	ctx := New(t)
	if _, err := chromedp.Call(ctx, performance.Enable, performance.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	metrics := func() map[string]float64 {
		r, err := chromedp.Call(ctx, performance.GetMetrics, struct{}{})
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]float64{}
		for _, x := range r.Metrics {
			m[x.Name] = x.Value
		}
		return m
	}
	measure := func(path string) (script, task []float64) {
		for range 7 {
			Do(t, ctx, chromedp.Navigate("about:blank"))
			before := metrics()
			Do(t, ctx, chromedp.Navigate(hsrv.URL+path))
			if path == "/with" {
				WaitFor(t, ctx, `document.querySelector("dfn").tabIndex === 0`, "embed.js")
			}
			time.Sleep(200 * time.Millisecond)
			after := metrics()
			script = append(script, (after["ScriptDuration"]-before["ScriptDuration"])*1000)
			task = append(task, (after["TaskDuration"]-before["TaskDuration"])*1000)
		}
		slices.Sort(script)
		slices.Sort(task)
		return script, task
	}
	s0, t0 := measure("/without")
	s1, t1 := measure("/with")
	t.Logf("300 marks, median of 7: script %.1f ms without, %.1f ms with; main-thread tasks %.1f ms without, %.1f ms with", s0[3], s1[3], t0[3], t1[3])
}
