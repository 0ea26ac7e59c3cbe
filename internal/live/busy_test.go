package live

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// updateWithin runs l.Update and fails the test if it takes longer than a
// render under way could ever be allowed to hold it up.
func updateWithin(t *testing.T, l *Live, files ...string) *Change {
	t.Helper()
	done := make(chan *Change, 1)
	go func() { done <- l.Update(context.Background(), files) }()
	select {
	case ch := <-done:
		if ch.Err != nil {
			t.Fatalf("%v\n%v", ch.Err, ch.Diags)
		}
		return ch
	case <-time.After(10 * time.Second):
		t.Fatalf("Update of %v waits for the render under way", files)
		return nil
	}
}

// A site-wide file takes a second to render at 10,000 terms, and a render
// cannot stop: an edit saved meanwhile must not wait for it, on the path
// that resolves again or on the one that edits prose in place.
func TestUpdatesDoNotWaitForARenderUnderWay(t *testing.T) {
	src := oneLanguage(t, bundledSite(t))
	l := New(os.DirFS(src), liveOpts())
	updateWithin(t, l)
	everything(t, l)

	l.contentMu.RLock() // as a render under way holds it
	const apiKey = "content/terms/api-key.md"
	edit(t, src, "content/terms/secret.md", replace("title: Secret\n", "title: Secret Value\n"))
	updateWithin(t, l, "content/terms/secret.md")
	edit(t, src, apiKey, replace("## Why it matters", "A new paragraph of prose.\n\n## Why it matters"))
	if ch := updateWithin(t, l, apiKey); ch.InPlace {
		t.Errorf("a prose edit was made in place while a render read the content")
	}
	l.contentMu.RUnlock()

	got, want := everything(t, l), freshBuild(t, src)
	if diff := cmp.Diff(keys(want), keys(got)); diff != "" {
		t.Fatalf("files (-build +live):\n%s", diff)
	}
	for _, p := range keys(want) {
		if want[p] != got[p] {
			t.Errorf("%s differs (-build +live):\n%s", p, cmp.Diff(want[p], got[p]))
		}
	}
	// With no render under way, prose is edited in place again.
	edit(t, src, apiKey, replace("A new paragraph of prose.", "Another paragraph of prose."))
	if ch := updateWithin(t, l, apiKey); !ch.InPlace {
		t.Errorf("a prose edit was not made in place")
	}
}

// A page whose render began before an update, from the version before
// it, is shown to whoever asked for it: the update gives its path a new
// version and says it changed, so that the browser showing it reloads. A
// page no render began keeps its version: nobody has seen it.
func TestAPageRenderingDuringAnUpdateChangesVersion(t *testing.T) {
	src := oneLanguage(t, bundledSite(t))
	l := New(os.DirFS(src), liveOpts())
	updateWithin(t, l) // no page rendered yet
	const begun, untouched = "terms/api-key/index.html", "terms/access-token/index.html"
	v0, u0 := l.Version(begun), l.Version(untouched)

	// A render that began and waits for the lock an edit in place holds.
	l.contentMu.Lock()
	served := make(chan File, 1)
	go func() { f, _ := l.Get(begun); served <- f }()
	for !l.pages.Load().byPath[begun].started.Load() {
		time.Sleep(time.Millisecond)
	}
	edit(t, src, "content/terms/secret.md", replace("title: Secret\n", "title: Secret Value\n"))
	ch := updateWithin(t, l, "content/terms/secret.md")
	l.contentMu.Unlock()
	f := <-served

	if !slices.Contains(ch.Pages, begun) || l.Version(begun) == v0 {
		t.Errorf("%s, rendering from the old version during the update: changed %v, version %s -> %s; want it changed, with a new version",
			begun, slices.Contains(ch.Pages, begun), v0, l.Version(begun))
	}
	if f.Version != v0 {
		t.Errorf("the render under way was served as version %s, want %s (the version it rendered)", f.Version, v0)
	}
	if slices.Contains(ch.Pages, untouched) || l.Version(untouched) != u0 {
		t.Errorf("%s, never rendered and not stale: changed %v, version %s -> %s; want it as it was",
			untouched, slices.Contains(ch.Pages, untouched), u0, l.Version(untouched))
	}
}

// After a full build every page is in the set's todo; once they have all
// rendered, an edit looks at the pages it may change, not at every page
// (at 10,000 terms the first edit after the start took 35 ms more).
func TestRenderedPagesAreNotLookedAtAgain(t *testing.T) {
	src := oneLanguage(t, bundledSite(t))
	l := New(os.DirFS(src), liveOpts())
	updateWithin(t, l)
	ps := l.pages.Load()
	look, _, ok := pathChanges(l.lastGood, l.lastGood, ps.byPath, nil, ps.todo)
	if !ok || len(look) != len(ps.byPath) {
		t.Fatalf("before any page rendered: ok %v, %d pages to look at, want all %d", ok, len(look), len(ps.byPath))
	}
	everything(t, l)
	if look, _, ok := pathChanges(l.lastGood, l.lastGood, ps.byPath, nil, ps.todo); !ok || len(look) != 0 {
		t.Errorf("every page rendered: ok %v, %d pages to look at, want none", ok, len(look))
	}
}

// The body texts kept for the search index are of the terms the site has,
// give or take maxStaleText: a term deleted leaves its text behind until
// dropText looks.
func TestTextsOfTermsGoneAreDropped(t *testing.T) {
	src := oneLanguage(t, bundledSite(t))
	l := New(os.DirFS(src), liveOpts())
	updateWithin(t, l)
	everything(t, l) // every term's text is kept
	for i := range maxStaleText + 8 {
		file := fmt.Sprintf("content/terms/passing-%d.md", i)
		write(t, src, file, fmt.Sprintf("---\ntitle: Passing %d\nsummary: A term.\nupdated: 2026-05-20\n---\nA body.\n", i))
		updateWithin(t, l, file)
		if _, err := l.Get(fmt.Sprintf("terms/passing-%d/index.html", i)); err != nil { // its text is kept
			t.Fatal(err)
		}
		if err := os.Remove(filepath.Join(src, file)); err != nil {
			t.Fatal(err)
		}
		updateWithin(t, l, file)
	}
	terms := len(l.lastGood.g.Terms)
	for prefix, m := range l.text {
		if len(m) > terms+maxStaleText {
			t.Errorf("%q: %d texts kept for %d terms", prefix, len(m), terms)
		}
	}
}

// A request that looked up a page before an update and renders it after
// gets the old site's bytes: it must not get them under the version the
// update kept for the page, or the browser showing them never reloads.
func TestAPageLookedUpBeforeAnUpdateIsNotServedOld(t *testing.T) {
	src := oneLanguage(t, bundledSite(t))
	l := New(os.DirFS(src), liveOpts())
	updateWithin(t, l)
	const path = "terms/api-key/index.html"
	p := l.pages.Load().byPath[path] // Get's lookup, before any render
	edit(t, src, "content/terms/secret.md", replace("title: Secret\n", "title: Secret Value\n"))
	updateWithin(t, l, "content/terms/secret.md")
	served, err := l.getPage(path, p) // Get's render, after the update
	if err != nil {
		t.Fatal(err)
	}
	cur, err := l.Get(path)
	if err != nil {
		t.Fatal(err)
	}
	if served.Version == cur.Version && !bytes.Equal(served.Data, cur.Data) {
		t.Errorf("the old page was served under the current version %s", cur.Version)
	}
	if !bytes.Contains(cur.Data, []byte("Secret Value")) {
		t.Errorf("the current page does not show the new title")
	}
}

// A render of a page an update replaced, finishing after the page in its
// place rendered, must not index the old page's facts over the new one's:
// an edit would then be judged by what the old site showed.
func TestAReplacedPageRenderingLateIsNotIndexed(t *testing.T) {
	src := oneLanguage(t, bundledSite(t))
	l := New(os.DirFS(src), liveOpts())
	updateWithin(t, l)
	const path = "terms/api-key/index.html"
	old := l.pages.Load().byPath[path] // a request's lookup, not rendered yet
	edit(t, src, "content/terms/secret.md", replace("title: Secret\n", "title: Secret Value\n"))
	updateWithin(t, l, "content/terms/secret.md")
	cur := l.pages.Load().byPath[path]
	if cur == old {
		t.Fatal("the update kept the page: the test needs one it replaces")
	}
	if _, err := l.Get(path); err != nil {
		t.Fatal(err)
	}
	old.render(l) // the request's render, late
	l.shown.mu.Lock()
	defer l.shown.mu.Unlock()
	if got := l.shown.byPath[path]; got != cur {
		t.Errorf("the index holds %p for %s, want the current page %p", got, path, cur)
	}
}
