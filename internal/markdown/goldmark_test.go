package markdown

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

// options are the configurations Render is compared with goldmark in.
var options = []Options{{}, {Autolink: "all"}, {Autolink: "off", UnsafeHTML: true}}

// pair is a Renderer and one of the same options built from goldmark's own
// extensions only.
type pair struct {
	opts        Options
	fast, stock *Renderer
}

var pairs = func() []pair {
	var ps []pair
	for _, o := range options {
		ps = append(ps, pair{o, New(o, linker, names), newRenderer(o, linker, names, referenceGFM{})})
	}
	return ps
}()

// referenceGFM is extension.GFM with goldmark's own linkify, given the
// options ours has.
type referenceGFM struct{}

func (referenceGFM) Extend(m goldmark.Markdown) {
	extension.NewLinkify(linkifyOptions...).Extend(m)
	extension.Table.Extend(m)
	extension.Strikethrough.Extend(m)
	extension.TaskList.Extend(m)
}

var docs = []Doc{
	{Inline: true},
	{},
	{Inline: true, Autolink: true, Self: "secret"},
	{Autolink: true, Self: "api-key"},
	{IDPrefix: "example-1--", Reserved: func(id string) bool { return id == "example-1--sources" }},
	{Sources: []string{"r", ""}},
	{Inline: true, Sources: []string{"r", ""}, SourcesAt: &SourceList{URL: "/kb/terms/a/", Labels: []string{`Source 1 of "A" <b>`, "Source 2"}}},
}

// checkRender fails t if Render renders src other than goldmark with its
// own extensions does, and returns whether it took the plain path.
func checkRender(t *testing.T, src string) (plain bool) {
	t.Helper()
	for _, p := range pairs {
		for _, doc := range docs {
			plain = checkRenderWith(t, p, src, doc) || plain
		}
	}
	return plain
}

// checkRenderWith is checkRender for one configuration. It also checks
// that Terms are the data-term attributes of the HTML, where raw HTML
// cannot have any.
func checkRenderWith(t *testing.T, p pair, src string, doc Doc) (plain bool) {
	t.Helper()
	st := newDocState(src, doc)
	_, plain = p.fast.renderPlain(st)
	st.free()

	got := p.fast.Render(src, doc)
	st = newDocState(src, doc)
	want := p.stock.renderMarkdown(st, parser.NewContext(parser.WithIDs(&st.ids)))
	st.free()
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("Render(%q, %+v), plain path %v (-goldmark +got):\n%s", src, doc, plain, diff)
	}
	if !p.opts.UnsafeHTML {
		if diff := cmp.Diff(dataTerms(got.HTML), got.Terms); diff != "" {
			t.Fatalf("Render(%q, %+v).Terms are not the data-term attributes of its HTML (-HTML +Terms):\n%s\n%s", src, doc, diff, got.HTML)
		}
	}
	return plain
}

func TestPlainPathRendersAsGoldmark(t *testing.T) {
	tests := []struct {
		src   string
		plain bool // takes the plain path
	}{
		{"", true},
		{"\n  \n", true},
		{"One sentence, plain.", true},
		{"Rotate API keys; watch for secrets sprawl (CI/CD, X.509, just-in-time access)!", true},
		{"A PAT, two PATs, a pat on the back: 50% of $5 = ^{x} | y # z + w?", true},
		{"[[api-key]] leaks.", true},
		{"See [[API Key|the key]], [[nothing here]] and [[deepseek-breach]].", true},
		{"An API key is not [[secrets sprawl]]; a secret is.", true},
		{"Qué es un secreto? 鍵\u00a0", true},
		{"\n\nLeading blank lines, trailing spaces.  \n\n", true},
		{"2024 was a year.", true},
		{"wow, www", true},
		{"One line\nand another", false},
		{"  indented", false},
		{"    code", false},
		{"1. a list", false},
		{"3) a list", false},
		{"# heading", false},
		{"- item", false},
		{"*emphasis*", false},
		{"a_b", false},
		{"`code`", false},
		{"x &amp; y", false},
		{"a < b", false},
		{"say \"hi\"", false},
		{"it's", false},
		{"an en -- dash", false},
		{"and so...", false},
		{"see www.example.org", false},
		{"see https://example.org/", false},
		{"mail me@example.org", false},
		{"not ~~struck~~", false},
		{`a \* b`, false},
		{"![[api-key]]", false},
		{"[[api-key]]: /x", false},
		{"[link](/x)", false},
		{"[[api\nkey]]", false},
		{"[[ |x]]", false},
		{"a]b", false},
		{"tab\there", false},
	}
	for _, tt := range tests {
		if got := checkRender(t, tt.src); got != tt.plain {
			t.Errorf("Render(%q) took the plain path: %v, want %v", tt.src, got, tt.plain)
		}
	}
}

// tokens are what FuzzRenderAsGoldmark builds texts from: words that are
// names, the characters and sequences the plain path must tell apart, and
// what goldmark's linkify and text writer look for.
var tokens = []string{
	"secret", "Secrets", "sprawl", "API", "key", "keys", "access", "PAT", "PATs", "pat",
	"Just", "in", "time", "non-human", "identities", "a",
	" ", "  ", " ", "-", ".", ",", "!", "?", ":", "/", "(", ")", "#", "+", "=", "%", "|", "1", "2.", "3)",
	"é", "\u00a0", "\n", "  \n", "\n\n", "www.", "://", "--", "...", "&amp;", "@",
	"[[api-key]]", "[[API Key|the key]]", "[[nothing]]", "[[deepseek-breach]]", "[[", "]]", "[", "]",
	"[@r]", "[@2; @r]", "[@3]", "[@",
	"*", "_", "`", "<", ">", "'", "\"", "\\", "\t", "~", "\r", "\x00",
	"http", "https://example.org/a_b", "ftp://x.org", "www.example.org", "me@example.org", "a.b@c",
	"&copy;", "&#65;", "&#x41;", "&nope;", "<b>", "</b>", "\n# ", "\n- ", "\n1. ", "\n```\n", "\n    ",
	"\n| a |\n|---|\n", "[^1]", "\n\n[^1]: ", "[x](/y)", "![i](/i.png)", "<https://x.org>", "\\*",
	" {#x}", " {#sources .c}", " {.c title=t}",
}

// FuzzRenderAsGoldmark checks that Render, on its plain path and with its
// own parts of GFM, renders as goldmark with its own extensions does, on
// arbitrary texts and on texts made of tokens, in the configuration cfg
// picks.
func FuzzRenderAsGoldmark(f *testing.F) {
	for _, s := range []string{
		"One sentence, plain.",
		"Exposure this [[SAML Vaulted Runner]] scanning billing can OIDC to only with environments from.",
		"A secret and an API key, [[api-key]].",
		"## Why {#why .wide title=x}\n\n## Why\n\n## Sources {#sources}\n",
		"\x00\x01\x05\x1a\x30\x10\x2f",
		readFile(f, "testdata/term.md"),
		readFile(f, "testdata/body.md"),
	} {
		for cfg := range len(pairs) * len(docs) {
			f.Add(s, uint8(cfg))
		}
	}
	f.Fuzz(func(t *testing.T, s string, cfg uint8) {
		p, doc := pairs[int(cfg)%len(pairs)], docs[int(cfg)/len(pairs)%len(docs)]
		checkRenderWith(t, p, s, doc)
		var b strings.Builder
		for i := 0; i < len(s) && i < 256; i++ {
			b.WriteString(tokens[int(s[i])%len(tokens)])
		}
		checkRenderWith(t, p, b.String(), doc)
	})
}
