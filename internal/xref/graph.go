// Package xref resolves the names editors write (related terms, incidents,
// framework and control mappings, [[wiki links]]) into links between the
// site's terms, controls and incidents, and reports every name that does
// not resolve, with a did-you-mean. It also computes what each page needs
// to know about the others: backlinks ("referenced by") and redirects.
package xref

import (
	"time"
	"weak"

	"github.com/nhimg/nhiglossary/internal/content"
)

// Kind is what a name resolved to.
type Kind int

const (
	KindTerm Kind = iota + 1
	KindIncident
	KindControl
)

// Target is the thing a name or [[link]] points at.
type Target struct {
	Kind      Kind
	Term      *content.Term      // KindTerm
	Incident  *content.Incident  // KindIncident
	Framework *content.Framework // KindControl
	Control   *content.Control   // KindControl
}

// Mapping is a term's mapping with its framework and control resolved.
type Mapping struct {
	Framework *content.Framework
	Control   *content.Control // nil for a framework-level mapping
	Relevance content.Markdown
}

// TermMapping is the other side of a mapping: a term mapped to a control
// or framework, with the relevance it gave.
type TermMapping struct {
	Term      *content.Term
	Relevance content.Markdown
}

// Options change what counts as published.
type Options struct {
	// Drafts includes draft terms and incidents (build --drafts, serve).
	Drafts bool
	// ReportDraftLinks, with Drafts, still reports what a build without
	// drafts rejects (a published page naming a draft), as a warning,
	// so the preview can show drafts and the problem CI will find.
	ReportDraftLinks bool
	// Now is today, for the future-date warning (check and build) and,
	// with Review, review-due (check only); zero leaves them out.
	Now time.Time
	// Review reports the terms due for review (review-due).
	Review bool
	// Memo, when set, keeps what Resolve derives from each text for the
	// next call (a live preview's).
	Memo *Memo
}

// SharedName is an abbreviation or synonym that several published terms
// have ("PAM"): it gets a disambiguation page instead of a link.
type SharedName struct {
	Name  string          // as the first term (by file) writes it
	Slug  string          // its page is terms/SLUG/
	Terms []*content.Term // the published terms that have it, by title
}

// Graph is the resolved site. Every slice is in a deterministic order:
// terms by title (case-insensitive, then slug), incidents newest first
// (then slug; a term's too), frameworks by id, controls in file order.
type Graph struct {
	Site       *content.Site
	Terms      []*content.Term     // published terms (drafts only with Options.Drafts)
	Incidents  []*content.Incident // published incidents
	Frameworks []*content.Framework

	TermBySlug     map[string]*content.Term
	IncidentBySlug map[string]*content.Incident

	Related        map[*content.Term][]*content.Term     // in the order written
	TermIncidents  map[*content.Term][]*content.Incident // in the order written
	TermMappings   map[*content.Term][]Mapping           // in the order written
	ReferencedBy   map[*content.Term][]*content.Term     // terms whose related list or [[links]] point here
	IncidentTerms  map[*content.Incident][]*content.Term // terms that list the incident or link to it
	ControlTerms   map[*content.Control][]TermMapping    // terms mapped to the control
	FrameworkTerms map[*content.Framework][]TermMapping  // framework-level mappings only
	Redirects      map[string]*content.Term              // old slug -> term

	// Tags and Categories are the tag and category pages of the
	// published terms and incidents, with their slugs.
	Tags, Categories *Taxonomy
	Broader          map[*content.Term][]*content.Term // wider terms, in the order written
	Narrower         map[*content.Term][]*content.Term // the inverse of Broader, by title
	ReplacedBy       map[*content.Term]*content.Term   // a deprecated term's replacement
	Shared           []*SharedName                     // names several published terms share, by name
	sharedBy         map[string]*SharedName            // by normalized name

	names linkTable // lower-cased slug/title/synonym/abbreviation/control key -> target

	delta *delta // what changed since the Memo's last Graph of the view
}

// delta is what Resolve, continuing from its Memo's last Graph of the
// same view (from), knows to have changed: DiffLanguages then compares these
// alone.
type delta struct {
	// from is the Graph it continued from, held weakly: a preview's
	// graphs must not keep every earlier one alive. It compares equal
	// only with a weak pointer to that same Graph, whichever Memo made
	// the other.
	from weak.Pointer[Graph]
	// terms are the slugs of the terms checked anew (new, gone or
	// changed, or naming something that changed) and of every term they
	// pointed or point at: only their links may differ.
	terms map[string]bool
	// names are the normalized names that resolve otherwise.
	names map[string]bool
	// frameworks are those whose mappings may differ.
	frameworks map[*content.Framework]bool
	cycles     bool // the previous graph dropped a broader entry closing a cycle
}

// Lookup resolves a [[link]] target as CONTENT.md says: case-insensitively
// to a term by slug, title, synonym or abbreviation; else an incident by
// slug or title; else a control written FRAMEWORK/CONTROL. A name that
// several terms share names none of them, unless written as one's slug.
// Names that Resolve reported as ambiguous or unknown return ok ==
// false, but for a published term's exact slug: a site with such an
// error is not built, and the preview keeps its last good build.
func (g *Graph) Lookup(name string) (Target, bool) {
	if t, ok := g.names.get(normalize(name)); ok {
		return t, true
	}
	// A shared name written as one sharer's slug names that term (the
	// others may be drafts left out: Resolve's rule, sharedSlug, counts
	// them). A published term's slug is nothing else when it is not in
	// the names: Resolve reported what it clashes with.
	if t := g.TermBySlug[name]; t != nil {
		return Target{Kind: KindTerm, Term: t}, true
	}
	return Target{}, false
}

// SharedName returns the shared name s, if several published terms have
// it: links and auto-links must not pick one of them.
func (g *Graph) SharedName(s string) (*SharedName, bool) {
	n, ok := g.sharedBy[normalize(s)]
	return n, ok
}
