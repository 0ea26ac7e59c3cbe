// Package termjson writes api/terms/SLUG.json, one small file per term:
// what another site needs to show a definition (assets/embed.js reads
// it) without downloading the whole api/glossary.json.
package termjson

import (
	"encoding/json"
	"io"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/xref"
)

// Term is the file's content. Lists are [] and strings "" when empty, so
// readers need no "is it there" checks.
type Term struct {
	Slug          string   `json:"slug"`
	Title         string   `json:"title"`
	Summary       string   `json:"summary"`
	URL           string   `json:"url"`
	Synonyms      []string `json:"synonyms"`
	Abbreviations []string `json:"abbreviations"`
	Broader       []string `json:"broader"`
	Narrower      []string `json:"narrower"`
	Related       []string `json:"related"`
	Deprecated    bool     `json:"deprecated"`
	ReplacedBy    string   `json:"replaced_by"`
	Updated       string   `json:"updated"`
}

// Path is where a term's file goes, relative to the site's root.
func Path(slug string) string { return "api/terms/" + slug + ".json" }

// Write writes t's file to w; url is its page's URL.
func Write(w io.Writer, g *xref.Graph, t *content.Term, url string) error {
	v := Term{
		Slug: t.Slug.Value, Title: t.Title.Value, Summary: t.Summary, URL: url,
		Synonyms: names(t.Synonyms), Abbreviations: names(t.Abbreviations),
		Broader: slugs(broader(g, t)), Narrower: slugs(narrower(g, t)), Related: slugs(g.Related[t]),
		Deprecated: deprecated(t), ReplacedBy: replacedBy(g, t),
	}
	if !t.Updated.IsZero() {
		v.Updated = t.Updated.Format("2006-01-02")
	}
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

func names(ns []content.Name) []string {
	out := make([]string, 0, len(ns))
	for _, n := range ns {
		out = append(out, n.Value)
	}
	return out
}

func slugs(ts []*content.Term) []string {
	out := make([]string, 0, len(ts))
	for _, t := range ts {
		out = append(out, t.Slug.Value)
	}
	return out
}

func broader(g *xref.Graph, t *content.Term) []*content.Term  { return g.Broader[t] }
func narrower(g *xref.Graph, t *content.Term) []*content.Term { return g.Narrower[t] }
func deprecated(t *content.Term) bool                         { return t.Deprecated }
func replacedBy(g *xref.Graph, t *content.Term) string {
	if r := g.ReplacedBy[t]; r != nil {
		return r.Slug.Value
	}
	return ""
}
