package autolink

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nhimg/nhiglossary/internal/benchcpu"
)

var testNames = []Entry{
	{Text: "Secret", ID: 1},
	{Text: "Secrets Sprawl", ID: 2},
	{Text: "API Key", ID: 3},
	{Text: "Key", ID: 4},
	{Text: "Access Policy", ID: 5},
	{Text: "Non-Human Identity", ID: 6},
	{Text: "NHI", CaseSensitive: true, ID: 7},
	{Text: "PAT", CaseSensitive: true, ID: 8},
	{Text: "Just-in-Time Access", ID: 9},
	{Text: "CI/CD", ID: 10},
	{Text: "OAuth 2.0", ID: 11},
	{Text: "Access", ID: 12},
	{Text: "Cache", ID: 13},
	{Text: "Patch", ID: 14},
	{Text: "Cookie", ID: 15},
	{Text: "Zero Trust Architecture", ID: 16},
	{Text: "C#", ID: 17},
	{Text: "Identity Provider (IdP)", ID: 18},
	{Text: "Clé d’API", ID: 19},
	{Text: "Process", ID: 20},
	{Text: "ID", CaseSensitive: true, ID: 21},
	{Text: "HTTP", CaseSensitive: true, ID: 22},
}

// found lists the mentions in text as "matched text=ID".
func found(m *Matcher, text string) []string {
	var out []string
	m.Find(text, func(start, end int, e Entry) bool {
		out = append(out, fmt.Sprintf("%s=%d", text[start:end], e.ID))
		return true
	})
	return out
}

func TestFind(t *testing.T) {
	m := New(testNames)
	tests := []struct {
		name, text string
		want       []string
	}{
		{"longest match wins", "Secrets Sprawl is bad.", []string{"Secrets Sprawl=2"}},
		{"shorter name when the longer one does not follow", "a secret sprawling", []string{"secret=1"}},
		{"case-insensitive title", "an api key and an API KEY", []string{"api key=3", "API KEY=3"}},
		{"whole words only", "keyboard monkey keys", []string{"keys=4"}},
		{"word inside identifier is not a word", "api_key and key_id", nil},
		{"plural keys", "rotate API keys", []string{"API keys=3"}},
		{"plural policies", "access policies", []string{"access policies=5"}},
		{"plural identities", "non-human identities", []string{"non-human identities=6"}},
		{"access stays access", "accesses and access", []string{"accesses=12", "access=12"}},
		{"caches and patches", "caches, cache, patches, patch", []string{"caches=13", "cache=13", "patches=14", "patch=14"}},
		{"cookies", "cookies", []string{"cookies=15"}},
		{"processes", "processes", []string{"processes=20"}},
		{"hyphen and space are the same", "just in time access", []string{"just in time access=9"}},
		{"hyphen then line break is not a separator", "Just-in-\nTime\n  access", []string{"access=12"}},
		{"spaces and a line break are a separator", "zero\n  trust architecture", []string{"zero\n  trust architecture=16"}},
		{"abbreviation matches exactly", "NHI and nhi and Nhi", []string{"NHI=7"}},
		{"abbreviation plural", "NHIs, PATs, IDs", []string{"NHIs=7", "PATs=8", "IDs=21"}},
		{"abbreviation in capitals is not a plural", "HTTPS", nil},
		{"lower-case abbreviation", "a pat on the back", nil},
		{"punctuation must match", "CI/CD and CI CD and ci/cd", []string{"CI/CD=10", "ci/cd=10"}},
		{"version number", "OAuth 2.0.", []string{"OAuth 2.0=11"}},
		{"version number is whole", "OAuth 2.01", nil},
		{"names with leading or trailing punctuation are skipped", "C# and Identity Provider (IdP)", nil},
		{"unicode", "une clé d’API", []string{"clé d’API=19"}},
		{"possessive", "the key's owner", []string{"key=4"}},
		{"nothing", "", nil},
		{"only punctuation", "...!?", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, found(m, tt.text)); diff != "" {
				t.Errorf("Find(%q) (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestFindStops(t *testing.T) {
	m := New(testNames)
	n := 0
	m.Find("key key key", func(start, end int, e Entry) bool {
		n++
		return false
	})
	if n != 1 {
		t.Errorf("fn called %d times after returning false, want 1", n)
	}
}

func TestSameNameTwice(t *testing.T) {
	m := New([]Entry{
		{Text: "Pat", ID: 1},
		{Text: "PAT", CaseSensitive: true, ID: 2},
	})
	if diff := cmp.Diff([]string{"PAT=2", "pat=1", "Pat=1"}, found(m, "PAT pat Pat")); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestFold(t *testing.T) {
	tests := map[string]string{
		"keys": "key", "Key": "key", "policies": "policy", "identities": "identity",
		"access": "access", "accesses": "access", "status": "status", "analysis": "analysis",
		"APIs": "api", "API": "api", "HTTPS": "https", "its": "its", "tokens": "token",
	}
	for in, want := range tests {
		if got := string(foldWord(nil, in)); got != want {
			t.Errorf("foldWord(%q) = %q, want %q", in, got, want)
		}
	}
}

// benchNames returns n distinct names of one to three words.
func benchNames(n int) []Entry {
	words := strings.Fields(`secret key token service account identity workload machine
		credential certificate rotation vault policy access role federation trust
		session bearer client agent pipeline cloud provider privilege scope audit`)
	names := make([]Entry, 0, n)
	for i := 0; len(names) < n; i++ {
		a, b, c := words[i%len(words)], words[(i/len(words))%len(words)], i/(len(words)*len(words))
		names = append(names, Entry{Text: fmt.Sprintf("%s %s %d", a, b, c), ID: len(names)})
	}
	return names
}

func BenchmarkMatcherBuild(b *testing.B) {
	names := benchNames(50000)
	b.ReportAllocs()
	start := benchcpu.Time()
	for b.Loop() {
		New(names)
	}
	benchcpu.Report(b, start)
}

func BenchmarkFind(b *testing.B) {
	m := New(append(benchNames(50000), testNames...))
	text := strings.Repeat("An API key is a secret that a service account uses; rotate keys and watch for secrets sprawl in CI/CD pipelines. ", 25)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	start := benchcpu.Time()
	for b.Loop() {
		m.Find(text, func(start, end int, e Entry) bool { return true })
	}
	benchcpu.Report(b, start)
}

// BenchmarkNewAlike builds a matcher of 10k names of which a thousand
// each are alike (one trie node): linking a node's entries must not
// walk its list.
func BenchmarkNewAlike(b *testing.B) {
	names := make([]Entry, 10000)
	for i := range names {
		names[i] = Entry{Text: fmt.Sprintf("secret key %d", i%10), ID: i}
	}
	b.ReportAllocs()
	start := benchcpu.Time()
	for b.Loop() {
		New(names)
	}
	benchcpu.Report(b, start)
}

// FuzzReadIsReadSlow checks that read, the fast path for ASCII, reads the
// words readSlow would.
func FuzzReadIsReadSlow(f *testing.F) {
	m := New(testNames)
	for _, s := range []string{"API keys, caches and PATs", "IDs_x9 access-policies", strings.Repeat("a", 70) + " key", "Clé d’API"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fast, slow := words{m: m, text: s}, words{m: m, text: s}
		for {
			var a, b word
			okA := fast.read(&a)
			okB := slow.readSlow(&b, slow.pos)
			if okA != okB || a != b {
				t.Fatalf("%q at %d: read = %+v, %v; readSlow = %+v, %v", s, slow.pos, a, okA, b, okB)
			}
			if !okA {
				return
			}
		}
	})
}

// TestReplace checks that a Matcher made by Replace finds what New's of
// the same names finds, over random names, changes and texts: names that
// share words and nodes, come, go and change case-sensitivity.
func TestReplace(t *testing.T) {
	words := []string{"key", "keys", "API", "api", "secret", "policies", "policy", "just-in-time", "access", "CI/CD", "PAT", "C#"}
	rng := rand.New(rand.NewPCG(1, 2))
	name := func() Entry {
		var parts []string
		for range 1 + rng.IntN(3) {
			parts = append(parts, words[rng.IntN(len(words))])
		}
		return Entry{Text: strings.Join(parts, " "), CaseSensitive: rng.IntN(4) == 0, ID: rng.IntN(1000)}
	}
	var text strings.Builder
	for range 400 {
		text.WriteString(words[rng.IntN(len(words))])
		text.WriteString([]string{" ", "-", ", ", "  "}[rng.IntN(4)])
	}
	for range 300 {
		var names []Entry
		for range rng.IntN(12) {
			names = append(names, name())
		}
		m := New(names)
		for range 1 + rng.IntN(4) { // a chain of versions, as a preview makes
			start := rng.IntN(len(names) + 1)
			end := start + rng.IntN(len(names)-start+1)
			var with []Entry
			for range rng.IntN(4) {
				with = append(with, name())
			}
			before := found(m, text.String())
			names = slices.Concat(names[:start], with, names[end:])
			old := m
			m = m.Replace(start, end, with)
			want := found(New(names), text.String())
			if diff := cmp.Diff(want, found(m, text.String())); diff != "" {
				t.Fatalf("names %v after Replace(%d, %d, %v) (-New +Replace):\n%s", names, start, end, with, diff)
			}
			if diff := cmp.Diff(before, found(old, text.String())); diff != "" {
				t.Fatalf("Replace changed the Matcher it was called on (-before +after):\n%s", diff)
			}
		}
	}
}

// FuzzFoldHoldsMatches checks the promise of Fold: the Fold of every name
// Find finds in a text is in the Fold of the text.
func FuzzFoldHoldsMatches(f *testing.F) {
	m := New(testNames)
	for _, s := range []string{"access policies and just-in-time access", "PATs, NHIs and Caches", "cookies; C#; CI/CD", "Clé d’API", "Non-Human  Identities"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		text := string(Fold(nil, s))
		m.Find(s, func(start, end int, e Entry) bool {
			if name := string(Fold(nil, e.Text)); !strings.Contains(text, name) {
				t.Fatalf("%q finds %q at %q, but its fold %q is not in %q", s, e.Text, s[start:end], name, text)
			}
			return true
		})
	})
}
