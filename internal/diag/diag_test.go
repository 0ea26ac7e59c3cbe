package diag

import (
	"bytes"
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSuggest(t *testing.T) {
	names := []string{"secrets-sprawl", "secret-rotation", "Secret Scanning", "API Key", "PR.AA-01", "PR.AA-05", "Token Theft", "Toyota T-Connect key leak"}
	tests := []struct {
		name, in string
		want     []string
	}{
		{"one letter off", "secret-sprawl", []string{"secrets-sprawl"}},
		{"case does not matter", "api kEY", []string{"API Key"}},
		{"CSF 1.1 id to CSF 2.0", "PR.AC-1", []string{"PR.AA-01"}},
		{"a part of a name", "sprawl", []string{"secrets-sprawl"}},
		{"near spelling beats containment", "Token Thef", []string{"Token Theft"}},
		{"nothing close", "kubernetes", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Suggest(tt.in, names, 1)); diff != "" {
				t.Errorf("Suggest(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
	if got := DidYouMean("secret-sprawl", names); got != ` (did you mean "secrets-sprawl"?)` {
		t.Errorf("DidYouMean = %q", got)
	}
	if got := DidYouMean("zzz", names); got != "" {
		t.Errorf("DidYouMean with nothing close = %q", got)
	}
}

func TestSortOrdersByFileThenPositionAndDropsRepeats(t *testing.T) {
	var l List
	l.Add(UnknownRelated, Pos{"b.md", 1, 1}, "b")
	l.Add(OrphanTerm, Pos{"a.md", 10, 2}, "late")
	l.Add(UnknownRelated, Pos{"a.md", 2, 5}, "early")
	l.Add(UnknownRelated, Pos{"a.md", 2, 5}, "early")
	var got []string
	for _, d := range l.Sort() {
		got = append(got, d.String())
	}
	want := []string{"a.md:2:5: early", "a.md:10:2: warning: late", "b.md:1:1: b"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestWriteFormats(t *testing.T) {
	var l List
	l.Add(UnknownRelated, Pos{"content/terms/a,b.md", 3, 4}, "bad\nthing: 100%%")
	l.Add(OrphanTerm, Pos{File: "content/terms"}, "folder \x1b]0;title\x07\u009b31m")
	var text, gh, js bytes.Buffer
	WriteText(&text, l)
	WriteGitHub(&gh, l)
	WriteJSON(&js, l)
	// No control character reaches a terminal or a log: a newline would
	// make a line that reads as another problem, an escape sequence
	// retitle or recolour the terminal.
	if want := "content/terms/a,b.md:3:4: bad\\x0athing: 100%\ncontent/terms:1:1: warning: folder \\x1b]0;title\\x07\\x9b31m [orphan-term]\n"; text.String() != want {
		t.Errorf("text:\n%q\nwant\n%q", text.String(), want)
	}
	if want := "::error file=content/terms/a%2Cb.md,line=3,col=4,title=unknown-related::bad%0Athing: 100%25\n::warning file=content/terms,line=1,col=1,title=orphan-term::folder \\x1b]0;title\\x07\\x9b31m [orphan-term]\n"; gh.String() != want {
		t.Errorf("github:\n%q\nwant\n%q", gh.String(), want)
	}
	// (JSON escapes C0 controls; the U+009B below is the character itself.)
	wantJSON := `[
  {
    "path": "content/terms/a,b.md",
    "line": 3,
    "column": 4,
    "severity": "error",
    "code": "unknown-related",
    "message": "bad\nthing: 100%"
  },
  {
    "path": "content/terms",
    "line": 1,
    "column": 1,
    "severity": "warning",
    "code": "orphan-term",
    "message": "folder \u001b]0;title\u000731m"
  }
]
`
	if diff := cmp.Diff(wantJSON, js.String()); diff != "" {
		t.Errorf("json (-want +got):\n%s", diff)
	}
	var empty bytes.Buffer
	WriteJSON(&empty, nil)
	if empty.String() != "[]\n" {
		t.Errorf("empty json = %q", empty.String())
	}
}

func TestUnderPrefixesFilesNotFlags(t *testing.T) {
	var l List
	l.Add(UnknownRelated, Pos{"content/terms/a.md", 3, 4}, "x")
	l.Add(InvalidURL, Pos{File: "--base-url"}, "y")
	var got []string
	for _, d := range l.Under("docs/glossary/") {
		got = append(got, d.Pos.File)
	}
	if diff := cmp.Diff([]string{"docs/glossary/content/terms/a.md", "--base-url"}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if l.Under(".")[0].Pos.File != "content/terms/a.md" || l[0].Pos.File != "content/terms/a.md" {
		t.Errorf("Under(\".\") changed a path, or Under changed its receiver")
	}
}

// A place a message names moves with the problem's own place: both are
// read from where the command runs.
func TestUnderMovesPlacesInMessages(t *testing.T) {
	var l List
	l.Add(DuplicateName, Pos{"content/terms/a.md", 3, 4}, "title %q is also used by %s and %s (100%%)", "API Key", Pos{"content/terms/b.md", 2, 8}, Pos{File: "content/terms/c.md"})
	l.Add(DuplicateName, Pos{"content/terms/b.md", 2, 8}, "title %q is also used by %s", "API Key", Pos{"content/terms/a.md", 3, 4})
	l.Add(DuplicateName, Pos{"content/terms/b.md", 2, 8}, "title %q is also used by %s", "API Key", Pos{"content/terms/a.md", 3, 4})
	var got []string
	for _, d := range l.Sort().Under("site") {
		got = append(got, d.String())
	}
	want := []string{
		`site/content/terms/a.md:3:4: title "API Key" is also used by site/content/terms/b.md:2:8 and site/content/terms/c.md (100%)`,
		`site/content/terms/b.md:2:8: title "API Key" is also used by site/content/terms/a.md:3:4`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if m := l[0].Message; m != `title "API Key" is also used by content/terms/b.md:2:8 and content/terms/c.md (100%)` {
		t.Errorf("Under changed its receiver's message: %q", m)
	}
}

func TestSilenceDropsOnlyWarnings(t *testing.T) {
	var l List
	l.Add(OrphanTerm, Pos{"a.md", 1, 1}, "orphan")
	l.Add(LongSummary, Pos{"a.md", 2, 1}, "long")
	l.Add(UnknownRelated, Pos{"a.md", 3, 1}, "unknown")
	var got []Code
	for _, d := range l.Silence(map[Code]bool{OrphanTerm: true, UnknownRelated: true}) {
		got = append(got, d.Code)
	}
	if diff := cmp.Diff([]Code{LongSummary, UnknownRelated}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestEveryCodeIsKebabCase(t *testing.T) {
	for _, r := range sortedRules() {
		if !regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`).MatchString(string(r.Code)) {
			t.Errorf("code %q is not kebab-case", r.Code)
		}
	}
}
