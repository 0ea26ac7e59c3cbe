package content

import (
	"fmt"
	"strings"

	"github.com/nhimg/nhiglossary/internal/diag"
	"github.com/nhimg/nhiglossary/internal/wikilink"
)

// SourceIDs are the ids of sources in order, "" for a source without one:
// what a [@key] of the same entry can cite, by id or by position.
func SourceIDs(sources []Source) []string {
	ids := make([]string, len(sources))
	for i, s := range sources {
		ids[i] = s.ID.Value
	}
	return ids
}

// checkCitations reports each [@key] in fields that cites no source of
// the entry. It needs nothing beyond the entry, so loading checks it.
func checkCitations(sources []Source, diags *diag.List, fields ...Markdown) {
	var ids []string
	for _, md := range fields {
		for _, c := range wikilink.ScanCites(md.Text) {
			if ids == nil {
				ids = SourceIDs(sources)
			}
			for i, k := range c.Keys {
				if wikilink.SourceNumber(k, ids) > 0 {
					continue
				}
				// "[cc @alice]" reads as a citation with a prefix, as in
				// Pandoc: the way out is the escape.
				why, guessed := unknownCite(k, ids)
				if c.Prefix(i) != "" && !guessed {
					why += "; or, if the @ cites nothing, write \\@" + k
				}
				diags.Add(diag.UnknownCitation, md.PosAt(c.Start), "citation [@%s] %s", k, why)
			}
		}
	}
}

// citationsInSummary refuses citations in an incident's summary, which
// term pages and lists show without the incident's sources.
func citationsInSummary(md Markdown, diags *diag.List) {
	for _, c := range wikilink.ScanCites(md.Text) {
		diags.Add(diag.CitationInSummary, md.PosAt(c.Start), "a summary is shown on other pages, without its sources: cite [@%s] in the body instead", strings.Join(c.Keys, "; @"))
	}
}

// unknownCite says why key cites nothing and what to write instead;
// guessed is whether that is a source it may have meant.
func unknownCite(key string, ids []string) (why string, guessed bool) {
	if _, ok := wikilink.ByPosition(key); ok {
		if len(ids) == 0 {
			return "cites a source by number, but the entry lists no sources", false
		}
		if len(ids) == 1 {
			return "cites a source by number, but the entry lists 1 source: write [@1]", true
		}
		return fmt.Sprintf("cites a source by number, but the entry lists %d sources: write [@1] to [@%d]", len(ids), len(ids)), true
	}
	var named []string
	for _, id := range ids {
		if id != "" {
			named = append(named, id)
		}
	}
	if len(named) == 0 {
		return "names no source: give the source `id: " + key + "` or cite it by number", false
	}
	if dym := diag.DidYouMean(key, named); dym != "" {
		return "names no source of this entry" + dym, true
	}
	return fmt.Sprintf("names no source of this entry (its ids: %s)", strings.Join(named, ", ")), false
}
