package search

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nhimg/nhiglossary/internal/content"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func term(slug, title, summary string, abbr, syn []string) *content.Term {
	names := func(ss []string) []content.Name {
		var ns []content.Name
		for _, s := range ss {
			ns = append(ns, content.Name{Value: s})
		}
		return ns
	}
	return &content.Term{
		Slug: content.Name{Value: slug}, Title: content.Name{Value: title}, Summary: summary,
		Abbreviations: names(abbr), Synonyms: names(syn),
	}
}

// sample is a small glossary touching every rule of the names format.
func sample() []*content.Term {
	return []*content.Term{
		term("secrets-sprawl", "Secrets Sprawl", "The uncontrolled spread of copies of secrets.", nil, []string{"secret sprawl"}),
		term("json-web-token", "JSON Web Token", "A compact,\n  URL-safe token format.", []string{"JWT"}, nil),
		term("secret-rotation", "Secret Rotation", "Replacing a secret with a new value.", nil, []string{"credential rotation", "key rotation"}),
		term("secret", "Secret", "A value that grants access.", nil, nil),
		term("secrets-manager", "Secrets Manager", "A service that stores secrets.", nil, []string{"Secrets Manager vault", "vault ~ store"}),
		term("x509", "X.509 Certificate", "A certificate in the X.509 format.", []string{"X.509"}, nil),
		term("cafe-identity", "Café Identity", "An identity with an accent: Über-service.", nil, nil),
		term("pipe", "Pipe | Tab\tName", "Odd characters.", []string{"A|B"}, nil),
	}
}

func sampleText(t *content.Term) string {
	return map[string]string{
		"json-web-token":  "Tokens carry claims; the JWT header names the algorithm. JWT JWT.",
		"secret-rotation": "Rotation replaces database passwords on a schedule.",
		"secret":          "A secret is a credential: rotate it. Ignore a 0123456789012345678901234567890123456789abc hash.",
	}[t.Slug.Value]
}

func TestIndexMatchesGolden(t *testing.T) {
	ix := New(sample())
	files := append(ix.NameFiles(), ix.TextFiles(sampleText)...)
	var b strings.Builder
	for _, f := range files {
		b.WriteString("-- " + f.Path + " --\n")
		b.Write(f.Data)
	}
	golden(t, "sample.txtar", b.String())
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}
