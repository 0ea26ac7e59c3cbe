package render

import (
	"html/template"
	"strings"
	"testing"
	"text/template/parse"

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
	{"script", `<script>var s = {{t "k"}};</script>`, false},
	{"event handler", `<p onclick="f({{t "k"}})">x</p>`, false},
	{"style", `<p style="color: {{t "k"}}">x</p>`, false},
	{"title", `<title>{{t "k"}}</title>`, false},
	{"in a range", `{{range .}}<li>{{t "k"}}</li>{{else}}<p>{{t "k"}}</p>{{end}}`, true},
	{"in a define", `{{define "x"}}<b>{{t "k"}}</b>{{end}}{{template "x"}}`, true},
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
			parseSet := func(fold bool) *template.Template {
				set := template.Must(template.New("").Funcs(template.FuncMap{"t": text.T}).Parse(c.src))
				if fold {
					foldPhrases(set, text)
				}
				return set
			}
			var want, got strings.Builder
			if err := parseSet(false).Execute(&want, []int{1}); err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			folded := parseSet(true)
			if err := folded.Execute(&got, []int{1}); err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if got.String() != want.String() {
				t.Errorf("%s, phrase %q:\nfolded   %s\nunfolded %s", c.name, phrase, got.String(), want.String())
			}
			if prints := printsPhrase(folded); prints == c.folds {
				t.Errorf("%s: an action prints the phrase: %v, want %v", c.name, prints, !c.folds)
			}
		}
	}
}

// printsPhrase reports whether an action of set still prints a value.
func printsPhrase(set *template.Template) bool {
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
	foldPhrases(set, text)
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
