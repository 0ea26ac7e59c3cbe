package xref

import (
	"fmt"
	"slices"
	"strings"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/diag"
	"github.com/nhimg/nhiglossary/internal/markdown"
)

// checkRelated checks t's related list; names are the lookups of its
// entries, from prescan.
func (r *resolver) checkRelated(t *content.Term, names []*name) {
	pub := r.publishedTerm(t)
	var seen, related []*content.Term
	for i, rel := range t.Related {
		n := names[i]
		switch {
		case rel.Value == "":
			r.diags.Add(diag.EmptyName, rel.Pos, "empty name in the related list; remove it")
			continue
		case n == nil && r.isUnread(rel.Value):
			continue // the file's own error says enough
		case n == nil:
			r.diags.Add(diag.UnknownRelated, rel.Pos, "unknown related term %q%s", rel.Value, r.suggest("term", rel.Value))
			continue
		case n.clash != nil:
			if n.duplicateTermName() {
				continue
			}
			r.diags.Add(diag.AmbiguousName, rel.Pos, "related term %q is ambiguous: %s, and %s", rel.Value, n.describe(), n.clash.describe())
			continue
		case n.shared != nil:
			r.diags.Add(diag.AmbiguousName, rel.Pos, "related term %q is %s: write %s", rel.Value, sharedBy(n), sharedChoices(n, nil))
			continue
		case n.target.Kind == KindIncident:
			r.diags.Add(diag.WrongKind, rel.Pos, "related %q is an incident, not a term", rel.Value)
			continue
		case n.target.Kind == KindControl:
			r.diags.Add(diag.WrongKind, rel.Pos, "related %q is a control, not a term", rel.Value)
			continue
		case n.target.Term == t:
			r.diags.Add(diag.SelfRelated, rel.Pos, "related %q is this term itself; remove it", rel.Value)
			continue
		case slices.Contains(seen, n.target.Term):
			r.diags.Add(diag.ListedTwice, rel.Pos, "related term %q is listed twice", rel.Value)
			continue
		}
		if n.what == "old slug" && !(pub && r.hidden(n)) { // as for [[links]]: a draft's error says enough
			r.diags.Add(diag.OldSlug, rel.Pos, "related term %q is an old slug of %s; write %q", rel.Value, termName(n.target.Term), n.target.Term.Slug.Value)
		}
		seen = append(seen, n.target.Term)
		r.deprecatedTarget(t, rel.Pos, "related term", rel.Value, n.target.Term, "")
		if !pub || !r.listable(t.Draft, n, rel, "related term") {
			continue
		}
		related = append(related, n.target.Term)
		r.out.refs = append(r.out.refs, n.target.Term)
	}
	r.out.related = related
}

// listable reports whether a published term's list entry (what: "related
// term", "incident") may list n; a draft it may not is an error, and one
// only the preview shows a warning.
func (r *resolver) listable(draft bool, n *name, entry content.Name, what string) bool {
	if r.hidden(n) {
		r.diags.Add(diag.DraftLink, entry.Pos, "%s %q is a draft; publish it or remove the link", what, entry.Value)
		return false
	}
	if r.buildRejects(draft, n) {
		r.diags.Add(diag.DraftLinkInPreview, entry.Pos, "%s %q is a draft: the preview shows it, but build will fail until you publish it or remove it", what, entry.Value)
	}
	return true
}

func (r *resolver) checkIncidents(t *content.Term) {
	pub := r.publishedTerm(t)
	var seen []*content.Incident
	for _, in := range t.Incidents {
		r.buf = appendNormal(r.buf[:0], in.Value)
		r.depend(r.buf)
		n := r.incNames[string(r.buf)]
		switch {
		case in.Value == "":
			r.diags.Add(diag.EmptyName, in.Pos, "empty name in the incidents list; remove it")
			continue
		case n == nil && r.isUnread(in.Value):
			continue
		case n == nil:
			if other := r.find(in.Value); other != nil && other.clash == nil && other.target.Kind == KindTerm {
				r.diags.Add(diag.WrongKind, in.Pos, "incident %q is a term, not an incident; list it under related", in.Value)
			} else {
				r.diags.Add(diag.UnknownIncident, in.Pos, "unknown incident %q%s", in.Value, r.suggest("incident", in.Value))
			}
			continue
		case n.clash != nil:
			r.diags.Add(diag.AmbiguousName, in.Pos, "incident %q is ambiguous: %s, and %s%s", in.Value, n.describe(), n.clash.describe(), clashChoices(n, "%q"))
			continue
		case slices.Contains(seen, n.target.Incident):
			r.diags.Add(diag.ListedTwice, in.Pos, "incident %q is listed twice", in.Value)
			continue
		}
		seen = append(seen, n.target.Incident)
		if !pub || !r.listable(t.Draft, n, in, "incident") {
			continue
		}
		r.out.incidents = append(r.out.incidents, n.target.Incident)
		r.out.incRefs = append(r.out.incRefs, n.target.Incident)
	}
	slices.SortStableFunc(r.out.incidents, newestFirst)
}

func (r *resolver) checkMappings(t *content.Term) {
	var done []Mapping // resolved so far, to spot repeats
	for _, m := range t.Mappings {
		if m.Framework.Value == "" {
			continue // content reported the missing framework
		}
		f := r.frameworks[strings.ToLower(m.Framework.Value)]
		if f == nil && r.unreadFramework(m.Framework.Value) {
			continue // its file's error says enough
		}
		if f == nil {
			r.diags.Add(diag.UnknownFramework, m.Framework.Pos, "unknown framework %q%s", m.Framework.Value, diag.DidYouMean(m.Framework.Value, r.frameworkIDs()))
			continue
		}
		var c *content.Control
		if m.Control.Value != "" {
			if len(f.Controls) == 0 {
				r.diags.Add(diag.FrameworkWithoutControls, m.Control.Pos, "framework %s lists no controls, so it takes framework-level mappings only; remove control %q", f.ID, m.Control.Value)
				continue
			}
			r.buf = appendNormal(r.buf[:0], m.Control.Value)
			if c = r.controls[f][string(r.buf)]; c == nil {
				if writtenBadly(m.Control.Value, f) {
					continue // that control's own id is the error
				}
				r.diags.Add(diag.UnknownControl, m.Control.Pos, "unknown control %q in %s%s", m.Control.Value, f.ID, suggestControl(m.Control.Value, f))
				continue
			}
		}
		if slices.ContainsFunc(done, func(d Mapping) bool { return d.Framework == f && d.Control == c }) {
			key := f.ID
			if c != nil {
				key += "/" + c.ID.Value
			}
			r.diags.Add(diag.ListedTwice, m.Pos, "mapping to %s is listed twice", key)
			continue
		}
		done = append(done, Mapping{Framework: f, Control: c, Relevance: m.Relevance})
	}
	if len(done) > 0 && r.publishedTerm(t) {
		r.out.mappings = done
	}
}

// checkTermLinks checks the [[links]] of t's Markdown fields, as prescan
// found and looked them up.
func (r *resolver) checkTermLinks(t *content.Term, s termScan) {
	pub := r.publishedTerm(t)
	from := t
	if !pub {
		from = nil // a draft's links are checked but make no backlinks
	}
	r.applyLinks(t.Body, s.body, from, pub, t.Draft)
	for i, ex := range t.Examples {
		r.applyLinks(ex, s.examples[i], from, pub, t.Draft)
	}
	for i, m := range t.Mappings {
		r.applyLinks(m.Relevance, s.relevance[i], from, pub, t.Draft)
	}
	r.deprecatedLinks(t, t.Body, s.body)
	for i, ex := range t.Examples {
		r.deprecatedLinks(t, ex, s.examples[i])
	}
	for i, m := range t.Mappings {
		r.deprecatedLinks(t, m.Relevance, s.relevance[i])
	}
}

// deprecatedLinks warns about t's [[links]] to deprecated terms. Only
// a current term's links can warn, and finding a link's position is the
// costly part: both are checked first.
func (r *resolver) deprecatedLinks(t *content.Term, md content.Markdown, links []found) {
	if t.Deprecated {
		return
	}
	for _, f := range links {
		if n := f.name; n != nil && n.clash == nil && n.shared == nil && n.target.Kind == KindTerm && n.target.Term.Deprecated {
			label := f.link.Label
			if label == "" {
				label = f.link.Target
			}
			r.deprecatedTarget(t, md.PosAt(f.link.Start), "link target", f.link.Target, n.target.Term, label)
		}
	}
}

// checkLinks resolves the [[links]] of one Markdown field. from is the
// published term the field belongs to, for backlinks; nil for other pages.
// draft is the page's own draft flag.
func (r *resolver) checkLinks(md content.Markdown, from *content.Term, published, draft bool) {
	r.applyLinks(md, r.scanLinks(md, &r.buf, nil), from, published, draft)
}

// applyLinks reports on and records links already looked up.
func (r *resolver) applyLinks(md content.Markdown, links []found, from *content.Term, published, draft bool) {
	r.lint(md)
	for _, f := range links {
		l, n := f.link, f.name
		if l.Cut {
			if l.BarEndsCell {
				r.diags.Add(diag.PipeInTableLink, md.PosAt(l.Start), "the | in [[%s|%s]] ends the table cell; write [[%s\\|%s]]", l.Target, l.Label, l.Target, l.Label)
			}
			continue
		}
		if n != nil && n.what == "old slug" && !(published && r.hidden(n)) {
			r.diags.Add(diag.OldSlug, md.PosAt(l.Start), "link target %q is an old slug of %s; write [[%s]]", l.Target, termName(n.target.Term), n.target.Term.Slug.Value)
		}
		if n != nil && n.clash == nil && r.buildRejects(draft, n) {
			r.diags.Add(diag.DraftLinkInPreview, md.PosAt(l.Start), "link target %q is a draft: the preview shows it, but build will fail until you publish it or remove the link", l.Target)
		}
		switch {
		case n == nil && r.isUnread(l.Target):
		case n == nil:
			if page := r.namesSection(l.Target); page != "" {
				r.diags.Add(diag.UnknownLinkTarget, md.PosAt(l.Start), "link target %q names a section of a page: a [[link]] goes to a whole page; write [[%s]]", l.Target, page)
				break
			}
			r.diags.Add(diag.UnknownLinkTarget, md.PosAt(l.Start), "unknown link target %q%s", l.Target, r.suggest("link", l.Target))
		case n.clash != nil && n.duplicateTermName():
		case n.clash != nil:
			r.diags.Add(diag.AmbiguousName, md.PosAt(l.Start), "link target %q is ambiguous: %s, and %s%s", l.Target, n.describe(), n.clash.describe(), clashChoices(n, "[[%s]]"))
		case n.shared != nil:
			label := l.Label
			if label == "" {
				label = l.Target
			}
			r.diags.Add(diag.AmbiguousName, md.PosAt(l.Start), "link target %q is %s: write %s", l.Target, sharedBy(n), sharedChoices(n, &label))
		case published && r.hidden(n):
			r.diags.Add(diag.DraftLink, md.PosAt(l.Start), "link target %q is a draft; publish it or remove the link", l.Target)
		case from == nil:
		case n.target.Kind == KindTerm && n.target.Term != from:
			r.out.refs = append(r.out.refs, n.target.Term)
		case n.target.Kind == KindIncident:
			r.out.incRefs = append(r.out.incRefs, n.target.Incident)
		}
	}
}

// duplicateTermName reports whether n is a name two terms share: that is
// reported where the names are written (duplicate-name), so a link or
// related entry using it is not another error while the clash stands.
func (n *name) duplicateTermName() bool {
	return n.clash != nil && n.target.Kind == KindTerm && n.clash.target.Kind == KindTerm
}

// clashChoices says what to write instead of a name two incidents
// claim (a clash of terms is reported as theirs): their slugs, each in
// format ("[[%s]]" for a link).
func clashChoices(n *name, format string) string {
	if n.target.Kind != KindIncident || n.clash.target.Kind != KindIncident {
		return ""
	}
	a, b := n.target.Incident.Slug.Value, n.clash.target.Incident.Slug.Value
	if a == b {
		return ""
	}
	return ": write " + fmt.Sprintf(format, a) + " or " + fmt.Sprintf(format, b)
}

// namesSection is the page part of a link target written PAGE#id
// ("workload-identity#how"), when PAGE is a known name; else "".
func (r *resolver) namesSection(target string) string {
	page, id, ok := strings.Cut(target, "#")
	if !ok || !markdown.ValidID(id) || r.find(page) == nil {
		return ""
	}
	return page
}
