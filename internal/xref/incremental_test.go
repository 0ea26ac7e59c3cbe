package xref

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/diag"
	"github.com/nhimg/nhiglossary/internal/proptest"
)

// Resolving with a Memo after any sequence of edits gives what a fresh
// Resolve gives, and Diff of two graphs gives the same facts whether it
// uses what Resolve knew changed or compares everything. The edits are
// as a live preview makes them: an edited, added or deleted file's term
// or incident is a new object; every other keeps its object.
func TestIncrementalResolveIsFull(t *testing.T) {
	seeds := 60
	if testing.Short() {
		seeds = 15
	}
	runs, continued, diffed, narrow := 0, 0, 0, 0
	for seed := range proptest.Seeds(t, seeds) {
		rng := rand.New(rand.NewPCG(seed, 7))
		opts := Options{Drafts: seed%3 == 0, ReportDraftLinks: seed%2 == 0}
		if seed%4 == 1 {
			opts.Now, opts.Review = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), true
		}
		gen := &siteGen{rng: rng}
		site := gen.site()
		memo := &Memo{}
		opts.Memo = memo
		prev, _ := Resolve(site, opts)
		var history []string
		for step := range 25 {
			runs++
			history = append(history, gen.edit(site))
			next, diff := resolveBoth(site, opts)
			if diff != "" {
				t.Fatalf("seed %d, step %d, after %s: incremental Resolve differs from a full one (-full +incremental):\n%s", seed, step, strings.Join(history, "; "), diff)
			}
			if next.delta != nil {
				continued++
			}
			if d := next.since(prev); d != nil {
				diffed++
				if len(d.terms) < len(next.Terms)/2 {
					narrow++
				}
			}
			if diff := diffDelta(prev, next); diff != "" {
				t.Fatalf("seed %d, step %d, after %s: Diff differs with Resolve's delta (-whole +delta):\n%s", seed, step, strings.Join(history, "; "), diff)
			}
			prev = next
		}
	}
	t.Logf("of %d resolves, %d continued from the last, %d were diffed so, %d of them comparing under half the terms", runs, continued, diffed, narrow)
	if runs >= 100 && (continued < runs*3/4 || diffed < runs/3 || narrow < diffed/20) {
		t.Errorf("the test checks little")
	}
}

// siteGen makes small random sites whose names often meet: titles,
// synonyms and links come from a few words, so that names clash, are
// shared, come and go under links that already name them.
type siteGen struct {
	rng   *rand.Rand
	files int // files made so far, for new names
}

var (
	genWords = []string{"alpha", "beta", "gamma", "delta", "key", "token", "secret", "agent", "bot", "vault"}
	genTags  = []string{"iam", "ops", "Ops", "cloud"}
)

func (g *siteGen) word() string { return genWords[g.rng.IntN(len(genWords))] }

// ref is a name a list or link may use: a slug, a title, a synonym, an
// incident, a control, an old slug, or nothing known.
func (g *siteGen) ref() string {
	switch g.rng.IntN(12) {
	case 0, 1, 2, 3, 4, 5:
		return fmt.Sprintf("t%d", g.rng.IntN(g.files+2))
	case 6:
		return "inc-" + fmt.Sprint(g.rng.IntN(3))
	case 7:
		return fmt.Sprintf("fw/c%d", g.rng.IntN(3))
	case 8:
		return fmt.Sprintf("old-%d", g.rng.IntN(4))
	case 9:
		return g.word() + " " + g.word()
	}
	return g.word()
}

// slug is a new term's: now and then one another term has.
func (g *siteGen) slug() string {
	if g.rng.IntN(10) == 0 {
		return fmt.Sprintf("t%d", g.rng.IntN(g.files+1))
	}
	return fmt.Sprintf("t%d", g.files)
}

func (g *siteGen) names(n int) []content.Name {
	var out []content.Name
	for range g.rng.IntN(n + 1) {
		out = append(out, content.Name{Value: g.ref()})
	}
	return out
}

func (g *siteGen) body() string {
	var b strings.Builder
	for range g.rng.IntN(4) {
		fmt.Fprintf(&b, "Some text about %s. See [[%s]].\n\n", g.word(), g.ref())
	}
	return b.String()
}

func (g *siteGen) term() *content.Term {
	g.files++
	file := fmt.Sprintf("content/terms/f%02d.md", g.files)
	t := &content.Term{File: file, Slug: content.Name{Value: g.slug()}, Autolink: true,
		Updated: time.Date(2025, 1, 1+g.rng.IntN(28), 0, 0, 0, 0, time.UTC)}
	g.retitle(t)
	t.Synonyms = g.wordNames(2)
	t.Abbreviations = g.wordNames(1)
	t.Related = g.names(3)
	t.Broader = g.names(1)
	t.Incidents = g.names(1)
	t.Redirects = []content.Name{{Value: fmt.Sprintf("old-%d", g.rng.IntN(4))}}[:g.rng.IntN(2)]
	g.remap(t)
	t.Body = content.Markdown{Text: g.body()}
	t.Examples = []content.Markdown{{Text: g.body()}}[:g.rng.IntN(2)]
	t.Draft = g.rng.IntN(6) == 0
	g.tag(t)
	g.deprecate(t)
	return place(t)
}

func (g *siteGen) tag(t *content.Term) {
	t.Tags = []string{genTags[g.rng.IntN(len(genTags))]}[:g.rng.IntN(2)]
	t.Category = []string{"", "Basics", "basics", "Risk"}[g.rng.IntN(4)]
}

func (g *siteGen) wordNames(n int) []content.Name {
	var out []content.Name
	for range g.rng.IntN(n + 1) {
		out = append(out, content.Name{Value: g.slugName()})
	}
	return out
}

// slugName is a word, and now and then another term's slug written as
// a name ("T3"), which a slug may share with abbreviations and synonyms,
// and a title may not.
func (g *siteGen) slugName() string {
	if g.rng.IntN(6) == 0 {
		return fmt.Sprintf("T%d", g.rng.IntN(g.files+1))
	}
	return g.word()
}

func (g *siteGen) retitle(t *content.Term) {
	if g.rng.IntN(8) == 0 {
		t.Title = content.Name{Value: g.slugName()}
		return
	}
	t.Title = content.Name{Value: strings.ToUpper(g.word()[:1]) + g.word()}
}

func (g *siteGen) remap(t *content.Term) {
	t.Mappings = nil
	for range g.rng.IntN(3) {
		m := content.Mapping{Framework: content.Name{Value: "fw"}, Relevance: content.Markdown{Text: "See [[" + g.ref() + "]]."}}
		if g.rng.IntN(3) > 0 {
			m.Control = content.Name{Value: fmt.Sprintf("c%d", g.rng.IntN(4))}
		}
		t.Mappings = append(t.Mappings, m)
	}
}

func (g *siteGen) deprecate(t *content.Term) {
	t.Deprecated = g.rng.IntN(5) == 0
	t.ReplacedBy = content.Name{}
	if t.Deprecated && g.rng.IntN(2) == 0 {
		t.ReplacedBy = content.Name{Value: g.ref()}
	}
}

// place gives every name of t a position in its file, as loading does:
// diagnostics say where.
func place(t *content.Term) *content.Term {
	line := 1
	at := func(n *content.Name) {
		line++
		n.Pos = diag.Pos{File: t.File, Line: line, Col: 3}
	}
	at(&t.Slug)
	at(&t.Title)
	for _, list := range [][]content.Name{t.Synonyms, t.Abbreviations, t.Related, t.Broader, t.Incidents, t.Redirects} {
		for i := range list {
			at(&list[i])
		}
	}
	at(&t.ReplacedBy)
	for i := range t.Mappings {
		at(&t.Mappings[i].Framework)
		at(&t.Mappings[i].Control)
		t.Mappings[i].Pos = t.Mappings[i].Framework.Pos
		line++
		t.Mappings[i].Relevance.Pos = diag.Pos{File: t.File, Line: line, Col: 3}
	}
	for i := range t.Examples {
		line++
		t.Examples[i].Pos = diag.Pos{File: t.File, Line: line, Col: 3}
	}
	t.Body.Pos = diag.Pos{File: t.File, Line: line + 1, Col: 1}
	return t
}

func (g *siteGen) incident() *content.Incident {
	g.files++
	file := fmt.Sprintf("content/incidents/i%02d.md", g.files)
	n := g.rng.IntN(3)
	return &content.Incident{File: file,
		Slug:    content.Name{Value: fmt.Sprintf("inc-%d", n), Pos: diag.Pos{File: file, Line: 1}},
		Title:   content.Name{Value: []string{"Breach", "Leak", "Alpha"}[g.rng.IntN(3)], Pos: diag.Pos{File: file, Line: 2}},
		Date:    time.Date(2024, time.Month(1+g.rng.IntN(12)), 1, 0, 0, 0, 0, time.UTC),
		Summary: content.Markdown{Text: "See [[" + g.ref() + "]].", Pos: diag.Pos{File: file, Line: 3}},
		Draft:   g.rng.IntN(5) == 0,
		Tags:    []string{genTags[g.rng.IntN(len(genTags))]},
	}
}

func (g *siteGen) site() *content.Site {
	controls := []*content.Control{{ID: content.Name{Value: "c0"}}, {ID: content.Name{Value: "c1"}}, {ID: content.Name{Value: "c2"}}}
	s := &content.Site{Frameworks: []*content.Framework{{File: "content/frameworks/fw.yaml", ID: "fw", Name: "FW", Controls: controls}}}
	for range 2 + g.rng.IntN(14) {
		s.Terms = append(s.Terms, g.term())
	}
	for range g.rng.IntN(3) {
		s.Incidents = append(s.Incidents, g.incident())
	}
	return s
}

// edit changes the site as saving one file does, and says how.
func (g *siteGen) edit(s *content.Site) string {
	if g.rng.IntN(12) == 0 || len(s.Terms) == 0 {
		s.Terms = append(s.Terms, g.term())
		return "add " + s.Terms[len(s.Terms)-1].File
	}
	i := g.rng.IntN(len(s.Terms))
	if g.rng.IntN(12) == 0 {
		file := s.Terms[i].File
		s.Terms = slices.Delete(s.Terms, i, i+1)
		return "delete " + file
	}
	switch g.rng.IntN(10) {
	case 0:
		s.Incidents = append(s.Incidents, g.incident())
		return "add an incident"
	case 1:
		if len(s.Incidents) > 0 {
			j := g.rng.IntN(len(s.Incidents))
			if g.rng.IntN(2) == 0 {
				s.Incidents = slices.Delete(s.Incidents, j, j+1)
				return "delete an incident"
			}
			inc := g.incident()
			inc.File = s.Incidents[j].File
			s.Incidents[j] = inc
			return "edit " + inc.File
		}
	case 2:
		return "save " + s.Terms[i].File + " unchanged"
	}
	t := *s.Terms[i]
	var what string
	switch g.rng.IntN(13) {
	case 11:
		g.tag(&t)
		what = "tags"
	case 0:
		g.retitle(&t)
		what = "title " + t.Title.Value
	case 1:
		t.Synonyms = g.wordNames(2)
		what = "synonyms"
	case 2:
		t.Abbreviations = g.wordNames(1)
		what = "abbreviations"
	case 3:
		t.Related = g.names(3)
		what = "related"
	case 4:
		t.Broader = g.names(1)
		what = "broader"
	case 5:
		t.Incidents = g.names(1)
		what = "incidents"
	case 6:
		g.remap(&t)
		what = "mappings"
	case 7:
		t.Draft = !t.Draft
		what = "draft"
	case 8:
		g.deprecate(&t)
		what = "deprecated"
	case 9:
		t.Redirects = []content.Name{{Value: fmt.Sprintf("old-%d", g.rng.IntN(4))}}[:g.rng.IntN(2)]
		what = "redirects"
	case 10:
		t.Slug = content.Name{Value: g.slug()}
		what = "slug " + t.Slug.Value
	default:
		t.Body = content.Markdown{Text: g.body()}
		what = "body"
	}
	t.Synonyms, t.Abbreviations = slices.Clone(t.Synonyms), slices.Clone(t.Abbreviations)
	t.Related, t.Broader, t.Incidents = slices.Clone(t.Related), slices.Clone(t.Broader), slices.Clone(t.Incidents)
	t.Redirects, t.Mappings, t.Examples = slices.Clone(t.Redirects), slices.Clone(t.Mappings), slices.Clone(t.Examples)
	t.Tags = slices.Clone(t.Tags)
	s.Terms[i] = place(&t)
	return what + " of " + t.File
}

// dumpGraph writes out everything a Graph holds, and the diagnostics,
// one fact a line, in a stable order; terms and incidents by file.
func dumpGraph(g *Graph, diags diag.List) []string {
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	term := func(t *content.Term) string {
		if t == nil {
			return "-"
		}
		return t.File
	}
	terms := func(ts []*content.Term) string {
		var s []string
		for _, t := range ts {
			s = append(s, term(t))
		}
		return strings.Join(s, ",")
	}
	incs := func(is []*content.Incident) string {
		var s []string
		for _, i := range is {
			s = append(s, i.File)
		}
		return strings.Join(s, ",")
	}
	mappings := func(tms []TermMapping) string {
		var s []string
		for _, tm := range tms {
			s = append(s, tm.Term.File+":"+tm.Relevance.Text)
		}
		return strings.Join(s, ",")
	}
	for _, d := range diags {
		add("diag %s", d)
	}
	add("terms %s", terms(g.Terms))
	add("incidents %s", incs(g.Incidents))
	for slug, t := range g.TermBySlug {
		add("slug %s %s", slug, term(t))
	}
	for slug, i := range g.IncidentBySlug {
		add("incident slug %s %s", slug, i.File)
	}
	for old, t := range g.Redirects {
		add("redirect %s %s", old, term(t))
	}
	for _, t := range g.Terms {
		f := t.File
		add("%s related %s", f, terms(g.Related[t]))
		add("%s referenced by %s", f, terms(g.ReferencedBy[t]))
		add("%s incidents %s", f, incs(g.TermIncidents[t]))
		add("%s broader %s narrower %s replaced by %s", f, terms(g.Broader[t]), terms(g.Narrower[t]), term(g.ReplacedBy[t]))
		for _, m := range g.TermMappings[t] {
			add("%s maps %s/%s %s", f, m.Framework.ID, controlID(m.Control), m.Relevance.Text)
		}
	}
	// Maps may hold terms that are not published: every key counts.
	for _, m := range []map[*content.Term][]*content.Term{g.Related, g.ReferencedBy, g.Broader, g.Narrower} {
		add("keys %d", len(m))
	}
	add("keys %d %d %d", len(g.TermIncidents), len(g.TermMappings), len(g.ReplacedBy))
	for i, ts := range g.IncidentTerms {
		add("incident %s terms %s", i.File, terms(ts))
	}
	for c, tms := range g.ControlTerms {
		add("control %s terms %s", c.ID.Value, mappings(tms))
	}
	for f, tms := range g.FrameworkTerms {
		add("framework %s terms %s", f.ID, mappings(tms))
	}
	for _, sn := range g.Shared {
		add("shared %s %s %s", sn.Name, sn.Slug, terms(sn.Terms))
	}
	for key, tg := range g.names.all() {
		add("name %q %d %s %v %v", key, tg.Kind, term(tg.Term), tg.Incident != nil && tg.Incident.File != "", tg.Control)
	}
	for _, tax := range []*Taxonomy{g.Tags, g.Categories} {
		for _, p := range tax.Pages {
			add("tax %s %s terms %s incidents %s", p, tax.slug[p], terms(tax.Terms[p]), incs(tax.Incidents[p]))
		}
		for s, p := range tax.page {
			add("spelling %s %s", s, p)
		}
	}
	slices.Sort(out)
	return out
}

func dumpChanges(c *Changes) []string {
	var out []string
	for _, f := range c.Facts() {
		out = append(out, fmt.Sprintf("%d %q %q", f.Kind, f.Lang, f.Key))
	}
	for lang, names := range c.names {
		names = slices.Compact(slices.Sorted(slices.Values(names)))
		out = append(out, fmt.Sprintf("mentions %q %q", lang, names))
	}
	slices.Sort(out)
	return out
}
