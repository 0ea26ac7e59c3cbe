package render

import (
	"encoding/json"
	"slices"
	"testing"

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
