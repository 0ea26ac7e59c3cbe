package xref

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/diag"
)

// edge is one resolved broader entry.
type edge struct {
	to  *content.Term
	pos diag.Pos
	as  string // as written
}

// termField resolves a name that must be another term (a broader entry, a
// replaced_by), reporting why it is not one; field says which ("broader
// term"), unknown is the code for a name that is nothing. It returns nil when the name does not resolve to a term.
func (r *resolver) termField(t *content.Term, field string, unknown diag.Code, v content.Name) *name {
	n := r.find(v.Value)
	switch {
	case v.Value == "":
		r.diags.Add(diag.EmptyName, v.Pos, "empty %s; remove it", field)
	case n == nil && r.isUnread(v.Value):
		// the file's own error says enough
	case n == nil:
		r.diags.Add(unknown, v.Pos, "unknown %s %q%s", field, v.Value, r.suggest("term", v.Value))
	case n.clash != nil && n.duplicateTermName():
		// Reported at both terms: until one is renamed, not again here.
	case n.clash != nil:
		r.diags.Add(diag.AmbiguousName, v.Pos, "%s %q is ambiguous: %s, and %s", field, v.Value, n.describe(), n.clash.describe())
	case n.shared != nil:
		r.diags.Add(diag.AmbiguousName, v.Pos, "%s %q is %s: write %s", field, v.Value, sharedBy(n), sharedChoices(n, nil))
	case n.target.Kind == KindIncident:
		r.diags.Add(diag.WrongKind, v.Pos, "%s %q is an incident, not a term", field, v.Value)
	case n.target.Kind == KindControl:
		r.diags.Add(diag.WrongKind, v.Pos, "%s %q is a control, not a term", field, v.Value)
	case n.target.Term == t:
		r.diags.Add(diag.SelfReference, v.Pos, "%s %q is this term itself; remove it", field, v.Value)
	default:
		if n.what == "old slug" {
			r.diags.Add(diag.OldSlug, v.Pos, "%s %q is an old slug of %s; write %q", field, v.Value, termName(n.target.Term), n.target.Term.Slug.Value)
		}
		return n
	}
	return nil
}

// sharedBy says who shares a name: "shared by 2 terms".
func sharedBy(n *name) string {
	return fmt.Sprintf("shared by %d terms", len(n.shared))
}

// sharedChoices lists what to write instead of a shared name: slugs for
// a list entry, [[slug|label]] for a link (l non-nil). (A term whose slug
// is the shared name itself is named by it too: see sharedSlug.)
func sharedChoices(n *name, label *string) string {
	ts := make([]*content.Term, len(n.shared))
	for i, s := range n.shared {
		ts[i] = s.target.Term
	}
	slices.SortFunc(ts, func(a, b *content.Term) int { return strings.Compare(a.Slug.Value, b.Slug.Value) })
	var parts []string
	for _, t := range ts {
		ref, who := t.Slug.Value, " for "+termName(t)
		if label != nil {
			parts = append(parts, fmt.Sprintf("[[%s|%s]]%s", ref, *label, who))
		} else {
			parts = append(parts, fmt.Sprintf("%q%s", ref, who))
		}
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1]
}

// checkBroader resolves t's broader list. Cycles are found once every
// term's list is in (checkCycles).
func (r *resolver) checkBroader(t *content.Term) {
	var seen []*content.Term
	for _, b := range t.Broader {
		n := r.termField(t, "broader term", diag.UnknownBroader, b)
		if n == nil {
			continue
		}
		w := n.target.Term
		if slices.Contains(seen, w) {
			r.diags.Add(diag.ListedTwice, b.Pos, "broader term %q is listed twice", b.Value)
			continue
		}
		seen = append(seen, w)
		if r.publishedTerm(t) && r.hidden(n) {
			r.diags.Add(diag.DraftLink, b.Pos, "broader term %q is a draft; publish it or remove it", b.Value)
			continue
		}
		if r.buildRejects(t.Draft, n) {
			r.diags.Add(diag.DraftLinkInPreview, b.Pos, "broader term %q is a draft: the preview shows it, but build will fail until you publish it or remove it", b.Value)
		}
		r.deprecatedTarget(t, b.Pos, "broader term", b.Value, w, "")
		r.out.broader = append(r.out.broader, edge{w, b.Pos, b.Value})
	}
}

// checkCycles reports each cycle of broader terms once, at the broader
// entry that closes it (walking terms in file order), and drops that
// entry so the rest of the hierarchy is a tree of trees.
func (r *resolver) checkCycles() {
	const (
		unseen = iota
		open
		done
	)
	state := map[*content.Term]int{}
	var path []*content.Term
	var visit func(t *content.Term)
	visit = func(t *content.Term) {
		state[t] = open
		path = append(path, t)
		edges := r.broader[t][:0:0]
		for _, e := range r.broader[t] {
			switch state[e.to] {
			case open:
				i := slices.Index(path, e.to)
				var ring []string
				for _, p := range path[i:] {
					ring = append(ring, termName(p))
				}
				ring = append(ring, termName(e.to))
				r.cycles = true
				r.diags.Add(diag.BroaderCycle, e.pos, "broader term %q makes a cycle: %s; a term cannot be wider than itself", e.as, strings.Join(ring, " → "))
				continue
			case unseen:
				visit(e.to)
			}
			edges = append(edges, e)
		}
		if len(edges) > 0 {
			r.broader[t] = edges
		}
		path = path[:len(path)-1]
		state[t] = done
	}
	for _, t := range r.terms {
		if state[t] == unseen {
			visit(t)
		}
	}
	for _, t := range r.terms {
		if !r.publishedTerm(t) {
			continue
		}
		for _, e := range r.broader[t] {
			r.g.Broader[t] = append(r.g.Broader[t], e.to)
			r.g.Narrower[e.to] = append(r.g.Narrower[e.to], t)
		}
	}
}

// checkReplacedBy resolves a deprecated term's replacement, which must be
// a current term.
func (r *resolver) checkReplacedBy(t *content.Term) {
	if !t.Deprecated || t.ReplacedBy.Value == "" {
		return
	}
	n := r.termField(t, "replacement", diag.UnknownReplacement, t.ReplacedBy)
	if n == nil {
		return
	}
	w := n.target.Term
	switch {
	case w.Deprecated:
		hint := ""
		if w.ReplacedBy.Value != "" {
			hint = fmt.Sprintf(" (it is replaced by %q)", w.ReplacedBy.Value)
		}
		r.diags.Add(diag.ReplacementDeprecated, t.ReplacedBy.Pos, "replacement %q is deprecated too: name a current term%s", t.ReplacedBy.Value, hint)
	case r.publishedTerm(t) && r.hidden(n):
		r.diags.Add(diag.DraftLink, t.ReplacedBy.Pos, "replacement %q is a draft; publish it or name another term", t.ReplacedBy.Value)
	default:
		if r.buildRejects(t.Draft, n) {
			r.diags.Add(diag.DraftLinkInPreview, t.ReplacedBy.Pos, "replacement %q is a draft: the preview shows it, but build will fail until you publish it or name another term", t.ReplacedBy.Value)
		}
		if r.publishedTerm(t) {
			r.out.replacedBy = w
		}
	}
}

// deprecatedTarget warns when a current term points at a deprecated one
// (what names the field, as the name as written); link is the label of a
// [[link]], "" for a list entry.
func (r *resolver) deprecatedTarget(from *content.Term, pos diag.Pos, what, as string, to *content.Term, link string) {
	if from == nil || from.Deprecated || !to.Deprecated {
		return
	}
	instead := "link a current term instead"
	if rep := r.replacement(to); rep == from {
		// Its replacement is this term: naming itself would not do.
		instead = "it is replaced by this term; remove the entry"
		if link != "" {
			instead = "it is replaced by this term; write the text without the link"
		}
	} else if rep != nil {
		if link != "" {
			instead = fmt.Sprintf("write [[%s|%s]]", rep.Slug.Value, link)
			if strings.EqualFold(link, as) { // the reader sees the name: the slug would show
				instead = fmt.Sprintf("write [[%s]], or [[%s|%s]] to keep the words", termName(rep), rep.Slug.Value, link)
			}
		} else {
			instead = fmt.Sprintf("write %q (%s) instead", rep.Slug.Value, termName(rep))
		}
	}
	r.diags.Add(diag.LinksDeprecated, pos, "%s %q is deprecated: %s", what, as, instead)
}

// replacement is the term a deprecated term's replaced_by names, if it
// resolves to a current term.
func (r *resolver) replacement(t *content.Term) *content.Term {
	if t.ReplacedBy.Value == "" {
		return nil
	}
	n := r.find(t.ReplacedBy.Value)
	if n == nil || n.clash != nil || n.shared != nil || n.target.Kind != KindTerm || n.target.Term.Deprecated || n.target.Term == t {
		return nil
	}
	return n.target.Term
}

// sharedNames lists the names several published terms share, each with
// the slug of its disambiguation page: the name's slug, unless a term, an
// old slug or another such page has it.
func (r *resolver) sharedNames() {
	taken := func(slug string) bool {
		if _, ok := r.termSlugs[slug]; ok {
			return true
		}
		_, ok := r.g.Redirects[slug]
		return ok
	}
	for key := range r.sharedKeys {
		n := r.names[key]
		if n.what == "old slug" {
			continue
		}
		sn := &SharedName{Name: n.value}
		// Named as an abbreviation or synonym writes it ("MAC"), not as
		// a slug that shares it ("mac").
		if i := slices.IndexFunc(n.shared, func(s *name) bool { return s.what != "slug" }); i >= 0 {
			sn.Name = n.shared[i].value
		}
		for _, s := range n.shared {
			if r.publishedTerm(s.target.Term) {
				sn.Terms = append(sn.Terms, s.target.Term)
			}
		}
		if len(sn.Terms) < 2 {
			continue
		}
		sn.Terms = r.sortTerms(sn.Terms)
		r.g.sharedBy[key] = sn
		r.g.Shared = append(r.g.Shared, sn)
	}
	slices.SortFunc(r.g.Shared, func(a, b *SharedName) int {
		return cmp.Or(strings.Compare(normalize(a.Name), normalize(b.Name)), strings.Compare(a.Name, b.Name))
	})
	used := map[string]bool{}
	for _, sn := range r.g.Shared {
		// Spelled as a tag's ("C++" -> "c-plus-plus", "Ω" -> "ω"), so
		// that names apart stay apart ("C" is "c").
		base := taxonomySlug(sn.Name)
		slug := base
		if taken(slug) || used[slug] {
			slug += "-disambiguation"
		}
		for i := 2; taken(slug) || used[slug]; i++ {
			slug = fmt.Sprintf("%s-disambiguation-%d", base, i)
		}
		used[slug] = true
		sn.Slug = slug
	}
}
