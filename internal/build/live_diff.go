package build

import (
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/diag"
	"github.com/nhimg/nhiglossary/internal/wikilink"
	"github.com/nhimg/nhiglossary/internal/xref"
)

// What a page shows of others decides which pages an edit affects:
//
//   - a page shows another term, incident or framework only where it links
//     to its page (lists, "see also", [[links]], auto-links, previews), so
//     the pages linking to a changed one are affected;
//   - a term page shows what the resolved site says of it (related,
//     referenced by, incidents, mappings): compared between the two;
//     likewise an incident's and a framework's terms;
//   - a tag or category page lists its members: the pages of a changed
//     term's tags and category now (the pages that listed it before link
//     to it, so the first rule has them);
//   - the site-wide files (isGlobal) list everything: always;
//   - auto-linking depends on every term's names: a term whose names
//     changed affects the pages whose text mentions them, before or after.

// linkKey is everything of a term that xref reads or that decides which
// pages exist and how others link to it. Two versions of a term with the
// same key resolve to the same graph; only their own page, and the
// fields refKey covers, differ.
func linkKey(t *content.Term) string {
	var b strings.Builder
	w := func(s string) { b.WriteString(s); b.WriteByte(0) }
	ws := func(what string, ns []content.Name) {
		w(what)
		for _, n := range ns {
			w(n.Value)
		}
	}
	links := func(m content.Markdown) {
		for _, l := range wikilink.Scan(m.Text) {
			w(l.Target)
		}
	}
	w(t.File)
	w(t.Slug.Value)
	w(t.Title.Value)
	ws("abbr", t.Abbreviations)
	ws("syn", t.Synonyms)
	ws("redir", t.Redirects)
	ws("rel", t.Related)
	ws("inc", t.Incidents)
	w("map")
	for _, m := range t.Mappings {
		w(m.Framework.Value)
		w(m.Control.Value)
		w(m.Relevance.Text)
	}
	w("tax")
	w(t.Category)
	for _, tag := range t.Tags {
		w(tag)
	}
	w(map[bool]string{true: "draft", false: ""}[t.Draft])
	w(map[bool]string{true: "auto", false: ""}[t.Autolink])
	w("links")
	links(t.Body)
	for _, e := range t.Examples {
		links(e)
	}
	return b.String()
}

// refKey is what other pages show of a term besides its names: its
// summary (lists, previews, feed) and date (home, feed, sitemap).
func refKey(t *content.Term) string {
	return t.Summary + "\x00" + t.Updated.Format(time.DateOnly)
}

// inPlace takes the short way when every changed file is a term whose
// linkKey is unchanged: the term is updated in place and the resolved
// site is kept. When only its prose changed, so is the renderer, and
// only its own page renders again; when its summary or date changed,
// the pages listing it do too, with a new renderer.
func (l *Live) inPlace(ch *Change, files []string) bool {
	st := l.good
	if !l.ok || st == nil {
		return false
	}
	type edit struct {
		old *content.Term
		src *source
	}
	var edits []edit
	for _, f := range files {
		src := l.files[f]
		if src == nil || src.term == nil || src.diags.HasErrors() {
			return false
		}
		old, _ := st.objs[f].(*content.Term)
		if old == nil || linkKey(old) != linkKey(src.term) {
			return false
		}
		// xref's messages about the file carry positions that may have moved.
		if slices.ContainsFunc(st.diags, func(d diag.Diagnostic) bool { return d.Pos.File == f }) {
			return false
		}
		edits = append(edits, edit{old, src})
	}
	affected := map[string]bool{}
	var listed []string
	for _, e := range edits {
		affected[termPath(e.old.Slug.Value)] = true
		if refKey(e.old) != refKey(e.src.term) {
			listed = append(listed, termPath(e.old.Slug.Value))
		}
	}
	if len(listed) > 0 {
		for p := range l.linkingTo(listed) {
			affected[p] = true
		}
		for p := range st.jobs {
			if isGlobal(p) {
				affected[p] = true
			}
		}
	}
	if !l.lockContent(50 * time.Millisecond) {
		return false
	}
	for _, e := range edits {
		*e.old = *e.src.term
		e.src.term = e.old
	}
	l.contentMu.Unlock()
	l.textMu.Lock()
	for _, e := range edits {
		delete(l.text, e.old)
	}
	l.textMu.Unlock()

	var loadDiags diag.List
	for _, src := range l.files {
		loadDiags = append(loadDiags, src.diags...)
	}
	l.current = slices.Concat(l.cfgDiags, l.listDiags, loadDiags, st.diags).Sort()

	if len(listed) > 0 {
		// Renderers keep what lists show of a term (its card): a new one
		// over the same resolved site forgets it.
		next, err := l.newState(st.g, st.diags)
		if err != nil {
			l.fail(ch, err)
			return true
		}
		l.install(ch, next, affected, false)
		ch.InPlace = true
		return true
	}
	l.gen++
	old := l.pages.Load()
	ps := &pageSet{byPath: maps.Clone(old.byPath)}
	for p := range affected {
		if j, ok := st.jobs[p]; ok {
			ps.byPath[p] = l.newPage(j, st, l.gen)
			ch.Pages = append(ch.Pages, p)
		}
	}
	slices.Sort(ch.Pages)
	l.pages.Store(ps)
	l.search.Store(newSearchBundle(l, st, ps))
	ch.InPlace = true
	return true
}

// linkingTo returns the rendered pages that link to any of targets.
func (l *Live) linkingTo(targets []string) map[string]bool {
	want := map[string]bool{}
	for _, t := range targets {
		want[t] = true
	}
	out := map[string]bool{}
	for path, p := range l.pages.Load().byPath {
		if !p.done.Load() {
			continue // renders from the current content anyway
		}
		for _, link := range p.links {
			if want[link] {
				out[path] = true
				break
			}
		}
	}
	return out
}

// affected lists the output paths whose content may differ between the
// pages of prev and those of next.
func (l *Live) affected(prev, next *state) map[string]bool {
	out := map[string]bool{}
	for p, j := range next.jobs {
		if isGlobal(p) || isRedirect(j) {
			out[p] = true
		}
	}
	var targets, names []string
	// The pages a term or incident is listed on now; only the renderer
	// knows their paths (clashing slugs get suffixes).
	taxonomy := func(tags []string, category string) {
		for _, tag := range tags {
			out[next.r.TagPath(tag)] = true
		}
		out[next.r.CategoryPath(category)] = true
		delete(out, "") // no page
	}
	entity := func(o any, now bool) {
		switch o := o.(type) {
		case *content.Term:
			targets = append(targets, termPath(o.Slug.Value))
			if now {
				taxonomy(o.Tags, o.Category)
			}
		case *content.Incident:
			targets = append(targets, incidentPath(o.Slug.Value))
			if now {
				taxonomy(o.Tags, "")
			}
		case *content.Framework:
			targets = append(targets, frameworkPath(o.ID))
		}
	}
	// Auto-links change where a term's names changed, came or went.
	namesOf := func(o any) []string {
		if t, ok := o.(*content.Term); ok && t.Autolink && (l.opts.Drafts || !t.Draft) {
			return termNames(t)
		}
		return nil
	}
	renamed := func(was, now any) {
		a, b := namesOf(was), namesOf(now)
		if !slices.Equal(a, b) {
			names = append(append(names, a...), b...)
		}
	}
	for file, o := range next.objs {
		if was := prev.objs[file]; was != o {
			entity(o, true)
			if was != nil {
				entity(was, false)
			}
			renamed(was, o)
		}
	}
	for file, was := range prev.objs {
		if next.objs[file] == nil {
			entity(was, false)
			renamed(was, nil)
		}
	}
	for _, t := range targets {
		out[t] = true
	}
	for p := range l.linkingTo(targets) {
		out[p] = true
	}
	if len(names) > 0 {
		for p := range l.mentioning(next, names) {
			out[p] = true
		}
	}
	for _, p := range next.r.MovedTaxonomyPages(prev.r) {
		out[p] = true
	}
	l.graphChanges(prev, next, out)
	return out
}

// termNames are the lower-cased names auto-linking looks for.
func termNames(t *content.Term) []string {
	out := []string{strings.ToLower(t.Title.Value)}
	for _, ns := range [][]content.Name{t.Synonyms, t.Abbreviations} {
		for _, n := range ns {
			out = append(out, strings.ToLower(n.Value))
		}
	}
	return out
}

// mentioning returns the term pages whose body text, as last rendered,
// contains any of names. A page not rendered yet renders anew anyway.
func (l *Live) mentioning(st *state, names []string) map[string]bool {
	slices.Sort(names)
	names = slices.Compact(names)
	out := map[string]bool{}
	for _, t := range st.g.Terms {
		text := strings.ToLower(l.textOf(t))
		for _, n := range names {
			if n != "" && strings.Contains(text, n) {
				out[termPath(t.Slug.Value)] = true
				break
			}
		}
	}
	return out
}

// graphChanges adds the term, incident and framework pages whose resolved
// links differ between prev and next. An unchanged term is the same
// object in both, so lists compare by identity; a list that holds a
// changed term differs, but its page links to that term anyway.
func (l *Live) graphChanges(prev, next *state, out map[string]bool) {
	for _, t := range next.g.Terms {
		was, _ := prev.objs[next.fileOf[t]].(*content.Term)
		if was == nil || !sameTermLinks(prev.g, was, next.g, t) {
			out[termPath(t.Slug.Value)] = true
		}
	}
	for _, inc := range next.g.Incidents {
		was, _ := prev.objs[next.fileOf[inc]].(*content.Incident)
		if was == nil || !slices.Equal(prev.g.IncidentTerms[was], next.g.IncidentTerms[inc]) {
			out[incidentPath(inc.Slug.Value)] = true
		}
	}
	for _, f := range next.g.Frameworks {
		was, _ := prev.objs[next.fileOf[f]].(*content.Framework)
		if was == nil || !sameFrameworkLinks(prev.g, was, next.g, f) {
			out[frameworkPath(f.ID)] = true
		}
	}
}

func sameTermLinks(g1 *xref.Graph, t1 *content.Term, g2 *xref.Graph, t2 *content.Term) bool {
	return slices.Equal(g1.Related[t1], g2.Related[t2]) &&
		slices.Equal(g1.ReferencedBy[t1], g2.ReferencedBy[t2]) &&
		slices.Equal(g1.TermIncidents[t1], g2.TermIncidents[t2]) &&
		slices.EqualFunc(g1.TermMappings[t1], g2.TermMappings[t2], func(a, b xref.Mapping) bool {
			return a.Framework == b.Framework && a.Control == b.Control && a.Relevance.Text == b.Relevance.Text
		})
}

func sameFrameworkLinks(g1 *xref.Graph, f1 *content.Framework, g2 *xref.Graph, f2 *content.Framework) bool {
	same := func(a, b []xref.TermMapping) bool {
		return slices.EqualFunc(a, b, func(x, y xref.TermMapping) bool {
			return x.Term == y.Term && x.Relevance.Text == y.Relevance.Text
		})
	}
	if f1 != f2 || !same(g1.FrameworkTerms[f1], g2.FrameworkTerms[f2]) {
		return false
	}
	for _, c := range f2.Controls {
		if !same(g1.ControlTerms[c], g2.ControlTerms[c]) {
			return false
		}
	}
	return true
}

// moves says where the terms of removed term pages went: to the page of
// the term that now has their file, or when one term page went and one
// came, to that one; "" when the term was deleted. A term page that
// became a redirect (the term was renamed and kept its old slug as a
// redirect) moves to the redirect's target.
func moves(prev, next *state, removed []string) map[string]string {
	out := map[string]string{}
	var added []string
	for p, j := range next.jobs {
		if j.Term != nil {
			if _, ok := prev.jobs[p]; !ok {
				added = append(added, p)
			}
		}
	}
	var gone []string
	for _, p := range removed {
		if j, ok := prev.jobs[p]; ok && j.Term != nil {
			gone = append(gone, p)
		}
	}
	for _, p := range gone {
		t := prev.jobs[p].Term
		dest := ""
		if now, ok := next.objs[prev.fileOf[t]].(*content.Term); ok && next.g.TermBySlug[now.Slug.Value] == now {
			dest = termPath(now.Slug.Value)
		} else if len(gone) == 1 && len(added) == 1 {
			dest = added[0]
		}
		out[p] = dest
	}
	for p, j := range prev.jobs {
		if j.Term == nil {
			continue
		}
		if nj, ok := next.jobs[p]; ok && isRedirect(nj) {
			if t := next.g.Redirects[strings.TrimSuffix(strings.TrimPrefix(p, "terms/"), "/index.html")]; t != nil {
				out[p] = termPath(t.Slug.Value)
			}
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
