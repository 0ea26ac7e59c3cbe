package diag

import (
	"fmt"
	"strings"
)

// Suggest returns the candidates nearest to name by edit distance (case
// folded), best first, at most n, and only those close enough to be a
// plausible typo.
func Suggest(name string, candidates []string, n int) []string {
	lname := strings.ToLower(name)
	limit := max(2, len([]rune(lname))/3)
	type scored struct {
		s string
		d int
	}
	var best, contains []scored
	seen := map[string]bool{}
	for _, c := range candidates {
		if seen[c] {
			continue
		}
		seen[c] = true
		lc := strings.ToLower(c)
		if d := distance(lname, lc, limit); d <= limit {
			best = append(best, scored{c, d})
		} else if len(lname) >= 4 && len(lc) >= 4 && (strings.Contains(lc, lname) || strings.Contains(lname, lc)) {
			// A name inside another ("sprawl" in "secrets-sprawl") is a
			// fair guess, but only when no near spelling exists; the
			// closer in length, the better.
			contains = append(contains, scored{c, abs(len(lc) - len(lname))})
		}
	}
	if len(best) == 0 {
		best = contains
	}
	// Insertion sort: lists are short and this keeps ties in input order.
	for i := 1; i < len(best); i++ {
		for j := i; j > 0 && (best[j].d < best[j-1].d || best[j].d == best[j-1].d && best[j].s < best[j-1].s); j-- {
			best[j], best[j-1] = best[j-1], best[j]
		}
	}
	out := make([]string, 0, min(n, len(best)))
	for i := 0; i < len(best) && i < n; i++ {
		out = append(out, best[i].s)
	}
	return out
}

// DidYouMean formats the nearest candidate as ` (did you mean "x"?)`, or
// returns "" when nothing is close.
func DidYouMean(name string, candidates []string) string {
	s := Suggest(name, candidates, 1)
	if len(s) == 0 {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", s[0])
}

// distance is the Levenshtein distance between a and b, giving up early
// (returning limit+1) once every path exceeds limit.
func distance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
