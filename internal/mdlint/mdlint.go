// Package mdlint finds what an editor writes in Markdown that would not
// reach the reader as meant: links to files or to the server's root,
// [[links]] that are not closed or name nothing, and raw HTML the
// renderer drops. It sees Markdown as wikilink.Scan does (outside code,
// comments, autolinks and raw HTML), so it agrees with the renderer on what is text.
package mdlint

import (
	"fmt"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/nhimg/nhiglossary/internal/diag"
	"github.com/nhimg/nhiglossary/internal/markdown"
	"github.com/nhimg/nhiglossary/internal/wikilink"
)

// Problem is one finding, at a byte offset of the text checked.
type Problem struct {
	Off     int
	Code    diag.Code
	Message string
}

// Check returns the problems in src, in order. unsafeHTML is the site's
// setting: raw HTML is only a problem when the renderer drops it.
func Check(src string, unsafeHTML bool) []Problem {
	var out []Problem
	add := func(off int, code diag.Code, format string, args ...any) {
		out = append(out, Problem{off, code, fmt.Sprintf(format, args...)})
	}
	wikilink.Outside(src, "[", func(s string, i int) int {
		if strings.HasPrefix(s[i:], "[[") {
			return wikiLink(s, i, add)
		}
		return mdLink(s, i, add)
	})
	for _, f := range wikilink.UnusedFootnotes(src) {
		if f.Nested {
			add(f.Start, diag.FootnoteUnused, "footnote [^%s] is defined inside another footnote, and the page leaves out the words of that one and of every footnote after it: start [^%[1]s]: at the beginning of a line, not indented, after the other one", f.Label)
			continue
		}
		if f.Repeated {
			add(f.Start, diag.FootnoteUnused, "footnote [^%s] is defined above already, and the page shows only the first: merge the two, or give this one a label of its own", f.Label)
			continue
		}
		add(f.Start, diag.FootnoteUnused, "no text refers to this footnote, so the page leaves it out: refer to it with its [^label] where it belongs (the label must match exactly), or delete it")
	}
	headingIDs(src, add)
	for _, off := range wikilink.ExtraCells(src) {
		add(off, diag.TableCellsDropped, "this table row has more cells than the table has columns, and the page leaves out the rest of the row from here: add the column to the header and the |---| row, or write a | that is text as \\|")
	}
	if !unsafeHTML {
		wikilink.Outside(src, "<", func(s string, i int) int {
			if strings.HasSuffix(s[:i], "](") {
				return 0 // "[x](<a b.html>)": a link's destination
			}
			if tag := openingTag(s[i:]); tag != "" {
				add(i, diag.RawHTMLDropped, "raw HTML <%s> is left out because unsafe_html is off, and its text runs into the words around it (H<sub>2</sub>O shows as H2O): write it in Markdown, or set unsafe_html: true in nhiglossary.yaml", tag)
				return len(tag) + 1
			}
			return 0
		})
	}
	// (Each kind of problem was found in a pass of its own.)
	slices.SortStableFunc(out, func(a, b Problem) int { return a.Off - b.Off })
	return out
}

// headingIDs checks the ids headings chose ({#id}): the page gives a
// heading another when its id is not one (it must look like a generated
// one) or another heading of the text chose it first.
func headingIDs(src string, add func(int, diag.Code, string, ...any)) {
	// As the renderer settles them: each in order takes its id, or the
	// first of id-1, id-2... no heading above has (another's -1 too).
	given := map[string]bool{}
	for _, h := range wikilink.HeadingIDs(src) {
		if !markdown.ValidID(h.ID) {
			add(h.Off, diag.HeadingIDChanged, "heading id %q is not used, and the page makes one from the heading's words: an id is words of letters and digits joined by single hyphens (#why-it-matters)", h.ID)
			continue
		}
		id := h.ID
		for n := 1; given[id]; n++ {
			id = h.ID + "-" + strconv.Itoa(n)
		}
		given[id] = true
		if id != h.ID {
			add(h.Off, diag.HeadingIDChanged, "heading id %q is taken by a heading above already, so the page gives this one %q: choose an id of its own", h.ID, id)
		}
	}
}

// wikiLink checks the "[[" at i: a well-formed link is skipped (xref
// resolves it); an empty or unclosed one, or one with two bars, is
// reported, since the renderer would show its brackets as text.
func wikiLink(s string, i int, add func(int, diag.Code, string, ...any)) int {
	if l, ok := wikilink.ParseString(s[i:]); ok {
		return l.End
	}
	line, _, _ := strings.Cut(s[i+2:], "\n")
	inside, closed := line, false
	if j := strings.Index(line, "]]"); j >= 0 {
		inside, closed = line[:j], true
	}
	if t, _, _ := strings.Cut(inside, "|"); strings.TrimSpace(strings.TrimSuffix(t, `\`)) == "" && closed {
		add(i, diag.EmptyLink, "empty [[]] names no term: write the name inside, or remove the brackets")
		return 2
	}
	if closed && !strings.ContainsAny(inside, "[]") && strings.Count(inside, "|") > 1 {
		target, _, _ := strings.Cut(inside, "|")
		add(i, diag.LinkTwoBars, "a [[link]] has one | at most, between the target and the label: write [[%s|...]]", strings.TrimSpace(target))
		return len(inside) + 4
	}
	if closed && strings.Contains(inside, "[[") {
		// Another link opens before this one closes: the "]]" is its.
		add(i, diag.UnclosedLink, "[[ is not closed before the next [[ on its line: end this link with ]]")
		return 2
	}
	if closed {
		return 2 // brackets inside, or too long: not a link, and not ours to guess
	}
	name := strings.TrimSpace(strings.TrimRight(strings.SplitN(line, "]", 2)[0], " "))
	if name == "" || len(name) > 60 {
		add(i, diag.UnclosedLink, "[[ is not closed on its line: end the link with ]]")
	} else {
		add(i, diag.UnclosedLink, "[[ is not closed on its line: write [[%s]]", name)
	}
	return 2
}

// mdLink checks a Markdown link [text](destination) at i, or a link
// reference definition ([label]: destination) that starts a line.
func mdLink(s string, i int, add func(int, diag.Code, string, ...any)) int {
	close := linkTextEnd(s, i)
	if close >= 0 && close+1 < len(s) && s[close+1] == ':' && startsLine(s, i) && !strings.HasPrefix(s[i:], "[^") {
		return refDefinition(s, i, close, add)
	}
	if close < 0 || close+1 >= len(s) || s[close+1] != '(' {
		return 0
	}
	dest, n := destination(s[close+2:])
	if n == 0 {
		return 0
	}
	text := strings.Join(strings.Fields(s[i+1:close]), " ")
	image := i > 0 && s[i-1] == '!'
	if l, ok := wikilink.ParseString(dest); ok && l.End == len(dest) && !image {
		add(i, diag.LinkAsTarget, "a [[link]] as a Markdown link's target is no link: the page would link to %q as a URL: write %s", dest, wiki(l.Target, text))
		return close + 2 + n - i
	}
	switch kind := classify(dest); {
	case !markdown.SafeURL(dest, image):
		what := "link"
		if image {
			what = "image"
		}
		add(i, diag.UnsafeLink, "%s to %q is not written, and the page shows its text alone: javascript:, vbscript:, file: and data: URLs never are", what, dest)
	case kind == localFile && !image:
		slug := fileSlug(dest)
		add(i, diag.LocalFileLink, "link to the file %q is broken on the site, which has pages, not files: write %s", dest, wiki(slug, text))
	case kind == rootRelative:
		if slug, ok := pageSlug(dest); ok && !image {
			add(i, diag.RootRelativeLink, "link %q starts at the server's root, so it breaks when the site is published under a sub-path: write %s", dest, wiki(slug, text))
		} else {
			add(i, diag.RootRelativeLink, "link %q starts at the server's root, so it breaks when the site is published under a sub-path: link a term with [[...]], and other pages with a full https:// URL", dest)
		}
	}
	return close + 2 + n - i
}

// startsLine reports whether the "[" at i starts its line, after at most
// three spaces, as a link reference definition does; and, as one cannot
// interrupt a paragraph, whether the line before is blank or another
// definition.
func startsLine(s string, i int) bool {
	start := strings.LastIndexByte(s[:i], '\n') + 1
	if i-start > 3 || strings.TrimLeft(s[start:i], " ") != "" {
		return false
	}
	if start == 0 {
		return true
	}
	prev := s[strings.LastIndexByte(s[:start-1], '\n')+1 : start-1]
	t := strings.TrimLeft(prev, " ")
	return strings.TrimSpace(prev) == "" || strings.HasPrefix(t, "[") && strings.Contains(t, "]:")
}

// refDefinition checks the link reference definition [label]: dest at
// i, whose label closes at close: a destination that is a local file or
// starts at the server's root is as broken as in an inline link.
func refDefinition(s string, i, close int, add func(int, diag.Code, string, ...any)) int {
	rest := s[close+2:]
	j := len(rest) - len(strings.TrimLeft(rest, " \t"))
	if strings.HasPrefix(rest[j:], "\n") { // the destination may start the next line
		j++
		j += len(rest[j:]) - len(strings.TrimLeft(rest[j:], " \t"))
	}
	var dest string
	if strings.HasPrefix(rest[j:], "<") {
		end := strings.IndexAny(rest[j:], ">\n")
		if end < 0 || rest[j+end] != '>' {
			return 0
		}
		dest, j = rest[j+1:j+end], j+end+1
	} else {
		end := strings.IndexAny(rest[j:], " \t\n")
		if end < 0 {
			end = len(rest) - j
		}
		dest, j = rest[j:j+end], j+end
	}
	// Only a title may follow on the line, or it is text, not a
	// definition.
	eol := strings.IndexByte(rest[j:], '\n')
	if eol < 0 {
		eol = len(rest) - j
	}
	if after := strings.TrimSpace(rest[j : j+eol]); after != "" && !isTitle(after) {
		return 0
	}
	label := strings.Join(strings.Fields(s[i+1:close]), " ")
	switch classify(dest) {
	case localFile:
		slug := fileSlug(dest)
		add(i, diag.LocalFileLink, "link definition [%s] points to the file %q, which is broken on the site, which has pages, not files: link the term with [[%s]] where [%s] is used", label, dest, slug, label)
	case rootRelative:
		advice := "link a term with [[...]], and other pages with a full https:// URL"
		if slug, ok := pageSlug(dest); ok { // as mdLink advises
			advice = "link the term with [[" + slug + "]] where [" + label + "] is used"
		}
		add(i, diag.RootRelativeLink, "link definition [%s] points to %q, which starts at the server's root, so it breaks when the site is published under a sub-path: %s", label, dest, advice)
	}
	return close + 2 + j - i
}

// fileSlug is the slug a link to a content file names: its base name
// without the extension and fragment ("../terms/api-key.md#why" ->
// "api-key").
func fileSlug(dest string) string {
	file, _, _ := strings.Cut(dest, "#")
	return strings.TrimSuffix(path.Base(file), path.Ext(file))
}

// isTitle reports whether s is a link title: "...", '...' or (...).
func isTitle(s string) bool {
	if len(s) < 2 {
		return false
	}
	switch s[0] {
	case '"', '\'':
		return s[len(s)-1] == s[0]
	case '(':
		return s[len(s)-1] == ')'
	}
	return false
}

func wiki(slug, text string) string {
	if text == "" || strings.EqualFold(text, slug) {
		return "[[" + slug + "]]"
	}
	return "[[" + slug + "|" + text + "]]"
}

// linkTextEnd is the offset of the "]" that closes the link text opening
// at i, or -1: brackets nest, escapes are skipped, and a blank line or
// wikilink.MaxLen bytes end the search.
func linkTextEnd(s string, i int) int {
	depth := 0
	for j := i; j < len(s) && j < i+wikilink.MaxLen; j++ {
		switch s[j] {
		case '\\':
			j++
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				return j
			}
		case '\n':
			if strings.HasPrefix(strings.TrimLeft(s[j+1:], " \t"), "\n") {
				return -1
			}
		}
	}
	return -1
}

// destination reads a link destination and optional title up to the
// closing ")", returning the destination and the bytes read including
// the ")"; n is 0 when there is none.
func destination(s string) (dest string, n int) {
	j := len(s) - len(strings.TrimLeft(s, " \t"))
	if j < len(s) && s[j] == '<' {
		end := strings.IndexAny(s[j:], ">\n")
		if end < 0 || s[j+end] != '>' {
			return "", 0
		}
		dest = s[j+1 : j+end]
		j += end + 1
	} else {
		start, depth := j, 0
		for ; j < len(s); j++ {
			c := s[j]
			if c == '\\' {
				j++
				continue
			}
			if c == '(' {
				depth++
			}
			if c == ')' && depth == 0 || c == ' ' || c == '\n' || c == '\t' {
				break
			}
			if c == ')' {
				depth--
			}
		}
		j = min(j, len(s)) // an escape may have stepped past the end
		dest = s[start:j]
	}
	end := strings.IndexByte(s[j:], ')')
	if end < 0 {
		return "", 0
	}
	return dest, j + end + 1
}

type destKind int

const (
	fine destKind = iota
	localFile
	rootRelative
)

// classify says what is wrong with a link destination, if anything.
func classify(dest string) destKind {
	if dest == "" || strings.HasPrefix(dest, "#") || strings.HasPrefix(dest, "//") {
		return fine
	}
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return fine
	}
	if strings.HasPrefix(u.Path, "/") {
		return rootRelative
	}
	if ext := strings.ToLower(path.Ext(u.Path)); ext == ".md" || ext == ".markdown" {
		return localFile
	}
	return fine
}

// pageSlug is the slug in a root-relative link to a term or incident
// page (/terms/SLUG/), which [[SLUG]] links wherever the site is.
func pageSlug(dest string) (string, bool) {
	p := strings.SplitN(strings.SplitN(dest, "#", 2)[0], "?", 2)[0]
	parts := strings.Split(strings.Trim(p, "/"), "/")
	if len(parts) == 2 && (parts[0] == "terms" || parts[0] == "incidents") && parts[1] != "" {
		return strings.TrimSuffix(parts[1], ".html"), true
	}
	return "", false
}

// openingTag returns the name of the HTML start tag (or self-closing tag)
// s starts with, as CommonMark recognises raw HTML: "<", a letter, then
// letters, digits or hyphens, then space, "/" or ">". Autolinks
// (<https://...>) and closing tags are not start tags.
func openingTag(s string) string {
	if len(s) < 3 || s[0] != '<' || !isLetter(s[1]) {
		return ""
	}
	j := 2
	for j < len(s) && (isLetter(s[j]) || s[j] >= '0' && s[j] <= '9' || s[j] == '-') {
		j++
	}
	if j >= len(s) || !strings.ContainsRune(" \t\n/>", rune(s[j])) {
		return ""
	}
	if !strings.Contains(s[j:min(len(s), j+wikilink.MaxLen)], ">") {
		return ""
	}
	return s[1:j]
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
