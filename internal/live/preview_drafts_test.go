package live

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/nhimg/nhiglossary/internal/diag"
)

// The preview renders drafts, and still shows the problem build would
// fail on: a published term naming a draft.
func TestPreviewReportsDraftLinksBuildRejects(t *testing.T) {
	fsys := fstest.MapFS{
		"content/terms/a.md": {Data: []byte("---\ntitle: A\nsummary: s\nupdated: 2026-01-01\nrelated: [b]\n---\nSee [[B]].\n")},
		"content/terms/b.md": {Data: []byte("---\ntitle: B\nsummary: s\nupdated: 2026-01-01\ndraft: true\n---\nSee [[A]].\n")},
	}
	l := New(fsys, liveOpts())
	ch := l.Update(context.Background(), nil)
	if ch.Err != nil {
		t.Fatalf("the preview does not render: %v\n%v", ch.Err, ch.Diags)
	}
	var got []string
	for _, d := range ch.Diags {
		if d.Code == diag.DraftLinkInPreview {
			got = append(got, d.Pos.String())
		}
	}
	if len(got) != 2 || got[0] != "content/terms/a.md:5:11" || got[1] != "content/terms/a.md:7:5" {
		t.Errorf("draft links reported at %v, want content/terms/a.md:5:11 and :7:5\n%v", got, ch.Diags)
	}
	if _, err := l.Get("terms/b/index.html"); err != nil {
		t.Errorf("the draft is not rendered: %v", err)
	}
}
