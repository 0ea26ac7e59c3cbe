package xref

import (
	"time"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/diag"
)

// lint reports what md holds that would not reach the reader as the
// editor meant (see mdlint).
func (r *resolver) lint(md content.Markdown) {
	for _, p := range r.lintText(md.Text) {
		r.diags.Add(p.Code, md.PosAt(p.Off), "%s", p.Message)
	}
}

// checkDates warns about an updated date after today (Options.Now): the
// feed and the page would show a change that has not happened.
func (r *resolver) checkDates(t *content.Term) {
	if r.opts.Now.IsZero() {
		return
	}
	y, m, d := r.opts.Now.Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Updated.After(today) {
		r.diags.Add(diag.FutureDate, t.UpdatedPos, "\"updated\" is %s, after today (%s): write the date of the last change", t.Updated.Format(time.DateOnly), today.Format(time.DateOnly))
	}
}
