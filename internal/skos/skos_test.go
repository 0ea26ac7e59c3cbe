package skos

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/knakk/rdf"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/sitetest"
	"github.com/nhimg/nhiglossary/internal/xref"
)

const base = "https://example.org/kb/"

// site is a small glossary whose names hold what Turtle must escape.
func site(t testing.TB) *xref.Graph {
	t.Helper()
	fsys := fstest.MapFS{
		"nhiglossary.yaml": {Data: []byte("title: 'A \"quoted\" glossary'\nbase_url: " + base + "\nlanguage: en\ndescription: Back\\slash and ünïcode\n")},
		"content/terms/api-key.md": {Data: []byte(`---
title: API Key
summary: "A \"static\" secret\\ that identifies an app — ключ."
synonyms: [API token, API Key]
abbreviations: [AK, API token]
related: [secret]
mappings:
  - framework: fw
    control: C.1
    relevance: Keys leak.
  - framework: fw
    relevance: All of it.
updated: 2026-01-02
---
Body.
`)},
		"content/terms/secret.md":         {Data: []byte("---\ntitle: Sécret <x>\nsummary: A thing kept hidden.\nupdated: 2025-05-06\n---\nBody.\n")},
		"content/terms/static-api-key.md": {Data: []byte("---\ntitle: Static API Key\nsummary: A key that never changes.\nbroader: [api-key, secret]\nupdated: 2026-01-02\n---\nBody.\n")},
		"content/terms/rotated-key.md":    {Data: []byte("---\ntitle: Rotated Key\nsummary: A static key rotated on time.\nbroader: [static-api-key]\nrelated: [api-key, secret, static-api-key]\nupdated: 2026-01-02\n---\nBody.\n")},
		"content/terms/old-key.md":        {Data: []byte("---\ntitle: Old Key\nsummary: What we once called it.\ndeprecated: true\nreplaced_by: api-key\nupdated: 2026-01-02\n---\nBody.\n")},
		"content/frameworks/fw.yaml":      {Data: []byte("name: The \"FW\"\nurl: https://example.org/fw\ncontrols:\n  - id: C.1\n    title: First\n  - id: C-1\n    title: Second\n")},
	}
	g := sitetest.MustResolve(t, fsys)
	return g
}

func links() Links {
	return Links{
		Home:      base,
		Term:      func(slug string) string { return base + "terms/" + slug + "/" },
		Framework: func(f *content.Framework) string { return base + "frameworks/" + f.ID + "/" },
		Control: func(f *content.Framework, i int) string {
			return base + "frameworks/" + f.ID + "/#control-" + strconv.Itoa(i)
		},
	}
}

func parse(t testing.TB, ttl []byte) []rdf.Triple {
	t.Helper()
	dec := rdf.NewTripleDecoder(bytes.NewReader(ttl), rdf.Turtle)
	ts, err := dec.DecodeAll()
	if err != nil {
		t.Fatalf("not valid Turtle: %v\n%s", err, ttl)
	}
	return ts
}

// graph indexes triples by subject and predicate, objects as the parser
// gives them (IRIs bare, literals with their language).
type graph map[string]map[string][]rdf.Object

func index(ts []rdf.Triple) graph {
	g := graph{}
	for _, t := range ts {
		s := t.Subj.String()
		if g[s] == nil {
			g[s] = map[string][]rdf.Object{}
		}
		g[s][t.Pred.String()] = append(g[s][t.Pred.String()], t.Obj)
	}
	return g
}

const (
	skosNS  = "http://www.w3.org/2004/02/skos/core#"
	rdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
	dctNS   = "http://purl.org/dc/terms/"
)

func objs(g graph, s, p string) []string {
	var out []string
	for _, o := range g[s][p] {
		out = append(out, o.String())
	}
	return out
}

func TestSchemeIsSoundSKOS(t *testing.T) {
	g := index(parse(t, Write(site(t), links())))
	apiKey, secret := base+"terms/api-key/", base+"terms/secret/"

	if got := objs(g, base, rdfType); len(got) != 1 || got[0] != skosNS+"ConceptScheme" {
		t.Errorf("scheme type = %v", got)
	}
	if got := objs(g, base, dctNS+"title"); len(got) != 1 || got[0] != `A "quoted" glossary` {
		t.Errorf("scheme title = %q", got)
	}
	for _, c := range []string{apiKey, secret} {
		if got := objs(g, c, rdfType); len(got) != 1 || got[0] != skosNS+"Concept" {
			t.Errorf("%s type = %v", c, got)
		}
		if got := objs(g, c, skosNS+"inScheme"); len(got) != 1 || got[0] != base {
			t.Errorf("%s inScheme = %v", c, got)
		}
	}
	if got := objs(g, apiKey, skosNS+"definition"); len(got) != 1 || got[0] != "A \"static\" secret\\ that identifies an app — ключ." {
		t.Errorf("definition = %q", got)
	}
	if got := objs(g, secret, skosNS+"prefLabel"); len(got) != 1 || got[0] != "Sécret <x>" {
		t.Errorf("prefLabel = %q", got)
	}
	if got := objs(g, apiKey, skosNS+"related"); len(got) != 1 || got[0] != secret {
		t.Errorf("related = %v", got)
	}
	if got := objs(g, apiKey, dctNS+"modified"); len(got) != 1 || got[0] != "2026-01-02" {
		t.Errorf("modified = %v", got)
	}
	// The title is also written as a synonym, and "API token" twice: each
	// label once, and never both pref and alt.
	if got := strings.Join(objs(g, apiKey, skosNS+"altLabel"), "|"); got != "API token|AK" {
		t.Errorf("altLabels = %q", got)
	}
	// Hierarchy: static-api-key is narrower than both; not a top concept.
	static, old := base+"terms/static-api-key/", base+"terms/old-key/"
	if got := strings.Join(objs(g, static, skosNS+"broader"), " "); got != apiKey+" "+secret {
		t.Errorf("broader = %v", got)
	}
	if got := objs(g, apiKey, skosNS+"narrower"); len(got) != 1 || got[0] != static {
		t.Errorf("narrower = %v", got)
	}
	tops := objs(g, base, skosNS+"hasTopConcept")
	if len(tops) != 3 || slices.Contains(tops, static) {
		t.Errorf("top concepts = %v", tops)
	}
	if got := objs(g, static, skosNS+"topConceptOf"); len(got) != 0 {
		t.Errorf("a narrower term is a top concept of %v", got)
	}
	// Deprecation.
	if got := objs(g, old, "http://www.w3.org/2002/07/owl#deprecated"); len(got) != 1 || got[0] != "true" {
		t.Errorf("owl:deprecated = %v", got)
	}
	if got := objs(g, old, dctNS+"isReplacedBy"); len(got) != 1 || got[0] != apiKey {
		t.Errorf("dct:isReplacedBy = %v", got)
	}
	if got := objs(g, apiKey, "http://www.w3.org/2002/07/owl#deprecated"); len(got) != 0 {
		t.Errorf("a current term is deprecated: %v", got)
	}
	// Mapped control: a concept of the framework's scheme, matched.
	fw := base + "frameworks/fw/"
	ctl := fw + "#control-0"
	if got := objs(g, apiKey, skosNS+"relatedMatch"); len(got) != 1 || got[0] != ctl {
		t.Errorf("relatedMatch = %v", got)
	}
	if got := objs(g, ctl, skosNS+"inScheme"); len(got) != 1 || got[0] != fw {
		t.Errorf("control inScheme = %v", got)
	}
	if got := objs(g, ctl, skosNS+"notation"); len(got) != 1 || got[0] != "C.1" {
		t.Errorf("control notation = %v", got)
	}
	if got := objs(g, fw, skosNS+"hasTopConcept"); len(got) != 2 {
		t.Errorf("framework top concepts = %v", got)
	}
	checkSKOS(t, parse(t, Write(site(t), links())))
}

// A site in English and German: a translated term has a prefLabel,
// altLabels and a definition in each language; an untranslated one only
// its original's.
func TestTranslatedLabels(t *testing.T) {
	fsys := fstest.MapFS{
		"nhiglossary.yaml":            {Data: []byte("title: T\nbase_url: " + base + "\nlanguages:\n  - {code: en, name: English}\n  - {code: de, name: Deutsch}\n")},
		"content/terms/api-key.md":    {Data: []byte("---\ntitle: API Key\nsummary: A static secret.\nsynonyms: [API token]\nabbreviations: [AK]\nrelated: [secret]\nupdated: 2026-01-02\n---\nBody.\n")},
		"content/terms/api-key.de.md": {Data: []byte("---\ntitle: API-Schlüssel\nsummary: Ein statisches Geheimnis.\nsynonyms: [API-Token, API-Schlüssel]\nsource_updated: 2026-01-02\n---\nText.\n")},
		"content/terms/secret.md":     {Data: []byte("---\ntitle: Secret\nsummary: A thing kept hidden.\nrelated: [api-key]\nupdated: 2026-01-02\n---\nBody.\n")},
		"content/terms/secret.de.md":  {Data: []byte("---\ntitle: Geheimnis\nsource_updated: 2026-01-02\n---\n")},
		"content/terms/vault.md":      {Data: []byte("---\ntitle: Vault\nsummary: Where secrets live.\nrelated: [secret]\nupdated: 2026-01-02\n---\nBody.\n")},
	}
	gs := sitetest.MustResolveLanguages(t, fsys)
	ts := parse(t, Write(gs[0], links(), gs[1:]...))
	checkSKOS(t, ts)
	g := index(ts)
	tagged := func(subject, pred string) []string {
		var out []string
		for _, o := range g[base+"terms/"+subject+"/"][skosNS+pred] {
			l := o.(rdf.Literal)
			out = append(out, l.String()+"@"+l.Lang())
		}
		return out
	}
	for _, tt := range []struct {
		term, pred string
		want       []string
	}{
		{"api-key", "prefLabel", []string{"API Key@en", "API-Schlüssel@de"}},
		// Its German abbreviations are the original's; its title is no altLabel.
		{"api-key", "altLabel", []string{"API token@en", "AK@en", "API-Token@de", "AK@de"}},
		{"api-key", "definition", []string{"A static secret.@en", "Ein statisches Geheimnis.@de"}},
		{"secret", "prefLabel", []string{"Secret@en", "Geheimnis@de"}},
		// No German summary: the English one is not passed off as German.
		{"secret", "definition", []string{"A thing kept hidden.@en"}},
		{"vault", "prefLabel", []string{"Vault@en"}},
	} {
		if got := tagged(tt.term, tt.pred); !slices.Equal(got, tt.want) {
			t.Errorf("%s %s = %q, want %q", tt.term, tt.pred, got, tt.want)
		}
	}
}

// checkSKOS checks the integrity conditions of SKOS (W3C SKOS Reference,
// S13, S14, S27 and the inverse pairs) that hold for every site.
func checkSKOS(t *testing.T, ts []rdf.Triple) {
	t.Helper()
	g := index(ts)
	has := func(s, p, o string) bool {
		for _, x := range objs(g, s, p) {
			if x == o {
				return true
			}
		}
		return false
	}
	for s, props := range g {
		perLang := map[string]int{}
		for _, o := range props[skosNS+"prefLabel"] {
			l, ok := o.(rdf.Literal)
			if !ok {
				t.Errorf("%s: prefLabel %v is not a literal", s, o)
				continue
			}
			perLang[l.Lang()]++
			if perLang[l.Lang()] > 1 {
				t.Errorf("%s: two prefLabels in %q", s, l.Lang())
			}
			for _, a := range props[skosNS+"altLabel"] {
				if a, ok := a.(rdf.Literal); ok && a.String() == l.String() && a.Lang() == l.Lang() {
					t.Errorf("%s: %q@%s is both prefLabel and altLabel", s, l, l.Lang())
				}
			}
		}
		for _, p := range [][2]string{{"broader", "narrower"}, {"narrower", "broader"}, {"related", "related"}, {"hasTopConcept", "topConceptOf"}, {"topConceptOf", "hasTopConcept"}} {
			for _, o := range objs(g, s, skosNS+p[0]) {
				if !has(o, skosNS+p[1], s) {
					t.Errorf("%s %s %s without the inverse %s", s, p[0], o, p[1])
				}
			}
		}
		// S27: related is disjoint from broader-transitive, either way.
		above := func(from string) map[string]bool {
			seen := map[string]bool{}
			todo := []string{from}
			for len(todo) > 0 {
				x := todo[len(todo)-1]
				todo = todo[:len(todo)-1]
				for _, b := range objs(g, x, skosNS+"broader") {
					if !seen[b] {
						seen[b] = true
						todo = append(todo, b)
					}
				}
			}
			return seen
		}
		for _, o := range objs(g, s, skosNS+"related") {
			if above(s)[o] || above(o)[s] {
				t.Errorf("%s: related and hierarchical to %s", s, o)
			}
		}
		if len(props[skosNS+"prefLabel"]) > 0 && has(s, rdfType, skosNS+"Concept") && len(props[skosNS+"inScheme"]) != 1 {
			t.Errorf("%s: in %d schemes", s, len(props[skosNS+"inScheme"]))
		}
	}
}

// The files the build writes for its test sites (the golden copies of
// internal/build) parse and are sound too.
func TestBuiltFilesParse(t *testing.T) {
	files, _ := filepath.Glob("../build/testdata/golden/*.ttl")
	if f := os.Getenv("NHIGLOSSARY_SKOS_FILE"); f != "" { // a built site's, e.g. the 10k-term benchmark's
		files = []string{f}
	}
	if len(files) == 0 {
		t.Skip("no golden skos.ttl")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(f, func(t *testing.T) { checkSKOS(t, parse(t, b)) })
	}
}

// Write is WriteTo into memory.
func Write(g *xref.Graph, l Links, translations ...*xref.Graph) []byte {
	var b bytes.Buffer
	WriteTo(&b, g, l, translations...)
	return b.Bytes()
}
