package render

import (
	"encoding/json"

	"github.com/nhimg/nhiglossary/internal/i18n"
)

// scriptKeys are the interface strings assets/search.js shows: its kind
// labels, its badge and its messages.
var scriptKeys = []string{
	"term", "incident", "framework", "control", "page", "deprecated_badge",
	"search_no_match", "search_all_results", "search_full_text", "search_unavailable_az",
	"search_unavailable", "search_searching", "search_one_result", "search_n_results",
}

// scriptText is the interface text the page's scripts show, as a JSON
// object the search form carries in its data-text attribute: data, which
// the script reads with JSON.parse and sets only as text, never code or
// markup (the template escapes it for the attribute).
func scriptText(text *i18n.Text) string {
	m := make(map[string]string, len(scriptKeys))
	for _, k := range scriptKeys {
		m[k] = text.T(k)
	}
	b, _ := json.Marshal(m) // a map of strings: cannot fail
	return string(b)
}
