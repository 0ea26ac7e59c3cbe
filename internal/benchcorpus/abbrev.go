package benchcorpus

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

var (
	titleLine = regexp.MustCompile(`(?m)^title: "(.*)"$`)
	wordSep   = regexp.MustCompile(`[\s-]+`)
)

// addAbbreviations gives up to n terms, spread over the A-Z order, an
// abbreviation: the initials of their title and an X ("AZSPX"), which no
// other name in the corpus is. The corpus has none otherwise, and the
// search benchmark needs some to look up. It returns what it added.
func addAbbreviations(dir string, n int) ([]string, error) {
	termsDir := filepath.Join(dir, "content", "terms")
	entries, err := os.ReadDir(termsDir) // sorted by name
	if err != nil {
		return nil, err
	}
	step := len(entries) / 3
	if n <= 0 || step == 0 {
		return nil, nil
	}
	var added []string
	for i := len(entries) / 7; i < len(entries) && len(added) < n; i += step {
		p := filepath.Join(termsDir, entries[i].Name())
		b, err := os.ReadFile(p)
		if err != nil {
			return added, err
		}
		m := titleLine.FindSubmatch(b)
		if m == nil {
			return added, fmt.Errorf("%s: no title line", p)
		}
		var abbr strings.Builder
		for _, w := range wordSep.Split(string(m[1]), -1) {
			if w != "" {
				abbr.WriteString(strings.ToUpper(w[:1]))
			}
		}
		abbr.WriteString("X")
		s := strings.Replace(string(b), "\ntitle: ", "\nabbreviations: ["+abbr.String()+"]\ntitle: ", 1)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			return added, err
		}
		added = append(added, fmt.Sprintf("%s for %s", abbr.String(), m[1]))
	}
	return added, nil
}
