package content

import (
	"io/fs"
	"path"
	"strings"

	"github.com/nhimg/nhiglossary/internal/diag"
)

// One file at a time: what `serve` needs to re-read only the files an
// editor saved. Load is these same steps over every file.

// Kind is what a site file holds.
type Kind int

const (
	KindOther Kind = iota // not a file Load reads
	KindConfig
	KindTerm
	KindFramework
	KindIncident
	KindTermTranslation     // content/terms/SLUG.CODE.md
	KindIncidentTranslation // content/incidents/SLUG.CODE.md
)

// KindOf says which loader reads file (a slash-separated path relative to
// the site), by the same rules Load lists files with: the folder and the
// extension, and no path element below the folder starting with ".", "_"
// or "#" (editors' and backup files).
func KindOf(file string) Kind {
	if file == ConfigFile {
		return KindConfig
	}
	for _, k := range []struct {
		dir  string
		exts []string
		kind Kind
	}{
		{TermsDir, []string{".md"}, KindTerm},
		{FrameworksDir, []string{".yaml", ".yml"}, KindFramework},
		{IncidentsDir, []string{".md"}, KindIncident},
	} {
		rest, ok := strings.CutPrefix(file, k.dir+"/")
		if !ok || rest == "" {
			continue
		}
		// Element by element, without a slice or an iterator's closure:
		// it runs for every file on every preview edit.
		for {
			elem, after, more := strings.Cut(rest, "/")
			if elem == "" || strings.ContainsAny(elem[:1], "._#") {
				return KindOther
			}
			if !more {
				break
			}
			rest = after
		}
		for _, ext := range k.exts {
			if path.Ext(file) != ext {
				continue
			}
			if _, _, tr := splitLang(file); tr && k.kind == KindTerm {
				return KindTermTranslation
			} else if tr && k.kind == KindIncident {
				return KindIncidentTranslation
			}
			return k.kind
		}
		return KindOther
	}
	return KindOther
}

// LoadConfig reads nhiglossary.yaml; a site without one gets DefaultConfig.
func LoadConfig(fsys fs.FS) (Config, diag.List) {
	var diags diag.List
	cfg := loadConfig(fsys, &diags)
	return cfg, diags
}

// LoadTerm reads one term file as Load does; cfg gives the default author.
// The term is nil when the file has no usable front matter.
func LoadTerm(fsys fs.FS, file string, cfg Config) (*Term, diag.List) {
	var diags diag.List
	src, ok := readFile(fsys, file, nil, &diags)
	if !ok {
		return nil, diags
	}
	t := loadTerm(file, src, cfg, cfg.DefaultLanguage(), false, &diags)
	return t, diags.Silence(cfg.WarningsOff).Sort()
}
