package content

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/nhimg/nhiglossary/internal/diag"
	"github.com/nhimg/nhiglossary/internal/i18n"
)

// I18nDir holds a site's own interface text, one i18n/CODE.yaml a language.
const I18nDir = "i18n"

// translatable lists the keys a translation may set: the text. Everything
// else (related, broader, mappings, incidents, tags, category, sources...)
// is structure and comes from the original.
var translatable = map[string]bool{
	"title": true, "summary": true, "synonyms": true, "abbreviations": true,
	"examples": true, "takeaway": true, "definitions": true,
	"updated": true, "reviewed": true,
}

// DefaultLanguage is the code of the site's first language.
func (c Config) DefaultLanguage() string {
	if len(c.Languages) > 0 {
		return c.Languages[0].Code
	}
	return c.Language
}

// Multilingual reports whether the site has more than one language: only
// then do pages carry language alternates and a switcher. A site's own
// templates may ask it as .Site.Multilingual.
func (c Config) Multilingual() bool { return len(c.Languages) > 1 }

// HasLanguage reports whether code is one of the site's languages (in
// templates, .Site.HasLanguage "de").
func (c Config) HasLanguage(code string) bool {
	return slices.ContainsFunc(c.Languages, func(l Language) bool { return l.Code == code })
}

func (c Config) languageCodes() []string {
	out := make([]string, len(c.Languages))
	for i, l := range c.Languages {
		out[i] = l.Code
	}
	return out
}

// languages decodes `languages: [{code, name}]`.
func (d *decoder) languages(k, v *yaml.Node) []Language {
	var out []Language
	for _, e := range d.list(k, v) {
		l := Language{Pos: d.pos(e)}
		d.fields(e, d.pos(e), "a language", []field{
			{"code", true, func(k, v *yaml.Node) { l.Code, _ = d.languageCode(k, v) }},
			{"name", false, func(k, v *yaml.Node) { l.Name = d.text(k, v) }},
		})
		if l.Code == "" {
			continue
		}
		if slices.ContainsFunc(out, func(o Language) bool { return strings.EqualFold(o.Code, l.Code) }) {
			d.diags.Add(diag.InvalidValue, l.Pos, "language %q is listed twice", l.Code)
			continue
		}
		if l.Name == "" {
			l.Name = l.Code
		}
		out = append(out, l)
	}
	return out
}

// splitLang reads a content file name as SLUG.CODE.EXT: the file of the
// original it translates, and the language. ok is false for an original.
func splitLang(file string) (original, lang string, ok bool) {
	dir, base := path.Split(file)
	ext := path.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	i := strings.LastIndexByte(stem, '.')
	if i < 0 {
		return file, "", false
	}
	return dir + stem[:i] + ext, stem[i+1:], true
}

// translationFields turns an original's schema into a translation's: the
// text keys stay (none required but the title), a structural key is an
// error at its line, and source_updated is added.
func (d *decoder) translationFields(fs []field, original string, upd *time.Time, updPos *diag.Pos) []field {
	out := make([]field, 0, len(fs)+1)
	for _, f := range fs {
		switch {
		case translatable[f.name]:
			f.required = f.name == "title"
		default:
			f.required = false
			f.set = func(k, _ *yaml.Node) {
				d.add(diag.TranslationStructure, k, "a translation cannot set %q: it comes from the original, %s", k.Value, path.Base(original))
			}
		}
		out = append(out, f)
	}
	return append(out, field{"source_updated", false, func(k, v *yaml.Node) {
		*upd = d.date(k, v)
		*updPos = d.pos(v)
	}})
}

// pairTranslations ties each translation to its original, and reports a
// translation in a language the site does not have, of a file that does
// not exist, or that fell behind its original.
func (s *Site) pairTranslations(diags *diag.List) {
	if len(s.TermTranslations)+len(s.IncidentTranslations) == 0 {
		return // a site in one language: no map of every file to make
	}
	cfg := s.Config
	terms := map[string]*Term{}
	for _, t := range s.Terms {
		terms[t.File] = t
	}
	incidents := map[string]*Incident{}
	for _, inc := range s.Incidents {
		incidents[inc.File] = inc
	}
	unread := map[string]bool{} // originals whose own error says enough
	for _, u := range s.Unread {
		unread[u.Pos.File] = true
	}
	s.TermTranslations = pair(s.TermTranslations, terms, unread, cfg, diags,
		func(t *Term) (string, string, diag.Pos) { return t.File, t.Lang, t.SourceUpdatedPos },
		func(tr, orig *Term) {
			tr.Original, tr.Slug = orig, orig.Slug
			stale(tr.File, orig.File, tr.SourceUpdated, tr.SourceUpdatedPos, orig.Updated, diags)
			// A translation cites its original's sources.
			checkCitations(orig.Sources, diags, append([]Markdown{tr.Body}, tr.Examples...)...)
		})
	s.IncidentTranslations = pair(s.IncidentTranslations, incidents, unread, cfg, diags,
		func(inc *Incident) (string, string, diag.Pos) { return inc.File, inc.Lang, inc.SourceUpdatedPos },
		func(tr, orig *Incident) {
			tr.Original, tr.Slug = orig, orig.Slug
			checkCitations(orig.Sources, diags, tr.Body)
		})
}

func pair[T any](trs []*T, originals map[string]*T, unread map[string]bool, cfg Config, diags *diag.List, info func(*T) (file, lang string, _ diag.Pos), link func(tr, orig *T)) []*T {
	out := trs[:0]
	for _, tr := range trs {
		file, lang, _ := info(tr)
		origFile, _, _ := splitLang(file)
		at := diag.Pos{File: file, Line: 1, Col: 1}
		switch {
		case lang == cfg.DefaultLanguage():
			diags.Add(diag.UnknownLanguage, at, "%q is the default language: its text is in %s, not in a translation", lang, path.Base(origFile))
			continue
		case !cfg.HasLanguage(lang):
			diags.Add(diag.UnknownLanguage, at, "%q in %q is not one of the site's languages (%s): add it to \"languages\" in %s, or name the file SLUG.CODE.md",
				lang, path.Base(file), strings.Join(cfg.languageCodes(), ", "), ConfigFile)
			continue
		}
		orig, ok := originals[origFile]
		if !ok && unread[origFile] {
			continue // the original does not parse: that is the error
		}
		if !ok {
			var names []string
			for f := range originals {
				if path.Dir(f) == path.Dir(origFile) {
					names = append(names, path.Base(f))
				}
			}
			slices.Sort(names)
			diags.Add(diag.TranslationWithoutOriginal, at, "%s translates %s, which does not exist%s", path.Base(file), path.Base(origFile), diag.DidYouMean(path.Base(origFile), names))
			continue
		}
		link(tr, orig)
		out = append(out, tr)
	}
	return out
}

// stale warns when a translation was made from an older text than its
// original's, or does not say which text it was made from.
func stale(file, origFile string, from time.Time, at diag.Pos, updated time.Time, diags *diag.List) {
	switch {
	case updated.IsZero():
	case from.IsZero():
		diags.Add(diag.TranslationStale, diag.Pos{File: file, Line: 1, Col: 1}, "the translation does not say which text of %s it translates: set \"source_updated: %s\", the original's \"updated\", once it matches", path.Base(origFile), updated.Format(time.DateOnly))
	case from.Before(updated):
		diags.Add(diag.TranslationStale, at, "translated from the text of %s, but %s was updated on %s: update the translation and set \"source_updated: %s\"",
			from.Format(time.DateOnly), path.Base(origFile), updated.Format(time.DateOnly), updated.Format(time.DateOnly))
	}
}

// sortTranslations orders translations by file, so output is stable.
func sortTranslations[T any](trs []*T, file func(*T) string) {
	slices.SortFunc(trs, func(a, b *T) int { return cmp.Compare(file(a), file(b)) })
}

// LoadInterface reads the site's interface text as Load does (the preview
// reads it with the settings).
func LoadInterface(fsys fs.FS, cfg Config) (map[string]map[string]string, diag.List) {
	var diags diag.List
	in := loadInterface(fsys, cfg, &diags)
	return in, diags.Silence(cfg.WarningsOff).Sort()
}

// loadInterface reads i18n/CODE.yaml for each language: flat key: text
// pairs overriding the built-in interface text. A key that does not exist,
// or text that drops a placeholder such as {0}, is an error at its line.
func loadInterface(fsys fs.FS, cfg Config, diags *diag.List) map[string]map[string]string {
	out := map[string]map[string]string{}
	files := append(listFiles(fsys, I18nDir, ".yaml", diags), listFiles(fsys, I18nDir, ".yml", diags)...)
	keys := i18n.Keys()
	for _, file := range files {
		lang := fileSlug(file)
		if !cfg.HasLanguage(lang) {
			diags.Add(diag.UnknownLanguage, diag.Pos{File: file, Line: 1, Col: 1}, "%q is not one of the site's languages (%s): name the file after one, e.g. %s/%s.yaml",
				lang, strings.Join(cfg.languageCodes(), ", "), I18nDir, cfg.DefaultLanguage())
			continue
		}
		src, err := fs.ReadFile(fsys, file)
		if err != nil {
			diags.Add(diag.CannotRead, diag.Pos{File: file, Line: 1, Col: 1}, "cannot read: %v", err)
			continue
		}
		if !isUTF8(file, src, diags) {
			continue
		}
		src = clean(src)
		n, err := parseYAML(src, string(src))
		if err != nil {
			var pe posError
			errors.As(err, &pe)
			diags.Add(diag.FrontMatterSyntax, diag.Pos{File: file, Line: pe.line, Col: pe.col}, "%s", pe.msg)
			continue
		}
		d := &decoder{file: file, diags: diags}
		out[lang] = d.interfaceText(n, keys)
	}
	return out
}

// interfaceText decodes one i18n file: a flat mapping of keys to text.
func (d *decoder) interfaceText(n *yaml.Node, keys []string) map[string]string {
	m := map[string]string{}
	if n.Kind != yaml.MappingNode {
		d.add(diag.WrongType, n, "the interface text must be a set of key: text fields, not %s", kindName(n))
		return m
	}
	seen := map[string]bool{} // m lacks the keys left blank
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		english, ok := i18n.BuiltinText("en", k.Value)
		switch {
		case !ok:
			d.add(diag.UnknownKey, k, "unknown interface text %q%s", k.Value, diag.DidYouMean(k.Value, keys))
			continue
		case seen[k.Value]:
			d.add(diag.DuplicateKey, k, "duplicate key %q", k.Value)
			continue
		}
		seen[k.Value] = true
		if blank(v) {
			continue
		}
		s, _ := d.str(k, v) // not trimmed: "By " keeps the space before the name
		if got, want := i18n.Placeholders(s), i18n.Placeholders(english); !slices.Equal(got, want) {
			d.add(diag.InvalidValue, v, "%q must fill in %s, as the built-in text %q does", k.Value, placeholderList(want), english)
			continue
		}
		if _, ok := i18n.MonthNames(s); k.Value == "months" && !ok {
			d.add(diag.InvalidValue, v, "\"months\" names the twelve months, January first, each between | and the next: %q", english)
			continue
		}
		m[k.Value] = s
	}
	return m
}

func placeholderList(ps []string) string {
	if len(ps) == 0 {
		return "no placeholders"
	}
	return strings.Join(ps, " and ")
}

// String names a language for people: "Deutsch (de)".
func (l Language) String() string {
	if l.Name == "" || l.Name == l.Code {
		return l.Code
	}
	return fmt.Sprintf("%s (%s)", l.Name, l.Code)
}

// settleLanguages makes Languages the one list later stages read: the
// `languages` setting, or else the one `language`.
func (c *Config) settleLanguages(diags *diag.List) {
	if len(c.Languages) == 0 {
		c.Languages = []Language{{Code: c.Language, Name: c.Language}}
		return
	}
	c.Language = c.Languages[0].Code
}

// settle drops what failed to load, sorts, and pairs translations.
func (s *Site) settle(diags *diag.List) {
	s.Terms = slices.DeleteFunc(s.Terms, func(t *Term) bool { return t == nil })
	s.Frameworks = slices.DeleteFunc(s.Frameworks, func(f *Framework) bool { return f == nil })
	s.Incidents = slices.DeleteFunc(s.Incidents, func(i *Incident) bool { return i == nil })
	s.TermTranslations = slices.DeleteFunc(s.TermTranslations, func(t *Term) bool { return t == nil })
	s.IncidentTranslations = slices.DeleteFunc(s.IncidentTranslations, func(i *Incident) bool { return i == nil })
	// By file second: objects that share a slug (an error) keep one order.
	slices.SortFunc(s.Terms, func(a, b *Term) int {
		return cmp.Or(strings.Compare(a.Slug.Value, b.Slug.Value), strings.Compare(a.File, b.File))
	})
	slices.SortFunc(s.Frameworks, func(a, b *Framework) int {
		return cmp.Or(strings.Compare(a.ID, b.ID), strings.Compare(a.File, b.File))
	})
	slices.SortFunc(s.Incidents, func(a, b *Incident) int {
		return cmp.Or(strings.Compare(a.Slug.Value, b.Slug.Value), strings.Compare(a.File, b.File))
	})
	s.Lang = cmp.Or(s.Lang, s.Config.DefaultLanguage())
	// Only where unset: a preview assembles its loaded objects again for
	// each version while pages of the last one still read them.
	for _, t := range s.Terms {
		if t.Lang == "" {
			t.Lang = s.Config.DefaultLanguage()
		}
	}
	for _, inc := range s.Incidents {
		if inc.Lang == "" {
			inc.Lang = s.Config.DefaultLanguage()
		}
	}
	s.pairTranslations(diags)
	sortTranslations(s.TermTranslations, func(t *Term) string { return t.File })
	sortTranslations(s.IncidentTranslations, func(i *Incident) string { return i.File })
}
