package render

import (
	"html/template"
	"io"
	"strings"
	"testing"
	"text/template/parse"

	nhiglossary "github.com/nhimg/nhiglossary"
	"github.com/nhimg/nhiglossary/internal/i18n"
)

// foldCases print a phrase in every context html/template knows: the
// folded templates must print what the unfolded ones do, in each.
var foldCases = []struct {
	name, src string
	folds     bool // the phrase becomes plain text of the template
}{
	{"text", `<p>{{t "k"}}</p>`, true},
	{"attribute", `<p title="{{t "k"}}" aria-label='{{t "k"}}'>x</p>`, true},
	{"unquoted attribute", `<p title={{t "k"}}>x</p>`, false},
	{"URL", `<a href="{{t "k"}}">x</a>`, false},
	{"srcset", `<img srcset="{{t "k"}}" alt="">`, false},
	{"script", `<script>var s = {{t "k"}};</script>`, false},
	{"event handler", `<p onclick="f({{t "k"}})">x</p>`, false},
	{"style", `<p style="color: {{t "k"}}">x</p>`, false},
	{"title", `<title>{{t "k"}}</title>`, false},
	{"textarea", `<textarea>{{t "k"}}</textarea>`, false},
	{"comment", `<!-- {{t "k"}} --><p>x</p>`, false},
	{"attribute name", `<p {{t "k"}}="x">x</p>`, false},
	{"in a range", `{{range .}}<li>{{t "k"}}</li>{{else}}<p>{{t "k"}}</p>{{end}}`, true},
	{"in a define", `{{define "x"}}<b>{{t "k"}}</b>{{end}}{{template "x"}}`, true},
	// A define printed in text and in other contexts: html/template
	// escapes a copy of it for each; none may be escaped twice. (Only
	// the text one is among the set's templates, folded.)
	{"define in several contexts", `{{define "x"}}{{t "k"}}{{end}}<p>{{template "x"}}</p><script>var s = {{template "x"}};</script><a href="{{template "x"}}" title={{template "x"}}>x</a>`, true},
	// A define that ends inside a tag, finished by its caller.
	{"define ending in a tag", `{{define "open"}}<span title="{{end}}{{template "open"}}{{t "k"}}">x</span>`, true},
}

// Phrases an editor can set (i18n overrides) that would be script, or
// break out of an attribute or a URL, if printed as they are.
var foldPhrasesHostile = []string{
	`plain words`,
	`<script>alert(1)</script>`,
	`" onmouseover="alert(1)`,
	`' onmouseover='alert(1)`,
	`javascript:alert(1)`,
	`a & b + c = d > e`,
	"tab\tnewline\nnul\x00end",
	`</title><script>alert(1)</script>`,
	`expression(alert(1))`,
}

func TestFoldPhrasesPrintsWhatEscapingWould(t *testing.T) {
	for _, phrase := range foldPhrasesHostile {
		text := i18n.New("en", map[string]string{"k": phrase})
		for _, c := range foldCases {
			var want, got strings.Builder
			if err := parseFoldSet(t, c.src, text, false).ExecuteTemplate(&want, "page", []int{1}); err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			folded := parseFoldSet(t, c.src, text, true)
			if err := folded.ExecuteTemplate(&got, "page", []int{1}); err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if got.String() != want.String() {
				t.Errorf("%s, phrase %q:\nfolded   %s\nunfolded %s", c.name, phrase, got.String(), want.String())
			}
			if prints := hasActions(folded); prints == c.folds {
				t.Errorf("%s: actions left: %v, want %v", c.name, prints, !c.folds)
			}
		}
	}
}

// parseFoldSet parses src as the template "page", prepared as the
// renderer prepares its sets when prepared is set.
func parseFoldSet(t *testing.T, src string, text *i18n.Text, prepared bool) *template.Template {
	t.Helper()
	set := template.Must(template.New("page").Funcs(template.FuncMap{"t": text.T}).Parse(src))
	if prepared {
		prepare(set, text, escapers(), []string{"page"})
	}
	return set
}

// A template html/template cannot escape fails as it did unprepared, with
// the same error, however often it is prepared.
func TestFoldPhrasesKeepsEscapingErrors(t *testing.T) {
	text := i18n.New("en", nil)
	for _, src := range []string{
		`{{if .}}<a href="{{end}}{{t "home"}}">x</a>`,
		`{{define "x"}}<span title="{{end}}<p>{{template "x"}}</p>`,
		`<p title="{{t "home"}}>`,
	} {
		want := parseFoldSet(t, src, text, false).ExecuteTemplate(io.Discard, "page", 1)
		if want == nil {
			t.Fatalf("%s: no error", src)
		}
		for range 5 {
			if got := parseFoldSet(t, src, text, true).ExecuteTemplate(io.Discard, "page", 1); got == nil || got.Error() != want.Error() {
				t.Errorf("%s: error %v, want %v", src, got, want)
			}
		}
	}
}

// hasActions reports whether a template of set still has an action.
// html/template's copies of a define for other contexts are not among
// set.Templates(): what they print, only the output comparison checks.
func hasActions(set *template.Template) bool {
	found := false
	for _, tm := range set.Templates() {
		if tm.Tree == nil {
			continue
		}
		walkActions(tm.Tree.Root, func(a *parse.ActionNode) parse.Node {
			found = true
			return a
		})
	}
	return found
}

// A language's pages call no phrase function once folded: each phrase
// is text of the template.
func TestFoldPhrasesCallsNoFunction(t *testing.T) {
	text := i18n.New("en", nil)
	calls := 0
	set := template.Must(template.New("").Funcs(template.FuncMap{"t": func(k string) string { calls++; return text.T(k) }}).
		Parse(`<nav aria-label="{{t "breadcrumb"}}">{{t "home"}}</nav>`))
	prepare(set, text, escapers(), []string{""})
	var b strings.Builder
	for range 3 {
		if err := set.Execute(&b, nil); err != nil {
			t.Fatal(err)
		}
	}
	if calls != 0 {
		t.Errorf("t ran %d times", calls)
	}
	if want := `<nav aria-label="Breadcrumb">Home</nav>`; !strings.HasPrefix(b.String(), want) {
		t.Errorf("got %s, want %s", b.String(), want)
	}
}

// The renderer runs only the templates it prepared: running another
// would escape it after its phrases were folded.
func TestOnlyEntriesRun(t *testing.T) {
	tmpl, err := parseTemplates(nhiglossary.Templates(), i18n.New("en", nil))
	if err != nil {
		t.Fatal(err)
	}
	if err := tmpl.executeShared(io.Discard, "termcards", nil); err == nil || !strings.Contains(err.Error(), "not run by name") {
		t.Errorf("shared termcards ran: %v", err)
	}
	if err := tmpl.executeNamed(io.Discard, "term", "main", nil); err == nil || !strings.Contains(err.Error(), "not run by name") {
		t.Errorf("term's main ran: %v", err)
	}
	var b strings.Builder
	if err := tmpl.executeShared(&b, "taglink", Link{"x", "/tags/x/"}); err != nil || !strings.Contains(b.String(), `href="/tags/x/"`) {
		t.Errorf("taglink: %v %s", err, b.String())
	}
}
