package render

import (
	"strings"
	"unicode/utf8"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/llms"
	"github.com/nhimg/nhiglossary/internal/search"
	"github.com/nhimg/nhiglossary/internal/skos"
	"github.com/nhimg/nhiglossary/internal/termjson"
	"github.com/nhimg/nhiglossary/internal/xref"
)

// exchangeJobs are the files other tools read (issue 13): the SKOS
// scheme, llms.txt and llms-full.txt, and per term its Markdown copy and
// its JSON. Their writers live in their own packages; this file only
// gives them the site's URLs, absolute when base_url is.
func (r *Renderer) exchangeJobs(add func(path string, shows func() []xref.Fact, f func(Writer, *links) error) *Job, addTerm func(path string, kind *termJob, t *content.Term) *Job, paths []termPaths) {
	abs := r.abs
	sk := skos.Links{
		Home:      abs(r.u.Home()),
		Term:      func(slug string) string { return abs(r.u.Term(slug)) },
		Framework: func(f *content.Framework) string { return abs(r.u.Framework(f.ID)) },
		Control:   func(f *content.Framework, i int) string { return abs(r.controlURL(f, f.Controls[i])) },
	}
	ll := llms.Links{
		Term:         func(slug string) string { return abs(r.u.Term(slug)) },
		TermMarkdown: func(slug string) string { return abs(r.u.Term(slug)) + "index.md" },
		Incident:     func(slug string) string { return abs(r.u.Incident(slug)) },
		Framework:    func(f *content.Framework) string { return abs(r.u.Framework(f.ID)) },
		Wiki: func(target string) (string, string, bool) {
			info, ok := linker{r}.WikiLink(target)
			return abs(info.Href), info.Title, ok
		},
	}
	termList, fwList, incList := site(xref.TermList), site(xref.FrameworkList), site(xref.IncidentList)
	// It labels each term in every language it is translated into.
	var translations []*xref.Graph
	for _, lr := range r.langs[min(1, len(r.langs)):] {
		translations = append(translations, lr.g)
	}
	add("api/skos.ttl", func() []xref.Fact {
		return r.declared(facts(termList, fwList, site(xref.Links)), r.elsewhere(termList)...)
	}, func(w Writer, _ *links) error { skos.WriteTo(w, r.g, sk, translations...); return nil })
	add("llms.txt", r.shows(termList, fwList, incList), func(w Writer, l *links) error {
		// It resolves the [[links]] of these.
		for _, inc := range r.g.Incidents {
			l.rendered(inc.Summary.Text)
		}
		for _, f := range r.g.Frameworks {
			l.rendered(f.Description.Text)
		}
		llms.WriteIndex(w, r.g, ll)
		return nil
	})
	// A Markdown copy shows the settings, its term's text and links, the
	// cards of its related terms and replacement, and the names its
	// [[links]] resolve.
	copyShows := func(t *content.Term) []xref.Fact {
		shows := make([]xref.Fact, 0, 5+len(r.g.Related[t]))
		shows = append(shows, settings, xref.TermPageFact(t.Slug.Value), xref.TermLinksFact(t.Slug.Value), xref.TermCardFact(t.Slug.Value))
		for _, rel := range r.g.Related[t] {
			shows = append(shows, xref.TermCardFact(rel.Slug.Value))
		}
		if rp := r.g.ReplacedBy[t]; rp != nil {
			shows = append(shows, xref.TermCardFact(rp.Slug.Value))
		}
		return r.declared(shows)
	}
	add("llms-full.txt", r.shows(termList, site(xref.AllTerms)), func(w Writer, l *links) error {
		for _, t := range r.g.Terms {
			l.rendered(t.Body.Text)
		}
		llms.WriteFull(w, r.g, ll)
		return nil
	})
	copyJob := &termJob{
		declare: copyShows,
		run: func(t *content.Term, w Writer, l *links) error {
			l.rendered(t.Body.Text)
			llms.WriteTerm(w, r.g, t, ll)
			return nil
		},
	}
	jsonJob := &termJob{
		declare: func(t *content.Term) []xref.Fact {
			return r.declared(facts(xref.TermCardFact(t.Slug.Value), xref.TermLinksFact(t.Slug.Value)))
		},
		run: func(t *content.Term, w Writer, _ *links) error {
			return termjson.Write(w, r.g, t, abs(r.u.Term(t.Slug.Value)))
		},
	}
	for i, t := range r.g.Terms {
		addTerm(paths[i].copy, copyJob, t)
		addTerm(paths[i].json, jsonJob, t)
	}
}

// SearchEntries are the incidents, frameworks and controls of g as the
// search index lists them, with their pages' paths below the site's base
// (the same paths pages link to).
func SearchEntries(g *xref.Graph) []search.Entry {
	u := newURLs("/")
	rel := func(p string) string { return strings.TrimPrefix(p, "/") }
	text := interfaceText(g, g.Lang()) // dates as the language's pages write them
	var out []search.Entry
	for _, inc := range g.Incidents {
		sum := plain(inc.Summary.Text)
		out = append(out, search.Entry{
			Kind: search.KindIncident, Name: inc.Title.Value, Path: rel(u.Incident(inc.Slug.Value)),
			Summary: text.Date(inc.Date) + " · " + sum, Text: sum, Lang: inc.Lang,
		})
	}
	for _, f := range g.Frameworks {
		out = append(out, search.Entry{
			Kind: search.KindFramework, Name: f.Name, Path: rel(u.Framework(f.ID)),
			Summary: clip(plain(f.Description.Text), 200), Names: []string{f.Short},
		})
		for i, a := range ControlAnchors(f) {
			c := f.Controls[i]
			out = append(out, search.Entry{
				Kind: search.KindControl, Name: c.ID.Value, Path: rel(u.Framework(f.ID)) + "#" + a,
				Summary: f.Short + " · " + c.Title, Names: []string{c.Title},
			})
		}
	}
	return out
}

// clip shortens s to at most n bytes, at a word boundary, with an ellipsis.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}
