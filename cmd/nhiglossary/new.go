package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/template"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/nhimg/nhiglossary/internal/content"
)

type newCmd struct {
	src string
	now func() time.Time
}

func (c *newCmd) flags(fs *flag.FlagSet) {
	fs.StringVar(&c.src, "src", ".", "the site folder")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: nhiglossary new term \"Title\" | new incident \"Title\" [--src DIR]\n\nFlags:\n")
		fs.PrintDefaults()
	}
}

// The scaffolds list every field with a comment, so an editor learns the
// format by filling one in. Values are YAML-quoted by %q-like escaping.
var termScaffold = template.Must(template.New("term").Parse(`---
title: {{.Title}}
# summary (required): the short definition, one or two plain sentences.
summary: >-
  TODO: one or two sentences that define {{.Plain}}.
# abbreviations: [NHI]            # short forms, matched case-sensitively
# synonyms: [other name]          # other names readers search for
# redirects: [old-slug]           # old URLs that must keep working
# category: Credentials           # one category
# tags: [secrets]
# related: [service-account]      # slugs or titles of other terms ("see also")
# examples:                       # Markdown, one item per example
#   - A job calls an API with a key scoped to one [[Service Account]].
# incidents: [incident-slug]      # files in content/incidents/
# mappings:                       # standards and framework alignment
#   - framework: owasp-nhi-top-10 # a file in content/frameworks/
#     control: NHI2               # optional: one control of it
#     relevance: Why this term matters for that control.
# takeaway: One line for the reader to remember.
# sources:                        # a source for every statistic and claim
#   - title: Report title
#     publisher: Publisher
#     url: https://example.org/report
#     date: {{.Date}}
# author: Your name               # defaults to the site's default_author
updated: {{.Date}}
# reviewed: {by: Editorial team, on: {{.Date}}}
draft: true                       # remove when ready to publish
# autolink: false                 # never auto-link mentions of this term
#
# Below: the expanded definition in Markdown. Link other terms, incidents
# and controls with [[Title]], [[slug|label]] or [[framework-id/CONTROL]].
---
TODO: the expanded definition.

## Why it matters

TODO
`))

var incidentScaffold = template.Must(template.New("incident").Parse(`---
title: {{.Title}}
# date (required): the day it happened or was disclosed, YYYY-MM-DD.
date: {{.Date}}
# summary (required): one or two sentences; Markdown and [[links]] allowed.
summary: >-
  TODO: what happened to {{.Plain}}, in one or two sentences.
# sources:
#   - title: Write-up title
#     publisher: Publisher
#     url: https://example.org/write-up
#     date: {{.Date}}
# tags: [leak]
draft: true                       # remove when ready to publish
#
# Below: what happened, which credentials were involved, and what others
# can learn from it. Link the terms involved with [[Title]].
---
TODO: what happened.
`))

func (c *newCmd) run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) != 2 || (args[0] != "term" && args[0] != "incident") {
		fmt.Fprintln(stderr, `usage: nhiglossary new term "Title" | new incident "Title" [--src DIR]`)
		return exitError{2}
	}
	kind, title := args[0], strings.TrimSpace(args[1])
	slug := content.Slugify(title)
	if slug == "" {
		return fmt.Errorf("cannot make a file name from %q: use a title with letters or digits", title)
	}
	dir, tmpl := content.TermsDir, termScaffold
	if kind == "incident" {
		dir, tmpl = content.IncidentsDir, incidentScaffold
	}
	now := time.Now
	if c.now != nil {
		now = c.now
	}
	path := filepath.Join(c.src, filepath.FromSlash(dir), slug+".md")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	var b strings.Builder
	err := tmpl.Execute(&b, struct{ Title, Plain, Date string }{yamlString(title), title, now().Format(time.DateOnly)})
	if err != nil {
		return err
	}
	// O_EXCL: never overwrite an editor's file, even one created a moment ago.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return fmt.Errorf("%s already exists; edit it, or choose another title", path)
	}
	if err != nil {
		return err
	}
	if _, err := f.WriteString(b.String()); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "created %s (a draft: set draft: false when it is ready)\n", path)
	return nil
}

// yamlString writes a title as YAML reads it back: plain where that is
// safe, quoted where YAML would take it for another type (null, 2026,
// yes) or for syntax. yaml.v3 knows those rules; they are not copied here.
func yamlString(s string) string {
	b, err := yaml.Marshal(s)
	if err != nil {
		return strconv.Quote(s)
	}
	return strings.TrimSuffix(string(b), "\n")
}
