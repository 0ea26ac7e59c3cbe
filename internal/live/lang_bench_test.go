package live

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkLiveEditTwoLanguages edits the bundled glossary (English and
// German) and reports how many of its files each edit renders again
// (pages/op, of files): an original with a translation, one without, a
// translation's prose and a translation's title.
//
//	go test ./internal/live -run '^$' -bench LiveEditTwoLanguages -benchtime 10x
func BenchmarkLiveEditTwoLanguages(b *testing.B) {
	src := bundledSite(b)
	ctx := context.Background()
	l := New(os.DirFS(src), liveOpts())
	if ch := l.Update(ctx, nil); ch.Err != nil {
		b.Fatal(ch.Err, ch.Diags)
	}
	l.RenderPending(ctx)
	for _, e := range []struct{ name, file, old string }{
		{"original-prose", "content/terms/api-key.md", "\n## "},
		{"untranslated-prose", "content/terms/workload-identity.md", "\n## "},
		{"untranslated-summary", "content/terms/workload-identity.md", "summary: >-\n  "},
		{"translation-prose", "content/terms/api-key.de.md", "\n## "},
		{"translation-title", "content/terms/secret.de.md", "title: Geheimnis"},
	} {
		b.Run(e.name, func(b *testing.B) {
			path := filepath.Join(src, filepath.FromSlash(e.file))
			orig, err := os.ReadFile(path)
			if err != nil || !strings.Contains(string(orig), e.old) {
				b.Fatalf("%s: %v, or no %q", e.file, err, e.old)
			}
			pages, i := 0, 0
			for b.Loop() {
				i++
				text := strings.Replace(string(orig), e.old, fmt.Sprintf("%sEdit %d. ", e.old, i), 1)
				if strings.HasPrefix(e.old, "\n") {
					text = strings.Replace(string(orig), e.old, fmt.Sprintf("\nEdit %d.\n%s", i, e.old), 1)
				}
				os.WriteFile(path, []byte(text), 0o644)
				ch := l.Update(ctx, []string{e.file})
				if ch.Err != nil {
					b.Fatal(ch.Err, ch.Diags)
				}
				pages += len(ch.Pages)
				l.RenderPending(ctx)
			}
			b.ReportMetric(float64(pages)/float64(i), "pages/op")
			b.ReportMetric(float64(len(l.Paths())), "files")
		})
	}
}
