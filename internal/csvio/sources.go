package csvio

import (
	"fmt"

	"github.com/nhimg/nhiglossary/internal/wikilink"
)

// placeholder is a source a row's term file gets for a citation in its
// body. The CSV has no column for sources, so a body exported with
// [@key] citations would not load without them; import writes these for
// the editor to complete.
type placeholder struct{ id, title string }

// maxNumbered is the most sources a number cited makes: past it a
// number is an id ("[@2026]" is a year, not 2,026 sources).
const maxNumbered = 50

// placeholders are the sources the citations of body need: one for each
// id cited, titled with the id, then untitled ones numbered up to the
// highest number cited ("[@3]" needs three sources), up to maxNumbered:
// past that a number is an id, as a source's id may be digits. cited
// is every key, in the order the body first cites it.
func placeholders(body string) (ps []placeholder, cited []string) {
	seen := map[string]bool{}
	last := 0 // the highest source number cited
	for _, c := range wikilink.ScanCites(body) {
		for _, k := range c.Keys {
			if seen[k] {
				continue
			}
			seen[k] = true
			cited = append(cited, k)
			if n, ok := wikilink.ByPosition(k); ok && n <= maxNumbered {
				last = max(last, n)
				continue
			} // else an id, digits too ("[@2024]")
			ps = append(ps, placeholder{id: k, title: k})
		}
	}
	for len(ps) < last {
		ps = append(ps, placeholder{title: fmt.Sprintf("Source %d", len(ps)+1)})
	}
	return ps, cited
}
