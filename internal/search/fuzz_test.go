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
	f.Add("a\tb\nc", "x", " ", "a\tb\nc", "a", "y", "", "")
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

// readText reads the full-text index as search.js does: the manifest
// names a shard per two-letter key; a shard line is WORD TAB POSTINGS,
// the term numbers as gaps in base 32, high digits from 'P', the last
// from '0'.
func readText(t *testing.T, files []File) map[string][]int32 {
	t.Helper()
	byPath := map[string]string{}
	for _, f := range files {
		byPath[f.Path] = string(f.Data)
	}
	manifest := strings.Split(strings.TrimSuffix(byPath["search/text.txt"], "\n"), "\n")
	post := map[string][]int32{}
	for _, ln := range manifest[2:] {
		k, hash, _ := strings.Cut(ln, "\t")
		shard, ok := byPath["search/t/"+hash+".txt"]
		if !ok {
			t.Fatalf("no shard %s for %q", hash, k)
		}
		for _, l := range strings.Split(strings.TrimSuffix(shard, "\n"), "\n") {
			w, digits, _ := strings.Cut(l, "\t")
			if key(w) != k {
				t.Fatalf("%q in the shard of %q", w, k)
			}
			prev, v := int32(-1), int32(0)
			for i := 0; i < len(digits); i++ {
				if c := digits[i]; c >= 'P' {
					v = v<<5 | int32(c-'P')
				} else {
					prev += v<<5 | int32(c-'0') + 1
					post[w] = append(post[w], prev)
					v = 0
				}
			}
		}
	}
	return post
}

// The full-text index finds each term by every word of its title,
// summary and body, and by no other; the order in which pages rendered
// (and added their bodies) changes no byte of it. What a word is, the
// package's own words and stopSet say (tested on their own): this
// checks the files' encoding and who is found by what.
func FuzzTextIndex(f *testing.F) {
	f.Add("Key rotation", "rotate the key often", "Token", "the token is a bearer secret", "Über-Service", "café CAFÉ x509 ", uint8(5))
	f.Add("A", "a an the", "B", strings.Repeat("long", 11)+" ok", "C", "ok ok ok", uint8(0))
	f.Fuzz(func(t *testing.T, title1, body1, title2, body2, title3, body3 string, order uint8) {
		var terms []*content.Term
		bodies := map[*content.Term]string{}
		texts := [][2]string{{title1, body1}, {title2, body2}, {title3, body3}}
		for i, x := range texts {
			if field(x[0]) == "" {
				return
			}
			// A term's summary is the next one's body: words shared and not.
			tm := &content.Term{Title: content.Name{Value: x[0]}, Slug: content.Name{Value: "t" + string(rune('0'+i))}, Summary: texts[(i+1)%3][1]}
			terms = append(terms, tm)
			bodies[tm] = x[1]
		}
		build := func(perm []int) []File {
			ix := New(terms)
			tx := ix.NewText()
			for _, i := range perm {
				tx.Add(terms[i], bodies[terms[i]])
			}
			tx.Add(terms[perm[0]], "added again: ignored")
			return tx.Files()
		}
		perms := [][]int{{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}}
		files := build(perms[0])
		again := build(perms[int(order)%len(perms)])
		if len(files) != len(again) {
			t.Fatalf("%d files, then %d", len(files), len(again))
		}
		for i := range files {
			if files[i].Path != again[i].Path || string(files[i].Data) != string(again[i].Data) {
				t.Fatalf("%s differs with the order of adding", files[i].Path)
			}
		}
		// What each term's document holds, as Add splits it.
		ix := New(terms)
		want := map[string]map[int32]bool{}
		for i, tm := range ix.terms {
			words(tm.Title.Value+" "+tm.Summary+" "+bodies[tm], nil, func(w []byte) {
				if s := string(w); len(s) >= 2 && len(s) <= maxWord && !stopSet[s] {
					if want[s] == nil {
						want[s] = map[int32]bool{}
					}
					want[s][int32(i)] = true
				}
			})
		}
		got := readText(t, files)
		if len(got) != len(want) {
			t.Fatalf("%d words indexed, want %d", len(got), len(want))
		}
		for w, docs := range got {
			if len(docs) != len(want[w]) {
				t.Fatalf("%q in %v, want %v", w, docs, want[w])
			}
			for _, d := range docs {
				if !want[w][d] {
					t.Fatalf("%q in %v, want %v", w, docs, want[w])
				}
			}
		}
	})
}
