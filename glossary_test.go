package nhiglossary_test

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/nhimg/nhiglossary"
	"github.com/nhimg/nhiglossary/internal/build"
	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/render"
)

// The bundled glossary is the site the README's command shows: these
// tests hold it to the editorial bar of issue 3.

func opts() build.Options {
	return build.Options{Templates: nhiglossary.Templates(), Assets: nhiglossary.Assets(), Generator: "test"}
}

func TestBundledGlossaryChecksClean(t *testing.T) {
	g, diags := build.Check(os.DirFS("."), opts())
	if len(diags) > 0 {
		t.Fatalf("check reports problems:\n%v", diags)
	}
	if n := len(g.Terms); n < 40 {
		t.Errorf("%d terms, want at least 40", n)
	}
	if n := len(g.Incidents); n < 8 {
		t.Errorf("%d incidents, want at least 8", n)
	}
	for _, term := range g.Terms {
		if n := len(g.Related[term]); n < 3 {
			t.Errorf("%s: %d related terms, want at least 3", term.File, n)
		}
		if len(g.ReferencedBy[term]) == 0 {
			t.Errorf("%s: no other term links to it", term.File)
		}
		if strings.TrimSpace(term.Summary) == "" || strings.TrimSpace(term.Body.Text) == "" {
			t.Errorf("%s: empty summary or body", term.File)
		}
	}
}

// A quoted definition is only worth showing when a reader can check it:
// each needs its words and an absolute link to the body that wrote them.
// Loading alone (not check) is enough, so this holds while keys the tool
// does not read yet are reported elsewhere.
func TestBundledDefinitionsNameTheirSource(t *testing.T) {
	s, _ := content.Load(os.DirFS("."))
	withDefs := 0
	for _, term := range s.Terms {
		if len(term.Definitions) > 0 {
			withDefs++
		}
		for i, d := range term.Definitions {
			if strings.TrimSpace(d.Text) == "" || strings.TrimSpace(d.Source.Title) == "" {
				t.Errorf("%s: definition %d has no text or no source title", term.File, i+1)
			}
			u, err := url.Parse(d.Source.URL)
			if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
				t.Errorf("%s: definition %d: source URL %q is not an absolute web address", term.File, i+1, d.Source.URL)
			}
		}
	}
	if withDefs < 10 {
		t.Errorf("%d terms quote a definition, want at least 10", withDefs)
	}
}

var hrefRE = regexp.MustCompile(`(?:href|src)="([^"]+)"`)

func TestBundledGlossaryBuildsWithTheReferenceLayout(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	o := opts()
	o.BaseURL = "/"
	res, err := build.Build(context.Background(), ".", out, o)
	if err != nil {
		t.Fatalf("build: %v\n%v", err, res.Diags)
	}
	page, err := os.ReadFile(filepath.Join(out, "terms/api-key/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	html := string(page)

	// The sections of the reference entry, in its order.
	sections := []string{
		`<h1>API Key`,              // title
		`Updated <time datetime="`, // updated date and author
		`class="summary lead"`,     // short definition
		`id="definition"`,          // expanded definition
		`Why it matters`,           // why it matters in NHI security
		`id="examples"`,            // examples and use cases
		`id="incidents"`,           // the incidents it cites
		`id="frameworks"`,          // standards & framework alignment
		`PR.AA-01`,                 // CSF 2.0, not CSF 1.1's PR.AC-1
		`Key takeaway`,             // takeaway
		`id="related"`,             // related terms
		`id="referenced-by"`,       // backlinks
		`id="sources"`,             // sources for the statistics
		`Editorial note`,           // editorial note
	}
	at := 0
	for _, s := range sections {
		i := strings.Index(html[at:], s)
		if i < 0 {
			if strings.Contains(html, s) {
				t.Errorf("api-key page: %q is out of the reference order", s)
			} else {
				t.Errorf("api-key page: no %q", s)
			}
			continue
		}
		at += i
	}
	for _, s := range []string{`"@type":"DefinedTerm"`, `"inDefinedTermSet":{"@type":"DefinedTermSet"`} {
		if !strings.Contains(html, s) {
			t.Errorf("api-key page: no JSON-LD %s", s)
		}
	}
	if strings.Contains(html, "PR.AC-1\"") || strings.Contains(html, ">PR.AC-1<") {
		t.Error("api-key page maps to CSF 1.1's PR.AC-1")
	}

	// Every internal link of every page resolves to a built file, and
	// every incident and mapped control has a page listing its terms.
	files := map[string]bool{}
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(out, p)
			files["/"+filepath.ToSlash(rel)] = true
		}
		return nil
	})
	checked := 0
	for f := range files {
		if !strings.HasSuffix(f, ".html") {
			continue
		}
		b, _ := os.ReadFile(filepath.Join(out, f))
		for _, m := range hrefRE.FindAllStringSubmatch(string(b), -1) {
			u, err := url.Parse(strings.ReplaceAll(m[1], "&amp;", "&"))
			if err != nil || u.Host != "" || u.Scheme != "" || u.Path == "" {
				continue
			}
			p := u.Path
			if strings.HasSuffix(p, "/") {
				p += "index.html"
			}
			if !files[p] {
				t.Errorf("%s links to %s, which was not built", f, m[1])
			}
			checked++
		}
	}
	if checked < 1000 {
		t.Errorf("only %d internal links checked", checked)
	}

	g, _ := build.Check(os.DirFS("."), opts())
	for inc, terms := range g.IncidentTerms {
		b, err := os.ReadFile(filepath.Join(out, "incidents", inc.Slug.Value, "index.html"))
		if err != nil {
			t.Errorf("incident %s has no page", inc.Slug.Value)
			continue
		}
		for _, term := range terms {
			if !strings.Contains(string(b), `href="/terms/`+term.Slug.Value+`/"`) {
				t.Errorf("incident %s page does not list %s", inc.Slug.Value, term.Slug.Value)
			}
		}
	}
	for ctl, tms := range g.ControlTerms {
		var fw, anchor string
		for _, f := range g.Frameworks {
			for i, c := range f.Controls {
				if c == ctl {
					fw, anchor = f.ID, `id="`+render.ControlAnchors(f)[i]+`"`
				}
			}
		}
		b, _ := os.ReadFile(filepath.Join(out, "frameworks", fw, "index.html"))
		section := string(b)
		i := strings.Index(section, anchor)
		if i < 0 {
			t.Errorf("%s/%s has no anchor on its framework page", fw, ctl.ID.Value)
			continue
		}
		section = section[i:]
		if j := strings.Index(section[1:], `class="control"`); j > 0 {
			section = section[:j]
		}
		for _, tm := range tms {
			if !strings.Contains(section, `href="/terms/`+tm.Term.Slug.Value+`/"`) {
				t.Errorf("%s/%s does not list %s", fw, ctl.ID.Value, tm.Term.Slug.Value)
			}
		}
	}
}

// The hierarchy is real (issue 12): a term whose title names a wider term
// of the glossary as its head ("Hardcoded Secret", "Kubernetes Service
// Account", "Third-Party NHI") sits under some broader term, and every
// tree of the /hierarchy/ page has narrower terms under a root.
func TestBundledGlossaryHierarchyHasNoOrphans(t *testing.T) {
	g, diags := build.Check(os.DirFS("."), opts())
	if g == nil {
		t.Fatalf("check reports errors:\n%v", diags)
	}
	type head struct {
		name string
		term *content.Term
	}
	var heads []head
	for _, p := range g.Terms {
		if p.Deprecated {
			continue
		}
		heads = append(heads, head{strings.ToLower(p.Title.Value), p})
		for _, n := range append(slices.Clone(p.Abbreviations), p.Synonyms...) {
			heads = append(heads, head{strings.ToLower(n.Value), p})
		}
	}
	withBroader := 0
	for _, term := range g.Terms {
		if len(g.Broader[term]) > 0 {
			withBroader++
			continue
		}
		title := strings.ToLower(term.Title.Value)
		if strings.Contains(title, " of ") || term.Deprecated {
			continue // "Human Use of NHI" is a use, not a kind of NHI
		}
		for _, h := range heads {
			if h.term != term && strings.HasSuffix(title, " "+h.name) {
				t.Errorf("%s: %q has no broader term, but %q (%s) is wider: add broader: [%s]", term.File, term.Title.Value, h.name, h.term.Slug.Value, h.term.Slug.Value)
				break
			}
		}
	}
	if withBroader < len(g.Terms)/3 {
		t.Errorf("%d of %d terms have a broader term; the hierarchy should hold at least a third of them", withBroader, len(g.Terms))
	}
	for _, term := range g.Terms {
		for _, b := range g.Broader[term] {
			if !slices.Contains(g.Narrower[b], term) {
				t.Errorf("%s: broader %s does not list it as narrower", term.File, b.Slug.Value)
			}
		}
	}
}
