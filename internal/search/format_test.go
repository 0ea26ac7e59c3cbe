package search

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nhimg/nhiglossary/internal/content"
)

func TestSlugIsLeftOutWhenTheScriptCanDeriveIt(t *testing.T) {
	for _, tc := range []struct{ title, want string }{
		{"API Key", "api-key"},
		{"X.509 Certificate", "x-509-certificate"},
		{"  OAuth 2.0 -- Client ", "oauth-2-0-client"},
		{"CI/CD", "ci-cd"},
		{"Café", ""}, // not ASCII: always written out
		{"...", ""},
	} {
		if got := slugOf(tc.title); got != tc.want {
			t.Errorf("slugOf(%q) = %q, want %q", tc.title, got, tc.want)
		}
	}
}

func TestFrontCodingSharesASCIIBytesOnly(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "Secret", 0},
		{"Secret", "Secret Rotation", 6},
		{"Secret Rotation", "Secrets Manager", 6},
		{"Café Identity", "Café Token", 3}, // é is two bytes but one UTF-16 unit
		{strings.Repeat("a", 100), strings.Repeat("a", 100), maxShared},
	} {
		if got := sharedASCII(tc.a, tc.b); got != tc.want {
			t.Errorf("sharedASCII(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestWordsAreLowerCasedRunsOfLettersAndDigits(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"JSON Web Token", []string{"json", "web", "token"}},
		{"X.509 certificate-based mTLS", []string{"x", "509", "certificate", "based", "mtls"}},
		{"Über-Service, café!", []string{"über", "service", "café"}},
		{"", nil},
		{"  --  ", nil},
	} {
		var got []string
		words(tc.in, nil, func(w []byte) { got = append(got, string(w)) })
		if !slices.Equal(got, tc.want) {
			t.Errorf("words(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestShardKeyIsTheFirstTwoLetters(t *testing.T) {
	for in, want := range map[string]string{"rotation": "ro", "x": "x", "über": "üb", "509": "50", "日本語": "日本"} {
		if got := key(in); got != want {
			t.Errorf("key(%q) = %q, want %q", in, got, want)
		}
	}
}

// decodePostings is the script's decoder, in Go.
func decodePostings(s string) []int32 {
	var out []int32
	v, id := int32(0), int32(-1)
	for i := 0; i < len(s); i++ {
		d := int32(s[i]) - '0'
		if d >= 32 {
			v = v*32 + d - 32
			continue
		}
		id += v*32 + d + 1
		v = 0
		out = append(out, id)
	}
	return out
}

func TestPostingsRoundTrip(t *testing.T) {
	for _, ids := range [][]int32{
		{0},
		{5},
		{0, 1, 2, 3},
		{31, 32, 33, 1000, 1023, 1024, 40000, 1 << 30},
	} {
		enc := string(appendPostings(nil, ids))
		if strings.ContainsAny(enc, "\t\n") {
			t.Errorf("postings %v encode to %q, with a separator", ids, enc)
		}
		if got := decodePostings(enc); !slices.Equal(got, ids) {
			t.Errorf("postings %v encode to %q, which decodes to %v", ids, enc, got)
		}
	}
	if got := string(appendPostings(nil, []int32{0, 1, 2, 3})); got != "0000" {
		t.Errorf("consecutive terms cost %q, want one byte each", got)
	}
}

// decodedTerm is what the script reads back from a names line.
type decodedTerm struct {
	Title, Slug string
	Abbr, Syn   []string
}

// decodeNames is the script's parser, in Go.
func decodeNames(t *testing.T, data string) []decodedTerm {
	t.Helper()
	lines := strings.Split(data, "\n")
	if !strings.HasPrefix(lines[0], "nhiglossary-search 2 ") {
		t.Fatalf("bad header %q", lines[0])
	}
	var out []decodedTerm
	prev := ""
	for _, line := range lines[2:] {
		if line == "" || line[0] == '-' { // entries: TestEntries
			continue
		}
		f := strings.Split(line, "\t")
		for len(f) < 4 {
			f = append(f, "")
		}
		title := prev[:int(f[0][0]-'0')] + f[0][1:]
		prev = title
		d := decodedTerm{Title: title, Slug: f[1]}
		if d.Slug == "" {
			d.Slug = slugOf(title)
		}
		if f[2] != "" {
			d.Abbr = strings.Split(f[2], "|")
		}
		if f[3] != "" {
			for _, s := range strings.Split(f[3], "|") {
				var b strings.Builder
				for i := 0; i < len(s); i++ {
					switch {
					case s[i] == '\\' && i+1 < len(s):
						b.WriteByte(s[i+1])
						i++
					case s[i] == '~':
						b.WriteString(title)
					default:
						b.WriteByte(s[i])
					}
				}
				d.Syn = append(d.Syn, b.String())
			}
		}
		out = append(out, d)
	}
	return out
}

func TestNamesRoundTrip(t *testing.T) {
	terms := []*content.Term{
		term("a-b", "A~B", "", nil, []string{"A~B two", "~"}),
		term("tilde", "Tilde", "", []string{"TL"}, []string{"~Tilde~", "Tilde Tilde", "tilde", `back\\slash\\~`}),
		term("tilde-x", "Tilde X", "", nil, nil),
		term("cafe", "Café", "", nil, []string{"Café au lait"}),
		term("cafe-2", "Café Two", "", nil, nil),
		term("long", strings.Repeat("Long ", 30), "", nil, nil),
		term("long-2", strings.Repeat("Long ", 31), "", nil, nil),
		term("renamed", "Something Else", "", nil, nil),
	}
	ix := New(terms)
	got := decodeNames(t, string(ix.NameFiles()[0].Data))
	var want []decodedTerm
	for _, tm := range ix.terms {
		d := decodedTerm{Title: field(tm.Title.Value), Slug: tm.Slug.Value}
		for _, n := range tm.Abbreviations {
			d.Abbr = append(d.Abbr, n.Value)
		}
		for _, n := range tm.Synonyms {
			d.Syn = append(d.Syn, n.Value)
		}
		want = append(want, d)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("names do not round-trip (-want +got):\n%s", diff)
	}
}

func TestSummaryShardsHoldShardSizeTermsInNamesOrder(t *testing.T) {
	var terms []*content.Term
	for i := range 2*shardSize + 3 {
		s := string(rune('a'+i/26)) + string(rune('a'+i%26))
		terms = append(terms, term(s, s, "Summary of "+s+".", nil, nil))
	}
	ix := New(terms)
	files := ix.NameFiles()
	if len(files) != 1+3 {
		t.Fatalf("got %d files, want the names and 3 shards", len(files))
	}
	header := strings.Split(string(files[0].Data), "\n")[1]
	for i, f := range files[1:] {
		lines := strings.Split(strings.TrimSuffix(string(f.Data), "\n"), "\n")
		if want := min(shardSize, len(terms)-i*shardSize); len(lines) != want {
			t.Errorf("shard %d has %d summaries, want %d", i, len(lines), want)
		}
		if first := ix.terms[i*shardSize]; lines[0] != first.Summary {
			t.Errorf("shard %d starts with %q, want %q", i, lines[0], first.Summary)
		}
		if !strings.Contains(header, hashOf(f.Data)) || f.Path != "search/s/"+hashOf(f.Data)+".txt" {
			t.Errorf("shard %d at %s is not named by its hash in the header %q", i, f.Path, header)
		}
	}
}

func TestFileNamesChangeWithTheirContent(t *testing.T) {
	a := New([]*content.Term{term("x", "X", "One.", nil, nil)})
	b := New([]*content.Term{term("x", "X", "Two.", nil, nil)})
	if a.NamesPath() == b.NamesPath() {
		t.Errorf("a new summary kept the names file at %s: a cached copy would point at a shard that is gone", a.NamesPath())
	}
	text := func(*content.Term) string { return "" }
	if m := a.TextFiles(text)[0]; m.Path != "search/text.txt" || !strings.Contains(string(m.Data), hashOf(a.NameFiles()[0].Data)) {
		t.Errorf("text.txt at %s does not name the names file it belongs to:\n%s", m.Path, m.Data)
	}
}

func TestTextIndexSkipsStopWordsAndHashes(t *testing.T) {
	ix := New(sample())
	all := ""
	for _, f := range ix.TextFiles(sampleText)[1:] {
		all += string(f.Data)
	}
	for _, w := range []string{"the\t", "a\t", "0123456789012345678901234567890123456789abc"} {
		if strings.Contains(all, "\n"+w) || strings.HasPrefix(all, w) {
			t.Errorf("the text index has %q", w)
		}
	}
	for _, w := range []string{"jwt\t", "rotation\t", "database\t"} {
		if !strings.Contains(all, w) {
			t.Errorf("the text index lacks %q", w)
		}
	}
}

func TestEntries(t *testing.T) {
	terms := []*content.Term{term("a", "A", "An a.", nil, nil)}
	ix := New(terms,
		Entry{Kind: KindIncident, Name: "Toyota T-Connect\tleak", Path: "incidents/toyota/", Summary: "2022 · A key\nleaked | once.", Text: "GitHub repository"},
		Entry{Kind: KindControl, Name: "PR.AA-01", Path: "frameworks/nist/#control-pr-aa-01", Summary: "NIST CSF", Names: []string{"Identities and credentials", "PR.AA-01"}},
		Entry{Kind: KindFramework, Name: "MITRE ATT&CK", Path: "frameworks/mitre/"},
	)
	lines := strings.Split(strings.TrimSuffix(string(ix.NameFiles()[0].Data), "\n"), "\n")
	want := []string{
		"-i\tToyota T-Connect leak\tincidents/toyota/",
		"-c\tPR.AA-01\tframeworks/nist/#control-pr-aa-01\tIdentities and credentials",
		"-f\tMITRE ATT&CK\tframeworks/mitre/",
	}
	if diff := cmp.Diff(want, lines[len(lines)-3:]); diff != "" {
		t.Errorf("entry lines (-want +got):\n%s", diff)
	}
	// The summary shards hold the entries' after the terms'.
	if got := string(ix.NameFiles()[1].Data); got != "An a.\n2022 · A key leaked | once.\nNIST CSF\n\n" {
		t.Errorf("summary shard %q", got)
	}
	// The full text numbers entries after the terms.
	files := ix.TextFiles(func(*content.Term) string { return "" })
	var shard string
	for _, f := range files[1:] {
		if strings.HasPrefix(string(f.Data), "github\t") {
			shard = string(f.Data)
		}
	}
	if !strings.Contains(shard, "github\t1\n") { // doc 1: the first entry, after term 0
		t.Errorf("github's shard %q, want the incident (doc 1)", shard)
	}
}
