package content

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/nhimg/nhiglossary/internal/diag"
)

// escapes says how a front-matter scalar spells characters in the source.
type escapes uint8

const (
	escNone      escapes = iota // plain and block scalars, TOML literal strings
	escBackslash                // YAML double-quoted, JSON and TOML basic strings
	escQuotes                   // YAML single-quoted: '' is one quote
	escUnplaced                 // the source was not found: PosAt gives the value's start
)

// alignedPos maps off in m.Text to the file by walking Text and the
// scalar's source (from m.Pos on) together. Folding, indentation, line
// breaks and escapes change only blanks and how a character is spelled,
// so Text's non-blank characters are the source's, in order, once escapes
// are decoded. ok is false when the two disagree: a case this does not
// model, where the caller falls back to the value's start.
func (m Markdown) alignedPos(off int) (diag.Pos, bool) {
	start, ok := offsetOf(m.src, m.Pos.Line, m.Pos.Col)
	if !ok || m.esc == escUnplaced || off < 0 || off > len(m.Text) {
		return diag.Pos{}, false
	}
	i, j := 0, start
	for i < off {
		if isBlank(m.Text[i]) {
			i++
			continue
		}
		j = skipBlanks(m.src, j, m.esc)
		dec, w := unit(m.src, j, m.esc)
		if w == 0 || !strings.HasPrefix(m.Text[i:], dec) {
			return diag.Pos{}, false
		}
		if i+len(dec) > off {
			break // off is inside one escaped character: point at its escape
		}
		i, j = i+len(dec), j+w
	}
	if i == off && off < len(m.Text) && !isBlank(m.Text[off]) {
		j = skipBlanks(m.src, j, m.esc)
		if dec, w := unit(m.src, j, m.esc); w == 0 || !strings.HasPrefix(m.Text[off:], dec) {
			return diag.Pos{}, false
		}
	}
	p := m.Pos
	if nl := strings.LastIndexByte(m.src[start:j], '\n'); nl >= 0 {
		p.Line += strings.Count(m.src[start:j], "\n")
		p.Col = utf8.RuneCountInString(m.src[start+nl+1:j]) + 1
	} else {
		p.Col += utf8.RuneCountInString(m.src[start:j])
	}
	return p, true
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// offsetOf is the byte offset of a file line and character column.
func offsetOf(src string, line, col int) (int, bool) {
	off := 0
	for ; line > 1; line-- {
		i := strings.IndexByte(src[off:], '\n')
		if i < 0 {
			return 0, false
		}
		off += i + 1
	}
	for ; col > 1; col-- {
		if off >= len(src) || src[off] == '\n' {
			return 0, false
		}
		_, size := utf8.DecodeRuneInString(src[off:])
		off += size
	}
	return off, true
}

// skipBlanks skips source blanks and escapes that stand for blanks (or
// for nothing: an escaped line break).
func skipBlanks(src string, j int, esc escapes) int {
	for j < len(src) {
		if isBlank(src[j]) {
			j++
			continue
		}
		if esc != escBackslash || src[j] != '\\' {
			return j
		}
		dec, w := escape(src, j)
		if w == 0 || dec != "" && !isBlank(dec[0]) {
			return j
		}
		j += w
	}
	return j
}

// unit is the next character of the source at j as decoded (dec) and how
// many source bytes spell it (w, 0 when it is not part of the value).
func unit(src string, j int, esc escapes) (dec string, w int) {
	switch {
	case j >= len(src):
		return "", 0
	case esc == escBackslash && src[j] == '\\':
		return escape(src, j)
	case esc == escQuotes && src[j] == '\'':
		if strings.HasPrefix(src[j:], "''") {
			return "'", 2
		}
		return "", 0 // the closing quote
	}
	return src[j : j+1], 1
}

// escape decodes the backslash escape at src[j]: YAML's (a superset of
// JSON's) and TOML's, which agree on what they share.
func escape(src string, j int) (dec string, w int) {
	if j+1 >= len(src) {
		return "", 0
	}
	hex := func(at, n int) (rune, bool) {
		if at+n > len(src) {
			return 0, false
		}
		v, err := strconv.ParseUint(src[at:at+n], 16, 32)
		return rune(v), err == nil
	}
	switch c := src[j+1]; c {
	case '\n', '\r':
		return "", 2 // an escaped line break joins the lines
	case ' ', '\t', '"', '\\', '/', '\'':
		return src[j+1 : j+2], 2
	case 'n':
		return "\n", 2
	case 't':
		return "\t", 2
	case 'r':
		return "\r", 2
	case '0':
		return "\x00", 2
	case 'a':
		return "\a", 2
	case 'b':
		return "\b", 2
	case 'e':
		return "\x1b", 2
	case 'f':
		return "\f", 2
	case 'v':
		return "\v", 2
	case 'N':
		return "\u0085", 2
	case '_':
		return "\u00a0", 2
	case 'L':
		return "\u2028", 2
	case 'P':
		return "\u2029", 2
	case 'x', 'u', 'U':
		n := 2
		if c == 'u' {
			n = 4
		} else if c == 'U' {
			n = 8
		}
		r, ok := hex(j+2, n)
		if !ok {
			return "", 0
		}
		w = 2 + n
		// JSON writes a character outside the BMP as a surrogate pair.
		if c == 'u' && 0xD800 <= r && r < 0xDC00 && strings.HasPrefix(src[j+w:], "\\u") {
			if lo, ok := hex(j+w+2, 4); ok && 0xDC00 <= lo && lo < 0xE000 {
				return string(0x10000 + (r-0xD800)<<10 + (lo - 0xDC00)), w + 6
			}
		}
		return string(r), w
	}
	return "", 0
}
