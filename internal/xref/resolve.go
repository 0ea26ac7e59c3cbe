package xref

import (
	"slices"
	"strings"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/diag"
)

// Resolve checks every name the site's editors wrote and builds the
// Graph. Names resolve as Lookup says; where CONTENT.md leaves a choice:
//
//   - Drafts take part in resolution even when they are not published, so
//     that a published page naming one gets "is a draft", not "unknown". A
//     draft's own lists and links are checked like any page's, but make no
//     backlinks.
//   - Two terms sharing a name (case-insensitively) is an error at the
//     later one, in file order; the name then resolves to neither. Two
//     incidents sharing a title is an error only where the title is used.
//   - Old slugs (redirects) keep working: [[old-slug]] and related lists
//     resolve to the renamed term, last of all names, with a warning to
//     write the new slug.
//   - A term's related list, incidents and mappings are in the order
//     written, without repeats (a repeat is a warning).
//
// The Graph holds everything that did resolve, whatever the diagnostics.
//
// With a Memo that holds the last Resolve of the same view (language and
// options) of the same site but for its terms and incidents, Resolve
// continues from it and costs what changed, not what the site has: it
// settles again the names of the terms and incidents new or gone (an
// edited file's are new objects), checks again those terms and the terms
// that looked up a name that resolves otherwise now, and carries the last
// graph over for the rest. The result is what resolving afresh gives
// (TestIncrementalResolveIsFull), and DiffLanguages of the two graphs
// compares only what changed.
func Resolve(site *content.Site, opts Options) (*Graph, diag.List) {
	if site == nil {
		site = &content.Site{}
	}
	r := newResolver(site, opts)
	var keys []string
	if last := opts.Memo.take(r.view()); r.continues(last) {
		keys = r.since(last)
	}
	if r.last == nil {
		r.presize()
	}
	changed := r.addNames(keys)
	results := r.reuse(changed)
	var todo []int
	for i, res := range results {
		if res == nil {
			todo = append(todo, i)
		}
	}
	scans := r.prescan(todo)
	for j, i := range todo {
		results[i] = r.checkTerm(r.terms[i], scans[j])
	}
	r.orderTitles()
	if r.last != nil {
		r.carryLinks(r.last.graph, results, todo)
		r.carriedHierarchy = r.carryHierarchy(results, todo)
	} else {
		for i, t := range r.terms {
			r.apply(t, results[i])
		}
	}
	for _, inc := range r.incidents {
		r.checkLinks(inc.Summary, nil, r.publishedIncident(inc), inc.Draft)
		r.checkLinks(inc.Body, nil, r.publishedIncident(inc), inc.Draft)
	}
	for _, f := range r.g.Frameworks {
		r.checkLinks(f.Description, nil, true, false)
		for _, c := range f.Controls {
			if c != nil {
				r.checkLinks(c.Description, nil, true, false)
			}
		}
	}
	if !r.carriedHierarchy {
		r.checkCycles()
	}
	r.finish()
	r.reviewDue()
	r.carryTaxonomies()
	r.remember(results, todo)
	if r.delta != nil {
		r.delta.cycles = r.delta.cycles || r.cycles
		r.g.delta = r.delta
	}
	opts.Memo.sweep()
	return r.g, r.diags.Silence(site.Config.WarningsOff).Sort()
}

// resolver is the state of one Resolve call.
type resolver struct {
	opts  Options
	g     *Graph
	diags diag.List

	terms     []*content.Term     // every term, drafts too, in file order
	incidents []*content.Incident // every incident, in file order

	names          map[string]*name // every normalized name, with CONTENT.md's precedence
	incNames       map[string]*name // incident slugs and titles only
	termSlugs      map[string]*content.Term
	frameworks     map[string]*content.Framework                      // by lower-case id
	controls       map[*content.Framework]map[string]*content.Control // by normalized id
	incidentBySlug map[string]*content.Incident                       // the first incident with each slug

	unread map[string]bool // normalized slugs (and names read) of files that could not be read
	// unreadFws are the lower-case ids of framework files that could not
	// be read.
	unreadFws map[string]bool

	claims     *nameClaims
	nameDiags  map[string]diag.List // the problems of the claims on each name
	sharedKeys map[string]bool      // the names several terms share

	refs    map[*content.Term][]*content.Term     // backlinks, unsorted, with repeats
	broader map[*content.Term][]edge              // every term's broader entries that resolved, drafts too
	incRefs map[*content.Incident][]*content.Term // likewise

	// Did-you-mean candidates, built on the first failure that needs them.
	allNames, termNameList, incidentSlugs []string
	suggested                             map[string]string

	buf []byte // for normalizing without allocating

	out     *termResult              // of the term being checked
	byTitle []*content.Term          // every term, drafts too, in title order
	keyOf   map[*content.Term]string // the collation key of each term's title
	cycles  bool                     // a broader entry was dropped for closing a cycle

	continuation
}

// continuation is what a resolve that continues from the Memo's last one
// knows of what changed since (see since and reuse); zero when it starts
// afresh.
type continuation struct {
	last *lastResolve // the Memo's, when it continues
	// The terms whose last results no longer hold, the terms new since,
	// and the incidents gone.
	dropped       []dropped
	added         []*content.Term
	goneIncidents []*content.Incident
	// incidentsChanged: an incident is new or gone since last.
	incidentsChanged bool
	// namesCameOrWent: a name a did-you-mean may suggest is new or gone.
	namesCameOrWent bool
	// carriedHierarchy: no broader entry changed, and the last graph's
	// Broader and Narrower hold.
	carriedHierarchy bool
	touched          map[string]bool // see delta.terms
	delta            *delta
}

func newResolver(site *content.Site, opts Options) *resolver {
	r := &resolver{
		opts: opts,
		g: &Graph{
			Site:           site,
			TermBySlug:     map[string]*content.Term{},
			IncidentBySlug: map[string]*content.Incident{},
			Related:        map[*content.Term][]*content.Term{},
			TermIncidents:  map[*content.Term][]*content.Incident{},
			TermMappings:   map[*content.Term][]Mapping{},
			ReferencedBy:   map[*content.Term][]*content.Term{},
			IncidentTerms:  map[*content.Incident][]*content.Term{},
			ControlTerms:   map[*content.Control][]TermMapping{},
			FrameworkTerms: map[*content.Framework][]TermMapping{},
			Redirects:      map[string]*content.Term{},
			Broader:        map[*content.Term][]*content.Term{},
			Narrower:       map[*content.Term][]*content.Term{},
			ReplacedBy:     map[*content.Term]*content.Term{},
			sharedBy:       map[string]*SharedName{},
		},
		names:          map[string]*name{},
		incNames:       map[string]*name{},
		termSlugs:      map[string]*content.Term{},
		frameworks:     map[string]*content.Framework{},
		controls:       map[*content.Framework]map[string]*content.Control{},
		incidentBySlug: map[string]*content.Incident{},
		refs:           map[*content.Term][]*content.Term{},
		incRefs:        map[*content.Incident][]*content.Term{},
		broader:        map[*content.Term][]edge{},
		suggested:      map[string]string{},
		unread:         map[string]bool{},
		claims: &nameClaims{incidents: map[string][]*name{}, originals: map[string][]*name{},
			controls: map[string]*name{}, terms: map[string][]*name{}, redirects: map[string][]*name{}},
		nameDiags: map[string]diag.List{}, sharedKeys: map[string]bool{},
	}
	for _, u := range site.Unread {
		r.unread[normalize(u.Value)] = true
	}
	for _, u := range site.UnreadFrameworks {
		if r.unreadFws == nil {
			r.unreadFws = map[string]bool{}
		}
		r.unreadFws[strings.ToLower(u.Value)] = true
	}
	byFile := func(a, b *content.Term) int { return strings.Compare(a.File, b.File) }
	r.terms = withoutNil(site.Terms)
	if !slices.IsSortedFunc(r.terms, byFile) { // mostly so: Assemble sorts by slug, files are named by it
		slices.SortStableFunc(r.terms, byFile)
	}
	r.incidents = withoutNil(site.Incidents)
	slices.SortStableFunc(r.incidents, func(a, b *content.Incident) int { return strings.Compare(a.File, b.File) })
	return r
}

// presize makes the tables a resolve from scratch fills as large as the
// site needs; one that continues takes the last one's.
func (r *resolver) presize() {
	n := len(r.terms)
	r.names, r.termSlugs = make(map[string]*name, 4*n), make(map[string]*content.Term, n)
	r.claims.terms = make(map[string][]*name, 4*n)
	r.refs = make(map[*content.Term][]*content.Term, n)
	g := r.g
	g.TermBySlug, g.Related = make(map[string]*content.Term, n), make(map[*content.Term][]*content.Term, n)
	g.TermIncidents, g.TermMappings = make(map[*content.Term][]*content.Incident, n), make(map[*content.Term][]Mapping, n)
	g.ReferencedBy = make(map[*content.Term][]*content.Term, n)
}

func withoutNil[T any](s []*T) []*T {
	out := make([]*T, 0, len(s))
	for _, x := range s {
		if x != nil {
			out = append(out, x)
		}
	}
	return out
}

func (r *resolver) publishedTerm(t *content.Term) bool { return r.opts.Drafts || !t.Draft }

func (r *resolver) publishedIncident(inc *content.Incident) bool {
	return r.opts.Drafts || !inc.Draft
}

// hidden reports whether a name's target is a draft left out of this
// build.
func (r *resolver) hidden(n *name) bool { return n.draft && !r.opts.Drafts }

// buildRejects reports whether a page (draft: its own flag) naming n is
// fine here only because drafts are shown: the preview's
// Options.ReportDraftLinks.
func (r *resolver) buildRejects(draft bool, n *name) bool {
	return r.opts.Drafts && r.opts.ReportDraftLinks && !draft && n.draft
}

// find resolves a name as a [[link]] target; nil when unknown. In a
// term's checks with a Memo, the term's result notes the name.
func (r *resolver) find(s string) *name {
	n := r.lookupInto(&r.buf, s, nil)
	r.depend(r.buf)
	return n
}

// unreadFramework reports whether id is a framework whose file could not
// be read: mappings to it are not a second error.
func (r *resolver) unreadFramework(id string) bool {
	return r.unreadFws[strings.ToLower(id)]
}

// depend notes that the term being checked looked up the normalized
// name key (see termResult.deps).
func (r *resolver) depend(key []byte) {
	if r.out != nil && r.opts.Memo != nil {
		r.out.deps = append(r.out.deps, string(key))
	}
}

// isUnread reports whether value names a file that could not be read:
// its slug, a name read from it, or words that make its slug ("Service
// Account" for service-account.md, "C++ Token" for the c-plus-plus-token.md
// that new writes), as editors link a term by its title.
// A control of a framework that could not be read ("owasp/NHI2") is
// unread too. That file's own error says enough.
func (r *resolver) isUnread(value string) bool {
	if fw, _, ok := strings.Cut(value, "/"); ok && r.unreadFramework(fw) {
		return true
	}
	return len(r.unread) > 0 && (r.unread[normalize(value)] || r.unread[normalize(content.Slugify(value))] || r.unread[normalize(content.TitleSlug(value))])
}
