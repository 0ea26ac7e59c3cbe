// Package sinktest keeps a built site's files in memory, for tests that
// compare what a build writes (build.Sink) without a folder.
package sinktest

import (
	"bytes"
	"io"
	"maps"
	"sync"
)

// Sink is a build.Sink that keeps each file it is given. It is safe for
// concurrent use, as a build writes from several goroutines.
type Sink struct {
	mu    sync.Mutex
	files map[string]string
}

// New returns an empty Sink.
func New() *Sink { return &Sink{files: map[string]string{}} }

// WriteFile keeps data as the file name.
func (s *Sink) WriteFile(name string, data []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.files[name] = string(data)
	return nil
}

// Create writes a file in pieces, as a build writes its pages: the file
// is kept when it is closed.
func (s *Sink) Create(name string) (io.WriteCloser, error) {
	return &file{s: s, name: name}, nil
}

// Files returns the files written so far, by path.
func (s *Sink) Files() map[string]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return maps.Clone(s.files)
}

type file struct {
	s    *Sink
	name string
	b    bytes.Buffer
}

func (f *file) Write(p []byte) (int, error) { return f.b.Write(p) }
func (f *file) Close() error                { return f.s.WriteFile(f.name, f.b.Bytes()) }
