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
			for _, k := range c.Keys {
				if wikilink.SourceNumber(k, ids) > 0 {
					continue
				}
				diags.Add(diag.UnknownCitation, md.PosAt(c.Start), "citation [@%s] %s", k, unknownCite(k, ids))
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

// unknownCite says why key cites nothing and what to write instead.
func unknownCite(key string, ids []string) string {
	if _, ok := wikilink.ByPosition(key); ok {
		if len(ids) == 0 {
			return "cites a source by number, but the entry lists no sources"
		}
		if len(ids) == 1 {
			return "cites a source by number, but the entry lists 1 source: write [@1]"
		}
		return fmt.Sprintf("cites a source by number, but the entry lists %d sources: write [@1] to [@%d]", len(ids), len(ids))
	}
	var named []string
	for _, id := range ids {
		if id != "" {
			named = append(named, id)
		}
	}
	if len(named) == 0 {
		return "names no source: give the source `id: " + key + "` or cite it by number"
	}
	if dym := diag.DidYouMean(key, named); dym != "" {
		return "names no source of this entry" + dym
	}
	return fmt.Sprintf("names no source of this entry (its ids: %s)", strings.Join(named, ", "))
}
