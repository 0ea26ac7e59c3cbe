package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/nhimg/nhiglossary"
	"github.com/nhimg/nhiglossary/internal/build"
	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/diag"
)

func buildOptions(drafts bool, baseURL string) build.Options {
	return build.Options{
		Drafts: drafts, BaseURL: baseURL,
		Generator: "nhiglossary " + versionString(),
		Templates: nhiglossary.Templates(), Assets: nhiglossary.Assets(),
	}
}

type buildCmd struct {
	src, out, baseURL string
	drafts            bool
}

func (c *buildCmd) flags(fs *flag.FlagSet) {
	fs.StringVar(&c.src, "src", ".", "the site folder")
	fs.StringVar(&c.out, "out", "public", "where to write the site (replaced as a whole)")
	fs.BoolVar(&c.drafts, "drafts", false, "include draft terms and incidents")
	fs.StringVar(&c.baseURL, "base-url", "", "the URL the site is published at (overrides base_url)")
}

func (c *buildCmd) run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q (the site folder is given with --src)", args[0])
	}
	if c.baseURL != "" {
		if _, err := content.ParseBaseURL(c.baseURL); err != nil {
			return usagef("--base-url: %v", err)
		}
	}
	if err := siteFolder(c.src); err != nil {
		return err
	}
	defer adaptGC()()
	opts := buildOptions(c.drafts, c.baseURL)
	opts.Today = time.Now() // for future-date: the pages do not depend on it
	res, err := build.Build(ctx, c.src, c.out, opts)
	diag.WriteText(stderr, res.Diags.Under(c.src))
	if errors.Is(err, build.ErrInvalid) {
		e, w := res.Diags.Count()
		fmt.Fprintf(stderr, "build failed: %s, %s; %s was not changed\n", diag.Plural(e, "error"), diag.Plural(w, "warning"), c.out)
		return errReported
	}
	if err != nil {
		return err
	}
	_, w := res.Diags.Count()
	fmt.Fprintf(stdout, "built %s: %s, %s, %s in %s\n", c.out, diag.Plural(res.Terms, "term"), diag.Plural(res.Pages, "page"), diag.Plural(w, "warning"), res.Duration.Round(1e6))
	if n := draftsLeftOut(res); n > 0 {
		// A fresh "new term" is a draft: say why its page is missing.
		fmt.Fprintf(stdout, "left out %s (draft: true); --drafts builds them, serve shows them\n", diag.Plural(n, "draft"))
	}
	return nil
}

// draftsLeftOut counts the terms and incidents loaded but not built: the
// graph holds only what this build publishes.
func draftsLeftOut(res *build.Result) int {
	if res.Graph == nil {
		return 0
	}
	g := res.Graph
	return len(g.Site.Terms) - len(g.Terms) + len(g.Site.Incidents) - len(g.Incidents)
}

type checkCmd struct {
	src, format  string
	strict       bool
	drafts       bool
	review       bool
	today        string
	now          func() time.Time // the clock; tests set it
	translations bool
}

func (c *checkCmd) flags(fs *flag.FlagSet) {
	fs.StringVar(&c.src, "src", ".", "the site folder")
	fs.StringVar(&c.format, "format", "text", "output format: text, json or github (annotations)")
	fs.BoolVar(&c.strict, "strict", false, "fail on warnings too")
	fs.BoolVar(&c.drafts, "drafts", false, "treat drafts as published (links to drafts are then fine)")
	fs.BoolVar(&c.review, "review", false, "print the review queue, oldest review first, instead of the problems")
	fs.StringVar(&c.today, "today", "", "check review dates as of this day (YYYY-MM-DD) instead of today")
	fs.BoolVar(&c.translations, "translations", false, "list every missing or stale translation instead of the problems (with --strict, fail on a stale one)")
}

func (c *checkCmd) run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q (the site folder is given with --src)", args[0])
	}
	write := map[string]func(io.Writer, diag.List) error{"text": diag.WriteText, "json": diag.WriteJSON, "github": diag.WriteGitHub}[c.format]
	if write == nil {
		fmt.Fprintf(stderr, "nhiglossary check: unknown --format %q: use text, json or github\n", c.format)
		return exitError{2}
	}
	today, err := c.day()
	if err != nil {
		return err
	}
	if err := siteFolder(c.src); err != nil {
		return err
	}
	opts := buildOptions(c.drafts, "")
	opts.Today, opts.Review = today, true
	g, diags := build.Check(os.DirFS(c.src), opts)
	if c.review {
		return c.printReview(g, diags, opts.Today, stdout, stderr)
	}
	if c.translations && g != nil {
		stale, missing, err := writeTranslations(stdout, g.Site, c.drafts)
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "%s stale, %s missing\n", diag.Plural(stale, "translation"), diag.Plural(missing, "translation"))
		if c.strict && stale > 0 {
			return errReported
		}
		return nil
	}
	// Paths as the user named the site, so editors and CI find the files
	// from where the command runs.
	if err := write(stdout, diags.Under(c.src)); err != nil {
		return err
	}
	e, w := diags.Count()
	if c.format == "text" {
		if e+w == 0 {
			fmt.Fprintln(stderr, "no problems found")
		} else {
			fmt.Fprintf(stderr, "%s, %s\n", diag.Plural(e, "error"), diag.Plural(w, "warning"))
		}
	}
	if e > 0 || (c.strict && w > 0) {
		return errReported
	}
	return nil
}
