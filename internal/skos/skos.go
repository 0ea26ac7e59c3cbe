// Package skos writes the glossary as a SKOS concept scheme in Turtle
// (api/skos.ttl), so that thesaurus tools can load it: the site is a
// skos:ConceptScheme, each published term a skos:Concept at its page URL,
// each framework a scheme of its own whose controls are concepts, and a
// term's mapping to a control a skos:relatedMatch.
//
// The file is written by hand, not through an RDF library: the shape is
// fixed and small, and the only hard part, escaping, is in turtle.go and
// fuzzed (FuzzLiteral, FuzzIRI) against a real Turtle parser.
package skos

import (
	"io"
	"slices"
	"strings"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/xref"
)

// Links are the URLs the file names things by: absolute when the site has
// an absolute base_url, else root-relative paths (which a Turtle reader
// resolves against where it fetched the file from).
type Links struct {
	Home      string                                   // the site's home page: the scheme's IRI
	Term      func(slug string) string                 // a term's page
	Framework func(f *content.Framework) string        // a framework's page
	Control   func(f *content.Framework, i int) string // f.Controls[i] on its framework's page
}

// Prefixes the file declares, in the order written.
var prefixes = [][2]string{
	{"dct", "http://purl.org/dc/terms/"},
	{"owl", "http://www.w3.org/2002/07/owl#"},
	{"skos", "http://www.w3.org/2004/02/skos/core#"},
	{"xsd", "http://www.w3.org/2001/XMLSchema#"},
}

// A Writer is where WriteTo writes: a bytes.Buffer, or a buffered writer
// on the file itself (the file is megabytes at 10,000 terms).
type Writer interface {
	io.Writer
	io.StringWriter
}

// WriteTo writes api/skos.ttl for the resolved site g to out. translations
// are the views of the site's other languages (xref.ResolveLanguages): a
// term translated in one has its title there as one more prefLabel, its
// other names as altLabels and its summary as a definition, each tagged
// with that language. A concept stays one IRI, its default language's
// page.
func WriteTo(out Writer, g *xref.Graph, l Links, translations ...*xref.Graph) {
	cfg := g.Site.Config
	lang := langTag(cfg.Language)
	w := &writer{b: out, lang: lang}
	for _, p := range prefixes {
		w.printf("@prefix %s: <%s> .\n", p[0], p[1])
	}

	terms := slices.Clone(g.Terms)
	slices.SortFunc(terms, func(a, b *content.Term) int { return strings.Compare(a.Slug.Value, b.Slug.Value) })
	scheme := IRI(l.Home)

	// The scheme and its top concepts.
	w.printf("\n%s a skos:ConceptScheme", scheme)
	w.prop("dct:title", w.text(cfg.Title))
	if cfg.Description != "" {
		w.prop("dct:description", w.text(cfg.Description))
	}
	var tops []string
	for _, t := range terms {
		if isTop(g, t) {
			tops = append(tops, IRI(l.Term(t.Slug.Value)))
		}
	}
	w.props("skos:hasTopConcept", tops)
	w.end()

	// skos:related is symmetric: written both ways, for tools that do
	// not infer it. A pair one of which is wider than the other is left
	// out: SKOS (integrity condition S27) keeps related apart from
	// broader, which the page's hierarchy already says.
	related := map[*content.Term][]*content.Term{}
	wider := widerThan(g)
	for _, t := range terms {
		for _, r := range g.Related[t] {
			if wider(t, r) || wider(r, t) {
				continue
			}
			related[t] = append(related[t], r)
			related[r] = append(related[r], t)
		}
	}
	for _, t := range terms {
		w.concept(g, t, scheme, l, related[t], translations)
	}
	for _, f := range g.Frameworks {
		w.framework(f, l)
	}
}

// isTop is whether t has no broader term in the scheme.
func isTop(g *xref.Graph, t *content.Term) bool {
	return len(broader(g, t)) == 0
}

func (w *writer) concept(g *xref.Graph, t *content.Term, scheme string, l Links, related []*content.Term, translations []*xref.Graph) {
	w.printf("\n%s a skos:Concept", IRI(l.Term(t.Slug.Value)))
	w.prop("skos:inScheme", scheme)
	if isTop(g, t) {
		w.prop("skos:topConceptOf", scheme)
	}
	pref, alt, defs := []string{w.text(t.Title.Value)}, w.texts(altLabels(t)), []string{}
	if t.Summary != "" {
		defs = append(defs, w.text(t.Summary))
	}
	for _, lg := range translations {
		lt, lang := lg.TermBySlug[t.Slug.Value], langTag(lg.Lang())
		if lt == nil || lt.Lang != lg.Lang() || lang == "" {
			continue // untranslated there
		}
		pref = append(pref, tagged(lt.Title.Value, lang))
		for _, a := range altLabels(lt) {
			alt = append(alt, tagged(a, lang))
		}
		// A translation without a summary shows the original's.
		if lt.Summary != "" && lt.Summary != t.Summary {
			defs = append(defs, tagged(lt.Summary, lang))
		}
	}
	w.props("skos:prefLabel", pref)
	w.props("skos:altLabel", alt)
	w.props("skos:definition", defs)
	w.props("skos:broader", termIRIs(broader(g, t), l))
	w.props("skos:narrower", termIRIs(narrower(g, t), l))
	w.props("skos:related", termIRIs(related, l))
	var matches []string
	for _, m := range g.TermMappings[t] {
		if m.Control == nil {
			continue // a framework is a scheme, not a concept to match
		}
		if i := slices.Index(m.Framework.Controls, m.Control); i >= 0 {
			matches = append(matches, IRI(l.Control(m.Framework, i)))
		}
	}
	w.props("skos:relatedMatch", dedupe(matches))
	if !t.Updated.IsZero() {
		w.prop("dct:modified", Literal(t.Updated.Format("2006-01-02"))+"^^xsd:date")
	}
	w.deprecation(g, t, l)
	w.end()
}

func (w *writer) framework(f *content.Framework, l Links) {
	fw := IRI(l.Framework(f))
	w.printf("\n%s a skos:ConceptScheme", fw)
	w.prop("dct:title", w.text(f.Name))
	if f.URL != "" {
		w.prop("dct:source", IRI(f.URL))
	}
	ids := make([]string, len(f.Controls))
	for i := range f.Controls {
		ids[i] = IRI(l.Control(f, i))
	}
	w.props("skos:hasTopConcept", ids)
	w.end()
	for i, c := range f.Controls {
		w.printf("\n%s a skos:Concept", ids[i])
		w.prop("skos:inScheme", fw)
		w.prop("skos:topConceptOf", fw)
		w.prop("skos:notation", Literal(c.ID.Value))
		label := c.ID.Value
		if c.Title != "" {
			label += " " + c.Title
		}
		w.prop("skos:prefLabel", w.text(label))
		if c.URL != "" {
			w.prop("dct:source", IRI(c.URL))
		}
		w.end()
	}
}

// altLabels are a term's synonyms and abbreviations, each once, without
// its title: SKOS forbids one label as both pref and alt on a concept.
func altLabels(t *content.Term) []string {
	// Compared as written: invalid UTF-8 becomes U+FFFD in the file.
	label := func(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }
	seen := map[string]bool{label(t.Title.Value): true}
	var out []string
	for _, ns := range [][]content.Name{t.Synonyms, t.Abbreviations} {
		for _, n := range ns {
			if v := label(n.Value); v != "" && !seen[v] {
				seen[v] = true
				out = append(out, v)
			}
		}
	}
	return out
}

func termIRIs(ts []*content.Term, l Links) []string {
	out := make([]string, 0, len(ts))
	for _, t := range ts {
		out = append(out, IRI(l.Term(t.Slug.Value)))
	}
	return dedupe(out)
}

func dedupe(s []string) []string {
	seen := map[string]bool{}
	out := s[:0]
	for _, v := range s {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// writer writes one subject's statements: printf starts it, prop and
// props add predicate-object pairs, end closes it.
type writer struct {
	b    Writer
	lang string
}

func (w *writer) printf(format string, args ...any) {
	w.b.WriteString(sprintf(format, args...))
}

func (w *writer) prop(pred, obj string) {
	w.b.WriteString(" ;\n    " + pred + " " + obj)
}

func (w *writer) props(pred string, objs []string) {
	if len(objs) == 0 {
		return
	}
	w.b.WriteString(" ;\n    " + pred + " " + strings.Join(objs, ",\n        "))
}

func (w *writer) end() { w.b.WriteString(" .\n") }

// text is a literal in the site's language.
func (w *writer) text(s string) string { return tagged(s, w.lang) }

// tagged is a literal in language lang (a langTag), or none if "".
func tagged(s, lang string) string {
	if lang == "" {
		return Literal(s)
	}
	return Literal(s) + "@" + lang
}

func (w *writer) texts(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = w.text(s)
	}
	return out
}
