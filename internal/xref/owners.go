package xref

import (
	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/diag"
)

// Owner is a term or incident that goes by a name, and how.
type Owner struct {
	Term     *content.Term     // or nil
	Incident *content.Incident // or nil
	As       string            // "title", "slug", "synonym", "abbreviation" or "old slug"
	Pos      diag.Pos          // where the name is written
}

// File is the owner's file, relative to the site.
func (o Owner) File() string {
	if o.Term != nil {
		return o.Term.File
	}
	return o.Incident.File
}

// Owners lists every term and incident of site (drafts included) that
// goes by name, compared as [[links]] compare names. Unlike
// Graph.Lookup it needs no resolved site and keeps ambiguous names: it
// answers "who has this name already?" before a new file takes it.
func Owners(site *content.Site, name string) []Owner {
	key := normalize(name)
	if key == "" {
		return nil
	}
	var out []Owner
	for _, t := range site.Terms {
		add := func(as string, n content.Name) {
			if normalize(n.Value) == key {
				out = append(out, Owner{Term: t, As: as, Pos: n.Pos})
			}
		}
		add("title", t.Title)
		add("slug", t.Slug)
		for _, n := range t.Synonyms {
			add("synonym", n)
		}
		for _, n := range t.Abbreviations {
			add("abbreviation", n)
		}
		for _, n := range t.Redirects {
			add("old slug", n)
		}
	}
	for _, inc := range site.Incidents {
		if normalize(inc.Title.Value) == key {
			out = append(out, Owner{Incident: inc, As: "title", Pos: inc.Title.Pos})
		}
		if normalize(inc.Slug.Value) == key {
			out = append(out, Owner{Incident: inc, As: "slug", Pos: inc.Slug.Pos})
		}
	}
	return out
}
