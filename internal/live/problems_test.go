package live

import (
	"context"
	"fmt"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/nhimg/nhiglossary/internal/build"
)

// An edit of prose alone takes the short way (Change.InPlace), and the
// problems the preview shows are still those a check of the same files
// finds: prose can hold a Markdown problem.
func TestProseEditsReportWhatACheckFinds(t *testing.T) {
	const a = "---\ntitle: A\nsummary: s\nupdated: 2026-01-01\n---\n"
	fsys := fstest.MapFS{
		"content/terms/a.md": {Data: []byte(a + "Plain prose. See [[B]].\n")},
		"content/terms/b.md": {Data: []byte("---\ntitle: B\nsummary: s\nupdated: 2026-01-01\n---\nSee [[A]].\n")},
	}
	ctx := context.Background()
	l := New(fsys, liveOpts())
	if ch := l.Update(ctx, nil); ch.Err != nil || len(ch.Diags) > 0 {
		t.Fatalf("%v\n%v", ch.Err, ch.Diags)
	}
	for i, body := range []string{
		"Water is H<sub>2</sub>O. See [[B]].\n",
		"Plain prose again. See [[B]].\n",
		"A [file](other.md) link. See [[B]].\n",
		"Plain prose at last. See [[B]].\n",
		"Plain prose, once more. See [[B]].\n", // the short way
	} {
		fsys["content/terms/a.md"] = &fstest.MapFile{Data: []byte(a + body)}
		ch := l.Update(ctx, []string{"content/terms/a.md"})
		_, want := build.Check(fsys, liveOpts())
		if diff := cmp.Diff(fmt.Sprint(want), fmt.Sprint(ch.Diags)); diff != "" {
			t.Errorf("after %q (in place: %v), problems (-check +preview):\n%s", body, ch.InPlace, diff)
		}
		if i == 4 && !ch.InPlace {
			t.Errorf("an edit of prose without problems, after one, did not take the short way")
		}
	}
}
