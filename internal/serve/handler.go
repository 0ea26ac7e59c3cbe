package serve

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"

	"github.com/nhimg/nhiglossary/internal/serve/livereload"
)

// EventsPath is where the pages' live-reload client connects, under the
// site's root. Slugs cannot start with "_", so no page has it.
const EventsPath = "_nhiglossary/events"

func (s *server) handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.hosts.ok(r.Host) {
			s.hosts.refuse(w, r.Host)
			return
		}
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Cache-Control", "no-store")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		if r.URL.Path == "/"+EventsPath {
			s.events(w, r)
			return
		}
		s.file(w, r)
	})
}

// events connects a page to the hub. The page says which path it shows
// and at which version; if that page changed since, it reloads at once.
func (s *server) events(w http.ResponseWriter, r *http.Request) {
	if !s.hosts.sameOrigin(r) {
		http.Error(w, "cross-origin event streams are refused", http.StatusForbidden)
		return
	}
	q := r.URL.Query()
	if p, ok := outputPath(q.Get("path")); ok && q.Has("v") {
		if now := s.versionOf(p); now != q.Get("v") {
			r = r.WithContext(livereload.WithFirst(r.Context(), reloadMessage(q.Get("path"))))
		}
	}
	s.hub.ServeHTTP(w, r)
}

// versionOf is the version of what a request for p gets now.
func (s *server) versionOf(p string) string {
	if v := s.live.Version(p); v != "" {
		return v
	}
	return "none"
}

// outputPath maps a URL path to the file that answers it: "/" is
// index.html, "/terms/x/" terms/x/index.html. ok is false for a path that
// tries to leave the site ("..", "." or an empty element, a backslash or
// NUL), however it was encoded.
func outputPath(urlPath string) (string, bool) {
	if !strings.HasPrefix(urlPath, "/") || strings.ContainsAny(urlPath, "\\\x00") {
		return "", false
	}
	p := urlPath[1:]
	for i, elem := range strings.Split(p, "/") {
		if elem == ".." || elem == "." || (elem == "" && i < strings.Count(p, "/")) {
			return "", false
		}
	}
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	return p, true
}

func (s *server) file(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p, ok := outputPath(r.URL.Path)
	if !ok {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	f, err := s.live.Get(p)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if !strings.HasSuffix(p, "index.html") && s.live.Version(p+"/index.html") != "" {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
		s.notFound(w, r)
		return
	case err != nil:
		s.renderFailed(w, r, err, f.Version)
		return
	}
	data := f.Data
	if ext := path.Ext(p); ext == ".html" {
		data = withVersion(withAssetVersions(data, s.live.Base(), s.live.AssetVersions()), f.Version)
	} else if strings.HasPrefix(p, "assets/") {
		etag := `"` + f.Version + `"`
		w.Header().Set("ETag", etag)
		if r.URL.Query().Get("v") == f.Version {
			// The URL a page names it by: it changes with the content.
			w.Header().Set("Cache-Control", "max-age=31536000, immutable")
		} else {
			w.Header().Set("Cache-Control", "no-cache")
		}
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	send(w, r, p, data, http.StatusOK)
}

func send(w http.ResponseWriter, r *http.Request, name string, data []byte, status int) {
	ct := mime.TypeByExtension(path.Ext(name))
	switch path.Ext(name) {
	case ".txt":
		ct = "text/plain; charset=utf-8"
	case ".js":
		ct = "text/javascript; charset=utf-8"
	case ".json":
		ct = "application/json"
	}
	if ct == "" {
		ct = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Content-Length", fmt.Sprint(len(data)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// withAssetVersions adds each asset's version to the URLs that name it
// (src="/assets/main.js" becomes src="/assets/main.js?v=HASH"), so that a
// page that reloads finds its stylesheets and scripts in the browser's
// cache, and a changed one under a new URL, while the pages themselves
// need not render again when an asset changes.
func withAssetVersions(html []byte, base string, versions map[string]string) []byte {
	prefix := []byte(`"` + base + "assets/")
	out := make([]byte, 0, len(html)+256)
	for {
		i := bytes.Index(html, prefix)
		if i < 0 {
			break
		}
		i += len(prefix)
		out = append(out, html[:i]...)
		html = html[i:]
		end := bytes.IndexByte(html, '"')
		if end < 0 {
			break
		}
		if v, ok := versions[string(html[:end])]; ok {
			out = append(out, html[:end]...)
			out = append(out, "?v="+v...)
			html = html[end:]
		}
	}
	return append(out, html...)
}

// withVersion tells the page's live-reload client which version of the
// page it shows, in a meta element before </head>.
func withVersion(html []byte, version string) []byte {
	i := bytes.Index(html, []byte("</head>"))
	if i < 0 {
		return html
	}
	meta := `<meta name="nhiglossary-version" content="` + template.HTMLEscapeString(version) + "\">\n"
	out := make([]byte, 0, len(html)+len(meta))
	out = append(out, html[:i]...)
	out = append(out, meta...)
	return append(out, html[i:]...)
}

func (s *server) notFound(w http.ResponseWriter, r *http.Request) {
	f, err := s.live.Get("404.html")
	if err != nil {
		http.NotFound(w, r)
		return
	}
	send(w, r, "404.html", withVersion(f.Data, "none"), http.StatusNotFound)
}

// renderFailed shows a template error in place of the page; the page
// reloads by itself once the template is fixed.
func (s *server) renderFailed(w http.ResponseWriter, r *http.Request, err error, version string) {
	base := s.live.Base()
	page := errorPage.Execute
	var b bytes.Buffer
	page(&b, struct{ Err, Base, Script, Version string }{err.Error(), base, base + "assets/livereload.js", version})
	send(w, r, "error.html", b.Bytes(), http.StatusInternalServerError)
}

var errorPage = template.Must(template.New("error").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'">
<meta name="nhiglossary-version" content="{{.Version}}">
<title>This page did not render</title>
<script src="{{.Script}}" defer></script>
</head>
<body data-base="{{.Base}}">
<h1>This page did not render</h1>
<pre>{{.Err}}</pre>
<p>It reloads by itself when the problem is fixed.</p>
</body>
</html>
`))
