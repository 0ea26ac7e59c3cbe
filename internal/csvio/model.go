package csvio

import "github.com/nhimg/nhiglossary/internal/content"

// The terminology fields of issue 12 (broader, deprecated, replaced_by):
// empty until the content model has them.
func broaderOf(t *content.Term) []string  { return nil }
func deprecatedOf(t *content.Term) bool   { return false }
func replacedByOf(t *content.Term) string { return "" }
