package csvio

import "github.com/nhimg/nhiglossary/internal/content"

// The terminology fields, as written in the term's file.
func broaderOf(t *content.Term) []string {
	out := make([]string, 0, len(t.Broader))
	for _, n := range t.Broader {
		out = append(out, n.Value)
	}
	return out
}
func deprecatedOf(t *content.Term) bool   { return t.Deprecated }
func replacedByOf(t *content.Term) string { return t.ReplacedBy.Value }
