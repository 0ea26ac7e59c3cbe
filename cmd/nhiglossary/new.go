package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/scaffold"
	"github.com/nhimg/nhiglossary/internal/xref"
)

const newUsage = `usage: nhiglossary new term|incident|framework "Title" [--src DIR]`

type newCmd struct {
	src string
	now func() time.Time
}

func (c *newCmd) flags(fs *flag.FlagSet) {
	fs.StringVar(&c.src, "src", "", "the site folder (default: the nearest folder, here or above, with nhiglossary.yaml)")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "%s\n\nWrites a new draft term, incident or framework with every field commented;\nnever overwrites a file. The format: docs/format.md.\n\nFlags:\n", newUsage)
		fs.PrintDefaults()
	}
}

func (c *newCmd) run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	kind, ok := scaffold.Kinds[firstOr(args, "")]
	if len(args) != 2 || !ok {
		fmt.Fprintln(stderr, newUsage)
		return exitError{2}
	}
	title := strings.TrimSpace(args[1])
	if err := checkTitle(title); err != nil {
		return err
	}
	slug := content.TitleSlug(title)
	if slug == "" {
		return fmt.Errorf("cannot make a file name from %q: use a title with letters or digits", title)
	}
	root := c.src
	if root == "" {
		root = findSiteRoot()
	}
	if err := nameIsFree(root, args[0], title, slug); err != nil {
		return err
	}
	now := time.Now
	if c.now != nil {
		now = c.now
	}
	text, err := kind.Text(scaffold.Fields{Title: content.YAMLValue(title), Plain: title, Date: now().Format(time.DateOnly)})
	if err != nil {
		return err
	}
	path := filepath.Join(root, filepath.FromSlash(kind.Path(slug)))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	if err := scaffold.WriteNew(path, text); err != nil {
		return err
	}
	if args[0] == "framework" {
		fmt.Fprintf(stdout, "created %s (map terms to it as framework: %s)\n", path, slug)
	} else {
		fmt.Fprintf(stdout, "created %s (a draft: set draft: false when it is ready)\n", path)
	}
	return nil
}

// checkTitle refuses what cannot be a title: a title is one line, shown
// in headings, lists and the browser's tab.
func checkTitle(title string) error {
	if !utf8.ValidString(title) {
		return fmt.Errorf("%q is not UTF-8 text", title)
	}
	for _, r := range title {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return fmt.Errorf("a title is one line of text: %q has a line break or control character (%U)", title, r)
		}
	}
	return nil
}

func firstOr(args []string, def string) string {
	if len(args) == 0 {
		return def
	}
	return args[0]
}

// nameIsFree refuses a title another term or incident already goes by
// (as title, slug, synonym or abbreviation), or a framework name or id
// already taken, naming who has it. Problems elsewhere in the site do not
// stop `new`: check reports them.
func nameIsFree(root, kind, title, slug string) error {
	site, _ := content.Load(os.DirFS(root))
	if kind == "framework" {
		for _, f := range site.Frameworks {
			if f.ID == slug || strings.EqualFold(f.Name, title) || strings.EqualFold(f.Short, title) {
				return fmt.Errorf("%q is taken by the framework %q (%s)", title, f.Name, filepath.Join(root, filepath.FromSlash(f.File)))
			}
		}
		return nil
	}
	for _, name := range []string{title, slug} {
		// A name several terms share (an abbreviation) names them all.
		var taken []string
		for _, o := range xref.Owners(site, name) {
			var owner string
			if o.Term != nil {
				owner = fmt.Sprintf("the term %q", o.Term.Title.Value)
			} else {
				owner = fmt.Sprintf("the incident %q", o.Incident.Title.Value)
			}
			pos := o.Pos
			pos.File = filepath.Join(root, filepath.FromSlash(o.File()))
			taken = append(taken, fmt.Sprintf("%s of %s (%s)", article[o.As]+o.As, owner, pos))
		}
		switch len(taken) {
		case 0:
		case 1:
			return fmt.Errorf("%q is already %s: edit that file, or choose another title", name, taken[0])
		default:
			return fmt.Errorf("%q is already %s: edit one of those files, or choose another title", name, strings.Join(taken, " and "))
		}
	}
	return nil
}

var article = map[string]string{"title": "the ", "slug": "the ", "synonym": "a ", "abbreviation": "an ", "old slug": "an "}

// findSiteRoot is the folder `new` writes into when --src is not given:
// the nearest folder, from the current one up, that has nhiglossary.yaml,
// else the nearest that has content/terms (the settings file is
// optional), else the current folder. It is returned relative to the
// current folder, so that paths print as the editor would type them.
func findSiteRoot() string {
	wd, err := os.Getwd()
	if err != nil {
		return "."
	}
	for _, marker := range []string{content.ConfigFile, content.TermsDir} {
		for dir := wd; ; {
			if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(marker))); err == nil {
				if rel, err := filepath.Rel(wd, dir); err == nil {
					return rel
				}
				return dir
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				break
			}
			dir = parent
		}
	}
	return "."
}
