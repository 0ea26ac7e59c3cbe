package content

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
)

const okTerm = `---
title: API Key
summary: A static secret.
updated: 2026-05-16
---
Body.
`

func site(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

func diagStrings(t *testing.T, fsys fstest.MapFS) []string {
	t.Helper()
	_, diags := Load(fsys)
	var out []string
	for _, d := range diags {
		out = append(out, d.String())
	}
	return out
}

func TestLoadReportsEveryProblemWithItsPosition(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{
			name:  "a clean term has no diagnostics",
			files: map[string]string{"content/terms/api-key.md": okTerm},
		},
		{
			name:  "no terms folder",
			files: map[string]string{"README.md": "hi"},
			want:  []string{`content/terms:1:1: no content/terms folder: a site keeps one Markdown file per term there`},
		},
		{
			name:  "unknown key with did-you-mean",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: API Key\nsummery: x\nsummary: y\nupdated: 2026-05-16\n---\n"},
			want:  []string{`content/terms/api-key.md:3:1: unknown key "summery" in a term (did you mean "summary"?)`},
		},
		{
			name:  "a misspelt required key is one error, not also a missing key",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: API Key\nsummery: x\nupdated: 2026-05-16\n---\n"},
			want:  []string{`content/terms/api-key.md:3:1: unknown key "summery" in a term (did you mean "summary"?)`},
		},
		{
			name:  "missing required keys are reported at the front matter",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: API Key\n---\nBody\n"},
			want: []string{
				`content/terms/api-key.md:1:1: missing required key "summary" in a term`,
				`content/terms/api-key.md:1:1: missing required key "updated" in a term`,
			},
		},
		{
			name:  "bad date",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: API Key\nsummary: s\nupdated: 16/05/2026\n---\n"},
			want:  []string{`content/terms/api-key.md:4:10: "updated" must be a date written YYYY-MM-DD, not "16/05/2026"`},
		},
		{
			name:  "impossible date",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: API Key\nsummary: s\nupdated: 2026-02-30\n---\n"},
			want:  []string{`content/terms/api-key.md:4:10: "updated": "2026-02-30" is not a real date`},
		},
		{
			name:  "list expected",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: API Key\nsummary: s\nupdated: 2026-05-16\ntags: secrets\n---\n"},
			want:  []string{`content/terms/api-key.md:5:7: "tags" must be a list, not text: write [secrets]`},
		},
		{
			name:  "text expected",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: [a, b]\nsummary: s\nupdated: 2026-05-16\n---\n"},
			want:  []string{`content/terms/api-key.md:2:8: "title" must be text, not a list`},
		},
		{
			name:  "text expected, a list of one given",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: A\nsummary: s\nupdated: 2026-05-16\ndeprecated: true\nreplaced_by: [secret]\n---\n"},
			want:  []string{`content/terms/api-key.md:6:14: "replaced_by" must be text, not a list: write replaced_by: secret`},
		},
		{
			name:  "text expected, a list of one given, that needs quotes",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: [\"Note: keys\"]\nsummary: [\"*emph*\"]\nupdated: 2026-05-16\n---\n"},
			want: []string{
				`content/terms/api-key.md:2:8: "title" must be text, not a list: write title: 'Note: keys'`,
				`content/terms/api-key.md:3:10: "summary" must be text, not a list: write summary: '*emph*'`,
			},
		},
		{
			name:  "bool expected",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: A\nsummary: s\nupdated: 2026-05-16\ndraft: maybe\n---\n"},
			want:  []string{`content/terms/api-key.md:5:8: "draft" must be true or false, not text`},
		},
		{
			name:  "bad slug",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: A\nslug: API_Key\nsummary: s\nupdated: 2026-05-16\n---\n"},
			want:  []string{`content/terms/api-key.md:3:7: "slug": "API_Key" is not a slug: use lower-case letters, digits and single hyphens, like "api-key"`},
		},
		{
			name:  "file name that is not a slug",
			files: map[string]string{"content/terms/API Key.md": okTerm},
			want:  []string{`content/terms/API Key.md:1:1: file name "API Key.md" is not a slug: rename the file to "api-key.md" or set "slug"`},
		},
		{
			name:  "bad redirect",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: A\nsummary: s\nupdated: 2026-05-16\nredirects: [Old Key]\n---\n"},
			want:  []string{`content/terms/api-key.md:5:13: redirect "Old Key" is not a slug: use lower-case letters, digits and single hyphens`},
		},
		{
			name:  "invalid YAML",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: A\nsummary: [s\nupdated: 2026-05-16\n---\n"},
			want:  []string{`content/terms/api-key.md:3:1: invalid YAML: did not find expected ',' or ']'`},
		},
		{
			name:  "front matter not closed",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: A\n"},
			want:  []string{`content/terms/api-key.md:1:1: front matter is not closed: add a line with the closing delimiter before the body`},
		},
		{
			name:  "no front matter",
			files: map[string]string{"content/terms/api-key.md": "Just text.\n"},
			want:  []string{`content/terms/api-key.md:1:1: missing front matter: start the file with a --- line, the fields, and another --- line`},
		},
		{
			name:  "front matter that is a list",
			files: map[string]string{"content/terms/api-key.md": "---\n- a\n- b\n---\n"},
			want:  []string{`content/terms/api-key.md:2:1: front matter must be a set of key: value fields`},
		},
		{
			name:  "duplicate key",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: A\ntitle: B\nsummary: s\nupdated: 2026-05-16\n---\n"},
			want:  []string{`content/terms/api-key.md:3:1: duplicate key "title" in a term: line 2 has it already, and only that one is read; keep one`},
		},
		{
			name:  "empty required value",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle:\nsummary: s\nupdated: 2026-05-16\n---\n"},
			want:  []string{`content/terms/api-key.md:2:1: "title" is required and must not be empty`},
		},
		{
			name:  "blank text",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: \"  \"\nsummary: s\nupdated: 2026-05-16\n---\n"},
			want:  []string{`content/terms/api-key.md:2:1: "title" is required and must not be empty`},
		},
		{
			name:  "mapping without framework, with unknown key",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: A\nsummary: s\nupdated: 2026-05-16\nmappings:\n  - controll: NHI2\n---\n"},
			want: []string{
				`content/terms/api-key.md:6:5: missing required key "framework" in a mapping`,
				`content/terms/api-key.md:6:5: unknown key "controll" in a mapping (did you mean "control"?)`,
			},
		},
		{
			name:  "bad source url",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: A\nsummary: s\nupdated: 2026-05-16\nsources:\n  - {title: R, url: \"javascript:alert(1)\"}\n---\n"},
			want:  []string{`content/terms/api-key.md:6:21: "url": "javascript:alert(1)" is not an http or https URL`},
		},
		{
			// Characters, not bytes: 120 of 日 are 360 bytes.
			name:  "a summary in characters of three bytes each is not long",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: A\nsummary: " + strings.Repeat("日", 120) + "\nupdated: 2026-05-16\n---\n"},
		},
		{
			name:  "long summary is a warning",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: A\nsummary: " + strings.Repeat("word ", 70) + "\nupdated: 2026-05-16\n---\n"},
			want:  []string{`content/terms/api-key.md:3:10: warning: summary is 349 characters long; keep it under 300, it is shown in lists, previews and search results`},
		},
		{
			name:  "YAML alias refused",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: &t A\nsummary: *t\nupdated: 2026-05-16\n---\n"},
			want:  []string{`content/terms/api-key.md:3:10: YAML aliases (*name) are not supported in front matter`},
		},
		{
			name:  "invalid JSON reports the offset",
			files: map[string]string{"content/terms/api-key.md": "{\n  \"title\": \"A\",\n  \"summary\": \"s\" \"updated\": \"2026-05-16\"\n}\n\n"},
			want:  []string{`content/terms/api-key.md:3:18: invalid JSON: invalid character '"' after object key:value pair`},
		},
		{
			name:  "unquoted TOML text says quote it",
			files: map[string]string{"content/terms/api-key.md": "+++\ntitle = \"A\"\nsummary = Both keys\n+++\n"},
			want:  []string{`content/terms/api-key.md:3:11: invalid TOML: expected value but found "Both" instead: TOML writes text in double quotes (title = "API Key")`},
		},
		{
			name:  "TOML's True says lower case",
			files: map[string]string{"content/terms/api-key.md": "+++\ntitle = \"A\"\ndraft = True\n+++\n"},
			want:  []string{`content/terms/api-key.md:3:9: invalid TOML: expected value but found "True" instead: TOML writes true and false in lower case`},
		},
		{
			name:  "TOML text that starts with True says quote it",
			files: map[string]string{"content/terms/api-key.md": "+++\ntitle = True Detective\n+++\n"},
			want:  []string{`content/terms/api-key.md:2:9: invalid TOML: expected value but found "True" instead: TOML writes text in double quotes (title = "API Key")`},
		},
		{
			name:  "invalid TOML",
			files: map[string]string{"content/terms/api-key.md": "+++\ntitle = \"A\"\nsummary = \n+++\n"},
			want:  []string{`content/terms/api-key.md:3:11: invalid TOML: expected value but found '\n' instead`},
		},
		{
			name:  "TOML unknown key is placed on its line",
			files: map[string]string{"content/terms/api-key.md": "+++\ntitle = \"A\"\nsummary = \"s\"\nupdated = 2026-05-16\ntagz = [\"x\"]\n+++\n"},
			want:  []string{`content/terms/api-key.md:5:1: unknown key "tagz" in a term (did you mean "tags"?)`},
		},
		{
			name:  "JSON unknown key is placed at the key",
			files: map[string]string{"content/terms/api-key.md": "{\n  \"title\": \"A\",\n  \"summary\": \"s\",\n  \"updated\": \"2026-05-16\",\n  \"relatd\": []\n}\n\n"},
			want:  []string{`content/terms/api-key.md:5:3: unknown key "relatd" in a term (did you mean "related"?)`},
		},
		{
			name:  "not UTF-8",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: \xff\n---\n"},
			want:  []string{`content/terms/api-key.md:1:1: not UTF-8 text: save the file as UTF-8`},
		}, {
			name: "not UTF-8: the settings, a framework, an interface text",
			files: map[string]string{
				"nhiglossary.yaml":             "title: Caf\xe9\n",
				"content/frameworks/nist.yaml": "name: Caf\xe9\n",
				"i18n/en.yaml":                 "home: Caf\xe9\n",
				"content/terms/api-key.md":     "---\ntitle: A\nsummary: s\nupdated: 2026-05-16\n---\n",
			},
			want: []string{
				`content/frameworks/nist.yaml:1:1: not UTF-8 text: save the file as UTF-8`,
				`i18n/en.yaml:1:1: not UTF-8 text: save the file as UTF-8`,
				`nhiglossary.yaml:1:1: not UTF-8 text: save the file as UTF-8`,
			},
		},

		{
			name:  "TOML key inside an array of tables is placed at the key",
			files: map[string]string{"content/terms/api-key.md": "+++\ntitle = \"A\"\nsummary = \"s\"\nupdated = 2026-05-16\n\n[[mappings]]\n  framework = \"x\"\n\n[[mappings]]\n  controll = \"C9\"\n+++\n"},
			want: []string{
				`content/terms/api-key.md:9:1: missing required key "framework" in a mapping`,
				`content/terms/api-key.md:10:3: unknown key "controll" in a mapping (did you mean "control"?)`,
			},
		},
		{
			name:  "TOML table header is placed at its name",
			files: map[string]string{"content/terms/api-key.md": "+++\ntitle = \"A\"\nsummary = \"s\"\nupdated = 2026-05-16\n[ reviewd ]\nby = \"Ann\"\n+++\n"},
			want:  []string{`content/terms/api-key.md:5:3: unknown key "reviewd" in a term (did you mean "reviewed"?)`},
		},
		{
			name:  "TOML values are placed where they start",
			files: map[string]string{"content/terms/api-key.md": "+++\ntitle = \"A\"\nsummary = \"s\"\nupdated = \"16/05/2026\"\ntags = 'secrets'\nrelated = [\n  \"a\",\n  {x = 1},\n]\ndraft = 1\n+++\n"},
			want: []string{
				`content/terms/api-key.md:4:11: "updated" must be a date written YYYY-MM-DD, not "16/05/2026"`,
				`content/terms/api-key.md:5:8: "tags" must be a list, not text: write [secrets]`,
				`content/terms/api-key.md:8:3: each item of "related" must be text, not a set of fields`,
				`content/terms/api-key.md:10:9: "draft" must be true or false, not a number`,
			},
		},
		{
			name:  "links in plain-text fields",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: A\nsummary: >-\n  Like a\n  [[Secret|secret]] kept long.\nupdated: 2026-05-16\ntakeaway: Rotate [[API Key]]s.\n---\n"},
			want: []string{
				`content/terms/api-key.md:5:3: warning: "summary" is plain text, so [[Secret|secret]] would show with its brackets: write "secret" and link it from the body`,
				`content/terms/api-key.md:7:18: warning: "takeaway" is plain text, so [[API Key]] would show with its brackets: write "API Key" and link it from the body`,
			},
		},
		{
			name:  "citations in plain-text fields",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: A\nsummary: Most keys leak [@gg].\nupdated: 2026-05-16\ntakeaway: 'Rotate [@1; @gg].'\nsources:\n  - {id: gg, title: G}\n---\nBody [@gg].\n"},
			want: []string{
				`content/terms/api-key.md:3:25: warning: "summary" is plain text, so [@gg] would show as written: cite the source in the body`,
				`content/terms/api-key.md:5:19: warning: "takeaway" is plain text, so [@1; @gg] would show as written: cite the source in the body`,
			},
		},
		{
			name:  "a citation with a prefix that cites nothing says how to write an @",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: A\nsummary: s\nupdated: 2026-05-16\nsources:\n  - {id: gg, title: G}\n---\nAsk [cc @alice].\n"},
			want:  []string{`content/terms/api-key.md:8:5: citation [@alice] names no source of this entry (its ids: gg); or, if the @ cites nothing, write \@alice`},
		},
		{
			// (No "[@" in it: the check must not look for one first.)
			name:  "a citation with a prefix in a plain-text field",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: A\nsummary: Most keys leak [see @gg].\nupdated: 2026-05-16\nsources:\n  - {id: gg, title: G}\n---\nBody [@gg].\n"},
			want:  []string{`content/terms/api-key.md:3:25: warning: "summary" is plain text, so [see @gg] would show as written: cite the source in the body`},
		},
		{
			name:  "lone CR line ends count as lines, as editors show them",
			files: map[string]string{"content/terms/api-key.md": "---\rtitle: A\rsummary: s\rupdated: 2026-05-16\rsummery: x\r---\r[[x\n"},
			want:  []string{`content/terms/api-key.md:5:1: unknown key "summery" in a term (did you mean "summary"?)`},
		},
		{
			name:  "TOML date-times are not dates, even at midnight",
			files: map[string]string{"content/terms/api-key.md": "+++\ntitle = \"A\"\nsummary = \"s\"\nupdated = 2026-01-02T00:00:00Z\nreviewed = {by = \"Ann\", on = 2026-01-02T10:00:00}\n+++\n"},
			want: []string{
				`content/terms/api-key.md:4:11: "updated" must be a date written YYYY-MM-DD, not "2026-01-02T00:00:00Z"`,
				`content/terms/api-key.md:5:30: "on" must be a date written YYYY-MM-DD, not "2026-01-02T10:00:00"`,
			},
		},
		{
			name:  "TOML dotted and quoted keys, CRLF line ends",
			files: map[string]string{"content/terms/api-key.md": "+++\r\ntitle = \"A\"\r\nsummary = \"s\"\r\nupdated = 2026-05-16\r\nreviewed.by = \"Ann\"\r\nreviewed . on = \"x\" # c\r\n\"tags\" = 1\r\n+++\r\n"},
			want: []string{
				`content/terms/api-key.md:6:17: "on" must be a date written YYYY-MM-DD, not "x"`,
				`content/terms/api-key.md:7:10: "tags" must be a list, not a number: write [1]`,
			},
		},
		{
			name:  "JSON values are placed where they start, in characters",
			files: map[string]string{"content/terms/api-key.md": "{\n  \"title\": \"Clé\", \"summary\": \"s\", \"updated\": \"2026-05-16\", \"draft\": \"no\"\n}\n"},
			want:  []string{`content/terms/api-key.md:2:69: "draft" must be true or false, not text`},
		},
		{
			name: "a byte order mark is dropped, in every format",
			files: map[string]string{
				"content/terms/yaml-bom.md": bom + okTerm,
				"content/terms/toml-bom.md": bom + "+++\ntitle = \"T\"\nsummary = \"s\"\nupdated = 2026-05-16\n+++\n",
				"content/terms/json-bom.md": bom + "{\n\"title\": \"J\", \"summary\": \"s\", \"updated\": \"2026-05-16\"\n}\n",
				"content/terms/bad-bom.md":  bom + "---\ntitle: B\nsummary: s\nupdated: 2026-05-16\ntagz: []\n---\n",
				"content/frameworks/f.yaml": bom + "nme: F\n",
				"nhiglossary.yaml":          bom + "autolink: frist\n",
			},
			want: []string{
				`content/frameworks/f.yaml:1:1: unknown key "nme" in a framework (did you mean "name"?)`,
				`content/terms/bad-bom.md:5:1: unknown key "tagz" in a term (did you mean "tags"?)`,
				`nhiglossary.yaml:1:11: "autolink" must be first, all or off, not "frist" (did you mean "first"?)`,
			},
		},
		{
			name: "file names that are not slugs, with accents folded in the suggestion",
			files: map[string]string{
				"content/terms/clé.md":                okTerm,
				"content/incidents/Big Leak.md":       "---\ntitle: L\ndate: 2025-01-01\nsummary: s\n---\n",
				"content/frameworks/Upper_Case.yaml":  "name: U\n",
				"content/frameworks/Ünïcode Ñame.yml": "name: U\n",
			},
			want: []string{
				`content/frameworks/Upper_Case.yaml:1:1: file name "Upper_Case.yaml" is not a framework id: rename it to "upper-case.yaml"`,
				`content/frameworks/Ünïcode Ñame.yml:1:1: file name "Ünïcode Ñame.yml" is not a framework id: rename it to "unicode-name.yaml"`,
				`content/incidents/Big Leak.md:1:1: file name "Big Leak.md" is not a slug: rename the file to "big-leak.md" or set "slug"`,
				`content/terms/clé.md:1:1: file name "clé.md" is not a slug: rename the file to "cle.md" or set "slug"`,
			},
		},
		{
			name: "empty optional values are absent, in every format",
			files: map[string]string{
				"content/terms/yaml-term.md": "---\ntitle: Y\nsummary: s\nupdated: 2026-05-16\nslug: \"\"\ncategory: \"\"\ntakeaway: '  '\nauthor: \"\"\ntags: \"\"\nmappings:\n  - framework: x\n    control: \"\"\n    relevance: \" \"\nsources:\n  - title: R\n    url: \"\"\n    date: \"\"\n    publisher: \"\"\ndraft: \"\"\n---\n",
				"content/terms/toml-term.md": "+++\ntitle = \"T\"\nsummary = \"s\"\nupdated = 2026-05-16\ncategory = \"\"\ntakeaway = ''\nauthor = \"\"\"  \"\"\"\n[[mappings]]\nframework = \"x\"\ncontrol = \"\"\n+++\n",
				"content/terms/json-term.md": "{\n\"title\": \"J\", \"summary\": \"s\", \"updated\": \"2026-05-16\",\n\"category\": \"\", \"takeaway\": \" \", \"author\": \"\", \"reviewed\": null\n}\n",
				"content/frameworks/f.yaml":  "name: F\nshort: \"\"\nversion: ''\nurl: \"\"\ndescription: \"\"\ncontrols:\n  - id: C1\n    title: One\n    url: \"\"\n",
				"nhiglossary.yaml":           "title: \"\"\nbase_url: \"\"\nautolink: \"\"\ndefault_author: \"\"\n",
			},
		},
		{
			name: "empty required values are errors, in every format",
			files: map[string]string{
				"content/terms/yaml-term.md": "---\ntitle: Y\nsummary: \"\"\nupdated: 2026-05-16\nmappings:\n  - framework: ''\nreviewed: {by: \" \", on: 2026-05-16}\n---\n",
				"content/terms/toml-term.md": "+++\ntitle = \"  \"\nsummary = \"s\"\nupdated = 2026-05-16\n+++\n",
				"content/terms/json-term.md": "{\n\"title\": \"J\", \"summary\": \"s\",\n\"updated\": \"\"\n}\n",
				"content/incidents/leak.md":  "---\ntitle: L\ndate: 2025-01-01\nsummary: \"\"\n---\n",
				"content/frameworks/f.yaml":  "name: \"\"\ncontrols:\n  - id: \"\"\n    title: One\n",
			},
			want: []string{
				`content/frameworks/f.yaml:1:1: "name" is required and must not be empty`,
				`content/frameworks/f.yaml:3:5: "id" is required and must not be empty`,
				`content/incidents/leak.md:4:1: "summary" is required and must not be empty`,
				`content/terms/json-term.md:3:1: "updated" is required and must not be empty`,
				`content/terms/toml-term.md:2:1: "title" is required and must not be empty`,
				`content/terms/yaml-term.md:3:1: "summary" is required and must not be empty`,
				`content/terms/yaml-term.md:6:5: "framework" is required and must not be empty`,
				`content/terms/yaml-term.md:7:12: "by" is required and must not be empty`,
			},
		},
		{
			name: "config errors",
			files: map[string]string{
				"content/terms/api-key.md": okTerm,
				"nhiglossary.yaml":         "title: T\nautolink: frist\nbase_url: ftp://x\nunsafe_html: yes please\ncolour: red\n",
			},
			want: []string{
				`nhiglossary.yaml:2:11: "autolink" must be first, all or off, not "frist" (did you mean "first"?)`,
				`nhiglossary.yaml:3:11: "base_url": "ftp://x" is not an absolute http(s) URL or a path starting with /`,
				`nhiglossary.yaml:4:14: "unsafe_html" must be true or false, not text`,
				`nhiglossary.yaml:5:1: unknown key "colour" in nhiglossary.yaml`,
			},
		},
		{
			name:  "a base URL with what a URL holds only percent-encoded",
			files: map[string]string{"content/terms/api-key.md": okTerm, "nhiglossary.yaml": "base_url: 'https://example.org/g/\"><script>{x}/'\n"},
			want:  []string{`nhiglossary.yaml:1:11: "base_url": "https://example.org/g/\"><script>{x}/" has "\"", which a URL holds only percent-encoded`},
		},
		{
			name:  "a base path with a line break",
			files: map[string]string{"content/terms/api-key.md": okTerm, "nhiglossary.yaml": "base_url: \"/g\\nDisallow: /x\"\n"},
			want:  []string{`nhiglossary.yaml:1:11: "base_url": "/g\nDisallow: /x" has "\n", which a URL holds only percent-encoded`},
		},
		{
			name:  "a base URL with an apostrophe, which a URL may hold",
			files: map[string]string{"content/terms/api-key.md": okTerm, "nhiglossary.yaml": "base_url: \"https://example.org/o'reilly/\"\n"},
		},
		{
			name: "framework problems",
			files: map[string]string{
				"content/terms/api-key.md":         okTerm,
				"content/frameworks/owasp.yaml":    "name: OWASP\ncontrols:\n  - id: NHI1\n    title: One\n  - id: nhi1\n    title: Again\n  - title: No id\n  - id: a/b\n    title: Slash\n",
				"content/frameworks/Bad Name.yaml": "name: X\n",
				"content/frameworks/no-name.yaml":  "short: X\n",
			},
			want: []string{
				`content/frameworks/Bad Name.yaml:1:1: file name "Bad Name.yaml" is not a framework id: rename it to "bad-name.yaml"`,
				`content/frameworks/no-name.yaml:1:1: missing required key "name" in a framework`,
				`content/frameworks/owasp.yaml:5:9: duplicate control id "nhi1" (first at line 3)`,
				`content/frameworks/owasp.yaml:7:5: missing required key "id" in a control`,
				`content/frameworks/owasp.yaml:8:9: control id "a/b" must not contain spaces, '/', '|' or brackets`,
			},
		},
		{
			name:  "source ids: a pattern, digits too, unique within the entry",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: API Key\nsummary: s\nupdated: 2026-05-16\nsources:\n  - {id: GG 2026, title: A}\n  - {id: '2', title: B}\n  - {id: gg, title: C}\n  - {id: gg, title: D}\n---\nAs [@gg-2026] says.\n"},
			want: []string{
				`content/terms/api-key.md:6:10: "id": "GG 2026" is not a source id: use lower-case letters, digits and hyphens, like "gg-2026"`,
				`content/terms/api-key.md:9:10: source id "gg" is used twice in "sources": ids must be unique within an entry`,
			},
		},
		{
			name: "citations must cite a source of their entry",
			files: map[string]string{
				"content/terms/api-key.md":  "---\ntitle: API Key\nsummary: s\nupdated: 2026-05-16\nexamples: [\"Leaked [@gg-2025].\"]\nsources:\n  - {id: gg-2026, title: A}\n  - {title: B}\n---\nKeys leak [@gg-2026; @3], `[@x]` is code.\n\nSee [@2] and [@verizon, p. 3], [see @gg-2026] and [cf. @gg-2062].\n",
				"content/incidents/leak.md": "---\ntitle: Leak\ndate: 2025-01-01\nsummary: Leaked [@1].\n---\n",
			},
			want: []string{
				`content/incidents/leak.md:4:17: a summary is shown on other pages, without its sources: cite [@1] in the body instead`,
				`content/terms/api-key.md:5:20: citation [@gg-2025] names no source of this entry (did you mean "gg-2026"?)`,
				`content/terms/api-key.md:10:11: citation [@3] cites a source by number, but the entry lists 2 sources: write [@1] to [@2]`,
				`content/terms/api-key.md:12:14: citation [@verizon] names no source of this entry (its ids: gg-2026)`,
				`content/terms/api-key.md:12:51: citation [@gg-2062] names no source of this entry (did you mean "gg-2026"?)`,
			},
		},
		{
			name:  "a tab in YAML indentation says tab",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: API Key\nsummary: s\nupdated: 2026-05-16\nrelated:\n\t- other\n---\n"},
			want:  []string{`content/terms/api-key.md:6:1: a tab indents this line: YAML indents with spaces only, so remove the tab, or replace the tab with 2 spaces`},
		},
		{
			name:  "a tab under a nested key counts the spaces that mend it",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: API Key\nsummary: s\nupdated: 2026-05-16\nreviewed:\n    by: Ann\n\ton: 2026-05-16\n---\n"},
			want:  []string{`content/terms/api-key.md:7:1: a tab indents this line: YAML indents with spaces only, so remove the tab, or replace the tab with 4 spaces`},
		},
		{
			name:  "a tab after a list item's dash says tab",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: API Key\nsummary: s\nupdated: 2026-05-16\ntags:\n  -\tx\n---\n"},
			want:  []string{`content/terms/api-key.md:6:4: a tab indents this line: YAML indents with spaces only, so replace the tab with spaces`},
		},
		{
			name:  "a tab yaml reads as text is not blamed for another line's error",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: API Key\nsummary: s\nupdated: 2026-05-16\ntags: [a,\n\tb]\nrelated: [x\n---\n"},
			want:  []string{`content/terms/api-key.md:7:1: invalid YAML: did not find expected ',' or ']'`},
		},
		{
			name:  "a tab yaml reads as text does not hide the one that indents",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: API Key\nsummary: s\nupdated: 2026-05-16\ntags: [a,\n\tb]\nrelated:\n\t- x\n---\n"},
			want:  []string{`content/terms/api-key.md:8:1: a tab indents this line: YAML indents with spaces only, so remove the tab, or replace the tab with 2 spaces`},
		},
		{
			name:  "a value starting with * is an alias, at its line",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: API Key\nupdated: 2026-05-16\nsummary: *Never* share a key.\n---\n"},
			want:  []string{`content/terms/api-key.md:4:10: a value that starts with "*" is a YAML alias: put the value in quotes`},
		},
		{
			name:  "an alias to no anchor, at its line",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: API Key\nupdated: 2026-05-16\nabbreviations: &k [K]\nsynonyms: *k\ntags:\n  - *b\nsummary: s\n---\n"},
			want:  []string{`content/terms/api-key.md:7:5: a value that starts with "*" is a YAML alias: put the value in quotes`},
		},
		{
			name:  "an indented first key is where yaml leaves out the keys after it",
			files: map[string]string{"content/terms/api-key.md": "---\n title: API Key\n# note\nsummary: s\nupdated: 2026-05-16\n---\n"},
			want:  []string{`content/terms/api-key.md:2:1: this first key is indented, so YAML reads only the lines indented as it is and leaves out every line from the first that is not: start each key at the beginning of its line`},
		},
		{
			name:  "indented keys with a key not indented after them, at the first",
			files: map[string]string{"content/terms/api-key.md": "---\n  title: API Key\n  summary: s\n  tags: [a]\nupdated: 2026-05-16\n---\n"},
			want:  []string{`content/terms/api-key.md:2:1: this first key is indented, so YAML reads only the lines indented as it is and leaves out every line from the first that is not: start each key at the beginning of its line`},
		},
		{
			name:  "indented keys whose values go on at a lesser indent are read",
			files: map[string]string{"content/terms/api-key.md": "---\n  title: API Key\n  tags: [x,\ny]\n  summary: \"a long\ntext\"\n  updated: 2026-05-16\n---\n"},
		},
		{
			name:  "keys all indented alike are read",
			files: map[string]string{"content/terms/api-key.md": "---\n  title: API Key\n # a comment\n  summary: s\n\n  updated: 2026-05-16\n---\n"},
		},
		{
			name:  "a colon in the first key's value says quote it",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: API Key: static\nupdated: 2026-05-16\nsummary: s\n---\n"},
			want:  []string{`content/terms/api-key.md:2:15: ": " in a value starts another key to YAML: write title: 'API Key: static'`},
		},
		{
			name:  "a key indented between two levels, at its line",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: API Key\nsummary: s\nupdated: 2026-05-16\nsources:\n  - title: A\n    publisher: P\n\n   url: https://example.org/\n---\n"},
			want:  []string{`content/terms/api-key.md:9:1: this line's indent lines up with no key above it, so YAML cannot tell what it belongs to: indent it by 4 spaces`},
		},
		{
			name:  "a key indented less than its siblings, at its line",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: API Key\nsummary: s\nupdated: 2026-05-16\nreviewed:\n    by: Ann\n  on: 2026-05-16\n---\n"},
			want:  []string{`content/terms/api-key.md:7:1: this line's indent lines up with no key above it, so YAML cannot tell what it belongs to: start it at the beginning of the line, or indent it by 4 spaces`},
		},
		{
			name:  "a stray space before a key: both levels as near are named",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: API Key\nsummary: s\nupdated: 2026-05-16\nreviewed:\n  by: Ann\n  on: 2026-05-16\n tags: [a]\n---\n"},
			want:  []string{`content/terms/api-key.md:8:1: this line's indent lines up with no key above it, so YAML cannot tell what it belongs to: start it at the beginning of the line, or indent it by 2 spaces`},
		},
		{
			name:  "a list item after a block of text is not folded into the text",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: API Key\nsummary: s\nupdated: 2026-05-16\nexamples:\n  - |\n    some text\n    more\n - plain\n---\n"},
			want:  []string{`content/terms/api-key.md:9:1: this line's indent lines up with no key above it, so YAML cannot tell what it belongs to: indent it by 2 spaces`},
		},
		{
			name:  "reviewed written as text shows how to write it",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: API Key\nsummary: s\nupdated: 2026-05-16\nreviewed: Jane Editor, 2026-05-16\n---\n"},
			want:  []string{`content/terms/api-key.md:5:11: "reviewed" must be a set of key: value fields, not text: write reviewed: {by: NAME, on: YYYY-MM-DD}`},
		},
		{
			name:  "a key under a list item is indented to the item's keys",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: A\nsummary: s\nupdated: 2026-01-01\nsources:\n  - title: S\n   url: https://e.org/\n---\n"},
			want:  []string{`content/terms/api-key.md:7:1: this line's indent lines up with no key above it, so YAML cannot tell what it belongs to: indent it by 4 spaces`},
		},
		{
			name:  "an indented first key is named when the text has another mistake too",
			files: map[string]string{"content/terms/api-key.md": "---\n title: A\nsummary: Note: it\nupdated: 2026-01-01\n---\n"},
			want:  []string{`content/terms/api-key.md:2:1: this first key is indented, so YAML reads only the lines indented as it is and leaves out every line from the first that is not: start each key at the beginning of its line`},
		},
		{
			name:  "a tab before a list item is not mended by joining the item above",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: A\nsummary: s\nupdated: 2026-01-01\ntags:\n  - x\n\t- y\n---\n"},
			want:  []string{`content/terms/api-key.md:7:1: a tab indents this line: YAML indents with spaces only, so replace the tab with 2 spaces`},
		},
		{
			name:  "an indented first key, then a list at the margin",
			files: map[string]string{"content/terms/api-key.md": "---\n  title: A\n  summary: s\n  updated: 2026-01-01\n  related:\n- b\n---\n"},
			want:  []string{`content/terms/api-key.md:2:1: this first key is indented, so YAML reads only the lines indented as it is and leaves out every line from the first that is not: start each key at the beginning of its line`},
		},
		{
			name:  "a tab before the first key: remove it",
			files: map[string]string{"content/terms/api-key.md": "---\n\ttitle: A\nsummary: s\nupdated: 2026-01-01\n---\n"},
			want:  []string{`content/terms/api-key.md:2:1: a tab indents this line: YAML indents with spaces only, so remove the tab`},
		},
		{
			name:  "a colon in a value says quote it, at the colon",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: API Key\nupdated: 2026-05-16\nsummary: Note: a key is a secret.\n---\n"},
			want:  []string{`content/terms/api-key.md:4:14: ": " in a value starts another key to YAML: write summary: 'Note: a key is a secret.'`},
		},
		{
			name:  "a colon in a value with quotes in it",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: API Key\nupdated: 2026-05-16\nsummary: Ü: the \"key\" is secret.\n---\n"},
			want:  []string{`content/terms/api-key.md:4:11: ": " in a value starts another key to YAML: write summary: 'Ü: the "key" is secret.'`},
		},
		{
			name:  "an unclosed quote, at the quote, not where yaml notices it",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: API Key\nsummary: \"A key\nupdated: 2026-05-16\ntags:\n  - 'it''s'\n  - \"C++\"\n---\n"},
			want:  []string{`content/terms/api-key.md:3:10: this quote is not closed on its line: end the value with ", or write it without quotes`},
		},
		{
			// A quoted value may go on over lines, a block of text or a
			// comment may hold a quote: those are no mistake.
			name:  "a quote that closes on a later line is not blamed for another mistake",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: Multi\n# summary: \"was this\nsummary: \"A summary an editor wrapped\n  over two lines, as YAML allows.\"\ntakeaway: >-\n  'Tis so.\ntags: [a, b\nupdated: 2026-05-16\n---\n"},
			want:  []string{`content/terms/api-key.md:8:1: invalid YAML: did not find expected ',' or ']'`},
		},
		{
			// (An escaped quote is no end: \" in double quotes, '' in single.)
			name:  "an unclosed quote in a list item, at the end of the front matter",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: API Key\nsummary: s\nupdated: 2026-05-16\nsynonyms:\n  - \"a \\\" b\"\n  - \"open \\\"\n---\n"},
			want:  []string{`content/terms/api-key.md:7:5: this quote is not closed on its line: end the value with ", or write it without quotes`},
		},
		{
			name:  "an unclosed single quote",
			files: map[string]string{"content/terms/api-key.md": "---\ntitle: API Key\nsummary: s\nupdated: 2026-05-16\nsynonyms:\n  - 'it''s'\n  - 'it''\n---\n"},
			want:  []string{`content/terms/api-key.md:7:5: this quote is not closed on its line: end the value with ', or write it without quotes`},
		},
		{
			name:  "a trailing comma in JSON is reported at the comma",
			files: map[string]string{"content/terms/api-key.md": "{\n\"title\": \"A\",\n\"summary\": \"s\",\n\"tags\": [\"x\", ],\n\"updated\": \"2026-05-16\",\n}\nBody\n"},
			want:  []string{`content/terms/api-key.md:4:13: invalid JSON: a comma before ]: remove it`},
		},
		{
			name:  "JSON front matter that does not close is a JSON error at its end",
			files: map[string]string{"content/terms/api-key.md": "{\n\"title\": \"API Key\",\n\"summary\": \"s\"\nBody\n"},
			want:  []string{`content/terms/api-key.md:4:1: invalid JSON: invalid character 'B' after object key:value pair`},
		},
		{
			// CONTENT.md: JSON front matter may be followed directly by
			// the body; its positions count from the brace's line.
			name:  "a body on the line of JSON's closing brace",
			files: map[string]string{"content/terms/api-key.md": "{\n\"title\": \"A\", \"summary\": \"s\", \"updated\": \"2026-05-16\"\n} Cited [@x].\n"},
			want:  []string{"content/terms/api-key.md:3:9: citation [@x] names no source: give the source `id: x` or cite it by number"},
		},
		{
			name: "warnings switched off by code; unknown codes and errors are not",
			files: map[string]string{
				"nhiglossary.yaml":         "warnings:\n  long-summary: off\n  orphan-trem: off\n  unknown-key: off\n  link-in-plain-text: maybe\n",
				"content/terms/api-key.md": "---\ntitle: API Key\nsummary: " + strings.Repeat("long ", 70) + "\nupdated: 2026-05-16\ncolour: red\n---\n",
			},
			want: []string{
				`content/terms/api-key.md:5:1: unknown key "colour" in a term`,
				`nhiglossary.yaml:3:3: warning: unknown warning code "orphan-trem" (did you mean "orphan-term"?); docs/diagnostics.md lists them`,
				`nhiglossary.yaml:4:3: warning: "unknown-key" is an error, and errors cannot be switched off: fix what it reports`,
				`nhiglossary.yaml:5:23: warning "link-in-plain-text" must be off or on, not "maybe"`,
			},
		},
		{
			name: "files in content/ that are not read, and a misspelt settings file",
			files: map[string]string{
				"nhiglossary.yml":                "title: X\n",
				"content/terms/api-key.md":       okTerm,
				"content/terms/secret.markdown":  okTerm,
				"content/terms/_draft-notes.txt": "kept on purpose",
				"content/terms/api-key.md~":      okTerm,
				"content/notes.txt":              "notes",
				"content/frameworks/owasp.json":  "{}",
				"content/incidents/.DS_Store":    "",
				"content/terms/SECRET3.MD":       okTerm,
				"content/terms/Api Key.DE.txt":   okTerm,
			},
			want: []string{
				`content/frameworks/owasp.json:1:1: warning: this file is not read: rename it to owasp.yaml; or start its name with _ to keep it here unread`,
				`content/notes.txt:1:1: warning: this file is not read: terms, frameworks and incidents are read from content/terms/*.md, content/frameworks/*.yaml and content/incidents/*.md; or start its name with _ to keep it here unread`,
				`content/terms/Api Key.DE.txt:1:1: warning: this file is not read: rename it to api-key.de.md; or start its name with _ to keep it here unread`,
				`content/terms/SECRET3.MD:1:1: warning: this file is not read: rename it to secret3.md; or start its name with _ to keep it here unread`,
				`content/terms/secret.markdown:1:1: warning: this file is not read: rename it to secret.md; or start its name with _ to keep it here unread`,
				`nhiglossary.yml:1:1: warning: this file is not read: rename it to nhiglossary.yaml`,
			},
		},
		{
			name: "the placeholder new writes, left in a published entry",
			files: map[string]string{
				"content/terms/api-key.md":  "---\ntitle: API Key\nsummary: >-\n  TODO: one or two sentences.\nupdated: 2026-05-16\n---\nText.\n\n## Why\n\nTODO: why it matters.\n",
				"content/terms/draft.md":    "---\ntitle: Draft\nsummary: \"TODO: later.\"\nupdated: 2026-05-16\ndraft: true\n---\nTODO: the definition.\n",
				"content/incidents/leak.md": "---\ntitle: Leak\ndate: 2026-01-02\nsummary: s\n---\n  TODO: what happened.\n",
			},
			want: []string{
				`content/incidents/leak.md:6:3: "TODO: what happened." is the text ` + "`nhiglossary new`" + ` writes for you to replace: write it, or keep the entry a draft (draft: true)`,
				`content/terms/api-key.md:4:3: "TODO: one or two sentences." is the text ` + "`nhiglossary new`" + ` writes for you to replace: write it, or keep the entry a draft (draft: true)`,
				`content/terms/api-key.md:11:1: "TODO: why it matters." is the text ` + "`nhiglossary new`" + ` writes for you to replace: write it, or keep the entry a draft (draft: true)`,
			},
		},
		{
			name: "incident problems",
			files: map[string]string{
				"content/terms/api-key.md":   okTerm,
				"content/incidents/leak.md":  "---\ntitle: Leak\nsummary: s\n---\n",
				"content/incidents/other.md": "---\ntitle: Other\ndate: 2025-13-01\nsummary: s\nsorces: []\n---\n",
			},
			want: []string{
				`content/incidents/leak.md:1:1: missing required key "date" in an incident`,
				`content/incidents/other.md:3:7: "date": "2025-13-01" is not a real date`,
				`content/incidents/other.md:5:1: unknown key "sorces" in an incident (did you mean "sources"?)`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := diagStrings(t, site(tt.files))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLoadReadsAllThreeFrontMatterFormats(t *testing.T) {
	fsys := site(map[string]string{
		"content/terms/yaml-term.md": "---\ntitle: YAML Term\nsummary: s\nupdated: 2026-05-16\nrelated: [toml-term]\n---\nYAML body.\n",
		"content/terms/toml-term.md": "+++\ntitle = \"TOML Term\"\nsummary = \"s\"\nupdated = 2026-05-16\nrelated = [\"json-term\"]\n+++\nTOML body.\n",
		"content/terms/json-term.md": "{\n  \"title\": \"JSON Term\",\n  \"summary\": \"s\",\n  \"updated\": \"2026-05-16\",\n  \"related\": [\"yaml-term\"]\n}\n\nJSON body.\n",
		// JSON's closing brace ends it: the body may follow at once.
		"content/terms/json-tight.md": "{\"title\": \"JSON Tight\", \"summary\": \"s\",\n\"updated\": \"2026-05-16\", \"related\": [\"yaml-term\"]}\nTight body.\n",
	})
	s, diags := Load(fsys)
	if len(diags) > 0 {
		t.Fatalf("unexpected diagnostics:\n%v", diags)
	}
	type row struct {
		Slug, Title, Related, Body string
		BodyLine                   int
		Updated                    time.Time
	}
	var got []row
	for _, term := range s.Terms {
		got = append(got, row{term.Slug.Value, term.Title.Value, term.Related[0].Value, term.Body.Text, term.Body.Pos.Line, term.Updated})
	}
	day := time.Date(2026, 5, 16, 0, 0, 0, 0, time.UTC)
	want := []row{
		{"json-term", "JSON Term", "yaml-term", "JSON body.\n", 8, day},
		{"json-tight", "JSON Tight", "yaml-term", "Tight body.\n", 3, day},
		{"toml-term", "TOML Term", "json-term", "TOML body.\n", 7, day},
		{"yaml-term", "YAML Term", "toml-term", "YAML body.\n", 7, day},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("terms (-want +got):\n%s", diff)
	}
}

func TestLoadFillsDefaults(t *testing.T) {
	fsys := site(map[string]string{
		"nhiglossary.yaml":         "title: T\nbase_url: https://example.org/kb\ndefault_author: Editors\n",
		"content/terms/api-key.md": okTerm,
	})
	s, diags := Load(fsys)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	term := s.Terms[0]
	if term.Slug.Value != "api-key" || term.Author != "Editors" || !term.Autolink || term.Draft {
		t.Errorf("defaults not applied: slug %q author %q autolink %v draft %v", term.Slug.Value, term.Author, term.Autolink, term.Draft)
	}
	if s.Config.BaseURL != "https://example.org/kb/" || s.Config.Autolink != "first" || s.Config.Language != "en" {
		t.Errorf("config defaults: %+v", s.Config)
	}
}

func TestEmptyOptionalValuesAreAbsent(t *testing.T) {
	fsys := site(map[string]string{
		"nhiglossary.yaml":           "default_author: Editors\nbase_url: ''\n",
		"content/terms/yaml-term.md": "---\ntitle: Y\nsummary: s\nupdated: 2026-05-16\nslug: ''\ncategory: \"\"\nauthor: \" \"\nmappings:\n  - framework: x\n    control: \"\"\n---\n",
		"content/terms/toml-term.md": "+++\ntitle = \"T\"\nsummary = \"s\"\nupdated = 2026-05-16\nslug = ''\ncategory = \"\"\nauthor = \" \"\n[[mappings]]\nframework = \"x\"\ncontrol = \"\"\n+++\n",
		"content/terms/json-term.md": "{\n\"title\": \"J\", \"summary\": \"s\", \"updated\": \"2026-05-16\", \"slug\": \"\",\n\"category\": \"\", \"author\": \" \", \"mappings\": [{\"framework\": \"x\", \"control\": \"\"}]\n}\n",
	})
	s, diags := Load(fsys)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	var got []string
	for _, term := range s.Terms {
		got = append(got, fmt.Sprintf("%s category=%q author=%q control=%q", term.Slug.Value, term.Category, term.Author, term.Mappings[0].Control.Value))
	}
	want := []string{
		`json-term category="" author="Editors" control=""`,
		`toml-term category="" author="Editors" control=""`,
		`yaml-term category="" author="Editors" control=""`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("terms (-want +got):\n%s", diff)
	}
	if s.Config.BaseURL != "/" {
		t.Errorf("base_url '' gave %q, want the default /", s.Config.BaseURL)
	}
}

func TestLoadSkipsEditorLeftovers(t *testing.T) {
	fsys := site(map[string]string{
		"content/terms/api-key.md":       okTerm,
		"content/terms/.api-key.md.swp":  "binary",
		"content/terms/.#api-key.md":     "lock",
		"content/terms/api-key.md~":      "backup",
		"content/terms/#api-key.md#":     "autosave",
		"content/terms/_drafts/notes.md": "notes",
	})
	s, diags := Load(fsys)
	if len(diags) > 0 || len(s.Terms) != 1 {
		t.Errorf("got %d terms, diagnostics %v; want only api-key", len(s.Terms), diags)
	}
}

func TestMarkdownPositions(t *testing.T) {
	fsys := site(map[string]string{
		"content/terms/api-key.md": "---\ntitle: A\nsummary: s\nupdated: 2026-05-16\nexamples:\n  - one [[x]]\n  - \"two [[y]]\"\n  - |\n    line one\n    see [[z]]\n---\nBody [[w]]\n",
	})
	s, diags := Load(fsys)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	term := s.Terms[0]
	at := func(m Markdown, needle string) string {
		return m.PosAt(strings.Index(m.Text, needle)).String()
	}
	got := []string{at(term.Examples[0], "[["), at(term.Examples[1], "[["), at(term.Examples[2], "[["), at(term.Body, "[[")}
	want := []string{
		"content/terms/api-key.md:6:9",
		"content/terms/api-key.md:7:10",
		"content/terms/api-key.md:10:9",
		"content/terms/api-key.md:12:6",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("positions (-want +got):\n%s", diff)
	}
}

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{
		"Mutual TLS (mTLS)":  "mutual-tls-mtls",
		"CI/CD Secret":       "ci-cd-secret",
		"  Just-in-Time  ":   "just-in-time",
		"X.509 Certificate":  "x-509-certificate",
		"!!!":                "",
		"API Key":            "api-key",
		"Re\u0301sume\u0301": "resume", // decomposed accents
		"Clé d'API":          "cle-d-api",
	} {
		if got := Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
}

// A file saved with CRLF line ends gives a body with LF ones, in every
// front-matter format: a CR inside fenced code would reach the page.
func TestCRLFBodiesReadAsLF(t *testing.T) {
	for name, src := range map[string]string{
		"yaml": "---\r\ntitle: A\r\nsummary: s\r\nupdated: 2026-05-16\r\n---\r\nText.\r\n\r\n```sh\r\necho hi\r\n```\r\n",
		"toml": "+++\r\ntitle = \"A\"\r\nsummary = \"s\"\r\nupdated = 2026-05-16\r\n+++\r\nText.\r\n\r\n```sh\r\necho hi\r\n```\r\n",
	} {
		t.Run(name, func(t *testing.T) {
			s, diags := Load(site(map[string]string{"content/terms/a.md": src}))
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			if got, want := s.Terms[0].Body.Text, "Text.\n\n```sh\necho hi\n```\n"; got != want {
				t.Errorf("body %q, want %q", got, want)
			}
			if got := s.Terms[0].Body.PosAt(strings.Index(s.Terms[0].Body.Text, "echo")); got.Line != 9 || got.Col != 1 {
				t.Errorf("echo is at %v, want line 9, column 1", got)
			}
		})
	}
}

// Frameworks are read like terms: a lone CR ends a line there too, so a
// [[link]] in a control's description is placed where editors see it.
func TestFrameworkLineEnds(t *testing.T) {
	for name, nl := range map[string]string{"LF": "\n", "CRLF": "\r\n", "CR": "\r"} {
		t.Run(name, func(t *testing.T) {
			fw := strings.ReplaceAll("\ufeffname: F\ncontrols:\n  - id: A\n    title: T\n    description: >-\n      first line\n      then [[x]]\n", "\n", nl)
			s, diags := Load(site(map[string]string{"content/terms/a.md": okTerm, "content/frameworks/f.yaml": fw}))
			if diags.HasErrors() || len(s.Frameworks) != 1 || len(s.Frameworks[0].Controls) != 1 {
				t.Fatalf("%v", diags)
			}
			d := s.Frameworks[0].Controls[0].Description
			if got := d.PosAt(strings.Index(d.Text, "[[")); got.Line != 7 || got.Col != 12 {
				t.Errorf("[[ placed at %v, want line 7, column 12", got)
			}
		})
	}
}

// LoadData parses the bytes it is given, with the kind and language of
// the file name: a preview hashes and parses the same bytes, whatever the
// file holds by then.
func TestLoadDataParsesTheBytesGiven(t *testing.T) {
	cfg := Config{Languages: []Language{{Code: "en"}, {Code: "de"}}}
	l := LoadData("content/terms/api-key.de.md", []byte("---\ntitle: API-Schlüssel\nsummary: S.\n---\nText.\n"), cfg)
	if l.Term == nil || l.Term.Title.Value != "API-Schlüssel" || l.Term.Lang != "de" || strings.TrimSpace(l.Term.Body.Text) != "Text." {
		t.Fatalf("%+v", l)
	}
	if l := LoadData("content/incidents/leak.md", []byte("---\ntitle: Leak\ndate: 2026-01-02\nsummary: S.\n---\n"), cfg); l.Incident == nil || l.Incident.Title.Value != "Leak" {
		t.Fatalf("%+v", l)
	}
}
