package wikilink

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Link
		ok   bool
	}{
		{"target only", "[[API Key]]", Link{End: 11, Target: "API Key"}, true},
		{"target and label", "[[api-key|keys]] rest", Link{End: 16, Target: "api-key", Label: "keys"}, true},
		{"spaces are trimmed", "[[ API Key | the key ]]", Link{End: 23, Target: "API Key", Label: "the key"}, true},
		{"empty label is no label", "[[API Key|]]", Link{End: 12, Target: "API Key"}, true},
		{"escaped bar, as in a table cell", `[[api-key\|keys]]`, Link{End: 17, Target: "api-key", Label: "keys"}, true},
		{"backslash without a bar stays", `[[a\b]]`, Link{End: 7, Target: `a\b`}, true},
		{"control target", "[[owasp-nhi-top-10/NHI2]]", Link{End: 25, Target: "owasp-nhi-top-10/NHI2"}, true},
		{"stops at the first ]]", "[[a]] and [[b]]", Link{End: 5, Target: "a"}, true},
		{"shortest link", "[[a]]", Link{End: 5, Target: "a"}, true},
		{"empty target", "[[ |label]]", Link{}, false},
		{"nothing inside", "[[]]", Link{}, false},
		{"two bars", "[[a|b|c]]", Link{}, false},
		{"unterminated", "[[API Key", Link{}, false},
		{"single closing bracket", "[[API Key]", Link{}, false},
		{"closing bracket inside", "[[API] Key]]", Link{}, false},
		{"nested opening bracket", "[[API [[Key]]", Link{}, false},
		{"three opening brackets", "[[[API Key]]]", Link{}, false},
		{"line break inside", "[[API\nKey]]", Link{}, false},
		{"carriage return inside", "[[API\rKey]]", Link{}, false},
		{"single bracket", "[API Key]]", Link{}, false},
		{"too long", "[[" + strings.Repeat("a", MaxLen) + "]]", Link{}, false},
		{"empty input", "", Link{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Parse([]byte(tt.in))
			if ok != tt.ok || got != tt.want {
				t.Errorf("Parse(%q) = %+v, %v; want %+v, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestLinkText(t *testing.T) {
	if got := (Link{Target: "api-key", Label: "keys"}).Text(); got != "keys" {
		t.Errorf("with a label: got %q, want %q", got, "keys")
	}
	if got := (Link{Target: "api-key"}).Text(); got != "api-key" {
		t.Errorf("without a label: got %q, want %q", got, "api-key")
	}
}

// found is what a test expects Scan to find: the link's text and target.
type found struct{ Text, Target string }

func TestScan(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []found
	}{
		{"plain links", "See [[API Key]] and [[sprawl|secret sprawl]].",
			[]found{{"[[API Key]]", "API Key"}, {"[[sprawl|secret sprawl]]", "sprawl"}}},
		{"links on several lines", "one [[a]]\ntwo [[b]]\n",
			[]found{{"[[a]]", "a"}, {"[[b]]", "b"}}},
		{"code span", "`[[not a link]]` but [[a]]", []found{{"[[a]]", "a"}}},
		{"double backtick code span", "``code with ` and [[x]]`` [[a]]", []found{{"[[a]]", "a"}}},
		{"unclosed backtick is literal", "a ` b [[a]]", []found{{"[[a]]", "a"}}},
		{"code span over two lines", "start `code\n[[x]] end` then [[a]]", []found{{"[[a]]", "a"}}},
		{"code span does not cross a blank line", "open ` here\n\n[[a]] `", []found{{"[[a]]", "a"}}},
		{"backtick fence", "[[a]]\n```go\n[[x]]\n```\n[[b]]", []found{{"[[a]]", "a"}, {"[[b]]", "b"}}},
		{"tilde fence", "~~~\n[[x]]\n~~~\n[[a]]", []found{{"[[a]]", "a"}}},
		{"longer closing fence", "````\n[[x]]\n`````\n[[a]]", []found{{"[[a]]", "a"}}},
		{"shorter fence does not close", "````\n```\n[[x]]\n````\n[[a]]", []found{{"[[a]]", "a"}}},
		{"other fence character does not close", "```\n~~~\n[[x]]\n```\n[[a]]", []found{{"[[a]]", "a"}}},
		{"fence indented by three spaces", "   ```\n[[x]]\n   ```\n[[a]]", []found{{"[[a]]", "a"}}},
		{"unclosed fence runs to the end", "[[a]]\n```\n[[x]]\n", []found{{"[[a]]", "a"}}},
		{"fence closes a paragraph's code span", "a `b\n```\n[[x]]\n```\n[[a]]`", []found{{"[[a]]", "a"}}},
		{"backticks in info string is not a fence", "```a`b\n[[a]]", []found{{"[[a]]", "a"}}},
		{"escaped bracket", `\[[x]] and [[a]]`, []found{{"[[a]]", "a"}}},
		{"escaped backslash", `\\[[a]]`, []found{{"[[a]]", "a"}}},
		{"escaped backtick", "\\`[[a]]`", []found{{"[[a]]", "a"}}},
		{"label with bar", "[[api-key|API keys]]", []found{{"[[api-key|API keys]]", "api-key"}}},
		{"unterminated", "[[a and more text", nil},
		{"unterminated then a link", "[[a and [[b]]", []found{{"[[b]]", "b"}}},
		{"nested brackets", "[[a [[b]] c]]", []found{{"[[b]]", "b"}}},
		{"triple brackets", "[[[a]]]", []found{{"[[a]]", "a"}}},
		{"link cannot span lines", "[[a\nb]]", nil},
		{"CRLF line endings", "x [[a]]\r\n```\r\n[[x]]\r\n```\r\n[[b]]\r\n", []found{{"[[a]]", "a"}, {"[[b]]", "b"}}},
		{"inline comment", "a <!-- [[x]] --> [[a]]", []found{{"[[a]]", "a"}}},
		{"inline comment over lines", "a <!-- [[x]]\n[[y]] --> [[a]]", []found{{"[[a]]", "a"}}},
		{"unclosed inline comment is text", "a <!-- [[a]]", []found{{"[[a]]", "a"}}},
		{"comment block", "<!--\n[[x]]\n\n[[y]]\n-->\n[[a]]", []found{{"[[a]]", "a"}}},
		{"comment block on one line", "<!-- [[x]] -->\n\n[[a]]", []found{{"[[a]]", "a"}}},
		{"comment block interrupts a paragraph", "[[a]]\n<!-- [[x]]\n-->\n", []found{{"[[a]]", "a"}}},
		{"text after --> is in the block", "<!--\n--> [[x]]\n\n[[a]]", []found{{"[[a]]", "a"}}},
		{"comment inside fenced code is code", "```\n<!--\n```\n[[a]]", []found{{"[[a]]", "a"}}},
		{"indented code", "Para.\n\n    [[x]] code\n\n    more [[y]]\n\n[[a]]", []found{{"[[a]]", "a"}}},
		{"tab-indented code", "Para.\n\n\t[[x]] code\n\n[[a]]", []found{{"[[a]]", "a"}}},
		{"indented code first", "    [[x]]\n\n[[a]]", []found{{"[[a]]", "a"}}},
		{"indented line continues a paragraph", "Para\n    [[a]] goes on", []found{{"[[a]]", "a"}}},
		{"a list item's paragraph", "- item\n\n    [[a]] more of the item\n", []found{{"[[a]]", "a"}}},
		{"a nested list", "1. one\n\n    - [[a]]\n", []found{{"[[a]]", "a"}}},
		{"code in a list item", "- item\n\n      [[x]] code in the item\n\n[[a]]", []found{{"[[a]]", "a"}}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []found
			for _, l := range Scan(tt.src) {
				got = append(got, found{tt.src[l.Start:l.End], l.Target})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Scan(%q) (-want +got):\n%s", tt.src, diff)
			}
		})
	}
}

func TestScanOffsets(t *testing.T) {
	src := "ab\n[[c|d]]"
	got := Scan(src)
	want := []Link{{Start: 3, End: 10, Target: "c", Label: "d"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// checkLinks reports the first way links break the promises Scan and Parse
// make to their callers.
func checkLinks(src string, links []Link) string {
	prevEnd := 0
	for _, l := range links {
		switch {
		case l.Start < prevEnd || l.Start >= l.End || l.End > len(src):
			return "offsets out of order or out of range"
		case !strings.HasPrefix(src[l.Start:l.End], "[[") || !strings.HasSuffix(src[l.Start:l.End], "]]"):
			return "link text is not [[...]]"
		case l.Target == "" || strings.ContainsAny(l.Target, "[]\n\r|"):
			return "bad target"
		case strings.ContainsAny(l.Label, "[]\n\r|"):
			return "bad label"
		case l.Target != strings.TrimSpace(l.Target) || l.Label != strings.TrimSpace(l.Label):
			return "untrimmed"
		}
		prevEnd = l.End
	}
	return ""
}

func FuzzScan(f *testing.F) {
	for _, s := range []string{
		"See [[API Key]] and [[sprawl|secret sprawl]].",
		"`[[x]]` ``a ` b`` \\[[y]] [[z]]",
		"```\n[[x]]\n```\n~~~~\n[[y]]\n~~~~\n[[a]]",
		"[[a [[b]] c]] [[[d]]] [[e|f|g]] [[",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, c := range ScanCites(src) { // no panic, and each is one
			if p, ok := parseCite(src[c.Start:]); !ok || c.Start+p.End != c.End {
				t.Fatalf("ScanCites(%q) found %+v, which parseCite reads as %+v, %v", src, c, p, ok)
			}
		}
		links := Scan(src)
		if msg := checkLinks(src, links); msg != "" {
			t.Fatalf("Scan(%q) = %+v: %s", src, links, msg)
		}
		for _, l := range links {
			p, ok := Parse([]byte(src[l.Start:]))
			if !ok || p.Target != l.Target || p.Label != l.Label || l.Start+p.End != l.End {
				t.Fatalf("Scan(%q) found %+v, which Parse reads as %+v, %v", src, l, p, ok)
			}
		}
	})
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"[[API Key]]", "[[a|b]] tail", "[[a|b|c]]", "[[a\n]]", "[[ ]]", `[[a\|b]]`, `[[a\\|b]]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		l, ok := Parse(b)
		if !ok {
			if l != (Link{}) {
				t.Fatalf("Parse(%q) failed but returned %+v", b, l)
			}
			return
		}
		if l.Start != 0 {
			t.Fatalf("Parse(%q).Start = %d, want 0", b, l.Start)
		}
		if l.End > MaxLen+2 {
			t.Fatalf("Parse(%q) read %d bytes, more than MaxLen", b, l.End)
		}
		if msg := checkLinks(string(b), []Link{l}); msg != "" {
			t.Fatalf("Parse(%q) = %+v: %s", b, l, msg)
		}
	})
}

func TestScanCites(t *testing.T) {
	tests := []struct {
		src  string
		want []Cite
	}{
		{"As reported [@gg-2026].", []Cite{{Start: 12, End: 22, Keys: []string{"gg-2026"}}}},
		{"Two [@2; @gg].", []Cite{{Start: 4, End: 13, Keys: []string{"2", "gg"}}}},
		{"Code `[@x]` and\n\n```\n[@y]\n```\n", nil},
		{"Escaped \\[@x] is text.", nil},
		{"<!-- [@x] --> no", nil},
		{"Not keys [@] [@ a b] [mail a@x] [see@x] [^n @x] [see *e* @x] [@x", nil},
		{"[@a][see @b]", []Cite{{Start: 0, End: 4, Keys: []string{"a"}}, {Start: 4, End: 12, Keys: []string{"b"}, Prefixes: []string{"see"}}}},
		// Pandoc's words before a key, and "-@" (the author left out).
		{"[see @x, p. 3; also @y] [-@z]", []Cite{
			{Start: 0, End: 23, Keys: []string{"x", "y"}, Locators: []string{"p. 3", ""}, Prefixes: []string{"see", "also"}},
			{Start: 24, End: 29, Keys: []string{"z"}},
		}},
		{"A [[link]] and [@a].", []Cite{{Start: 15, End: 19, Keys: []string{"a"}}}},
		// Links whose text starts with @ (Pandoc reads them as links too).
		{"Follow [@nhimg](https://x.example/nhimg).", nil},
		{"Follow [@nhimg][x] and [our account][@nhimg].", nil},
		{"[@nhimg]: https://x.example/nhimg\n", nil},
		{"Rotate keys [@gg]: it works.", []Cite{{Start: 12, End: 17, Keys: []string{"gg"}}}},
		// Pandoc's locators, after a comma.
		{"See [@gg, p. 4; @2].", []Cite{{Start: 4, End: 19, Keys: []string{"gg", "2"}, Locators: []string{"p. 4", ""}}}},
		{"Not [@gg p. 4] nor [@, p. 4].", nil},
		// After a [[link]] or a citation, "]" closes no text: these cite.
		{"[[a]][@2] [@1][@2]", []Cite{{Start: 5, End: 9, Keys: []string{"2"}}, {Start: 10, End: 14, Keys: []string{"1"}}, {Start: 14, End: 18, Keys: []string{"2"}}}},
		{"[a [b] c][@2]", nil},
		{"leak[^1][@2]", []Cite{{Start: 8, End: 12, Keys: []string{"2"}}}},
		{`\[see\][@2]`, []Cite{{Start: 7, End: 11, Keys: []string{"2"}}}},
		{"[x][ref][@2]", []Cite{{Start: 8, End: 12, Keys: []string{"2"}}}},
		{"[[@0]]", nil},
		{"\\[[@gg]]", []Cite{{Start: 2, End: 7, Keys: []string{"gg"}}}}, // no [[link]] after an escaped "["
	}
	for _, tt := range tests {
		if got := ScanCites(tt.src); !cmp.Equal(got, tt.want) {
			t.Errorf("ScanCites(%q) = %+v, want %+v", tt.src, got, tt.want)
		}
	}
}

// A key cites the source with that id, else, written as a number, the
// source at that position.
func TestSourceNumber(t *testing.T) {
	ids := []string{"nist", "", "owasp", "-1", "2024", "1"}
	for _, tc := range []struct {
		key  string
		want int
	}{
		{"nist", 1},
		{"owasp", 3},
		{"2", 2}, // the source without an id, by position
		{"3", 3},
		{"7", 0},    // past the last source
		{"2024", 5}, // an id of digits
		{"1", 6},    // an id wins over a position
		{"-1", 4},   // an id, not a number
		{"+2", 0},
		{"0", 0},
		{"unknown", 0},
		{"", 0}, // not the id of the source that has none
	} {
		if got := SourceNumber(tc.key, ids); got != tc.want {
			t.Errorf("SourceNumber(%q) = %d, want %d", tc.key, got, tc.want)
		}
	}
}

// A row's cells past its table's columns are left out of the page: say
// where, unless they are empty or the bar that made one is a
// [[link|label]]'s (pipe-in-table-link says so).
func TestExtraCells(t *testing.T) {
	const head = "| a | b |\n|---|---|\n"
	tests := []struct {
		name, src string
		at        string // the text where the left-out text starts; "" none
	}{
		{"one cell more", "| a |\n|---|\n| b | Z |\n", "Z"},
		{"as many as columns", head + "| c | d |\n", ""},
		{"a link's bar", head + "| [[x|X]] | y |\n", ""},
		{"a link's bar, no outer bars", "a | b\n--|--\n[[x|X]] | y\n", ""},
		{"bars in code are cells", head + "| `a|b` | Z |\n", "Z"},
		{"a link's bar in code is the link's", head + "| `[[x|y]]` | Z |\n", ""}, // the cells cut the span: pipe-in-table-link
		{"an escaped link is text", head + "| \\[[x|y]] | Z |\n", "Z"},
		{"an image's brackets are text", head + "| ![[x|y]] | Z |\n", "Z"},
		{"empty cells more", head + "| c | d |  |\n", ""},
		{"an empty cell, then text", head + "| c | d | | Z |\n", "Z"},
		{"an escaped bar is text", head + "| c \\| d | e |\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want []int
			if tt.at != "" {
				want = []int{strings.Index(tt.src, tt.at)}
			}
			if got := ExtraCells(tt.src); !cmp.Equal(got, want) {
				t.Errorf("ExtraCells(%q) = %v, want %v", tt.src, got, want)
			}
		})
	}
}

// Two [[links]] side by side are no Markdown link with a label, and do
// not cost the text a parse; any other "][" may be one.
func TestHasLinkLabel(t *testing.T) {
	for src, want := range map[string]bool{
		"[[a]][[b]] and [[c]][[d]]": false,
		"[[a]]":                     false,
		"[x][y]":                    true,
		"[[a]][[b]] then [x][y]":    true,
		"[[a]][@x]":                 true,
		"][":                        true,
		"]][":                       true,
		"x][[y]]":                   true,
	} {
		if got := hasLinkLabel(src); got != want {
			t.Errorf("hasLinkLabel(%q) = %v, want %v", src, got, want)
		}
	}
}
