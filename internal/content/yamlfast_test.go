package content

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/adrg/frontmatter"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"gopkg.in/yaml.v3"
)

// sameAsYAMLv3 fails t when fastYAML accepts data but yaml.v3 reads
// another tree (comments aside: nothing reads them), and reports whether
// fastYAML accepted it.
func sameAsYAMLv3(t *testing.T, data []byte) (accepted bool) {
	t.Helper()
	fast, ok := fastYAML(string(data))
	if !ok {
		return false
	}
	slow, err := slowYAML(data)
	if err != nil {
		t.Fatalf("fastYAML accepted what yaml.v3 refuses (%v):\n%s", err, data)
	}
	opt := cmpopts.IgnoreFields(yaml.Node{}, "HeadComment", "LineComment", "FootComment")
	if diff := cmp.Diff(slow, fast, opt); diff != "" {
		t.Fatalf("fastYAML differs from yaml.v3 (-yaml.v3 +fast) on:\n%s\n%s", data, diff)
	}
	return true
}

func TestFastYAMLMatchesYAMLv3OrGivesUp(t *testing.T) {
	tests := []struct {
		in     string
		accept bool
	}{
		// What editors write.
		{"title: API Key\nsummary: A static secret.\nupdated: 2026-05-16\n", true},
		{"title: \"Agentic Bot\"\ntags: [\"a\", 'b', c d]\nrelated: []\n", true},
		{"mappings:\n  - framework: nist\n    relevance: \"x\"\n  - framework: owasp\n    control: NHI4\n", true},
		{"sources:\n  - title: \"R\"\n    url: https://example.org/r#x\n", true},
		{"examples:\n  - \"one [[x]]\"\n  - two [[y]]\n", true},
		{"tags:\n- a\n- b\nnext: x\n", true},
		{"a:\n  - k:\n    - x\n    j: y\n  - z\n", true},
		{"reviewed:\n  by: Ann\n  on: 2026-01-02\ndraft: false\n", true},
		{"# comment\n\ntitle: A # trailing\n  # indented comment\nsummary: 'it''s' # c\n", true},
		{"title: \"say \\\"hi\\\" \\\\ there\"\n", true},
		{"title: C# and F#\nurl: a:b\n", true},
		{"title:\nsummary: s\n", true},
		{"title:", true},
		{"title:   \nx: 1", true},
		{"a: [ x ,y , \"z\" ]  # c\n", true},
		{"a: café\nb: [é, ü]\nc: 'ö' \n", true},
		{"a: \"  padded  \"\nb: ''\nc: \"\"\n", true},
		{"-a: 1\n", false},
		// Tags yaml.v3 resolves plain scalars to.
		{"a: 1\nb: 1.5\nc: true\nd: ~\ne: null\nf: 0x1F\ng: 2026-02-30\nh: 1_000\ni: .inf\nj: y\nk: No\nl: 2026-05-16T10:00:00Z\n", true},
		{"1: a\ntrue: b\nnull: c\n", true},
		{"<<: x\n", false},
		{"a: <<\nb: [<<, x]\n", true},
		{"a: 2026-5-6\nb: 2026-05-06T10:00:00Z\nc: [1e3, +1, 0o17, 0b1, .5, 1.]\n", true},
		{"a: [-1]\n", false},
		{"a: [é, \"ü\", 'ß', ok]\nb: \"日本\" # c\n", true},
		// Left to yaml.v3.
		{"", false},
		{"# only a comment\n", false},
		{"- a\n- b\n", false},
		{"  title: indented root\n", false},
		{"title: &a x\nb: *a\n", false},
		{"title: !!str 1\n", false},
		{"title: |\n  block\n", false},
		{"title: >-\n  folded\n", false},
		{"title: a\n  continued\n", false},
		{"title: \"a\n  b\"\n", false},
		{"title: \"\\n\"\n", false},
		{"title: {a: b}\n", false},
		{"title: [a, [b]]\n", false},
		{"title: [a,\n  b]\n", false},
		{"title: [a, b,]\n", false},
		{"title: [a: b]\n", false},
		{"title:\ta\n", false},
		{"title: a\r\n", false},
		{"---\ntitle: a\n", false},
		{"title: a\n...\n", false},
		{"title: a: b\n", false},
		{"title: a:\n", false},
		{"\"quoted\": key\n", false},
		{"title: \"a\" b\n", false},
		{"title: \"a\"#b\n", false},
		{"title:a\n", false},
		{"a:\n  b: 1\n c: 2\n", false},
		{"a:\n    - x\n  - y\n", false},
		{"a:\n  - x\n   - y\n", false},
		{"a:\n  -\n  - y\n", false},
		{"a:\n  - - y\n", false},
		{"a:\n  value below\n", false},
		{"a: - x\n", false},
		{"a: \u0085\n", false},
		{"a: \ufeffb\n", false},
		{"a: \u2028\n", false},
		{"a: \x7f\n", false},
		{"a: \xff\n", false},
		{"a: @x\n", false},
	}
	for _, tt := range tests {
		if got := sameAsYAMLv3(t, []byte(tt.in)); got != tt.accept {
			t.Errorf("fastYAML accepts %q: %v, want %v", tt.in, got, tt.accept)
		}
	}
}

// FuzzFastYAML checks that wherever fastYAML accepts its input, yaml.v3
// reads the same tree.
func FuzzFastYAML(f *testing.F) {
	for _, pattern := range []string{
		"../../content/*/*",
		"../../../shared/spec/example-site/content/*/*",
		"testdata/fastyaml/*", // from ../shared/bench/gencorpus.py
	} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			b, err := os.ReadFile(file)
			if err != nil {
				continue
			}
			f.Add(frontMatterOf(b))
		}
	}
	// Scalars over lines and escapes, left to yaml.v3, whose positions
	// PosAt follows.
	for _, s := range []string{
		"summary: >-\n  A key leaked and the\n  attacker used [[api-kee]].\n",
		"a: plain\n  over [[x]]\nb: \"dq \\\" [[r3]] \\u00e9\n  [[r4]]\"\nc: 'it''s\n  [[s]]'\n",
		"\ufefftitle: bom\n",
	} {
		f.Add([]byte(s))
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		f.Add(randomFrontMatter(r))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sameAsYAMLv3(t, data)
	})
}

// TestFastYAMLOnRandomFrontMatter compares on documents made of the
// pieces where the subset's edges are; fastYAML accepts about 40%.
func TestFastYAMLOnRandomFrontMatter(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	n, accepted := 5000, 0
	if testing.Short() {
		n = 500
	}
	for range n {
		if sameAsYAMLv3(t, randomFrontMatter(r)) {
			accepted++
		}
	}
	if accepted < n/10 {
		t.Errorf("fastYAML accepted only %d of %d documents", accepted, n)
	}
}

// randomFrontMatter writes a random block mapping, mostly well formed,
// from pieces chosen to sit on either side of the subset's edges.
func randomFrontMatter(r *rand.Rand) []byte {
	pick := func(s ...string) string { return s[r.IntN(len(s))] }
	odd := func() bool { return r.IntN(12) == 0 }
	scalar := func() string {
		if odd() {
			return pick("\"a\\\"b\\\\\"", "\"\\n\"", "[a,]", "[a, [b]]", "[-1, 2]", "{a: b}", "x#c", "# c", "a: b", "a:",
				"&a x", "*a", "!!str x", "|", ">-", "?", "\"open", "'open", "- x", "[a, b] x", "\"q\" x", "")
		}
		return pick("x", "x y", "x  y  ", "\"q\"", "'s''t'", "''", "\"\"", "[a, b]", "[]", "[ a ,'b', \"c\" ]", "[é, x]",
			"x # c", "a:b", "é ü", "2026-01-02", "2026-02-30", "2026-1-2", "~", "<<", ".5", "1e3", "0x1F", "12", "1_0",
			"C#", "https://x.org/a#b", "yes", "No", "TRUE", "false", "null", "nul", "[1, true, ~, 2026-01-02]")
	}
	key := func() string {
		if odd() {
			return pick("-a", "a b", "\"k\"", "a:", "")
		}
		return pick("a", "title", "b-c", "_x", "y", "1", "true", "null", "2026-01-02", "B9")
	}
	var b bytes.Buffer
	line := func(indent int, text string) {
		if odd() {
			indent += r.IntN(3) - 1
		}
		b.WriteString(strings.Repeat(" ", max(indent, 0)))
		b.WriteString(text)
		if odd() {
			b.WriteString(pick(" ", "  # c", "\t"))
		}
		b.WriteString(pick("\n", "\n", "\n", "\n\n", "\n# c\n", "\n  \n", "\n    # c\n"))
	}
	var mapping, sequence func(indent, depth int, first string)
	value := func(indent, depth int, k string) {
		switch n := r.IntN(6); {
		case depth < 3 && n == 0:
			line(indent, k+":")
			mapping(indent+pick2(r, 2, 4), depth+1, "")
		case depth < 3 && n == 1:
			line(indent, k+":")
			sequence(indent+pick2(r, 0, 2), depth+1, "")
		case n == 2:
			line(indent, k+":"+pick("", " ", " # c"))
		default:
			line(indent, k+": "+scalar())
		}
	}
	mapping = func(indent, depth int, first string) {
		for i := range 1 + r.IntN(4) {
			if i == 0 && first != "" {
				b.WriteString(first)
			}
			value(indent, depth, key())
		}
	}
	sequence = func(indent, depth int, _ string) {
		for range 1 + r.IntN(3) {
			if depth < 3 && r.IntN(3) == 0 {
				b.WriteString(strings.Repeat(" ", indent) + "- ")
				value(0, depth+1, key())
				mapping(indent+2, depth+1, "")
				continue
			}
			line(indent, "- "+scalar())
		}
	}
	mapping(0, 0, "")
	return b.Bytes()
}

func pick2(r *rand.Rand, a, b int) int {
	if r.IntN(2) == 0 {
		return a
	}
	return b
}

// frontMatterOf is the YAML between a file's --- lines, or the whole file.
func frontMatterOf(b []byte) []byte {
	if rest, ok := bytes.CutPrefix(b, []byte("---\n")); ok {
		if i := bytes.Index(rest, []byte("\n---\n")); i >= 0 {
			return rest[:i+1]
		}
	}
	return b
}

// FuzzSplitYAMLFrontMatter checks that where splitYAMLFrontMatter splits a
// file, adrg/frontmatter splits it the same way.
func FuzzSplitYAMLFrontMatter(f *testing.F) {
	for _, s := range []string{okTerm, "\n \n---  \na: b\n ---\r\nbody", "---\n---\n", "---\na\n---", "---\na\n", "x\n---\n---\n", "---yaml\n---\n", "\u00a0---\n\v---\u0085\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		data, line, bodyOff, ok := splitYAMLFrontMatter(string(src))
		if !ok {
			return
		}
		var c capture
		rest, err := frontmatter.Parse(bytes.NewReader(src), nil, formats(&c)...)
		if err != nil || c.data == nil || c.kind != fmYAML {
			t.Fatalf("split %q, adrg/frontmatter: %v, %q, kind %d", src, err, c.data, c.kind)
		}
		if data != string(c.data) || string(src[bodyOff:]) != string(rest) || line != dataLine(src, false) {
			t.Fatalf("split %q: got %q, %q, line %d; adrg/frontmatter %q, %q, line %d", src, data, src[bodyOff:], line, c.data, rest, dataLine(src, false))
		}
	})
}
