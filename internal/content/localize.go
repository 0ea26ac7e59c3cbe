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
	terms := map[*Term]*Term{}
	for _, tr := range s.TermTranslations {
		if tr.Lang == lang && tr.Original != nil {
			terms[tr.Original] = tr
		}
	}
	out.Terms = make([]*Term, len(s.Terms))
	for i, t := range s.Terms {
		out.Terms[i] = t
		if tr := terms[t]; tr != nil {
			out.Terms[i] = mergeTerm(t, tr)
		}
	}
	incidents := map[*Incident]*Incident{}
	for _, tr := range s.IncidentTranslations {
		if tr.Lang == lang && tr.Original != nil {
			incidents[tr.Original] = tr
		}
	}
	out.Incidents = make([]*Incident, len(s.Incidents))
	for i, inc := range s.Incidents {
		out.Incidents[i] = inc
		if tr := incidents[inc]; tr != nil {
			out.Incidents[i] = mergeIncident(inc, tr)
		}
	}
	return &out
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

// TranslationState is how one term stands in one other language.
type TranslationState struct {
	Original *Term
	Lang     string
	File     string // the translation's file, or where it would be
	// Missing: there is no translation. Stale: it was translated from an
	// older text (From) than the original's (Updated); also when it does
	// not say which (From zero).
	Missing, Stale bool
	From, Updated  time.Time
}

// Translations lists, for every term and every language but the default,
// whether its translation is missing, stale or current: what an editor
// works through. In slug order, then the site's language order.
func (s *Site) Translations() []TranslationState {
	byKey := map[[2]string]*Term{}
	for _, tr := range s.TermTranslations {
		if tr.Original != nil {
			byKey[[2]string{tr.Original.File, tr.Lang}] = tr
		}
	}
	var out []TranslationState
	for _, t := range s.Terms {
		for _, l := range s.Config.Languages[min(1, len(s.Config.Languages)):] {
			st := TranslationState{Original: t, Lang: l.Code, Updated: t.Updated}
			tr := byKey[[2]string{t.File, l.Code}]
			if tr == nil {
				st.Missing = true
				st.File = strings.TrimSuffix(t.File, ".md") + "." + l.Code + ".md"
			} else {
				st.File, st.From = tr.File, tr.SourceUpdated
				st.Stale = !t.Updated.IsZero() && (tr.SourceUpdated.IsZero() || tr.SourceUpdated.Before(t.Updated))
			}
			out = append(out, st)
		}
	}
	return out
}
