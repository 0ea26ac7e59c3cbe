package live

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nhimg/nhiglossary/internal/build"
)

// bundledSite copies the glossary shipped in this repository, the largest
// real site at hand, to a temporary folder.
func bundledSite(t testing.TB) string {
	t.Helper()
	dst := t.TempDir()
	if err := os.CopyFS(filepath.Join(dst, "content"), os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	cfg, err := os.ReadFile("../../nhiglossary.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dst, "nhiglossary.yaml"), cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

// oneLanguage removes a site's translations and its languages list.
func oneLanguage(t *testing.T, dir string) string {
	t.Helper()
	trs, err := filepath.Glob(filepath.Join(dir, "content", "*", "*.*.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range trs {
		if err := os.Remove(f); err != nil {
			t.Fatal(err)
		}
	}
	cfgFile := filepath.Join(dir, "nhiglossary.yaml")
	cfg, err := os.ReadFile(cfgFile)
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, line := range strings.Split(string(cfg), "\n") {
		if !strings.HasPrefix(line, "languages:") && !strings.HasPrefix(line, "  - {code:") {
			kept = append(kept, line)
		}
	}
	if err := os.WriteFile(cfgFile, []byte(strings.Join(kept, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// everything renders every file of a Live site.
func everything(t *testing.T, l *Live) map[string]string {
	t.Helper()
	l.RenderPending(context.Background())
	out := map[string]string{}
	for _, p := range l.Paths() {
		f, err := l.Get(p)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		out[p] = string(f.Data)
	}
	return out
}

func edit(t *testing.T, dir, file string, f func(string) string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(file))
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	s := f(string(b))
	if s == string(b) {
		t.Fatalf("edit of %s changed nothing", file)
	}
	write(t, dir, file, s)
}

func write(t *testing.T, dir, file, s string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(file))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func replace(old, new string) func(string) string {
	return func(s string) string { return strings.Replace(s, old, new, 1) }
}

func TestLiveServesWhatGenerateWrites(t *testing.T) {
	src := bundledSite(t)
	want := freshBuild(t, src)
	l := New(os.DirFS(src), liveOpts())
	if ch := l.Update(context.Background(), nil); ch.Err != nil {
		t.Fatalf("%v\n%v", ch.Err, ch.Diags)
	}
	got := everything(t, l)
	if diff := cmp.Diff(keys(want), keys(got)); diff != "" {
		t.Fatalf("files (-build +live):\n%s", diff)
	}
	for p := range want {
		if want[p] != got[p] {
			t.Errorf("%s differs (-build +live):\n%s", p, cmp.Diff(want[p], got[p]))
		}
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// Each step edits the site; after it, the Live that followed every step
// must serve exactly what a Live built afresh serves.
func TestLiveUpdatesMatchAFreshBuild(t *testing.T) {
	// In place and exact page sets hold on a one-language site; a site in
	// several languages re-renders every page on an edit (lang_test.go).
	src := oneLanguage(t, bundledSite(t))
	ctx := context.Background()
	l := New(os.DirFS(src), liveOpts())
	if ch := l.Update(ctx, nil); ch.Err != nil {
		t.Fatalf("%v\n%v", ch.Err, ch.Diags)
	}
	everything(t, l)

	const apiKey = "content/terms/api-key.md"
	steps := []struct {
		name    string
		change  func(dir string)
		inPlace bool     // only prose changed: no resolve
		files   []string // what the watcher would report
		pages   []string // when set: exactly the pages that change
		wantErr bool
	}{
		{name: "body prose", change: func(d string) {
			edit(t, d, apiKey, replace("## Why it matters", "A new paragraph of prose.\n\n## Why it matters"))
		}, files: []string{apiKey}, pages: []string{"api/glossary.json", "llms-full.txt", "terms/api-key/index.html", "terms/api-key/index.md"}, inPlace: true},
		{name: "a quoted definition", change: func(d string) {
			edit(t, d, "content/terms/access-token.md", replace("Access tokens are credentials", "Access tokens are the credentials"))
		}, files: []string{"content/terms/access-token.md"}},
		{name: "summary", change: func(d string) {
			edit(t, d, apiKey, replace("summary: ", "summary: Briefly, "))
		}, files: []string{apiKey}, inPlace: true},
		{name: "a new link in the body", change: func(d string) {
			edit(t, d, apiKey, replace("## Why it matters", "See also [[Token Theft]].\n\n## Why it matters"))
		}, files: []string{apiKey}},
		{name: "a title others mention", change: func(d string) {
			edit(t, d, "content/terms/secret.md", replace("title: Secret\n", "title: Secret Value\n"))
		}, files: []string{"content/terms/secret.md"}},
		{name: "a new term with a new tag", change: func(d string) {
			write(t, d, "content/terms/key-vault.md", "---\ntitle: Key Vault\nsummary: A store for keys.\ntags: [vaults]\nrelated: [api-key]\nupdated: 2026-05-20\n---\nA vault keeps every API key and secret in one place.\n")
		}, files: []string{"content/terms/key-vault.md"}},
		{name: "a tag whose slug another tag has", change: func(d string) {
			write(t, d, "content/terms/vault-policy.md", "---\ntitle: Vault Policy\nsummary: Who may read a vault.\ntags: [Vaults!]\nrelated: [api-key]\nupdated: 2026-05-20\n---\nIt names who reads which secret.\n")
		}, files: []string{"content/terms/vault-policy.md"}},
		{name: "a term on that tag's page renamed", change: func(d string) {
			edit(t, d, "content/terms/vault-policy.md", replace("title: Vault Policy", "title: Vault Rules"))
		}, files: []string{"content/terms/vault-policy.md"}},
		{name: "a second term on that tag", change: func(d string) {
			write(t, d, "content/terms/vault-audit.md", "---\ntitle: Vault Audit\nsummary: A review of vault reads.\ntags: [Vaults!]\nrelated: [api-key]\nupdated: 2026-05-20\n---\nIt lists who read which secret.\n")
		}, files: []string{"content/terms/vault-audit.md"}},
		{name: "an error", change: func(d string) {
			edit(t, d, "content/terms/key-vault.md", replace("related: [api-key]", "related: [api-kee]"))
		}, files: []string{"content/terms/key-vault.md"}, wantErr: true},
		{name: "the error fixed, and more", change: func(d string) {
			edit(t, d, "content/terms/key-vault.md", replace("related: [api-kee]", "related: [api-key, secret]"))
			edit(t, d, apiKey, replace("category: ", "draft: true\ncategory: "))
		}, files: []string{"content/terms/key-vault.md", apiKey}},
		{name: "a renamed file, its old slug kept as a redirect", change: func(d string) {
			os.Remove(filepath.Join(d, "content/terms/key-vault.md"))
			write(t, d, "content/terms/secret-vault.md", "---\ntitle: Secret Vault\nredirects: [key-vault]\nsummary: A store for secrets.\ntags: [vaults]\nrelated: [api-key, secret]\nupdated: 2026-05-21\n---\nA vault keeps every API key and secret in one place.\n")
		}, files: []string{"content/terms/key-vault.md", "content/terms/secret-vault.md"}},
		{name: "a deleted term", change: func(d string) {
			os.Remove(filepath.Join(d, "content/terms/secret-vault.md"))
		}, files: []string{"content/terms/secret-vault.md"}},
		{name: "an incident", change: func(d string) {
			edit(t, d, "content/incidents/circleci-secrets-incident.md", replace("title: ", "title: The "))
		}, files: []string{"content/incidents/circleci-secrets-incident.md"}},
		{name: "a framework", change: func(d string) {
			edit(t, d, "content/frameworks/owasp-nhi-top-10.yaml", regexpReplace(`title: .*`, "title: Renamed control"))
		}, files: []string{"content/frameworks/owasp-nhi-top-10.yaml"}},
		{name: "a folder of terms moved in", change: func(d string) {
			write(t, d, "content/terms/more/vault-token.md", "---\ntitle: Vault Token\nsummary: A token a vault issues.\nrelated: [api-key]\nupdated: 2026-05-22\n---\nIt is short-lived, unlike an API key.\n")
		}, files: []string{"content/terms/more"}},
		{name: "a template", change: func(d string) {
			b, err := os.ReadFile("../../templates/term.html")
			if err != nil {
				t.Fatal(err)
			}
			write(t, d, "templates/term.html", strings.Replace(string(b), "{{define \"main\"}}", "{{define \"main\"}}<p class=\"custom\">custom</p>", 1))
		}, files: []string{"templates/term.html"}},
		{name: "a stylesheet", change: func(d string) {
			write(t, d, "assets/style.css", "body { color: teal }\n")
		}, files: []string{"assets/style.css"}, pages: []string{}},
		{name: "the settings", change: func(d string) {
			edit(t, d, "nhiglossary.yaml", regexpReplace(`(?m)^title: .*`, "title: Renamed Glossary"))
		}, files: []string{"nhiglossary.yaml"}},
		{name: "a save that changed nothing", change: func(d string) {
			edit(t, d, apiKey, replace("summary: ", "summary:  "))
			edit(t, d, apiKey, replace("summary:  ", "summary: "))
		}, files: []string{apiKey}, pages: []string{}},
	}
	for _, st := range steps {
		st.change(src)
		ch := l.Update(ctx, st.files)
		if (ch.Err != nil) != st.wantErr {
			t.Fatalf("%s: err %v, want error %v\n%v", st.name, ch.Err, st.wantErr, ch.Diags)
		}
		if st.wantErr {
			continue
		}
		if ch.InPlace != st.inPlace {
			t.Errorf("%s: in place %v, want %v", st.name, ch.InPlace, st.inPlace)
		}
		if st.pages != nil && !slices.Equal(ch.Pages, st.pages) {
			t.Errorf("%s: pages %q, want %q", st.name, ch.Pages, st.pages)
		}
		if !ch.Full && len(ch.Pages) > 0 && len(ch.Pages) == len(l.pages.Load().byPath) {
			t.Errorf("%s: every page rendered again", st.name)
		}
		got := everything(t, l)
		fresh := New(os.DirFS(src), liveOpts())
		if ch := fresh.Update(ctx, nil); ch.Err != nil {
			t.Fatalf("%s: fresh build: %v\n%v", st.name, ch.Err, ch.Diags)
		}
		want := everything(t, fresh)
		if diff := cmp.Diff(keys(want), keys(got)); diff != "" {
			t.Fatalf("%s: files (-fresh +updated):\n%s", st.name, diff)
		}
		for p := range want {
			if want[p] != got[p] {
				t.Errorf("%s: %s differs (-fresh +updated):\n%s", st.name, p, cmp.Diff(want[p], got[p]))
			}
		}
	}
}

func regexpReplace(re, with string) func(string) string {
	return func(s string) string {
		r := regexp.MustCompile(re)
		done := false
		return r.ReplaceAllStringFunc(s, func(m string) string {
			if done {
				return m
			}
			done = true
			return with
		})
	}
}

func TestLiveSaysWhereARenamedOrDeletedTermWent(t *testing.T) {
	src := copySite(t, "example-site")
	ctx := context.Background()
	l := New(os.DirFS(src), liveOpts())
	if ch := l.Update(ctx, nil); ch.Err != nil {
		t.Fatalf("%v\n%v", ch.Err, ch.Diags)
	}
	// Renamed by its slug, in the same file.
	write(t, src, "content/terms/orphan.md", "---\ntitle: Orphan\nsummary: Alone.\nupdated: 2026-01-01\n---\nAlone.\n")
	l.Update(ctx, []string{"content/terms/orphan.md"})
	edit(t, src, "content/terms/orphan.md", replace("title: Orphan\n", "title: Orphan\nslug: lone-term\n"))
	ch := l.Update(ctx, []string{"content/terms/orphan.md"})
	if ch.Err != nil {
		t.Fatalf("%v\n%v", ch.Err, ch.Diags)
	}
	if got := ch.Moved["terms/orphan/index.html"]; got != "terms/lone-term/index.html" {
		t.Errorf("moved %q, want the new slug's page", ch.Moved)
	}
	// Renamed again, keeping the old slug as a redirect: its page
	// becomes the redirect's. (A page nobody was shown is not said to
	// change.)
	l.Get("terms/lone-term/index.html")
	edit(t, src, "content/terms/orphan.md", replace("slug: lone-term\n", "slug: single-term\nredirects: [lone-term]\n"))
	ch = l.Update(ctx, []string{"content/terms/orphan.md"})
	if ch.Err != nil {
		t.Fatalf("%v\n%v", ch.Err, ch.Diags)
	}
	if got := ch.Moved["terms/lone-term/index.html"]; got != "terms/single-term/index.html" {
		t.Errorf("moved %q, want the redirect's page to move to the new slug's; pages %v removed %v", ch.Moved, ch.Pages, ch.Removed)
	}
	os.Remove(filepath.Join(src, "content/terms/orphan.md"))
	l.Update(ctx, []string{"content/terms/orphan.md"})
	// A page that nothing links to, deleted.
	write(t, src, "content/terms/orphan.md", "---\ntitle: Orphan\nsummary: Alone.\nupdated: 2026-01-01\n---\nAlone.\n")
	l.Update(ctx, []string{"content/terms/orphan.md"})
	os.Remove(filepath.Join(src, "content/terms/orphan.md"))
	ch = l.Update(ctx, []string{"content/terms/orphan.md"})
	if got, ok := ch.Moved["terms/orphan/index.html"]; !ok || got != "" {
		t.Errorf("moved %q, want terms/orphan/index.html deleted", ch.Moved)
	}
	if _, err := l.Get("terms/orphan/index.html"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the deleted term's page: %v, want not found", err)
	}
}

// pathsThatWent is the paths of the pages before has and after has not,
// sorted as Change.Removed is.
func pathsThatWent(before, after map[string]*page) []string {
	var out []string
	for path := range before {
		if _, ok := after[path]; !ok {
			out = append(out, path)
		}
	}
	slices.Sort(out)
	return out
}

// A rebuild of every page (a site template changed) says which pages
// went in the same batch. (The random edits of the property tests change
// no template.)
func TestAFullRebuildSaysWhichPagesWent(t *testing.T) {
	src := copySite(t, "example-site")
	ctx := context.Background()
	l := New(os.DirFS(src), liveOpts())
	write(t, src, "content/terms/orphan.md", "---\ntitle: Orphan\nsummary: Alone.\nupdated: 2026-01-01\n---\nAlone.\n")
	if ch := l.Update(ctx, nil); ch.Err != nil {
		t.Fatalf("%v\n%v", ch.Err, ch.Diags)
	}
	before := l.pages.Load().byPath
	tmpl, err := os.ReadFile("../../templates/term.html")
	if err != nil {
		t.Fatal(err)
	}
	write(t, src, "templates/term.html", string(tmpl)+"{{/* changed */}}")
	if err := os.Remove(filepath.Join(src, "content/terms/orphan.md")); err != nil {
		t.Fatal(err)
	}
	ch := l.Update(ctx, []string{"templates/term.html", "content/terms/orphan.md"})
	if ch.Err != nil {
		t.Fatalf("%v\n%v", ch.Err, ch.Diags)
	}
	want := pathsThatWent(before, l.pages.Load().byPath)
	if !slices.Contains(want, "terms/orphan/index.html") {
		t.Fatalf("the pages that went, %q, lack the deleted term's", want)
	}
	if diff := cmp.Diff(want, ch.Removed); diff != "" {
		t.Errorf("removed (-went +reported):\n%s", diff)
	}
}

// shownAreServed reports a page the shown index holds that the site no
// longer serves: install must forget the pages that went.
func shownAreServed(l *Live) error {
	served := l.pages.Load().byPath
	l.shown.mu.Lock()
	defer l.shown.mu.Unlock()
	for path := range l.shown.byPath {
		// (It may hold an earlier version of a page served: the
		// index follows a page once it renders.)
		if served[path] == nil {
			return fmt.Errorf("the shown index holds %s, which the site no longer serves", path)
		}
	}
	return nil
}

func TestLiveKeepsTheLastGoodPagesWhileTheSiteHasErrors(t *testing.T) {
	src := copySite(t, "example-site")
	ctx := context.Background()
	l := New(os.DirFS(src), liveOpts())
	l.Update(ctx, nil)
	before, err := l.Get("terms/api-key/index.html")
	if err != nil {
		t.Fatal(err)
	}
	edit(t, src, "content/terms/api-key.md", replace("summary: A static", "summery: A static"))
	ch := l.Update(ctx, []string{"content/terms/api-key.md"})
	if !errors.Is(ch.Err, build.ErrInvalid) || !strings.Contains(ch.Diags.Error(), `content/terms/api-key.md:3:1: unknown key "summery"`) {
		t.Fatalf("err %v, diags:\n%v", ch.Err, ch.Diags)
	}
	after, err := l.Get("terms/api-key/index.html")
	if err != nil || string(after.Data) != string(before.Data) || after.Version != before.Version {
		t.Errorf("the page changed while the site had errors (%v)", err)
	}
	edit(t, src, "content/terms/api-key.md", replace("summery: A static", "summary: A fixed"))
	ch = l.Update(ctx, []string{"content/terms/api-key.md"})
	if ch.Err != nil || !slices.Contains(ch.Pages, "terms/api-key/index.html") {
		t.Fatalf("after the fix: err %v, pages %q", ch.Err, ch.Pages)
	}
	if f, _ := l.Get("terms/api-key/index.html"); !strings.Contains(string(f.Data), "A fixed secret") || f.Version == before.Version {
		t.Errorf("the page does not show the fix")
	}
}
