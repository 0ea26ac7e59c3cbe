package main

import (
	"fmt"
	"io"
	"time"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/diag"
)

// writeTranslations lists every translation an editor has to make or
// bring up to date, one a line, in file order:
//
//	content/terms/api-key.de.md: stale: translated from 2026-01-02, content/terms/api-key.md updated 2026-05-16
//	content/terms/secret.de.md: missing
//
// and returns how many are stale and missing. A draft's translations are
// listed only with drafts: it is not published, so neither are they.
func writeTranslations(w io.Writer, site *content.Site, drafts bool) (stale, missing int, err error) {
	for _, st := range site.Translations() {
		var line string
		switch {
		case st.Draft && !drafts:
			continue
		case st.Missing:
			missing++
			line = fmt.Sprintf("%s: missing", st.File)
		case st.Stale && st.From.IsZero():
			stale++
			line = fmt.Sprintf("%s: stale: no source_updated, %s updated %s", st.File, st.Original, st.Updated.Format(time.DateOnly))
		case st.Stale:
			stale++
			line = fmt.Sprintf("%s: stale: translated from %s, %s updated %s", st.File, st.From.Format(time.DateOnly), st.Original, st.Updated.Format(time.DateOnly))
		default:
			continue
		}
		if _, err := fmt.Fprintln(w, diag.Printable(line)); err != nil { // file names are the editors
			return stale, missing, err
		}
	}
	return stale, missing, nil
}
