// Package diag owns the problems nhiglossary reports to editors: a position
// in a file, a severity and a message, collected from every stage, sorted,
// and printed as text, JSON or GitHub annotations.
package diag

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Pos is a place in a site file. File is relative to the site folder and
// uses forward slashes; Line and Col are 1-based (0 means unknown).
type Pos struct {
	File string
	Line int
	Col  int
}

func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Severity says whether a problem fails a build.
type Severity int

const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one problem, for a person to read.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Code     Code // the rule broken, which fixes Severity
	Message  string
	// named keeps how Message was made when it names other places
	// (Pos arguments), so that Under moves those with Pos.
	named *named
}

type named struct {
	format string
	args   []any
}

func (d Diagnostic) String() string {
	if d.Severity == Warning {
		return Printable(d.Pos.String() + ": warning: " + d.Message)
	}
	return Printable(d.Pos.String() + ": " + d.Message)
}

// Printable writes each control character of s as \xNN: a title an
// editor gave an escape sequence must not retitle or recolour the
// terminal a problem is printed in, nor a newline start another line.
func Printable(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isControl(r) {
			fmt.Fprintf(&b, `\x%02x`, r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isControl is true of C0 and C1 controls and DEL, the tab excepted.
func isControl(r rune) bool { return r != '\t' && (r < 0x20 || r >= 0x7f && r < 0xa0) }

// List collects diagnostics from every stage so that one run reports them all.
type List []Diagnostic

// Add reports that the rule code is broken at pos; the code says whether
// it is an error or a warning.
// A Pos among args is printed as PATH:LINE:COL, and moves with Under.
func (l *List) Add(code Code, pos Pos, format string, args ...any) {
	d := Diagnostic{Pos: placed(pos), Severity: code.Severity(), Code: code, Message: fmt.Sprintf(format, args...)}
	if slices.ContainsFunc(args, isPos) {
		d.named = &named{format, args}
	}
	*l = append(*l, d)
}

// Places are the places d's message names besides its own, in order.
func (d Diagnostic) Places() []Pos {
	var out []Pos
	if d.named != nil {
		for _, a := range d.named.args {
			if p, ok := a.(Pos); ok {
				out = append(out, p)
			}
		}
	}
	return out
}

func isPos(a any) bool {
	_, ok := a.(Pos)
	return ok
}

// placed puts a problem with a whole file (a slug taken from its name, a
// title it lacks) at its start: every diagnostic reads PATH:LINE:COL.
func placed(pos Pos) Pos {
	if pos.File != "" && pos.Line == 0 {
		pos.Line, pos.Col = 1, 1
	}
	return pos
}

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool {
	return slices.ContainsFunc(l, func(d Diagnostic) bool { return d.Severity == Error })
}

// Count returns the number of errors and warnings.
func (l List) Count() (errors, warnings int) {
	for _, d := range l {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// Sort orders by path, then position, then message, and drops exact
// duplicates, so output is stable whatever order the stages ran in.
func (l List) Sort() List {
	slices.SortFunc(l, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.Message, b.Message),
			cmp.Compare(a.Code, b.Code),
		)
	})
	return slices.CompactFunc(l, func(a, b Diagnostic) bool {
		return a.Pos == b.Pos && a.Severity == b.Severity && a.Code == b.Code && a.Message == b.Message
	})
}

// Error makes a List usable as an error; it prints every diagnostic.
func (l List) Error() string {
	var b strings.Builder
	for i, d := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}

// Under puts every file path under dir, so that paths read from where the
// command runs (`check --src docs/glossary` prints
// docs/glossary/content/...). dir "" or "." leaves them as they are;
// names that are not files (a flag such as --base-url) stay too.
func (l List) Under(dir string) List {
	dir = strings.TrimSuffix(strings.ReplaceAll(dir, "\\", "/"), "/")
	if dir == "" || dir == "." {
		return l
	}
	under := func(p Pos) Pos {
		if p.File != "" && !strings.HasPrefix(p.File, "-") {
			p.File = dir + "/" + p.File
		}
		return p
	}
	out := slices.Clone(l)
	for i := range out {
		d := &out[i]
		d.Pos = under(d.Pos)
		if d.named != nil {
			args := slices.Clone(d.named.args)
			for j, a := range args {
				if p, ok := a.(Pos); ok {
					args[j] = under(p)
				}
			}
			d.Message = fmt.Sprintf(d.named.format, args...)
		}
	}
	return out
}

// WriteText prints one diagnostic per line: PATH:LINE:COL: message. A
// warning ends with its code in brackets, the name that switches it off.
func WriteText(w io.Writer, l List) error {
	for _, d := range l {
		if _, err := fmt.Fprintln(w, d.String()+codeSuffix(d)); err != nil {
			return err
		}
	}
	return nil
}

// codeSuffix is " [code]" for a warning: the name that switches it off.
func codeSuffix(d Diagnostic) string {
	if d.Severity != Warning || d.Code == "" {
		return ""
	}
	return " [" + string(d.Code) + "]"
}

type jsonDiag struct {
	Path     string `json:"path"`
	Line     int    `json:"line"`
	Col      int    `json:"column"`
	Severity string `json:"severity"`
	Code     Code   `json:"code"`
	Message  string `json:"message"`
}

// WriteJSON prints the list as a JSON array (an empty array when clean).
func WriteJSON(w io.Writer, l List) error {
	out := make([]jsonDiag, 0, len(l))
	for _, d := range l {
		out = append(out, jsonDiag{d.Pos.File, d.Pos.Line, d.Pos.Col, d.Severity.String(), d.Code, d.Message})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// WriteGitHub prints GitHub Actions workflow commands, which show each
// problem as an annotation on the pull request's diff.
func WriteGitHub(w io.Writer, l List) error {
	for _, d := range l {
		props := "file=" + Printable(ghEscape(d.Pos.File, true))
		if d.Pos.Line > 0 {
			props += fmt.Sprintf(",line=%d", d.Pos.Line)
		}
		if d.Pos.Col > 0 {
			props += fmt.Sprintf(",col=%d", d.Pos.Col)
		}
		if d.Code != "" {
			props += ",title=" + ghEscape(string(d.Code), true)
		}
		if _, err := fmt.Fprintf(w, "::%s %s::%s\n", d.Severity, props, Printable(ghEscape(d.Message+codeSuffix(d), false))); err != nil {
			return err
		}
	}
	return nil
}

// ghEscape follows the workflow-command escaping rules, so a message with
// a newline or a colon cannot end the annotation early.
func ghEscape(s string, property bool) string {
	r := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	s = r.Replace(s)
	if property {
		s = strings.NewReplacer(":", "%3A", ",", "%2C").Replace(s)
	}
	return s
}
