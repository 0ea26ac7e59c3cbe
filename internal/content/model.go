// Package content owns the site's source model: the settings, terms,
// frameworks and incidents an editorial team writes, loaded from an fs.FS
// with a position for every value a later stage may complain about.
//
// Loading validates each file on its own (schema, types, dates, slugs);
// everything that needs the whole site (names resolving, duplicates,
// backlinks) belongs to package xref.
package content

import (
	"time"

	"github.com/nhimg/nhiglossary/internal/diag"
)

// Config is nhiglossary.yaml.
type Config struct {
	Title         string
	BaseURL       string // always ends in "/"
	Description   string
	Language      string     // the default language's code
	Languages     []Language // every language, the default first; never empty after Load
	Publisher     string
	DefaultAuthor string
	Autolink      string // "first", "all" or "off"
	UnsafeHTML    bool
	ReviewEvery   Period // zero: terms are not due for review unless they say so
	ReviewPos     diag.Pos
	// WarningsOff are the warnings the site switched off by code
	// (`warnings: {orphan-term: off}`).
	WarningsOff map[diag.Code]bool
	// FromFile: the site has nhiglossary.yaml (without one, these are
	// DefaultConfig's).
	FromFile bool
}

// DefaultConfig is what a site without nhiglossary.yaml gets.
func DefaultConfig() Config {
	return Config{
		Title:    "Glossary",
		BaseURL:  "/",
		Language: "en",
		Autolink: "first",
	}
}

// Language is one entry of the site's languages.
type Language struct {
	Code string // a BCP 47 tag: "en", "de", "pt-BR"
	Name string // in the language itself: "Deutsch"
	Pos  diag.Pos
}

// Site is everything loaded from one site folder. Slices are sorted by
// slug (terms, incidents) or id (frameworks) so that every later stage is
// deterministic without sorting again.
type Site struct {
	Config     Config
	Lang       string // the language of this view (see Localize): the default after Load
	Terms      []*Term
	Frameworks []*Framework
	Incidents  []*Incident
	// Unread are the slugs (from their file names) of the term and
	// incident files that could not be read at all, their error already
	// reported, and what could be read of such a term's title, synonyms
	// and abbreviations: they still own the names, so links to them are
	// not a second error.
	Unread []Name
	// UnreadFrameworks are the ids of the framework files that could not
	// be read, which mappings and links to them may still name.
	UnreadFrameworks []Name

	// Translations of terms and incidents into the other languages,
	// sorted by slug then language; each has Lang and Original set. See
	// Localize for a language's view of the site.
	TermTranslations     []*Term
	IncidentTranslations []*Incident
	// Interface holds the site's own interface text (i18n/CODE.yaml),
	// by language code, then key.
	Interface map[string]map[string]string
}

// Name is a string an editor wrote, with where they wrote it.
type Name struct {
	Value string
	Pos   diag.Pos
}

// Markdown is a Markdown source with the position of its first byte. Lines
// of Text map to consecutive lines of the file from Pos.Line on, each
// starting at column Indent+1: exactly so for bodies and literal blocks.
// A front-matter value keeps the file's source too, so that PosAt finds
// its characters however they were folded or escaped.
type Markdown struct {
	Text   string
	Pos    diag.Pos
	Indent int

	src string  // the whole file, when Text was decoded from a scalar at Pos
	esc escapes // how that scalar writes escapes
}

// PosAt maps a byte offset within Text to a file position. Columns count
// characters, as YAML's do.
func (m Markdown) PosAt(off int) diag.Pos {
	p := m.Pos
	if p.Line == 0 {
		return p
	}
	if m.src != "" {
		if q, ok := m.alignedPos(off); ok {
			return q
		}
		return p // better the value's start than a wrong place
	}
	line, col := 0, 1
	for i := 0; i < off && i < len(m.Text); i++ {
		switch c := m.Text[i]; {
		case c == '\n':
			line++
			col = 1
		case c&0xC0 != 0x80: // not a UTF-8 continuation byte
			col++
		}
	}
	if line == 0 {
		p.Col += col - 1
		return p
	}
	p.Line += line
	p.Col = col + m.Indent
	return p
}

// Source is a citation.
type Source struct {
	ID        Name // optional; what [@id] cites
	Title     string
	Publisher string
	URL       string
	Date      time.Time // zero when not given
	Pos       diag.Pos
}

// Mapping ties a term to a framework, or to one control of it.
type Mapping struct {
	Framework Name
	Control   Name // Value "" for a framework-level mapping
	Relevance Markdown
	Pos       diag.Pos
}

// Review is the editorial note.
type Review struct {
	By  string
	On  time.Time
	Pos diag.Pos // of the date (else the "reviewed" key), where a review-due warning points
}

// Definition is how another body defines the term, quoted.
type Definition struct {
	Text    string
	Source  Source
	Context string // where the definition applies; "" when not given
}

// Term is one content/terms/*.md file.
type Term struct {
	File string // relative to the site, e.g. content/terms/api-key.md
	Lang string // the language the text is in
	// On a translation, and on a term Localize merged with one: the
	// default language's term, and the source_updated it was translated
	// from. Nil and zero on an original.
	Original         *Term
	SourceUpdated    time.Time
	SourceUpdatedPos diag.Pos

	Slug          Name
	Title         Name
	Summary       string
	SummaryPos    diag.Pos
	Abbreviations []Name
	Synonyms      []Name
	Redirects     []Name
	Category      string
	Tags          []string
	Related       []Name
	Broader       []Name // wider terms, as written; narrower is their inverse
	Examples      []Markdown
	Incidents     []Name
	Mappings      []Mapping
	Takeaway      string
	Sources       []Source
	Author        string // the site's default author when not given
	Updated       time.Time
	UpdatedPos    diag.Pos
	Reviewed      *Review
	Draft         bool
	Autolink      bool // default true
	Deprecated    bool
	ReplacedBy    Name   // with Deprecated: the term to use instead
	ReviewEvery   Period // zero: the site's review_every
	Definitions   []Definition
	Body          Markdown
}

// LastReviewed is when an editor last vouched for the term: its review
// date, else its updated date.
func (t *Term) LastReviewed() (time.Time, diag.Pos) {
	if t.Reviewed != nil && !t.Reviewed.On.IsZero() {
		return t.Reviewed.On, t.Reviewed.Pos
	}
	return t.Updated, t.UpdatedPos
}

// Control is one entry of a framework's controls list.
type Control struct {
	ID          Name
	Title       string
	URL         string
	Description Markdown
}

// Framework is one content/frameworks/*.yaml file; its ID is the file name.
type Framework struct {
	File        string
	ID          string
	Name        string
	Short       string // Name when not given
	Version     string
	URL         string
	Description Markdown
	Controls    []*Control
}

// Incident is one content/incidents/*.md file.
type Incident struct {
	File string
	Lang string // the language the text is in
	// As on Term: set on translations and localized incidents.
	Original         *Incident
	SourceUpdated    time.Time
	SourceUpdatedPos diag.Pos

	Slug    Name
	Title   Name
	Date    time.Time
	Summary Markdown
	Sources []Source
	Tags    []string
	Draft   bool
	Body    Markdown
}
