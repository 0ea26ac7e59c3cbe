package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing/fstest"
	"time"

	"github.com/nhimg/nhiglossary/internal/build"
	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/csvio"
	"github.com/nhimg/nhiglossary/internal/diag"
)

// exportCmd is `export csv`: the published terms as one CSV.
type exportCmd struct {
	src, out string
}

func (c *exportCmd) flags(fs *flag.FlagSet) {
	fs.StringVar(&c.src, "src", ".", "the site folder")
	fs.StringVar(&c.out, "out", "", "the CSV file to write (default: standard output)")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: nhiglossary export csv [--src DIR] [--out FILE]\n\nColumns: %s.\n\nFlags:\n", strings.Join(csvio.Columns, ", "))
		fs.PrintDefaults()
	}
}

func (c *exportCmd) run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) != 1 || args[0] != "csv" {
		fmt.Fprintln(stderr, "usage: nhiglossary export csv [--src DIR] [--out FILE]")
		return exitError{2}
	}
	if err := siteFolder(c.src); err != nil {
		return err
	}
	// The CSV holds what the term files say: it needs every file to load,
	// not the links between them to resolve (a site made by importing
	// it has none of the incidents its bodies may link).
	s, diags := content.Load(os.DirFS(c.src))
	if diags.HasErrors() {
		diag.WriteText(stderr, diags.Under(c.src))
		return fmt.Errorf("the site's files have errors; nothing exported")
	}
	terms := slices.DeleteFunc(slices.Clone(s.Terms), func(t *content.Term) bool { return t.Draft })
	slices.SortFunc(terms, func(a, b *content.Term) int { return strings.Compare(a.Slug.Value, b.Slug.Value) })
	data, more := csvio.Export(terms)
	if more.HasErrors() {
		diag.WriteText(stderr, more.Under(c.src))
		return errReported
	}
	if c.out == "" {
		_, err := stdout.Write(data)
		return err
	}
	if err := writeAtomic(c.out, data); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "wrote %s: %s\n", c.out, diag.Plural(len(terms), "term"))
	return nil
}

// importCmd is `import csv FILE`: a term file for each new row.
type importCmd struct {
	src    string
	dryRun bool
	now    func() time.Time
}

func (c *importCmd) flags(fs *flag.FlagSet) {
	fs.StringVar(&c.src, "src", ".", "the site folder")
	fs.BoolVar(&c.dryRun, "dry-run", false, "check the file and say what would be written, writing nothing")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: nhiglossary import csv FILE [--src DIR] [--dry-run]\n\nWrites content/terms/SLUG.md for each row whose slug is not a term yet;\nnever overwrites a file. Nothing is written while any row has an error.\n\nFlags:\n")
		fs.PrintDefaults()
	}
}

func (c *importCmd) run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) != 2 || args[0] != "csv" {
		fmt.Fprintln(stderr, "usage: nhiglossary import csv FILE [--src DIR] [--dry-run]")
		return exitError{2}
	}
	if err := siteFolder(c.src); err != nil {
		return err
	}
	name := args[1]
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	// The site as it is: its settings, the slugs rows may not take, and
	// what check says of it before the import.
	site := os.DirFS(c.src)
	s, loaded := content.Load(site)
	taken := takenSlugs(s)
	now := time.Now
	if c.now != nil {
		now = c.now
	}
	plan, diags := csvio.Import(name, data, s.Config, now(), func(slug string) bool {
		if _, ok := taken[slug]; ok {
			return true
		}
		_, err := fs.Stat(site, "content/terms/"+slug+".md")
		return err == nil
	})
	if !diags.HasErrors() {
		diags = append(diags, againstSite(site, c.src, s, loaded, plan)...).Sort()
	}
	diag.WriteText(stderr, diags)
	if diags.HasErrors() {
		e, _ := diags.Count()
		fmt.Fprintf(stderr, "import failed: %s in %s; nothing was written\n", diag.Plural(e, "error"), name)
		return errReported
	}
	bySlug := make(map[string]*content.Term, len(s.Terms)) // the skipped rows' terms
	for _, t := range s.Terms {
		bySlug[t.Slug.Value] = t
	}
	for _, r := range plan.Skipped {
		what := taken[r.Slug()]
		if what == "" {
			what = "a term already (content/terms/" + r.Slug() + ".md)"
		}
		change := "the row is the same as the term"
		if t := bySlug[r.Slug()]; t == nil { // an old slug, or a file that did not load
			change = "its file was left as it was"
		} else if cols := r.Differs(t); len(cols) > 0 {
			change = fmt.Sprintf("import adds terms and never changes one, so the row's changes (%s) are not applied: edit %s", strings.Join(cols, ", "), t.File)
		}
		fmt.Fprintf(stdout, "skipped %s:%d: %q is %s; %s\n", name, r.Line, r.Slug(), what, change)
	}
	verb := "wrote"
	if c.dryRun {
		verb = "would write"
	}
	for _, f := range plan.Write {
		if !c.dryRun {
			if err := createNew(filepath.Join(c.src, filepath.FromSlash(f.Path)), f.Data); err != nil {
				return err
			}
		}
		fmt.Fprintf(stdout, "%s %s\n", verb, f.Path)
	}
	fmt.Fprintf(stdout, "%s %s, skipped %s\n", verb, diag.Plural(len(plan.Write), "term"), diag.Plural(len(plan.Skipped), "row"))
	return nil
}

// takenSlugs says, of each slug a row may not take, why: a term file
// of that name, a term that sets it with `slug:` (even in a file that
// has errors today), or a term's old slug (redirects), whose URL must
// keep working. A term's own slug is said over another's redirect.
func takenSlugs(s *content.Site) map[string]string {
	taken := map[string]string{}
	for _, t := range s.Terms {
		for _, r := range t.Redirects {
			taken[r.Value] = "the old slug of a term (" + t.File + " redirects it)"
		}
	}
	for _, t := range s.Terms {
		taken[t.Slug.Value] = "a term already (" + t.File + ")"
	}
	return taken
}

// againstSite is what check would say after the import that plan is:
// each error in a file it writes, at its row's cell, and each error it
// would cause in a file the site has (a name that makes a link there
// ambiguous), at that file's line; as warnings. Each new file loads
// already (csvio checked it); what is left is how it links to the site
// and to the other rows. They stay warnings: a CSV exported from a site
// with incidents, imported into an empty one, must still round-trip.
//
// site is the folder src, loaded as s with the problems loading found.
func againstSite(site fs.FS, src string, s *content.Site, loaded diag.List, plan csvio.Plan) diag.List {
	if len(plan.Write) == 0 {
		return nil
	}
	added := fstest.MapFS{}
	rows := map[string]*csvio.Row{}
	for _, f := range plan.Write {
		added[f.Path] = &fstest.MapFile{Data: f.Data}
		rows[f.Path] = f.Row
	}
	// As check sees the site: drafts are not published.
	_, before := build.Resolve(s, loaded, build.Options{})
	had := map[string]bool{}
	for _, d := range before {
		had[d.String()] = true
	}
	_, after := build.Check(build.Overlay(added, site), build.Options{})
	shown := after.Under(src) // the messages as check prints them
	var out diag.List
	for i, d := range after {
		switch r := rows[d.Pos.File]; {
		case d.Severity != diag.Error:
		case r != nil:
			out.Add(diag.ImportFailsCheck, r.Cell(d.Pos), "%s would not pass check: %s", shown[i].Pos.File, shown[i].Message)
		case !had[d.String()] && !namesAny(d.Places(), rows):
			// (A clash names the new file: its row has the other half.)
			out.Add(diag.ImportFailsCheck, shown[i].Pos, "after the import, check would fail here: %s", shown[i].Message)
		}
	}
	return out
}

// namesAny reports whether one of places is in one of the files.
func namesAny(places []diag.Pos, files map[string]*csvio.Row) bool {
	return slices.ContainsFunc(places, func(p diag.Pos) bool { return files[p.File] != nil })
}

// createNew writes a file that must not exist yet, whole or not at all:
// the data goes to a temporary file that is then linked into place,
// which fails, rather than replaces, when the name is taken meanwhile.
func createNew(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".import-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o644); err != nil { // CreateTemp makes 0600
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Link(tmp.Name(), path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s appeared while importing; it was not changed", path)
		}
		return err
	}
	return nil
}

// writeAtomic replaces a file with data, whole or not at all.
func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".export-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
