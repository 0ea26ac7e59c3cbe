package xref

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/textfold"
)

// Taxonomy is the site's tags, or its categories: one page per name, what
// carries each, and the URL segment (slug) of each page. Spellings that
// differ in case or spacing only ("Secrets", "secrets") share a page,
// named by the first spelling met in term order.
type Taxonomy struct {
	Pages     []string                       // page names, sorted by folded name
	Terms     map[string][]*content.Term     // by page name, in term order
	Incidents map[string][]*content.Incident // by page name, in incident order
	page      map[string]string              // every spelling -> its page's name
	byKey     map[string]string              // sameTaxonomy key -> page name
	slug      map[string]string              // page name -> URL segment
}

// Page is the name of the page a spelling is listed on.
func (tx *Taxonomy) Page(spelling string) (string, bool) {
	p, ok := tx.page[spelling]
	return p, ok
}

// Slug is the URL segment of a page, by its name or any spelling.
func (tx *Taxonomy) Slug(spelling string) string { return tx.slug[tx.page[spelling]] }

func newTaxonomy() *Taxonomy {
	return &Taxonomy{Terms: map[string][]*content.Term{}, Incidents: map[string][]*content.Incident{},
		page: map[string]string{}, byKey: map[string]string{}}
}

// sameTaxonomy is what two spellings of one tag share: they differ in
// case or spacing only ("Secrets", "secrets", "machine  identity"). Names
// that differ in anything else are other tags, even where their slugs
// agree ("C", "C#", "ç").
func sameTaxonomy(name string) string {
	return strings.ToLower(strings.Join(strings.Fields(name), " "))
}

// canon is the name of the page that the spelling name belongs to.
func (tx *Taxonomy) canon(name string) string {
	if n, ok := tx.page[name]; ok {
		return n
	}
	key := sameTaxonomy(name)
	n, ok := tx.byKey[key]
	if !ok {
		n = name
		tx.byKey[key] = name
		tx.Pages = append(tx.Pages, name)
	}
	tx.page[name] = n
	return n
}

// assignSlugs gives every page its URL segment: its taxonomySlug, unless
// another page's name slugs alike ("C#" and "c#", "CI/CD" and "CI-CD").
// Then the name first in byte order keeps the slug and the others get
// -1, -2... skipping slugs another name has: the outcome depends on the
// set of names alone, never on the order terms come in.
func (tx *Taxonomy) assignSlugs() {
	tx.slug = make(map[string]string, len(tx.Pages))
	bySlug := make(map[string][]string, len(tx.Pages))
	for _, n := range tx.Pages {
		s := taxonomySlug(n)
		bySlug[s] = append(bySlug[s], n)
	}
	var clashes []string
	for s, ns := range bySlug {
		tx.slug[ns[0]] = s
		if len(ns) > 1 {
			clashes = append(clashes, s)
		}
	}
	slices.Sort(clashes)
	taken := func(s string) bool { _, ok := bySlug[s]; return ok }
	for _, s := range clashes {
		ns := bySlug[s]
		slices.SortFunc(ns, func(a, b string) int { return cmp.Or(cmp.Compare(sameTaxonomy(a), sameTaxonomy(b)), cmp.Compare(a, b)) })
		tx.slug[ns[0]] = s
		n := 0
		for _, name := range ns[1:] {
			var alt string
			for n++; ; n++ {
				if alt = s + "-" + strconv.Itoa(n); !taken(alt) {
					break
				}
			}
			tx.slug[name] = alt
			bySlug[alt] = []string{name}
		}
	}
}

// taxonomies builds the tags and categories of the published terms and
// incidents.
func taxonomies(terms []*content.Term, incidents []*content.Incident) (tags, cats *Taxonomy) {
	tags, cats = newTaxonomy(), newTaxonomy()
	for _, t := range terms {
		for _, tag := range t.Tags {
			n := tags.canon(tag)
			// Terms come in order: a repeat can only be this term's own,
			// from two spellings of one tag.
			if l := tags.Terms[n]; len(l) == 0 || l[len(l)-1] != t {
				tags.Terms[n] = append(l, t)
			}
		}
		if t.Category != "" {
			n := cats.canon(t.Category)
			cats.Terms[n] = append(cats.Terms[n], t)
		}
	}
	for _, inc := range incidents {
		for _, tag := range inc.Tags {
			n := tags.canon(tag)
			if l := tags.Incidents[n]; len(l) == 0 || l[len(l)-1] != inc {
				tags.Incidents[n] = append(l, inc)
			}
		}
	}
	// Folded, so that "Émigré" sorts among the Es; ties (other spellings
	// that fold alike) in byte order, for a fixed order.
	byName := func(a, b string) int {
		return cmp.Or(cmp.Compare(textfold.String(a), textfold.String(b)), cmp.Compare(a, b))
	}
	slices.SortFunc(tags.Pages, byName)
	slices.SortFunc(cats.Pages, byName)
	tags.assignSlugs()
	cats.assignSlugs()
	return tags, cats
}

// taxonomySlug is the URL segment a tag or category has when no other
// name of the site claims it (see Taxonomy.assignSlugs).
//
// Accents fold to ASCII ("Ünïcode" -> "unicode"); letters of scripts
// without an ASCII fold stay, lower-cased ("秘密"): a browser
// percent-encodes them, which reads better than a shared "other" page.
// The symbols that tell tags apart are spelled out ("C++" -> "c-plus-plus",
// "C#" -> "c-sharp", "R&D" -> "r-and-d"), so the slug is a function of
// the name alone and the same on every page and in every live rebuild;
// other punctuation separates words. A name with no letter or digit is
// "other".
func taxonomySlug(name string) string {
	var b strings.Builder
	dash := false
	word := func(s string) {
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		b.WriteString(s)
	}
	spelled := func(s string) { // a word of its own
		dash = true
		word(s)
		dash = true
	}
	for _, r := range textfold.String(name) { // lower case, accents folded
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			word(string(r))
		case r < 0x80:
			if w, ok := content.SpelledSymbol(r); ok {
				spelled(w)
				continue
			}
			dash = true
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			word(string(r))
		default:
			dash = true
		}
	}
	if b.Len() == 0 {
		return "other"
	}
	return b.String()
}
