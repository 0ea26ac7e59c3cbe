package render

import (
	"encoding/json"
	"io/fs"
	"regexp"
	"slices"
	"testing"

	"github.com/nhimg/nhiglossary"
	"github.com/nhimg/nhiglossary/internal/i18n"
)

// Every string search.js shows is an interface string, in each built-in
// language, and reaches the script as JSON data.
func TestScriptTextIsTheLanguagesText(t *testing.T) {
	keys := i18n.Keys()
	for _, k := range scriptKeys {
		if !slices.Contains(keys, k) {
			t.Errorf("search.js shows %q, which is no interface string", k)
		}
	}
	for _, tc := range []struct {
		lang      string
		overrides map[string]string
		key, want string
	}{
		{"en", nil, "incident", "Incident"},
		{"de", nil, "incident", "Vorfall"},
		{"de", nil, "search_n_results", "{0} Ergebnisse für „{1}“"},
		{"de", map[string]string{"search_no_match": `</script><b>"{0}"`}, "search_no_match", `</script><b>"{0}"`},
	} {
		var m map[string]string
		if err := json.Unmarshal([]byte(scriptText(i18n.New(tc.lang, tc.overrides))), &m); err != nil {
			t.Fatalf("%s: %v", tc.lang, err)
		}
		if len(m) != len(scriptKeys) || m[tc.key] != tc.want {
			t.Errorf("%s %s = %q (%d keys), want %q", tc.lang, tc.key, m[tc.key], len(m), tc.want)
		}
	}
}

// search.js's own English text, for a site template without data-text,
// is the interface text's: the same keys, the same English.
func TestSearchScriptDefaultsAreTheInterfaceText(t *testing.T) {
	js, err := fs.ReadFile(nhiglossary.Assets(), "search.js")
	if err != nil {
		t.Fatal(err)
	}
	block := regexp.MustCompile(`(?s)var TEXT = \{(.*?)\};`).FindSubmatch(js)
	if block == nil {
		t.Fatal("search.js: no var TEXT = {...};")
	}
	en := i18n.New("en", nil)
	var keys []string
	for _, m := range regexp.MustCompile(`(\w+): '([^']*)'`).FindAllSubmatch(block[1], -1) {
		k, v := string(m[1]), string(m[2])
		keys = append(keys, k)
		if want := en.T(k); v != want {
			t.Errorf("search.js %s: %q, the interface text says %q", k, v, want)
		}
	}
	if !slices.Equal(keys, scriptKeys) {
		t.Errorf("search.js's keys are %q,\nscriptKeys are %q", keys, scriptKeys)
	}
}
