package live

// moves says where the terms of removed term pages went: to the page of
// the term that now has their file, or when one term page went and one
// came, to that one; "" when the term was deleted. A term page that
// became a redirect (the term was renamed and kept its old slug as a
// redirect) moves to the redirect's target. changed and removed are the
// pages the update changed and removed: most updates move nothing, and
// are told so without a look at every page. before and after are the
// pages of prev and next: a page's job is of the kind prev's (or next's)
// job for its path is (a kept page's job, of an earlier state, shows
// the same facts), and they know their paths without a map of every job.
func moves(prev, next *state, before, after *pageSet, changed, removed []string) map[string]string {
	var gone, redirected []string
	for _, p := range removed {
		if o := before.byPath[p]; o != nil && o.job.Term != nil {
			gone = append(gone, p)
		}
	}
	for _, p := range changed {
		if o := before.byPath[p]; o != nil && o.job.Term != nil && after.byPath[p].job.RedirectTo != nil {
			redirected = append(redirected, p)
		}
	}
	if len(gone)+len(redirected) == 0 {
		return nil
	}
	out := map[string]string{}
	pageOf := map[string]string{} // a term's file -> its page now
	var added []string
	for p, j := range next.jobs() {
		if j.Term == nil {
			continue
		}
		pageOf[j.Term.File] = p
		if _, ok := prev.jobs()[p]; !ok {
			added = append(added, p)
		}
	}
	for _, p := range gone {
		dest := pageOf[prev.jobs()[p].Term.File]
		if dest == "" && len(gone) == 1 && len(added) == 1 {
			dest = added[0]
		}
		out[p] = dest
	}
	for _, p := range redirected {
		out[p] = pageOf[next.jobs()[p].RedirectTo.File]
	}
	return out
}
