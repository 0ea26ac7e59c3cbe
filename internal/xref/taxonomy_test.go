package xref

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestTaxonomySlug(t *testing.T) {
	for in, want := range map[string]string{
		"CI/CD": "ci-cd", "Secrets": "secrets", "!!!": "other",
		// Accents fold; symbols that tell tags apart are spelled out.
		"Ünïcode Tag": "unicode-tag", "Émigré": "emigre", "Straße": "strasse",
		"U\u0308ber": "uber", // decomposed: the combining mark goes
		"C++":        "c-plus-plus", "C#": "c-sharp", "c": "c", "R&D": "r-and-d",
		// Letters without an ASCII fold stay, lower-cased.
		"秘密": "秘密", "Ключ API": "ключ-api", "κλειδί": "κλειδί",
	} {
		if got := taxonomySlug(in); got != want {
			t.Errorf("taxonomySlug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTaxonomySlugsNeverJoinDifferentTags(t *testing.T) {
	tx := newTaxonomy()
	for _, n := range []string{"c", "C++", "C#", "c#", "Secrets", "secrets", " Secrets ", "ç", "CI/CD", "CI-CD", "ci-cd-1"} {
		tx.canon(n)
	}
	slices.Sort(tx.Pages)
	tx.assignSlugs()
	want := map[string]string{
		"c": "c", "C++": "c-plus-plus", "C#": "c-sharp", "Secrets": "secrets",
		"ç":     "c-1", // folds to c, but is another tag
		"CI-CD": "ci-cd", "CI/CD": "ci-cd-2", "ci-cd-1": "ci-cd-1",
	}
	if diff := cmp.Diff(want, tx.slug); diff != "" {
		t.Errorf("slugs (-want +got):\n%s", diff)
	}
	for _, spelling := range []string{"secrets", " Secrets "} {
		if got := tx.page[spelling]; got != "Secrets" {
			t.Errorf("%q is on the page of %q, want Secrets", spelling, got)
		}
	}
	if got := tx.Slug("ç"); got != "c-1" {
		t.Errorf("Slug(ç) = %q", got)
	}
}
