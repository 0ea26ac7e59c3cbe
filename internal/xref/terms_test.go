package xref

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/nhimg/nhiglossary/internal/diag"
)

// TestTerminologyDiagnostics covers the rules of CONTENT.md's
// "Terminology management": hierarchy, shared names, deprecation and the
// review cycle.
func TestTerminologyDiagnostics(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		opts  Options
		want  []string
	}{
		// Hierarchy.
		{
			name: "broader by slug, title or synonym",
			files: map[string]string{
				"content/terms/secret.md":  term("Secret", "synonyms: [credential secret]"),
				"content/terms/api-key.md": term("API Key", "broader: [secret]"),
				"content/terms/token.md":   term("Token", "broader: [Credential Secret]"),
				"content/terms/pat.md":     term("PAT", "broader: token"),
			},
		},
		{
			name: "unknown broader term",
			files: map[string]string{
				"content/terms/secret.md":  term("Secret"),
				"content/terms/api-key.md": term("API Key", "broader: [secrte]"),
			},
			want: []string{`content/terms/api-key.md:5:11: unknown broader term "secrte" (did you mean "Secret"?)`},
		},
		{
			name: "broader term is the term itself",
			files: map[string]string{
				"content/terms/secret.md": term("Secret", "broader: [Secret]"),
			},
			want: []string{`content/terms/secret.md:5:11: broader term "Secret" is this term itself; remove it`},
		},
		{
			name: "broader cycle of two",
			files: map[string]string{
				"content/terms/a.md": term("A", "broader: [b]"),
				"content/terms/b.md": term("B", "broader: [a]"),
			},
			want: []string{`content/terms/b.md:5:11: broader term "a" makes a cycle: A → B → A; a term cannot be wider than itself`},
		},
		{
			name: "broader cycle of three, reported once",
			files: map[string]string{
				"content/terms/a.md": term("A", "broader: [b]"),
				"content/terms/b.md": term("B", "broader: [c]"),
				"content/terms/c.md": term("C", "broader: [x, a]"),
				"content/terms/x.md": term("X"),
			},
			want: []string{`content/terms/c.md:5:14: broader term "a" makes a cycle: A → B → C → A; a term cannot be wider than itself`},
		},
		{
			name: "broader term listed twice",
			files: map[string]string{
				"content/terms/a.md": term("A"),
				"content/terms/b.md": term("B", "broader: [a, A]"),
			},
			want: []string{`content/terms/b.md:5:14: warning: broader term "A" is listed twice`},
		},
		{
			name: "broader term is an incident",
			files: map[string]string{
				"content/terms/a.md":        term("A", "broader: [leak]"),
				"content/incidents/leak.md": incident("Leak"),
			},
			want: []string{`content/terms/a.md:5:11: broader term "leak" is an incident, not a term`},
		},
		{
			name: "broader term is a draft",
			files: map[string]string{
				"content/terms/a.md": term("A", "draft: true"),
				"content/terms/b.md": term("B", "broader: [a]"),
			},
			want: []string{`content/terms/b.md:5:11: broader term "a" is a draft; publish it or remove it`},
		},
		{
			name: "broader term is a shared abbreviation",
			files: map[string]string{
				"content/terms/a.md": term("A", "abbreviations: [PAM]"),
				"content/terms/b.md": term("B", "abbreviations: [PAM]"),
				"content/terms/c.md": term("C", "broader: [pam]"),
			},
			want: []string{`content/terms/c.md:5:11: broader term "pam" is shared by 2 terms: write "a" for A or "b" for B`},
		},

		// Shared names.
		{
			name: "title may not be another term's abbreviation, even a shared one",
			files: map[string]string{
				"content/terms/a.md": term("A", "abbreviations: [PAM]"),
				"content/terms/b.md": term("B", "abbreviations: [PAM]"),
				"content/terms/p.md": term("Pam"),
			},
			// Every term sharing the name is told (CONTENT.md: reported
			// at both places, each naming the other).
			want: []string{
				`content/terms/a.md:5:17: abbreviation "PAM" is also used by content/terms/p.md:2:8 (title of Pam)`,
				`content/terms/b.md:5:17: abbreviation "PAM" is also used by content/terms/p.md:2:8 (title of Pam)`,
				`content/terms/p.md:2:8: title "Pam" is already used by content/terms/a.md:5:17 (abbreviation of A) and content/terms/b.md:5:17 (abbreviation of B)`,
			},
		},
		{
			name: "two titles alike are reported at both titles, not at a slug",
			files: map[string]string{
				"content/terms/secret.md":  term("Secret"),
				"content/terms/secret2.md": term("secret"),
			},
			want: []string{
				`content/terms/secret.md:2:8: title "Secret" is also used by content/terms/secret2.md:2:8 (title of secret)`,
				`content/terms/secret2.md:2:8: title "secret" is already used by content/terms/secret.md:2:8 (title of Secret)`,
			},
		},
		{
			name: "a term repeating a shared name of its own",
			files: map[string]string{
				"content/terms/a.md": term("A", "abbreviations: [PAM]"),
				"content/terms/b.md": term("B", "abbreviations: [PAM]", "synonyms: [pam]"),
			},
			want: []string{`content/terms/b.md:6:12: warning: synonym "pam" repeats this term's abbreviation; remove it`},
		},
		{
			name: "a labelled link to a shared name keeps its label",
			files: map[string]string{
				"content/terms/a.md": term("A", "abbreviations: [MAC]"),
				"content/terms/b.md": term("B", "abbreviations: [MAC]"),
				"content/terms/c.md": term("C", "abbreviations: [MAC]", "---", "See [[mac|the MAC]]."),
			},
			want: []string{`content/terms/c.md:7:5: link target "mac" is shared by 3 terms: write [[a|the MAC]] for A, [[b|the MAC]] for B or [[c|the MAC]] for C`},
		},

		// Deprecation.
		{
			name: "related entry to a deprecated term suggests its replacement",
			files: map[string]string{
				"content/terms/new.md": term("New"),
				"content/terms/old.md": term("Old", "deprecated: true", "replaced_by: new"),
				"content/terms/c.md":   term("C", "related: [old, new]"),
			},
			want: []string{`content/terms/c.md:5:11: warning: related term "old" is deprecated: write "new" (New) instead`},
		},
		{
			name: "link to a deprecated term suggests its replacement",
			files: map[string]string{
				"content/terms/new.md": term("New"),
				"content/terms/old.md": term("Old", "deprecated: true", "replaced_by: New"),
				"content/terms/c.md":   term("C", "related: [new]", "---", "See [[Old]] and [[old|that]]."),
			},
			want: []string{
				`content/terms/c.md:7:5: warning: link target "Old" is deprecated: write [[New]], or [[new|Old]] to keep the words`,
				`content/terms/c.md:7:17: warning: link target "old" is deprecated: write [[new|that]]`,
			},
		},
		{
			name: "link to a deprecated term without a replacement",
			files: map[string]string{
				"content/terms/old.md": term("Old", "deprecated: true"),
				"content/terms/c.md":   term("C", "---", "See [[old]]."),
			},
			want: []string{`content/terms/c.md:6:5: warning: link target "old" is deprecated: link a current term instead`},
		},
		{
			name: "a deprecated term may link to deprecated terms",
			files: map[string]string{
				"content/terms/new.md":  term("New", "related: [old]"),
				"content/terms/old.md":  term("Old", "deprecated: true", "replaced_by: new", "related: [old2]"),
				"content/terms/old2.md": term("Old2", "deprecated: true", "replaced_by: new"),
			},
			want: []string{`content/terms/new.md:5:11: warning: related term "old" is deprecated: it is replaced by this term; remove the entry`},
		},
		{
			name: "a term that links the term it replaces is not told to link itself",
			files: map[string]string{
				"content/terms/new.md": term("New", "---", "Once called [[Old]]."),
				"content/terms/old.md": term("Old", "deprecated: true", "replaced_by: new"),
			},
			want: []string{`content/terms/new.md:6:13: warning: link target "Old" is deprecated: it is replaced by this term; write the text without the link`},
		},
		{
			name: "replaced_by unknown",
			files: map[string]string{
				"content/terms/api-key.md": term("API Key"),
				"content/terms/old.md":     term("Old", "deprecated: true", "replaced_by: api-kye"),
			},
			want: []string{`content/terms/old.md:6:14: unknown replacement "api-kye" (did you mean "api-key"?)`},
		},
		{
			name: "replaced_by names a deprecated term",
			files: map[string]string{
				"content/terms/new.md": term("New"),
				"content/terms/mid.md": term("Mid", "deprecated: true", "replaced_by: new"),
				"content/terms/old.md": term("Old", "deprecated: true", "replaced_by: mid"),
			},
			want: []string{`content/terms/old.md:6:14: replacement "mid" is deprecated too: name a current term (it is replaced by "new")`},
		},
		{
			name: "replaced_by names the term itself",
			files: map[string]string{
				"content/terms/old.md": term("Old", "deprecated: true", "replaced_by: old"),
			},
			want: []string{`content/terms/old.md:6:14: replacement "old" is this term itself; remove it`},
		},
		{
			name: "replaced_by names a draft",
			files: map[string]string{
				"content/terms/new.md": term("New", "draft: true"),
				"content/terms/old.md": term("Old", "deprecated: true", "replaced_by: new"),
			},
			want: []string{`content/terms/old.md:6:14: replacement "new" is a draft; publish it or name another term`},
		},
		{
			name: "broader term by an old slug",
			files: map[string]string{
				"content/terms/secret.md":  term("Secret", "redirects: [secrets]"),
				"content/terms/api-key.md": term("API Key", "broader: [secrets]"),
			},
			want: []string{`content/terms/api-key.md:5:11: warning: broader term "secrets" is an old slug of Secret; write "secret"`},
		},
		{
			name: "a deprecated term nothing links to is no orphan",
			files: map[string]string{
				"content/terms/new.md":   term("New", "related: [other]"),
				"content/terms/other.md": term("Other", "related: [new]"),
				"content/terms/old.md":   term("Old", "deprecated: true", "replaced_by: new"),
			},
		},

		// Review cycle.
		{
			name: "review due by the site's period, at the updated line",
			files: map[string]string{
				"nhiglossary.yaml":   "review_every: 12m\n",
				"content/terms/a.md": term("A"),
			},
			opts: Options{Now: time.Date(2027, 4, 1, 15, 0, 0, 0, time.UTC), Review: true},
			want: []string{`content/terms/a.md:4:10: warning: review due: updated on 2026-01-01, every 12m, so due on 2027-01-01: 3 months overdue (90 days)`},
		},
		{
			name: "review due by the term's period, at the reviewed line",
			files: map[string]string{
				"nhiglossary.yaml":   "review_every: 1y\n",
				"content/terms/a.md": term("A", "review_every: 30d", "reviewed: {by: Ann, on: 2026-01-05}"),
			},
			opts: Options{Now: time.Date(2026, 6, 5, 0, 0, 0, 0, time.UTC), Review: true},
			want: []string{`content/terms/a.md:6:25: warning: review due: reviewed on 2026-01-05, every 30d, so due on 2026-02-04: 4 months overdue (121 days)`},
		},
		{
			name: "review not yet due",
			files: map[string]string{
				"content/terms/a.md": term("A", "review_every: 2w"),
			},
			opts: Options{Now: time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC), Review: true},
		},
		{
			name: "review a day overdue",
			files: map[string]string{
				"content/terms/a.md": term("A", "review_every: 2w"),
			},
			opts: Options{Now: time.Date(2026, 1, 16, 0, 0, 0, 0, time.UTC), Review: true},
			want: []string{`content/terms/a.md:4:10: warning: review due: updated on 2026-01-01, every 2w, so due on 2026-01-15: 1 day overdue`},
		},
		{
			name: "no clock, no review warnings",
			files: map[string]string{
				"content/terms/a.md": term("A", "review_every: 1d"),
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := resolve(t, tt.files, tt.opts)
			if !strings.Contains(tt.name, "orphan") {
				got = withoutOrphans(got)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
		})
	}
}

func TestHierarchy(t *testing.T) {
	g, diags := resolve(t, map[string]string{
		"content/terms/secret.md":     term("Secret"),
		"content/terms/api-key.md":    term("API Key", "broader: [secret, credential]"),
		"content/terms/token.md":      term("Token", "broader: [secret]"),
		"content/terms/a-token.md":    term("Zeta Token", "broader: [secret]"),
		"content/terms/credential.md": term("Credential"),
		"content/terms/draft.md":      term("Draft", "draft: true", "broader: [secret]"),
	}, Options{})
	by := g.TermBySlug
	if got, want := slugs(g.Broader[by["api-key"]]), []string{"secret", "credential"}; !cmp.Equal(got, want) {
		t.Errorf("broader of api-key = %v, want %v (the order written)", got, want)
	}
	if got, want := slugs(g.Narrower[by["secret"]]), []string{"api-key", "token", "a-token"}; !cmp.Equal(got, want) {
		t.Errorf("narrower of secret = %v, want %v (by title, drafts left out)", got, want)
	}
	if got := slugs(g.Narrower[by["credential"]]); !cmp.Equal(got, []string{"api-key"}) {
		t.Errorf("narrower of credential = %v", got)
	}
	if len(diags) != 0 {
		t.Errorf("terms in a hierarchy are linked from their parents' pages, so none is an orphan: %v", diags)
	}
}

func TestSharedNames(t *testing.T) {
	files := map[string]string{
		"content/terms/privileged-access-management.md":     term("Privileged Access Management", "abbreviations: [PAM]"),
		"content/terms/pluggable-authentication-modules.md": term("Pluggable Authentication Modules", "abbreviations: [pam]"),
		"content/terms/mac.md":                              term("MAC", "synonyms: [Media access control]"),
		"content/terms/mandatory-access-control.md":         term("Mandatory Access Control", "synonyms: [mac address filter]", "abbreviations: [MAC2]"),
		"content/terms/message-authentication-code.md":      term("Message Authentication Code", "synonyms: [Tag]"),
		"content/terms/tag-draft.md":                        term("Tag Draft", "synonyms: [tag]", "draft: true"),
	}
	g, diags := resolve(t, files, Options{})
	if got := withoutOrphans(diags); len(got) > 0 {
		t.Fatal(got)
	}
	var got [][]string
	for _, s := range g.Shared {
		got = append(got, append([]string{s.Name, s.Slug}, slugs(s.Terms)...))
	}
	want := [][]string{{"pam", "pam", "pluggable-authentication-modules", "privileged-access-management"}}
	if !cmp.Equal(got, want) {
		t.Errorf("shared names = %v, want %v (a draft does not make a name shared in a build without drafts)", got, want)
	}
	if _, ok := g.Lookup("PAM"); ok {
		t.Error("Lookup(PAM) resolved a shared name")
	}
	if _, ok := g.SharedName("Pam"); !ok {
		t.Error("SharedName(Pam) not found")
	}

	g, _ = resolve(t, files, Options{Drafts: true})
	if len(g.Shared) != 2 || g.Shared[1].Name != "Tag" || g.Shared[1].Slug != "tag" {
		t.Errorf("with drafts, Tag is shared too: %+v", g.Shared)
	}
}

// A term's slug may be a name other terms share, or another term's
// abbreviation or synonym (CONTENT.md moves the disambiguation page aside
// "unless a term has that slug"): the name is then shared, by the slug's
// term too, and named as the others write it.
func TestSharedNameSlugTaken(t *testing.T) {
	for _, tc := range []struct {
		name         string
		files        map[string]string
		shared, slug string // the shared name and its page's slug
		terms        []string
	}{
		{"a slug and two abbreviations", map[string]string{
			"content/terms/a.md":   term("A", "abbreviations: [MAC]"),
			"content/terms/b.md":   term("B", "abbreviations: [MAC]"),
			"content/terms/mac.md": term("Media Access Control Address", "slug: mac"),
		}, "MAC", "mac-disambiguation", []string{"a", "b", "mac"}},
		{"a slug that is also its term's abbreviation", map[string]string{
			"content/terms/mac.md":                         term("Mandatory Access Control", "abbreviations: [MAC]"),
			"content/terms/message-authentication-code.md": term("Message Authentication Code", "abbreviations: [MAC]"),
		}, "MAC", "mac-disambiguation", []string{"mac", "message-authentication-code"}},
		{"a slug and one other term's abbreviation", map[string]string{
			"content/terms/ksa.md":  term("Key Service Agent"),
			"content/terms/kube.md": term("Kubernetes Service Account", "abbreviations: [KSA]"),
		}, "KSA", "ksa-disambiguation", []string{"ksa", "kube"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, diags := resolve(t, tc.files, Options{})
			if got := withoutOrphans(diags); len(got) > 0 {
				t.Fatal(got)
			}
			if len(g.Shared) != 1 {
				t.Fatalf("shared = %+v, want one name", g.Shared)
			}
			sn := g.Shared[0]
			if sn.Name != tc.shared || sn.Slug != tc.slug || !slices.Equal(slugs(sn.Terms), tc.terms) {
				t.Errorf("shared %q at %q by %v, want %q at %q by %v", sn.Name, sn.Slug, slugs(sn.Terms), tc.shared, tc.slug, tc.terms)
			}
		})
	}
}

// A shared name's page is spelled as a tag's: names apart stay apart.
func TestSharedNameSlugsKeepNamesApart(t *testing.T) {
	g, diags := resolve(t, map[string]string{
		"content/terms/a.md":   term("A", "abbreviations: [C++, Ω]"),
		"content/terms/b.md":   term("B", "abbreviations: [C++, Ω]"),
		"content/terms/cee.md": term("Cee", "abbreviations: [C, Σ]"),
		"content/terms/d.md":   term("D", "abbreviations: [C, Σ]"),
	}, Options{})
	if got := withoutOrphans(diags); len(got) > 0 {
		t.Fatal(got)
	}
	got := map[string]string{}
	for _, sn := range g.Shared {
		got[sn.Name] = sn.Slug
	}
	want := map[string]string{"C": "c", "C++": "c-plus-plus", "Ω": "ω", "Σ": "σ"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("pages (-want +got):\n%s", diff)
	}
}

// A name a slug shares is ambiguous, but written as that slug it names
// the slug's term, as the ambiguity error tells editors to write.
func TestASharedNameWrittenAsASlugNamesThatTerm(t *testing.T) {
	g, diags := resolve(t, map[string]string{
		"content/terms/mac.md":                         term("Mandatory Access Control", "abbreviations: [MAC]"),
		"content/terms/message-authentication-code.md": term("Message Authentication Code", "abbreviations: [MAC]"),
		"content/terms/other.md":                       term("Other", "related: [mac]", "broader: [mac]", "---", "See [[MAC]], [[mac|MAC]] and [[Mac]]."),
	}, Options{})
	want := []string{
		`content/terms/other.md:8:5: link target "MAC" is shared by 2 terms: write [[mac|MAC]] for Mandatory Access Control or [[message-authentication-code|MAC]] for Message Authentication Code`,
		`content/terms/other.md:8:30: link target "Mac" is shared by 2 terms: write [[mac|Mac]] for Mandatory Access Control or [[message-authentication-code|Mac]] for Message Authentication Code`,
	}
	if diff := cmp.Diff(want, withoutOrphans(diags)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	mac := g.TermBySlug["mac"]
	if got := g.Related[g.TermBySlug["other"]]; len(got) != 1 || got[0] != mac {
		t.Errorf("related: %v, want mac", got)
	}
	if got, ok := g.Lookup("mac"); !ok || got.Term != mac {
		t.Errorf(`Lookup("mac") = %v, %v; want the term mac`, got, ok)
	}
	if got, ok := g.Lookup("MAC"); ok {
		t.Errorf(`Lookup("MAC") = %v; want none: the name is shared`, got)
	}
}

// When the other sharer is a draft left out of the build, the page
// still links the slug: Resolve accepted it, so Lookup must too.
func TestASharedSlugLinksWhenTheOtherSharerIsADraft(t *testing.T) {
	g, diags := resolve(t, map[string]string{
		"content/terms/mac.md":                         term("Mandatory Access Control", "abbreviations: [MAC]", "related: [other]"),
		"content/terms/message-authentication-code.md": term("Message Authentication Code", "abbreviations: [MAC]", "draft: true"),
		"content/terms/other.md":                       term("Other", "related: [mac]", "---", "See [[mac|MAC]] and [[mac]]."),
	}, Options{})
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %q", diags)
	}
	if got, ok := g.Lookup("mac"); !ok || got.Term != g.TermBySlug["mac"] {
		t.Errorf(`Lookup("mac") = %v, %v; want the term mac`, got, ok)
	}
}

// A slug that is another term's title is reported at both, naming each
// other.
func TestASlugThatIsAnotherTermsTitle(t *testing.T) {
	_, diags := resolve(t, map[string]string{
		"content/terms/a.md":    term("Beta"),
		"content/terms/beta.md": term("Second"),
	}, Options{})
	want := []string{
		`content/terms/a.md:2:8: title "Beta" is also used by content/terms/beta.md (slug of Second)`,
		`content/terms/beta.md:1:1: slug "beta" is already used by content/terms/a.md:2:8 (title of Beta)`,
	}
	if diff := cmp.Diff(want, withoutOrphans(diags)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// Two terms of one slug stay an error, even when the name is shared.
func TestTwoSlugsDoNotShare(t *testing.T) {
	_, diags := resolve(t, map[string]string{
		"content/terms/a.md": term("A", "abbreviations: [X]"),
		"content/terms/b.md": term("B", "slug: x"),
		"content/terms/c.md": term("C", "slug: x"),
	}, Options{})
	// Told at both slugs, and the abbreviation they shared is no part of it.
	want := []string{
		`content/terms/b.md:5:7: slug "x" is also used by content/terms/c.md:5:7 (slug of C)`,
		`content/terms/c.md:5:7: slug "x" is already used by content/terms/b.md:5:7 (slug of B)`,
	}
	if diff := cmp.Diff(want, withoutOrphans(diags)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestReplacedBy(t *testing.T) {
	g, _ := resolve(t, map[string]string{
		"content/terms/new.md": term("New"),
		"content/terms/old.md": term("Old", "deprecated: true", "replaced_by: New"),
	}, Options{})
	if got := g.ReplacedBy[g.TermBySlug["old"]]; got != g.TermBySlug["new"] {
		t.Errorf("ReplacedBy[old] = %v", got)
	}
}

func TestReviewQueue(t *testing.T) {
	g, _ := resolve(t, map[string]string{
		"nhiglossary.yaml":   "review_every: 6m\n",
		"content/terms/a.md": term("A", "reviewed: {by: Ann, on: 2026-03-01}"),
		"content/terms/b.md": term("B", "review_every: 1y"),
		"content/terms/c.md": lines("---", "title: C", "summary: s.", "updated: 2026-09-01", "---"),
	}, Options{})
	q := ReviewQueue(g, time.Date(2026, 8, 1, 12, 0, 0, 0, time.UTC))
	var got []string
	for _, r := range q {
		got = append(got, r.Term.Slug.Value+" "+r.Last.Format(time.DateOnly)+" "+r.Deadline)
	}
	want := []string{
		"b 2026-01-01 due in 153 days",
		"a 2026-03-01 due in 31 days",
		"c 2026-09-01 due in 212 days",
	}
	if !cmp.Equal(got, want) {
		t.Errorf("queue = %q, want %q (oldest first)", got, want)
	}
}

// Each terminology rule has its own stable code, for CI filters and
// `warnings: {CODE: off}`.
func TestTerminologyCodes(t *testing.T) {
	_, diags := Resolve(load(t, map[string]string{
		"nhiglossary.yaml":     "review_every: 1m\n",
		"content/terms/a.md":   term("A", "broader: [b, nope]", "abbreviations: [X]"),
		"content/terms/b.md":   term("B", "broader: [a]", "abbreviations: [X]", "related: [old]"),
		"content/terms/old.md": term("Old", "deprecated: true", "replaced_by: gone"),
		"content/terms/c.md":   term("C", "deprecated: true", "replaced_by: old", "---", "[[X]]"),
	}), Options{Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), Review: true})
	got := map[diag.Code]int{}
	for _, d := range diags {
		got[d.Code]++
	}
	want := map[diag.Code]int{
		diag.UnknownBroader: 1, diag.BroaderCycle: 1, diag.LinksDeprecated: 1, diag.UnknownReplacement: 1,
		diag.ReplacementDeprecated: 1, diag.AmbiguousName: 1, diag.ReviewDue: 4,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("codes (-want +got):\n%s\n%v", diff, diags)
	}
}

// A title is no other term's abbreviation, even when its file has the
// name too (pam.md titled "Pam"), whichever file comes first.
func TestATitledSlugDoesNotShare(t *testing.T) {
	for _, files := range []map[string]string{
		{"content/terms/a.md": term("A", "abbreviations: [PAM]"), "content/terms/b.md": term("B", "abbreviations: [PAM]"), "content/terms/pam.md": term("Pam")},
		{"content/terms/pam.md": term("Pam"), "content/terms/x.md": term("X", "abbreviations: [PAM]")},
	} {
		_, diags := resolve(t, files, Options{})
		if !slices.ContainsFunc(diags, func(d string) bool {
			return strings.HasPrefix(d, `content/terms/pam.md:2:8: title "Pam"`)
		}) {
			t.Errorf("no error at pam.md's title: %q", withoutOrphans(diags))
		}
	}
}
