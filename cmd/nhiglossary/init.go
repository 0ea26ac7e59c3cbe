package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/nhimg/nhiglossary/internal/scaffold"
)

type initCmd struct {
	now func() time.Time
}

func (c *initCmd) flags(fs *flag.FlagSet) {
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), `usage: nhiglossary init [DIR]

Writes a starter site into DIR (default: the current folder): settings,
three terms, a framework and an incident, every field shown. DIR must
hold no site yet; no file is ever overwritten. The format: docs/format.md.
`)
	}
}

func (c *initCmd) run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 1 {
		fmt.Fprintln(stderr, "usage: nhiglossary init [DIR]")
		return exitError{2}
	}
	dir := firstOr(args, ".")
	now := time.Now
	if c.now != nil {
		now = c.now
	}
	files, err := scaffold.Init(dir, now().Format(time.DateOnly))
	for _, f := range files {
		fmt.Fprintf(stdout, "created %s\n", f)
	}
	if err != nil {
		return err
	}
	next := "nhiglossary serve"
	if dir != "." {
		next = "cd " + dir + " && " + next
	}
	fmt.Fprintf(stdout, "\nA new site: preview it with `%s`, then edit content/.\n", next)
	return nil
}
