package live

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
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
}

type pSite struct {
	title     string
	terms     map[string]*pTerm
	incidents []*pIncident
	controls  []string // titles of NHI1..NHI3
	next      int      // for new names
}

// phrases are what bodies mention and what may become a synonym later.
var phrases = []string{"quiet harbor", "amber lattice", "copper gate", "silent orbit", "velvet key"}

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
		body: []string{"It mentions " + pick(r, phrases) + " once."},
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
	return fmt.Sprintf("title: %q\nbase_url: https://example.org/kb/\nautolink: first\n", s.title)
}

// writeAll writes every file of the model.
func (s *pSite) writeAll(t *testing.T, dir string) {
	write(t, dir, "nhiglossary.yaml", s.configText())
	write(t, dir, "content/frameworks/owasp.yaml", s.frameworkText())
	for _, inc := range s.incidents {
		write(t, dir, inc.file(), inc.text())
	}
	for _, tm := range s.terms {
		write(t, dir, tm.file(), tm.text())
	}
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
	}
	return out
}

// edit makes one random edit to the model and returns its name and the
// files it touched.
func (s *pSite) edit(r *rand.Rand) (string, []*pTerm, bool) {
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
		return "broader", []*pTerm{t}, false
	case 14:
		t.deprecated = !t.deprecated
		return "deprecated", []*pTerm{t}, false
	case 0:
		t.body = append(t.body, "More prose about "+pick(r, phrases)+".")
		return "prose", []*pTerm{t}, false
	case 1:
		t.summary = fmt.Sprintf("Summary %d.", s.next)
		s.next++
		return "summary", []*pTerm{t}, false
	case 2:
		t.title = fmt.Sprintf("Retitled %d", s.next)
		s.next++
		return "title", []*pTerm{t}, false
	case 3:
		// A phrase some body mentions becomes this term's synonym.
		for _, p := range r.Perm(len(phrases)) {
			name := phrases[p]
			if !s.allNames()[name] {
				t.synonyms = append(t.synonyms, strings.ToUpper(name[:1])+name[1:])
				return "mention becomes synonym", []*pTerm{t}, false
			}
		}
		t.synonyms = nil
		return "synonyms dropped", []*pTerm{t}, false
	case 4:
		t.tags = []string{pick(r, tagPool)}
		if r.IntN(3) == 0 {
			t.tags = nil
		}
		return "tag", []*pTerm{t}, false
	case 5:
		t.category = pick(r, []string{"", "Credentials", "Governance", "Risk"})
		return "category", []*pTerm{t}, false
	case 6:
		t.body = append(t.body, "See [["+pick(r, slugs)+"]].")
		return "link", []*pTerm{t}, false
	case 7:
		t.body = slices.DeleteFunc(t.body, func(s string) bool { return strings.Contains(s, "[[") })
		t.related = nil
		return "unlink", []*pTerm{t}, false
	case 8:
		return "new term", []*pTerm{s.addTerm(r)}, false
	case 9:
		if len(slugs) < 3 {
			return "new term", []*pTerm{s.addTerm(r)}, false
		}
		// Delete t, and every mention of it first.
		var touched []*pTerm
		delete(s.terms, t.slug)
		for _, o := range s.terms {
			before := len(o.related) + len(o.body) + len(o.broader)
			o.related = slices.DeleteFunc(o.related, func(x string) bool { return x == t.slug })
			o.broader = slices.DeleteFunc(o.broader, func(x string) bool { return x == t.slug })
			o.body = slices.DeleteFunc(o.body, func(x string) bool { return strings.Contains(x, "[["+t.slug+"]]") })
			if len(o.related)+len(o.body)+len(o.broader) != before {
				touched = append(touched, o)
			}
		}
		for _, inc := range s.incidents {
			if strings.Contains(inc.summary, "[["+t.slug+"]]") {
				inc.summary = "Keys leaked."
			}
		}
		return "delete " + t.slug, append(touched, &pTerm{slug: t.slug, title: "\x00deleted"}), true
	case 10:
		s.controls[r.IntN(len(s.controls))] = fmt.Sprintf("Control %d", s.next)
		s.next++
		return "control title", nil, true
	case 11:
		inc := pick(r, s.incidents)
		inc.day = 1 + r.IntN(28)
		if r.IntN(2) == 0 {
			inc.title = fmt.Sprintf("Incident %d", s.next)
			s.next++
		}
		return "incident date or title", nil, true
	default:
		s.title = fmt.Sprintf("Site %d", s.next)
		s.next++
		return "site title", nil, true
	}
}

func TestPreviewEqualsAFreshBuildAfterRandomEdits(t *testing.T) {
	seeds := 12
	steps := 16
	if testing.Short() {
		seeds, steps = 3, 8
	}
	ctx := context.Background()
	for seed := range seeds {
		r := rand.New(rand.NewPCG(uint64(seed), 10))
		dir := t.TempDir()
		s := newPSite(r)
		s.writeAll(t, dir)
		l := New(os.DirFS(dir), liveOpts())
		if ch := l.Update(ctx, nil); ch.Err != nil {
			t.Fatalf("seed %d: %v\n%v", seed, ch.Err, ch.Diags)
		}
		everything(t, l)
		var history []string
		for step := range steps {
			name, touched, others := s.edit(r)
			history = append(history, name)
			var files []string
			for _, tm := range touched {
				if tm.title == "\x00deleted" {
					os.Remove(filepath.Join(dir, filepath.FromSlash(tm.file())))
				} else {
					write(t, dir, tm.file(), tm.text())
				}
				files = append(files, tm.file())
			}
			if others { // the model's other files: write what differs
				for _, f := range []struct{ path, text string }{
					{"nhiglossary.yaml", s.configText()}, {"content/frameworks/owasp.yaml", s.frameworkText()},
					{s.incidents[0].file(), s.incidents[0].text()}, {s.incidents[1].file(), s.incidents[1].text()},
				} {
					if old, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.path))); string(old) != f.text {
						write(t, dir, f.path, f.text)
						files = append(files, f.path)
					}
				}
			}
			ch := l.Update(ctx, files)
			if ch.Err != nil {
				t.Fatalf("seed %d step %d %q: %v\n%v", seed, step, history, ch.Err, ch.Diags)
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
