package render

import (
	"bytes"
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/textfold"
)

// taxonomy is tags or categories: page names in order, what carries
// each, and their slugs.
type taxonomy struct {
	dir       string   // "tags/" or "categories/"
	names     []string // a page's name is the first spelling met, in term order
	terms     map[string][]*content.Term
	incidents map[string][]*content.Incident
	page      map[string]string // every spelling -> its page's name
	byKey     map[string]string // sameTaxonomy key -> page name
	slug      map[string]string // page name -> URL segment
}

func newTaxonomy(dir string) taxonomy {
	return taxonomy{dir: dir, terms: map[string][]*content.Term{}, incidents: map[string][]*content.Incident{},
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
func (tx *taxonomy) canon(name string) string {
	if n, ok := tx.page[name]; ok {
		return n
	}
	key := sameTaxonomy(name)
	n, ok := tx.byKey[key]
	if !ok {
		n = name
		tx.byKey[key] = name
		tx.names = append(tx.names, name)
	}
	tx.page[name] = n
	return n
}

// assignSlugs gives every page its URL segment: its TaxonomySlug, unless
// another page's name slugs alike ("C#" and "c#", "CI/CD" and "CI-CD").
// Then the name first in byte order keeps the slug and the others get
// -1, -2... skipping slugs another name has: the outcome depends on the
// set of names alone, never on the order terms come in.
func (tx *taxonomy) assignSlugs() {
	tx.slug = make(map[string]string, len(tx.names))
	bySlug := make(map[string][]string, len(tx.names))
	for _, n := range tx.names {
		s := TaxonomySlug(n)
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

// MovedTaxonomyPages lists the pages whose tag or category links differ
// from prev's because a name's slug moved: a name that slugs like another
// gets a suffix, so its URL changes when that other name comes or goes.
// They are the moved pages themselves and the term and incident pages
// that list them.
func (r *Renderer) MovedTaxonomyPages(prev *Renderer) []string {
	var out []string
	for _, pair := range [][2]*taxonomy{{&r.tags, &prev.tags}, {&r.cats, &prev.cats}} {
		tx, was := pair[0], pair[1]
		for name, slug := range tx.slug {
			if old, ok := was.slug[name]; !ok || old == slug {
				continue
			}
			out = append(out, tx.dir+slug+"/index.html")
			for _, t := range tx.terms[name] {
				out = append(out, "terms/"+t.Slug.Value+"/index.html")
			}
			for _, inc := range tx.incidents[name] {
				out = append(out, "incidents/"+inc.Slug.Value+"/index.html")
			}
		}
	}
	return out
}

func (tx *taxonomy) path(name string) string {
	page, ok := tx.page[name]
	if !ok {
		return ""
	}
	return tx.dir + tx.slug[page] + "/index.html"
}

// url is the link to the page of a tag or category, by any spelling.
func (tx *taxonomy) url(u urls, name string) string {
	return u.Taxonomy(tx.dir, tx.slug[tx.page[name]])
}

func (r *Renderer) taxonomies() (tags, cats taxonomy) {
	tags, cats = newTaxonomy("tags/"), newTaxonomy("categories/")
	for _, t := range r.g.Terms {
		for _, tag := range t.Tags {
			n := tags.canon(tag)
			// Terms come in order: a repeat can only be this term's own,
			// from two spellings of one tag.
			if l := tags.terms[n]; len(l) == 0 || l[len(l)-1] != t {
				tags.terms[n] = append(l, t)
			}
		}
		if t.Category != "" {
			n := cats.canon(t.Category)
			cats.terms[n] = append(cats.terms[n], t)
		}
	}
	for _, inc := range r.g.Incidents {
		for _, tag := range inc.Tags {
			n := tags.canon(tag)
			if l := tags.incidents[n]; len(l) == 0 || l[len(l)-1] != inc {
				tags.incidents[n] = append(l, inc)
			}
		}
	}
	// Folded, so that "Émigré" sorts among the Es; ties (other spellings
	// that fold alike) in byte order, for a fixed order.
	byName := func(a, b string) int {
		return cmp.Or(cmp.Compare(textfold.String(a), textfold.String(b)), cmp.Compare(a, b))
	}
	slices.SortFunc(tags.names, byName)
	slices.SortFunc(cats.names, byName)
	tags.assignSlugs()
	cats.assignSlugs()
	return tags, cats
}

func (r *Renderer) taxonomyIndex(w *bytes.Buffer, title, url string, tx *taxonomy) error {
	p := TaxonomyIndex{Layout: r.layout("taxonomies", title, url, "", Link{r.text.T("home"), r.u.Home()})}
	for _, n := range tx.names {
		p.Entries = append(p.Entries, TaxonomyEntry{Link{n, tx.url(r.u, n)}, len(tx.terms[n]) + len(tx.incidents[n])})
	}
	return r.tmpl.execute(w, "taxonomies", p)
}

func (r *Renderer) taxonomyPage(w *bytes.Buffer, kind, name, parent string, tx *taxonomy) error {
	url := tx.url(r.u, name)
	title, plural := r.text.Tf("title_tag", name), r.text.T("tags")
	if kind == "Category" {
		title, plural = r.text.Tf("title_category", name), r.text.T("categories")
	}
	p := TaxonomyPage{
		Layout: r.layout("taxonomy", title, url, "", Link{r.text.T("home"), r.u.Home()}, Link{plural, parent}),
		Name:   name,
		Terms:  r.termRefs(tx.terms[name]),
	}
	for _, inc := range tx.incidents[name] {
		p.Incidents = append(p.Incidents, r.incidentRef(inc))
	}
	return r.tmpl.execute(w, "taxonomy", p)
}
