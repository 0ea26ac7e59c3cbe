package xref

import (
	"testing"

	"github.com/nhimg/nhiglossary/internal/content"
)

func TestOwners(t *testing.T) {
	n := func(s string) content.Name { return content.Name{Value: s} }
	mac1 := &content.Term{File: "a.md", Title: n("Mandatory Access Control"), Slug: n("mandatory-access-control"), Abbreviations: []content.Name{n("MAC")}}
	mac2 := &content.Term{File: "b.md", Title: n("Message Authentication Code"), Slug: n("message-authentication-code"), Abbreviations: []content.Name{n("MAC")}, Synonyms: []content.Name{n("Tag")}, Redirects: []content.Name{n("msg-auth")}}
	inc := &content.Incident{File: "i.md", Title: n("Big Leak"), Slug: n("big-leak")}
	site := &content.Site{Terms: []*content.Term{mac1, mac2}, Incidents: []*content.Incident{inc}}
	tests := []struct {
		name string
		want []string // file:as
	}{
		{"MAC", []string{"a.md:abbreviation", "b.md:abbreviation"}}, // ambiguous names too
		{"  message   authentication CODE ", []string{"b.md:title"}},
		{"tag", []string{"b.md:synonym"}},
		{"msg-auth", []string{"b.md:old slug"}},
		{"mandatory-access-control", []string{"a.md:slug"}},
		{"big leak", []string{"i.md:title"}},
		{"Nothing", nil},
		{"", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, o := range Owners(site, tt.name) {
			got = append(got, o.File()+":"+o.As)
		}
		if len(got) != len(tt.want) {
			t.Errorf("%q: %v, want %v", tt.name, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%q: %v, want %v", tt.name, got, tt.want)
			}
		}
	}
}
