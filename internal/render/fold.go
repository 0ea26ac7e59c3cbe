package render

import (
	"bytes"
	"errors"
	"html/template"
	"io"
	"text/template/parse"

	"github.com/nhimg/nhiglossary/internal/i18n"
)

// A language's interface text is constant: {{t "back_to_glossary"}}
// prints the same words on every page. Left as it is, each phrase costs
// a page two reflective calls (t, then html/template's escaper), about a
// fifth of a term page's allocations. prepare makes the phrases plain
// text of the parsed templates in two steps:
//
//  1. before html/template escapes a set, {{t "key"}} becomes the
//     constant {{"the phrase"}}, which html/template then escapes in its
//     context like any other value;
//  2. once the renderer's entry templates are escaped, an action that
//     prints a constant through one escaper becomes the text
//     html/template's own escaper makes of it (see escapers).
//
// Nothing is trusted that html/template would not have escaped: an action
// whose escaping is anything else (a URL, a script, a style) is left to
// run as it did. Step 2 holds only while nothing is escaped after it:
// html/template, escaping a template for a new context, would copy the
// folded text as trusted template text. So the entries are escaped here,
// in the order the renderer first runs them, and executeShared and
// executeNamed refuse any other name (execute runs base.html alone).

// pageEntries and sharedEntries are the templates the renderer runs by
// name, in a page kind's set and in the shared set, in the order it
// first runs them: the chrome of each kind before its pages, a term's
// link before its card (which prints the link).
var (
	pageEntries   = []string{"head-chrome", "header-chrome", "footer-chrome", "base.html"}
	sharedEntries = []string{"crumbs", "termlink", "termcard", "incidentitem", "taglink", "mappingcells", "matrixcell"}
)

// prepare escapes the entries of set and folds its phrases (see above);
// esc are the escapers (see escapers), made once for every set.
// The first entry html/template cannot escape is an error, returned, so
// that check reports it without pages.
func prepare(set *template.Template, text *i18n.Text, esc map[string]func(string) string, entries []string) error {
	for _, t := range set.Templates() {
		if t.Tree != nil {
			walkActions(t.Tree.Root, func(a *parse.ActionNode) parse.Node {
				if key, ok := phraseKey(a.Pipe); ok {
					cmd := a.Pipe.Cmds[0]
					s := cmd.Args[1].(*parse.StringNode)
					s.Text = text.T(key)
					s.Quoted = "" // printed only in errors; the phrase is no Go literal
					cmd.Args = cmd.Args[1:]
				}
				return a
			})
		}
	}
	// html/template escapes a template (and what it calls) when it first
	// runs; running it on nothing does that now.
	for _, name := range entries {
		if t := set.Lookup(name); t != nil {
			var escErr *template.Error
			if err := t.Execute(io.Discard, nil); errors.As(err, &escErr) {
				return escErr
			}
		}
	}
	for _, t := range set.Templates() {
		if t.Tree != nil {
			walkActions(t.Tree.Root, func(a *parse.ActionNode) parse.Node {
				if s, name, ok := escapedConstant(a.Pipe); ok {
					if escape, ok := esc[name]; ok {
						return &parse.TextNode{NodeType: parse.NodeText, Pos: a.Pos, Text: []byte(escape(s))}
					}
				}
				return a
			})
		}
	}
	return nil
}

// phraseKey is key when p is exactly {{t "key"}}.
func phraseKey(p *parse.PipeNode) (string, bool) {
	if p == nil || len(p.Decl) > 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 2 {
		return "", false
	}
	id, ok := p.Cmds[0].Args[0].(*parse.IdentifierNode)
	if !ok || id.Ident != "t" {
		return "", false
	}
	s, ok := p.Cmds[0].Args[1].(*parse.StringNode)
	if !ok {
		return "", false
	}
	return s.Text, true
}

// escapedConstant is the constant and the one escaper of an escaped
// {{"text" | escaper}}.
func escapedConstant(p *parse.PipeNode) (s, escaper string, ok bool) {
	if p == nil || len(p.Decl) > 0 || len(p.Cmds) != 2 || len(p.Cmds[0].Args) != 1 || len(p.Cmds[1].Args) != 1 {
		return "", "", false
	}
	c, ok := p.Cmds[0].Args[0].(*parse.StringNode)
	if !ok {
		return "", "", false
	}
	e, ok := p.Cmds[1].Args[0].(*parse.IdentifierNode)
	if !ok {
		return "", "", false
	}
	return c.Text, e.Ident, true
}

// escapers are html/template's escapers of HTML text and of a quoted
// attribute's text, each run the only way there is: by html/template, on
// a template that prints a value in that context. Each is kept only if
// that template's escaped form is the one escaper it is taken for, so a
// future html/template that escapes otherwise folds nothing.
func escapers() map[string]func(string) string {
	probes := []struct{ src, before, after string }{
		{"{{.}}", "", ""},
		{`<p title="{{.}}">`, `<p title="`, `">`},
	}
	out := map[string]func(string) string{}
	for _, p := range probes {
		t, err := template.New("probe").Parse(p.src)
		if err != nil {
			continue
		}
		var b bytes.Buffer
		if t.Execute(&b, "") != nil || b.String() != p.before+p.after {
			continue
		}
		var name string
		walkActions(t.Tree.Root, func(a *parse.ActionNode) parse.Node {
			if len(a.Pipe.Cmds) == 2 {
				if id, ok := a.Pipe.Cmds[1].Args[0].(*parse.IdentifierNode); ok {
					name = id.Ident
				}
			}
			return a
		})
		if name == "" {
			continue
		}
		out[name] = func(s string) string {
			var b bytes.Buffer
			t.Execute(&b, s)
			return string(b.Bytes()[len(p.before) : b.Len()-len(p.after)])
		}
	}
	return out
}

// walkActions calls f on every action under n, in every branch, and puts
// what f returns in its place.
func walkActions(n parse.Node, f func(*parse.ActionNode) parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for i, c := range n.Nodes {
			if a, ok := c.(*parse.ActionNode); ok {
				n.Nodes[i] = f(a)
				continue
			}
			walkActions(c, f)
		}
	case *parse.IfNode:
		walkActions(n.List, f)
		walkActions(n.ElseList, f)
	case *parse.RangeNode:
		walkActions(n.List, f)
		walkActions(n.ElseList, f)
	case *parse.WithNode:
		walkActions(n.List, f)
		walkActions(n.ElseList, f)
	}
}
