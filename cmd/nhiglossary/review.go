package main

import (
	"fmt"
	"io"
	"path"
	"path/filepath"
	"text/tabwriter"
	"time"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/diag"
	"github.com/nhimg/nhiglossary/internal/xref"
)

// day is the day review dates are checked against: --today, else the
// clock's.
func (c *checkCmd) day() (time.Time, error) {
	if c.today != "" {
		t, err := content.ParseDate(c.today)
		if err != nil {
			return time.Time{}, usagef("--today %q %v", c.today, err)
		}
		return t, nil
	}
	now := time.Now
	if c.now != nil {
		now = c.now
	}
	return now(), nil
}

// printReview prints every published term, oldest review first, with
// where its review date is written and when it is due; the site must
// load without errors.
func (c *checkCmd) printReview(g *xref.Graph, diags diag.List, today time.Time, stdout, stderr io.Writer) error {
	if g == nil {
		diag.WriteText(stderr, diags.Under(c.src))
		e, _ := diags.Count()
		fmt.Fprintf(stderr, "%s: fix them to see the review queue\n", diag.Plural(e, "error"))
		return errReported
	}
	q := xref.ReviewQueue(g, today)
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	due := 0
	for _, r := range q {
		status := r.Deadline
		if r.Every.IsZero() {
			status = "no review_every"
		}
		if r.Overdue {
			due++
		}
		pos := r.Pos
		pos.File = path.Join(filepath.ToSlash(c.src), pos.File)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.Last.Format(time.DateOnly), diag.Printable(r.Term.Title.Value), status, diag.Printable(pos.String()))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "%s, %s due for review as of %s\n", diag.Plural(len(q), "term"), diag.Plural(due, "term"), today.Format(time.DateOnly))
	return nil
}
