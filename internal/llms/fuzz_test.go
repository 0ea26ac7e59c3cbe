package llms

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/yuin/goldmark"
	gmhtml "github.com/yuin/goldmark/renderer/html"

	"github.com/nhimg/nhiglossary/internal/scripttest"
	"github.com/nhimg/nhiglossary/internal/sitetest"
	"github.com/nhimg/nhiglossary/internal/xref"
)

// A term's copy reads as Markdown says whatever its editors wrote: its
// title is its one H1 line, its summary one quoted line, and the related
// term's title, however bracketed, is the whole text of its link.
func FuzzWriteTerm(f *testing.F) {
	f.Add("API key", "A secret that names a caller.", "See [[Other]].", "Other")
	f.Add("Key [v2]", "Two\nlines", "[[Other|a ] label]] and `[[code]]`", `Back\slash ] [x](y)`)
	f.Add("# Title", "> quoted", "- list\n\n## Heading", "*emph*")
	f.Add("<b>T</b>", "See [x](javascript:alert(1)) <img src=x onerror=alert(1)>", "Click [here](javascript:alert(2)) or <script>alert(3)</script>.", "<i>")
	f.Fuzz(func(t *testing.T, title, summary, body, other string) {
		fsys := fstest.MapFS{
			"nhiglossary.yaml": {Data: []byte("title: Fuzz\n")},
			"content/terms/one.md": {Data: []byte("---\ntitle: " + strconv.Quote(title) + "\nsummary: " + strconv.Quote(summary) +
				"\nrelated: [two]\nupdated: 2026-01-02\n---\n" + body + "\n")},
			"content/terms/two.md": {Data: []byte("---\ntitle: " + strconv.Quote(other) + "\nsummary: The other term.\nupdated: 2026-01-02\n---\nText.\n")},
		}
		g, _ := sitetest.Resolve(fsys)
		if g == nil {
			return
		}
		one, two := g.TermBySlug["one"], g.TermBySlug["two"]
		l := Links{
			Term: func(slug string) string { return "https://example.org/terms/" + slug + "/" },
			Wiki: func(target string) (string, string, bool) {
				tg, ok := g.Lookup(target)
				if !ok || tg.Kind != xref.KindTerm {
					return "", "", false
				}
				return "https://example.org/terms/" + tg.Term.Slug.Value + "/", tg.Term.Title.Value, true
			},
		}
		out := term(g, one, l)
		lines := strings.Split(out, "\n")
		// (Escaped: a title or summary is text, however bracketed.)
		if unescapeLabel(strings.TrimPrefix(lines[0], "# ")) != line(one.Title.Value) || lines[1] != "" || unescapeLabel(strings.TrimPrefix(lines[2], "> ")) != line(one.Summary) {
			t.Fatalf("head of the copy:\n%s", out)
		}
		if n := strings.Count(out, "\nSource page: https://example.org/terms/one/\n"); n != 1 {
			t.Fatalf("%d source lines:\n%s", n, out)
		}
		// The related list's one item, read as Markdown reads a link.
		related := out[strings.LastIndex(out, "\n## Related terms\n"):]
		var item string
		for _, ln := range strings.Split(related, "\n") {
			if strings.HasPrefix(ln, "- [") {
				item = ln
			}
		}
		m := mdLink.FindStringSubmatch(item)
		if m == nil || unescapeLabel(m[1]) != line(two.Title.Value) || m[2] != "https://example.org/terms/two/" {
			t.Fatalf("the related item %q does not read back as a link to %q", item, line(two.Title.Value))
		}
	})
}

// unescapeLabel undoes label's escapes.
func unescapeLabel(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// Whatever a body holds, its copy, read by a Markdown reader that lets
// raw HTML through, makes no script: no script-like element, no event
// handler, no javascript:/vbscript:/data: link (with unsafe_html off).
func FuzzSafeIsInert(f *testing.F) {
	for _, s := range []string{
		"Click [here](javascript:alert(2)) or <script>alert(3)</script>.",
		"<!-- c --><img src=x onerror=alert(1)>\n\n</div><svg onload=alert(2)>",
		"[q][r]\n\n> [r]: javascript:alert(1)\n\n[s]:\n  javascript:alert(2)\n\n[t](\njavascript:x)",
		"[u](&#106;avascript:alert(1)) [w](javascript\\:alert(2)) <javascript:alert(3)>",
		"``` `x`\n<iframe src=x>\n```\n<b onmouseover=alert(1)>b</b>",
		"- <img src=x onerror=alert(1)>\n  > <a href=\"javascript:alert(1)\">x</a>",
	} {
		f.Add(s)
	}
	scripttest.SelfCheck(f)
	md := goldmark.New(goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
	f.Fuzz(func(t *testing.T, src string) {
		var out bytes.Buffer
		if err := md.Convert([]byte(safe(src, false)), &out); err != nil {
			return
		}
		h := strings.ToLower(out.String())
		if m := scripttest.Scripted.FindString(h); m != "" {
			t.Fatalf("%q: the copy makes %q:\n%s", src, m, out.String())
		}
	})
}
