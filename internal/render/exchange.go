package render

import (
	"bytes"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/llms"
	"github.com/nhimg/nhiglossary/internal/skos"
	"github.com/nhimg/nhiglossary/internal/termjson"
)

// exchangeJobs are the files other tools read (issue 13): the SKOS
// scheme, llms.txt and llms-full.txt, and per term its Markdown copy and
// its JSON. Their writers live in their own packages; this file only
// gives them the site's URLs, absolute when base_url is.
func (r *Renderer) exchangeJobs(add func(path string, t *content.Term, f func(*bytes.Buffer) error)) {
	abs := r.abs
	sk := skos.Links{
		Home:      abs(r.u.Home()),
		Term:      func(slug string) string { return abs(r.u.Term(slug)) },
		Framework: func(f *content.Framework) string { return abs(r.u.Framework(f.ID)) },
		Control:   func(f *content.Framework, i int) string { return abs(r.controlURL(f, f.Controls[i])) },
	}
	ll := llms.Links{
		Term:         func(slug string) string { return abs(r.u.Term(slug)) },
		TermMarkdown: func(slug string) string { return abs(r.u.Term(slug) + "index.md") },
		Incident:     func(slug string) string { return abs(r.u.Incident(slug)) },
		Framework:    func(f *content.Framework) string { return abs(r.u.Framework(f.ID)) },
		Wiki: func(target string) (string, string, bool) {
			info, ok := linker{r}.WikiLink(target)
			return abs(info.Href), info.Title, ok
		},
	}
	bytesJob := func(f func() []byte) func(*bytes.Buffer) error {
		return func(w *bytes.Buffer) error { w.Write(f()); return nil }
	}
	add("api/skos.ttl", nil, bytesJob(func() []byte { return skos.Write(r.g, sk) }))
	add("llms.txt", nil, bytesJob(func() []byte { return llms.Index(r.g, ll) }))
	// TODO(exch): llms-full.txt (llms.Full) with the Markdown copies below:
	// it holds every body, and an edit of a body alone re-renders only
	// that term's page in today's preview engine.
	for _, t := range r.g.Terms {
		// TODO(exch): terms/SLUG/index.md, llms.Term's Markdown copy, once
		// jobs declare what they show: today's preview engine re-renders
		// only the .html page of a term whose neighbours changed.
		add(termjson.Path(t.Slug.Value), nil, fileJob(func() ([]byte, error) {
			return termjson.Write(r.g, t, abs(r.u.Term(t.Slug.Value)))
		}))
	}
}
