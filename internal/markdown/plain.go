package markdown

import (
	"bytes"
	"strings"
)

// renderPlain renders, without goldmark, a document that is one line of
// plain text and [[links]], as most examples and relevance cells are:
// goldmark takes ten times as long to find that there is nothing else in
// it. ok is false for any other document, which goldmark must render.
//
// The output is the bytes goldmark's would be (FuzzRenderAsGoldmark checks
// it): such a line is one paragraph holding text and wikiLinkNodes, its
// text needs no escaping, and auto-linking splits it as it does goldmark's.
func (r *Renderer) renderPlain(st *docState) (res Result, ok bool) {
	start, end, ok := plainLine(st.src)
	if !ok {
		return Result{}, false
	}
	if start == end {
		return Result{}, true
	}
	st.source = append(st.source[:0], st.src...)
	line := st.source[start:end]
	links := st.plain[:0]
	defer func() { clear(links); st.plain = links[:0] }()
	for i := 0; ; {
		j := i + bytes.IndexByte(line[i:], '[')
		if j < i {
			j = len(line)
		}
		if !plainRun(line, i, j) {
			return Result{}, false
		}
		if j == len(line) {
			break
		}
		l, ok := parseWikiLink(line[j:])
		if !ok || j == 0 && j+l.End < len(line) && line[j+l.End] == ':' {
			return Result{}, false // not a link; or a link reference definition?
		}
		n := st.newWikiLink()
		n.Link = l
		n.SetPos(start + j)
		links = append(links, n)
		i = j + l.End
	}
	// Resolve every link before auto-linking, as goldmark does: a term
	// [[linked]] anywhere is not auto-linked in "first" mode.
	for _, n := range links {
		resolve(n, r.linker, st)
	}

	buf := &st.buf
	buf.Reset()
	w := &textWriter{buf: buf}
	at := start
	for _, n := range links {
		w.write(st.source[at:n.Pos()])
		w.write([]byte(n.Link.Text()))
		at = n.Pos() + n.Link.End
	}
	w.write(st.source[at:end])
	res.Text = buf.String()

	buf.Reset()
	if !st.doc.Inline {
		buf.WriteString("<p>")
	}
	at = start
	for _, n := range links {
		r.writePlainText(st, at, n.Pos())
		writeWikiLink(buf, n)
		if n.Resolved {
			st.terms.add(n.Info.Term)
		}
		at = n.Pos() + n.Link.End
	}
	r.writePlainText(st, at, end)
	if !st.doc.Inline {
		buf.WriteString("</p>\n")
	}
	res.HTML = st.html()
	res.Terms = st.terms.slice()
	return res, true
}

// writePlainText writes the text st.src[start:end], auto-linked if the
// document asks for it. The text needs no escaping: plainRun said so.
func (r *Renderer) writePlainText(st *docState, start, end int) {
	buf := &st.buf
	if e := r.auto; e.matcher != nil && st.doc.Autolink && start < end {
		for _, m := range e.find(st.src[start:end], start, st) {
			buf.WriteString(st.src[start:m.start])
			buf.WriteString(e.open[m.name])
			buf.WriteString(st.src[m.start:m.end])
			buf.WriteString("</a>")
			st.terms.add(e.byID[m.name].Link.Term)
			start = m.end
		}
	}
	buf.WriteString(st.src[start:end])
}

// plainLine returns the bounds of the one line of text of src, if src is
// blank but for that line and the line does not start as a block other
// than a paragraph would.
func plainLine(src string) (start, end int, ok bool) {
	end = len(src)
	for end > 0 && (src[end-1] == ' ' || src[end-1] == '\n') {
		end--
	}
	for start < end && (src[start] == ' ' || src[start] == '\n') {
		start++
	}
	line := src[start:end]
	switch {
	case line == "":
		return start, end, true
	case start > 0 && src[start-1] != '\n':
		return 0, 0, false // indented: maybe code
	case strings.IndexByte(line, '\n') >= 0:
		return 0, 0, false
	}
	switch c := line[0]; {
	case c == '[' || c >= 0x80 || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
	case '0' <= c && c <= '9':
		i := 1
		for i < len(line) && '0' <= line[i] && line[i] <= '9' {
			i++
		}
		if i < len(line) && (line[i] == '.' || line[i] == ')') {
			return 0, 0, false // maybe a list item
		}
	default:
		return 0, 0, false
	}
	return start, end, true
}

// plainRun says whether line[i:j] (between [[links]]) is text that no
// parser of goldmark's, but the paragraph's, would make anything of, and
// that needs no escaping in HTML.
func plainRun(line []byte, i, j int) bool {
	for k := i; k < j; k++ {
		c := line[k]
		if plainByte[c] {
			continue
		}
		var ok bool
		switch c {
		case '-': // not -- or ---
			ok = k+1 == len(line) || line[k+1] != '-'
		case '.': // not ...
			ok = !bytes.HasPrefix(line[k:], []byte("..."))
		case '!': // not an image
			ok = k+1 == len(line) || line[k+1] != '['
		case ':': // not a URL
			ok = !bytes.HasPrefix(line[k:], []byte("://"))
		case 'w': // not a www. link
			ok = !bytes.HasPrefix(line[k:], []byte("www."))
		}
		if !ok {
			return false
		}
	}
	return true
}

// plainByte marks the bytes plainRun passes without looking further.
var plainByte = func() (t [256]bool) {
	for c := 0x80; c < 0x100; c++ {
		t[c] = true
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = c != 'w'
		t[c-'a'+'A'] = true
	}
	for _, c := range []byte(" ,;?/%$+=#|{}^()") {
		t[c] = true
	}
	return t
}()
