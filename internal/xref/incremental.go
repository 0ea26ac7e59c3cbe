package xref

import (
	"reflect"
	"slices"
	"time"
	"weak"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/diag"
)

// termResult is what the checks of one term found: its diagnostics and
// its part of the graph. With a Memo, the next Resolve reuses it for the
// same term (the same object: a live preview keeps the terms of
// unchanged files) when no name it looked up resolves otherwise now.
type termResult struct {
	diags      diag.List
	related    []*content.Term
	refs       []*content.Term // what its related list and [[links]] point at: their backlinks
	incidents  []*content.Incident
	incRefs    []*content.Incident
	mappings   []Mapping
	broader    []edge
	replacedBy *content.Term
	// deps are the normalized names its checks looked up, found or not:
	// where one now resolves otherwise, the term is checked again.
	deps []string
	// suggests: a problem suggests names (did you mean), from the list
	// of every name, which any name new or gone may change.
	suggests bool
	round    uint32 // the lastResolve.round the term was last seen in
}

// view is which resolution of a site the Memo keeps the last of: one for
// each language, as the preview resolves them.
type view struct {
	lang                     string
	drafts, reportDraftLinks bool
}

// lastResolve is what a Memo keeps of the last Resolve of a view.
type lastResolve struct {
	now        time.Time
	config     content.Config
	frameworks []*content.Framework
	unread     []content.Name
	unreadFws  []content.Name
	cycles     bool // some broader entry was dropped for closing a cycle

	graph           *Graph
	byTitle         []*content.Term          // every term, drafts too, in title order
	keyOf           map[*content.Term]string // each term's title's collation key
	names, incNames map[string]*name
	nameDiags       map[string]diag.List
	sharedKeys      map[string]bool
	claims          *nameClaims // of the terms; the rest are claimed anew each time
	termSlugs       map[string]*content.Term
	terms           map[*content.Term]*termResult
	incidents       map[*content.Incident]uint32 // the round each was last seen in
	users           map[string][]*content.Term   // by name: the terms whose results looked it up
	suggesting      map[*content.Term]bool       // the terms whose results suggest names
	round           uint32
}

// take removes and returns the last resolve of v, so that two Resolves
// of one view at once do not share it (the later starts afresh).
func (m *Memo) take(v view) *lastResolve {
	if m == nil {
		return nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	last := m.last[v]
	delete(m.last, v)
	return last
}

func (m *Memo) keep(v view, last *lastResolve) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.last == nil {
		m.last = map[view]*lastResolve{}
	}
	m.last[v] = last
}

func (r *resolver) view() view {
	return view{r.g.Site.Lang, r.opts.Drafts, r.opts.ReportDraftLinks}
}

// continues reports whether last is of the same site but for its terms
// and incidents: then the terms it checked whose names resolve alike can
// keep their results. A language's view other than the default's merges
// its terms anew each time, so nothing could be kept.
func (r *resolver) continues(last *lastResolve) bool {
	s := r.g.Site
	return last != nil && !r.localized() && last.now.Equal(r.opts.Now) &&
		slices.Equal(last.frameworks, withoutNil(s.Frameworks)) && slices.Equal(last.unread, s.Unread) && slices.Equal(last.unreadFws, s.UnreadFrameworks) &&
		reflect.DeepEqual(last.config, s.Config)
}

// since notes what changed since last, a resolve that continues: the
// terms and incidents new and gone (an edited file's are new objects).
// It returns the names they claim or claimed.
func (r *resolver) since(last *lastResolve) []string {
	last.round++
	var keys []string // names that may resolve otherwise
	// The names a did-you-mean may suggest, each tagged with its list
	// (suggest.go picks from term names, incident slugs or every name):
	// a name moving from one list to another changes what is suggested.
	var came, went []string
	for _, t := range r.terms {
		if res := last.terms[t]; res != nil {
			res.round = last.round
		} else {
			came = appendTagged(came, "term ", suggestible(t)...)
			keys = appendTermKeys(keys, t)
			r.touch(t, nil)
			r.added = append(r.added, t)
		}
	}
	for t, res := range last.terms {
		if res.round != last.round { // gone
			went = appendTagged(went, "term ", suggestible(t)...)
			keys = appendTermKeys(keys, t)
			r.touch(t, res)
			r.dropped = append(r.dropped, dropped{t, res, true})
		}
	}
	for _, inc := range r.incidents {
		if _, ok := last.incidents[inc]; !ok {
			keys = append(keys, normalize(inc.Slug.Value), normalize(inc.Title.Value))
			came = appendTagged(appendTagged(came, "incident slug ", inc.Slug), "incident title ", inc.Title)
			r.incidentsChanged = true
		}
		last.incidents[inc] = last.round
	}
	for inc, round := range last.incidents {
		if round != last.round {
			keys = append(keys, normalize(inc.Slug.Value), normalize(inc.Title.Value))
			went = appendTagged(appendTagged(went, "incident slug ", inc.Slug), "incident title ", inc.Title)
			r.goneIncidents = append(r.goneIncidents, inc)
			delete(last.incidents, inc)
		}
	}
	r.last = last
	r.incidentsChanged = r.incidentsChanged || len(r.goneIncidents) > 0
	r.namesCameOrWent = !slices.Equal(slices.Sorted(slices.Values(came)), slices.Sorted(slices.Values(went)))
	return keys
}

// appendTagged appends each name's value after tag, leaving out empty
// ones, which would otherwise be suggested for any short typo.
func appendTagged(list []string, tag string, names ...content.Name) []string {
	for _, n := range names {
		if n.Value != "" {
			list = append(list, tag+n.Value)
		}
	}
	return list
}

// suggestible are the names of t that a did-you-mean may suggest.
func suggestible(t *content.Term) []content.Name {
	return slices.Concat([]content.Name{t.Slug, t.Title}, t.Abbreviations, t.Synonyms)
}

// reuse returns the results of the last resolve that still hold, by
// r.terms index (nil where a term must be checked): those of the terms
// kept that looked up no name that resolves otherwise now (changed).
func (r *resolver) reuse(changed map[string]bool) []*termResult {
	results := make([]*termResult, len(r.terms))
	last := r.last
	if last == nil {
		return results
	}
	again := map[*content.Term]bool{}
	for key := range changed {
		for _, t := range last.users[key] {
			again[t] = true
		}
	}
	if r.namesCameOrWent {
		for t := range last.suggesting {
			again[t] = true
		}
	}
	for i, t := range r.terms {
		res := last.terms[t]
		if res != nil && again[t] {
			r.touch(t, res)
			r.dropped = append(r.dropped, dropped{t, res, false})
			continue
		}
		results[i] = res
	}
	r.delta = &delta{from: weak.Make(last.graph), terms: r.touched, names: changed, cycles: last.cycles, frameworks: map[*content.Framework]bool{}}
	return results
}

// learn keeps t's results, and which names they looked up.
func (last *lastResolve) learn(t *content.Term, res *termResult) {
	last.terms[t] = res
	for _, key := range res.deps {
		if users := last.users[key]; len(users) == 0 || users[len(users)-1] != t {
			last.users[key] = append(users, t)
		}
	}
	if res.suggests {
		last.suggesting[t] = true
	}
}

// forget drops what learn kept of t's results res.
func (last *lastResolve) forget(t *content.Term, res *termResult) {
	if last.terms[t] == res {
		delete(last.terms, t)
	}
	for _, key := range res.deps {
		users := slices.DeleteFunc(last.users[key], func(u *content.Term) bool { return u == t })
		if len(users) == 0 {
			delete(last.users, key)
		} else {
			last.users[key] = users
		}
	}
	delete(last.suggesting, t)
}

// appendTermKeys appends every key t's names are under: its slug as
// termSlugs has it, and the keys of the names it claims (termNames,
// redirectNames), so that the two cannot drift apart.
func appendTermKeys(keys []string, t *content.Term) []string {
	keys = append(keys, t.Slug.Value)
	for _, n := range termNames(t) {
		keys = append(keys, normalize(n.value))
	}
	for _, n := range redirectNames(t) {
		keys = append(keys, n.key, normalize(n.name.value))
	}
	return keys
}

// touch notes that t's results are made anew: its page's links, and
// those of every term its old results point at, may differ.
func (r *resolver) touch(t *content.Term, old *termResult) {
	if r.touched == nil {
		r.touched = map[string]bool{}
	}
	r.touched[t.Slug.Value] = true
	if old != nil {
		r.touchTargets(old)
	}
}

func (r *resolver) touchTargets(res *termResult) {
	for _, to := range res.refs {
		r.touched[to.Slug.Value] = true
	}
	for _, e := range res.broader {
		r.touched[e.to.Slug.Value] = true
	}
	if res.replacedBy != nil {
		r.touched[res.replacedBy.Slug.Value] = true
	}
}

// sameName reports whether two entries of the names table resolve and
// read alike: the same target (object), as the same kind of name, with
// the same clash or sharers.
func sameName(a, b *name) bool {
	if a == nil || b == nil {
		return a == b
	}
	return sameEntry(a, b) && sameEntry(a.clash, b.clash) && slices.EqualFunc(a.shared, b.shared, sameEntry)
}

func sameEntry(a, b *name) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.target == b.target && a.what == b.what && a.value == b.value && a.pos == b.pos && a.draft == b.draft
}

// checkTerm runs every check of one term.
func (r *resolver) checkTerm(t *content.Term, s termScan) *termResult {
	res := &termResult{deps: s.deps}
	r.out = res
	outer := r.diags
	r.diags = nil
	r.checkBroader(t)
	r.checkReplacedBy(t)
	r.checkRelated(t, s.related)
	r.checkIncidents(t)
	r.checkMappings(t)
	r.checkTermLinks(t, s)
	r.checkDates(t)
	res.diags = r.diags
	r.diags = outer
	r.out = nil
	if r.touched != nil {
		r.touchTargets(res)
	}
	return res
}

// apply adds one term's results to the graph being built.
func (r *resolver) apply(t *content.Term, res *termResult) {
	r.diags = append(r.diags, res.diags...)
	if len(res.broader) > 0 {
		r.broader[t] = res.broader
	}
	if res.replacedBy != nil {
		r.g.ReplacedBy[t] = res.replacedBy
	}
	if len(res.related) > 0 {
		r.g.Related[t] = res.related
	}
	for _, to := range res.refs {
		r.refs[to] = append(r.refs[to], t)
	}
	if len(res.incidents) > 0 {
		r.g.TermIncidents[t] = res.incidents
	}
	for _, inc := range res.incRefs {
		r.incRefs[inc] = append(r.incRefs[inc], t)
	}
	if len(res.mappings) > 0 {
		r.g.TermMappings[t] = res.mappings
	}
	for _, m := range res.mappings {
		tm := TermMapping{Term: t, Relevance: m.Relevance}
		if m.Control != nil {
			r.g.ControlTerms[m.Control] = append(r.g.ControlTerms[m.Control], tm)
		} else {
			r.g.FrameworkTerms[m.Framework] = append(r.g.FrameworkTerms[m.Framework], tm)
		}
	}
}

// remember keeps this resolve in the Memo for the next: the results of
// the terms checked (todo, by r.terms index) replace those dropped.
func (r *resolver) remember(results []*termResult, todo []int) {
	if r.opts.Memo == nil || r.localized() {
		return
	}
	last := r.last
	if last == nil {
		last = &lastResolve{
			terms:      make(map[*content.Term]*termResult, len(r.terms)),
			incidents:  make(map[*content.Incident]uint32, len(r.incidents)),
			users:      map[string][]*content.Term{},
			suggesting: map[*content.Term]bool{},
		}
		for _, inc := range r.incidents {
			last.incidents[inc] = 0
		}
	}
	for _, d := range r.dropped {
		last.forget(d.t, d.res)
	}
	for _, i := range todo {
		last.learn(r.terms[i], results[i])
	}
	s := r.g.Site
	last.now, last.config, last.unread, last.unreadFws = r.opts.Now, s.Config, s.Unread, s.UnreadFrameworks
	last.frameworks = withoutNil(s.Frameworks)
	last.names, last.incNames, last.nameDiags = r.names, r.incNames, r.nameDiags
	last.claims, last.termSlugs, last.sharedKeys = r.claims, r.termSlugs, r.sharedKeys
	last.graph, last.byTitle, last.keyOf = r.g, r.byTitle, r.keyOf
	last.cycles = r.cycles
	r.opts.Memo.keep(r.view(), last)
}
