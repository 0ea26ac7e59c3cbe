package xref

import (
	"reflect"
	"slices"
	"time"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/mdlint"
	"github.com/nhimg/nhiglossary/internal/wikilink"
)

// proseFields are the fields of a term that Resolve reads only for the
// [[links]] in them, or not at all: a term whose new version differs from
// the old in these alone (with the same links) resolves to the same
// graph. Every other field, including any added later, counts as read
// (see TestSameResolutionKnowsEveryField).
var proseFields = map[string]bool{"Body": true, "Examples": true, "Summary": true, "SummaryPos": true, "Takeaway": true}

// SameResolution reports whether the site resolves alike with b in place
// of a: they differ in prose fields only, and those link to the same
// names and have the same Markdown problems (Resolve reports those too),
// where they were. A live preview may then update a in place instead of resolving
// the site again.
func SameResolution(a, b *content.Term) bool {
	if !sameLinks(a.Body, b.Body) || !sameProblems(a.Body, b.Body) || len(a.Examples) != len(b.Examples) {
		return false
	}
	for i := range a.Examples {
		if !sameLinks(a.Examples[i], b.Examples[i]) || !sameProblems(a.Examples[i], b.Examples[i]) {
			return false
		}
	}
	va, vb := reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem()
	for i := range va.NumField() {
		if proseFields[va.Type().Field(i).Name] {
			continue
		}
		if !sameValue(va.Field(i), vb.Field(i)) {
			return false
		}
	}
	return true
}

// sameValue is reflect.DeepEqual on what an editor wrote: unexported
// fields (a Markdown field keeps its whole file, for positions) are left
// out.
func sameValue(a, b reflect.Value) bool {
	switch a.Kind() {
	case reflect.Struct:
		if t, ok := a.Interface().(time.Time); ok {
			return t.Equal(b.Interface().(time.Time))
		}
		for i := range a.NumField() {
			if a.Type().Field(i).IsExported() && !sameValue(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	case reflect.Slice:
		if a.Len() != b.Len() {
			return false
		}
		for i := range a.Len() {
			if !sameValue(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return sameValue(a.Elem(), b.Elem())
	}
	return reflect.DeepEqual(a.Interface(), b.Interface())
}

// sameProblems compares what Resolve's Markdown check finds in a field,
// with unsafe_html on and off: the site's setting is not at hand.
func sameProblems(a, b content.Markdown) bool {
	return slices.Equal(mdlint.Check(a.Text, false), mdlint.Check(b.Text, false)) &&
		slices.Equal(mdlint.Check(a.Text, true), mdlint.Check(b.Text, true))
}

func sameLinks(a, b content.Markdown) bool {
	la, lb := wikilink.Scan(a.Text), wikilink.Scan(b.Text)
	return slices.EqualFunc(la, lb, func(x, y wikilink.Link) bool {
		return x.Target == y.Target && x.Text() == y.Text() && x.Cut == y.Cut && x.BarEndsCell == y.BarEndsCell
	})
}

// ProseChanges are the facts that differ when terms change in place
// (SameResolution holds for each old -> new pair): their pages, and their
// cards where those differ, in the view of each language of gs that
// holds the old term itself (untranslated there).
func ProseChanges(gs []*Graph, edits map[*content.Term]*content.Term) *Changes {
	c := newChanges()
	for _, g := range gs {
		c.lang = g.FactLang()
		for old, t := range edits {
			if g.TermBySlug[old.Slug.Value] != old {
				continue
			}
			c.add(TermPageFact(t.Slug.Value))
			if !sameTermCard(old, t) {
				c.add(TermCardFact(t.Slug.Value))
				c.add(Fact{Kind: TermList})
			}
		}
	}
	return c
}
