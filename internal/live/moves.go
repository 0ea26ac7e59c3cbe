package live

// moves says where the terms of removed term pages went: to the page of
// the term that now has their file, or when one term page went and one
// came, to that one; "" when the term was deleted. A term page that
// became a redirect (the term was renamed and kept its old slug as a
// redirect) moves to the redirect's target.
func moves(prev, next *state, removed []string) map[string]string {
	out := map[string]string{}
	pageOf := map[string]string{} // a term's file -> its page now
	var added []string
	for p, j := range next.jobs {
		if j.Term == nil {
			continue
		}
		pageOf[j.Term.File] = p
		if _, ok := prev.jobs[p]; !ok {
			added = append(added, p)
		}
	}
	var gone []string
	for _, p := range removed {
		if j, ok := prev.jobs[p]; ok && j.Term != nil {
			gone = append(gone, p)
		}
	}
	for _, p := range gone {
		dest := pageOf[prev.jobs[p].Term.File]
		if dest == "" && len(gone) == 1 && len(added) == 1 {
			dest = added[0]
		}
		out[p] = dest
	}
	for p, j := range prev.jobs {
		if j.Term == nil {
			continue
		}
		if nj, ok := next.jobs[p]; ok && nj.RedirectTo != nil {
			out[p] = pageOf[nj.RedirectTo.File]
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
