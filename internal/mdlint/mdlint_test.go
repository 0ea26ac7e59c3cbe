package mdlint

import (
	"fmt"
	"html"
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nhimg/nhiglossary/internal/diag"
	"github.com/nhimg/nhiglossary/internal/markdown"
	"github.com/nhimg/nhiglossary/internal/wikilink"
)

func TestCheck(t *testing.T) {
	tests := []struct {
		name, src string
		unsafe    bool
		want      []string // "offset code: message"
	}{
		{"clean text", "An [[API Key]] and a [site](https://example.org/x.md) and [anchor](#why).", false, nil},
		{"link to a local file", "See [x](api-key.md).", false,
			[]string{`4 local-file-link: link to the file "api-key.md" is broken on the site, which has pages, not files: write [[api-key|x]]`}},
		{"link to a local file with the slug as text", "See [api-key](../terms/api-key.md#why).", false,
			[]string{`4 local-file-link: link to the file "../terms/api-key.md#why" is broken on the site, which has pages, not files: write [[api-key]]`}},
		{"a [[link]] as a link's target", "See [API keys]([[api-key]]), [k](<[[Key|K]]> \"t\") and ![i]([[x]]).", false,
			[]string{
				`4 link-as-target: a [[link]] as a Markdown link's target is no link: the page would link to "[[api-key]]" as a URL: write [[api-key|API keys]]`,
				`29 link-as-target: a [[link]] as a Markdown link's target is no link: the page would link to "[[Key|K]]" as a URL: write [[Key|k]]`,
			}},
		{"root-relative link to a term page", "See [x](/terms/x/).", false,
			[]string{`4 root-relative-link: link "/terms/x/" starts at the server's root, so it breaks when the site is published under a sub-path: write [[x]]`}},
		{"root-relative link elsewhere", "See [about](/about/) and ![logo](/logo.png).", false,
			[]string{
				`4 root-relative-link: link "/about/" starts at the server's root, so it breaks when the site is published under a sub-path: link a term with [[...]], and other pages with a full https:// URL`,
				`26 root-relative-link: link "/logo.png" starts at the server's root, so it breaks when the site is published under a sub-path: link a term with [[...]], and other pages with a full https:// URL`,
			}},
		{"protocol-relative and absolute links are fine", "[a](//cdn.example/x) [b](mailto:x@example.org)", false, nil},
		{"unclosed link", "Rotate every [[API Key regularly.\nNext line.", false,
			[]string{`13 unclosed-link: [[ is not closed on its line: write [[API Key regularly.]]`}},
		{"link closed with one bracket", "An [[API Key] here.", false,
			[]string{`3 unclosed-link: [[ is not closed on its line: write [[API Key]]`}},
		{"empty link", "An [[]] and [[ | x]].", false,
			[]string{
				`3 empty-link: empty [[]] names no term: write the name inside, or remove the brackets`,
				`12 empty-link: empty [[]] names no term: write the name inside, or remove the brackets`,
			}},
		{"link with two bars", "An [[api-key|API|keys]], a cell's [[api-key\\|keys]] and [[a|b [[c]] d|e]].", false,
			// (The page shows "[[a|b " as text, and links [[c]].)
			[]string{
				`3 link-two-bars: a [[link]] has one | at most, between the target and the label: write [[api-key|...]]`,
				`56 unclosed-link: [[ is not closed before the next [[ on its line: end this link with ]]`,
			}},
		{"link with two bars, one escaped", "[[a\\|b|c]] [[d|e\\|f]]", false,
			[]string{
				`0 link-two-bars: a [[link]] has one | at most, between the target and the label: write [[a\|...]]`,
				`11 link-two-bars: a [[link]] has one | at most, between the target and the label: write [[d|...]]`,
			}},
		{"raw HTML dropped", "H<sub>2</sub>O and <br/> but not <https://example.org> or a < b.", false,
			[]string{
				`1 raw-html-dropped: raw HTML <sub> is left out because unsafe_html is off, and its text runs into the words around it (H<sub>2</sub>O shows as H2O): write it in Markdown, or set unsafe_html: true in nhiglossary.yaml`,
				`19 raw-html-dropped: raw HTML <br> is left out because unsafe_html is off, and its text runs into the words around it (H<sub>2</sub>O shows as H2O): write it in Markdown, or set unsafe_html: true in nhiglossary.yaml`,
			}},
		{"raw HTML kept with unsafe_html", "H<sub>2</sub>O", true, nil},
		{"a table row with more cells than columns", "| a |\n|---|\n| b | c |\n\nk | v\n--|--\n[[x|X]] | y\nz \\| w | u\n", false,
			[]string{`18 table-cells-dropped: this table row has more cells than the table has columns, and the page leaves out the rest of the row from here: add the column to the header and the |---| row, or write a | that is text as \|`}},
		{"a footnote nothing refers to", "Text[^a] and [^B].\n\n[^a]: Used.\n\n[^b]: Not: labels match exactly, [[x]].\n\n[^c]:\n", false,
			[]string{
				`33 footnote-unused: no text refers to this footnote, so the page leaves it out: refer to it with its [^label] where it belongs (the label must match exactly), or delete it`,
				`74 footnote-unused: no text refers to this footnote, so the page leaves it out: refer to it with its [^label] where it belongs (the label must match exactly), or delete it`,
			}},
		{"a footnote defined twice", "Text[^a].\n\n[^a]: one\n\n[^a]: two\n", false,
			[]string{`22 footnote-unused: footnote [^a] is defined above already, and the page shows only the first: merge the two, or give this one a label of its own`}},
		{"a footnote inside another, the first to end", "Text[^a] and[^b][^c].\n\n[^a]: Outer.\n\n    [^b]: Inner.\n\n[^c]: later\n", false,
			// (The page leaves out [^c]'s words too: one problem.)
			[]string{`41 footnote-unused: footnote [^b] is defined inside another footnote, and the page leaves out the words of that one and of every footnote after it: start [^b]: at the beginning of a line, not indented, after the other one`}},
		// After another footnote ends, goldmark keeps a nested one.
		{"a footnote inside another, after one", "Text[^a] and[^b][^c].\n\n[^c]: first\n\n[^a]: Outer.\n\n    [^b]: Inner.\n", false, nil},
		{"a heading id another's rename took", "## Alpha {#why}\n\n## Beta {#why}\n\n## Gamma {#why-1}\n", false,
			[]string{
				`25 heading-id-changed: heading id "why" is taken by a heading above already, so the page gives this one "why-1": choose an id of its own`,
				`42 heading-id-changed: heading id "why-1" is taken by a heading above already, so the page gives this one "why-1-1": choose an id of its own`,
			}},
		{"heading ids the page does not give", "## Why {#why}\n\n## Again {#why}\n\nSetext {#why .wide}\n---\n\n## Note {#fn:1}\n\n## Fine {#fine}\n\n## Fine too {#why-3}\n", false,
			[]string{
				`24 heading-id-changed: heading id "why" is taken by a heading above already, so the page gives this one "why-1": choose an id of its own`,
				`39 heading-id-changed: heading id "why" is taken by a heading above already, so the page gives this one "why-2": choose an id of its own`,
				`65 heading-id-changed: heading id "fn:1" is not used, and the page makes one from the heading's words: an id is words of letters and digits joined by single hyphens (#why-it-matters)`,
			}},
		{"links the page does not write", "[a](javascript:alert(1)) ![b](data:text/html,x) [c](https://x.example/) ![d](data:image/png;base64,AA==)", false,
			[]string{
				`0 unsafe-link: link to "javascript:alert(1)" is not written, and the page shows its text alone: javascript:, vbscript:, file: and data: URLs never are`,
				`26 unsafe-link: image to "data:text/html,x" is not written, and the page shows its text alone: javascript:, vbscript:, file: and data: URLs never are`,
			}},
		{"an unclosed link before another on its line", "Second [[API Key and [[Secret]] here, [[a [b]]] and [[c]].", false,
			[]string{"7 unclosed-link: [[ is not closed before the next [[ on its line: end this link with ]]"}},
		{"a destination in angle brackets is no tag", "[spec](<docs/a b.html>) and [x](<b>)", false, nil},
		{"problems in the order of the text", "H<sub>2</sub>O\n\n[^b]: x\n", false,
			[]string{
				`1 raw-html-dropped: raw HTML <sub> is left out because unsafe_html is off, and its text runs into the words around it (H<sub>2</sub>O shows as H2O): write it in Markdown, or set unsafe_html: true in nhiglossary.yaml`,
				`16 footnote-unused: no text refers to this footnote, so the page leaves it out: refer to it with its [^label] where it belongs (the label must match exactly), or delete it`,
			}},
		{"an HTML block dropped", "Text.\n\n<details>\n<summary>More</summary>\n</details>\n\n<!-- <b> a comment is no tag -->", false,
			[]string{
				`7 raw-html-dropped: raw HTML <details> is left out because unsafe_html is off, and its text runs into the words around it (H<sub>2</sub>O shows as H2O): write it in Markdown, or set unsafe_html: true in nhiglossary.yaml`,
				`17 raw-html-dropped: raw HTML <summary> is left out because unsafe_html is off, and its text runs into the words around it (H<sub>2</sub>O shows as H2O): write it in Markdown, or set unsafe_html: true in nhiglossary.yaml`,
			}},
		// CONTENT.md: a Markdown link to a local file or a root-relative
		// path, reference-style ones too.
		{"reference definitions", "See [the key][k] and [r2].\n\n[k]: api-key.md\n  [r2]: </terms/beta/> \"Beta\"\n[ok]: https://example.org/x.md\nNot [x]: y.md at a line's start.", false,
			[]string{
				`28 local-file-link: link definition [k] points to the file "api-key.md", which is broken on the site, which has pages, not files: link the term with [[api-key]] where [k] is used`,
				`46 root-relative-link: link definition [r2] points to "/terms/beta/", which starts at the server's root, so it breaks when the site is published under a sub-path: link the term with [[beta]] where [r2] is used`,
			}},
		// Not definitions: a footnote, text after the destination, a
		// line that continues a paragraph.
		{"text that looks like a definition", "[^1]: /etc/shadow is a file.\n\n[Note]: /usr/bin is where it goes.\n\nSome text\n[k]: /x\n\nA note[^1].", false, nil},
		{"nothing in code or comments", "`[x](a.md)` and `[[API`\n\n```\n<sub> [[ [y](/z)\n```\n<!-- [[ <b> -->\n", false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range Check(tt.src, tt.unsafe) {
				got = append(got, fmt.Sprintf("%d %s: %s", p.Off, p.Code, p.Message))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Check(%q) (-want +got):\n%s", tt.src, diff)
			}
		})
	}
}

// FuzzCheck: any text, no panic, and every problem inside the text.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{"[x](a.md)", "[[a", "[[]]", "H<sub>2</sub>O", "[a](</b c> \"t\")", "[[x]](y)",
		"| a |\n|---|\n| b | c \\| d | [[e|f]] |", "> - a | b\n>   -|:-\n>   x|y|z|"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, p := range Check(src, false) {
			if p.Off < 0 || p.Off >= len(src) {
				t.Fatalf("problem at %d of %d bytes: %v", p.Off, len(src), p)
			}
		}
	})
}

// noLinks links no [[link]]: heading ids do not depend on them.
type noLinks struct{}

func (noLinks) WikiLink(string) (markdown.LinkInfo, bool) { return markdown.LinkInfo{}, false }

// Check reports a heading's chosen id exactly when the page gives the
// heading another: the check and the renderer agree on the ids.
func FuzzHeadingIDsAgree(f *testing.F) {
	for _, s := range []string{
		"## Why {#why}\n\n## Again {#why}\n\n## Third {#why}\n",
		"## A {#fn:1}\n\n## B {#a--b}\n\n## C {#-c}\n\n## D {#ü-1}\n",
		"Setext {#s .c}\n---\n\n> ## Quoted {#s}\n\n- ## In a list {#l}\n",
		"## Why {#why}\n\n## Why\n\n## why-1 {#why-1}\n",
		"## {#empty}\n\n#### Deep {#deep title=x}\n",
		"## Alpha {#why}\n\n## Beta {#why}\n\n## Gamma {#why-1}\n",
		"First line\nsecond line {#t}\n---\n\n## B {#t title=\"{x}\"}\n",
	} {
		f.Add(s)
	}
	r := markdown.New(markdown.Options{}, noLinks{}, nil)
	idRE := regexp.MustCompile(`<h[1-6] id="([^"]*)"`)
	f.Fuzz(func(t *testing.T, src string) {
		reported := map[int]bool{}
		for _, p := range Check(src, false) {
			if p.Code == diag.HeadingIDChanged {
				reported[p.Off] = true
			}
		}
		var ids []string // the page's heading ids, in order
		for _, m := range idRE.FindAllStringSubmatch(r.Render(src, markdown.Doc{}).HTML, -1) {
			ids = append(ids, html.UnescapeString(m[1]))
		}
		for _, h := range wikilink.HeadingIDs(src) {
			if h.Heading >= len(ids) {
				t.Fatalf("%q: heading %d chose %q, and the page has %d headings", src, h.Heading, h.ID, len(ids))
			}
			if kept := ids[h.Heading] == h.ID; kept == reported[h.Off] {
				t.Fatalf("%q: heading %d chose %q, the page gives it %q, and Check reports it: %v", src, h.Heading, h.ID, ids[h.Heading], reported[h.Off])
			}
		}
	})
}
