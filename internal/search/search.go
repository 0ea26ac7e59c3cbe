// Package search writes the site's search index, read by assets/search.js.
// Nothing here runs at query time: a search needs no server, only files a
// static host serves, every one named by its content hash (but one) so a
// CDN may cache it forever.
//
// A search downloads, in order and only as far as it needs:
//
//   - search/names.HASH.txt, on the first keystroke: every term's title,
//     slug, abbreviations and synonyms, a few bytes a term. Ranking by name
//     (exact, prefix, all words, one typo per word) runs on it alone.
//   - search/s/HASH.txt, summary shards of shardSize consecutive terms,
//     fetched for the hits on screen.
//   - search/text.txt and search/t/HASH.txt, the full-text index of the
//     bodies, sharded by the first two letters of each word, fetched only
//     when names leave the results short. text.txt is the one file without
//     a hash in its name (it is written after the pages render, when the
//     names file is already linked from them); it carries the names file's
//     hash, so the script can tell a text index from another build.
//
// # names.HASH.txt
//
// UTF-8 lines separated by "\n":
//
//	nhiglossary-search 2 SHARDSIZE [fold KEPT]
//	SHARDHASH SHARDHASH ...          (summary shard i holds terms and entries i*SHARDSIZE...)
//	TERM                             (one line per term, by title)
//	ENTRY                            (one line per incident, framework and control)
//
// On a site with several languages each has its own index, and its
// header says "fold" and the letters the language keeps (KEPT, "-" for
// none): text and queries are lower-cased, and accents are removed from
// every other letter (see i18n.Fold), before they are split into words.
//
// A TERM line is up to six fields separated by tabs, trailing empty ones
// left out: title, slug, abbreviations, synonyms, flags ("d": the term is
// deprecated, so it ranks below current terms and is marked), and the
// language of a term shown untranslated (its page is the default
// language's, and it is marked). Lists are separated by
// "|". The title is front-coded: its first character, minus '0', is how
// many bytes it shares with the previous line's title (ASCII only), and
// the rest follows. The slug is empty when it is the title lower-cased
// with every run of other characters than [a-z0-9] turned into one "-".
// In synonyms, "~" stands for the title, and a backslash escapes the
// next character ("\~" is a "~").
//
// An ENTRY line is what readers search for that is not a term: it begins
// with "-" (which no TERM line does) and the kind's letter, then tab
// separated: the name ranked as a title (an incident's title, a
// framework's name, a control's id), the page's path below the site's
// base, other names ranked as synonyms (a control's title, a
// framework's short name), "|"-separated, and, as for a term, the
// language of an incident shown untranslated (its page is the default
// language's):
//
//	-i	Toyota T-Connect access key leak	incidents/toyota-t-connect-key-leak/
//	-c	PR.AA-01	frameworks/nist-csf-2/#control-pr-aa-01	Identities and credentials...
//
// Entries number on from the terms (the first is number len(terms)), in
// names.txt, the summary shards and the full-text index alike.
//
// # s/HASH.txt
//
// One summary a line, in term order.
//
// # text.txt and t/HASH.txt
//
//	nhiglossary-text 1 NAMESHASH
//	stop WORD WORD ...               (words left out of the index)
//	KEY<TAB>SHARDHASH                (one line per shard; KEY: a word's first two letters)
//
// A shard has one line per word, sorted: the word, a tab, and the sorted
// numbers (line order in names.txt) of the terms whose title, names,
// summary or body use it. Each number is written as the gap from the one
// before, less one (the first as is), in base 32, most significant digit
// first, digits "P".."o" for all but the last, which is one of "0".."O".
// Words are the maximal runs of letters and digits, lower-cased.
package search

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/i18n"
)

// shardSize is how many terms' summaries share a shard. A shard of 32 is
// about 2 KB gzipped: the hits on screen cost a few of them.
const shardSize = 32

// File is one file of the index, its path relative to the site's root.
type File struct {
	Path string
	Data []byte
}

// Index is the search index of one site's published terms.
type Index struct {
	terms     []*content.Term // in names order
	entries   []Entry
	names     File
	summaries []File
	lang      string              // the language of a site's several, "" on a one-language site
	fold      func(string) string // what the text index does to text before splitting it into words
	stable    bool                // see NewStable
}

// StableNamesPath is the names file of an index made by NewStable.
const StableNamesPath = "search/names.0.txt"

// NewStable is NewLang for a live preview: the names file is always
// StableNamesPath and text.txt names hash "0", so pages that link to the
// index need not change when it does. search.js takes the version from
// the name and checks text.txt against it, as with a hashed index.
func NewStable(terms []*content.Term, lang string, entries ...Entry) *Index {
	ix := NewLang(terms, lang, entries...)
	ix.stable = true
	ix.names.Path = StableNamesPath
	return ix
}

// Entry kinds, as ENTRY lines write them.
const (
	KindIncident  = 'i'
	KindFramework = 'f'
	KindControl   = 'c'
)

// Entry is a page other than a term that search finds: an incident, a
// framework or a control (see render.SearchEntries).
type Entry struct {
	Kind    byte     // KindIncident, KindFramework or KindControl
	Name    string   // ranked as a title: an incident's title, a framework's name, a control's id
	Path    string   // below the site's base: "incidents/x/", "frameworks/f/#control-a"
	Summary string   // plain text shown under the name
	Names   []string // ranked as synonyms
	Text    string   // more words for the full-text index (an incident's summary)
	Lang    string   // the language of its text; marked where it is not the index's
}

// New builds the names index and the summary shards of terms, and adds
// entries (incidents, frameworks, controls) after them.
func New(terms []*content.Term, entries ...Entry) *Index { return NewLang(terms, "", entries...) }

// NewLang is New for one language of a site with several: a term in
// another language (untranslated) is marked with it, and the text index
// folds accents as lang does (i18n.Fold), as the script folds queries.
func NewLang(terms []*content.Term, lang string, entries ...Entry) *Index {
	// Titles are lower-cased once, not at every comparison of the sort.
	type keyed struct {
		lower string
		t     *content.Term
	}
	ks := make([]keyed, len(terms))
	for i, t := range terms {
		ks[i] = keyed{strings.ToLower(t.Title.Value), t}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		return cmp.Or(cmp.Compare(a.lower, b.lower), cmp.Compare(a.t.Slug.Value, b.t.Slug.Value))
	})
	ts := make([]*content.Term, len(ks))
	for i, k := range ks {
		ts[i] = k.t
	}
	ix := &Index{terms: ts, entries: entries, lang: lang, fold: func(s string) string { return s }}
	if lang != "" {
		ix.fold = func(s string) string { return i18n.Fold(lang, s) }
	}
	// Entries' summaries follow the terms' in the shards, as their
	// numbers follow the terms'.
	sums := make([]string, 0, len(ts)+len(entries))
	for _, t := range ts {
		sums = append(sums, t.Summary)
	}
	for _, e := range entries {
		sums = append(sums, e.Summary)
	}
	var hashes []string
	for i := 0; i < len(sums); i += shardSize {
		var b strings.Builder
		for _, sum := range sums[i:min(i+shardSize, len(sums))] {
			b.WriteString(oneLine(sum))
			b.WriteByte('\n')
		}
		f := hashed("search/s/", []byte(b.String()))
		ix.summaries = append(ix.summaries, f)
		hashes = append(hashes, hashOf(f.Data))
	}
	ix.names = hashed("search/names.", encodeNames(ts, entries, hashes, lang))
	return ix
}

// NamesPath is the path of the names file, which pages link to.
func (ix *Index) NamesPath() string { return ix.names.Path }

// NameFiles are the names file and the summary shards: what a search needs
// before any page has rendered.
func (ix *Index) NameFiles() []File {
	return append([]File{ix.names}, ix.summaries...)
}

// TextFiles are the full-text manifest and shards; text gives a term's
// body as plain text (see Text to build them as pages render).
func (ix *Index) TextFiles(text func(*content.Term) string) []File {
	tx := ix.NewText()
	for _, t := range ix.terms {
		tx.Add(t, text(t))
	}
	return tx.Files()
}

func encodeNames(ts []*content.Term, entries []Entry, shardHashes []string, lang string) []byte {
	var b strings.Builder
	b.Grow(len(ts)*24 + len(entries)*80)
	b.WriteString("nhiglossary-search 2 " + strconv.Itoa(shardSize))
	if lang != "" {
		b.WriteString(" fold " + cmp.Or(i18n.Kept(lang), "-"))
	}
	b.WriteString("\n")
	b.WriteString(strings.Join(shardHashes, " ") + "\n")
	prev := ""
	for _, t := range ts {
		title := field(t.Title.Value)
		n := sharedASCII(prev, title)
		prev = title
		fields := []string{string(rune('0'+n)) + title[n:], "", list(t.Abbreviations, nil), synonyms(title, t.Synonyms), "", ""}
		if t.Deprecated {
			fields[4] = "d"
		}
		fields[5] = shownIn(lang, t.Lang)
		if slugOf(title) != t.Slug.Value {
			fields[1] = t.Slug.Value
		}
		for len(fields) > 1 && fields[len(fields)-1] == "" {
			fields = fields[:len(fields)-1]
		}
		b.WriteString(strings.Join(fields, "\t"))
		b.WriteByte('\n')
	}
	for _, e := range entries {
		names := make([]string, 0, len(e.Names))
		for _, n := range e.Names {
			if n = field(n); n != "" && n != field(e.Name) {
				names = append(names, n)
			}
		}
		fields := []string{"-" + string(e.Kind), field(e.Name), field(e.Path), strings.Join(names, "|"), shownIn(lang, e.Lang)}
		for len(fields) > 1 && fields[len(fields)-1] == "" {
			fields = fields[:len(fields)-1]
		}
		b.WriteString(strings.Join(fields, "\t"))
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

// shownIn is the language a line marks: text's, when the index is one
// language's of several (lang) and the text is in another; else "".
func shownIn(lang, text string) string {
	if lang == "" || text == "" || text == lang {
		return ""
	}
	return text
}

// maxShared keeps the front-coding count one printable character.
const maxShared = 'z' - '0'

// sharedASCII is how many leading ASCII bytes a and b share: bytes, which
// the script counts as UTF-16 units, agree only for ASCII.
func sharedASCII(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && n < maxShared && a[n] == b[n] && a[n] < 0x80 {
		n++
	}
	return n
}

// synonymEscaper escapes a synonym's own "\" and "~", since "~" stands
// for the title. One for the package: a replacer builds a 6 KB table on
// first use, once made for every term.
var synonymEscaper = strings.NewReplacer(`\`, `\\`, "~", `\~`)

func synonyms(title string, ns []content.Name) string {
	return list(ns, func(s string) string {
		parts := strings.Split(s, title)
		for i, p := range parts {
			parts[i] = synonymEscaper.Replace(p)
		}
		return strings.Join(parts, "~")
	})
}

func list(ns []content.Name, enc func(string) string) string {
	parts := make([]string, 0, len(ns))
	for _, n := range ns {
		s := field(n.Value)
		if s == "" {
			continue
		}
		if enc != nil {
			s = enc(s)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "|")
}

// field makes a name safe inside a names line: one line, no tab, no "|".
func field(s string) string {
	return strings.ReplaceAll(oneLine(s), "|", "/")
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// slugOf is the slug the script derives from an ASCII title; "" when the
// title is not ASCII, so that the slug is always written out for those.
func slugOf(title string) string {
	var b strings.Builder
	dash := false
	for i := 0; i < len(title); i++ {
		c := title[i]
		switch {
		case c >= 0x80:
			return ""
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
			fallthrough
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteByte(c)
		default:
			dash = true
		}
	}
	return b.String()
}

func hashOf(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:4])
}

func hashed(prefix string, data []byte) File {
	return File{Path: prefix + hashOf(data) + ".txt", Data: data}
}
