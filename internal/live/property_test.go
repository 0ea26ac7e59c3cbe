package live

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nhimg/nhiglossary/internal/proptest"
)

// The preview's one promise: after any sequence of edits, every file it
// serves is the file a fresh `build --drafts` of the same files writes.
// The site is a small model written out to files; each step makes one
// random edit of a kind that changes what other pages show.

type pTerm struct {
	slug, title, summary, category string
	synonyms, tags, related        []string
	broader                        []string // only terms made earlier: no cycles
	deprecated                     bool
	n                              int
	body                           []string // sentences
	incidents                      []string
	control                        string // "" for none
	day                            int
}

type pIncident struct {
	slug, title, summary string
	day                  int
	tags                 []string
	de                   *pTranslation // nil when untranslated
}

// pTranslation is a German translation of a term or an incident.
type pTranslation struct {
	title, summary string
	synonyms       []string
	body           []string
}

type pSite struct {
	title     string
	terms     map[string]*pTerm
	incidents []*pIncident
	controls  []string // titles of NHI1..NHI3
	next      int      // for new names
	// de holds the German translations by term slug; nil on a site in
	// one language.
	de map[string]*pTranslation
	// deOff takes German out of the settings, and its files with it:
	// the site has one job list fewer.
	deOff bool
}

// phrases are what bodies mention and what may become a synonym later.
var phrases = []string{"quiet harbor", "amber lattice", "copper gate", "silent orbit", "velvet key", "ivory policy"}

// mentionOf is phrase p as a body may mention it: as is, in the plural or
// hyphen-joined, which auto-linking matches all the same.
func mentionOf(r *rand.Rand, p string) string {
	switch r.IntN(3) {
	case 1:
		if q, ok := strings.CutSuffix(p, "y"); ok {
			return q + "ies"
		}
		return p + "s"
	case 2:
		return strings.ReplaceAll(p, " ", "-")
	}
	return p
}

var tagPool = []string{"secrets", "Secrets", "C#", "c#", "vaults", "Vaults!", "ci/cd", "CI-CD"}

func newPSite(r *rand.Rand) *pSite {
	s := &pSite{title: "Property Site", terms: map[string]*pTerm{}, controls: []string{"Secret Leakage", "Long-Lived Secrets", "Overprivilege"}}
	s.incidents = []*pIncident{
		{slug: "leak-one", title: "Leak One", summary: "Keys leaked; see [[term-0]].", day: 3, tags: []string{"secrets"}},
		{slug: "leak-two", title: "Leak Two", summary: "Tokens reused.", day: 9, tags: []string{"vaults"}},
	}
	for range 6 {
		s.addTerm(r)
	}
	return s
}

func (s *pSite) slugs() []string {
	out := make([]string, 0, len(s.terms))
	for slug := range s.terms {
		out = append(out, slug)
	}
	slices.Sort(out)
	return out
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func (s *pSite) addTerm(r *rand.Rand) *pTerm {
	n := s.next
	s.next++
	t := &pTerm{
		n:    n,
		slug: fmt.Sprintf("term-%d", n), title: fmt.Sprintf("Term %d", n),
		summary: fmt.Sprintf("Summary of term %d.", n), day: 1 + r.IntN(20),
		body: []string{"It mentions " + mentionOf(r, pick(r, phrases)) + " once."},
	}
	if r.IntN(2) == 0 {
		t.tags = []string{pick(r, tagPool)}
	}
	if r.IntN(2) == 0 {
		t.category = pick(r, []string{"Credentials", "Governance"})
	}
	if others := s.slugs(); len(others) > 0 {
		t.related = []string{pick(r, others)}
		if r.IntN(2) == 0 {
			t.body = append(t.body, "See [["+pick(r, others)+"]].")
		}
	}
	if r.IntN(3) == 0 {
		t.incidents = []string{pick(r, s.incidents).slug}
	}
	if r.IntN(3) == 0 {
		t.control = pick(r, []string{"NHI1", "NHI2", "NHI3"})
	}
	s.terms[t.slug] = t
	return t
}

func yamlList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", x)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

func (t *pTerm) file() string { return "content/terms/" + t.slug + ".md" }

func (t *pTerm) text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %q\nsummary: %q\nupdated: 2026-05-%02d\n", t.title, t.summary, t.day)
	if len(t.synonyms) > 0 {
		fmt.Fprintf(&b, "synonyms: %s\n", yamlList(t.synonyms))
	}
	if len(t.tags) > 0 {
		fmt.Fprintf(&b, "tags: %s\n", yamlList(t.tags))
	}
	if t.category != "" {
		fmt.Fprintf(&b, "category: %s\n", t.category)
	}
	if len(t.related) > 0 {
		fmt.Fprintf(&b, "related: %s\n", yamlList(t.related))
	}
	if len(t.broader) > 0 {
		fmt.Fprintf(&b, "broader: %s\n", yamlList(t.broader))
	}
	if t.deprecated {
		b.WriteString("deprecated: true\n")
	}
	if len(t.incidents) > 0 {
		fmt.Fprintf(&b, "incidents: %s\n", yamlList(t.incidents))
	}
	if t.control != "" {
		fmt.Fprintf(&b, "mappings:\n  - framework: owasp\n    control: %s\n    relevance: It maps.\n", t.control)
	}
	b.WriteString("---\n")
	b.WriteString(strings.Join(t.body, "\n\n") + "\n")
	return b.String()
}

func (inc *pIncident) file() string { return "content/incidents/" + inc.slug + ".md" }

func (inc *pIncident) text() string {
	return fmt.Sprintf("---\ntitle: %q\ndate: 2025-06-%02d\nsummary: %q\ntags: %s\n---\nAn incident.\n", inc.title, inc.day, inc.summary, yamlList(inc.tags))
}

func (s *pSite) frameworkText() string {
	var b strings.Builder
	b.WriteString("name: OWASP NHI Top 10\nshort: OWASP NHI\ndescription: Ten risks.\ncontrols:\n")
	for i, c := range s.controls {
		fmt.Fprintf(&b, "  - id: NHI%d\n    title: %q\n", i+1, c)
	}
	return b.String()
}

func (s *pSite) configText() string {
	text := fmt.Sprintf("title: %q\nbase_url: https://example.org/kb/\nautolink: first\n", s.title)
	if s.de != nil && !s.deOff {
		text += "languages:\n  - {code: en, name: English}\n  - {code: de, name: Deutsch}\n"
	}
	return text
}

func (tr *pTranslation) text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %q\nsummary: %q\nsource_updated: 2026-05-28\n", tr.title, tr.summary)
	if len(tr.synonyms) > 0 {
		fmt.Fprintf(&b, "synonyms: %s\n", yamlList(tr.synonyms))
	}
	b.WriteString("---\n")
	b.WriteString(strings.Join(tr.body, "\n\n") + "\n")
	return b.String()
}

// files is every file of the model, by path.
func (s *pSite) files() map[string]string {
	out := map[string]string{
		"nhiglossary.yaml":              s.configText(),
		"content/frameworks/owasp.yaml": s.frameworkText(),
	}
	for _, inc := range s.incidents {
		out[inc.file()] = inc.text()
		if inc.de != nil && !s.deOff {
			out["content/incidents/"+inc.slug+".de.md"] = fmt.Sprintf("---\ntitle: %q\nsummary: %q\n---\nEin Vorfall.\n", inc.de.title, inc.de.summary)
		}
	}
	for _, tm := range s.terms {
		out[tm.file()] = tm.text()
	}
	for slug, tr := range s.de {
		if !s.deOff {
			out["content/terms/"+slug+".de.md"] = tr.text()
		}
	}
	return out
}

// sync writes the files of the model that differ from those in dir and
// deletes those it no longer has, and returns their paths, as a watcher
// reports them.
func (s *pSite) sync(t *testing.T, dir string) []string {
	t.Helper()
	want := s.files()
	var changed []string
	for p, text := range want {
		if old, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p))); err != nil || string(old) != text {
			write(t, dir, p, text)
			changed = append(changed, p)
		}
	}
	err := filepath.WalkDir(filepath.Join(dir, "content"), func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		if rel = filepath.ToSlash(rel); want[rel] == "" {
			changed = append(changed, rel)
			return os.Remove(path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(changed)
	return changed
}

// allNames are the names in use, lower-cased: a new one must not clash.
func (s *pSite) allNames() map[string]bool {
	out := map[string]bool{}
	for _, t := range s.terms {
		out[strings.ToLower(t.title)] = true
		out[t.slug] = true
		for _, n := range t.synonyms {
			out[strings.ToLower(n)] = true
		}
	}
	for _, inc := range s.incidents {
		out[strings.ToLower(inc.title)] = true
		out[inc.slug] = true
		if inc.de != nil {
			out[strings.ToLower(inc.de.title)] = true
		}
	}
	for _, tr := range s.de {
		out[strings.ToLower(tr.title)] = true
		for _, n := range tr.synonyms {
			out[strings.ToLower(n)] = true
		}
	}
	return out
}

// relink makes the translations' links to a German title that goes
// links to its term's slug.
func (s *pSite) relink(title, slug string) {
	for _, tr := range s.de {
		for i, b := range tr.body {
			tr.body[i] = strings.ReplaceAll(b, "[["+title+"]]", "[["+slug+"]]")
		}
	}
}

// editTranslation makes one random edit of the German translations: one
// added, retitled, summarized, written on, linked, given a synonym a body
// mentions, or deleted, or an incident's translation added or dropped.
func (s *pSite) editTranslation(r *rand.Rand) string {
	slugs := s.slugs()
	slug := pick(r, slugs)
	tr := s.de[slug]
	if tr == nil || r.IntN(8) == 0 {
		if r.IntN(5) == 0 {
			inc := pick(r, s.incidents)
			if inc.de != nil {
				inc.de = nil
				return "incident translation deleted"
			}
			inc.de = &pTranslation{title: fmt.Sprintf("Vorfall %d", s.next), summary: "Schlüssel; siehe [[" + pick(r, slugs) + "]]."}
			s.next++
			return "incident translated"
		}
		if tr != nil {
			delete(s.de, slug)
			s.relink(tr.title, slug)
			return "translation deleted"
		}
		s.de[slug] = &pTranslation{
			title: fmt.Sprintf("Begriff %d", s.next), summary: fmt.Sprintf("Zusammenfassung %d.", s.next),
			body: []string{"Er erwähnt " + mentionOf(r, pick(r, phrases)) + "."},
		}
		if r.IntN(3) == 0 {
			s.de[slug].body = nil // its page shows the original's body
		}
		s.next++
		return "translation added"
	}
	switch r.IntN(6) {
	case 0:
		s.relink(tr.title, slug)
		tr.title = fmt.Sprintf("Titel %d", s.next)
		s.next++
		return "translation title"
	case 1:
		tr.summary = fmt.Sprintf("Zusammenfassung %d.", s.next)
		s.next++
		return "translation summary"
	case 2:
		tr.body = append(tr.body, "Mehr über "+mentionOf(r, pick(r, phrases))+".")
		return "translation prose"
	case 3:
		// A link by slug, or by another translation's title.
		target := pick(r, slugs)
		if o := s.de[target]; o != nil && r.IntN(2) == 0 {
			target = o.title
		}
		tr.body = append(tr.body, "Siehe [["+target+"]].")
		return "translation link"
	case 4:
		for _, p := range r.Perm(len(phrases)) {
			if name := phrases[p]; !s.allNames()[name] {
				tr.synonyms = append(tr.synonyms, strings.ToUpper(name[:1])+name[1:])
				return "mention becomes a translation's synonym"
			}
		}
		tr.synonyms = nil
		return "translation synonyms dropped"
	default:
		tr.body = slices.DeleteFunc(tr.body, func(s string) bool { return strings.Contains(s, "[[") })
		return "translation unlinked"
	}
}

// edit makes one random edit to the model and returns its name.
func (s *pSite) edit(r *rand.Rand) string {
	// German goes out now and then, and comes back soon: while it is
	// out, edits of translations would change no file.
	if s.de != nil && r.IntN(12) == 0 || s.deOff && r.IntN(3) == 0 {
		s.deOff = !s.deOff
		if s.deOff {
			return "German taken out"
		}
		return "German back"
	}
	if s.de != nil && !s.deOff && r.IntN(2) == 0 {
		return s.editTranslation(r)
	}
	slugs := s.slugs()
	t := s.terms[pick(r, slugs)]
	switch r.IntN(15) {
	case 13:
		t.broader = nil
		for _, o := range s.terms {
			if o.n < t.n && r.IntN(2) == 0 {
				t.broader = []string{o.slug}
				break
			}
		}
		return "broader"
	case 14:
		t.deprecated = !t.deprecated
		return "deprecated"
	case 0:
		t.body = append(t.body, "More prose about "+mentionOf(r, pick(r, phrases))+".")
		return "prose"
	case 1:
		t.summary = fmt.Sprintf("Summary %d.", s.next)
		s.next++
		return "summary"
	case 2:
		t.title = fmt.Sprintf("Retitled %d", s.next)
		s.next++
		return "title"
	case 3:
		// A phrase some body mentions becomes this term's synonym.
		for _, p := range r.Perm(len(phrases)) {
			name := phrases[p]
			if !s.allNames()[name] {
				t.synonyms = append(t.synonyms, strings.ToUpper(name[:1])+name[1:])
				return "mention becomes synonym"
			}
		}
		t.synonyms = nil
		return "synonyms dropped"
	case 4:
		t.tags = []string{pick(r, tagPool)}
		if r.IntN(3) == 0 {
			t.tags = nil
		}
		return "tag"
	case 5:
		t.category = pick(r, []string{"", "Credentials", "Governance", "Risk"})
		return "category"
	case 6:
		t.body = append(t.body, "See [["+pick(r, slugs)+"]].")
		return "link"
	case 7:
		t.body = slices.DeleteFunc(t.body, func(s string) bool { return strings.Contains(s, "[[") })
		t.related = nil
		return "unlink"
	case 8:
		return "new term"
	case 9:
		if len(slugs) < 3 {
			return "new term"
		}
		// Delete t (and its translation), and every mention of it first.
		delete(s.terms, t.slug)
		delete(s.de, t.slug)
		for _, o := range s.terms {
			o.related = slices.DeleteFunc(o.related, func(x string) bool { return x == t.slug })
			o.broader = slices.DeleteFunc(o.broader, func(x string) bool { return x == t.slug })
			o.body = slices.DeleteFunc(o.body, func(x string) bool { return strings.Contains(x, "[["+t.slug+"]]") })
		}
		for _, tr := range s.de {
			tr.body = slices.DeleteFunc(tr.body, func(x string) bool { return strings.Contains(x, "[["+t.slug+"]]") })
		}
		for _, inc := range s.incidents {
			if strings.Contains(inc.summary, "[["+t.slug+"]]") {
				inc.summary = "Keys leaked."
			}
			if inc.de != nil && strings.Contains(inc.de.summary, "[["+t.slug+"]]") {
				inc.de.summary = "Schlüssel."
			}
		}
		return "delete " + t.slug
	case 10:
		s.controls[r.IntN(len(s.controls))] = fmt.Sprintf("Control %d", s.next)
		s.next++
		return "control title"
	case 11:
		inc := pick(r, s.incidents)
		inc.day = 1 + r.IntN(28)
		if r.IntN(2) == 0 {
			inc.title = fmt.Sprintf("Incident %d", s.next)
			s.next++
		}
		return "incident date or title"
	default:
		s.title = fmt.Sprintf("Site %d", s.next)
		s.next++
		return "site title"
	}
}

func TestPreviewEqualsAFreshBuildAfterRandomEdits(t *testing.T) {
	testRandomEdits(t, false)
}

// The same on a site in English and German, where half the edits are of
// translations: pages of one language show the other's (alternates, the
// switcher, untranslated originals, names that fall back to the
// original's), and only the facts they declare say so.
func TestPreviewInTwoLanguagesEqualsAFreshBuildAfterRandomEdits(t *testing.T) {
	testRandomEdits(t, true)
}

// The same while pages render during each update, as a browser's and
// the background renders' requests do: a page that finishes rendering
// from the old version while an update decides what is stale must not
// be kept (run it with -race too).
func TestPreviewEqualsAFreshBuildWhileRendering(t *testing.T) {
	testEdits(t, false, true)
}

func testRandomEdits(t *testing.T, german bool) { testEdits(t, german, false) }

func testEdits(t *testing.T, german, busy bool) {
	seeds := 12
	steps := 16
	if german {
		seeds = 8 // each step builds twice the pages
	}
	if busy {
		seeds = 4
	}
	if testing.Short() {
		seeds, steps = 3, 8
	}
	ctx := context.Background()
	for seed := range proptest.Seeds(t, seeds) {
		r := rand.New(rand.NewPCG(seed, 10))
		dir := t.TempDir()
		s := newPSite(r)
		if german {
			s.de = map[string]*pTranslation{}
			for range 3 {
				s.editTranslation(r)
			}
		}
		s.sync(t, dir)
		l := New(os.DirFS(dir), liveOpts())
		if ch := l.Update(ctx, nil); ch.Err != nil {
			t.Fatalf("seed %d: %v\n%v", seed, ch.Err, ch.Diags)
		}
		everything(t, l)
		var history []string
		for step := range steps {
			history = append(history, s.edit(r))
			files := s.sync(t, dir)
			stop := func() {}
			if busy {
				stop = renderWhile(l, seed*100+uint64(step))
			}
			before := l.pages.Load().byPath
			ch := l.Update(ctx, files)
			stop()
			if ch.Err != nil {
				t.Fatalf("seed %d step %d %q: %v\n%v", seed, step, history, ch.Err, ch.Diags)
			}
			if removed := pathsThatWent(before, l.pages.Load().byPath); !slices.Equal(ch.Removed, removed) {
				t.Fatalf("seed %d after %q: removed %q, want the pages that went, %q", seed, history, ch.Removed, removed)
			}
			if err := shownAreServed(l); err != nil {
				t.Fatalf("seed %d after %q: %v", seed, history, err)
			}
			if err := keptDeclarations(l); err != nil {
				t.Fatalf("seed %d after %q: %v", seed, history, err)
			}
			if r.IntN(3) == 0 {
				// Leave the pages unrendered but one: the next edit
				// meets pages that were never served.
				l.Get(pick(r, l.Paths()))
				continue
			}
			got := everything(t, l)
			want := freshBuild(t, dir)
			if diff := cmp.Diff(keys(want), keys(got)); diff != "" {
				t.Fatalf("seed %d after %q: files (-build +live):\n%s", seed, history, diff)
			}
			for _, p := range keys(want) {
				if want[p] != got[p] {
					t.Fatalf("seed %d after %q: %s differs (-build +live):\n%s", seed, history, p, cmp.Diff(want[p], got[p]))
				}
			}
		}
	}
}

// renderWhile renders random pages of l in two goroutines until the
// returned func is called.
func renderWhile(l *Live, seed uint64) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	for i := range 2 {
		r := rand.New(rand.NewPCG(seed, uint64(i)))
		wg.Go(func() {
			for {
				select {
				case <-done:
					return
				default:
				}
				if paths := l.Paths(); len(paths) > 0 {
					l.Get(pick(r, paths))
				}
			}
		})
	}
	return func() { close(done); wg.Wait() }
}

// keptDeclarations checks the rule install relies on to keep a page
// without asking its new job what it shows: a rendered page kept through
// an update (its job may be of an earlier version) is indexed under the
// facts the current version's job for its path shows. A page indexed
// under less would miss the edits of what it came to show.
func keptDeclarations(l *Live) error {
	jobs := l.lastGood.jobs()
	for path, p := range l.pages.Load().byPath {
		j, ok := jobs[path]
		if !ok {
			return fmt.Errorf("%s: served, but the site has no such file", path)
		}
		if !p.done.Load() || p.err != nil || p.gen == l.gen {
			continue // not rendered yet, or rendered from this version
		}
		deps, err := j.RenderDeps(new(bytes.Buffer))
		if err != nil {
			return fmt.Errorf("%s: %v", path, err)
		}
		if diff := cmp.Diff(deps.Facts, p.facts); diff != "" {
			return fmt.Errorf("%s kept, but what it shows changed (-now +kept):\n%s", path, diff)
		}
	}
	return nil
}
