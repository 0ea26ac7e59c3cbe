package content

import (
	"context"
	"io/fs"
	"slices"

	"github.com/nhimg/nhiglossary/internal/diag"
	"github.com/nhimg/nhiglossary/internal/par"
)

// Loaded is one content file as read: what it gave (nil where it failed)
// and its problems.
type Loaded struct {
	File      string
	Term      *Term
	Framework *Framework
	Incident  *Incident
	Diags     diag.List
	// Names are what can be read of the names of a term file that
	// failed to load (see salvageNames).
	Names []string
}

// LoadFile reads one content file of any kind, translations
// (SLUG.CODE.md) included, as Load does; cfg gives a term its default
// author and language.
func LoadFile(fsys fs.FS, file string, cfg Config) Loaded {
	return loadFile(fsys, file, cfg, nil)
}

// loadFile is LoadFile reading into *buf (see readFile).
func loadFile(fsys fs.FS, file string, cfg Config, buf *[]byte) Loaded {
	kind := KindOf(file)
	if kind == KindOther {
		return Loaded{File: file}
	}
	var diags diag.List
	src, ok := readFile(fsys, file, buf, &diags)
	if !ok {
		return Loaded{File: file, Diags: diags}
	}
	return loadData(file, kind, src, cfg)
}

// LoadData is LoadFile of a file's bytes, read already: a preview reads
// a changed file once, to hash the bytes it parses. The result keeps no
// reference to data.
func LoadData(file string, src []byte, cfg Config) Loaded {
	return loadData(file, KindOf(file), src, cfg)
}

// loadData is LoadData of a file whose kind is known.
func loadData(file string, kind Kind, src []byte, cfg Config) Loaded {
	l := Loaded{File: file}
	_, lang, _ := splitLang(file)
	switch kind {
	case KindTerm:
		l.Term = loadTerm(file, src, cfg, cfg.DefaultLanguage(), false, &l.Diags)
		if l.Term == nil {
			l.Names = salvageNames(src)
		}
	case KindTermTranslation:
		l.Term = loadTerm(file, src, cfg, lang, true, &l.Diags)
	case KindFramework:
		l.Framework = loadFramework(file, src, &l.Diags)
	case KindIncident:
		l.Incident = loadIncident(file, src, cfg.DefaultLanguage(), false, &l.Diags)
	case KindIncidentTranslation:
		l.Incident = loadIncident(file, src, lang, true, &l.Diags)
	}
	l.Diags.Sort()
	return l
}

// loadFiles reads files in parallel, each as LoadFile does, each worker
// into one buffer of its own.
func loadFiles(fsys fs.FS, files []string, cfg Config) []Loaded {
	out := make([]Loaded, len(files))
	bufs := make([][]byte, par.Workers())
	par.Do(context.Background(), len(files), func(w, i int) error {
		out[i] = loadFile(fsys, files[i], cfg, &bufs[w])
		return nil
	})
	return out
}

// Assemble makes a site of its settings and its loaded files: files that
// failed are left out, terms and incidents are sorted by slug and
// frameworks by id. diags are the problems met before (settings, file
// listing); the result holds them, every file's and those of pairing each
// translation with its original.
func Assemble(cfg Config, diags diag.List, files []Loaded) (*Site, diag.List) {
	s := &Site{Config: cfg}
	diags = slices.Clone(diags)
	for _, f := range files {
		diags = append(diags, f.Diags...)
		switch kind := KindOf(f.File); {
		case f.Term == nil && kind == KindTerm, f.Incident == nil && kind == KindIncident:
			// It still owns its name: links to it are not a second error.
			if slug := fileSlug(f.File); ValidSlug(slug) {
				s.Unread = append(s.Unread, Name{Value: slug, Pos: diag.Pos{File: f.File}})
			}
			for _, n := range f.Names {
				s.Unread = append(s.Unread, Name{Value: n, Pos: diag.Pos{File: f.File}})
			}
		case f.Framework == nil && kind == KindFramework:
			// It still owns its id: mappings and links to it are not a
			// second error.
			if id := fileSlug(f.File); ValidSlug(id) {
				s.UnreadFrameworks = append(s.UnreadFrameworks, Name{Value: id, Pos: diag.Pos{File: f.File}})
			}
		case kind == KindTermTranslation, kind == KindIncidentTranslation:
			// A translation owns no name of its own.
			if f.Term != nil {
				s.TermTranslations = append(s.TermTranslations, f.Term)
			}
			if f.Incident != nil {
				s.IncidentTranslations = append(s.IncidentTranslations, f.Incident)
			}
		case f.Term != nil:
			s.Terms = append(s.Terms, f.Term)
		case f.Framework != nil:
			s.Frameworks = append(s.Frameworks, f.Framework)
		case f.Incident != nil:
			s.Incidents = append(s.Incidents, f.Incident)
		}
	}
	s.settle(&diags)
	return s, diags.Silence(cfg.WarningsOff).Sort()
}

// AllFiles lists every content file of a site, translations included,
// terms then frameworks then incidents, each sorted: the one listing Load
// and the preview use. diags has the problems with the folders
// themselves (no content/terms, an unreadable folder) and the files in
// content/ that are not read.
func AllFiles(fsys fs.FS) ([]string, diag.List) {
	var diags diag.List
	if fi, err := fs.Stat(fsys, TermsDir); err != nil || !fi.IsDir() {
		diags.Add(diag.NoTermsFolder, diag.Pos{File: TermsDir, Line: 1, Col: 1}, "no %s folder: a site keeps one Markdown file per term there", TermsDir)
	}
	files := slices.Concat(
		listFiles(fsys, TermsDir, ".md", &diags),
		listFiles(fsys, FrameworksDir, ".yaml", &diags), listFiles(fsys, FrameworksDir, ".yml", &diags),
		listFiles(fsys, IncidentsDir, ".md", &diags))
	unreadFiles(fsys, &diags)
	return files, diags
}
