package xref

import (
	"fmt"
	"slices"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/diag"
)

// suggest returns a did-you-mean for a name that did not resolve as kind
// ("link", "term" or "incident").
func (r *resolver) suggest(kind, s string) string {
	if r.out != nil {
		r.out.suggests = true
	}
	key := kind + "\x00" + normalize(s)
	if hint, ok := r.suggested[key]; ok {
		return hint
	}
	var hint string
	switch kind {
	case "link":
		hint = diag.DidYouMean(s, r.allNameList())
	case "term":
		hint = diag.DidYouMean(s, r.termNames())
	case "incident":
		hint = diag.DidYouMean(s, r.incidentSlugList())
	}
	r.suggested[key] = hint
	return hint
}

func (r *resolver) termNames() []string {
	if r.termNameList == nil {
		for _, t := range r.terms {
			r.termNameList = appendNames(r.termNameList, t.Slug, t.Title)
			r.termNameList = appendNames(r.termNameList, t.Abbreviations...)
			r.termNameList = appendNames(r.termNameList, t.Synonyms...)
		}
	}
	return r.termNameList
}

func (r *resolver) incidentSlugList() []string {
	if r.incidentSlugs == nil {
		for _, inc := range r.incidents {
			r.incidentSlugs = appendNames(r.incidentSlugs, inc.Slug)
		}
	}
	return r.incidentSlugs
}

func (r *resolver) allNameList() []string {
	if r.allNames == nil {
		r.allNames = slices.Clone(r.termNames())
		for _, inc := range r.incidents {
			r.allNames = appendNames(r.allNames, inc.Slug, inc.Title)
		}
		for _, f := range r.g.Frameworks {
			for _, id := range controlIDs(f) {
				r.allNames = append(r.allNames, f.ID+"/"+id)
			}
		}
	}
	return r.allNames
}

// appendNames appends the names' values, leaving out empty ones.
func appendNames(list []string, names ...content.Name) []string {
	return appendTagged(list, "", names...)
}

func (r *resolver) frameworkIDs() []string {
	ids := make([]string, 0, len(r.g.Frameworks))
	for _, f := range r.g.Frameworks {
		if f.ID != "" {
			ids = append(ids, f.ID)
		}
	}
	return ids
}

func controlIDs(f *content.Framework) []string {
	var ids []string
	for _, c := range f.Controls {
		if c != nil && c.ID.Value != "" && content.ValidControlID(c.ID.Value) { // none to suggest
			ids = append(ids, c.ID.Value)
		}
	}
	return ids
}

// suggestControl is the did-you-mean for an unknown control id. Ids are
// often written in another house style (NHI-02 for NHI2, pr.aa-1 for
// PR.AA-01): an id equal to one of the framework's once punctuation and
// leading zeros are dropped is the answer; else the nearest by spelling.
func suggestControl(id string, f *content.Framework) string {
	ids := controlIDs(f)
	want := looseID(id)
	var match string
	for _, c := range ids {
		if looseID(c) == want {
			if match != "" {
				match = "" // two ids look alike: spelling decides
				break
			}
			match = c
		}
	}
	if match != "" {
		return fmt.Sprintf(" (did you mean %q?)", match)
	}
	return diag.DidYouMean(id, ids)
}

// writtenBadly reports whether id names, but for punctuation, a control
// of f whose id content reported as not one ("NHI 5" for NHI5): the
// mapping means that control.
func writtenBadly(id string, f *content.Framework) bool {
	want := looseID(id)
	for _, c := range f.Controls {
		if c != nil && !content.ValidControlID(c.ID.Value) && looseID(c.ID.Value) == want {
			return true
		}
	}
	return false
}

// looseID is an id in lower case, letters and digits only, without the
// leading zeros of its numbers: "NHI-02" and "nhi2" are both "nhi2".
func looseID(id string) string {
	var b []byte
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case 'A' <= c && c <= 'Z':
			b = append(b, c+'a'-'A')
		case 'a' <= c && c <= 'z':
			b = append(b, c)
		case '0' <= c && c <= '9':
			startsNumber := len(b) == 0 || b[len(b)-1] < '0' || b[len(b)-1] > '9'
			nextDigit := i+1 < len(id) && '0' <= id[i+1] && id[i+1] <= '9'
			if c == '0' && startsNumber && nextDigit {
				continue // a leading zero
			}
			b = append(b, c)
		}
	}
	return string(b)
}
