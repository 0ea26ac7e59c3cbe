package diag

import (
	"bytes"
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
	l.Errorf(Pos{"b.md", 1, 1}, "b")
	l.Warnf(Pos{"a.md", 10, 2}, "late")
	l.Errorf(Pos{"a.md", 2, 5}, "early")
	l.Errorf(Pos{"a.md", 2, 5}, "early")
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
	l.Errorf(Pos{"content/terms/a,b.md", 3, 4}, "bad\nthing: 100%%")
	l.Warnf(Pos{File: "content/terms"}, "folder")
	var text, gh, js bytes.Buffer
	WriteText(&text, l)
	WriteGitHub(&gh, l)
	WriteJSON(&js, l)
	if want := "content/terms/a,b.md:3:4: bad\nthing: 100%\ncontent/terms:1:1: warning: folder\n"; text.String() != want {
		t.Errorf("text:\n%q\nwant\n%q", text.String(), want)
	}
	if want := "::error file=content/terms/a%2Cb.md,line=3,col=4::bad%0Athing: 100%25\n::warning file=content/terms,line=1,col=1::folder\n"; gh.String() != want {
		t.Errorf("github:\n%q\nwant\n%q", gh.String(), want)
	}
	var empty bytes.Buffer
	WriteJSON(&empty, nil)
	if empty.String() != "[]\n" {
		t.Errorf("empty json = %q", empty.String())
	}
}
