package content

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nhimg/nhiglossary/internal/diag"
)

// positions lists where a loaded file's names and [[links]] are, as
// "what LINE:COL", and checks that each [[ it reports is one in the file.
func positions(t *testing.T, file, src string) []string {
	t.Helper()
	fsys := site(map[string]string{file: src})
	var diags diag.List
	var out []string
	name := func(what string, n Name) {
		out = append(out, fmt.Sprintf("%s %q %d:%d", what, n.Value, n.Pos.Line, n.Pos.Col))
	}
	links := func(what string, m Markdown) {
		for i := 0; ; i += 2 {
			j := strings.Index(m.Text[i:], "[[")
			if j < 0 {
				return
			}
			i += j
			p := m.PosAt(i)
			out = append(out, fmt.Sprintf("%s %s %d:%d", what, m.Text[i:i+strings.Index(m.Text[i:], "]]")+2], p.Line, p.Col))
			link := m.Text[i : i+strings.Index(m.Text[i:], "]]")+2]
			if at := atPos(src, p); !strings.HasPrefix(at, link) {
				t.Errorf("%s: %v is not at %s but at %.10q", what, p, link, at)
			}
		}
	}
	if strings.HasPrefix(file, IncidentsDir) {
		l := LoadFile(fsys, file, DefaultConfig())
		inc := l.Incident
		diags = l.Diags
		if inc != nil {
			name("title", inc.Title)
			links("summary", inc.Summary)
			links("body", inc.Body)
		}
	} else {
		var term *Term
		term, diags = LoadTerm(fsys, file, DefaultConfig())
		if term != nil {
			name("title", term.Title)
			for _, n := range term.Related {
				name("related", n)
			}
			for _, n := range term.Incidents {
				name("incident", n)
			}
			for i, e := range term.Examples {
				links(fmt.Sprintf("example %d", i), e)
			}
			for _, m := range term.Mappings {
				name("framework", m.Framework)
				if m.Control.Value != "" {
					name("control", m.Control)
				}
				links("relevance", m.Relevance)
			}
			links("body", term.Body)
		}
	}
	if len(diags) > 0 {
		t.Fatalf("unexpected diagnostics:\n%v", diags)
	}
	return out
}

// atPos is the rest of src's line from p on.
func atPos(src string, p diag.Pos) string {
	line, ok := nthLine(strings.TrimPrefix(src, bom), p.Line-1)
	r := []rune(line)
	if !ok || p.Col < 1 || p.Col > len(r) {
		return ""
	}
	return string(r[p.Col-1:])
}

func TestValuesAndLinksArePlacedInTheSource(t *testing.T) {
	tests := []struct {
		name string
		file string // a term unless under content/incidents
		src  string
		want []string
	}{
		{
			name: "TOML strings, arrays over lines and array-of-tables",
			src: `+++
title = "Tom"
summary = "s"
updated = 2026-01-01
related = ["betta"]
examples = ["see [[nope]]", 'lit [[l1]] \ no escape', "tab\tthen [[e1]]"]
incidents = [
  "first",   # a comment
     'second',
]
[[mappings]]
framework = "owasp"
control = "C9"
relevance = """
Multi-line [[m1]]
  and "quoted" [[m2]]"""

[[mappings]]
  framework = "nist"
  control = 'C10'
  relevance = "\u00e9 \"x\" [[m3]] \U0001F600 [[m4]]"
+++
Body [[b1]].
`,
			want: []string{
				`title "Tom" 2:10`,
				`related "betta" 5:13`,
				`incident "first" 8:4`,
				`incident "second" 9:7`,
				`example 0 [[nope]] 6:18`,
				`example 1 [[l1]] 6:34`,
				`example 2 [[e1]] 6:66`,
				`framework "owasp" 12:14`,
				`control "C9" 13:12`,
				`relevance [[m1]] 15:12`,
				`relevance [[m2]] 16:16`,
				`framework "nist" 19:16`,
				`control "C10" 20:14`,
				`relevance [[m3]] 21:29`,
				`relevance [[m4]] 21:47`,
				`body [[b1]] 23:6`,
			},
		},
		{
			name: "TOML dotted keys, inline tables and a ''' string",
			src: `+++
title = "T"
summary = "s"
updated = 2026-01-01
examples = [
  '''
raw \n [[r1]]''',
]
mappings = [{framework = "a", control = "C1"}, { framework = "b" }]
+++
`,
			want: []string{
				`title "T" 2:10`,
				`example 0 [[r1]] 7:8`,
				`framework "a" 9:27`,
				`control "C1" 9:42`,
				`framework "b" 9:63`,
			},
		},
		{
			name: "YAML folded, plain and quoted scalars over lines",
			src: `---
title: Y
summary: s
updated: 2026-01-01
examples:
  - >-
    A key leaked and the
      more indented [[f1]]

    after a blank line [[f2]]
  - A plain scalar
    over lines [[p1]]
  - "dq \" [[r3]] \u00e9 [[r4]]"
  - "double quoted
    over lines \
    joined [[d1]]"
  - 'it''s
    [[s1]]'
  - |

    literal after a blank [[l1]]
mappings:
  - framework: x
    relevance: "é [[v1]]"
---
`,
			want: []string{
				`title "Y" 2:8`,
				`example 0 [[f1]] 8:21`,
				`example 0 [[f2]] 10:24`,
				`example 1 [[p1]] 12:16`,
				`example 2 [[r3]] 13:12`,
				`example 2 [[r4]] 13:26`,
				`example 3 [[d1]] 16:12`,
				`example 4 [[s1]] 18:5`,
				`example 5 [[l1]] 21:27`,
				`framework "x" 23:16`,
				`relevance [[v1]] 24:19`,
			},
		},
		{
			name: "YAML folded incident summary, as in the spec",
			file: "content/incidents/leak.md",
			src: `---
title: Leak
date: 2025-01-29
summary: >-
  A key leaked and the
  attacker used [[api-kee]].
---
Body [[b]].
`,
			want: []string{
				`title "Leak" 2:8`,
				`summary [[api-kee]] 6:17`,
				`body [[b]] 8:6`,
			},
		},
		{
			name: "JSON escapes",
			src: `{
  "title": "J",
  "summary": "s",
  "updated": "2026-05-16",
  "related": ["caf\u00e9", "betta"],
  "examples": ["json \" [[j1]]", "caf\u00e9 [[j2]]", "\ud83d\ude00 [[j3]]", "é [[j4]]"]
}
`,
			want: []string{
				`title "J" 2:13`,
				`related "café" 5:16`,
				`related "betta" 5:29`,
				`example 0 [[j1]] 6:25`,
				`example 1 [[j2]] 6:45`,
				`example 2 [[j3]] 6:68`,
				`example 3 [[j4]] 6:80`,
			},
		},
		{
			name: "a byte order mark is not a column",
			src:  bom + "---\ntitle: B\nsummary: s\nupdated: 2026-01-01\nexamples: [\"x [[b1]]\"]\n---\nBody [[b2]]\n",
			want: []string{
				`title "B" 2:8`,
				`example 0 [[b1]] 5:15`,
				`body [[b2]] 7:6`,
			},
		},
		{
			name: "columns count characters",
			src:  "---\ntitle: Café\nsummary: s\nupdated: 2026-01-01\nrelated: [naïve, \"ünï\"]\nexamples: [\"é [[c1]]\"]\n---\nÉté [[c2]]\n",
			want: []string{
				`title "Café" 2:8`,
				`related "naïve" 5:11`,
				`related "ünï" 5:19`,
				`example 0 [[c1]] 6:15`,
				`body [[c2]] 8:5`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.file == "" {
				tt.file = "content/terms/t.md"
			}
			if diff := cmp.Diff(tt.want, positions(t, tt.file, tt.src)); diff != "" {
				t.Errorf("positions (-want +got):\n%s", diff)
			}
		})
	}
}

// TestPosAtPointsAtAnEscapedBracket: a [ written as an escape is still
// found, at its backslash.
func TestPosAtPointsAtAnEscapedBracket(t *testing.T) {
	src := "{\n  \"title\": \"J\", \"summary\": \"s\", \"updated\": \"2026-05-16\",\n  \"examples\": [\"a \\u005b[x]]\"]\n}\n"
	term, diags := LoadTerm(site(map[string]string{"content/terms/j.md": src}), "content/terms/j.md", DefaultConfig())
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	m := term.Examples[0]
	if got, want := m.PosAt(strings.Index(m.Text, "[[")).String(), "content/terms/j.md:3:19"; got != want {
		t.Errorf("PosAt = %s, want %s", got, want)
	}
}

// TestPosAtFallsBackToTheValue: where the source does not spell the text
// (which loading never produces), PosAt gives the value's start rather
// than a wrong column.
func TestPosAtFallsBackToTheValue(t *testing.T) {
	pos := diag.Pos{File: "f.md", Line: 2, Col: 4}
	for _, m := range []Markdown{
		{Text: "a [[x]]", Pos: pos, src: "---\nk: b [[x]]\n"},
		{Text: "a [[x]]", Pos: pos, src: "---\nk: a\n"},
		{Text: "a [[x]]", Pos: diag.Pos{File: "f.md", Line: 9, Col: 4}, src: "---\nk: a [[x]]\n"},
		{Text: "a [[x]]", Pos: diag.Pos{File: "f.md", Line: 2, Col: 5}, src: "---\nk: \"a \\q[[x]]\"\n", esc: escBackslash},
	} {
		if got := m.PosAt(2); got != m.Pos {
			t.Errorf("PosAt(2) in %q = %v, want %v", m.src, got, m.Pos)
		}
	}
}

func TestSlugifyFoldsAccents(t *testing.T) {
	for in, want := range map[string]string{
		"clé":            "cle",
		"Clé d'API":      "cle-d-api",
		"Straße":         "strasse",
		"Ærøskøbing":     "aeroskobing",
		"Łódź Œuvre":     "lodz-oeuvre",
		"ÉTÉ":            "ete",
		"日本 key":         "key",
		"naïve façade Ñ": "naive-facade-n",
	} {
		if got := Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
}
