package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// FuzzLoadTerm feeds arbitrary bytes to the loader as a term file: it must
// never panic, and every diagnostic must point inside the file.
func FuzzLoadTerm(f *testing.F) {
	seeds, _ := filepath.Glob("../build/testdata/example-site/content/terms/*.md") // the contract's example site
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(okTerm))
	f.Add([]byte("+++\ntitle = \"A\"\n[[mappings]]\nframework = \"x\"\n+++\n"))
	f.Add([]byte("{\n\"title\": [1, {\"a\": null}]\n}\n\n"))
	f.Add([]byte("---\ntitle: &a [*a]\n---\n"))
	f.Add([]byte("---\nexamples:\n  - |\n    x [[y]]\n---\n"))
	// Values over lines, escapes and byte order marks, which PosAt must
	// place exactly.
	f.Add([]byte("---\ntitle: A\nsummary: s\nupdated: 2026-01-01\nexamples:\n  - >-\n    a\n    b [[x]]\n  - \"q \\\" \\u00e9\n    [[y]]\"\n  - 'it''s [[z]]'\n  - plain\n    [[w]]\n---\n"))
	f.Add([]byte("+++\ntitle = \"T\"\nsummary = \"s\"\nupdated = 2026-01-01\nrelated = [\n  \"a\", # c\n  'b',\n]\nexamples = [\"see [[n]]\", '''\nx [[l]]''']\n[[mappings]]\nframework = \"f\"\ncontrol = \"C9\"\nrelevance = \"\"\"\n\\u00e9 [[m]] \\\n  [[k]]\"\"\"\n[reviewed]\nby = \"\"\n+++\n"))
	f.Add([]byte("{\n\"title\": \"J\", \"summary\": \"s\", \"updated\": \"2026-01-01\",\n\"examples\": [\"j \\\" \\ud83d\\ude00 [[j]]\", \"\\u005b[e]]\"], \"category\": \"\"\n}\n"))
	f.Add([]byte("\ufeff---\ntitle: B\nsummary: s\nupdated: 2026-01-01\nauthor: ''\n---\n[[b]]\n"))
	f.Add([]byte("\ufeff+++\ntitle = \"B\"\n+++\n"))
	f.Add([]byte("---\ntitle: A\nsynonyms: [b, c]\nsummary: [x\n---\n")) // names read before a mistake
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{"content/terms/t.md": &fstest.MapFile{Data: data}}
		s, diags := Load(fsys)
		// A lone CR ends a line too, as it does for YAML and editors.
		lines := strings.Count(string(data), "\n") + strings.Count(string(data), "\r") - strings.Count(string(data), "\r\n") + 1
		for _, d := range diags {
			if d.Pos.File != "content/terms/t.md" {
				t.Fatalf("diagnostic for another file: %v", d)
			}
			if d.Pos.Line < 0 || d.Pos.Line > lines+1 {
				t.Fatalf("diagnostic outside the file (%d lines): %v", lines, d)
			}
		}
		if !diags.HasErrors() && len(s.Terms) != 1 {
			t.Fatalf("no errors but %d terms", len(s.Terms))
		}
		for _, term := range s.Terms {
			// Positions are in the file as editors see it: lone CRs
			// end lines (see lineEnds).
			checkLinkPositions(t, string(lineEnds(data)), term)
		}
	})
}

// checkLinkPositions fails t unless every [[ in term's Markdown is placed
// at a [ of the file, or at the escape that spells it, or (where the
// source could not be followed) at the value's start.
func checkLinkPositions(t *testing.T, src string, term *Term) {
	mds := append([]Markdown{term.Body}, term.Examples...)
	for _, m := range term.Mappings {
		mds = append(mds, m.Relevance)
	}
	for _, m := range mds {
		for i := 0; ; i += 2 {
			j := strings.Index(m.Text[i:], "[[")
			if j < 0 {
				break
			}
			i += j
			p := m.PosAt(i)
			if at := atPos(src, p); p != m.Pos && !strings.HasPrefix(at, "[") && !strings.HasPrefix(at, `\`) {
				t.Fatalf("[[ at %d of %q placed at %v, where the file has %.10q", i, m.Text, p, at)
			}
		}
	}
}

// FuzzSplitFrontMatter checks the splitter's promises for any file: the
// front matter is the text at dataLine, and the body is the file's end.
func FuzzSplitFrontMatter(f *testing.F) {
	for _, s := range []string{okTerm, "{\n\"a\": 1\n}\nbody\n", "{\n\"a\": 1\n} x\n", "+++\na = 1\n+++", "\n\n---json\n{}\n---\n", "---\nx\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		fm := splitFrontMatter(src)
		if fm.bodyOff < 0 || fm.bodyOff > len(src) {
			t.Fatalf("body at %d of %d bytes", fm.bodyOff, len(src))
		}
		if fm.problem != fmOK {
			return
		}
		at := strings.Index(src, fm.data)
		lineStart := 0
		for range fm.dataLine - 1 {
			lineStart += strings.IndexByte(src[lineStart:], '\n') + 1
		}
		if !strings.HasPrefix(src[fm.dataOff:], fm.data) {
			t.Fatalf("front matter %q is not at offset %d of %q", fm.data, fm.dataOff, src)
		}
		if at < 0 || !strings.HasPrefix(src[lineStart:], fm.data) {
			t.Fatalf("front matter %q is not at line %d of %q", fm.data, fm.dataLine, src)
		}
		if lineStart+len(fm.data) > fm.bodyOff {
			t.Fatalf("front matter %q overlaps the body at %d", fm.data, fm.bodyOff)
		}
	})
}

// FuzzLoadTranslation feeds arbitrary bytes to the loader as a translation
// and as a site's interface text: it must never panic, every diagnostic
// must point into a file of the site, and a clean translation pairs with
// its original.
func FuzzLoadTranslation(f *testing.F) {
	f.Add([]byte(deTerm), []byte("related_terms: Siehe auch\n"))
	f.Add([]byte("---\ntitle: X\nrelated: [a]\nsource_updated: 2026-13-01\n---\n"), []byte("n_terms: \"{0} {1}\"\n"))
	f.Add([]byte("+++\ntitle = \"T\"\nsource_updated = 2026-01-01\n+++\n"), []byte("- a\n- b\n"))
	f.Add([]byte("{\"title\": \"J\", \"tags\": [\"x\"]}\n"), []byte("by: \"Von \"\nby: x\n"))
	f.Fuzz(func(t *testing.T, tr, i18nText []byte) {
		fsys := site(map[string]string{
			"nhiglossary.yaml":            twoLangConfig,
			"content/terms/api-key.md":    okTerm,
			"content/terms/api-key.de.md": string(tr),
			"i18n/de.yaml":                string(i18nText),
		})
		s, diags := Load(fsys)
		for _, d := range diags {
			if d.Pos.File != "content/terms/api-key.de.md" && d.Pos.File != "i18n/de.yaml" {
				t.Fatalf("diagnostic for another file: %v", d)
			}
		}
		if !diags.HasErrors() {
			if len(s.TermTranslations) != 1 || s.TermTranslations[0].Original != s.Terms[0] {
				t.Fatalf("no errors but translations %v", s.TermTranslations)
			}
			if got := s.Localize("de").Terms[0]; got.Lang != "de" || got.Slug.Value != "api-key" {
				t.Fatalf("localized %q %q", got.Lang, got.Slug.Value)
			}
		}
	})
}
