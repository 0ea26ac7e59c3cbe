package skos

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/knakk/rdf"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/xref"
)

var hostile = []string{"", `"`, `\`, `\"`, "a\nb", "a\r\nb", "\t", "\x00\x01\x7f", "ünï 秘密 🔑", `"""`, "'", "\xff\xfe", "<>{}|^`", "a b", "#x", "%41", `\u0041`, "\u2028"}

func FuzzLiteral(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ttl := "<http://a.example/s> <http://a.example/p> " + Literal(s) + "@en .\n"
		ts, err := rdf.NewTripleDecoder(strings.NewReader(ttl), rdf.Turtle).DecodeAll()
		if err != nil || len(ts) != 1 {
			t.Fatalf("%q: %v\n%s", s, err, ttl)
		}
		want := strings.ToValidUTF8(s, "\uFFFD")
		if got := ts[0].Obj.(rdf.Literal).String(); got != want {
			t.Fatalf("%q read back as %q", want, got)
		}
	})
}

func FuzzIRI(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		iri := IRI("https://example.org/terms/" + s + "/")
		ttl := iri + " <http://a.example/p> <http://a.example/o> .\n"
		ts, err := rdf.NewTripleDecoder(strings.NewReader(ttl), rdf.Turtle).DecodeAll()
		if err != nil || len(ts) != 1 {
			t.Fatalf("%q: %v\n%s", s, err, ttl)
		}
		if got := ts[0].Subj.String(); "<"+got+">" != iri {
			t.Fatalf("%s read back as %s", iri, got)
		}
	})
}

// FuzzWrite gives the whole writer hostile names and checks the file
// still parses and keeps SKOS's integrity conditions.
func FuzzWrite(f *testing.F) {
	for _, s := range hostile {
		f.Add(s, s, "en")
	}
	f.Add("Title", "syn", "de-CH")
	f.Add("Title", "Title", "x y")
	f.Fuzz(func(t *testing.T, title, syn, lang string) {
		if strings.TrimSpace(title) == "" || strings.TrimSpace(syn) == "" {
			return
		}
		name := func(s string) content.Name { return content.Name{Value: s} }
		a := &content.Term{Slug: name("a"), Title: name(title), Summary: syn + title, Synonyms: []content.Name{name(syn), name(title)}, Abbreviations: []content.Name{name(syn)}, Updated: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)}
		b := &content.Term{Slug: name("b"), Title: name(title + "2"), Summary: "x", Related: []content.Name{name("a")}}
		fw := &content.Framework{ID: "fw", Name: title, Controls: []*content.Control{{ID: name(syn), Title: title}}}
		cfg := content.DefaultConfig()
		cfg.Title, cfg.Description, cfg.Language, cfg.BaseURL = title, syn, lang, base
		// A translation of a into a second language, with the same
		// hostile names swapped: labels per language must stay sound.
		cfg.Languages = []content.Language{{Code: lang, Name: lang}, {Code: "de", Name: "Deutsch"}}
		tr := &content.Term{File: "content/terms/a.de.md", Lang: "de", Original: a, Slug: a.Slug, Title: name(syn), Summary: title, Synonyms: []content.Name{name(title), name(syn)}}
		site := &content.Site{Config: cfg, Terms: []*content.Term{a, b}, TermTranslations: []*content.Term{tr}, Frameworks: []*content.Framework{fw}}
		gs, _ := xref.ResolveLanguages(site, xref.Options{})
		if len(gs) == 0 || gs[0] == nil {
			return
		}
		ttl := Write(gs[0], links(), gs[1:]...)
		ts, err := rdf.NewTripleDecoder(bytes.NewReader(ttl), rdf.Turtle).DecodeAll()
		if err != nil {
			t.Fatalf("%v\n%s", err, ttl)
		}
		checkSKOS(t, ts)
	})
}
