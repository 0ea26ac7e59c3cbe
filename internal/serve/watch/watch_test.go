package watch

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// watching starts a Watcher on a new folder that has content/terms and
// returns the folder and the channel of batches; it stops with the test.
func watching(t *testing.T) (string, <-chan []string) {
	t.Helper()
	dir := t.TempDir()
	mkdir(t, filepath.Join(dir, "content", "terms"))
	w, err := New(dir, []string{"content", "templates"}, func(err error) { t.Errorf("watch error: %v", err) })
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	out := make(chan []string)
	done := make(chan struct{})
	go func() {
		defer close(done)
		w.Run(ctx, out)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	return dir, out
}

func mkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}

func writeFile(t *testing.T, name, text string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// next waits for the next batch, failing after two seconds.
func next(t *testing.T, out <-chan []string) []string {
	t.Helper()
	select {
	case b := <-out:
		return b
	case <-time.After(2 * time.Second):
		t.Fatal("no batch within 2s")
		return nil
	}
}

// settle returns every path named by the batches that come until none
// came for a while.
func settle(t *testing.T, out <-chan []string) []string {
	t.Helper()
	seen := map[string]bool{}
	for _, p := range next(t, out) {
		seen[p] = true
	}
	for {
		select {
		case b := <-out:
			for _, p := range b {
				seen[p] = true
			}
		case <-time.After(10 * Quiet):
			return sorted(seen)
		}
	}
}

// none checks that no batch comes for a while.
func none(t *testing.T, out <-chan []string) {
	t.Helper()
	select {
	case b := <-out:
		t.Fatalf("unexpected batch %q", b)
	case <-time.After(3 * Quiet):
	}
}

func TestEditorSavePatternsEachGiveOneBatchNamingTheFile(t *testing.T) {
	saves := map[string]func(t *testing.T, file string){
		"write in place": func(t *testing.T, file string) {
			writeFile(t, file, "new")
		},
		"rename over": func(t *testing.T, file string) {
			tmp := file + ".tmp"
			writeFile(t, tmp, "new")
			if err := os.Rename(tmp, file); err != nil {
				t.Fatal(err)
			}
		},
		"delete and create": func(t *testing.T, file string) {
			os.Remove(file)
			writeFile(t, file, "new")
		},
		"vim with a swap file and a backup": func(t *testing.T, file string) {
			dir := filepath.Dir(file)
			writeFile(t, filepath.Join(dir, ".api-key.md.swp"), "swap")
			writeFile(t, filepath.Join(dir, "4913"), "")
			os.Remove(filepath.Join(dir, "4913"))
			os.Rename(file, file+"~")
			writeFile(t, file, "new")
			os.Remove(file + "~")
		},
	}
	for name, save := range saves {
		t.Run(name, func(t *testing.T) {
			dir, out := watching(t)
			file := filepath.Join(dir, "content", "terms", "api-key.md")
			writeFile(t, file, "old")
			if got := next(t, out); !slices.Equal(got, []string{"content/terms/api-key.md"}) {
				t.Fatalf("creating: batch %q", got)
			}
			save(t, file)
			// Usually one batch; a loaded machine may split a slow save in two.
			if got := settle(t, out); !slices.Equal(got, []string{"content/terms/api-key.md"}) {
				t.Errorf("batches name %q, want only content/terms/api-key.md", got)
			}
		})
	}
}

func TestABurstOfWritesIsOneBatch(t *testing.T) {
	dir, out := watching(t)
	var want []string
	var gap time.Duration // the longest between two writes
	last := time.Now()
	for i, name := range []string{"a.md", "b.md", "c.md"} {
		writeFile(t, filepath.Join(dir, "content", "terms", name), "x")
		now := time.Now()
		if i > 0 {
			gap = max(gap, now.Sub(last))
		}
		last = now
		want = append(want, "content/terms/"+name)
	}
	if gap >= Quiet/2 {
		// A loaded machine (CI's load reached 13) paused between the
		// writes for about the quiet period: two batches are right.
		if got := settle(t, out); !slices.Equal(got, want) {
			t.Errorf("batches name %q, want %q (writes %v apart)", got, want, gap)
		}
		return
	}
	if got := next(t, out); !slices.Equal(got, want) {
		t.Errorf("batch %q, want %q", got, want)
	}
	none(t, out)
}

func TestFoldersCreatedLaterAreWatchedWithTheirFiles(t *testing.T) {
	dir, out := watching(t)
	// A folder made elsewhere and moved in: its file predates any watch.
	outside := filepath.Join(t.TempDir(), "more")
	mkdir(t, outside)
	writeFile(t, filepath.Join(outside, "x.md"), "x")
	if err := os.Rename(outside, filepath.Join(dir, "content", "terms", "more")); err != nil {
		t.Fatal(err)
	}
	got := next(t, out)
	if !slices.Contains(got, "content/terms/more/x.md") {
		t.Fatalf("batch %q does not name the moved-in file", got)
	}
	// The new folder is watched: a later save in it is seen.
	writeFile(t, filepath.Join(dir, "content", "terms", "more", "y.md"), "y")
	if got := next(t, out); !slices.Equal(got, []string{"content/terms/more/y.md"}) {
		t.Errorf("batch %q", got)
	}
	// A watched folder created after the start (templates/) is watched too.
	mkdir(t, filepath.Join(dir, "templates"))
	next(t, out)
	writeFile(t, filepath.Join(dir, "templates", "term.html"), "t")
	if got := next(t, out); !slices.Equal(got, []string{"templates/term.html"}) {
		t.Errorf("batch %q", got)
	}
}

func TestOnlyTheSettingsAndTheWatchedFoldersCount(t *testing.T) {
	dir, out := watching(t)
	mkdir(t, filepath.Join(dir, "public", "terms"))
	next(t, out) // the new folder at the root
	writeFile(t, filepath.Join(dir, "public", "terms", "index.html"), "x")
	none(t, out)
	writeFile(t, filepath.Join(dir, "nhiglossary.yaml"), "title: x")
	if got := next(t, out); !slices.Equal(got, []string{"nhiglossary.yaml"}) {
		t.Errorf("batch %q", got)
	}
}

func TestIgnoredNames(t *testing.T) {
	for name, want := range map[string]bool{
		"api-key.md": false, ".api-key.md.swp": true, "api-key.md~": true, "#api-key.md#": true,
		".#api-key.md": true, "4913": true, "api-key.md.tmp": true, "api-key.md___jb_tmp___": true, "style.css": false,
	} {
		if got := ignored(name); got != want {
			t.Errorf("ignored(%q) = %v, want %v", name, got, want)
		}
	}
}

// A file removed and written again a moment later (longer than Quiet) is
// one batch: the preview never sees it missing.
func TestAFileRemovedAndWrittenAgainSoonIsOneBatch(t *testing.T) {
	dir, out := watching(t)
	file := filepath.Join(dir, "content", "terms", "api-key.md")
	writeFile(t, file, "old")
	next(t, out)
	if err := os.Remove(file); err != nil {
		t.Fatal(err)
	}
	time.Sleep(3 * Quiet)
	writeFile(t, file, "new")
	if got := next(t, out); !slices.Equal(got, []string{"content/terms/api-key.md"}) {
		t.Fatalf("batch %q", got)
	}
	if _, err := os.Stat(file); err != nil {
		t.Fatal(err)
	}
	none(t, out)
}

// A batch waiting for a busy reader is held back by a file removed
// meanwhile, as a batch that has not waited is: the file is about to be
// written again, and must not be reported gone.
func TestAFileRemovedWhileABatchWaitsHoldsItBack(t *testing.T) {
	dir, out := watching(t)
	a := filepath.Join(dir, "content", "terms", "a.md")
	b := filepath.Join(dir, "content", "terms", "b.md")
	writeFile(t, b, "b")
	next(t, out)
	start := time.Now()
	writeFile(t, a, "a")
	time.Sleep(3 * Quiet) // the batch of a is ready; nobody reads it yet
	if err := os.Remove(b); err != nil {
		t.Fatal(err)
	}
	if time.Since(start) > Max-Gone-8*Quiet {
		// Max after a's write the batch goes whatever comes: too slow a
		// machine leaves no time in which to see it held back.
		t.Skipf("the removal came %v after the first write", time.Since(start))
	}
	// Reading is what a reader no longer busy does: only once the watcher
	// has had the removal (Quiet), and for 3 Quiet more, within Gone.
	time.Sleep(Quiet)
	none(t, out)
	writeFile(t, b, "b again")
	if got := next(t, out); !slices.Equal(got, []string{"content/terms/a.md", "content/terms/b.md"}) {
		t.Fatalf("batch %q", got)
	}
	if _, err := os.Stat(b); err != nil {
		t.Fatal(err)
	}
}
