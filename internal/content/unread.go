package content

import (
	"io/fs"
	"path"
	"strings"

	"github.com/nhimg/nhiglossary/internal/diag"
)

// unreadFiles warns about each file an editor may think is part of the
// site but that no loader reads: anything in content/ that KindOf does not
// know (api-key.markdown, notes.txt, a term outside content/terms), and
// the settings file under another spelling. Names starting with ".", "_"
// or "#" and backups ending in "~" are left alone: those are how a file
// is kept there unread on purpose.
func unreadFiles(fsys fs.FS, diags *diag.List) {
	for _, name := range []string{"nhiglossary.yml", "nhiglossary.toml", "nhiglossary.json"} {
		if _, err := fs.Stat(fsys, name); err == nil {
			if _, err := fs.Stat(fsys, ConfigFile); err == nil {
				diags.Add(diag.UnreadFile, diag.Pos{File: name}, "this file is not read: the settings are read from %s only; merge the two and delete this one", ConfigFile)
			} else {
				diags.Add(diag.UnreadFile, diag.Pos{File: name}, "this file is not read: rename it to %s", ConfigFile)
			}
		}
	}
	fs.WalkDir(fsys, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // listFiles reports what cannot be read
		}
		name := d.Name()
		if p != "content" && (strings.ContainsAny(name[:1], "._#") || strings.HasSuffix(name, "~")) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || KindOf(p) != KindOther {
			return nil
		}
		diags.Add(diag.UnreadFile, diag.Pos{File: p}, "this file is not read: %s; or start its name with _ to keep it here unread", expected(p))
		return nil
	})
}

// expected says what a file at p would have to be called to be read.
func expected(p string) string {
	// A name that is no slug ("SECRET3.MD") is suggested as one, each of
	// its dot-separated parts (a translation's language) apart.
	parts := strings.Split(strings.TrimSuffix(path.Base(p), path.Ext(p)), ".")
	for i, part := range parts {
		if s := Slugify(part); s != "" {
			parts[i] = s
		}
	}
	stem := strings.Join(parts, ".")
	switch path.Dir(p) {
	case TermsDir, IncidentsDir:
		return "rename it to " + stem + ".md"
	case FrameworksDir:
		return "rename it to " + stem + ".yaml"
	}
	return "terms, frameworks and incidents are read from " + TermsDir + "/*.md, " + FrameworksDir + "/*.yaml and " + IncidentsDir + "/*.md"
}
