package markdown

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nhimg/nhiglossary/internal/scripttest"
	"github.com/nhimg/nhiglossary/internal/wikilink"
)

// testLinker resolves [[links]] from a map, case-insensitively.
type testLinker map[string]LinkInfo

func (l testLinker) WikiLink(target string) (LinkInfo, bool) {
	info, ok := l[strings.ToLower(target)]
	return info, ok
}

func term(slug, title string) LinkInfo {
	return LinkInfo{Href: "/terms/" + slug + "/", Title: title, Term: slug}
}

var linker = testLinker{
	"api-key":            term("api-key", "API Key"),
	"api key":            term("api-key", "API Key"),
	"secrets sprawl":     term("secrets-sprawl", "Secrets Sprawl"),
	"deepseek-breach":    {Href: "/incidents/deepseek-breach/", Title: "DeepSeek database exposure"},
	"owasp-nhi-top-10/x": {Href: "/frameworks/owasp/#x", Title: `Say "hi" & <bye>`},
}

func autoName(text, slug, title string, caseSensitive bool) AutoName {
	return AutoName{Text: text, Slug: slug, CaseSensitive: caseSensitive, Link: term(slug, title)}
}

var names = []AutoName{
	autoName("Secret", "secret", "Secret", false),
	autoName("Secrets Sprawl", "secrets-sprawl", "Secrets Sprawl", false),
	autoName("API Key", "api-key", "API Key", false),
	autoName("access key", "api-key", "API Key", false),
	autoName("Key", "key", "Key", false),
	autoName("Access Policy", "access-policy", "Access Policy", false),
	autoName("Non-Human Identity", "nhi", "Non-Human Identity", false),
	autoName("NHI", "nhi", "Non-Human Identity", true),
	autoName("Personal Access Token", "pat", "Personal Access Token", false),
	autoName("PAT", "pat", "Personal Access Token", true),
	autoName("Just-in-Time Access", "jit", "Just-in-Time Access", false),
}

func render(t testing.TB, opts Options, src string, doc Doc) Result {
	t.Helper()
	return New(opts, linker, names).Render(src, doc)
}

func TestWikiLinks(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"resolved link shows the target as written",
			"See [[API Key]].",
			`See <a href="/terms/api-key/" class="wikilink" title="API Key" data-term="api-key">API Key</a>.`},
		{"label replaces the target",
			"[[api-key|keys]]",
			`<a href="/terms/api-key/" class="wikilink" title="API Key" data-term="api-key">keys</a>`},
		{"spaces around target and label are trimmed",
			"[[ api-key | the key ]]",
			`<a href="/terms/api-key/" class="wikilink" title="API Key" data-term="api-key">the key</a>`},
		{"link to something that is not a term has no data-term",
			"[[deepseek-breach]]",
			`<a href="/incidents/deepseek-breach/" class="wikilink" title="DeepSeek database exposure">deepseek-breach</a>`},
		{"unresolved link is marked text",
			"[[nothing here|Nothing]]",
			`<span class="wikilink-broken">Nothing</span>`},
		{"label is text, not Markdown, and is escaped",
			"[[api-key|*<b>a</b> & \"b\"*]]",
			`<a href="/terms/api-key/" class="wikilink" title="API Key" data-term="api-key">*&lt;b&gt;a&lt;/b&gt; &amp; &quot;b&quot;*</a>`},
		{"title is escaped",
			"[[owasp-nhi-top-10/x|X]]",
			`<a href="/frameworks/owasp/#x" class="wikilink" title="Say &quot;hi&quot; &amp; &lt;bye&gt;">X</a>`},
		{"not in a code span",
			"`[[api-key]]`",
			`<code>[[api-key]]</code>`},
		{"escaped brackets are text",
			`\[[api-key]]`,
			`[[api-key]]`},
		{"no link across lines",
			"[[api\nkey]]",
			"[[api\nkey]]"},
		{"no nested anchors inside a Markdown link",
			"[see [[api-key]]](https://example.org/)",
			`<a href="https://example.org/">see api-key</a>`},
		{"empty target is not a link",
			"[[ |x]]",
			"[[ |x]]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(t, Options{Autolink: "off"}, tt.src, Doc{Inline: true}).HTML
			if got != tt.want {
				t.Errorf("Render(%q)\n got %s\nwant %s", tt.src, got, tt.want)
			}
		})
	}
}

func TestWikiLinkInTableCell(t *testing.T) {
	src := "| Term | Note |\n|---|---|\n| [[api-key\\|keys]] | x |\n"
	got := render(t, Options{}, src, Doc{}).HTML
	want := `<td><a href="/terms/api-key/" class="wikilink" title="API Key" data-term="api-key">keys</a></td>`
	if !strings.Contains(got, want) {
		t.Errorf("got %s\nwant it to contain %s", got, want)
	}
}

func TestWikiLinkInCodeBlock(t *testing.T) {
	got := render(t, Options{}, "```\n[[api-key]]\n```\n\n    [[api-key]]\n", Doc{}).HTML
	if strings.Contains(got, "<a ") || strings.Count(got, "[[api-key]]") != 2 {
		t.Errorf("links rendered in code: %s", got)
	}
}

var anchorRE = regexp.MustCompile(`<a href="/terms/([a-z-]+)/" class="(autolink|wikilink)"[^>]*>([^<]*)</a>`)

// links lists the links to terms in html as "text->slug", auto-links only
// unless wiki is set.
func links(html string, wiki bool) []string {
	var out []string
	for _, m := range anchorRE.FindAllStringSubmatch(html, -1) {
		if m[2] == "autolink" || wiki {
			out = append(out, m[3]+"->"+m[1])
		}
	}
	return out
}

func TestAutoLinks(t *testing.T) {
	tests := []struct {
		name string
		mode string
		src  string
		doc  Doc
		want []string
	}{
		{"first mention only by default", "",
			"A secret. Another secret.", Doc{Autolink: true},
			[]string{"secret->secret"}},
		{"every mention with all", "all",
			"A secret. Another secret.", Doc{Autolink: true},
			[]string{"secret->secret", "secret->secret"}},
		{"nothing with off", "off",
			"A secret and an API key.", Doc{Autolink: true},
			nil},
		{"nothing unless the document asks", "first",
			"A secret and an API key.", Doc{},
			nil},
		{"longest match wins", "first",
			"Secrets Sprawl grows when a secret is copied.", Doc{Autolink: true},
			[]string{"Secrets Sprawl->secrets-sprawl", "secret->secret"}},
		{"whole words only", "first",
			"A keyboard, a monkey and a turkey.", Doc{Autolink: true},
			nil},
		{"plurals", "all",
			"Rotate API keys; review access policies and non-human identities.", Doc{Autolink: true},
			[]string{"API keys->api-key", "access policies->access-policy", "non-human identities->nhi"}},
		{"hyphen and space are alike", "first",
			"Grant just in time access.", Doc{Autolink: true},
			[]string{"just in time access->jit"}},
		{"abbreviations are case-sensitive", "all",
			"A PAT, two PATs, a pat on the back.", Doc{Autolink: true},
			[]string{"PAT->pat", "PATs->pat"}},
		{"synonym links to its term", "first",
			"An access key.", Doc{Autolink: true},
			[]string{"access key->api-key"}},
		{"first mention per term, not per name", "first",
			"An API key is an access key.", Doc{Autolink: true},
			[]string{"API key->api-key"}},
		{"never the page's own term", "all",
			"An API key is a secret; an access key too.", Doc{Autolink: true, Self: "api-key"},
			[]string{"secret->secret"}},
		{"own term's mention is not relinked shorter", "all",
			"Secrets Sprawl.", Doc{Autolink: true, Self: "secrets-sprawl"},
			nil},
		{"not in code", "all",
			"`secret` and\n\n```\nsecret\n```\n\n    secret\n", Doc{Autolink: true},
			nil},
		{"not in links", "all",
			"[a secret](https://example.org/) <https://example.org/secret> https://example.org/secret", Doc{Autolink: true},
			nil},
		{"not in images", "all",
			"![a secret](/img.png)", Doc{Autolink: true},
			nil},
		{"not in headings", "all",
			"## Secret\n\nSecret.", Doc{Autolink: true},
			[]string{"Secret->secret"}},
		{"not in table headers", "all",
			"| Secret |\n|---|\n| secret |\n", Doc{Autolink: true},
			[]string{"secret->secret"}},
		{"not a term already [[linked]] in first mode", "first",
			"An API key, then [[api-key|the key]].", Doc{Autolink: true},
			nil},
		{"inside emphasis and lists", "all",
			"*a secret*\n\n- an API key\n", Doc{Autolink: true},
			[]string{"secret->secret", "API key->api-key"}},
		{"not in identifiers", "all",
			"secret_key and key_id", Doc{Autolink: true},
			nil},
		{"after an apostrophe", "all",
			"the key's owner", Doc{Autolink: true},
			[]string{"key->key"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(t, Options{Autolink: tt.mode}, tt.src, tt.doc).HTML
			if diff := cmp.Diff(tt.want, links(got, false)); diff != "" {
				t.Errorf("Render(%q) links (-want +got):\n%s\nHTML: %s", tt.src, diff, got)
			}
		})
	}
}

func TestAutoLinkAcrossLineBreak(t *testing.T) {
	got := render(t, Options{}, "Watch for secrets\nsprawl.", Doc{Autolink: true, Inline: true}).HTML
	want := "Watch for <a href=\"/terms/secrets-sprawl/\" class=\"autolink\" title=\"Secrets Sprawl\" data-term=\"secrets-sprawl\">secrets\nsprawl</a>."
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestAutoLinkAcrossTextNodes(t *testing.T) {
	// Typographer and emphasis delimiters split the text into several nodes.
	got := render(t, Options{Autolink: "all"}, "A secret's worth -- and an API\nkey.", Doc{Autolink: true}).HTML
	if diff := cmp.Diff([]string{"secret->secret", "API\nkey->api-key"}, links(got, false)); diff != "" {
		t.Errorf("(-want +got):\n%s\n%s", diff, got)
	}
}

func TestAutoLinkNotInRawHTML(t *testing.T) {
	got := render(t, Options{UnsafeHTML: true, Autolink: "all"}, `<a href="/x">a secret</a> and <b>an API key</b>`, Doc{Autolink: true}).HTML
	if l := links(got, false); l != nil {
		t.Errorf("linked inside raw HTML: %v\n%s", l, got)
	}
}

func TestUnsafeHTMLIsInert(t *testing.T) {
	tests := []struct {
		name, src string
	}{
		{"script element", "<script>alert(1)</script>"},
		{"inline script", "text <script>alert(1)</script> text"},
		{"img onerror", `<img src=x onerror="alert(1)">`},
		{"inline img onerror", `text <img src=x onerror=alert(1)> text`},
		{"javascript link", "[x](javascript:alert(1))"},
		{"javascript link, mixed case", "[x](JaVaScRiPt:alert(1))"},
		{"javascript link, entity", "[x](&#106;avascript:alert(1))"},
		{"javascript autolink", "<javascript:alert(1)>"},
		{"javascript reference link", "[x][r]\n\n[r]: javascript:alert(1)"},
		{"vbscript link", "[x](vbscript:msgbox(1))"},
		{"data link", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"},
		{"data image of svg", "![x](data:image/svg+xml,<svg onload=alert(1)>)"},
		{"wikilink target with quotes", `[[x" onmouseover="alert(1)|label]]`},
		{"wikilink label with markup", `[[api-key|<img src=x onerror=alert(1)>]]`},
		{"code fence language with quotes", "```x\"onmouseover=\"alert(1)\ncode\n```"},
		{"link title with quotes", `[x](/y "a\" onmouseover=\"alert(1)")`},
		{"iframe", `<iframe src="https://evil.example/"></iframe>`},
		{"style attribute", `<p style="background:url(javascript:alert(1))">x</p>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(t, Options{}, tt.src, Doc{Autolink: true}).HTML
			if bad := unsafeHTML(got); bad != "" {
				t.Errorf("Render(%q) = %s\ncontains %q", tt.src, got, bad)
			}
		})
	}
}

var (
	unsafeURLRE    = regexp.MustCompile(`(?i)(href|src)="\s*(javascript|vbscript|data):`)
	attrValueRE    = regexp.MustCompile(`"[^"]*"`)
	unsafeMarkupRE = regexp.MustCompile(`(?i)<script|<iframe|<img|<[a-z][^>]*\s(on\w+|style)\s*=`)
)

// unsafeHTML returns the first thing in html that could run script.
func unsafeHTML(html string) string {
	if bad := unsafeURLRE.FindString(html); bad != "" {
		return bad
	}
	return unsafeMarkupRE.FindString(attrValueRE.ReplaceAllString(html, `""`))
}

func TestUnsafeHTMLOption(t *testing.T) {
	got := render(t, Options{UnsafeHTML: true}, "a <kbd>Ctrl</kbd> b\n\n<div class=\"note\">n</div>\n", Doc{}).HTML
	for _, want := range []string{"<kbd>Ctrl</kbd>", `<div class="note">n</div>`} {
		if !strings.Contains(got, want) {
			t.Errorf("got %s\nwant it to contain %s", got, want)
		}
	}
	got = render(t, Options{}, "a <kbd>Ctrl</kbd> b", Doc{}).HTML
	if strings.Contains(got, "<kbd>") {
		t.Errorf("raw HTML passed through without unsafe_html: %s", got)
	}
}

func TestHighlighting(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
		notWant   []string
	}{
		{"known language gets classes",
			"```go\nfunc main() {}\n```\n",
			[]string{`<pre class="chroma"><code>`, `<span class="kd">func</span>`},
			[]string{"style="}},
		{"unknown language is plain",
			"```nosuchlang\nx < y\n```\n",
			[]string{"<pre><code class=\"language-nosuchlang\">x &lt; y\n</code></pre>"},
			[]string{"chroma", "style="}},
		{"no language is plain",
			"```\nx < y\n```\n",
			[]string{"<pre><code>x &lt; y\n</code></pre>"},
			[]string{"chroma"}},
		{"indented code is plain",
			"    x < y\n",
			[]string{"<pre><code>x &lt; y\n</code></pre>"},
			[]string{"chroma"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(t, Options{}, tt.src, Doc{}).HTML
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("got %s\nwant it to contain %s", got, w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(got, w) {
					t.Errorf("got %s\nwant it not to contain %s", got, w)
				}
			}
		})
	}
}

func TestChromaCSS(t *testing.T) {
	css := ChromaCSS()
	for _, want := range []string{
		".chroma .kd {",
		`[data-theme="dark"] .chroma .kd {`,
		"@media (prefers-color-scheme: dark) {",
		`:root:not([data-theme="light"]) .chroma .kd {`,
		// github sets a dark colour for punctuation that github-dark does not override
		`[data-theme="dark"] .chroma .p { color: unset }`,
	} {
		if !strings.Contains(css, want) {
			t.Errorf("ChromaCSS() lacks %q:\n%s", want, css)
		}
	}
	if ChromaCSS() != css {
		t.Error("ChromaCSS() is not stable")
	}
}

func TestHeadings(t *testing.T) {
	src := `# Title

## Why it matters

### In [[api-key|practice]]

#### Too deep

## Why it matters

## Qué es un *secreto*?

## OAuth 2.0 -- and [links](https://example.org/)

## !!!
`
	got := render(t, Options{}, src, Doc{})
	want := []Heading{
		{2, "why-it-matters", "Why it matters"},
		{3, "in-practice", "In practice"},
		{2, "why-it-matters-1", "Why it matters"},
		{2, "qué-es-un-secreto", "Qué es un secreto?"},
		{2, "oauth-20-and-links", "OAuth 2.0 -- and links"},
		{2, "section", "!!!"},
	}
	if diff := cmp.Diff(want, got.Headings); diff != "" {
		t.Errorf("Headings (-want +got):\n%s", diff)
	}
	for _, h := range want {
		if !strings.Contains(got.HTML, `id="`+h.ID+`"`) {
			t.Errorf("HTML lacks id %q:\n%s", h.ID, got.HTML)
		}
	}
	// Ids are per document: a second render starts again.
	again := render(t, Options{}, "## Why it matters", Doc{})
	if len(again.Headings) != 1 || again.Headings[0].ID != "why-it-matters" {
		t.Errorf("second document headings = %+v", again.Headings)
	}
}

// A page's own section ids are reserved: a body heading named like a
// section gets the next free id, stable from one build to the next.
func TestHeadingIDsAvoidReservedIDs(t *testing.T) {
	reserved := map[string]bool{"examples": true, "examples-1": true, "sources": true, "definition": true}
	src := "## Examples\n\n## Sources\n\n## Sources\n\n## Definition\n\n## Why it matters\n"
	got := render(t, Options{}, src, Doc{Reserved: func(id string) bool { return reserved[id] }})
	var ids []string
	for _, h := range got.Headings {
		ids = append(ids, h.ID)
	}
	want := []string{"examples-2", "sources-1", "sources-2", "definition-1", "why-it-matters"}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("heading ids (-want +got):\n%s", diff)
	}
}

// Fields of one page keep their ids apart by prefix: headings and
// footnotes both.
func TestIDPrefixKeepsFieldsApart(t *testing.T) {
	r := New(Options{}, linker, names)
	src := "## Notes\n\nA claim.[^1]\n\n[^1]: Its source.\n"
	got := r.Render(src, Doc{IDPrefix: "example-2--"})
	for _, want := range []string{
		`<h2 id="example-2--notes">`, `<sup id="example-2--fnref:1"><a href="#example-2--fn:1"`,
		`<li id="example-2--fn:1">`, `<a href="#example-2--fnref:1" class="footnote-backref"`,
	} {
		if !strings.Contains(got.HTML, want) {
			t.Errorf("HTML lacks %s:\n%s", want, got.HTML)
		}
	}
	if n := strings.Count(got.HTML, `id="`); n != 3 {
		t.Errorf("%d ids, want 3:\n%s", n, got.HTML)
	}
	// The prefix is the document's alone: pooled state forgets it.
	for range 3 {
		plain := r.Render(src, Doc{})
		if !strings.Contains(plain.HTML, `<h2 id="notes">`) || !strings.Contains(plain.HTML, `<li id="fn:1">`) {
			t.Fatalf("a document without a prefix:\n%s", plain.HTML)
		}
	}
}

func TestInline(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"one paragraph has no p", "A *key* for [[api-key]].",
			`A <em>key</em> for <a href="/terms/api-key/" class="wikilink" title="API Key" data-term="api-key">api-key</a>.`},
		{"two lines stay one paragraph", "one\ntwo", "one\ntwo"},
		{"more than a paragraph keeps its blocks", "one\n\ntwo", "<p>one</p>\n<p>two</p>"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(t, Options{}, tt.src, Doc{Inline: true}).HTML
			if got != tt.want {
				t.Errorf("Render(%q) = %q, want %q", tt.src, got, tt.want)
			}
		})
	}
}

func TestText(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"markup is dropped", "A *key* and **a** `code` [link](https://x.org/).", "A key and a code link."},
		{"blocks are separated by spaces", "# Title\n\npara one\nline two\n\n- item\n- item2", "Title para one line two item item2"},
		{"wiki links are their text", "[[api-key|keys]] and [[nope]]", "keys and nope"},
		{"escapes and entities are resolved", `a \*b\* &amp; &copy; &#65;`, "a *b* & © A"},
		{"typography is characters", `"quoted" -- it's...`, "“quoted” -- it’s…"},
		{"raw HTML is dropped", "a <b>b</b> c\n\n<div>block</div>", "a b c"},
		{"code blocks are text", "```go\nx := 1\n```", "x := 1"},
		{"table cells are separated", "| a | b |\n|---|---|\n| c | d |", "a b c d"},
		{"footnote marks are dropped", "a[^1]\n\n[^1]: note", "a note"},
		{"URLs are their text", "see https://example.org/x", "see https://example.org/x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(t, Options{}, tt.src, Doc{Autolink: true}).Text
			if got != tt.want {
				t.Errorf("Text of %q = %q, want %q", tt.src, got, tt.want)
			}
		})
	}
}

func TestGFM(t *testing.T) {
	got := render(t, Options{}, "~~old~~\n\n- [x] done\n\nsee www.example.org\n\n| a |\n|---|\n| b |\n", Doc{}).HTML
	for _, want := range []string{"<del>old</del>", `<input checked="" disabled="" type="checkbox"`, `<a href="http://www.example.org">`, "<table>"} {
		if !strings.Contains(got, want) {
			t.Errorf("got %s\nwant it to contain %s", got, want)
		}
	}
}

// Quotes and ellipses are typographic; dashes stay as typed, so a flag
// in prose copies as written.
func TestTypography(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{`the --scope flag`, `the --scope flag`},
		{`a pause --- then`, `a pause --- then`},
		{`"quoted" and don't`, `&ldquo;quoted&rdquo; and don&rsquo;t`},
		{`wait...`, `wait&hellip;`},
		{"`--scope` in code", `<code>--scope</code> in code`},
	} {
		got := render(t, Options{}, tc.src, Doc{Inline: true}).HTML
		if got != tc.want {
			t.Errorf("%q renders as %s, want %s", tc.src, got, tc.want)
		}
	}
}

// A link whose text starts with @ is a link, not a citation; a citation
// inside a link's text keeps the id its source's back-link points to.
func TestCitationOrLink(t *testing.T) {
	doc := Doc{Inline: true, Sources: []string{"gg"}}
	for _, tc := range []struct{ src, want string }{
		{"[@gg](https://x.example/)", `<a href="https://x.example/">@gg</a>`},
		{"[our account][@gg]", `[our account][@gg]`},
		{"[the report [@gg]](https://x.example/)", `<a href="https://x.example/">the report <sup class="cite" id="cite-1">[1]</sup></a>`},
		{"so [@gg]: yes", `so <sup class="cite"><a href="#source-1" id="cite-1" aria-label="Source 1">[1]</a></sup>: yes`},
		{"[@gg, p. <4>]", `<sup class="cite"><a href="#source-1" id="cite-1" aria-label="Source 1">[1, p. &lt;4&gt;]</a></sup>`},
		{"[@nope, ch. 2]", `<span class="cite-broken">[@nope, ch. 2]</span>`},
		// Pandoc's words before the key, inside the brackets; "-@" is the key.
		{"[see <b>@gg</b>]", `[see <!-- raw HTML omitted -->@gg<!-- raw HTML omitted -->]`},
		{"[see @gg, p. 3] [-@gg]", `<sup class="cite"><a href="#source-1" id="cite-1" aria-label="Source 1">[see 1, p. 3]</a></sup> <sup class="cite"><a href="#source-1" id="cite-1-1" aria-label="Source 1">[1]</a></sup>`},
		{"[cf. <x> @nope] [see *e* @gg]", `[cf. <!-- raw HTML omitted --> @nope] [see <em>e</em> @gg]`}, // Markdown before a key: text
		{"[@gg][see @gg]", `<sup class="cite"><a href="#source-1" id="cite-1" aria-label="Source 1">[1]</a></sup><sup class="cite"><a href="#source-1" id="cite-1-1" aria-label="Source 1">[see 1]</a></sup>`},
	} {
		if got := render(t, Options{}, tc.src, doc).HTML; got != tc.want {
			t.Errorf("%q renders as\n%s\nwant\n%s", tc.src, got, tc.want)
		}
	}
}

// A heading may choose its id ({#id}) and classes ({.class}); the chosen
// id wins over a generated one, keeps clear of the page's own ids, and
// gets the document's prefix. Other attributes are dropped.
func TestHeadingAttributes(t *testing.T) {
	src := "## Foo\n\n## Bar {#foo}\n\n## Kept {#kept .note title=x}\n\n## Own {#sources}\n\n## Styled {.wide style=\"color:red\"}\n"
	for _, tc := range []struct {
		name string
		doc  Doc
		want []Heading
		html string
	}{
		{"body", Doc{Reserved: func(id string) bool { return id == "sources" }}, []Heading{
			{2, "foo-1", "Foo"}, {2, "foo", "Bar"}, {2, "kept", "Kept"}, {2, "sources-1", "Own"}, {2, "styled", "Styled"},
		}, `<h2 id="foo-1">Foo</h2>
<h2 id="foo">Bar</h2>
<h2 id="kept" class="note">Kept</h2>
<h2 id="sources-1">Own</h2>
<h2 class="wide" id="styled">Styled</h2>
`},
		{"prefixed", Doc{IDPrefix: "ex-"}, []Heading{
			{2, "ex-foo-1", "Foo"}, {2, "ex-foo", "Bar"}, {2, "ex-kept", "Kept"}, {2, "ex-sources", "Own"}, {2, "ex-styled", "Styled"},
		}, ""},
	} {
		res := render(t, Options{}, src, tc.doc)
		if diff := cmp.Diff(tc.want, res.Headings); diff != "" {
			t.Errorf("%s: headings (-want +got):\n%s", tc.name, diff)
		}
		if tc.html != "" && res.HTML != tc.html {
			t.Errorf("%s: got\n%s\nwant\n%s", tc.name, res.HTML, tc.html)
		}
	}
}

// Ids stay unique on a page whatever a heading chooses: a citation's
// id, a footnote's, another field's prefix, or no id at all are not
// taken.
func TestChosenHeadingIDsStayUnique(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want []string // the heading ids
	}{
		{"## Cite 1\n\n## X {#cite-1}\n\nKeys [@1].\n", []string{"cite-1-2", "cite-1"}}, // the citation has cite-1-1
		{"## Notes {#fn:1}\n\nA[^1].\n\n[^1]: note\n", []string{"notes"}},
		{"## Why {#example-1--why}\n", []string{"why"}},
		{"## Empty {#}\n", []string{"empty"}},
		{"## Why {#why}\n\n## Why {#why}\n", []string{"why", "why-1"}},
	} {
		res := render(t, Options{}, tc.src, Doc{Sources: []string{""}})
		var got []string
		for _, h := range res.Headings {
			got = append(got, h.ID)
		}
		if !cmp.Equal(got, tc.want) {
			t.Errorf("%q: heading ids %q, want %q\n%s", tc.src, got, tc.want, res.HTML)
		}
		if id := repeatedID(res.HTML); id != "" {
			t.Errorf("%q: id %q twice\n%s", tc.src, id, res.HTML)
		}
	}
}

func TestConcurrentRender(t *testing.T) {
	r := New(Options{}, linker, names)
	docs := []string{
		readFile(t, "testdata/term.md"),
		"## A\n\nA secret and an API key.\n\n```go\nfunc f() {}\n```\n",
		"[[api-key]] and PATs\n\n## A\n\n## A\n",
		"A secret and [[api-key]], on the plain path.",
	}
	want := make([]Result, len(docs))
	for i, d := range docs {
		want[i] = r.Render(d, Doc{Autolink: true, Self: "secret"})
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 8 {
		wg.Go(func() {
			for n := range 20 {
				i := (g + n) % len(docs)
				got := r.Render(docs[i], Doc{Autolink: true, Self: "secret"})
				if diff := cmp.Diff(want[i], got); diff != "" {
					errs <- fmt.Sprintf("doc %d (-want +got):\n%s", i, diff)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestTerms(t *testing.T) {
	tests := []struct {
		name string
		mode string
		src  string
		doc  Doc
		want []string
	}{
		{"links and auto-links in order, each once", "",
			"A secret, [[API Key]], then secrets sprawl and [[api-key|the key]] again.", Doc{Autolink: true},
			[]string{"secret", "api-key", "secrets-sprawl"}},
		{"every mention in all mode, still each once", "all",
			"A secret. Another secret.", Doc{Autolink: true},
			[]string{"secret"}},
		{"links only without auto-linking", "",
			"A secret and [[secrets sprawl]].", Doc{Inline: true},
			[]string{"secrets-sprawl"}},
		{"not a link to something other than a term", "",
			"[[deepseek-breach]] and [[owasp-nhi-top-10/x]]", Doc{},
			nil},
		{"not a broken link", "",
			"[[nothing here]]", Doc{},
			nil},
		{"not a [[link]] inside a Markdown link, rendered as text", "",
			"[see [[api-key]]](https://example.org/) and ![[[api-key]]](/i.png)", Doc{},
			nil},
		{"not the page's own term, which is never auto-linked", "",
			"An API key is a secret.", Doc{Autolink: true, Self: "api-key"},
			[]string{"secret"}},
		{"own term when [[linked]] explicitly", "",
			"See [[api-key]].", Doc{Self: "api-key"},
			[]string{"api-key"}},
		{"in headings, tables and footnotes, in document order", "",
			"## [[api-key]]\n\n| a |\n|---|\n| [[secrets sprawl]] |\n\nSee[^1] a secret.\n\n[^1]: A [[PAT]]? [[api key]].",
			Doc{Autolink: true},
			[]string{"api-key", "secrets-sprawl", "secret", "pat"}},
		{"none", "", "Nothing to link.", Doc{Autolink: true}, nil},
	}
	lk := testLinker{"pat": term("pat", "Personal Access Token")}
	for k, v := range linker {
		lk[k] = v
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := New(Options{Autolink: tt.mode}, lk, names).Render(tt.src, tt.doc)
			if diff := cmp.Diff(tt.want, got.Terms); diff != "" {
				t.Errorf("Render(%q).Terms (-want +got):\n%s\nHTML: %s", tt.src, diff, got.HTML)
			}
			// Terms are what the HTML links to, as the caller used to find them.
			if diff := cmp.Diff(dataTerms(got.HTML), got.Terms); diff != "" {
				t.Errorf("Terms differ from the data-term attributes of the HTML (-html +Terms):\n%s", diff)
			}
		})
	}
}

var dataTermRE = regexp.MustCompile(`data-term="([^"]*)"`)

// dataTerms returns the distinct data-term attributes of html in order.
func dataTerms(html string) []string {
	var out []string
	for _, m := range dataTermRE.FindAllStringSubmatch(html, -1) {
		if !slices.Contains(out, m[1]) {
			out = append(out, m[1])
		}
	}
	return out
}

func TestDocumentsShareNothing(t *testing.T) {
	r := New(Options{}, linker, names)
	first := r.Render("[x][ref], ## A\n\n## A\n\n[ref]: /first/\n\n*open", Doc{Autolink: true})
	if !strings.Contains(first.HTML, `<a href="/first/">x</a>`) {
		t.Fatalf("reference not resolved in its own document: %s", first.HTML)
	}
	for range 3 { // the state of the first document is pooled by now
		got := r.Render("[x][ref] and a secret\n\n## A", Doc{Autolink: true})
		if want := "<p>[x][ref] and a <a href=\"/terms/secret/\" class=\"autolink\" title=\"Secret\" data-term=\"secret\">secret</a></p>\n<h2 id=\"a\">A</h2>\n"; got.HTML != want {
			t.Errorf("second document:\n got %q\nwant %q", got.HTML, want)
		}
	}
}

// anyLinker resolves every target, so each [[link]] the renderer sees
// becomes an anchor.
type anyLinker struct{}

func (anyLinker) WikiLink(target string) (LinkInfo, bool) {
	return LinkInfo{Href: "/t/", Title: target}, true
}

// FuzzLinksAgree: the checker (wikilink.Scan) and the renderer agree on
// what is a link: a link only one of them sees is an error for a link
// nobody sees, or a backlink from a page that shows none. Its seeds are
// the cases found so far.
func FuzzLinksAgree(f *testing.F) {
	for _, s := range []string{
		"See [[a]] and [[b|B]].",
		"`[[x]]` and ``[[y]] ` `` then [[a]]",
		"```\n[[x]]\n```\n\n~~~\n[[y]]\n~~~\n[[a]]",
		"a <!-- [[x]] --> [[a]]",
		"a <!-- [[x]]\n[[y]] --> [[a]]",
		"<!--\n[[x]]\n\n[[y]]\n-->\n[[a]]",
		"<!-- [[x]] -->\n\n[[a]]",
		"[[a]]\n<!-- [[x]]\n-->\n",
		"<!--\n--> [[x]]\n\n[[a]]",
		"| a | b |\n|---|---|\n| [[a\\|A]] | [[b]] |\n",
		`\[[x]] \\[[a]]`,
		"- item [[a]]\n  - nested [[b]]\n\n> quote [[c]]",
		"Para.\n\n    [[x]] indented code\n\n[[a]]",
		"Para\n    [[a]] continues the paragraph",
		"- item\n\n    [[a]] a paragraph of the item\n\n      [[b]] still the item's\n\n        [[x]] code in it\n",
		"1. one\n\n    - [[a]]\n\n\t[[x]]\n",
		"> quote\n>\n>     [[x]] code in a quote\n\n[[a]]",
		"![[x]] stays text, and so does ![[y|Y]]; \\![[a]] is a link, \\\\![[z]] is not",
		"-     [[x]] code in an item\n\n1.     [[y]] too\n\n> -     [[z]] and here\n\n[[a]]",
		"https://x.example/[[x]] and www.x.example/y[[y]]z, (http://x.example/[[z]]) but x.example/[[a]]",
		"<https://x.example/[[x]]> and <a href=\"[[y]]\">[[a]]</a> <span title='[[z]]'>",
		"<!-->0\n[[a]]", "* <!A0[[x]]", "0<!A0[[a]]\n>000",
		"0\n -|\n0|[[x]]", "0\n-|\n[[x|]]", "| a | b |\n|---|---|\n| [[x|X]] | [[y\\|Y]] |\n\n[[a|A]]",
		"0[ http://0.a#[[a]]", "`c`https://x.example/[[a]] \"www.x.example#[[b]]", "- [a\n- https://x.example/[[b]]",
		"1. a\n\n    <div>\n    [[x]]\n    </div>", "https://x.example/a[0]/[[b]] and https://x.example/[[c]]",
		"[y]: /u \"[[x]]\"\n\n[y]:\n/u\n\"[[z]]\"", "[^1]: [[a]]\n\nText[^1] and [^2]\n\n[^2]: /u \"[[b]]\"",
		"> <a\n> title='[[x]]'>[[a]]\n\n- <b\n  title='[[y]]'>\n\n<c\n\n[[b]]>", "[^0]:[[0]]", "# T [[a]] {title=\"[[x]]\"}\n\nSetext [[b]] {title='[[y]]'}\n---\n\n## U {#u}\n", "Setext [[b]] {title=\"[[y]]\"}\n===\n\n> - Quoted [[c]] {title=\"[[z]]\"}\n>   ---\n\nT {.c title=\"[@gg]\"}\n===\n",
		"> <a b=\n> [[x]]>", "> <a b=\nc d=\n> [[x]]>", "| h | i |\n|---|---|\n| `a | [[x]] b` |\n\n`c | [[y]]`", "> <img alt=\n> \"[[y]]\">[[a]]", "`\n>[[0]]`", "- `a\n- [[b]]`", "[^a]:00[[^a]]0", "[[a]][[b]]", "[x [[y]]][[b]] [x [z]][[a]]", "Text[^a] [[a]]\n\n[^a]: Outer [[x]].\n\n    [^b]: Inner [[y]].\n\n    [[z]]\n\n[[b]]", "T[^a][^b][^c]\n\n[^c]: [[a]]\n\n[^a]: [[b]]\n\n    [^b]: [[c]]", "[^a]: [[a]]\n\n[^b]: [[x]] refers to [^a]\n\n> [^c]: [[b]] [^c]\n\n- [^d]:\n  [[y]]\n\n      [[z]]\n",
		"> ```\n> [[x]]\n> ```\n\n[[a]]", "- ```[[x]]\n  y\n  ```\n\n[[a]]", "1. ~~~ [[x]]\n   ~~~\n- ```\n  [[y]]\n\n[[b]]", "* ```[[0]]", "*\n  ```\n[[0]]", "- a\n  - b\n    ```\n    [[x]]\n    ```\n[[c]]", "> - ```\n>   [[x]]\n> [[a]]\n\n```\n[[y]]\n```\n[[b]]",
		"[]([[x]]) [a](<[[y]]>) [b](/u \"[[z]]\") ![c]([[w]]) [see [[a]]](/u) d]([[b]])", "[a]\n([[x]]) [b](\n[[y]]) [[c]]",
	} {
		f.Add(s)
	}
	rs := []*Renderer{New(Options{}, anyLinker{}, nil), New(Options{UnsafeHTML: true}, anyLinker{}, nil)}
	f.Fuzz(func(t *testing.T, src string) {
		scanned := 0
		for _, l := range wikilink.Scan(src) {
			if !l.Cut {
				scanned++
			}
		}
		for _, r := range rs {
			html := r.Render(src, Doc{}).HTML
			if rendered := strings.Count(html, `class="wikilink"`); rendered != scanned {
				t.Fatalf("unsafe_html %v: %q: the renderer makes %d links, Scan finds %d\n%s", r.opts.UnsafeHTML, src, rendered, scanned, html)
			}
		}
	})
}

// FuzzCitationsAgree: the checker (wikilink.ScanCites) and the renderer
// agree on what is a citation (one only the checker sees is an error for
// text the page shows; one only the renderer sees is an unknown key
// nobody reports), and every id on the page is unique. Its seeds are the
// cases found so far.
func FuzzCitationsAgree(f *testing.F) {
	for _, s := range []string{
		"Keys leak [@gg; @2], [@gg, p. 4] and [@nope].",
		"[see @gg, p. 4; also @2] [-@gg] [mail a@gg] [^n @gg] and [see\n@gg].",
		"[x]: /u\n\n[see @gg][x] [cf. @gg](/u) [see <a href=\"[@gg]\"> @gg]",
		"[a]([@gg]) [b](/u \"[@gg]\") [@gg] [c]([@gg, p. 2] \"t\")",
		"[@gg](https://x.example/) [our account][@gg] ![@gg]",
		"[@gg]: https://x.example/\n\nA [@gg] after a definition.",
		"[@gg]: it works.",
		"Para\n[@gg]: https://x.example/",
		"[@gg]: https://x.example/ \"a title\"\n",
		"`[@gg]` and\n\n    [@gg] indented code\n\n[@gg]",
		"\\![@gg] and \\\\![@gg]",
		"[the report [@gg]](https://x.example/)",
		"See [[API Key]][@2] and [@1][@2]; [our account][@gg] is a label.",
		"[a]: https://a.example/\n[@gg]: https://x.example/\n\nText.",
		"# Title\n[@gg]: https://x.example/\n\n***\n[@gg]: https://y.example/",
		"[@gg]: https://x.example/ 'title' extra\n\n[@gg]: https://x.example/ (t)x",
		"Keys leak[^1][@gg].\n\n[^1]: note",
		"\\[see\\][@gg] and [x][ref][@gg]\n\n[ref]: https://r.example/",
		"000[[@0]] and [[@gg|x]]",
		"> [@gg]: https://x.example/\n\n- [@gg]: https://x.example/\n\n1. [@gg]: see\n",
		"[@gg]:\nhttps://x.example/\n\nA [@gg].",
		"[@gg]: https://x.example/\nmore text [@gg]",
		"[@gg]: https://x.example/ \"unterminated\n\n- a\n- [@gg]: https://y.example/ 'ok'",
		"[@gg] [x][@gg] [[a]][@2] [@1][@2]", "> [@gg]\n- [@2]",
		"## A {#cite-1}\n\n## Cite 1\n\n[@1] [@1]", "## X {#x}\n\n## X\n\n## X 1\n", "# a {#a-1}\n# a\n# a\n",
		"00000\n* [000000000000\n0000]:[@00]", "[x]: /u\n\"title [@gg]\"\n\n[@gg]", "[x]:\n/u\n[@gg]",
		"https://x.example/[@gg], see https://x.example/a[@gg] and www.x.example/[@gg]",
		"[^0]: [@gg] and [@2]\n\nText.", "# T {title=\"[@gg]\"}\n\nA [@2] {x}\n\n## [@gg] {#u}", "Text.\n\n[^a]: First.\n\n    - [@gg] and [[x]]\n\n    <b title='[@2]'>\n", "[[@0]![[@000]]", "\\[[@gg]] and \\\\[[@gg]]",
	} {
		f.Add(s)
	}
	r := New(Options{}, anyLinker{}, nil)
	f.Fuzz(func(t *testing.T, src string) {
		html := r.Render(src, Doc{Sources: []string{"gg", ""}}).HTML
		if id := repeatedID(html); id != "" {
			t.Fatalf("%q: id %q twice\n%s", src, id, html)
		}
		rendered := strings.Count(html, `<sup class="cite"`) + strings.Count(html, `class="cite-broken"`)
		scanned := 0
		for _, c := range wikilink.ScanCites(src) {
			scanned += len(c.Keys)
		}
		if rendered != scanned {
			t.Fatalf("%q: the renderer makes %d citations, ScanCites finds %d\n%s", src, rendered, scanned, html)
		}
	})
}

var idAttr = regexp.MustCompile(` id="([^"]*)"`)

// repeatedID is the first id html gives twice, or "".
func repeatedID(html string) string {
	seen := map[string]bool{}
	for _, m := range idAttr.FindAllStringSubmatch(html, -1) {
		if seen[m[1]] {
			return m[1]
		}
		seen[m[1]] = true
	}
	return ""
}

// A field shown away from its entry's Sources list cites that list on
// the entry's page, saying whose source it is; a field that cannot cite
// shows [@...] as written. Neither is ever marked broken.
func TestCitationsElsewhere(t *testing.T) {
	at := &SourceList{URL: "/kb/terms/api-key/", Labels: []string{`Source 1 of "API Key": A report`, "Source 2 of API Key: A book"}}
	tests := []struct {
		name, src string
		doc       Doc
		html      string
	}{
		{
			name: "on another page: a link to the entry's list, labelled, with no id",
			src:  "Keys leak [@report; @2].",
			doc:  Doc{Inline: true, IDPrefix: "m-1--", Sources: []string{"report", ""}, SourcesAt: at},
			html: `Keys leak <sup class="cite"><a href="/kb/terms/api-key/#source-1" title="Source 1 of &quot;API Key&quot;: A report" aria-label="Source 1 of &quot;API Key&quot;: A report">[1]</a></sup><sup class="cite"><a href="/kb/terms/api-key/#source-2" title="Source 2 of API Key: A book" aria-label="Source 2 of API Key: A book">[2]</a></sup>.`,
		},
		{
			name: "a field that cannot cite: text as written",
			src:  "Ten risks [@report].",
			doc:  Doc{Inline: true},
			html: `Ten risks [@report].`,
		},
		{
			name: "a field that cannot cite, in a block",
			src:  "Ten risks [@report].\n\nMore.",
			html: "<p>Ten risks [@report].</p>\n<p>More.</p>\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(t, Options{}, tt.src, tt.doc)
			if diff := cmp.Diff(tt.html, got.HTML); diff != "" {
				t.Errorf("HTML (-want +got):\n%s", diff)
			}
			if strings.Contains(got.HTML, "cite-broken") || len(got.Cites) > 0 {
				t.Errorf("marked broken or recorded for a back-link: %s, %v", got.HTML, got.Cites)
			}
		})
	}
}

func TestCitations(t *testing.T) {
	sources := []string{"gg-2026", "", "verizon"}
	tests := []struct {
		name, src string
		doc       Doc
		html      string
		cites     []Cited
	}{
		{
			name:  "by id and by position, each link with its own id",
			src:   "Most keys leak [@gg-2026]. Again [@gg-2026; @2].",
			html:  `<p>Most keys leak <sup class="cite"><a href="#source-1" id="cite-1" aria-label="Source 1">[1]</a></sup>. Again <sup class="cite"><a href="#source-1" id="cite-1-1" aria-label="Source 1">[1]</a></sup><sup class="cite"><a href="#source-2" id="cite-2" aria-label="Source 2">[2]</a></sup>.</p>` + "\n",
			cites: []Cited{{1, "cite-1"}, {1, "cite-1-1"}, {2, "cite-2"}},
		},
		{
			name:  "a field's prefix keeps its ids apart",
			src:   "Seen [@verizon].",
			doc:   Doc{IDPrefix: "example-1--", Inline: true},
			html:  `Seen <sup class="cite"><a href="#source-3" id="example-1--cite-3" aria-label="Source 3">[3]</a></sup>.`,
			cites: []Cited{{3, "example-1--cite-3"}},
		},
		{
			name: "unknown keys stay as written, marked; code is text",
			src:  "Bad [@gg-2025] and [@4]; `[@gg-2026]`.",
			html: `<p>Bad <span class="cite-broken">[@gg-2025]</span> and <span class="cite-broken">[@4]</span>; <code>[@gg-2026]</code>.</p>` + "\n",
		},
		{
			name:  "a heading that would take a citation's id keeps it",
			src:   "## Cite 1\n\nSee [@1].",
			html:  `<h2 id="cite-1">Cite 1</h2>` + "\n" + `<p>See <sup class="cite"><a href="#source-1" id="cite-1-1" aria-label="Source 1">[1]</a></sup>.</p>` + "\n",
			cites: []Cited{{1, "cite-1-1"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.doc.Sources = sources
			got := render(t, Options{}, tt.src, tt.doc)
			if diff := cmp.Diff(tt.html, got.HTML); diff != "" {
				t.Errorf("HTML (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.cites, got.Cites); diff != "" {
				t.Errorf("Cites (-want +got):\n%s", diff)
			}
			if !strings.Contains(tt.src, "`") && strings.Contains(got.Text, "[") {
				t.Errorf("search text %q has the citation's brackets", got.Text)
			}
		})
	}
}

// A fence's language longer than any of chroma's is not looked up (an
// unknown name tries every file pattern: a second for 3,000 characters,
// which fuzzing found), nor kept.
func TestLongFenceLanguageIsNotLookedUp(t *testing.T) {
	r := newCodeRenderer()
	long := strings.Repeat("k", maxLang+1)
	if r.lexer(long) != nil {
		t.Fatal("a lexer for a name no lexer has")
	}
	if _, ok := r.lexers.Load(long); ok {
		t.Error("the long name was looked up and kept")
	}
	if r.lexer("go") == nil {
		t.Error("no lexer for go")
	}
}

// A link, image or autolink to javascript: and the like is its text
// alone, whatever unsafe_html says (raw HTML is the editor's to trust,
// a Markdown link is not HTML); safe ones are links.
func TestUnsafeURLsAreText(t *testing.T) {
	src := "[md](javascript:alert(1)) [x](<JavaScript:alert(2)>) ![alt *t*](vbscript:x) <javascript:alert(3)> [d](data:text/html,x) [ok](https://example.org/) ![img](data:image/png;base64,AA==) [dp](DATA:image/png;base64,AA==)"
	want := `<p>md x alt <em>t</em> javascript:alert(3) d <a href="https://example.org/">ok</a> <img src="data:image/png;base64,AA==" alt="img"> dp</p>`
	for _, unsafe := range []bool{false, true} {
		got := strings.TrimSpace(New(Options{UnsafeHTML: unsafe}, anyLinker{}, nil).Render(src, Doc{}).HTML)
		if got != want {
			t.Errorf("unsafe_html %v:\n got %s\nwant %s", unsafe, got, want)
		}
	}
}

// Whatever an editor writes, a page rendered with unsafe_html off runs
// no script: no element that runs or loads it, no event handler, no
// javascript:/vbscript:/data:text link or source in a tag (and, whatever
// the setting, no Markdown link to one).
func FuzzRenderIsInert(f *testing.F) {
	for _, s := range []string{
		"Click [here](javascript:alert(2)) or <script>alert(3)</script>.",
		"<!-- c --><img src=x onerror=alert(1)>\n\n</div><svg onload=alert(2)>",
		"[q][r]\n\n> [r]: javascript:alert(1)\n\n[u](&#106;avascript:alert(1)) <javascript:alert(3)>",
		"## T {#x onclick=alert(1)}\n\n![a](javascript:alert(1)) [[a|<b onmouseover=x>]]",
		"```js onload=x\ncode\n```\n\n| a |\n|---|\n| <img src=x onerror=y> |",
	} {
		f.Add(s)
	}
	scripttest.SelfCheck(f)
	r := New(Options{}, anyLinker{}, nil)
	f.Fuzz(func(t *testing.T, src string) {
		html := strings.ToLower(r.Render(src, Doc{}).HTML)
		if m := scripttest.Scripted.FindString(html); m != "" {
			t.Fatalf("%q: the page has %q:\n%s", src, m, html)
		}
	})
}
