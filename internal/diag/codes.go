package diag

import (
	"slices"
	"strings"
)

// Code is a diagnostic's stable rule id, in kebab-case: what CI filters
// on, what `warnings: {CODE: off}` names, and what docs/diagnostics.md
// explains. A code always has the same severity.
//
// To add a rule: add its constant and a line in rules, and its section in
// docs/diagnostics.md (a test holds the two lists together).
type Code string

// Content files: reading them and the shape of their fields.
const (
	NoTermsFolder       Code = "no-terms-folder"
	CannotRead          Code = "cannot-read"
	NotUTF8             Code = "not-utf8"
	FrontMatterMissing  Code = "front-matter-missing"
	FrontMatterUnclosed Code = "front-matter-unclosed"
	FrontMatterSyntax   Code = "front-matter-syntax"
	UnknownKey          Code = "unknown-key"
	DuplicateKey        Code = "duplicate-key"
	MissingKey          Code = "missing-key"
	WrongType           Code = "wrong-type"
	InvalidDate         Code = "invalid-date"
	InvalidSlug         Code = "invalid-slug"
	InvalidURL          Code = "invalid-url"
	InvalidValue        Code = "invalid-value"
	InvalidControlID    Code = "invalid-control-id"
	DuplicateControl    Code = "duplicate-control"
	InvalidSourceID     Code = "invalid-source-id"
	DuplicateSourceID   Code = "duplicate-source-id"
	LongSummary         Code = "long-summary"
	LinkInPlainText     Code = "link-in-plain-text"
	FutureDate          Code = "future-date"
	PlaceholderText     Code = "placeholder-text"
	UnreadFile          Code = "unread-file"
	UnknownWarning      Code = "unknown-warning"
	// import csv wrote a source for a citation the CSV could not carry.
	PlaceholderSource Code = "placeholder-source"
	// import csv: a row's term file would load but fail check against
	// the site (an unknown related term, a clash with a name).
	ImportFailsCheck Code = "import-fails-check"
	// A site's own template (templates/) does not parse.
	TemplateSyntax Code = "template-syntax"
)

// Markdown the editor writes (bodies, examples, descriptions).
const (
	LocalFileLink     Code = "local-file-link"
	LinkAsTarget      Code = "link-as-target"
	UnsafeLink        Code = "unsafe-link"
	RootRelativeLink  Code = "root-relative-link"
	UnclosedLink      Code = "unclosed-link"
	EmptyLink         Code = "empty-link"
	LinkTwoBars       Code = "link-two-bars"
	RawHTMLDropped    Code = "raw-html-dropped"
	PipeInTableLink   Code = "pipe-in-table-link"
	TableCellsDropped Code = "table-cells-dropped"
	FootnoteUnused    Code = "footnote-unused"
	HeadingIDChanged  Code = "heading-id-changed"
	UnknownLinkTarget Code = "unknown-link"
	UnknownCitation   Code = "unknown-citation"
	CitationInSummary Code = "citation-in-summary"
)

// Names and references between files.
const (
	DuplicateName            Code = "duplicate-name"
	RepeatedName             Code = "repeated-name"
	DuplicateSlug            Code = "duplicate-slug"
	DuplicateFramework       Code = "duplicate-framework"
	RedirectIsSlug           Code = "redirect-is-slug"
	ListedTwice              Code = "listed-twice"
	EmptyName                Code = "empty-name"
	UnknownRelated           Code = "unknown-related"
	UnknownIncident          Code = "unknown-incident"
	UnknownFramework         Code = "unknown-framework"
	UnknownControl           Code = "unknown-control"
	FrameworkWithoutControls Code = "framework-without-controls"
	AmbiguousName            Code = "ambiguous-name"
	WrongKind                Code = "wrong-kind"
	SelfRelated              Code = "self-related"
	OldSlug                  Code = "old-slug"
	DraftLink                Code = "draft-link"
	DraftLinkInPreview       Code = "draft-link-in-preview"
	OrphanTerm               Code = "orphan-term"
)

// Terminology: the hierarchy, deprecation (see also LinksDeprecated).
const (
	UnknownBroader          Code = "unknown-broader"
	BroaderCycle            Code = "broader-cycle"
	SelfReference           Code = "self-reference"
	UnknownReplacement      Code = "unknown-replacement"
	ReplacementDeprecated   Code = "replacement-deprecated"
	ReplacedByNotDeprecated Code = "replaced-by-not-deprecated"
)

// Rules other parts of the contract name; their checks live with the
// features (review cycle, deprecation, translations, base URL).
const (
	ReviewDue        Code = "review-due"
	LinksDeprecated  Code = "links-deprecated"
	TranslationStale Code = "translation-stale"
	// A translation sets a structural key, translates a file that does
	// not exist, or is in a language the site does not declare.
	TranslationStructure       Code = "translation-structure"
	TranslationWithoutOriginal Code = "translation-without-original"
	UnknownLanguage            Code = "unknown-language"
	// language: names another language than languages' first, which wins.
	LanguageIgnored Code = "language-ignored"
	NoBaseURL       Code = "no-base-url"
)

// rules is every code and its severity.
var rules = map[Code]Severity{
	NoTermsFolder:       Error,
	CannotRead:          Error,
	NotUTF8:             Error,
	FrontMatterMissing:  Error,
	FrontMatterUnclosed: Error,
	FrontMatterSyntax:   Error,
	UnknownKey:          Error,
	DuplicateKey:        Error,
	MissingKey:          Error,
	WrongType:           Error,
	InvalidDate:         Error,
	InvalidSlug:         Error,
	InvalidURL:          Error,
	InvalidValue:        Error,
	InvalidControlID:    Error,
	DuplicateControl:    Error,
	InvalidSourceID:     Error,
	DuplicateSourceID:   Error,
	LongSummary:         Warning,
	LinkInPlainText:     Warning,
	FutureDate:          Warning,
	PlaceholderText:     Error,
	UnreadFile:          Warning,
	UnknownWarning:      Warning,
	PlaceholderSource:   Warning,
	ImportFailsCheck:    Warning,
	TemplateSyntax:      Error,

	LocalFileLink:     Error,
	LinkAsTarget:      Error,
	UnsafeLink:        Warning,
	RootRelativeLink:  Error,
	UnclosedLink:      Error,
	EmptyLink:         Error,
	LinkTwoBars:       Error,
	RawHTMLDropped:    Warning,
	PipeInTableLink:   Warning,
	TableCellsDropped: Warning,
	FootnoteUnused:    Warning,
	HeadingIDChanged:  Warning,
	UnknownLinkTarget: Error,
	UnknownCitation:   Error,
	CitationInSummary: Error,

	DuplicateName:            Error,
	RepeatedName:             Warning,
	DuplicateSlug:            Error,
	DuplicateFramework:       Error,
	RedirectIsSlug:           Error,
	ListedTwice:              Warning,
	EmptyName:                Error,
	UnknownRelated:           Error,
	UnknownIncident:          Error,
	UnknownFramework:         Error,
	UnknownControl:           Error,
	FrameworkWithoutControls: Error,
	AmbiguousName:            Error,
	WrongKind:                Error,
	SelfRelated:              Error,
	OldSlug:                  Warning,
	DraftLink:                Error,
	DraftLinkInPreview:       Warning,
	OrphanTerm:               Warning,

	UnknownBroader:          Error,
	BroaderCycle:            Error,
	SelfReference:           Error,
	UnknownReplacement:      Error,
	ReplacementDeprecated:   Error,
	ReplacedByNotDeprecated: Error,

	ReviewDue:                  Warning,
	LinksDeprecated:            Warning,
	TranslationStale:           Warning,
	TranslationStructure:       Error,
	TranslationWithoutOriginal: Error,
	UnknownLanguage:            Error,
	LanguageIgnored:            Warning,
	NoBaseURL:                  Warning,
}

// Severity is the code's severity. A code missing from rules is a
// programming error; it counts as an error so that it is not lost.
func (c Code) Severity() Severity {
	if s, ok := rules[c]; ok {
		return s
	}
	return Error
}

// Known reports whether c is a code nhiglossary defines.
func (c Code) Known() bool {
	_, ok := rules[c]
	return ok
}

// Rule is a code with its severity.
type Rule struct {
	Code     Code
	Severity Severity
}

// sortedRules lists every code, sorted.
func sortedRules() []Rule {
	out := make([]Rule, 0, len(rules))
	for c, s := range rules {
		out = append(out, Rule{c, s})
	}
	sortRules(out)
	return out
}

func sortRules(rs []Rule) {
	slices.SortFunc(rs, func(a, b Rule) int { return strings.Compare(string(a.Code), string(b.Code)) })
}

// WarningCodes lists the codes that are warnings, sorted: the ones a site
// may switch off.
func WarningCodes() []string {
	var out []string
	for _, r := range sortedRules() {
		if r.Severity == Warning {
			out = append(out, string(r.Code))
		}
	}
	return out
}

// Silence drops the warnings whose code is in off. Errors stay: a site
// cannot switch off what would break its pages.
func (l List) Silence(off map[Code]bool) List {
	if len(off) == 0 {
		return l
	}
	return slices.DeleteFunc(l, func(d Diagnostic) bool {
		return d.Severity == Warning && off[d.Code]
	})
}
