package markdown

import (
	"bufio"
	"strings"
	"sync"

	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
)

// The highlighting styles: light by default, dark on request.
const (
	lightStyle = "github"
	darkStyle  = "github-dark"
)

// ChromaCSS returns the stylesheet of highlighted code: the light style by
// default, the dark one under [data-theme="dark"], and under
// prefers-color-scheme: dark unless the page asks for the light theme.
func ChromaCSS() string { return chromaCSS() }

var chromaCSS = sync.OnceValue(func() string {
	light := cssRules(lightStyle)
	dark := cssRules(darkStyle)
	// A property the light style sets and the dark one does not must not
	// leak into the dark theme (dark punctuation on a dark background).
	for _, sel := range light.order {
		d := dark.decls[sel]
		for _, decl := range light.decls[sel] {
			if !hasProperty(d, property(decl)) {
				d = append(d, property(decl)+": unset")
			}
		}
		if _, ok := dark.decls[sel]; !ok {
			dark.order = append(dark.order, sel)
		}
		dark.decls[sel] = d
	}

	var b strings.Builder
	b.WriteString("/* Code highlighting (chroma " + lightStyle + " / " + darkStyle + "). */\n")
	light.write(&b, "", "")
	dark.write(&b, `[data-theme="dark"] `, "")
	b.WriteString("@media (prefers-color-scheme: dark) {\n")
	dark.write(&b, `:root:not([data-theme="light"]) `, "  ")
	b.WriteString("}\n")
	return b.String()
})

// rules are the CSS rules of a chroma style, by selector.
type rules struct {
	order []string
	decls map[string][]string
}

func cssRules(style string) rules {
	var b strings.Builder
	f := chromahtml.New(chromahtml.WithClasses(true), chromahtml.WithCSSComments(false))
	_ = f.WriteCSS(&b, styles.Get(style)) // a strings.Builder does not fail
	r := rules{decls: map[string][]string{}}
	sc := bufio.NewScanner(strings.NewReader(b.String()))
	for sc.Scan() {
		sel, body, ok := strings.Cut(sc.Text(), "{")
		if !ok {
			continue
		}
		sel = strings.TrimSpace(sel)
		body = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(body), "}"))
		var decls []string
		for d := range strings.SplitSeq(body, ";") {
			if d = strings.TrimSpace(d); d != "" {
				decls = append(decls, d)
			}
		}
		if _, ok := r.decls[sel]; !ok {
			r.order = append(r.order, sel)
		}
		r.decls[sel] = append(r.decls[sel], decls...)
	}
	return r
}

func (r rules) write(b *strings.Builder, scope, indent string) {
	for _, sel := range r.order {
		b.WriteString(indent + scope + sel + " { " + strings.Join(r.decls[sel], "; ") + " }\n")
	}
}

func property(decl string) string {
	p, _, _ := strings.Cut(decl, ":")
	return strings.TrimSpace(p)
}

func hasProperty(decls []string, prop string) bool {
	for _, d := range decls {
		if property(d) == prop {
			return true
		}
	}
	return false
}
