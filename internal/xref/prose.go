package xref

import (
	"reflect"
	"slices"

	"github.com/nhimg/nhiglossary/internal/content"
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
// names. A live preview may then update a in place instead of resolving
// the site again.
func SameResolution(a, b *content.Term) bool {
	if !sameLinks(a.Body, b.Body) || len(a.Examples) != len(b.Examples) {
		return false
	}
	for i := range a.Examples {
		if !sameLinks(a.Examples[i], b.Examples[i]) {
			return false
		}
	}
	va, vb := reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem()
	for i := range va.NumField() {
		if proseFields[va.Type().Field(i).Name] {
			continue
		}
		if !reflect.DeepEqual(va.Field(i).Interface(), vb.Field(i).Interface()) {
			return false
		}
	}
	return true
}

func sameLinks(a, b content.Markdown) bool {
	la, lb := wikilink.Scan(a.Text), wikilink.Scan(b.Text)
	return slices.EqualFunc(la, lb, func(x, y wikilink.Link) bool { return x.Target == y.Target && x.Text() == y.Text() })
}

// ProseChanges are the facts that differ when terms change in place
// (SameResolution holds for each old -> new pair): their pages, and their
// cards where those differ.
func ProseChanges(edits map[*content.Term]*content.Term) *Changes {
	c := &Changes{facts: map[Fact]bool{}}
	for old, t := range edits {
		c.add(TermPageFact(t.Slug.Value))
		if !sameTermCard(old, t) {
			c.add(TermCardFact(t.Slug.Value))
			c.add(Fact{TermList, ""})
		}
	}
	return c
}
