package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/nhimg/nhiglossary/internal/content"
)

// version is set at release time with -ldflags "-X main.version=v1.2.3";
// otherwise the build info says what the binary was built from.
var version = ""

func versionString() string {
	bi, _ := debug.ReadBuildInfo()
	return versionOf(version, bi)
}

// versionOf is what `version` prints: the version set at release time,
// else the module's version (a tag, or since Go 1.24 a pseudo-version
// naming the commit), else the VCS revision the binary was built from,
// and "devel" only when none is known (go run, or -buildvcs=false).
func versionOf(set string, bi *debug.BuildInfo) string {
	if set != "" {
		return set
	}
	if bi == nil {
		return "devel"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	vcs := map[string]string{}
	for _, s := range bi.Settings {
		vcs[s.Key] = s.Value
	}
	rev := vcs["vcs.revision"]
	if rev == "" {
		return "devel"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	out := "devel " + vcs["vcs"] + " " + rev
	var notes []string
	if t := vcs["vcs.time"]; t != "" {
		notes = append(notes, t)
	}
	if vcs["vcs.modified"] == "true" {
		notes = append(notes, "with uncommitted changes")
	}
	if len(notes) > 0 {
		out += " (" + strings.Join(notes, ", ") + ")"
	}
	return out
}

const usage = `nhiglossary builds a static glossary website from one Markdown file per term.

Usage:
  nhiglossary <command> [flags]

Commands:
  build     write the site to a folder (default: public/)
  check     report every problem in the content, without building
  serve     preview the site with live reload while you edit
  init      start a new site in a folder (default: the current one)
  new       start a new term, incident or framework from a template
  export    write the terms as CSV (export csv [--out FILE])
  import    add terms from a CSV (import csv FILE [--dry-run])
  version   print the version

A site is a folder with content/terms/*.md (one term per file), optional
content/frameworks/*.yaml and content/incidents/*.md, and an optional
nhiglossary.yaml with the site's settings. The nhiglossary repository
describes every key of every file in docs/format.md, and every problem
check reports in docs/diagnostics.md.

Examples:
  nhiglossary init my-glossary              # a starter site to edit
  nhiglossary new term "Secret Rotation"    # writes content/terms/secret-rotation.md
  nhiglossary check                         # every mistake, as FILE:LINE:COL: message
  nhiglossary serve                         # preview at http://127.0.0.1:1313/
  nhiglossary build --out public            # the site, ready for any static host

Run "nhiglossary <command> -h" for a command's flags.
`

// command is one subcommand: its own flags and its own run.
type command interface {
	flags(fs *flag.FlagSet)
	run(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

// exitError carries an exit code other than 1 (e.g. 2 for usage).
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// usageError is a mistake in the command itself (an argument it does not
// take, a flag's value it cannot use): exit 2, as for a flag it does not
// know.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// siteFolder refuses a --src that is no folder: a mistake in the command.
func siteFolder(src string) error {
	if fi, err := os.Stat(src); err != nil || !fi.IsDir() {
		return usagef("--src %s is not a folder", src)
	}
	// Run from inside a site (content/terms, say), name the site: the
	// content's own error would be "no content/terms folder".
	if isSite(src) {
		return nil
	}
	if root, ok := contentOf(src); ok {
		return usagef("%s is inside the site %s, not the site itself: run the command there, or pass --src %s", src, root, root)
	}
	return nil
}

// contentOf is the site whose content/ folder holds src, if any: the
// nearest folder above src with nhiglossary.yaml or content/terms, when
// src is in its content/. (A new folder beside a site's files, as
// import may fill, is no part of it.) The site is named as src is:
// relative when src is.
func contentOf(src string) (string, bool) {
	abs, err := filepath.Abs(src)
	if err != nil {
		return "", false
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	dir := filepath.Dir(abs)
	for !isSite(dir) {
		if filepath.Dir(dir) == dir {
			return "", false
		}
		dir = filepath.Dir(dir)
	}
	if rel, err := filepath.Rel(dir, abs); err != nil || rel != "content" && !strings.HasPrefix(rel, "content"+string(filepath.Separator)) {
		return "", false
	}
	if !filepath.IsAbs(src) {
		if wd, err := filepath.Abs("."); err == nil {
			if real, err := filepath.EvalSymlinks(wd); err == nil {
				wd = real
			}
			if rel, err := filepath.Rel(wd, dir); err == nil {
				return rel, true
			}
		}
	}
	return dir, true
}

// isSite reports whether dir is a site's folder: it has nhiglossary.yaml
// or content/terms.
func isSite(dir string) bool {
	for _, marker := range []string{content.ConfigFile, content.TermsDir} {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(marker))); err == nil {
			return true
		}
	}
	return false
}

// errReported means the command already told the user what went wrong.
var errReported = errors.New("reported")

// run is the only place that knows about exit codes.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var cmd command
	switch args[0] {
	case "build":
		cmd = &buildCmd{}
	case "check":
		cmd = &checkCmd{}
	case "serve":
		cmd = &serveCmd{}
	case "new":
		cmd = &newCmd{}
	case "init":
		cmd = &initCmd{}
	case "export":
		cmd = &exportCmd{}
	case "import":
		cmd = &importCmd{}
	case "version", "--version", "-version":
		if len(args) > 1 {
			fmt.Fprintf(stderr, "nhiglossary version: unexpected argument %q (version takes none)\n", args[1])
			return 2
		}
		fmt.Fprintln(stdout, "nhiglossary", versionString())
		return 0
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "nhiglossary: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	fs := flag.NewFlagSet("nhiglossary "+args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	cmd.flags(fs)
	if err := fs.Parse(interleave(fs, args[1:])); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	err := cmd.run(ctx, fs.Args(), stdout, stderr)
	var ee exitError
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.code
	case errors.Is(err, errReported):
		return 1
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "nhiglossary %s: %v\n", args[0], err)
		return 2
	}
	fmt.Fprintf(stderr, "nhiglossary %s: %v\n", args[0], err)
	return 1
}

// interleave moves flags after positional arguments to the front, so that
// `nhiglossary new term "Title" --src site` works as people type it.
func interleave(fs *flag.FlagSet, args []string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			pos = append(pos, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		if f := fs.Lookup(name); f != nil {
			if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && bf.IsBoolFlag() {
				continue
			}
			if i+1 < len(args) {
				flags = append(flags, args[i+1])
				i++
			}
		}
	}
	return append(flags, pos...)
}
