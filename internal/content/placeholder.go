package content

import (
	"strings"

	"github.com/nhimg/nhiglossary/internal/diag"
)

// Placeholder starts every piece of text `nhiglossary new` and `init`
// write for an editor to replace. Left in a published entry it would
// reach the page, its JSON-LD and api/glossary.json, so it is an error
// there; a draft may hold it.
const Placeholder = "TODO:"

// placeholders reports the first line of each field that starts with
// Placeholder.
func placeholders(diags *diag.List, fields ...Markdown) {
	for _, m := range fields {
		off := 0
		for line := range strings.Lines(m.Text) {
			trimmed := strings.TrimLeft(line, " \t>-*")
			if strings.HasPrefix(trimmed, Placeholder) {
				diags.Add(diag.PlaceholderText, m.PosAt(off+len(line)-len(trimmed)), "%q is the text `nhiglossary new` writes for you to replace: write it, or keep the entry a draft (draft: true)", strings.TrimSpace(trimmed))
				break
			}
			off += len(line)
		}
	}
}
