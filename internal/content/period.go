package content

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Period is a review cycle as editors write it: "30d", "2w", "6m", "1y".
// Months and years are calendar ones, so "6m" from March 1 is September 1.
type Period struct {
	N    int
	Unit byte // 'd', 'w', 'm' or 'y'; 0 for no period
}

// IsZero reports whether no period was given.
func (p Period) IsZero() bool { return p.N == 0 }

// After is the day one period after t.
func (p Period) After(t time.Time) time.Time {
	switch p.Unit {
	case 'd':
		return t.AddDate(0, 0, p.N)
	case 'w':
		return t.AddDate(0, 0, 7*p.N)
	case 'm':
		return addMonths(t, p.N)
	case 'y':
		return addMonths(t, 12*p.N)
	}
	return t
}

// addMonths keeps the day of the month, or takes the month's last day
// when it is shorter: a month after January 31 is February 28, not
// March 3 as time.AddDate makes it.
func addMonths(t time.Time, n int) time.Time {
	first := time.Date(t.Year(), t.Month()+time.Month(n), 1, 0, 0, 0, 0, t.Location())
	last := first.AddDate(0, 1, -1).Day()
	return first.AddDate(0, 0, min(t.Day(), last)-1)
}

func (p Period) String() string {
	if p.IsZero() {
		return ""
	}
	return strconv.Itoa(p.N) + string(p.Unit)
}

// parsePeriod reads "6m", "12 m", "1y" and the like.
func parsePeriod(s string) (Period, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if len(s) < 2 {
		return Period{}, fmt.Errorf("%q is not a period: write a number and d, w, m or y, like 6m", s)
	}
	unit := s[len(s)-1]
	n, err := strconv.Atoi(strings.TrimSpace(s[:len(s)-1]))
	if !strings.ContainsRune("dwmy", rune(unit)) || err != nil || n <= 0 || n > 1000 {
		return Period{}, fmt.Errorf("%q is not a period: write a number and d (days), w (weeks), m (months) or y (years), like 6m", s)
	}
	return Period{N: n, Unit: unit}, nil
}
