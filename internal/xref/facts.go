package xref

import (
	"cmp"
	"slices"
	"strings"

	"github.com/nhimg/nhiglossary/internal/autolink"
	"github.com/nhimg/nhiglossary/internal/content"
)

// A Fact is one thing of the site model a page can show. Pages declare
// the facts they show (see render.Job); DiffLanguages says which facts differ
// between two versions of the site, so a live preview re-renders exactly
// the pages that show one of them.
//
// A site in several languages is resolved once a language
// (ResolveLanguages); each fact is about one language's view (Lang: ""
// for the default language's, the code for another's). A page in one
// language shows facts of the others too: which pages exist there (its
// hreflang alternates and language switcher, see TermLang).
type Fact struct {
	Kind FactKind
	Key  string // the slug, id or name the fact is about; "" for site-wide facts
	Lang string // the view it is about: "" for the default language's (and for Settings)
}

// FactKind says what a Fact covers.
type FactKind uint8

const (
	// Settings is the site's settings (nhiglossary.yaml) and interface
	// text (i18n/), which every page shows, in every language.
	Settings FactKind = iota + 1
	// Links is every resolved link between terms, incidents and
	// frameworks (related, backlinks, incidents, mappings) and every
	// term's and incident's tags and category: what a file that exports
	// the whole glossary shows besides the lists' cards.
	Links

	// TermList is which terms are published, in order, with the card of
	// each: what an A-Z, a sitemap or a feed shows.
	TermList
	// TermPage is everything of one term (Key: slug): its file and its
	// resolved related terms, backlinks, incidents and mappings.
	TermPage
	// TermLinks is one term's resolved related, backlinks, broader,
	// narrower, replaced-by, incidents and mappings (Key: slug).
	TermLinks
	// TermCard is what other pages show of a term (Key: slug): its slug,
	// title, other names, summary, date, author, draft state and
	// language (an untranslated term is marked and links to its original).
	TermCard
	// TermLang is whether a term has text of its own in a language's view
	// (Key: slug): whether that language has a page for it, which pages of
	// every language link to as an alternate. It changes when the term or
	// its translation comes or goes.
	TermLang
	// TermSources is one term's sources as a citation of them on another
	// page shows them (Key: slug): each one's id, place and title.
	TermSources

	IncidentList // which incidents are published, in order, with their cards
	IncidentPage // everything of one incident (Key: slug), and the terms that list it
	IncidentCard // its slug, title, date, summary, draft state and language
	IncidentLang // as TermLang, for an incident (Key: slug)

	FrameworkList // the frameworks, in order, each with its description and the count of terms mapped to it
	FrameworkPage // everything of one framework (Key: id), and the terms mapped to it
	// FrameworkCard is what a term page's mappings show of a framework
	// (Key: id): its name, abbreviation and controls; not the terms
	// mapped to it, which its page and FrameworkList show.
	FrameworkCard

	// Name is what a [[link]] or auto-link of a name resolves to and how
	// it reads (Key: the name as Lookup normalizes it; see NameFact).
	Name

	// Shared is a name several terms share (Key: its page's slug): the
	// terms that share it.
	Shared

	Tag        // Key: a spelling; the name and slug of its page
	TagMembers // Key: a tag page's name; the terms and incidents on it
	TagList    // every tag page with its slug and count
	Category   // as Tag, for categories
	CategoryMembers
	CategoryList

	// AllTerms is every term's TermPage, TermLinks and TermCard facts at
	// once: what a file that exports every term in full shows. A file
	// that declared each would be looked at for every edit of any term
	// all the same, at the cost of tens of thousands of facts.
	AllTerms
)

func TermPageFact(slug string) Fact     { return Fact{Kind: TermPage, Key: slug} }
func TermCardFact(slug string) Fact     { return Fact{Kind: TermCard, Key: slug} }
func TermLinksFact(slug string) Fact    { return Fact{Kind: TermLinks, Key: slug} }
func TermSourcesFact(slug string) Fact  { return Fact{Kind: TermSources, Key: slug} }
func IncidentPageFact(slug string) Fact { return Fact{Kind: IncidentPage, Key: slug} }
func IncidentCardFact(slug string) Fact { return Fact{Kind: IncidentCard, Key: slug} }
func FrameworkPageFact(id string) Fact  { return Fact{Kind: FrameworkPage, Key: id} }
func FrameworkCardFact(id string) Fact  { return Fact{Kind: FrameworkCard, Key: id} }

// NameFact is the fact of what a [[link]] target resolves to.
func NameFact(target string) Fact { return Fact{Kind: Name, Key: normalize(target)} }

// In is the fact about the view of language lang ("" for the default
// language's); Settings, which every language shares, stays as it is.
func (f Fact) In(lang string) Fact {
	if f.Kind != Settings {
		f.Lang = lang
	}
	return f
}

// FactLang is what Fact.Lang says for the facts of g's view: "" for the
// default language's.
func (g *Graph) FactLang() string {
	if s := g.Site; s.Lang != "" && s.Lang != s.Config.DefaultLanguage() {
		return s.Lang
	}
	return ""
}

// Compare orders facts, for stable lists.
func (f Fact) Compare(g Fact) int {
	return cmp.Or(cmp.Compare(f.Kind, g.Kind), strings.Compare(f.Lang, g.Lang), strings.Compare(f.Key, g.Key))
}

// Changes is what differs between two versions of the site model.
type Changes struct {
	// facts by kind, then view and key: a preview asks Has for every
	// fact of every page, and most kinds have not changed at all.
	facts map[FactKind]map[viewKey]bool
	n     int
	lang  string // of the view being compared, for add
	// names are the changed names of each language's view (by Fact.Lang),
	// folded as foldMentions folds text: an auto-link may now appear, go
	// or change wherever one occurs in that language's text.
	names map[string][]string
}

// viewKey is a fact's key in the view of a language (Fact.Lang).
type viewKey struct{ lang, key string }

// Has reports whether the fact differs.
func (c *Changes) Has(f Fact) bool {
	return c.facts[f.Kind][viewKey{f.Lang, f.Key}]
}

// Len is how many facts changed.
func (c *Changes) Len() int { return c.n }

// mention records a changed name of the view being compared.
func (c *Changes) mention(name string) {
	if c.names == nil {
		c.names = map[string][]string{}
	}
	c.names[c.lang] = append(c.names[c.lang], foldMentions(name))
}

// Facts is every changed fact, sorted.
func (c *Changes) Facts() []Fact {
	var out []Fact
	for kind, keys := range c.facts {
		for k := range keys {
			out = append(out, Fact{Kind: kind, Key: k.key, Lang: k.lang})
		}
	}
	slices.SortFunc(out, Fact.Compare)
	return out
}

func newChanges() *Changes { return &Changes{facts: map[FactKind]map[viewKey]bool{}} }

// add records f as a fact of the view being compared.
func (c *Changes) add(f Fact) {
	f = f.In(c.lang)
	if f.Kind == TermPage || f.Kind == TermLinks || f.Kind == TermCard {
		c.add(Fact{Kind: AllTerms})
	}
	keys := c.facts[f.Kind]
	if keys == nil {
		keys = map[viewKey]bool{}
		c.facts[f.Kind] = keys
	}
	if k := (viewKey{f.Lang, f.Key}); !keys[k] {
		keys[k] = true
		c.n++
	}
}

// foldMentions is text as names are looked for in it: its words as
// auto-linking compares them (autolink.Fold: lower case, singular,
// punctuation and hyphens left out). A name whose fold does not occur in
// the folded Markdown source of a field cannot be auto-linked in it.
func foldMentions(text string) string {
	return string(autolink.Fold(nil, text))
}

// sameTermCard compares what TermCard covers.
func sameTermCard(a, b *content.Term) bool {
	return a.Slug.Value == b.Slug.Value && a.Title.Value == b.Title.Value && a.Summary == b.Summary &&
		sameNames(a.Abbreviations, b.Abbreviations) && sameNames(a.Synonyms, b.Synonyms) &&
		a.Updated.Equal(b.Updated) && a.Author == b.Author && a.Draft == b.Draft && a.Lang == b.Lang &&
		a.Deprecated == b.Deprecated && a.ReplacedBy.Value == b.ReplacedBy.Value
}

// sameSources compares what TermSources covers.
func sameSources(a, b []content.Source) bool {
	return slices.EqualFunc(a, b, func(x, y content.Source) bool { return x.ID.Value == y.ID.Value && x.Title == y.Title })
}

func sameIncidentCard(a, b *content.Incident) bool {
	return a.Slug.Value == b.Slug.Value && a.Title.Value == b.Title.Value && a.Date.Equal(b.Date) &&
		a.Summary.Text == b.Summary.Text && a.Draft == b.Draft && a.Lang == b.Lang
}

func sameNames(a, b []content.Name) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Value != b[i].Value {
			return false
		}
	}
	return true
}
