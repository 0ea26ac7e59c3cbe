package searchtest

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/nhimg/nhiglossary/internal/browsertest"
)

// cls is the page's cumulative layout shift so far: the sum of its
// layout-shift entries not caused by input (as Lighthouse counts it for
// a page load).
const cls = `new Promise(resolve => {
	let sum = 0, seen = false;
	new PerformanceObserver(list => {
		for (const e of list.getEntries()) if (!e.hadRecentInput) sum += e.value;
		seen = true;
		resolve(sum);
	}).observe({type: "layout-shift", buffered: true});
	setTimeout(() => resolve(seen ? sum : 0), 200);
})`

// networkRules are network.EmulateNetworkConditionsByRuleParams with the
// top-level "offline" that Chromium 148 requires: cdproto (v0.159.3, the
// newest) has it only in each rule, and Chromium 148 answers "Invalid
// parameters" without it. Older versions ignore it.
type networkRules struct {
	Offline                  bool                  `json:"offline"`
	MatchedNetworkConditions []*network.Conditions `json:"matchedNetworkConditions"`
}

var emulateNetworkConditionsByRule = cdp.Command[networkRules, network.EmulateNetworkConditionsByRuleResult]{Method: network.CommandEmulateNetworkConditionsByRule}

// throttle slows the tab as Lighthouse's mobile run does: 4x CPU
// slowdown, 150 ms round trips and 1.6 Mbit/s down.
func throttle(t *testing.T, ctx context.Context) {
	t.Helper()
	if _, err := chromedp.Call(ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: 4}); err != nil {
		t.Fatalf("CPU throttling: %v", err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatalf("network events: %v", err)
	}
	if _, err := chromedp.Call(ctx, emulateNetworkConditionsByRule, networkRules{
		MatchedNetworkConditions: []*network.Conditions{{Latency: 150, DownloadThroughput: 1.6 * 1024 * 1024 / 8, UploadThroughput: 750 * 1024 / 8}},
	}); err != nil {
		t.Fatalf("network throttling: %v", err)
	}
	if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		t.Fatalf("cache: %v", err)
	}
}

// The results page holds still as its results arrive (issue 15 point 4):
// on a 360 px phone, throttled, its layout shift stays under 0.1.
func TestSearchPageHoldsStill(t *testing.T) {
	ctx := browsertest.New(t)
	root := browsertest.ServeDir(t, browsertest.BuildSite(t, "../.."))
	browsertest.Viewport(t, ctx, 360, 740)
	throttle(t, ctx)
	for _, q := range []string{"secret", "token", "Toyota"} {
		browsertest.Do(t, ctx, chromedp.Navigate(root+"/search/?q="+q))
		browsertest.WaitFor(t, ctx, `document.getElementById('search-results').dataset.query === '`+q+`'`, "the results of "+q)
		browsertest.WaitFor(t, ctx, `[...document.querySelectorAll('#search-results .search-hit-summary')].every(s => s.textContent)`, "every summary")
		got, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`new Promise(r => setTimeout(r, 500)).then(() => `+cls+`)`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("/search/?q=%s: CLS %.3f", q, got)
		if got >= 0.1 {
			t.Errorf("/search/?q=%s: cumulative layout shift %.3f, want < 0.1", q, got)
		}
	}
}

// With results open, the page passes axe-core in both themes: the
// highlighted words keep their contrast in dark mode.
func TestSearchResultsPassAxeInBothThemes(t *testing.T) {
	ctx := browsertest.New(t)
	root := browsertest.ServeDir(t, browsertest.BuildSite(t, "../.."))
	for _, scheme := range []string{"light", "dark"} {
		browsertest.Media(t, ctx, "screen", scheme)
		browsertest.Do(t, ctx, chromedp.Navigate(root+"/search/?q=secret+key"))
		browsertest.WaitFor(t, ctx, `document.getElementById('search-results').dataset.query === 'secret key' && document.querySelector('#search-results mark')`, "results with marks")
		if vs := browsertest.Axe(t, ctx); len(vs) > 0 {
			var b strings.Builder
			for _, v := range vs {
				b.WriteString(v.String() + "\n")
			}
			t.Errorf("%s: the results page fails axe-core:\n%s", scheme, b.String())
		}
		// And the popup of the header's box.
		typeQuery(t, ctx, "secret")
		if vs := browsertest.Axe(t, ctx); len(vs) > 0 {
			t.Errorf("%s: with the popup open, axe-core finds %v", scheme, vs)
		}
	}
}
