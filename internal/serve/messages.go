package serve

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/nhimg/nhiglossary/internal/build"
	"github.com/nhimg/nhiglossary/internal/diag"
	"github.com/nhimg/nhiglossary/internal/live"
)

// The messages the live-reload client (assets/livereload.js) reads, one
// JSON object per event:
//
//	{"type":"reload","pages":["/terms/x/"],"moved":{"/terms/old/":"/terms/new/"}}
//	    the listed pages changed ("all":true: every page); a page whose
//	    path is in moved goes to its value ("" for the A-Z index)
//	{"type":"css","hrefs":{"/assets/style.css":"/assets/style.css?v=HASH"}}
//	    these stylesheets changed: swap each for its new URL
//	{"type":"status","errors":1,"warnings":2,"failsBuild":0,"built":true,"problems":[...]}
//	    the site's problems now; an overlay lists them while errors > 0
//	    (built: the pages are those of the last good build; false before
//	    the site ever built), or the warnings `build` would fail on while
//	    failsBuild > 0 (see failsBuild; each such problem is marked)

type reloadMsg struct {
	Type  string            `json:"type"`
	All   bool              `json:"all,omitempty"`
	Pages []string          `json:"pages,omitempty"`
	Moved map[string]string `json:"moved,omitempty"`
}

type cssMsg struct {
	Type  string            `json:"type"`
	Hrefs map[string]string `json:"hrefs"`
}

type statusMsg struct {
	Type       string    `json:"type"`
	Errors     int       `json:"errors"`
	Warnings   int       `json:"warnings"`
	FailsBuild int       `json:"failsBuild"` // warnings build fails on
	Built      bool      `json:"built"`
	Problems   []problem `json:"problems"`
}

// problem is one diagnostic as the overlay shows it.
type problem struct {
	Text       string       `json:"text"` // PATH:LINE:COL: message
	Severity   string       `json:"severity"`
	Line       int          `json:"line,omitempty"`
	Col        int          `json:"col,omitempty"`
	Source     []sourceLine `json:"source,omitempty"`     // the line and its neighbours
	FailsBuild bool         `json:"failsBuild,omitempty"` // a warning build fails on
}

type sourceLine struct {
	N    int    `json:"n"`
	Text string `json:"text"`
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // plain structs of strings and ints
	}
	return b
}

// urlOf is the URL path of an output file, under base.
func urlOf(base, p string) string {
	return base + strings.TrimSuffix(p, "index.html")
}

func reloadMessage(urlPath string) []byte {
	return mustJSON(reloadMsg{Type: "reload", Pages: []string{urlPath}})
}

// changeMessage is what the browsers hear of an update; nil for nothing.
// versions are the assets' versions now.
func changeMessage(ch *live.Change, base string, versions map[string]string) []byte {
	if ch.Err != nil || !ch.Changed() {
		return nil
	}
	css := map[string]string{}
	reloadAll := ch.Full
	for _, a := range ch.Assets {
		v, ok := versions[strings.TrimPrefix(a, "assets/")]
		if strings.HasSuffix(a, ".css") && ok {
			css[base+a] = base + a + "?v=" + v
		} else {
			reloadAll = true // a script or an image: the page must load again
		}
	}
	if reloadAll {
		return mustJSON(reloadMsg{Type: "reload", All: true})
	}
	if len(ch.Pages)+len(ch.Removed) == 0 {
		return mustJSON(cssMsg{Type: "css", Hrefs: css})
	}
	m := reloadMsg{Type: "reload"}
	for _, p := range ch.Pages {
		m.Pages = append(m.Pages, urlOf(base, p))
	}
	for _, p := range ch.Removed {
		m.Pages = append(m.Pages, urlOf(base, p))
	}
	if len(ch.Moved) > 0 {
		m.Moved = map[string]string{}
		for from, to := range ch.Moved {
			if to == "" {
				m.Moved[urlOf(base, from)] = ""
			} else {
				m.Moved[urlOf(base, from)] = urlOf(base, to)
			}
		}
	}
	if len(css) > 0 {
		// Pages reload, and so get the new stylesheets too.
		m.All = true
	}
	return mustJSON(m)
}

// statusMessage lists the site's problems, with the source lines of each.
func statusMessage(site fs.FS, diags diag.List, err error, renderErrs []error, built bool) statusMsg {
	m := statusMsg{Type: "status", Built: built, Problems: []problem{}}
	lines := map[string][]string{}
	for _, d := range diags {
		p := problem{Text: d.String(), Severity: d.Severity.String(), Line: d.Pos.Line, Col: d.Pos.Col, FailsBuild: failsBuild(d)}
		if d.Severity == diag.Error {
			m.Errors++
		} else {
			m.Warnings++
		}
		if p.FailsBuild {
			m.FailsBuild++
		}
		if d.Pos.Line > 0 {
			p.Source = around(site, d.Pos, lines)
		}
		m.Problems = append(m.Problems, p)
	}
	if err != nil && !errors.Is(err, build.ErrInvalid) {
		m.Errors++
		m.Problems = append(m.Problems, problem{Text: err.Error(), Severity: "error"})
	}
	for _, e := range renderErrs {
		m.Errors++
		m.Problems = append(m.Problems, problem{Text: e.Error(), Severity: "error"})
	}
	if m.Errors == 0 {
		// Other warnings are the terminal's business.
		m.Problems = slices.DeleteFunc(m.Problems, func(p problem) bool { return !p.FailsBuild })
	}
	return m
}

// failsBuild reports whether `build` fails on what d reports although
// the preview renders it: the preview shows drafts, so a published page
// linking a draft is only a warning there, which the editor must see as
// surely as an error.
func failsBuild(d diag.Diagnostic) bool { return d.Code == diag.DraftLinkInPreview }

// around returns the line at pos with one line either side, each cut to
// a readable length.
func around(site fs.FS, pos diag.Pos, cache map[string][]string) []sourceLine {
	ls, ok := cache[pos.File]
	if !ok {
		data, err := fs.ReadFile(site, pos.File)
		if err == nil {
			sc := bufio.NewScanner(bytes.NewReader(data))
			sc.Buffer(make([]byte, 64<<10), 1<<20)
			for sc.Scan() {
				ls = append(ls, sc.Text())
			}
		}
		cache[pos.File] = ls
	}
	var out []sourceLine
	for n := max(pos.Line-1, 1); n <= pos.Line+1 && n <= len(ls); n++ {
		text := ls[n-1]
		if len(text) > 240 {
			cut := 240
			for cut > 0 && !utf8.RuneStart(text[cut]) {
				cut--
			}
			text = text[:cut] + "…"
		}
		out = append(out, sourceLine{N: n, Text: text})
	}
	return out
}
