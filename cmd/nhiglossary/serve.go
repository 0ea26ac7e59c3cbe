package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os/exec"
	"runtime"
	"strings"

	"github.com/nhimg/nhiglossary/internal/serve"
)

// serveCmd previews the site with live reload. Drafts are shown (marked
// with a banner) unless --drafts=false: an editor previews what they are
// writing, and most of that is a draft at first.
type serveCmd struct {
	src        string
	addr       addrFlag
	allowHosts names
	drafts     bool
	open       bool
}

// names is a flag that may be given several times.
type names []string

func (n *names) String() string     { return strings.Join(*n, ",") }
func (n *names) Set(v string) error { *n = append(*n, v); return nil }

// addrFlag is --addr, remembering whether the user gave it: only the
// default address may move to the next free port.
type addrFlag struct {
	addr  string
	given bool
}

func (a *addrFlag) String() string     { return a.addr }
func (a *addrFlag) Set(v string) error { a.addr, a.given = v, true; return nil }

func (c *serveCmd) flags(fs *flag.FlagSet) {
	fs.StringVar(&c.src, "src", ".", "the site folder")
	c.addr = addrFlag{addr: serve.DefaultAddr}
	fs.Var(&c.addr, "addr", "the `address` to serve at; keep it on 127.0.0.1 unless others must see the preview (when the default port is taken, the next free one)")
	fs.Var(&c.allowHosts, "allow-host", "also answer requests for this host `name`, on any port (repeatable); localhost, *.localhost and IP addresses are always answered")
	fs.BoolVar(&c.drafts, "drafts", true, "show draft terms and incidents, marked as drafts (--drafts=false: as published)")
	fs.BoolVar(&c.open, "open", false, "open the preview in the default browser")
}

func (c *serveCmd) run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q (the site folder is given with --src)", args[0])
	}
	if err := siteFolder(c.src); err != nil {
		return err
	}
	ln, note, err := serve.Listen(c.addr.addr, c.addr.given)
	if err != nil {
		return err
	}
	defer ln.Close()
	if note != "" {
		fmt.Fprintln(stderr, note)
	}
	opts := serve.Options{Src: c.src, Build: buildOptions(c.drafts, ""), Log: stderr, AllowHosts: c.allowHosts}
	if c.open {
		opts.Ready = func(url string) { openBrowser(url, stderr) }
	}
	return serve.Run(ctx, ln, opts)
}

// openBrowser asks the desktop to open url; it says so when it cannot.
func openBrowser(url string, stderr io.Writer) {
	name := map[string]string{"darwin": "open", "windows": "explorer"}[runtime.GOOS]
	if name == "" {
		name = "xdg-open"
	}
	cmd := exec.Command(name, url)
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(stderr, "cannot open a browser (%v); open %s\n", err, url)
		return
	}
	go cmd.Wait() // the opener hands off to the browser and exits
}
