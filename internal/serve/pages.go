package serve

import (
	"bytes"
	"html/template"
	"net/http"

	"github.com/nhimg/nhiglossary/internal/diag"
)

// The pages the preview sends in place of one the site cannot give.
// Each loads the live-reload client, so it goes by itself once the
// problem is fixed: the overlay lists what is wrong, and the reload that
// follows the fix brings the page.

// problemsPage answers a request for a page before the site ever built:
// it lists the problems in the way.
func (s *server) problemsPage(w http.ResponseWriter, r *http.Request) {
	st := s.currentStatus()
	title := "The site has " + diag.Plural(st.Errors, "error")
	if st.Warnings > 0 {
		title += " and " + diag.Plural(st.Warnings, "warning")
	}
	s.sendProblems(w, r, problemsView{
		Title:    title,
		Note:     "Nothing could be built yet. This page appears by itself once these are fixed.",
		Problems: st.Problems,
	}, noBuild, http.StatusServiceUnavailable)
}

// renderFailed shows a template error in place of the page.
func (s *server) renderFailed(w http.ResponseWriter, r *http.Request, err error, version string) {
	s.sendProblems(w, r, problemsView{
		Title:    "This page did not render",
		Note:     "It reloads by itself when the problem is fixed.",
		Problems: []problem{{Text: err.Error(), Severity: "error"}},
	}, version, http.StatusInternalServerError)
}

type problemsView struct {
	Title, Note string
	Base        string
	Problems    []problem
}

func (s *server) sendProblems(w http.ResponseWriter, r *http.Request, v problemsView, version string, status int) {
	v.Base = s.live.Base()
	var b bytes.Buffer
	if err := problemsTemplate.Execute(&b, v); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	send(w, r, "problems.html", withClient(b.Bytes(), version), status)
}

// problemsTemplate has no style of its own (the page's CSP allows none
// inline): the client's overlay shows the same problems, styled.
var problemsTemplate = template.Must(template.New("problems").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'">
<title>{{.Title}}</title>
<link rel="icon" href="{{.Base}}assets/favicon.svg" type="image/svg+xml">
</head>
<body data-base="{{.Base}}">
<h1>{{.Title}}</h1>
<p>{{.Note}}</p>
<ol>
{{- range .Problems}}
<li><pre>{{.Text}}{{range .Source}}
{{printf "%6d" .N}}  {{.Text}}{{end}}</pre></li>
{{- end}}
</ol>
</body>
</html>
`))
