package wikilink

import (
	"slices"
	"strconv"
	"strings"
)

// Cite is one citation in a text, Pandoc's way: [@gg-2026], [@2] (the
// second source), several at once, [@gg-2026; @3], each with a locator
// after a comma if need be, [@gg-2026, p. 4], and words before its key,
// [see @gg-2026]. Pandoc's "-@key" (the author left out) is the key.
type Cite struct {
	Start, End int      // byte offsets of "[" and just past "]"
	Keys       []string // without the "@", in the order written; never empty
	// Each key's locator ("p. 4"), trimmed; nil when no key has one.
	Locators []string
	// Each key's prefix ("see"), trimmed; nil when no key has one.
	Prefixes []string
}

// Locator is key i's locator, or "".
func (c Cite) Locator(i int) string {
	if i < len(c.Locators) {
		return c.Locators[i]
	}
	return ""
}

// Prefix is the words before key i, or "".
func (c Cite) Prefix(i int) string {
	if i < len(c.Prefixes) {
		return c.Prefixes[i]
	}
	return ""
}

// ParseCite reads one citation at the start of b.
func ParseCite(b []byte) (Cite, bool) { return parseCite(b) }

func parseCite[T string | []byte](b T) (Cite, bool) {
	c, ok := citeBody(b)
	if !ok {
		return Cite{}, false
	}
	// "[@nhimg](https://...)" and "[@nhimg][ref]" are links whose text
	// starts with @, as in Pandoc; "[@1][see @2]" is two citations.
	end := c.End - 1
	if end+1 < len(b) && (b[end+1] == '(' || b[end+1] == '[' && !nextCite(b[end+1:])) {
		return Cite{}, false
	}
	return c, true
}

// nextCite reports whether b starts with a citation's brackets, whatever
// follows them ("[@1][see @2]").
func nextCite[T string | []byte](b T) bool {
	_, ok := citeBody(b)
	return ok
}

// citeBody reads the brackets of a citation at the start of b.
func citeBody[T string | []byte](b T) (Cite, bool) {
	// "[^x]" is a footnote's, whatever it holds.
	if len(b) < 4 || b[0] != '[' || b[1] == '^' {
		return Cite{}, false
	}
	end, at := -1, false
	for i := 1; i < len(b) && i < MaxLen; i++ {
		if c := b[i]; c == ']' {
			end = i
			break
		} else if c == '\n' || c == '\r' || c == '[' {
			return Cite{}, false
		} else if c == '@' {
			at = true
		}
	}
	if end < 0 || !at {
		return Cite{}, false
	}
	var c Cite
	var locators, prefixes []string
	for part := range strings.SplitSeq(string(b[1:end]), ";") {
		prefix, item, ok := cutKey(strings.TrimSpace(part))
		if !ok {
			return Cite{}, false
		}
		k, locator, _ := strings.Cut(item, ",")
		if k = strings.TrimRight(k, " "); !isKey(k) {
			return Cite{}, false
		}
		c.Keys = append(c.Keys, k)
		locators = append(locators, strings.TrimSpace(locator))
		prefixes = append(prefixes, prefix)
	}
	if slices.ContainsFunc(locators, func(l string) bool { return l != "" }) {
		c.Locators = locators
	}
	if slices.ContainsFunc(prefixes, func(p string) bool { return p != "" }) {
		c.Prefixes = prefixes
	}
	c.End = end + 1
	return c, true
}

// cutKey splits one citation of a group at its "@": the words before
// (which end in a space, as Pandoc's do, or are the "-" that leaves the
// author out) and the key with what follows it.
func cutKey(part string) (prefix, item string, ok bool) {
	i := strings.IndexByte(part, '@')
	if i < 0 {
		return "", "", false
	}
	prefix = part[:i]
	if p, dash := strings.CutSuffix(prefix, "-"); dash {
		prefix = p
	}
	if prefix != "" && !strings.HasSuffix(prefix, " ") {
		return "", "", false // "a@b": an address, not a citation
	}
	if strings.ContainsAny(prefix, "`*_<\\[!&") {
		return "", "", false // Markdown or HTML in it: text, shown as the page shows text
	}
	return strings.TrimSpace(prefix), part[i+1:], true
}

// isKey reports whether k can be a citation key. It is looser than the
// ids sources may have ([a-z0-9-]+), so that "[@GG-2026]" is a citation
// the checker can correct rather than text that silently stays.
func isKey(k string) bool {
	if k == "" {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == ':') {
			return false
		}
	}
	return true
}

// ScanCites returns the citations in a Markdown text, skipping code,
// comments, raw HTML and autolinks exactly as Scan does for links.
func ScanCites(src string) []Cite {
	var out []Cite
	bl := &blocks{src: src}
	scanText(bl, '[', "@", func(s string, i int) int {
		c, ok := parseCite(s[i:])
		if !ok || isLabel(s, i, bl) || bl.citeInMarkdownLink(i) {
			return 0
		}
		if i > 0 && s[i-1] == '[' && !bang(s, i-1) && !escaped(s, i-1) {
			if _, ok := parse(s[i-1:]); ok {
				return 0 // [[@0]]: a [[link]]'s target (but ![[@0]] and \[[@0]] are no links)
			}
		}
		c.Start, c.End = i, i+c.End
		out = append(out, c)
		return c.End - i
	})
	return out
}

// ByPosition reports whether key cites a source by its position ("2":
// digits only), and which; any other key ("-1", "gg-2026") is a
// source's id.
func ByPosition(key string) (n int, ok bool) {
	if key == "" || strings.Trim(key, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.Atoi(key)
	return n, err == nil
}

// isLabel reports whether the brackets at s[i] are no citation but
// a link's: the label of "[text][@x]", after an image's "!" (goldmark's
// image syntax takes "![" and shows the rest as text), or a definition
// "[@x]: https://..." or "[x]: [@y]" as CommonMark reads one, or in a
// footnote no text refers to or a heading's {attributes}, which the page
// leaves out (bl finds those).
func isLabel(s string, i int, bl *blocks) bool {
	if AfterText(s, i) || bang(s, i) {
		return true
	}
	// In a definition ("[label]: destination", whose label, destination
	// and title may each begin a line), the brackets may be its label,
	// destination or title: only goldmark can tell, and is asked only
	// when the text may have one (or other text the page leaves out).
	return bl.mayHideText() && bl.outsideText(i)
}

// AfterText reports whether s[i] follows the "]" of a bracketed text on
// its line, "[text]", which makes brackets at i a reference label:
// "[our account][@nhimg]". After a [[link]] or a citation, "]" closes no
// text: "[[API Key]][@2]" and "[@1][@2]" cite.
func AfterText[T string | []byte](s T, i int) bool {
	if i < 1 || s[i-1] != ']' || i >= 2 && s[i-2] == ']' || escaped(s, i-1) {
		return false
	}
	depth := 0
	for j := i - 2; j >= 0 && s[j] != '\n'; j-- {
		if (s[j] == '[' || s[j] == ']') && escaped(s, j) {
			continue
		}
		switch s[j] {
		case ']':
			depth++
		case '[':
			if depth > 0 {
				depth--
				continue
			}
			// Not after a [[link]], a citation, a footnote reference
			// ([^1]), nor a link's own label ([x][ref]).
			next := byte(0)
			if j+1 < len(s) {
				next = s[j+1]
			}
			return next != '@' && next != '^' && !(j > 0 && (s[j-1] == '[' || s[j-1] == ']'))
		}
	}
	return false
}

// escaped reports whether s[i] follows an odd run of backslashes.
func escaped[T string | []byte](s T, i int) bool {
	n := 0
	for j := i - 1; j >= 0 && s[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}

// bang reports whether an unescaped "!" comes just before s[i].
func bang(s string, i int) bool {
	return i > 0 && s[i-1] == '!' && !escaped(s, i-1)
}

// SourceNumber is the 1-based position of the source key cites among
// ids (one per source, "" where it has none), or 0: the source with that
// id, else, for digits, the source at that position ("2"). An id wins,
// so a source with the id "2024" is cited by [@2024].
func SourceNumber(key string, ids []string) int {
	for i, id := range ids {
		if id == key && id != "" {
			return i + 1
		}
	}
	if n, ok := ByPosition(key); ok && n >= 1 && n <= len(ids) {
		return n
	}
	return 0
}
