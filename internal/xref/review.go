package xref

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/diag"
)

// Review is one term's place in the review queue.
type Review struct {
	Term     *content.Term
	Last     time.Time      // reviewed.on, else updated
	Pos      diag.Pos       // of the reviewed (else updated) key
	Every    content.Period // the term's period, else the site's; zero for none
	Due      time.Time      // Last plus Every; zero without a period
	Overdue  bool           // Due is before now
	Deadline string         // "due in 12 days", "93 days overdue"
}

// ReviewQueue lists the published terms, oldest review first, with when
// each is due by its review_every (else the site's).
func ReviewQueue(g *Graph, now time.Time) []Review {
	now = day(now)
	out := make([]Review, 0, len(g.Terms))
	for _, t := range g.Terms {
		out = append(out, review(t, g.Site.Config, now))
	}
	slices.SortStableFunc(out, func(a, b Review) int {
		return cmp.Or(a.Last.Compare(b.Last), strings.Compare(a.Term.Slug.Value, b.Term.Slug.Value))
	})
	return out
}

func review(t *content.Term, cfg content.Config, now time.Time) Review {
	last, pos := t.LastReviewed()
	rv := Review{Term: t, Last: last, Pos: pos, Every: cmp.Or(t.ReviewEvery, cfg.ReviewEvery)}
	if rv.Every.IsZero() || last.IsZero() {
		return rv
	}
	rv.Due = rv.Every.After(last)
	rv.Overdue = rv.Due.Before(now)
	days := int(rv.Due.Sub(now).Hours() / 24)
	switch {
	case rv.Overdue:
		rv.Deadline = overdue(-days)
	case days == 0:
		rv.Deadline = "due today"
	default:
		rv.Deadline = fmt.Sprintf("due in %s", count(days, "day"))
	}
	return rv
}

// reviewDue warns about each published term whose review is overdue.
func (r *resolver) reviewDue() {
	if r.opts.Now.IsZero() || !r.opts.Review {
		return
	}
	now := day(r.opts.Now)
	for _, t := range r.g.Terms {
		rv := review(t, r.g.Site.Config, now)
		if !rv.Overdue {
			continue
		}
		what := "updated"
		if t.Reviewed != nil && !t.Reviewed.On.IsZero() {
			what = "reviewed"
		}
		r.diags.Add(diag.ReviewDue, rv.Pos, "review due: %s on %s, every %s, so due on %s: %s", what, rv.Last.Format(time.DateOnly), rv.Every, rv.Due.Format(time.DateOnly), rv.Deadline)
	}
}

// day is t's calendar day, as content's dates are: midnight UTC.
func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// overdue says how late a review is, in the largest unit that reads well.
func overdue(days int) string {
	switch {
	case days >= 60:
		return fmt.Sprintf("%s overdue (%s)", count(days/30, "month"), count(days, "day"))
	case days >= 14:
		return fmt.Sprintf("%s overdue (%s)", count(days/7, "week"), count(days, "day"))
	}
	return count(days, "day") + " overdue"
}

func count(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}
