package content

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/nhimg/nhiglossary/internal/diag"
	"github.com/nhimg/nhiglossary/internal/textfold"
	"github.com/nhimg/nhiglossary/internal/wikilink"
)

// decoder checks front matter against a schema, one key at a time, and
// records every problem instead of stopping at the first.
type decoder struct {
	file  string
	src   string // the whole file
	kind  fmKind // the front matter's format
	diags *diag.List
}

func (d *decoder) pos(n *yaml.Node) diag.Pos {
	return diag.Pos{File: d.file, Line: n.Line, Col: n.Column}
}

func (d *decoder) add(code diag.Code, n *yaml.Node, format string, args ...any) {
	d.diags.Add(code, d.pos(n), format, args...)
}

// plainLinks warns about each [[link]] in a plain-text value (a term's
// summary or takeaway): it is not resolved there, so the reader would see
// the brackets.
func (d *decoder) plainLinks(k, v *yaml.Node, text string) {
	if !strings.Contains(text, "[[") && !strings.Contains(text, "@") {
		return
	}
	m := d.markdown(k, v)
	for _, l := range wikilink.Scan(m.Text) {
		d.diags.Add(diag.LinkInPlainText, m.PosAt(l.Start), "%q is plain text, so [[%s]] would show with its brackets: write %q and link it from the body", k.Value, m.Text[l.Start+2:l.End-2], l.Text())
	}
	// A citation likewise: shown as written, and on other pages (cards,
	// search) away from the term's sources.
	for _, c := range wikilink.ScanCites(m.Text) {
		d.diags.Add(diag.LinkInPlainText, m.PosAt(c.Start), "%q is plain text, so %s would show as written: cite the source in the body", k.Value, m.Text[c.Start:c.End])
	}
}

// fieldsExample shows, for the sets of fields editors most often write
// as text, how to write them in YAML (the other formats' editors chose
// them, and know their syntax).
func (d *decoder) fieldsExample(what string) string {
	if d.kind != fmYAML {
		return ""
	}
	switch what {
	case `"reviewed"`:
		return ": write reviewed: {by: NAME, on: YYYY-MM-DD}"
	case "a mapping":
		return ": write - {framework: ID, control: ID, relevance: TEXT}"
	case "a definition":
		return ": write - {text: TEXT, source: {title: TITLE, url: URL}}"
	}
	return ""
}

// field is one allowed key of a mapping.
type field struct {
	name     string
	required bool
	set      func(key, val *yaml.Node)
}

// fields walks a mapping: unknown keys get a did-you-mean, duplicate keys
// and missing required keys are errors at the mapping's position (where).
func (d *decoder) fields(m *yaml.Node, where diag.Pos, what string, fs []field) {
	if m.Kind != yaml.MappingNode {
		d.add(diag.WrongType, m, "%s must be a set of key: value fields, not %s%s", what, kindName(m), d.fieldsExample(what))
		return
	}
	if len(fs) > 64 {
		panic("content: a schema has more than 64 fields")
	}
	var seen uint64    // bit i: fs[i]'s key was seen
	var guessed uint64 // bit i: an unknown key was taken for fs[i]'s
	type guess struct {
		field    int // fs's index
		key, val *yaml.Node
	}
	var guesses []guess
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		idx := slices.IndexFunc(fs, func(f field) bool { return f.name == k.Value })
		if idx < 0 {
			names := fieldNames(fs)
			if s := diag.Suggest(k.Value, names, 1); len(s) == 1 {
				if g := slices.Index(names, s[0]); guessed&(1<<g) == 0 {
					guessed |= 1 << g
					guesses = append(guesses, guess{g, k, v})
				}
			}
			d.add(diag.UnknownKey, k, "unknown key %q in %s%s", k.Value, what, diag.DidYouMean(k.Value, names))
			continue
		}
		if seen&(1<<idx) != 0 {
			d.add(diag.DuplicateKey, k, "duplicate key %q in %s: line %d has it already, and only that one is read; keep one", k.Value, what, firstKey(m, k.Value).Line)
			continue
		}
		seen |= 1 << idx
		if blank(v) {
			// Editors clear a field with "" as often as by leaving it
			// empty; both mean the field is not given.
			if fs[idx].required {
				d.add(diag.MissingKey, k, "%q is required and must not be empty", k.Value)
			}
			continue
		}
		fs[idx].set(k, v)
	}
	for i, f := range fs {
		// A misspelt required key (summery) is one mistake: the unknown
		// key's error, with its did-you-mean, says all there is.
		if f.required && seen&(1<<i) == 0 && guessed&(1<<i) == 0 {
			d.diags.Add(diag.MissingKey, where, "missing required key %q in %s", strings.Clone(f.name), what)
		}
	}
	// And a misspelt name or text field's value stands for the field's,
	// so that what other files say of it (a [[link]] to a misspelt
	// title) is no second error. (The file is in error already: nothing
	// is published.) Not fields that change what other files may do
	// (draft, slug, redirects, deprecated...): taking those on a guess
	// would blame the others.
	for _, g := range guesses {
		if seen&(1<<g.field) == 0 && !blank(g.val) && adoptable[fs[g.field].name] {
			var none diag.List
			diags := d.diags
			d.diags = &none // a second problem of the value is not this mistake's
			fs[g.field].set(g.key, g.val)
			d.diags = diags
		}
	}
}

// adoptable are the fields a misspelt key's value may stand for.
var adoptable = map[string]bool{"title": true, "summary": true, "updated": true, "synonyms": true, "abbreviations": true, "source_updated": true}

// blank reports whether v is null or text of only spaces.
func blank(v *yaml.Node) bool {
	return v.Kind == yaml.ScalarNode && (v.Tag == "!!null" || strings.TrimSpace(v.Value) == "")
}

// fieldNames copies the names out of fs, as the missing-key error does:
// when nothing in fs escapes, the callers' closures stay on the stack.
func fieldNames(fs []field) []string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = strings.Clone(f.name)
	}
	return names
}

// firstKey is mapping m's first key named name, which m has.
func firstKey(m *yaml.Node, name string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == name {
			return m.Content[i]
		}
	}
	return m
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a set of fields"
	case yaml.SequenceNode:
		return "a list"
	}
	switch n.Tag {
	case "!!int", "!!float":
		return "a number"
	case "!!bool":
		return "true/false"
	case "!!null":
		return "empty"
	case "!!timestamp":
		return "a date"
	}
	return "text"
}

// str accepts any scalar as text (YAML reads `version: 2025` as a number,
// which an editor means as text) but refuses lists and mappings.
func (d *decoder) str(key, v *yaml.Node) (string, bool) {
	if v.Kind != yaml.ScalarNode {
		hint := ""
		if v.Kind == yaml.SequenceNode && len(v.Content) == 1 && v.Content[0].Kind == yaml.ScalarNode {
			hint = fmt.Sprintf(": write %s: %s", key.Value, YAMLValue(v.Content[0].Value))
		}
		d.add(diag.WrongType, v, "%q must be text, not %s%s", key.Value, kindName(v), hint)
		return "", false
	}
	return v.Value, true
}

// text is a single string, trimmed; fields has already refused a blank
// one where it is required.
func (d *decoder) text(key, v *yaml.Node) string {
	s, _ := d.str(key, v)
	return strings.TrimSpace(s)
}

// name is like text but keeps the value's position.
func (d *decoder) name(key, v *yaml.Node) Name {
	return Name{Value: d.text(key, v), Pos: d.valuePos(v)}
}

// valuePos is where the characters of a scalar start (after a quote).
func (d *decoder) valuePos(v *yaml.Node) diag.Pos {
	p := d.pos(v)
	switch v.Style {
	case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
		p.Col++
	case tomlMultiline | yaml.DoubleQuotedStyle, tomlMultiline | yaml.SingleQuotedStyle:
		p.Col += 3
	}
	return p
}

func (d *decoder) list(key, v *yaml.Node) []*yaml.Node {
	if v.Kind != yaml.SequenceNode {
		hint := ""
		if v.Kind == yaml.ScalarNode {
			hint = fmt.Sprintf(": write [%s]", v.Value)
		}
		d.add(diag.WrongType, v, "%q must be a list, not %s%s", key.Value, kindName(v), hint)
		return nil
	}
	return v.Content
}

func (d *decoder) names(key, v *yaml.Node) []Name {
	l := d.list(key, v)
	var out []Name
	if len(l) > 0 {
		out = make([]Name, 0, len(l))
	}
	for _, e := range l {
		if e.Kind != yaml.ScalarNode || e.Tag == "!!null" {
			d.add(diag.WrongType, e, "each item of %q must be text, not %s", key.Value, kindName(e))
			continue
		}
		out = append(out, Name{Value: strings.TrimSpace(e.Value), Pos: d.valuePos(e)})
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// nameList is names, but also takes one name written without brackets
// ("broader: secret"), as editors of a single parent write it.
func (d *decoder) nameList(key, v *yaml.Node) []Name {
	if v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
		return []Name{d.name(key, v)}
	}
	return d.names(key, v)
}

func (d *decoder) period(key, v *yaml.Node) Period {
	s, ok := d.str(key, v)
	if !ok {
		return Period{}
	}
	p, err := parsePeriod(s)
	if err != nil {
		d.add(diag.InvalidValue, v, "%q: %v", key.Value, err)
	}
	return p
}

func (d *decoder) strings(key, v *yaml.Node) []string {
	names := d.names(key, v)
	var out []string
	if len(names) > 0 {
		out = make([]string, 0, len(names))
	}
	for _, n := range names {
		out = append(out, n.Value)
	}
	return out
}

func (d *decoder) boolean(key, v *yaml.Node) bool {
	if v.Kind != yaml.ScalarNode || v.Tag != "!!bool" {
		d.add(diag.WrongType, v, "%q must be true or false, not %s", key.Value, kindName(v))
		return false
	}
	return v.Value == "true" || v.Value == "True" || v.Value == "TRUE"
}

var dateRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// The two ways a date can be wrong, which call for different fixes.
var (
	ErrNotRealDate = errors.New("is not a real date")               // 2026-02-30
	ErrDateFormat  = errors.New("is not a date written YYYY-MM-DD") // 3/1/2026
)

// ParseDate reads a date written YYYY-MM-DD, as every date a site's files
// and the command line give is.
func ParseDate(s string) (time.Time, error) {
	if !dateRE.MatchString(s) {
		return time.Time{}, ErrDateFormat
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, ErrNotRealDate
	}
	return t, nil
}

func (d *decoder) date(key, v *yaml.Node) time.Time {
	t, err := ParseDate(v.Value)
	switch {
	case v.Kind != yaml.ScalarNode || err == ErrDateFormat:
		d.add(diag.InvalidDate, v, "%q must be a date written YYYY-MM-DD, not %q", key.Value, v.Value)
	case err != nil:
		d.add(diag.InvalidDate, v, "%q: %q is not a real date", key.Value, v.Value)
	}
	if v.Kind != yaml.ScalarNode {
		return time.Time{}
	}
	return t
}

// markdown keeps a Markdown value's position, and the source to find its
// characters in, for [[link]] diagnostics.
func (d *decoder) markdown(key, v *yaml.Node) Markdown {
	s, _ := d.str(key, v)
	m := Markdown{Text: s, Pos: d.valuePos(v), src: d.src}
	switch {
	case v.Style&yaml.DoubleQuotedStyle != 0:
		m.esc = escBackslash
	case v.Style == yaml.SingleQuotedStyle && d.kind == fmYAML:
		m.esc = escQuotes // TOML's literal strings have no escapes
	case v.Style == 0 && d.kind == fmTOML:
		m.esc = escUnplaced // parseTOML placed it at its key
	}
	if v.Style == yaml.LiteralStyle || v.Style == yaml.FoldedStyle {
		// The text starts on the line after the | or >, indented as its
		// first line is.
		m.Pos.Line++
		m.Indent = 0
		if l, ok := nthLine(d.src, m.Pos.Line-1); ok {
			m.Indent = len(l) - len(strings.TrimLeft(l, " "))
		}
		m.Pos.Col = m.Indent + 1
	}
	return m
}

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// ValidSlug reports whether s is a slug: lower-case words joined by hyphens.
func ValidSlug(s string) bool { return slugRE.MatchString(s) }

func (d *decoder) slug(key, v *yaml.Node) Name {
	n := d.name(key, v)
	if n.Value != "" && !ValidSlug(n.Value) {
		d.add(diag.InvalidSlug, v, "%q: %q is not a slug: use lower-case letters, digits and single hyphens, like %q", key.Value, n.Value, Slugify(n.Value))
	}
	return n
}

// ValidControlID reports whether a control's id can be written in a
// [[FRAMEWORK/CONTROL]] link and a mapping.
func ValidControlID(id string) bool { return !strings.ContainsAny(id, "/|[] \t") }

var sourceIDRE = regexp.MustCompile(`^[a-z0-9-]+$`)

// sourceID is a source's id, which [@id] cites. Digits are an id too
// ("2024"): [@2024] cites the source with that id before any by position.
// An id that is not one stands for the id the error suggests, which the
// entry's citations may well name already: one mistake, one error.
func (d *decoder) sourceID(key, v *yaml.Node) Name {
	n := d.name(key, v)
	if n.Value != "" && !sourceIDRE.MatchString(n.Value) {
		fix := Slugify(n.Value)
		d.diags.Add(diag.InvalidSourceID, n.Pos, "%q: %q is not a source id: use lower-case letters, digits and hyphens, like %q", key.Value, n.Value, fix)
		n.Value = fix
	}
	return n
}

func (d *decoder) url(key, v *yaml.Node) string {
	s := d.text(key, v)
	if s == "" {
		return s
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		d.add(diag.InvalidURL, v, "%q: %q is not an http or https URL", key.Value, s)
		return ""
	}
	return s
}

func (d *decoder) source(v *yaml.Node, what string) Source {
	s := Source{Pos: d.pos(v)}
	d.fields(v, d.pos(v), what, []field{
		{"id", false, func(k, v *yaml.Node) { s.ID = d.sourceID(k, v) }},
		{"title", true, func(k, v *yaml.Node) { s.Title = d.text(k, v) }},
		{"publisher", false, func(k, v *yaml.Node) { s.Publisher = d.text(k, v) }},
		{"url", false, func(k, v *yaml.Node) { s.URL = d.url(k, v) }},
		{"date", false, func(k, v *yaml.Node) { s.Date = d.date(k, v) }},
	})
	return s
}

func (d *decoder) sources(key, v *yaml.Node) []Source {
	l := d.list(key, v)
	var out []Source
	if len(l) > 0 {
		out = make([]Source, 0, len(l))
	}
	seen := map[string]bool{}
	for _, e := range l {
		s := d.source(e, "a source")
		if s.ID.Value != "" && seen[s.ID.Value] {
			d.diags.Add(diag.DuplicateSourceID, s.ID.Pos, "source id %q is used twice in %q: ids must be unique within an entry", s.ID.Value, key.Value)
		}
		seen[s.ID.Value] = true
		out = append(out, s)
	}
	return out
}

// Slugify turns a title into a slug: "Mutual TLS (mTLS)" -> "mutual-tls-mtls",
// "Clé d'API" -> "cle-d-api".
func Slugify(title string) string { return slugify(title, false) }

// TitleSlug is the slug a new entry's file takes from its title: as
// Slugify, with the symbols that tell names apart spelled as tags spell
// them ("C++ Token" -> "c-plus-plus-token", not "C# Token"'s "c-token").
func TitleSlug(title string) string { return slugify(title, true) }

func slugify(title string, spell bool) string {
	var b strings.Builder
	dash := false
	word := func(s string) {
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		b.WriteString(s)
	}
	for _, r := range textfold.String(title) { // lower case, accents folded
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			word(string(r))
		} else if w, ok := SpelledSymbol(r); ok && spell {
			dash = true
			word(w)
			dash = true
		} else {
			dash = true
		}
	}
	return b.String()
}

// SpelledSymbol is the word a symbol that tells names apart is spelled
// as in a slug ("C++" and "C#" are different tags).
func SpelledSymbol(r rune) (string, bool) {
	switch r {
	case '+':
		return "plus", true
	case '#':
		return "sharp", true
	case '&':
		return "and", true
	case '@':
		return "at", true
	}
	return "", false
}

func parseURL(s string) (string, error) {
	if strings.HasPrefix(s, "/") {
		if strings.Contains(s, "//") || strings.ContainsAny(s, "?#") {
			return "", fmt.Errorf("%q is not a clean path", s)
		}
		return s, nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("%q is not an absolute http(s) URL or a path starting with /", s)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("%q must not have a query or fragment", s)
	}
	return s, nil
}

// nthLine is line i (from 0) of src, as strings.Split(src, "\n")[i] would
// be, without splitting the whole file.
func nthLine(src string, i int) (string, bool) {
	if i < 0 {
		return "", false
	}
	for ; i > 0; i-- {
		j := strings.IndexByte(src, '\n')
		if j < 0 {
			return "", false
		}
		src = src[j+1:]
	}
	if j := strings.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	return src, true
}
