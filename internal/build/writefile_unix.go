//go:build unix

package build

import (
	"io"
	"os"
	"syscall"
)

// writeFile creates (or truncates) the file at path and writes data to
// it. It is os.WriteFile without the *os.File: no poller registration
// (a failing epoll_ctl per regular file on Linux) and no finalizer; a
// site is thousands of small files.
func writeFile(path string, data []byte) error {
	f, err := createFile(path)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// createFile creates (or truncates) the file at path, for writing.
func createFile(path string) (io.WriteCloser, error) {
	fd, err := open(path)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	return &fdFile{fd: fd, path: path}, nil
}

// fdFile is a file open for writing, by its descriptor (see writeFile).
type fdFile struct {
	fd   int
	path string
}

func (f *fdFile) Write(data []byte) (int, error) {
	n := 0
	for n < len(data) {
		m, err := syscall.Write(f.fd, data[n:])
		if err == syscall.EINTR {
			continue
		}
		if err == nil && m == 0 {
			err = io.ErrShortWrite
		}
		if err != nil {
			return n, &os.PathError{Op: "write", Path: f.path, Err: err}
		}
		n += m
	}
	return n, nil
}

func (f *fdFile) Close() error {
	if err := syscall.Close(f.fd); err != nil {
		return &os.PathError{Op: "close", Path: f.path, Err: err}
	}
	return nil
}

func open(path string) (int, error) {
	for {
		fd, err := syscall.Open(path, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC|syscall.O_CLOEXEC, 0o644)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}
