package build

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestEditorTextNeverRunsAsScript builds a site whose every field tries to
// inject script, and checks what a browser would run: script elements
// (other than the site's own files and JSON data blocks), event-handler
// attributes and javascript: URLs.
func TestEditorTextNeverRunsAsScript(t *testing.T) {
	const evil = `<script>alert(1)</script></script><img src=x onerror=alert(1)>"'><svg onload=alert(1)>`
	src := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(src, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	q := func(s string) string { return `'` + strings.ReplaceAll(s, `'`, `''`) + `'` }
	write("nhiglossary.yaml", "title: "+q("Site "+evil)+"\ndescription: "+q(evil)+"\n")
	write("content/frameworks/fw.yaml", "name: "+q("FW "+evil)+"\ndescription: "+q(evil)+"\ncontrols:\n  - id: C1\n    title: "+q(evil)+"\n    description: "+q(evil)+"\n")
	write("content/incidents/leak.md", "---\ntitle: "+q("Leak "+evil)+"\ndate: 2025-01-01\nsummary: "+q(evil+" [[evil-term]]")+"\ntags: ["+q(evil)+"]\n---\n"+evil+"\n")
	// Both terms share an abbreviation (a disambiguation page named by
	// it), one is under the other, and a third is deprecated.
	term := func(slug, title, related, extra string) {
		write("content/terms/"+slug+".md", "---\ntitle: "+q(title)+"\nsummary: "+q(evil)+
			"\nsynonyms: ["+q("syn "+slug+" "+evil)+"]\nabbreviations: ["+q("AB "+evil)+"]\ncategory: "+q(evil)+"\ntags: ["+q(evil)+"]\nrelated: ["+related+"]"+
			"\nincidents: [leak]\nmappings:\n  - framework: fw\n    control: C1\n    relevance: "+q(evil+" [x](javascript:alert(1))")+
			"\nexamples:\n  - "+q(evil+" [y](JaVaScRiPt:alert(1)) <javascript:alert(1)>")+
			"\ntakeaway: "+q(evil)+"\nsources:\n  - {title: "+q(evil)+", publisher: "+q(evil)+", url: 'https://example.org/?q=\"><script>'}"+
			"\nreviewed: {by: "+q(evil)+", on: 2026-01-01}\ndefinitions:\n  - text: "+q(evil)+"\n    source: {title: "+q(evil)+"}\n    context: "+q(evil)+
			"\n"+extra+
			"\nauthor: "+q(evil)+"\nupdated: 2026-01-01\n---\n"+evil+"\n\n[z](javascript:alert(1)) [[Other Term|"+evil+"]]\n\n```"+evil+"\ncode\n```\n")
	}
	term("evil-term", "Evil Term "+evil, "other-term", "broader: [other-term]")
	term("other-term", "Other Term", "evil-term", "")
	term("old-term", "Old Term "+evil, "other-term", "deprecated: true\nreplaced_by: evil-term")

	// A site's own interface text, printed in text and in attributes.
	write("i18n/en.yaml", "search_quick: "+q("Quick "+evil)+"\nsearch_label: "+q("Label "+evil)+"\nback_to_glossary: "+q("Back "+evil)+"\nhome: "+q("Home "+evil)+"\n")

	out := filepath.Join(t.TempDir(), "public")
	buildOK(t, src, out, opts())

	scriptTag := regexp.MustCompile(`(?i)<script\b([^>]*)>`)
	handler := regexp.MustCompile(`(?i)<[^>]+\son[a-z]+\s*=`)
	quoted := regexp.MustCompile(`"[^"]*"`)
	jsURL := regexp.MustCompile(`(?i)(href|src|action)\s*=\s*["']?\s*javascript:`)
	pages := 0
	tree := readTree(t, out)
	if !strings.Contains(tree["index.html"], `aria-label="Quick &lt;script&gt;`) {
		t.Error("the interface text overrides are not tested")
	}
	for _, want := range []string{"hierarchy/index.html", "terms/ab-script-alert-1-script-script-img-src-x-onerror-alert-1-svg-onload-alert-1/index.html"} {
		if _, ok := tree[want]; !ok {
			t.Errorf("no %s: the terminology pages are not tested", want)
		}
	}
	for name, text := range tree {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		for _, m := range scriptTag.FindAllStringSubmatch(text, -1) {
			attrs := m[1]
			if strings.Contains(attrs, `src="/`) || strings.Contains(attrs, `type="application/ld+json"`) || strings.Contains(attrs, `type="application/json"`) {
				continue
			}
			t.Errorf("%s: a script element from content: %s", name, m[0])
		}
		// Attribute values are always double-quoted by the templates and
		// by goldmark, so an attribute outside quotes is real markup.
		if m := handler.FindString(quoted.ReplaceAllString(text, `""`)); m != "" {
			t.Errorf("%s: an event handler from content: %s", name, m)
		}
		if m := jsURL.FindString(text); m != "" {
			t.Errorf("%s: a javascript: URL: %s", name, m)
		}
		// A data block must not be closable by content: "</script" may
		// only appear as the block's own end tag.
		for _, block := range strings.Split(text, "<script")[1:] {
			if end := strings.Index(block, "</script>"); end >= 0 && strings.Contains(strings.ToLower(block[:end]), "</script") {
				t.Errorf("%s: content closes a script element early", name)
			}
		}
	}
	if pages < 10 {
		t.Fatalf("only %d pages built", pages)
	}
}
