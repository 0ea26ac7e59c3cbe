package search

import (
	"strings"
	"testing"

	"github.com/nhimg/nhiglossary/internal/content"
)

// readNames reads a names file as search.js does: after the header and
// the shard line, one line a term, TITLE (front-coded) TAB SLUG TAB
// ABBREVIATIONS TAB SYNONYMS..., trailing empty fields left out.
func readNames(t *testing.T, data string) (titles, slugs []string, abbrs, syns [][]string) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(data, "\n"), "\n")
	if !strings.HasPrefix(lines[0], "nhiglossary-search 2 ") {
		t.Fatalf("header %q", lines[0])
	}
	prev := ""
	for _, ln := range lines[2:] {
		if strings.HasPrefix(ln, "-") {
			break // entries follow the terms
		}
		f := strings.Split(ln, "\t")
		for len(f) < 4 {
			f = append(f, "")
		}
		n := int(f[0][0] - '0')
		title := prev[:n] + f[0][1:]
		prev = title
		slug := f[1]
		if slug == "" {
			slug = slugOf(title)
		}
		titles, slugs = append(titles, title), append(slugs, slug)
		abbrs = append(abbrs, split(f[2]))
		var ss []string
		for _, s := range split(f[3]) {
			// ~ is the title; \~ and \\ are themselves.
			var b strings.Builder
			for i := 0; i < len(s); i++ {
				switch {
				case s[i] == '\\' && i+1 < len(s):
					i++
					b.WriteByte(s[i])
				case s[i] == '~':
					b.WriteString(title)
				default:
					b.WriteByte(s[i])
				}
			}
			ss = append(ss, b.String())
		}
		syns = append(syns, ss)
	}
	return titles, slugs, abbrs, syns
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

// The names file reads back as the names the terms have, one line each,
// as search.js reads it: front coding, the derived slug and the title
// inside synonyms all undone.
func FuzzNamesRoundTrip(f *testing.F) {
	f.Add("API Key", "api-key", "AK", "API key~token", "Secret|Sprawl", "secrets-sprawl", "\\x", "")
	f.Add("Café Identity", "cafe-identity", "", "Café", "Café Token", "cafe-token", "C|T", "~\\")
	f.Add("a\tb\nc", "x", " ", "a\tb\nc", "a", "", "", "")
	f.Fuzz(func(t *testing.T, title1, slug1, abbr1, syn1, title2, slug2, abbr2, syn2 string) {
		var terms []*content.Term
		for _, x := range [][4]string{{title1, slug1, abbr1, syn1}, {title2, slug2, abbr2, syn2}} {
			if field(x[0]) == "" || x[1] == "" || strings.ContainsAny(x[1], "\t\n|") {
				return // content refuses such titles and slugs
			}
			terms = append(terms, &content.Term{Title: content.Name{Value: x[0]}, Slug: content.Name{Value: x[1]},
				Abbreviations: []content.Name{{Value: x[2]}}, Synonyms: []content.Name{{Value: x[3]}}})
		}
		ix := New(terms)
		titles, slugs, abbrs, syns := readNames(t, string(ix.NameFiles()[0].Data))
		if len(titles) != len(terms) {
			t.Fatalf("%d lines for %d terms", len(titles), len(terms))
		}
		for i, tm := range ix.terms {
			if titles[i] != field(tm.Title.Value) || slugs[i] != tm.Slug.Value {
				t.Errorf("term %d: %q %q, want %q %q", i, titles[i], slugs[i], field(tm.Title.Value), tm.Slug.Value)
			}
			if want := field(tm.Abbreviations[0].Value); (want == "") != (len(abbrs[i]) == 0) || want != "" && abbrs[i][0] != want {
				t.Errorf("term %d: abbreviations %q, want %q", i, abbrs[i], want)
			}
			if want := field(tm.Synonyms[0].Value); (want == "") != (len(syns[i]) == 0) || want != "" && syns[i][0] != want {
				t.Errorf("term %d: synonyms %q, want %q", i, syns[i], want)
			}
		}
	})
}
