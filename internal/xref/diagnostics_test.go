package xref

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/diag"
)

// Frameworks shared by the mapping and link cases.
var (
	owasp = lines(
		"name: OWASP NHI Top 10",
		"controls:",
		"  - id: NHI2",
		"    title: Secret Leakage",
		"  - id: NHI7",
		"    title: Long-Lived Secrets",
	)
	nist = lines(
		"name: NIST CSF 2.0",
		"controls:",
		"  - id: PR.AA-01",
		"    title: Identities and credentials are managed",
		"  - id: PR.AA-05",
		"    title: Access permissions are managed",
		"  - id: PR.AT-01",
		"    title: Awareness and training",
	)
	zeroTrust = lines("name: NIST SP 800-207")
)

func TestDiagnostics(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		opts  Options
		want  []string
	}{
		// Names shared between terms.
		{
			name: "synonym shared by another term is allowed",
			files: map[string]string{
				"content/terms/api-key.md": term("API Key", "synonyms: [access key]", "related: [b]"),
				"content/terms/b.md":       term("Access Token", "synonyms: [Access  Key]", "related: [api-key]"),
			},
		},
		{
			name: "title already used as another term's abbreviation",
			files: map[string]string{
				"content/terms/a.md": term("Non-Human Identity", "abbreviations: [NHI]"),
				"content/terms/b.md": term("nhi"),
			},
			want: []string{
				`content/terms/a.md:5:17: abbreviation "NHI" is also used by content/terms/b.md:2:8 (title of nhi)`,
				`content/terms/b.md:2:8: title "nhi" is already used by content/terms/a.md:5:17 (abbreviation of Non-Human Identity)`,
			},
		},
		{
			name: "slug override already used by another term",
			files: map[string]string{
				"content/terms/api-key.md": term("API Key"),
				"content/terms/key.md":     term("Key", "slug: api-key"),
			},
			want: []string{
				`content/terms/api-key.md:1:1: slug "api-key" is also used by content/terms/key.md:5:7 (slug of Key)`,
				`content/terms/key.md:5:7: slug "api-key" is already used by content/terms/api-key.md (slug of API Key)`,
			},
		},
		{
			name: "synonym repeating the term's own title is a warning",
			files: map[string]string{
				"content/terms/api-key.md": term("API Key", "synonyms: [api key, API token]"),
			},
			want: []string{`content/terms/api-key.md:5:12: warning: synonym "api key" repeats this term's title; remove it`},
		},
		{
			// The title's key is the slug's too: the slug's claim comes
			// first, and the synonym still repeats the title.
			name: "a name repeating a title that is the slug's words is a warning",
			files: map[string]string{
				"content/terms/alpha.md": term("Alpha", "synonyms: [Alpha]", "related: [gamma]"),
				"content/terms/gamma.md": term("Gamma", "abbreviations: [Gamma]", "related: [alpha]"),
			},
			want: []string{
				`content/terms/alpha.md:5:12: warning: synonym "Alpha" repeats this term's title; remove it`,
				`content/terms/gamma.md:5:17: warning: abbreviation "Gamma" repeats this term's title; remove it`,
			},
		},
		{
			name: "slug equal to the term's own abbreviation is fine",
			files: map[string]string{
				"content/terms/nhi.md": term("Non-Human Identity", "abbreviations: [NHI]"),
			},
		},
		{
			name: "incident slug already used",
			files: map[string]string{
				"content/terms/a.md":     term("A"),
				"content/incidents/a.md": incident("Incident A"),
				"content/incidents/b.md": incident("Incident B", "slug: a"),
			},
			want: []string{`content/incidents/b.md:5:7: slug "a" is already used by content/incidents/a.md (slug of Incident A)`},
		},
		{
			name: "framework id used by two files",
			files: map[string]string{
				"content/terms/a.md":            term("A"),
				"content/frameworks/owasp.yaml": owasp,
				"content/frameworks/owasp.yml":  owasp,
			},
			want: []string{`content/frameworks/owasp.yml:1:1: framework id "owasp" is already used by content/frameworks/owasp.yaml`},
		},

		// related
		{
			name: "unknown related term",
			files: map[string]string{
				"content/terms/api-key.md":        term("API Key", "related: [secret-sprawl]"),
				"content/terms/secrets-sprawl.md": term("Secrets Sprawl"),
			},
			want: []string{`content/terms/api-key.md:5:11: unknown related term "secret-sprawl" (did you mean "secrets-sprawl"?)`},
		},
		{
			name: "unknown related term far from any name",
			files: map[string]string{
				"content/terms/api-key.md": term("API Key", "related: [quantum-widget]"),
			},
			want: []string{`content/terms/api-key.md:5:11: unknown related term "quantum-widget"`},
		},
		{
			name: "related by an old slug works, with a warning",
			files: map[string]string{
				"content/terms/api-key.md": term("API Key", "redirects: [apikey]"),
				"content/terms/b.md":       term("B", "related: [apikey]"),
			},
			want: []string{`content/terms/b.md:5:11: warning: related term "apikey" is an old slug of API Key; write "api-key"`},
		},
		{
			name: "related incident",
			files: map[string]string{
				"content/terms/api-key.md":             term("API Key", "related: [deepseek-breach]"),
				"content/incidents/deepseek-breach.md": incident("DeepSeek breach"),
			},
			want: []string{`content/terms/api-key.md:5:11: related "deepseek-breach" is an incident, not a term`},
		},
		{
			name: "related control",
			files: map[string]string{
				"content/terms/api-key.md":      term("API Key", "related: [owasp/nhi2]"),
				"content/frameworks/owasp.yaml": owasp,
			},
			want: []string{`content/terms/api-key.md:5:11: related "owasp/nhi2" is a control, not a term`},
		},
		{
			name: "related to itself",
			files: map[string]string{
				"content/terms/api-key.md": term("API Key", "related: [API key]"),
			},
			want: []string{`content/terms/api-key.md:5:11: related "API key" is this term itself; remove it`},
		},
		{
			name: "related twice, by two names",
			files: map[string]string{
				"content/terms/api-key.md": term("API Key", "related: [b, B Term]"),
				"content/terms/b.md":       term("B Term", "related: [api-key]"),
			},
			want: []string{`content/terms/api-key.md:5:14: warning: related term "B Term" is listed twice`},
		},
		{
			name: "related draft",
			files: map[string]string{
				"content/terms/api-key.md": term("API Key", "related: [b]"),
				"content/terms/b.md":       term("B", "draft: true"),
			},
			want: []string{`content/terms/api-key.md:5:11: related term "b" is a draft; publish it or remove the link`},
		},
		{
			name: "related draft with drafts published",
			files: map[string]string{
				"content/terms/api-key.md": term("API Key", "related: [b]"),
				"content/terms/b.md":       term("B", "draft: true", "related: [api-key]"),
			},
			opts: Options{Drafts: true},
		},
		{
			name: "a draft may relate to a draft, and its mistakes are still reported",
			files: map[string]string{
				"content/terms/a.md": term("A", "draft: true", "related: [b, nope]"),
				"content/terms/b.md": term("B", "draft: true"),
			},
			want: []string{`content/terms/a.md:6:14: unknown related term "nope"`},
		},
		{
			name: "related name shared by two terms",
			files: map[string]string{
				"content/terms/a.md": term("A", "synonyms: [key]"),
				"content/terms/b.md": term("B", "synonyms: [key]"),
				"content/terms/c.md": term("C", "related: [KEY]"),
			},
			// Reported at both names; the related entry is no second error.
			want: []string{
				`content/terms/c.md:5:11: related term "KEY" is shared by 2 terms: write "a" for A or "b" for B`,
			},
		},
		{
			name: "empty related name",
			files: map[string]string{
				"content/terms/a.md": term("A", `related: [""]`),
			},
			want: []string{`content/terms/a.md:5:12: empty name in the related list; remove it`},
		},

		// incidents
		{
			name: "unknown incident",
			files: map[string]string{
				"content/terms/api-key.md":             term("API Key", "incidents: [deepseek-breech]"),
				"content/incidents/deepseek-breach.md": incident("DeepSeek breach"),
			},
			want: []string{`content/terms/api-key.md:5:13: unknown incident "deepseek-breech" (did you mean "deepseek-breach"?)`},
		},
		{
			name: "incident that is a term",
			files: map[string]string{
				"content/terms/api-key.md": term("API Key", "incidents: [b]"),
				"content/terms/b.md":       term("B"),
			},
			want: []string{`content/terms/api-key.md:5:13: incident "b" is a term, not an incident; list it under related`},
		},
		{
			name: "incident by title, listed twice",
			files: map[string]string{
				"content/terms/api-key.md":             term("API Key", "incidents: [DeepSeek Breach, deepseek-breach]"),
				"content/incidents/deepseek-breach.md": incident("DeepSeek breach"),
			},
			want: []string{`content/terms/api-key.md:5:30: warning: incident "deepseek-breach" is listed twice`},
		},
		{
			name: "draft incident",
			files: map[string]string{
				"content/terms/api-key.md":  term("API Key", "incidents: [leak]"),
				"content/incidents/leak.md": incident("Leak", "draft: true"),
			},
			want: []string{`content/terms/api-key.md:5:13: incident "leak" is a draft; publish it or remove the link`},
		},
		{
			name: "incident title shared by two incidents",
			files: map[string]string{
				"content/terms/api-key.md": term("API Key", "incidents: [token leak]"),
				"content/incidents/a.md":   incident("Token leak"),
				"content/incidents/b.md":   incident("Token Leak"),
			},
			want: []string{`content/terms/api-key.md:5:13: incident "token leak" is ambiguous: title of Token leak at content/incidents/a.md:2:8, and title of Token Leak at content/incidents/b.md:2:8: write "a" or "b"`},
		},
		{
			// CONTENT.md: a target that resolves to two things is an
			// error with a did-you-mean.
			name: "a link to an incident title two incidents have",
			files: map[string]string{
				"content/terms/api-key.md": term("API Key", "---", "See [[Token leak]]."),
				"content/incidents/a.md":   incident("Token leak"),
				"content/incidents/b.md":   incident("Token Leak"),
			},
			want: []string{`content/terms/api-key.md:6:5: link target "Token leak" is ambiguous: title of Token leak at content/incidents/a.md:2:8, and title of Token Leak at content/incidents/b.md:2:8: write [[a]] or [[b]]`},
		},

		// mappings
		{
			name: "unknown framework",
			files: map[string]string{
				"content/terms/api-key.md":                 term("API Key", "mappings:", "  - framework: owasp-nhi-top10"),
				"content/frameworks/owasp-nhi-top-10.yaml": owasp,
			},
			want: []string{`content/terms/api-key.md:6:16: unknown framework "owasp-nhi-top10" (did you mean "owasp-nhi-top-10"?)`},
		},
		{
			name: "unknown control",
			files: map[string]string{
				"content/terms/api-key.md":           term("API Key", "mappings:", "  - framework: nist-csf-2", "    control: PR.AC-1"),
				"content/frameworks/nist-csf-2.yaml": nist,
			},
			want: []string{`content/terms/api-key.md:7:14: unknown control "PR.AC-1" in nist-csf-2 (did you mean "PR.AA-01"?)`},
		},
		{
			name: "control id in another house style",
			files: map[string]string{
				"content/terms/api-key.md":    term("API Key", "mappings:", "  - framework: top", "    control: NHI-02", "  - framework: top", "    control: nhi10x", "  - framework: top", "    control: A_1"),
				"content/frameworks/top.yaml": "name: Top\ncontrols:\n" + topControls,
			},
			want: []string{
				`content/terms/api-key.md:7:14: unknown control "NHI-02" in top (did you mean "NHI2"?)`,
				`content/terms/api-key.md:9:14: unknown control "nhi10x" in top (did you mean "NHI10"?)`,
				`content/terms/api-key.md:11:14: unknown control "A_1" in top (did you mean "A-1"?)`,
			},
		},
		{
			name: "control of a framework that lists none",
			files: map[string]string{
				"content/terms/api-key.md":                term("API Key", "mappings:", "  - framework: nist-sp-800-207", "    control: T1"),
				"content/frameworks/nist-sp-800-207.yaml": zeroTrust,
			},
			want: []string{`content/terms/api-key.md:7:14: framework nist-sp-800-207 lists no controls, so it takes framework-level mappings only; remove control "T1"`},
		},
		{
			name: "control in another case is fine, twice is a warning",
			files: map[string]string{
				"content/terms/api-key.md": term("API Key", "mappings:",
					"  - framework: owasp",
					"    control: nhi2",
					"  - framework: owasp",
					"    control: NHI2"),
				"content/frameworks/owasp.yaml": owasp,
			},
			want: []string{`content/terms/api-key.md:8:5: warning: mapping to owasp/NHI2 is listed twice`},
		},

		// [[links]]
		{
			name: "unknown link target in the body",
			files: map[string]string{
				"content/terms/api-key.md":        term("API Key", "related: [secrets-sprawl]", "---", "Keys leak.", "See [[Secret Sprawl]]."),
				"content/terms/secrets-sprawl.md": term("Secrets Sprawl", "related: [api-key]"),
			},
			want: []string{`content/terms/api-key.md:8:5: unknown link target "Secret Sprawl" (did you mean "Secrets Sprawl"?)`},
		},
		{
			name: "a link to a section of a term says links go to pages",
			files: map[string]string{
				"content/terms/api-key.md":        term("API Key", "related: [secrets-sprawl]", "---", "See [[secrets-sprawl#why]], [[C#]] and [[nope#why]]."),
				"content/terms/secrets-sprawl.md": term("Secrets Sprawl", "related: [api-key]"),
			},
			want: []string{
				`content/terms/api-key.md:7:5: link target "secrets-sprawl#why" names a section of a page: a [[link]] goes to a whole page; write [[secrets-sprawl]]`,
				`content/terms/api-key.md:7:29: unknown link target "C#"`,
				`content/terms/api-key.md:7:40: unknown link target "nope#why"`,
			},
		},
		{
			name: "unknown link targets in every Markdown field",
			files: map[string]string{
				"content/terms/api-key.md": term("API Key",
					"examples:",
					"  - Plain [[nope-1]].",
					"  - |",
					"    Literal",
					"    then [[nope-8]].",
					"mappings:",
					"  - framework: owasp",
					"    relevance: See [[nope-2]].",
					"  - framework: owasp",
					"    control: NHI2",
					"    relevance: |",
					"      Literal",
					"      then [[nope-3]].",
				),
				"content/incidents/leak.md": lines(
					"---",
					"title: Leak",
					"date: 2025-01-01",
					"summary: A [[nope-4]] leak.",
					"---",
					"Body [[nope-5]].",
				),
				"content/frameworks/owasp.yaml": lines(
					"name: OWASP NHI Top 10",
					"description: About [[nope-6]].",
					"controls:",
					"  - id: NHI2",
					"    title: Secret Leakage",
					"    description: Leaks [[nope-7]].",
				),
			},
			want: []string{
				`content/frameworks/owasp.yaml:2:20: unknown link target "nope-6"`,
				`content/frameworks/owasp.yaml:6:24: unknown link target "nope-7"`,
				`content/incidents/leak.md:4:12: unknown link target "nope-4"`,
				`content/incidents/leak.md:6:6: unknown link target "nope-5"`,
				`content/terms/api-key.md:6:11: unknown link target "nope-1"`,
				`content/terms/api-key.md:9:10: unknown link target "nope-8"`,
				`content/terms/api-key.md:12:20: unknown link target "nope-2"`,
				`content/terms/api-key.md:17:12: unknown link target "nope-3"`,
			},
		},
		{
			name: "links in code are not links",
			files: map[string]string{
				"content/terms/api-key.md": term("API Key", "---", "`[[nope]]`", "```", "[[nope]]", "```"),
			},
		},
		{
			name: "link to a name two terms share",
			files: map[string]string{
				"content/terms/a.md": term("A", "abbreviations: [K]"),
				"content/terms/b.md": term("B", "abbreviations: [k]"),
				"content/terms/c.md": term("C", "---", "A [[K]]."),
			},
			// Reported at both names; the link is no second error.
			want: []string{
				`content/terms/c.md:6:3: link target "K" is shared by 2 terms: write [[a|K]] for A or [[b|K]] for B`,
			},
		},
		{
			name: "link to a draft",
			files: map[string]string{
				"content/terms/a.md": term("A", "related: [c]", "---", "See [[B]]."),
				"content/terms/b.md": term("B", "draft: true"),
				"content/terms/c.md": term("C", "related: [a]"),
			},
			want: []string{`content/terms/a.md:7:5: link target "B" is a draft; publish it or remove the link`},
		},
		{
			name: "the preview shows drafts but still reports what build rejects",
			files: map[string]string{
				"content/terms/a.md": term("A", "related: [b]", "---", "See [[B]]."),
				"content/terms/b.md": term("B", "draft: true", "---", "See [[A]]."),
			},
			opts: Options{Drafts: true, ReportDraftLinks: true},
			want: []string{
				`content/terms/a.md:5:11: warning: related term "b" is a draft: the preview shows it, but build will fail until you publish it or remove it`,
				`content/terms/a.md:7:5: warning: link target "B" is a draft: the preview shows it, but build will fail until you publish it or remove the link`,
			},
		},
		{
			name: "the preview reports a draft broader term or replacement too",
			files: map[string]string{
				"content/terms/a.md": term("A", "broader: [b]"),
				"content/terms/b.md": term("B", "draft: true", "related: [a]"),
				"content/terms/c.md": term("C", "deprecated: true", "replaced_by: b", "related: [a]"),
			},
			opts: Options{Drafts: true, ReportDraftLinks: true},
			want: []string{
				`content/terms/a.md:5:11: warning: broader term "b" is a draft: the preview shows it, but build will fail until you publish it or remove it`,
				`content/terms/c.md:6:14: warning: replacement "b" is a draft: the preview shows it, but build will fail until you publish it or name another term`,
			},
		},
		{
			name: "drafts built as published report nothing",
			files: map[string]string{
				"content/terms/a.md": term("A", "related: [b]", "---", "See [[B]]."),
				"content/terms/b.md": term("B", "draft: true", "---", "See [[A]]."),
			},
			opts: Options{Drafts: true},
		},
		{
			name: "Markdown that would not reach the reader as written",
			files: map[string]string{
				"content/terms/a.md": term("A", "examples: [\"See [it](/terms/b/).\"]", "---", "See [x](b.md), [[B and H<sub>2</sub>O.", "", "An empty [[]]."),
				"content/terms/b.md": term("B", "related: [a]"),
			},
			want: []string{
				`content/terms/a.md:5:17: link "/terms/b/" starts at the server's root, so it breaks when the site is published under a sub-path: write [[b|it]]`,
				`content/terms/a.md:7:5: link to the file "b.md" is broken on the site, which has pages, not files: write [[b|x]]`,
				`content/terms/a.md:7:16: [[ is not closed on its line: write [[B and H<sub>2</sub>O.]]`,
				`content/terms/a.md:7:25: warning: raw HTML <sub> is left out because unsafe_html is off, and its text runs into the words around it (H<sub>2</sub>O shows as H2O): write it in Markdown, or set unsafe_html: true in nhiglossary.yaml`,
				`content/terms/a.md:9:10: empty [[]] names no term: write the name inside, or remove the brackets`,
			},
		},
		{
			name: "an updated date in the future, by the clock given",
			files: map[string]string{
				"content/terms/a.md": term("A"),
			},
			opts: Options{Now: time.Date(2025, 12, 31, 23, 0, 0, 0, time.UTC)},
			want: []string{`content/terms/a.md:4:10: warning: "updated" is 2026-01-01, after today (2025-12-31): write the date of the last change`},
		},
		{
			name: "an updated date of today is fine",
			files: map[string]string{
				"content/terms/a.md": term("A"),
			},
			opts: Options{Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)},
		},
		{
			name: "link from a draft to a draft",
			files: map[string]string{
				"content/terms/a.md": term("A", "draft: true", "---", "See [[B]]."),
				"content/terms/b.md": term("B", "draft: true", "---", "See [[A]]."),
			},
		},
		{
			name: "link from a published incident to a draft term",
			files: map[string]string{
				"content/terms/b.md":        term("B", "draft: true"),
				"content/incidents/leak.md": incident("Leak", "---", "[[B]]"),
			},
			want: []string{`content/incidents/leak.md:6:1: link target "B" is a draft; publish it or remove the link`},
		},
		{
			name: "link to the term itself, an incident and a control",
			files: map[string]string{
				"content/terms/a.md":            term("A", "---", "[[a]] [[Leak]] [[OWASP/nhi7]]"),
				"content/incidents/leak.md":     incident("Leak"),
				"content/frameworks/owasp.yaml": owasp,
			},
		},
		{
			name: "link by an old slug works, with a warning",
			files: map[string]string{
				"content/terms/api-key.md": term("API Key", "redirects: [apikey]", "related: [b]"),
				"content/terms/b.md":       term("B", "---", "[[apikey]]"),
			},
			want: []string{`content/terms/b.md:6:1: warning: link target "apikey" is an old slug of API Key; write [[api-key]]`},
		},
		{
			name: "an old slug that is also another term's synonym is that term's",
			files: map[string]string{
				"content/terms/api-key.md": term("API Key", "redirects: [token]", "related: [b]"),
				"content/terms/b.md":       term("B", "synonyms: [token]", "related: [api-key]", "---", "[[token]]"),
			},
		},
		{
			name: "a labelled link in a table cell needs its bar escaped",
			files: map[string]string{
				"content/terms/a.md": term("A", "related: [b]"),
				"content/terms/b.md": term("B", "related: [a]", "---", "| x | y |", "|---|---|", "| [[a|the A]] | [[a\\|A]] |", "", "Not a table: [[a|A]]."),
			},
			want: []string{`content/terms/b.md:9:3: warning: the | in [[a|the A]] ends the table cell; write [[a\|the A]]`},
		},
		{
			// A table need not have outer bars; a cell past its columns is
			// left out, links and all, and escaping would not bring it back.
			name: "a link in a cell the table leaves out is no link",
			files: map[string]string{
				"content/terms/a.md": term("A", "related: [b]"),
				"content/terms/b.md": term("B", "related: [a]", "---", "x | y", "--|--", "[[a|A]] | z", "p | q | [[a|the A]] | [[nope]]"),
			},
			want: []string{
				`content/terms/b.md:9:1: warning: the | in [[a|A]] ends the table cell; write [[a\|A]]`,
				`content/terms/b.md:10:9: warning: this table row has more cells than the table has columns, and the page leaves out the rest of the row from here: add the column to the header and the |---| row, or write a | that is text as \|`,
			},
		},
		{
			name: "an old slug of a draft",
			files: map[string]string{
				"content/terms/api-key.md": term("API Key", "redirects: [apikey]", "draft: true"),
				"content/terms/b.md":       term("B", "related: [apikey]"),
			},
			want: []string{
				`content/terms/b.md:5:11: related term "apikey" is a draft; publish it or remove the link`,
			},
		},

		// redirects
		{
			name: "redirect that is another term's slug",
			files: map[string]string{
				"content/terms/api-key.md": term("API Key", "redirects: [key]"),
				"content/terms/key.md":     term("Key"),
			},
			want: []string{`content/terms/api-key.md:5:13: redirect "key" is already used by content/terms/key.md (slug of Key)`},
		},
		{
			name: "redirect that is another term's redirect",
			files: map[string]string{
				"content/terms/a.md": term("A", "redirects: [old]"),
				"content/terms/b.md": term("B", "redirects: [other, old]"),
			},
			want: []string{`content/terms/b.md:5:20: redirect "old" is already used by content/terms/a.md:5:13 (redirect of A)`},
		},
		{
			name: "redirect that is the term's own slug",
			files: map[string]string{
				"content/terms/a.md": term("A", "redirects: [a]"),
			},
			want: []string{`content/terms/a.md:5:13: redirect "a" is this term's own slug; remove it`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := resolve(t, tt.files, tt.opts)
			got = withoutOrphans(got)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
		})
	}
}

// withoutOrphans drops the warnings about terms nothing links to, which
// most small test sites would get; TestOrphanWarning covers them.
func withoutOrphans(ds []string) []string {
	var out []string
	for _, d := range ds {
		if !strings.Contains(d, ": warning: no other term links to ") {
			out = append(out, d)
		}
	}
	return out
}

func TestOrphanWarning(t *testing.T) {
	_, got := resolve(t, map[string]string{
		"content/terms/a.md": term("A", "related: [b]"),
		"content/terms/b.md": term("B", "---", "[[B]] links only to itself."),
		"content/terms/c.md": term("C", "draft: true", "related: [b]", "---", "Drafts do not count: [[A]]."),
	}, Options{})
	want := []string{
		`content/terms/a.md:2:8: warning: no other term links to "A"; add it to a related list or link it with [[A]]`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

// topControls are NHI1..NHI10 plus two ids alike but for punctuation.
var topControls = func() string {
	var b strings.Builder
	for i := 1; i <= 10; i++ {
		fmt.Fprintf(&b, "  - {id: NHI%d, title: T%d}\n", i, i)
	}
	return b.String() + "  - {id: A.1, title: Dot}\n  - {id: A-1, title: Dash}\n"
}()

// TestOneMistakeOneError loads sites with a broken file and checks that
// nothing else is blamed for it.
func TestOneMistakeOneError(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{
			name: "a term whose front matter does not parse still owns its slug",
			files: map[string]string{
				"content/terms/a.md": "---\ntitle: [A\n---\n",
				"content/terms/b.md": term("B", "related: [a]", "---", "See [[a]] and [[A]]."),
			},
			want: []string{`content/terms/a.md:3:1: invalid YAML: did not find expected ',' or ']'`},
		},
		{
			name: "nor by the names read before its mistake",
			files: map[string]string{
				"content/terms/a.md": "---\ntitle: Alpha Key\nabbreviations: [AK]\nsynonyms: [first key]\nsummary: [oops\nupdated: 2026-01-01\n---\n",
				"content/terms/b.md": term("B", "related: [Alpha Key, AK]", "broader: [first key]", "---", "See [[Alpha Key]], [[AK]] and [[first key]]."),
			},
			want: []string{`content/terms/a.md:5:1: invalid YAML: did not find expected ',' or ']'`},
		},
		{
			// yaml finds an unclosed quote where the next one is, lines
			// below it.
			name: "nor when the mistake is far above where yaml finds it",
			files: map[string]string{
				"content/terms/a.md": "---\ntitle: Alpha Key\nsummary: \"A key\nabbreviations: [AK]\nsynonyms: [first key]\ncategory: Keys\nupdated: 2026-01-01\ntags: [\"C++\"]\n---\n",
				"content/terms/b.md": term("B", "related: [Alpha Key]", "---", "See [[Alpha Key]]."),
			},
			want: []string{`content/terms/a.md:3:10: this quote is not closed on its line: end the value with ", or write it without quotes`},
		},
		{
			name: "nor when yaml names no line",
			files: map[string]string{
				"content/terms/a.md": "---\ntitle: Alpha Key\ntags: *x\nsummary: s\nupdated: 2026-01-01\n---\n",
				"content/terms/b.md": term("B", "related: [Alpha Key]", "---", "See [[Alpha Key]]."),
			},
			want: []string{`content/terms/a.md:3:7: a value that starts with "*" is a YAML alias: put the value in quotes`},
		},
		{
			name: "nor as a broader term or a replacement",
			files: map[string]string{
				"content/terms/a.md": "---\ntitle: [A\n---\n",
				"content/terms/b.md": term("B", "broader: [a]"),
				"content/terms/c.md": term("C", "deprecated: true", "replaced_by: a", "related: [b]"),
			},
			want: []string{`content/terms/a.md:3:1: invalid YAML: did not find expected ',' or ']'`},
		},
		{
			name: "an incident whose file does not parse still owns its slug",
			files: map[string]string{
				"content/incidents/leak.md": "no front matter\n",
				"content/terms/b.md":        term("B", "incidents: [leak]"),
			},
			want: []string{`content/incidents/leak.md:1:1: missing front matter: start the file with a --- line, the fields, and another --- line`},
		},
		{
			name: "a framework whose file does not parse still owns its id and its controls",
			files: map[string]string{
				"content/frameworks/top.yaml": "name: Top\ncontrols:\n  - id: NHI1\n    title: One\n   description: x\n",
				"content/terms/b.md":          term("B", "mappings:", "  - framework: top", "  - {framework: Top, control: NHI1}", "---", "See [[top/NHI1]]."),
				"content/incidents/leak.md":   "---\ntitle: Leak\ndate: 2025-01-01\nsummary: See [[top/NHI2]].\n---\n",
				// A bare id is no link target nor term, read or not.
				"content/terms/c.md": term("C", "related: [top]", "---", "See [[Top]]."),
			},
			want: []string{
				`content/frameworks/top.yaml:5:1: this line's indent lines up with no key above it, so YAML cannot tell what it belongs to: indent it by 4 spaces`,
				`content/terms/c.md:5:11: unknown related term "top"`,
				`content/terms/c.md:7:5: unknown link target "Top"`,
			},
		},
		{
			name: "a control whose id is not one still owns it, and is suggested to no one",
			files: map[string]string{
				"content/frameworks/top.yaml": "name: Top\ncontrols:\n  - {id: NHI 5, title: Five}\n  - {id: NHI6, title: Six}\n",
				"content/terms/b.md":          term("B", "mappings:", "  - {framework: top, control: NHI5}", "  - {framework: top, control: nhi-05}", "  - {framework: top, control: NHI7}"),
			},
			want: []string{
				`content/frameworks/top.yaml:3:10: control id "NHI 5" must not contain spaces, '/', '|' or brackets`,
				`content/terms/b.md:8:31: unknown control "NHI7" in top (did you mean "NHI6"?)`,
			},
		},
		{
			name: "an unread term does not own what a framework's controls are named",
			files: map[string]string{
				"content/terms/ci.md": "---\ntitle: [CI\n---\n",
				"content/terms/b.md":  term("B", "---", "See [[CI/CD Pipeline]]."),
			},
			want: []string{
				`content/terms/b.md:6:5: unknown link target "CI/CD Pipeline"`,
				`content/terms/ci.md:3:1: invalid YAML: did not find expected ',' or ']'`,
			},
		},
		{
			name: "a file whose title cannot be read still owns the words of its slug",
			files: map[string]string{
				"content/terms/service-account.md":   "---\ntitle: [Service Account\nsummary: s\nupdated: 2026-01-01\n---\n",
				"content/terms/c-plus-plus-token.md": "---\ntitle: [C++ Token\nsummary: s\nupdated: 2026-01-01\n---\n",
				"content/terms/b.md":                 term("B", "related: [Service Account]", "broader: [service account]", "---", "See [[Service Account]] and [[C++ Token]]."),
			},
			want: []string{
				`content/terms/c-plus-plus-token.md:3:1: invalid YAML: did not find expected ',' or ']'`,
				`content/terms/service-account.md:3:1: invalid YAML: did not find expected ',' or ']'`,
			},
		},
		{
			name: "a slug two terms share is reported at both, and nowhere else",
			files: map[string]string{
				"content/terms/foo.md":  term("Foo Bar"),
				"content/terms/baz.md":  term("Baz", "slug: foo"),
				"content/terms/qux.md":  term("Qux", "related: [foo]", "broader: [foo]", "---", "See [[foo]]."),
				"content/terms/quux.md": term("Quux", "deprecated: true", "replaced_by: foo"),
			},
			want: []string{
				`content/terms/baz.md:5:7: slug "foo" is also used by content/terms/foo.md (slug of Foo Bar)`,
				`content/terms/foo.md:1:1: slug "foo" is already used by content/terms/baz.md:5:7 (slug of Baz)`,
			},
		},
		{
			name: "a misspelt title still names its term",
			files: map[string]string{
				"content/terms/beta.md": "---\ntitel: Beta Thing\nsummary: s\nupdated: 2026-01-01\n---\n",
				"content/terms/b.md":    term("B", "related: [beta]", "---", "See [[Beta Thing]]."),
			},
			want: []string{`content/terms/beta.md:2:1: unknown key "titel" in a term (did you mean "title"?)`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, data := range tt.files {
				fsys[name] = &fstest.MapFile{Data: []byte(data)}
			}
			site, diags := content.Load(fsys)
			_, more := Resolve(site, Options{})
			var got []string
			for _, d := range append(diags, more...).Sort() {
				if d.Code != diag.OrphanTerm {
					got = append(got, d.String())
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
		})
	}
}

// Two slugs are two pages at one URL: duplicate-slug, as
// docs/diagnostics.md says; a title two terms share is duplicate-name.
func TestClashCodes(t *testing.T) {
	for files, want := range map[[2]string]string{
		{term("Foo Bar"), term("Baz", "slug: foo")}: "duplicate-slug",
		{term("Foo"), term("Foo")}:                  "duplicate-name",
		{term("Foo"), term("Foo", "slug: foo")}:     "duplicate-slug", // and the same title
	} {
		site := load(t, map[string]string{"content/terms/foo.md": files[0], "content/terms/baz.md": files[1]})
		_, diags := Resolve(site, Options{})
		var got []string
		for _, d := range diags {
			if d.Code != diag.OrphanTerm {
				got = append(got, string(d.Code))
			}
		}
		if diff := cmp.Diff([]string{want, want}, got); diff != "" {
			t.Errorf("codes (-want +got):\n%s", diff)
		}
	}
}

// A warning the site switched off is not reported; errors still are.
func TestWarningsSwitchedOff(t *testing.T) {
	site := load(t, map[string]string{
		"nhiglossary.yaml":   "warnings: {orphan-term: off}\n",
		"content/terms/a.md": term("A", "related: [nope]"),
	})
	_, diags := Resolve(site, Options{})
	var got []string
	for _, d := range diags {
		got = append(got, string(d.Code))
	}
	if diff := cmp.Diff([]string{"unknown-related"}, got); diff != "" {
		t.Errorf("codes (-want +got):\n%s", diff)
	}
}

// A misspelt key that would change what other files may do is not
// taken on a guess: b.md is not blamed for a misspelt draft or slug.
func TestMisspeltKeysDoNotBlameOthers(t *testing.T) {
	for _, bad := range []string{"draf: true", "slg: b"} {
		site, _ := content.Load(fstest.MapFS{
			"content/terms/a.md": {Data: []byte("---\ntitle: A\nsummary: s\nupdated: 2026-01-01\n" + bad + "\n---\n")},
			"content/terms/b.md": {Data: []byte(term("B", "related: [a]"))},
		})
		_, diags := Resolve(site, Options{})
		for _, d := range diags {
			if d.Pos.File == "content/terms/b.md" && d.Code != diag.OrphanTerm {
				t.Errorf("%s: b.md blamed: %v", bad, d)
			}
		}
	}
}

// A title two terms share is reported at both; neither is also an
// orphan to link with [[that title]], which names neither.
func TestADuplicateTitleIsNoOrphan(t *testing.T) {
	_, diags := resolve(t, map[string]string{
		"content/terms/a.md": term("API Key"),
		"content/terms/b.md": term("API key"),
		"content/terms/c.md": term("Lone"),
	}, Options{})
	want := []string{
		`content/terms/a.md:2:8: title "API Key" is also used by content/terms/b.md:2:8 (title of API key)`,
		`content/terms/b.md:2:8: title "API key" is already used by content/terms/a.md:2:8 (title of API Key)`,
		`content/terms/c.md:2:8: warning: no other term links to "Lone"; add it to a related list or link it with [[Lone]]`,
	}
	if diff := cmp.Diff(want, diags); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
