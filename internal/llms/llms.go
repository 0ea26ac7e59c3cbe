// Package llms writes the glossary for language models, per the llms.txt
// convention (https://llmstxt.org): llms.txt at the site's root, an index
// of Markdown links; a Markdown copy of each term beside its page
// (terms/SLUG/index.md); and llms-full.txt, every copy one after another.
//
// Links are absolute when the site's base_url is, and every [[link]] is
// turned into an ordinary Markdown link to the page it names, and every
// [@citation] into the numbers of the copy's own Sources list, so a copy
// reads on its own, anywhere.
package llms

import (
	"bytes"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/markdown"
	"github.com/nhimg/nhiglossary/internal/wikilink"
	"github.com/nhimg/nhiglossary/internal/xref"
)

// Links are the URLs the files link to.
type Links struct {
	Term         func(slug string) string          // a term's page
	TermMarkdown func(slug string) string          // its Markdown copy; nil while copies are not published
	Incident     func(slug string) string          // an incident's page
	Framework    func(f *content.Framework) string // a framework's page
	// Wiki resolves a [[link]] target to the URL and title of its page;
	// ok is false for a name that links nowhere (the text is kept).
	Wiki func(target string) (url, title string, ok bool)
}

// A Writer is where the files go: a bytes.Buffer, or a buffered writer
// on the file itself (llms-full.txt is tens of megabytes at 10,000 terms).
type Writer interface {
	io.Writer
	io.StringWriter
	io.ByteWriter
}

// WriteIndex writes llms.txt to b: the site's title, its description as
// a quote, the current terms (linking their Markdown copies), then
// incidents and frameworks under "Optional", which a reader short of room
// may skip.
func WriteIndex(b Writer, g *xref.Graph, l Links) {
	cfg := g.Site.Config
	write(b, "# ", text(cfg.Title), "\n\n")
	// The convention's summary line is there even when the site gives no
	// description.
	d := text(cfg.Description)
	if d == "" {
		d = "A glossary: definitions of its terms, with the incidents and frameworks they relate to."
	}
	write(b, "> ", d, "\n\n")
	termURL := l.Term
	if l.TermMarkdown != nil {
		termURL = l.TermMarkdown
		b.WriteString("Each term below links to a Markdown copy of its page; llms-full.txt has them all in one file.\n\n")
	}
	b.WriteString("## Terms\n\n")
	for _, t := range g.Terms {
		if deprecated(t) {
			continue
		}
		item(b, t.Title.Value, termURL(t.Slug.Value), text(t.Summary))
	}
	if len(g.Incidents) > 0 || len(g.Frameworks) > 0 {
		b.WriteString("\n## Optional\n\n")
		for _, inc := range g.Incidents {
			item(b, inc.Title.Value+" ("+inc.Date.Format("2006-01-02")+")", l.Incident(inc.Slug.Value), oneLineText(plainLinks(inc.Summary.Text, l)))
		}
		for _, f := range g.Frameworks {
			item(b, f.Name, l.Framework(f), oneLineText(plainLinks(f.Description.Text, l)))
		}
	}
}

// item writes one list entry; desc is one line of Markdown already (see
// text and oneLineText).
func item(b Writer, title, url, desc string) {
	write(b, "- [", text(title), "](", dest(url), ")")
	if desc != "" {
		write(b, ": ", desc)
	}
	b.WriteByte('\n')
}

// WriteFull writes llms-full.txt to b: every published term's Markdown
// copy, in the order of the A-Z index, each written in place (a copy of
// the whole file per term was a fifth of a 10k build's garbage).
func WriteFull(b Writer, g *xref.Graph, l Links) {
	for i, t := range g.Terms {
		if i > 0 {
			b.WriteString("\n")
		}
		WriteTerm(b, g, t, l)
	}
}

// WriteTerm writes t's Markdown copy to b: title, summary, the body with
// its [[links]] made absolute, then related terms and sources; blocks
// separated by a blank line, ending with one newline.
func WriteTerm(b Writer, g *xref.Graph, t *content.Term, l Links) {
	write(b, "# ", text(t.Title.Value), "\n")
	// Each further block starts with the blank line that ends the last.
	block := func() { b.WriteByte('\n') }
	block()
	write(b, "> ", text(t.Summary), "\n")
	var also []string
	for _, n := range t.Abbreviations {
		also = append(also, n.Value)
	}
	for _, n := range t.Synonyms {
		also = append(also, n.Value)
	}
	if len(also) > 0 {
		block()
		write(b, "Also called: ", text(strings.Join(also, ", ")), ".\n")
	}
	if t.Deprecated {
		block()
		b.WriteString("This term is deprecated")
		if r := g.ReplacedBy[t]; r != nil {
			write(b, ": use [", label(line(r.Title.Value)), "](", dest(l.Term(r.Slug.Value)), ") instead")
		}
		b.WriteString(".\n")
	}
	block()
	write(b, "Source page: ", l.Term(t.Slug.Value), "\n")
	// Links are trimmed and never empty, so trimming the source trims
	// what it resolves to.
	if body := strings.TrimSpace(t.Body.Text); body != "" {
		block()
		resolveTo(b, numberCites(safe(body, g.Site.Config.UnsafeHTML), t.Sources), l)
		b.WriteByte('\n')
	}
	if rel := g.Related[t]; len(rel) > 0 {
		block()
		b.WriteString("## Related terms\n")
		block()
		for _, r := range rel {
			item(b, r.Title.Value, l.Term(r.Slug.Value), text(r.Summary))
		}
	}
	if len(t.Sources) > 0 {
		block()
		b.WriteString("## Sources\n")
		block()
		for i, s := range t.Sources {
			write(b, strconv.Itoa(i+1), ". ")
			if s.URL != "" {
				write(b, "[", label(line(s.Title)), "](", dest(s.URL), ")")
			} else {
				b.WriteString(text(s.Title))
			}
			if s.Publisher != "" {
				write(b, ", ", text(s.Publisher))
			}
			if !s.Date.IsZero() {
				write(b, ", ", s.Date.Format("2006-01-02"))
			}
			b.WriteString("\n")
		}
	}
}

// numberCites writes each [@key] citation of src as the numbers of the
// sources it cites, "[1]" or "[1, 3]": the copy's Sources list is
// numbered and shows no ids.
func numberCites(src string, sources []content.Source) string {
	if !strings.Contains(src, "@") { // most bodies cite nothing
		return src
	}
	cites := wikilink.ScanCites(src)
	if len(cites) == 0 {
		return src
	}
	ids := content.SourceIDs(sources)
	var b strings.Builder
	b.Grow(len(src))
	at := 0
	for _, c := range cites {
		b.WriteString(src[at:c.Start])
		at = c.End
		// Escaped: "[1]" is Markdown's reference-link syntax, and a
		// citation followed by "(url)" or a "[1]: url" definition would
		// make it a link.
		b.WriteString(`\[`)
		for i, k := range c.Keys {
			if i > 0 {
				b.WriteString(", ")
			}
			if p := c.Prefix(i); p != "" {
				b.WriteString(p + " ")
			}
			if n := wikilink.SourceNumber(k, ids); n > 0 {
				b.WriteString(strconv.Itoa(n))
			} else { // an error the build reports: as written
				b.WriteString("@" + k)
			}
			if l := c.Locator(i); l != "" {
				b.WriteString(", " + l)
			}
		}
		b.WriteString(`\]`)
	}
	b.WriteString(src[at:])
	return b.String()
}

// resolve turns each [[link]] of a Markdown text into [text](URL).
func resolve(src string, l Links) string {
	if !strings.Contains(src, "[[") {
		return src
	}
	var b bytes.Buffer
	resolveTo(&b, src, l)
	return b.String()
}

// resolveTo appends src to b with each [[link]] made [text](URL).
func resolveTo(b Writer, src string, l Links) {
	at := 0
	for _, k := range wikilink.Scan(src) {
		if k.Cut {
			continue // no link on the page either
		}
		b.WriteString(src[at:k.Start])
		at = k.End
		url, title, ok := l.Wiki(k.Target)
		text := k.Label
		if text == "" {
			text = k.Target
			if ok && strings.EqualFold(title, k.Target) {
				text = title
			}
		}
		if !ok {
			b.WriteString(label(text)) // text, as a link's is
			continue
		}
		b.WriteString("[")
		b.WriteString(label(text))
		b.WriteString("](")
		b.WriteString(dest(url))
		b.WriteString(")")
	}
	b.WriteString(src[at:])
}

// plainLinks is resolve for one-line text.
func plainLinks(src string, l Links) string { return resolve(src, l) }

// line makes s one line: runs of white space become one space.
func line(s string) string {
	if oneLine(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// oneLine reports whether s is already as line would make it, as most
// titles and summaries are.
func oneLine(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ':
			if i == 0 || i == len(s)-1 || s[i+1] == ' ' {
				return false
			}
		case c < ' ' || c >= 0x80 || c == 0x7f:
			// Control characters, and Unicode spaces, take the slow way.
			return false
		}
	}
	return true
}

// labelEscaper escapes what would end a link's text early, and what would
// make plain text markup: a link ("[x](javascript:...)" in a summary) or
// raw HTML. A Replacer builds its tables on first use; building one per
// call was an eighth of a 10k build's CPU.
var labelEscaper = strings.NewReplacer(`\`, `\\`, "[", `\[`, "]", `\]`, "<", `\<`)

func label(s string) string { return labelEscaper.Replace(s) }

// text is a plain-text value (a title, a summary) as Markdown that shows
// it as written, on one line.
func text(s string) string { return label(line(s)) }

// safe is a Markdown text with what its page leaves out escaped, so that
// the copy shows it as text and no Markdown reader makes markup of it:
// raw HTML while unsafe_html is off (every "<" that could open a tag, a
// comment or an HTML block), and links to javascript: and the like, which
// no page writes, inline, as references or as autolinks. Code is left as
// it is: fenced blocks and code spans show their text anyway. (A
// backslash is Markdown's escape; the copy is read, not rendered, so a
// "\<" too many in indented code costs nothing.)
func safe(src string, unsafeHTML bool) string {
	if !strings.Contains(src, "<") && !strings.Contains(src, "](") && !strings.Contains(src, "]:") {
		return src // most texts have none
	}
	var b strings.Builder
	b.Grow(len(src) + 16)
	fence := ""
	for ln := range strings.Lines(src) {
		t := strings.TrimLeft(ln, " ")
		f := ""
		if len(ln)-len(t) < 4 {
			f = wikilink.FenceOf(t)
		}
		switch {
		case fence != "":
			if wikilink.ClosesFence(f, fence, t) {
				fence = ""
			}
			b.WriteString(ln)
			continue
		case f != "":
			fence = f
			b.WriteString(ln)
			continue
		}
		// A link definition, after any block quote and list markers, to
		// a URL no page writes, or whose URL is on the next line:
		// "\[r]: javascript:..." defines nothing.
		if at := len(ln) - len(strings.TrimLeft(wikilink.AfterMarkers(ln), " ")); len(ln)-len(t) < 4 && definesUnsafe(ln[at:]) {
			b.WriteString(ln[:at])
			b.WriteByte('\\')
			safeLine(&b, ln[at:], unsafeHTML)
			continue
		}
		safeLine(&b, ln, unsafeHTML)
	}
	return b.String()
}

// oneLineText is a Markdown text made one line for a list item, as safe
// makes it whatever unsafe_html says: on one line its code blocks and
// HTML blocks are no more.
func oneLineText(src string) string {
	var b strings.Builder
	safeLine(&b, line(src), false)
	return b.String()
}

// definition matches a link reference definition's label and colon.
var definition = regexp.MustCompile(`^\[[^\]]*\]:`)

// unsafeAutolink reports whether s starts with an autolink (<scheme:...>)
// whose URL no page writes, by the page's own rule.
func unsafeAutolink(s string) bool {
	end := strings.IndexAny(s[1:], "<> \t\r\n") + 1
	if end == 0 || s[end] != '>' || !strings.Contains(s[1:end], ":") {
		return false // no autolink: "<" is text, or raw HTML (opensTag)
	}
	return !markdown.SafeURL(s[1:end], false)
}

// definesUnsafe reports whether a line (its markers taken off) is a link
// definition to a URL no page writes, or whose URL is on the next line.
func definesUnsafe(ln string) bool {
	m := definition.FindString(ln)
	return m != "" && unsafeURLAhead(ln[len(m):])
}

// unsafeURLAhead reports whether the link destination at the start of
// rest (spaces and a "<" allowed before it) is one no page writes, as the
// renderer decides (entities such as &#106; and backslash escapes read
// as goldmark reads them). A destination not on this line is taken as
// unsafe.
func unsafeURLAhead(rest string) bool {
	rest = strings.TrimLeft(rest, " \t")
	rest = strings.TrimPrefix(rest, "<")
	rest = strings.TrimRight(rest, "\r\n")
	if strings.TrimSpace(rest) == "" {
		return true
	}
	end := strings.IndexAny(rest, " \t)>")
	if end < 0 {
		end = len(rest)
	}
	return !markdown.SafeURL(rest[:end], false)
}

// safeLine writes one line of text as safe does, code spans as they are.
func safeLine(b *strings.Builder, ln string, unsafeHTML bool) {
	for i := 0; i < len(ln); i++ {
		switch c := ln[i]; {
		case c == '\\' && i+1 < len(ln):
			b.WriteString(ln[i : i+2]) // escaped already
			i++
			continue
		case c == '`':
			n := 1
			for i+n < len(ln) && ln[i+n] == '`' {
				n++
			}
			if j := wikilink.ClosingTicks(ln[i+n:], n); j >= 0 {
				b.WriteString(ln[i : i+n+j+n]) // a code span: its text
				i += n + j + n - 1
			} else {
				b.WriteString(ln[i : i+n])
				i += n - 1
			}
			continue
		case c == '[' && strings.HasPrefix(ln[i:], "[["):
			if l, ok := wikilink.ParseString(ln[i:]); ok {
				b.WriteString(ln[i : i+l.End]) // resolveTo writes it, its label escaped
				i += l.End - 1
				continue
			}
		case c == '<' && (unsafeAutolink(ln[i:]) || !unsafeHTML && i+1 < len(ln) && opensTag(ln[i+1])):
			// (Also a link's destination in "](<a b.html>)": without the
			// link's text, which takes a parse to find, "](<script>" is a tag.)
			b.WriteByte('\\')
		case c == ']' && strings.HasPrefix(ln[i+1:], "(") && unsafeURLAhead(ln[i+2:]):
			b.WriteString(`]\`) // "[x]\(javascript:...)" links nowhere
			continue
		}
		b.WriteByte(ln[i])
	}
}

// opensTag is whether "<" then c may open raw HTML: a tag, a closing tag,
// a comment, a declaration or a processing instruction.
func opensTag(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '/' || c == '!' || c == '?'
}

// destEscaper makes a URL safe as a link destination: no spaces or
// parentheses that would end it.
var destEscaper = strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E")

func dest(u string) string { return destEscaper.Replace(u) }

// deprecated is whether t is kept only for old links: llms.txt lists
// current terms.
func deprecated(t *content.Term) bool { return t.Deprecated }

// write writes the parts one after another: joining them first made a
// string to throw away, a fifth of a term's copy.
func write(b Writer, parts ...string) {
	for _, p := range parts {
		b.WriteString(p)
	}
}
