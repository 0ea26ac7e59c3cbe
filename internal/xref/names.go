package xref

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/diag"
)

// normalize is the form names are compared in: lower case, trimmed, each
// run of white space one space. "API  Key" and "api key" are one name.
func normalize(s string) string {
	if isNormal(s) {
		return s
	}
	return string(appendNormal(nil, s))
}

// appendNormal appends the normalized s to buf. Lookups normalize into a
// reused buffer: indexing a map with string(buf) does not allocate.
func appendNormal(buf []byte, s string) []byte {
	start, space := len(buf), false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return append(buf[:start], strings.Join(strings.Fields(strings.ToLower(s)), " ")...)
		case c == ' ' || '\t' <= c && c <= '\r':
			space = true
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		if space && len(buf) > start {
			buf = append(buf, ' ')
		}
		space = false
		buf = append(buf, c)
	}
	return buf
}

// isNormal is the fast path for slugs and other names already in normal
// form, which need no copy.
func isNormal(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf, 'A' <= c && c <= 'Z', '\t' <= c && c <= '\r':
			return false
		case c == ' ' && s[i+1] == ' ':
			return false
		}
	}
	return true
}

// A name is one way an editor can refer to a thing: a term's slug,
// title, synonym or abbreviation, an incident's slug or title, or a
// control's FRAMEWORK/CONTROL key.
type name struct {
	target Target
	what   string // "slug", "title", "synonym", "abbreviation" or "control"
	value  string // as written
	pos    diag.Pos
	draft  bool // the target is a draft; kept here to save a trip to it
	// clash is a different thing with the same normalized name and the
	// same precedence; a link to the name cannot tell them apart.
	clash *name
	// shared lists every term's entry for an abbreviation or synonym that
	// several terms have (this one first): allowed, but a link to it must
	// say which term it means.
	shared []*name
}

// owner names the thing for a person: a term's or incident's title (its
// slug when it has none), or a control's key.
func (n *name) owner() string {
	switch n.target.Kind {
	case KindTerm:
		return termName(n.target.Term)
	case KindIncident:
		if n.target.Incident.Title.Value != "" {
			return n.target.Incident.Title.Value
		}
		return n.target.Incident.Slug.Value
	}
	return n.value
}

// describe says where a name comes from: "synonym of API Key at
// content/terms/api-key.md:5:12".
func (n *name) describe() string {
	return fmt.Sprintf("%s of %s at %s", n.what, n.owner(), n.pos)
}

func termName(t *content.Term) string {
	if t.Title.Value != "" {
		return t.Title.Value
	}
	return t.Slug.Value
}

// termNames lists a term's names in the order they appear in its file, so
// that "the later one" in a diagnostic is the one further down.
func termNames(t *content.Term) []*name {
	target := Target{Kind: KindTerm, Term: t}
	out := make([]*name, 0, 2+len(t.Abbreviations)+len(t.Synonyms))
	add := func(what string, n content.Name) {
		out = append(out, &name{target: target, what: what, value: n.Value, pos: n.Pos, draft: t.Draft})
	}
	add("slug", t.Slug)
	add("title", t.Title)
	for _, a := range t.Abbreviations {
		add("abbreviation", a)
	}
	for _, s := range t.Synonyms {
		add("synonym", s)
	}
	sortByPos(out)
	return out
}

func incidentNames(inc *content.Incident) []*name {
	target := Target{Kind: KindIncident, Incident: inc}
	out := []*name{
		{target: target, what: "slug", value: inc.Slug.Value, pos: inc.Slug.Pos, draft: inc.Draft},
		{target: target, what: "title", value: inc.Title.Value, pos: inc.Title.Pos, draft: inc.Draft},
	}
	sortByPos(out)
	return out
}

// sortByPos is an insertion sort: a term has a handful of names, and ties
// (TOML puts a list's values at its key) keep their order.
func sortByPos(ns []*name) {
	for i := 1; i < len(ns); i++ {
		for j := i; j > 0 && before(ns[j].pos, ns[j-1].pos); j-- {
			ns[j], ns[j-1] = ns[j-1], ns[j]
		}
	}
}

func before(a, b diag.Pos) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
}

// sharable reports whether term claim n may share the name whose entry
// is prev (with the claims already sharing it): abbreviations and
// synonyms may belong to several terms, and so may a term's slug with
// them (CONTENT.md: the disambiguation page moves aside "unless a term
// has that slug"), but not two slugs, nor a title, nor the slug of a
// term whose title is that name too.
func sharable(prev, n *name) bool {
	ok := func(c *name) bool {
		if c.target.Kind != KindTerm {
			return false
		}
		if c.what == "slug" {
			return !titled(c)
		}
		return c.what == "abbreviation" || c.what == "synonym"
	}
	if !ok(prev) || !ok(n) {
		return false
	}
	if n.what == "slug" {
		if prev.what == "slug" || slices.ContainsFunc(prev.shared, func(c *name) bool { return c.what == "slug" }) {
			return false
		}
	}
	return true
}

// titled reports whether slug claim c's term has the same name as its
// title (pam.md titled "PAM"): the name is then the title's.
func titled(c *name) bool {
	return normalize(c.target.Term.Title.Value) == normalize(c.value)
}

// share adds claim m to the terms sharing the name n is the entry of.
func (n *name) share(m *name) {
	if n.shared == nil {
		n.shared = []*name{n}
	}
	n.shared = append(n.shared, m)
}

// sharedWith is t's entry among the terms sharing n; nil if t has none.
func (n *name) sharedWith(t *content.Term) *name {
	for _, s := range n.shared {
		if s.target.Term == t {
			return s
		}
	}
	return nil
}

// addFrameworks registers frameworks by id, and claims controls'
// names as FRAMEWORK/CONTROL.
func (r *resolver) addFrameworks() {
	fws := withoutNil(r.g.Site.Frameworks)
	slices.SortStableFunc(fws, func(a, b *content.Framework) int {
		return cmp.Or(strings.Compare(a.ID, b.ID), strings.Compare(a.File, b.File))
	})
	for _, f := range fws {
		id := strings.ToLower(f.ID)
		if prev, dup := r.frameworks[id]; dup {
			r.diags.Add(diag.DuplicateFramework, diag.Pos{File: f.File}, "framework id %q is already used by %s", f.ID, diag.Pos{File: prev.File})
			continue
		}
		r.frameworks[id] = f
		r.g.Frameworks = append(r.g.Frameworks, f)
		for _, c := range f.Controls {
			if c == nil || c.ID.Value == "" {
				continue
			}
			if r.controls[f] == nil {
				r.controls[f] = map[string]*content.Control{}
			}
			r.controls[f][normalize(c.ID.Value)] = c
			key := f.ID + "/" + c.ID.Value
			if _, taken := r.claims.controls[normalize(key)]; !taken {
				r.claims.controls[normalize(key)] = &name{
					target: Target{Kind: KindControl, Framework: f, Control: c},
					what:   "control", value: key, pos: c.ID.Pos,
				}
			}
		}
	}
}
