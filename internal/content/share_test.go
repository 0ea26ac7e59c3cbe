package content

import (
	"strings"
	"testing"
	"unsafe"

	"go.yaml.in/yaml/v3"

	"github.com/nhimg/nhiglossary/internal/diag"
)

// within reports whether s's bytes are inside text's.
func within(s, text string) bool {
	if s == "" {
		return true
	}
	p, lo := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(text)))
	return p >= lo && p+uintptr(len(s)) <= lo+uintptr(len(text))
}

func TestSharedValues(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		shared    []string // values that must be the file's own characters
		copied    []string // values the file does not spell as they are
	}{
		{"yaml", "---\ntitle: \"Clé d'API\"\nsummary: plain words\ntags: [a, \"b c\", 'd']\nexamples:\n  - \"é [[x]]\"\n  - 'it''s'\n  - \"tab\\tbed\"\n  - |\n    block\n  - folded\n    lines\nmappings:\n  - {framework: f, control: \"C1\"}\n---\nbody\n",
			[]string{"Clé d'API", "plain words", "a", "b c", "d", "é [[x]]", "f", "C1"},
			[]string{"it's", "tab\tbed", "block\n", "folded lines"}},
		{"toml", "+++\ntitle = \"T\"\nsummary = 'lit'\ntags = [\"a\", \"b\\u0041\"]\n+++\n",
			[]string{"T", "lit", "a"}, []string{"bA"}},
		{"json", "{\"title\": \"J\", \"summary\": \"s\\\"q\", \"tags\": [\"é\", true]}\n",
			[]string{"J", "é", "true"}, []string{"s\"q"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var diags diag.List
			doc := parseDocument("t.md", []byte(tc.src), &diags)
			if doc.meta == nil {
				t.Fatalf("no front matter: %v", diags)
			}
			found := map[string]bool{}
			var walk func(n *yaml.Node)
			walk = func(n *yaml.Node) {
				if n.Kind == yaml.ScalarNode {
					found[n.Value] = within(n.Value, doc.src)
				}
				for i, c := range n.Content {
					if n.Kind != yaml.MappingNode || i%2 == 1 {
						walk(c)
					}
				}
			}
			walk(doc.meta)
			for _, v := range tc.shared {
				if in, ok := found[v]; !ok || !in {
					t.Errorf("%q: found %v, in the file's text %v", v, ok, in)
				}
			}
			for _, v := range tc.copied {
				if _, ok := found[v]; !ok {
					t.Errorf("%q: not found", v)
				}
			}
		})
	}
}

// FuzzShareValues checks that sharing never changes a value: every scalar
// of the tree parseYAML returns reads as yaml.v3's own parse of the same
// text.
func FuzzShareValues(f *testing.F) {
	for _, s := range []string{"a: b\n", "a: \"é\\tx\"\nb: [c, 'd''e']\n", "- |\n  x\n- >\n  y\n  z\n", "a: !!str 1\nb:   \"q\"  \n", "\u00e9\u00e9: [\u00e9, {x: \"\u00e9\"}]\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		got, err := parseYAML([]byte(data), data)
		if err != nil {
			return
		}
		var want yaml.Node
		if yaml.Unmarshal([]byte(data), &want) != nil || len(want.Content) == 0 {
			return
		}
		var cmp func(a, b *yaml.Node)
		cmp = func(a, b *yaml.Node) {
			if a.Value != b.Value || len(a.Content) != len(b.Content) {
				t.Fatalf("%q: shared %q, parsed %q", data, a.Value, b.Value)
			}
			for i := range a.Content {
				cmp(a.Content[i], b.Content[i])
			}
		}
		cmp(got, want.Content[0])
	})
}

// FuzzOneLine: oneLine is strings.Fields joined by spaces, for any text.
func FuzzOneLine(f *testing.F) {
	for _, s := range []string{"", " ", "a b", "a  b", " a", "a ", "a\tb", "a\u00a0b", "\u00e9 \u2028", "\xff x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := oneLine(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Fatalf("oneLine(%q) = %q, want %q", s, got, want)
		}
	})
}
