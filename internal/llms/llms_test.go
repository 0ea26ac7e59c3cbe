package llms

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/yuin/goldmark"
	gmhtml "github.com/yuin/goldmark/renderer/html"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/sitetest"
	"github.com/nhimg/nhiglossary/internal/xref"
)

const base = "https://example.org/glossary/"

func example(t *testing.T) (*xref.Graph, Links) {
	t.Helper()
	g := sitetest.MustResolve(t, os.DirFS("../build/testdata/example-site"))
	l := Links{
		Term:         func(slug string) string { return base + "terms/" + slug + "/" },
		TermMarkdown: func(slug string) string { return base + "terms/" + slug + "/index.md" },
		Incident:     func(slug string) string { return base + "incidents/" + slug + "/" },
		Framework:    func(f *content.Framework) string { return base + "frameworks/" + f.ID + "/" },
		Wiki: func(target string) (string, string, bool) {
			tg, ok := g.Lookup(target)
			if !ok || tg.Kind != xref.KindTerm {
				return "", "", false
			}
			return base + "terms/" + tg.Term.Slug.Value + "/", tg.Term.Title.Value, true
		},
	}
	return g, l
}

var mdLink = regexp.MustCompile(`\[((?:[^\]\\]|\\.)*)\]\(([^)]*)\)`)

// The llms.txt convention: an H1, a blockquote, then H2 sections of
// "- [name](url): notes" lists; "Optional" last.
func TestIndexFollowsTheConvention(t *testing.T) {
	g, l := example(t)
	out := index(g, l)
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if !strings.HasPrefix(lines[0], "# Example NHI Glossary") || lines[1] != "" || !strings.HasPrefix(lines[2], "> ") {
		t.Fatalf("head:\n%s", out)
	}
	var sections []string
	listItem := regexp.MustCompile(`^- \[[^\]]+\]\(https://[^)\s]+\)(: .+)?$`)
	for _, ln := range lines[3:] {
		switch {
		case strings.HasPrefix(ln, "## "):
			sections = append(sections, ln[3:])
		case strings.HasPrefix(ln, "- "):
			if !listItem.MatchString(ln) {
				t.Errorf("not a link item: %q", ln)
			}
		case strings.HasPrefix(ln, "#"):
			t.Errorf("heading other than H2: %q", ln)
		}
	}
	if strings.Join(sections, ",") != "Terms,Optional" {
		t.Errorf("sections %v", sections)
	}
	for _, tm := range g.Terms {
		if !strings.Contains(out, "- ["+tm.Title.Value+"]("+base+"terms/"+tm.Slug.Value+"/index.md): ") {
			t.Errorf("no item for %s", tm.Slug.Value)
		}
	}
}

func TestTermCopyResolvesLinks(t *testing.T) {
	g, l := example(t)
	for _, tm := range g.Terms {
		out := term(g, tm, l)
		if !strings.HasPrefix(out, "# "+tm.Title.Value+"\n\n> "+tm.Summary+"\n") {
			t.Errorf("%s head:\n%s", tm.Slug.Value, out)
		}
		if strings.Contains(out, "[[") {
			t.Errorf("%s keeps a [[link]]:\n%s", tm.Slug.Value, out)
		}
		for _, m := range mdLink.FindAllStringSubmatch(out, -1) {
			if !strings.HasPrefix(m[2], "https://") && !strings.HasPrefix(m[2], "http://") {
				t.Errorf("%s: relative link %q", tm.Slug.Value, m[0])
			}
		}
	}
	full := full(g, l)
	for _, tm := range g.Terms {
		if !strings.Contains(full, term(g, tm, l)) {
			t.Errorf("llms-full.txt lacks %s", tm.Slug.Value)
		}
	}
}

func TestResolve(t *testing.T) {
	_, l := example(t)
	got := resolve("See [[API Key]], [[api-key|keys]], [[Nowhere]] and `[[code]]` [x]y.", l)
	want := "See [API Key](" + base + "terms/api-key/), [keys](" + base + "terms/api-key/), Nowhere and `[[code]]` [x]y."
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if got := resolve("[[api-key|a [b] \\c]]", l); !strings.HasPrefix(got, "[[api-key|a [b]") && !strings.HasPrefix(got, `[a \[b\] \\c]`) {
		t.Errorf("label not escaped: %s", got)
	}
}

func TestDeprecatedTerms(t *testing.T) {
	fsys := fstest.MapFS{
		"nhiglossary.yaml":     {Data: []byte("title: T\nbase_url: " + base + "\n")},
		"content/terms/key.md": {Data: []byte("---\ntitle: Key\nsummary: A key.\nupdated: 2026-01-02\n---\nSee [[Old]].\n")},
		"content/terms/old.md": {Data: []byte("---\ntitle: Old\nsummary: Old name.\ndeprecated: true\nreplaced_by: key\nupdated: 2026-01-02\n---\n")},
	}
	g := sitetest.MustResolve(t, fsys)
	_, l := example(t)
	l.Wiki = func(string) (string, string, bool) { return base + "terms/old/", "Old", true }
	if idx := index(g, l); strings.Contains(idx, "[Old]") || !strings.Contains(idx, "[Key]") {
		t.Errorf("llms.txt lists deprecated terms:\n%s", idx)
	}
	if got := term(g, g.TermBySlug["old"], l); !strings.Contains(got, "This term is deprecated: use [Key]("+base+"terms/key/) instead.") {
		t.Errorf("the copy of a deprecated term:\n%s", got)
	}
}

func TestLine(t *testing.T) {
	for in, want := range map[string]string{
		"":                 "",
		"a b":              "a b",
		" a":               "a",
		"a ":               "a",
		"a  b":             "a b",
		"a\nb":             "a b",
		"a\tb\r\n":         "a b",
		"Größe\u00a0Maß":   "Größe Maß",
		"x\u2003y":         "x y",
		"plain, one line.": "plain, one line.",
	} {
		if got := line(in); got != want {
			t.Errorf("line(%q) = %q, want %q", in, got, want)
		}
	}
}

// A copy lists its sources by number, without their ids: a citation
// names their numbers.
func TestNumberCites(t *testing.T) {
	sources := []content.Source{{ID: content.Name{Value: "gg"}}, {}, {ID: content.Name{Value: "v"}}}
	for _, tc := range []struct{ src, want string }{
		{"Most leak [@gg].", `Most leak \[1\].`},
		{"Both [@v; @2] and [[API Key]].", `Both \[3, 2\] and [[API Key]].`},
		{"Page [@gg, p. 4].", `Page \[1, p. 4\].`},
		{"Only words before a key: [see @gg, p. 4; cf. @v] [-@gg].", `Only words before a key: \[see 1, p. 4, cf. 3\] \[1\].`},
		{"A link, as in Pandoc: [@gg](https://x.example/)", "A link, as in Pandoc: [@gg](https://x.example/)"},
		{"In code `[@gg]` it is text.", "In code `[@gg]` it is text."},
		{"None.", "None."},
	} {
		if got := numberCites(tc.src, sources); got != tc.want {
			t.Errorf("numberCites(%q) = %q, want %q", tc.src, got, tc.want)
		}
	}
}

func index(g *xref.Graph, l Links) string {
	var b bytes.Buffer
	WriteIndex(&b, g, l)
	return b.String()
}

func full(g *xref.Graph, l Links) string {
	var b bytes.Buffer
	WriteFull(&b, g, l)
	return b.String()
}

func term(g *xref.Graph, t *content.Term, l Links) string {
	var b bytes.Buffer
	WriteTerm(&b, g, t, l)
	return b.String()
}

// CONTENT.md: llms.txt is "# Title", a "> description" line, then the
// terms: the line is there when the site has no description too.
func TestIndexHasADescriptionLine(t *testing.T) {
	g := sitetest.MustResolve(t, sitetest.FS(map[string]string{
		"nhiglossary.yaml":     "title: Bare\n",
		"content/terms/key.md": "---\ntitle: Key\nsummary: A key.\nupdated: 2026-01-02\n---\nText.\n",
	}))
	var b strings.Builder
	_, l := example(t)
	WriteIndex(&b, g, l)
	lines := strings.Split(b.String(), "\n")
	if len(lines) < 3 || lines[0] != "# Bare" || lines[1] != "" || !strings.HasPrefix(lines[2], "> ") {
		t.Errorf("llms.txt starts:\n%s", b.String())
	}
}

// What the page leaves out or never writes, raw HTML and links to
// javascript:, the copy shows as text: a Markdown reader makes no
// markup of it. Titles and summaries are text too.
func TestCopyShowsMarkupAsText(t *testing.T) {
	body := "Click [here](javascript:alert(2)) or <script>alert(3)</script>, ![i](data:text/html,x), `<code>` and [ok](https://x.example/).\n\n" +
		"<!-- note --><img src=x onerror=alert(3)>\n\n</div><img src=x onerror=alert(4)>\n\nSee [the spec][r].\n\n[r]: javascript:alert(5)\n\n" +
		"Or <javascript:alert(6)>, or [`]`](javascript:alert(7)), or [x](<javascript:alert(8)>), [a [b](javascript:alert(9))](https://ok/), a <?x> and a < b.\n\n" +
		"```\n<kept> [c](javascript:x)\n```\n\n" +
		"[[key|the <em>x</em>]] and [spec](<docs/a b.html>).\n\n" +
		"``` `no fence`\n<img src=x onerror=alert(10)>\n\n" +
		"[q][r2] [s][r3] [t](\njavascript:alert(13))\n\n> [r2]: javascript:alert(11)\n\n[r3]:\n  javascript:alert(12)\n\n" +
		"[u](&#106;avascript:alert(14)) [v](java&#x73;cript:alert(15)) [w](javascript\\:alert(16)) [y][r4]\n\n[r4]: &#x6A;avascript:alert(17)\n"
	for _, unsafe := range []bool{false, true} {
		cfg := "title: T <b>x</b>\n"
		if unsafe {
			cfg += "unsafe_html: true\n"
		}
		g := sitetest.MustResolve(t, sitetest.FS(map[string]string{
			"nhiglossary.yaml":          cfg,
			"content/terms/key.md":      "---\ntitle: Key <i>\nsummary: \"See [docs](javascript:alert(1)) <img src=x onerror=alert(1)>\"\nupdated: 2026-01-02\n---\n" + body,
			"content/incidents/leak.md": "---\ntitle: Leak\ndate: 2025-06-01\nsummary: \"A leak.\\n\\n    <img src=x onerror=alert(1)>\\n\"\n---\nText.\n",
		}))
		l := Links{Term: func(slug string) string { return base + "terms/" + slug + "/" }, Incident: func(slug string) string { return base + "incidents/" + slug + "/" },
			Wiki: func(string) (string, string, bool) { return "", "", false }}
		out := term(g, g.TermBySlug["key"], l)
		tag := map[bool]string{false: `\<`, true: `<`}[unsafe] // raw HTML is the editor's with unsafe_html
		want := []string{
			`# Key \<i>`,
			`> See \[docs\](javascript:alert(1)) \<img src=x onerror=alert(1)>`,
			`Click [here]\(javascript:alert(2)) or ` + tag + `script>alert(3)` + tag + `/script>, ![i]\(data:text/html,x), ` + "`<code>`" + ` and [ok](https://x.example/).`,
			tag + `!-- note -->` + tag + `img src=x onerror=alert(3)>`,
			tag + `/div>` + tag + `img src=x onerror=alert(4)>`,
			`\[r]: javascript:alert(5)`,
			"Or \\<javascript:alert(6)>, or [`]`]\\(javascript:alert(7)), or [x]\\(\\<javascript:alert(8)>), [a [b]\\(javascript:alert(9))](https://ok/), a " + tag + "?x> and a < b.",
			"<kept> [c](javascript:x)",
			`the \<em>x\</em> and [spec](` + tag + `docs/a b.html>).`, // (Wiki links nothing here) a [[link]]'s label, escaped once
		}
		for _, w := range want {
			if !strings.Contains(out, w+"\n") {
				t.Errorf("unsafe_html %v: the copy has no line %q:\n%s", unsafe, w, out)
			}
		}
		idx := index(g, l)
		// As a Markdown reader that lets HTML through reads them. (With
		// unsafe_html on, the raw HTML is the editor's to keep.)
		for name, copy := range map[string]string{"the copy": out, "llms.txt": idx} {
			if unsafe {
				break
			}
			var html bytes.Buffer
			goldmark.New(goldmark.WithRendererOptions(gmhtml.WithUnsafe())).Convert([]byte(copy), &html)
			for _, bad := range []string{"<img", "<script", "<!--", `href="javascript`, `href="data`} {
				if strings.Contains(html.String(), bad) {
					t.Errorf("%s makes %s:\n%s", name, bad, html.String())
				}
			}
		}
		for _, w := range []string{`# T \<b>x\</b>`, `: A leak. \<img src=x onerror=alert(1)>`} {
			if !strings.Contains(idx, w) {
				t.Errorf("unsafe_html %v: llms.txt has no %q:\n%s", unsafe, w, idx)
			}
		}
	}
}
