package content

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/nhimg/nhiglossary/internal/diag"
	"github.com/nhimg/nhiglossary/internal/i18n"
)

// The folders and file a site is made of, relative to its root.
const (
	ConfigFile    = "nhiglossary.yaml"
	TermsDir      = "content/terms"
	FrameworksDir = "content/frameworks"
	IncidentsDir  = "content/incidents"
)

// maxSummary is the length past which a summary gets a warning: it is shown
// in lists, tooltips and search results, where a paragraph does not fit.
const maxSummary = 300

// Load reads a whole site from fsys. It returns every problem it finds;
// the site is usable by later stages only when diags has no errors.
func Load(fsys fs.FS) (*Site, diag.List) {
	cfg, diags := LoadConfig(fsys)
	files, more := AllFiles(fsys)
	s, diags := Assemble(cfg, append(diags, more...), loadFiles(fsys, files, cfg))
	var more2 diag.List
	s.Interface, more2 = LoadInterface(fsys, s.Config)
	return s, append(diags, more2...).Sort()
}

// listFiles returns the files under dir with the extension ext, sorted,
// skipping what editors leave beside their files (dotfiles, backups).
func listFiles(fsys fs.FS, dir, ext string, diags *diag.List) []string {
	var out []string
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipDir
			}
			diags.Add(diag.CannotRead, diag.Pos{File: p, Line: 1, Col: 1}, "cannot read: %v", err)
			return nil
		}
		name := d.Name()
		if p != dir && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || strings.HasPrefix(name, "#")) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() && strings.HasSuffix(name, ext) {
			out = append(out, p)
		}
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		diags.Add(diag.CannotRead, diag.Pos{File: dir, Line: 1, Col: 1}, "cannot read: %v", err)
	}
	return out
}

// readFile reads file, into *buf when buf is not nil: Load reuses one
// buffer per worker, as a file's bytes are garbage once parseDocument
// has copied its text. So nothing may keep a slice of what it returns.
func readFile(fsys fs.FS, file string, buf *[]byte, diags *diag.List) ([]byte, bool) {
	var src []byte
	var err error
	if buf == nil {
		src, err = fs.ReadFile(fsys, file)
	} else {
		src, err = readInto(fsys, file, (*buf)[:0])
		*buf = src
	}
	if err != nil {
		diags.Add(diag.CannotRead, diag.Pos{File: file, Line: 1, Col: 1}, "cannot read: %v", err)
		return nil, false
	}
	return src, true
}

// readInto is fs.ReadFile appending to buf.
func readInto(fsys fs.FS, file string, buf []byte) ([]byte, error) {
	f, err := fsys.Open(file)
	if err != nil {
		return buf, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Size() < 1<<30 {
		buf = slices.Grow(buf, int(fi.Size())+1) // +1: the read that finds the end
	}
	for {
		if len(buf) == cap(buf) {
			buf = slices.Grow(buf, 4096)
		}
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			if pe, ok := err.(*fs.PathError); ok {
				pe.Path = file // as os.DirFS's ReadFile names it
			}
			return buf, err
		}
	}
}

// readDoc parses a term's or an incident's file.
func readDoc(file string, src []byte, diags *diag.List) (document, bool) {
	if !isUTF8(file, src, diags) {
		return document{}, false
	}
	doc := parseDocument(file, src, diags)
	return doc, doc.meta != nil
}

// isUTF8 reports whether the file's text is UTF-8, and says when not:
// every file the site reads, Markdown or YAML, must be.
func isUTF8(file string, src []byte, diags *diag.List) bool {
	if !utf8.Valid(src) {
		diags.Add(diag.NotUTF8, diag.Pos{File: file, Line: 1, Col: 1}, "not UTF-8 text: save the file as UTF-8")
		return false
	}
	return true
}

func fileSlug(file string) string {
	return strings.TrimSuffix(path.Base(file), path.Ext(file))
}

// loadConfig reads the settings; without the file, or with a mistake in
// it, the defaults (of what could not be read) stand, so that what later
// stages read of languages is settled either way.
func loadConfig(fsys fs.FS, diags *diag.List) Config {
	cfg := readConfig(fsys, diags)
	cfg.settleLanguages(diags)
	return cfg
}

func readConfig(fsys fs.FS, diags *diag.List) Config {
	cfg := DefaultConfig()
	src, err := fs.ReadFile(fsys, ConfigFile)
	if errors.Is(err, fs.ErrNotExist) {
		return cfg
	}
	cfg.FromFile = true
	if err != nil {
		diags.Add(diag.CannotRead, diag.Pos{File: ConfigFile, Line: 1, Col: 1}, "cannot read: %v", err)
		return cfg
	}
	if !isUTF8(ConfigFile, src, diags) {
		return cfg
	}
	src = clean(src)
	n, err := parseYAML(src, string(src))
	if err != nil {
		var pe posError
		errors.As(err, &pe)
		diags.Add(diag.FrontMatterSyntax, diag.Pos{File: ConfigFile, Line: pe.line, Col: pe.col}, "%s", pe.msg)
		return cfg
	}
	d := &decoder{file: ConfigFile, diags: diags}
	var language diag.Pos // where language: is set, if it is
	d.fields(n, diag.Pos{File: ConfigFile, Line: 1, Col: 1}, ConfigFile, []field{
		{"title", false, func(k, v *yaml.Node) { cfg.Title = d.text(k, v) }},
		{"base_url", false, func(k, v *yaml.Node) { cfg.BaseURL = d.baseURL(k, v) }},
		{"description", false, func(k, v *yaml.Node) { cfg.Description = d.text(k, v) }},
		{"language", false, func(k, v *yaml.Node) {
			if code, ok := d.languageCode(k, v); ok {
				cfg.Language, language = code, d.pos(v)
			}
		}},
		{"publisher", false, func(k, v *yaml.Node) { cfg.Publisher = d.text(k, v) }},
		{"default_author", false, func(k, v *yaml.Node) { cfg.DefaultAuthor = d.text(k, v) }},
		{"autolink", false, func(k, v *yaml.Node) {
			s := d.text(k, v)
			if s == "first" || s == "all" || s == "off" {
				cfg.Autolink = s
				return
			}
			d.add(diag.InvalidValue, v, "\"autolink\" must be first, all or off, not %q%s", s, diag.DidYouMean(s, []string{"first", "all", "off"}))
		}},
		{"unsafe_html", false, func(k, v *yaml.Node) { cfg.UnsafeHTML = d.boolean(k, v) }},
		{"review_every", false, func(k, v *yaml.Node) { cfg.ReviewEvery = d.period(k, v); cfg.ReviewPos = d.pos(k) }},
		{"languages", false, func(k, v *yaml.Node) { cfg.Languages = d.languages(k, v) }},
		{"warnings", false, func(k, v *yaml.Node) { cfg.WarningsOff = d.warningsOff(v) }},
	})
	if len(cfg.Languages) > 0 && language.Line > 0 && !strings.EqualFold(cfg.Language, cfg.Languages[0].Code) {
		diags.Add(diag.LanguageIgnored, language, "\"language\": %q is ignored: with \"languages\", the first listed (%q) is the site's language; remove \"language\" or list %q first", cfg.Language, cfg.Languages[0].Code, cfg.Language)
	}
	return cfg
}

func (d *decoder) baseURL(k, v *yaml.Node) string {
	s := d.text(k, v)
	if s == "" {
		return "/"
	}
	u, err := ParseBaseURL(s)
	if err != nil {
		d.add(diag.InvalidURL, v, "\"base_url\": %v", err)
		return "/"
	}
	return u
}

// ParseBaseURL checks a base URL (absolute http(s), or a path starting
// with /) and returns it with a trailing slash.
func ParseBaseURL(s string) (string, error) {
	u, err := parseURL(s)
	if err != nil {
		return "", err
	}
	// Every file names the site by it, robots.txt and templates of other
	// formats as written: it holds only what a URL may hold unencoded.
	if i := strings.IndexFunc(u, func(r rune) bool { return r < 0x20 || r == 0x7f || strings.ContainsRune("\"<>{}|\\^` ", r) }); i >= 0 {
		return "", fmt.Errorf("%q has %q, which a URL holds only percent-encoded", s, u[i:i+1])
	}
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u, nil
}

// loadTerm reads a term, or with translation a term's translation into
// lang, which may set only the text.
func loadTerm(file string, src []byte, cfg Config, lang string, translation bool, diags *diag.List) *Term {
	doc, ok := readDoc(file, src, diags)
	if !ok {
		return nil
	}
	d := &decoder{file: file, src: doc.src, kind: doc.kind, diags: diags}
	start := diag.Pos{File: file, Line: max(doc.metaLine-1, 1), Col: 1}
	t := &Term{File: file, Lang: lang, Author: cfg.DefaultAuthor, Autolink: true, Body: doc.body}
	var summaryMD Markdown
	var replacedKey diag.Pos
	fields := []field{
		{"title", true, func(k, v *yaml.Node) { t.Title = d.name(k, v) }},
		{"slug", false, func(k, v *yaml.Node) { t.Slug = d.slug(k, v) }},
		{"summary", true, func(k, v *yaml.Node) {
			text := d.text(k, v)
			if strings.Contains(text, Placeholder) {
				summaryMD = d.markdown(k, v) // to place the placeholder exactly
			}
			d.plainLinks(k, v, text)
			t.Summary = oneLine(text)
			t.SummaryPos = d.pos(v)
		}},
		{"abbreviations", false, func(k, v *yaml.Node) { t.Abbreviations = d.names(k, v) }},
		{"synonyms", false, func(k, v *yaml.Node) { t.Synonyms = d.names(k, v) }},
		{"redirects", false, func(k, v *yaml.Node) {
			t.Redirects = d.names(k, v)
			for _, r := range t.Redirects {
				if !ValidSlug(r.Value) {
					diags.Add(diag.InvalidSlug, r.Pos, "redirect %q is not a slug: use lower-case letters, digits and single hyphens", r.Value)
				}
			}
		}},
		{"category", false, func(k, v *yaml.Node) { t.Category = d.text(k, v) }},
		{"tags", false, func(k, v *yaml.Node) { t.Tags = d.strings(k, v) }},
		{"related", false, func(k, v *yaml.Node) { t.Related = d.names(k, v) }},
		{"broader", false, func(k, v *yaml.Node) { t.Broader = d.nameList(k, v) }},
		{"examples", false, func(k, v *yaml.Node) {
			l := d.list(k, v)
			if len(l) > 0 {
				t.Examples = make([]Markdown, 0, len(l))
			}
			for _, e := range l {
				t.Examples = append(t.Examples, d.markdown(k, e))
			}
		}},
		{"incidents", false, func(k, v *yaml.Node) { t.Incidents = d.names(k, v) }},
		{"mappings", false, func(k, v *yaml.Node) {
			l := d.list(k, v)
			if len(l) > 0 {
				t.Mappings = make([]Mapping, 0, len(l))
			}
			for _, e := range l {
				m := Mapping{Pos: d.pos(e)}
				d.fields(e, d.pos(e), "a mapping", []field{
					{"framework", true, func(k, v *yaml.Node) { m.Framework = d.name(k, v) }},
					{"control", false, func(k, v *yaml.Node) { m.Control = d.name(k, v) }},
					{"relevance", false, func(k, v *yaml.Node) { m.Relevance = d.markdown(k, v) }},
				})
				t.Mappings = append(t.Mappings, m)
			}
		}},
		{"takeaway", false, func(k, v *yaml.Node) { t.Takeaway = d.text(k, v); d.plainLinks(k, v, t.Takeaway) }},
		{"sources", false, func(k, v *yaml.Node) { t.Sources = d.sources(k, v) }},
		{"author", false, func(k, v *yaml.Node) { t.Author = d.text(k, v) }},
		{"updated", true, func(k, v *yaml.Node) { t.Updated = d.date(k, v); t.UpdatedPos = d.valuePos(v) }},
		{"reviewed", false, func(k, v *yaml.Node) {
			r := &Review{Pos: d.pos(k)}
			d.fields(v, d.pos(v), "\"reviewed\"", []field{
				{"by", true, func(k, v *yaml.Node) { r.By = d.text(k, v) }},
				{"on", true, func(k, v *yaml.Node) { r.On, r.Pos = d.date(k, v), d.valuePos(v) }},
			})
			t.Reviewed = r
		}},
		{"draft", false, func(k, v *yaml.Node) { t.Draft = d.boolean(k, v) }},
		{"autolink", false, func(k, v *yaml.Node) { t.Autolink = d.boolean(k, v) }},
		{"deprecated", false, func(k, v *yaml.Node) { t.Deprecated = d.boolean(k, v) }},
		{"replaced_by", false, func(k, v *yaml.Node) { t.ReplacedBy = d.name(k, v); replacedKey = d.pos(k) }},
		{"review_every", false, func(k, v *yaml.Node) { t.ReviewEvery = d.period(k, v) }},
		{"definitions", false, func(k, v *yaml.Node) {
			for _, e := range d.list(k, v) {
				var def Definition
				d.fields(e, d.pos(e), "a definition", []field{
					{"text", true, func(k, v *yaml.Node) { def.Text = oneLine(d.text(k, v)) }},
					{"source", true, func(k, v *yaml.Node) { def.Source = d.source(v, "a definition's source") }},
					{"context", false, func(k, v *yaml.Node) { def.Context = d.text(k, v) }},
				})
				t.Definitions = append(t.Definitions, def)
			}
		}},
	}
	what := "a term"
	if translation {
		original, _, _ := splitLang(file)
		fields, what = d.translationFields(fields, original, &t.SourceUpdated, &t.SourceUpdatedPos), "a translation"
	}
	d.fields(doc.meta, start, what, fields)
	if translation {
		return t // its slug is its original's (see pairTranslations)
	}
	if t.Slug.Value == "" {
		t.Slug = Name{Value: fileSlug(file), Pos: diag.Pos{File: file}}
		if !ValidSlug(t.Slug.Value) {
			diags.Add(diag.InvalidSlug, diag.Pos{File: file, Line: 1, Col: 1}, "file name %q is not a slug: rename the file to \"%s.md\" or set \"slug\"", path.Base(file), Slugify(t.Slug.Value))
		}
	}
	if t.ReplacedBy.Value != "" && !t.Deprecated {
		diags.Add(diag.ReplacedByNotDeprecated, replacedKey, "\"replaced_by\" is for deprecated terms: add \"deprecated: true\" or remove it")
	}
	relevance := make([]Markdown, 0, len(t.Mappings))
	for _, m := range t.Mappings {
		relevance = append(relevance, m.Relevance)
	}
	checkCitations(t.Sources, diags, append(append([]Markdown{t.Body}, t.Examples...), relevance...)...)
	if !t.Draft {
		placeholders(diags, summaryMD, t.Body)
		placeholders(diags, t.Examples...)
	}
	if n := utf8.RuneCountInString(t.Summary); n > maxSummary {
		diags.Add(diag.LongSummary, t.SummaryPos, "summary is %d characters long; keep it under %d, it is shown in lists, previews and search results", n, maxSummary)
	}
	return t
}

func loadFramework(file string, src []byte, diags *diag.List) *Framework {
	if !isUTF8(file, src, diags) {
		return nil
	}
	src = clean(src)
	text := string(src)
	n, err := parseYAML(src, text)
	if err != nil {
		var pe posError
		errors.As(err, &pe)
		diags.Add(diag.FrontMatterSyntax, diag.Pos{File: file, Line: pe.line, Col: pe.col}, "%s", pe.msg)
		return nil
	}
	f := &Framework{File: file, ID: fileSlug(file)}
	if !ValidSlug(f.ID) {
		diags.Add(diag.InvalidSlug, diag.Pos{File: file, Line: 1, Col: 1}, "file name %q is not a framework id: rename it to \"%s.yaml\"", path.Base(file), Slugify(f.ID))
	}
	d := &decoder{file: file, src: text, diags: diags}
	d.fields(n, diag.Pos{File: file, Line: 1, Col: 1}, "a framework", []field{
		{"name", true, func(k, v *yaml.Node) { f.Name = d.text(k, v) }},
		{"short", false, func(k, v *yaml.Node) { f.Short = d.text(k, v) }},
		{"version", false, func(k, v *yaml.Node) { f.Version = d.text(k, v) }},
		{"url", false, func(k, v *yaml.Node) { f.URL = d.url(k, v) }},
		{"description", false, func(k, v *yaml.Node) { f.Description = d.markdown(k, v) }},
		{"controls", false, func(k, v *yaml.Node) {
			seen := map[string]diag.Pos{}
			for _, e := range d.list(k, v) {
				c := &Control{}
				d.fields(e, d.pos(e), "a control", []field{
					{"id", true, func(k, v *yaml.Node) { c.ID = d.name(k, v) }},
					{"title", false, func(k, v *yaml.Node) { c.Title = d.text(k, v) }}, // pages name it by its id then
					{"url", false, func(k, v *yaml.Node) { c.URL = d.url(k, v) }},
					{"description", false, func(k, v *yaml.Node) { c.Description = d.markdown(k, v) }},
				})
				if c.ID.Value == "" {
					continue
				}
				if !ValidControlID(c.ID.Value) {
					diags.Add(diag.InvalidControlID, c.ID.Pos, "control id %q must not contain spaces, '/', '|' or brackets", c.ID.Value)
				}
				if prev, dup := seen[strings.ToLower(c.ID.Value)]; dup {
					diags.Add(diag.DuplicateControl, c.ID.Pos, "duplicate control id %q (first at line %d)", c.ID.Value, prev.Line)
					continue
				}
				seen[strings.ToLower(c.ID.Value)] = c.ID.Pos
				f.Controls = append(f.Controls, c)
			}
		}},
	})
	if f.Short == "" {
		f.Short = f.Name
	}
	return f
}

func loadIncident(file string, src []byte, lang string, translation bool, diags *diag.List) *Incident {
	doc, ok := readDoc(file, src, diags)
	if !ok {
		return nil
	}
	d := &decoder{file: file, src: doc.src, kind: doc.kind, diags: diags}
	start := diag.Pos{File: file, Line: max(doc.metaLine-1, 1), Col: 1}
	inc := &Incident{File: file, Lang: lang, Body: doc.body}
	fields := []field{
		{"title", true, func(k, v *yaml.Node) { inc.Title = d.name(k, v) }},
		{"slug", false, func(k, v *yaml.Node) { inc.Slug = d.slug(k, v) }},
		{"date", true, func(k, v *yaml.Node) { inc.Date = d.date(k, v) }},
		{"summary", true, func(k, v *yaml.Node) { inc.Summary = d.markdown(k, v) }},
		{"sources", false, func(k, v *yaml.Node) { inc.Sources = d.sources(k, v) }},
		{"tags", false, func(k, v *yaml.Node) { inc.Tags = d.strings(k, v) }},
		{"draft", false, func(k, v *yaml.Node) { inc.Draft = d.boolean(k, v) }},
	}
	what := "an incident"
	if translation {
		original, _, _ := splitLang(file)
		fields, what = d.translationFields(fields, original, &inc.SourceUpdated, &inc.SourceUpdatedPos), "a translation"
	}
	d.fields(doc.meta, start, what, fields)
	if translation {
		return inc // its citations cite the original's sources
	}
	checkCitations(inc.Sources, diags, inc.Body)
	citationsInSummary(inc.Summary, diags)
	if !inc.Draft {
		placeholders(diags, inc.Summary, inc.Body)
	}
	if inc.Slug.Value == "" {
		inc.Slug = Name{Value: fileSlug(file), Pos: diag.Pos{File: file}}
		if !ValidSlug(inc.Slug.Value) {
			diags.Add(diag.InvalidSlug, diag.Pos{File: file, Line: 1, Col: 1}, "file name %q is not a slug: rename the file to \"%s.md\" or set \"slug\"", path.Base(file), Slugify(inc.Slug.Value))
		}
	}
	return inc
}

// languageCode is v as a language code; "" and false, reported, when it
// is no BCP 47 tag.
func (d *decoder) languageCode(k, v *yaml.Node) (string, bool) {
	code := d.text(k, v)
	if !i18n.ValidCode(code) {
		d.add(diag.InvalidValue, v, "language code %q is not a BCP 47 tag such as \"en\", \"de\" or \"pt-BR\"%s", code, codeHint(code))
		return "", false
	}
	return code, true
}

// codeHint suggests the tag an invalid language code likely means: a
// locale's "en_US" is BCP 47's "en-US".
func codeHint(code string) string {
	if c := strings.ReplaceAll(code, "_", "-"); c != code && i18n.ValidCode(c) {
		return fmt.Sprintf(": write %q", c)
	}
	if len(code) >= 2 && strings.EqualFold(code[:2], "x-") {
		return " (a private-use x- tag names no language)"
	}
	return ""
}
