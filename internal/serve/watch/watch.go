// Package watch reports which files of a site folder changed, in batches:
// a burst of events (an editor's save is often three or four: write,
// rename over, chmod) becomes one list of paths, sent once the folder has
// been quiet for a moment.
//
// fsnotify watches are not recursive, so every folder under the watched
// ones gets its own watch, including folders created later. Editors save
// by writing in place, by renaming a temporary file over the old one, or
// by deleting and re-creating it; each of these names the saved file in
// an event of its parent folder, which is what is watched. Swap, backup
// and lock files are left out.
package watch

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Timing of a batch: it is sent once no event came for Quiet (Gone when
// a file in it was removed or renamed away), or Max after its first
// event, whichever is first. Quiet is on the path of every save to the
// screen; a save that takes the old file away first (delete and create,
// vim's backup rename) waits longer, so that the preview never sees the
// file missing and sends the browser away from a term being saved.
const (
	Quiet = 8 * time.Millisecond
	Gone  = 60 * time.Millisecond
	Max   = 250 * time.Millisecond
)

// Watcher watches part of a folder.
type Watcher struct {
	root string
	dirs []string // relative to root; watched with everything under them
	fw   *fsnotify.Watcher
	errs func(error)
}

// New watches root itself (for files directly in it, and for the folders
// in dirs being created later) and every folder under each of dirs
// (slash-separated, relative to root; missing ones are fine). onError,
// which may be nil, hears about folders that cannot be watched.
func New(root string, dirs []string, onError func(error)) (*Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	if onError == nil {
		onError = func(error) {}
	}
	w := &Watcher{root: filepath.Clean(root), dirs: dirs, fw: fw, errs: onError}
	if err := fw.Add(w.root); err != nil {
		fw.Close()
		return nil, err
	}
	for _, d := range dirs {
		w.addTree(filepath.Join(w.root, filepath.FromSlash(d)), nil)
	}
	return w, nil
}

// addTree watches dir and every folder under it. When found is not nil,
// it also gets every file met: they may have been written before the
// watch began, so nobody else will report them.
func (w *Watcher) addTree(dir string, found func(string)) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				w.errs(err)
			}
			return nil
		}
		if p != dir && ignored(d.Name()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			if found != nil {
				found(p)
			}
			return nil
		}
		if err := w.fw.Add(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			w.errs(err)
		}
		return nil
	})
}

// Run sends batches of changed paths (slash-separated, relative to root,
// sorted, without repeats) to out until ctx ends, then stops watching.
// While out is not read, events keep collecting into the next batch.
func (w *Watcher) Run(ctx context.Context, out chan<- []string) error {
	defer w.fw.Close()
	pending := map[string]bool{}
	var first time.Time
	quiet := time.NewTimer(time.Hour)
	quiet.Stop()
	defer quiet.Stop()
	var ready, gone bool
	for {
		var send chan<- []string
		var batch []string
		if ready && len(pending) > 0 {
			send = out
			batch = sorted(pending)
		}
		select {
		case <-ctx.Done():
			return nil
		case send <- batch:
			clear(pending)
			ready, gone = false, false
		case err, ok := <-w.fw.Errors:
			if !ok {
				return nil
			}
			w.errs(err)
		case ev, ok := <-w.fw.Events:
			if !ok {
				return nil
			}
			was := len(pending)
			if !w.event(ev, func(p string) { pending[p] = true }) {
				continue
			}
			removed := ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename)
			if ready && !removed {
				continue // joins the batch waiting for the reader
			}
			// A file removed while the batch waits holds it back too: an
			// editor's save by rename is about to write it again.
			ready = false
			if was == 0 {
				first = time.Now()
			}
			gone = gone || removed
			wait := Quiet
			if gone {
				wait = Gone
			}
			// Each event restarts the quiet period, up to Max in all.
			quiet.Reset(max(min(wait, Max-time.Since(first)), 0))
		case <-quiet.C:
			ready = true
		}
	}
}

// event records what one fsnotify event changed; false when it is of no
// interest.
func (w *Watcher) event(ev fsnotify.Event, add func(string)) bool {
	if ignored(filepath.Base(ev.Name)) {
		return false
	}
	rel := w.rel(ev.Name)
	if rel == "" || !w.wanted(rel) {
		return false
	}
	add(rel)
	if ev.Has(fsnotify.Create) {
		if fi, err := os.Lstat(ev.Name); err == nil && fi.IsDir() {
			w.addTree(ev.Name, func(p string) {
				if r := w.rel(p); r != "" {
					add(r)
				}
			})
		}
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		// A folder moved away keeps its watch under its old name; drop it.
		if slices.Contains(w.fw.WatchList(), ev.Name) {
			w.fw.Remove(ev.Name)
		}
	}
	return true
}

// wanted keeps root-level files and everything under the watched folders.
func (w *Watcher) wanted(rel string) bool {
	if !strings.Contains(rel, "/") {
		return true
	}
	for _, d := range w.dirs {
		if strings.HasPrefix(rel, d+"/") {
			return true
		}
	}
	return false
}

func (w *Watcher) rel(name string) string {
	r, err := filepath.Rel(w.root, name)
	if err != nil || r == "." || strings.HasPrefix(r, "..") {
		return ""
	}
	return filepath.ToSlash(r)
}

func sorted(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for p := range m {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

// ignored reports whether a file name is an editor's or the system's
// leftover rather than a file someone saved: dotfiles (.x.swp, .#lock,
// .DS_Store), backups (x~, #x#), vim's write test "4913", temporary
// files (.tmp, .swp, JetBrains' ___jb_tmp___).
func ignored(name string) bool {
	switch {
	case name == "" || name == "4913":
		return true
	case strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#"):
		return true
	case strings.HasSuffix(name, "~") || strings.HasSuffix(name, "#"):
		return true
	}
	for _, suffix := range []string{".swp", ".swx", ".swo", ".tmp", ".part", ".crdownload", "___jb_tmp___", "___jb_old___"} {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return false
}
