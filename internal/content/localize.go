package content

import (
	"strings"
	"time"
)

// Localize returns the site as readers of lang see it: each term and
// incident with a translation into lang is a copy of its original with
// the translation's text (a text field the translation leaves out keeps
// the original's, but synonyms, which are names in a language, are the
// translation's only); the others are the originals themselves, their Lang
// telling them apart. Frameworks and settings are shared. The default
// language's view is the site itself.
func (s *Site) Localize(lang string) *Site {
	if lang == s.Config.DefaultLanguage() {
		return s
	}
	out := *s
	out.Lang = lang
	out.Terms = localized(s.Terms, s.TermTranslations, lang, func(tr *Term) (*Term, string) { return tr.Original, tr.Lang }, mergeTerm)
	out.Incidents = localized(s.Incidents, s.IncidentTranslations, lang, func(tr *Incident) (*Incident, string) { return tr.Original, tr.Lang }, mergeIncident)
	return &out
}

// localized is all with each entry that has a translation into lang
// (of says which original a translation is of, in which language)
// replaced by merge of the two.
func localized[T any](all, translations []*T, lang string, of func(tr *T) (*T, string), merge func(orig, tr *T) *T) []*T {
	byOriginal := map[*T]*T{}
	for _, tr := range translations {
		if orig, l := of(tr); l == lang && orig != nil {
			byOriginal[orig] = tr
		}
	}
	out := make([]*T, len(all))
	for i, x := range all {
		out[i] = x
		if tr := byOriginal[x]; tr != nil {
			out[i] = merge(x, tr)
		}
	}
	return out
}

func mergeTerm(orig, tr *Term) *Term {
	m := *orig
	m.File, m.Lang, m.Original = tr.File, tr.Lang, orig
	m.SourceUpdated, m.SourceUpdatedPos = tr.SourceUpdated, tr.SourceUpdatedPos
	m.Title = tr.Title
	if tr.Summary != "" {
		m.Summary, m.SummaryPos = tr.Summary, tr.SummaryPos
	}
	m.Synonyms = tr.Synonyms // names in the language: the original's still link (xref) but are not shown
	if tr.Abbreviations != nil {
		m.Abbreviations = tr.Abbreviations
	}
	if tr.Examples != nil {
		m.Examples = tr.Examples
	}
	if tr.Takeaway != "" {
		m.Takeaway = tr.Takeaway
	}
	if tr.Definitions != nil {
		m.Definitions = tr.Definitions
	}
	if !tr.Updated.IsZero() {
		m.Updated = tr.Updated
	}
	if tr.Reviewed != nil {
		m.Reviewed = tr.Reviewed
	}
	if strings.TrimSpace(tr.Body.Text) != "" {
		m.Body = tr.Body
	}
	return &m
}

func mergeIncident(orig, tr *Incident) *Incident {
	m := *orig
	m.File, m.Lang, m.Original = tr.File, tr.Lang, orig
	m.SourceUpdated, m.SourceUpdatedPos = tr.SourceUpdated, tr.SourceUpdatedPos
	m.Title = tr.Title
	if strings.TrimSpace(tr.Summary.Text) != "" {
		m.Summary = tr.Summary
	}
	if strings.TrimSpace(tr.Body.Text) != "" {
		m.Body = tr.Body
	}
	return &m
}

// TranslationState is how one term or incident stands in one other
// language.
type TranslationState struct {
	Original string // the original's file
	Lang     string
	File     string // the translation's file, or where it would be
	// Missing: there is no translation. Stale: it was translated from an
	// older text (From) than the original's (Updated); also when it does
	// not say which (From zero). An incident has no updated date: its
	// translation is never stale.
	Missing, Stale bool
	From, Updated  time.Time
	Draft          bool // the original is a draft
}

// Translations lists, for every term and every language but the default,
// then every incident, whether its translation is missing, stale or
// current: what an editor works through. In slug order, then the site's
// language order.
func (s *Site) Translations() []TranslationState {
	// A text, as a translation's state needs it: an original's file and
	// updated date, a translation's file and source_updated date.
	type text struct {
		file  string
		date  time.Time
		draft bool
	}
	var terms, incidents []text
	translated := map[[2]string]text{} // by the original's file and language
	for _, t := range s.Terms {
		terms = append(terms, text{t.File, t.Updated, t.Draft})
	}
	for _, tr := range s.TermTranslations {
		if tr.Original != nil {
			translated[[2]string{tr.Original.File, tr.Lang}] = text{tr.File, tr.SourceUpdated, false}
		}
	}
	for _, inc := range s.Incidents {
		incidents = append(incidents, text{inc.File, time.Time{}, inc.Draft})
	}
	for _, tr := range s.IncidentTranslations {
		if tr.Original != nil {
			translated[[2]string{tr.Original.File, tr.Lang}] = text{tr.File, time.Time{}, false}
		}
	}
	var out []TranslationState
	for _, o := range append(terms, incidents...) {
		for _, l := range s.Config.Languages[min(1, len(s.Config.Languages)):] {
			st := TranslationState{Original: o.file, Lang: l.Code, Updated: o.date, Draft: o.draft}
			if tr, ok := translated[[2]string{o.file, l.Code}]; !ok {
				st.Missing, st.File = true, translationFile(o.file, l.Code)
			} else {
				st.File, st.From = tr.file, tr.date
				st.Stale = !o.date.IsZero() && (tr.date.IsZero() || tr.date.Before(o.date))
			}
			out = append(out, st)
		}
	}
	return out
}

// translationFile is where the translation of file into lang is.
func translationFile(file, lang string) string {
	return strings.TrimSuffix(file, ".md") + "." + lang + ".md"
}
