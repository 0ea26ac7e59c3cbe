package serve

import (
	"bytes"
	"errors"
	"html/template"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/nhimg/nhiglossary/internal/diag"
	"github.com/nhimg/nhiglossary/internal/serve/livereload"
)

// eventsPath is where the pages' live-reload client connects, and
// clientPath where it is loaded from, under the site's root. Slugs cannot
// start with "_", so no page has them.
const (
	eventsPath = "_nhiglossary/events"
	clientPath = "_nhiglossary/livereload.js"
)

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
		switch r.URL.Path {
		case "/" + eventsPath:
			s.events(w, r)
		case "/" + clientPath:
			s.client(w, r)
		default:
			s.file(w, r)
		}
	})
}

// events connects a page to the hub. The page says which path it shows
// and at which version; if that page changed since, it reloads at once.
// While connected, the path counts as open (openPages): an update renders
// it before anyone asks.
func (s *server) events(w http.ResponseWriter, r *http.Request) {
	if !s.hosts.sameOrigin(r) {
		http.Error(w, "cross-origin event streams are refused", http.StatusForbidden)
		return
	}
	q := r.URL.Query()
	if p, ok := outputPath(q.Get("path")); ok {
		if q.Has("v") {
			if now := s.versionOf(p); now != q.Get("v") {
				r = r.WithContext(livereload.WithFirst(r.Context(), reloadMessage(q.Get("path"))))
			}
		}
		s.open.add(p)
		defer s.open.done(p)
	}
	s.hub.ServeHTTP(w, r)
}

// The versions of the pages that stand in for a missing one: the site's
// 404 page, and the problems page before the site first built. A page
// that connects with the latter once the site has built reloads at once.
const (
	noPage  = "none"
	noBuild = "unbuilt"
)

// versionOf is the version of what a request for p gets now.
func (s *server) versionOf(p string) string {
	if v := s.live.Version(p); v != "" {
		return v
	}
	if !s.built.Load() {
		return noBuild
	}
	return noPage
}

// client sends the live-reload script.
func (s *server) client(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("ETag", `"`+livereload.ClientVersion+`"`)
	if r.URL.Query().Get("v") == livereload.ClientVersion {
		// Pages name it by its version: a reload need not ask again.
		w.Header().Set("Cache-Control", "max-age=31536000, immutable")
	} else {
		w.Header().Set("Cache-Control", "no-cache")
	}
	serveBytes(w, r, clientPath, livereload.Client)
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
		if !s.built.Load() && isPage(p) {
			s.problemsPage(w, r)
			return
		}
		s.notFound(w, r)
		return
	case err != nil:
		s.renderFailed(w, r, err, f.Version)
		return
	}
	if path.Ext(p) == ".html" {
		serveBytes(w, r, p, withClient(withAssetVersions(f.Data, s.live.Base(), s.live.AssetVersions()), f.Version))
		return
	}
	// Other files are revalidated by their version, which changes with
	// their content; an asset named by its version may be kept for good.
	w.Header().Set("ETag", `"`+f.Version+`"`)
	if strings.HasPrefix(p, "assets/") && r.URL.Query().Get("v") == f.Version {
		w.Header().Set("Cache-Control", "max-age=31536000, immutable")
	} else {
		w.Header().Set("Cache-Control", "no-cache")
	}
	serveBytes(w, r, p, f.Data)
}

// isPage reports whether a request for output path p is for a page (or
// would be, in a site that built), not for a file of another kind.
func isPage(p string) bool {
	ext := path.Ext(p)
	return ext == ".html" || ext == ""
}

// contentType is the Content-Type of an output file.
func contentType(name string) string {
	switch path.Ext(name) {
	case ".txt":
		return "text/plain; charset=utf-8"
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".json":
		return "application/json"
	}
	if ct := mime.TypeByExtension(path.Ext(name)); ct != "" {
		return ct
	}
	return "application/octet-stream"
}

// serveBytes sends a file that was found; net/http answers conditional
// (If-None-Match, given an ETag) and range requests, and HEAD.
func serveBytes(w http.ResponseWriter, r *http.Request, name string, data []byte) {
	w.Header().Set("Content-Type", contentType(name))
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
}

// send sends a page that stands in for one that could not be had.
func send(w http.ResponseWriter, r *http.Request, name string, data []byte, status int) {
	w.Header().Set("Content-Type", contentType(name))
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
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

// withClient adds the live-reload client to a page before </head>, and
// tells it which version of the page it shows.
func withClient(html []byte, version string) []byte {
	i := bytes.Index(html, []byte("</head>"))
	if i < 0 {
		return html
	}
	tags := `<meta name="nhiglossary-version" content="` + template.HTMLEscapeString(version) + "\">\n" +
		`<script src="/` + clientPath + "?v=" + livereload.ClientVersion + `" defer></script>` + "\n"
	out := make([]byte, 0, len(html)+len(tags))
	out = append(out, html[:i]...)
	out = append(out, tags...)
	return append(out, html[i:]...)
}

func (s *server) notFound(w http.ResponseWriter, r *http.Request) {
	f, err := s.live.Get("404.html")
	switch {
	case errors.Is(err, fs.ErrNotExist): // not a page, before the site built
		// A script or feed reader gets no page to show problems in: the
		// reason, in words.
		st := s.currentStatus()
		http.Error(w, "nhiglossary serve: nothing is built yet: the site has "+diag.Plural(st.Errors, "error")+"; open any page to see them, or read them in the terminal", http.StatusServiceUnavailable)
		return
	case err != nil:
		s.renderFailed(w, r, err, noPage)
		return
	}
	send(w, r, "404.html", withClient(f.Data, noPage), http.StatusNotFound)
}
