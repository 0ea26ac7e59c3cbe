//go:build !unix

package build

import (
	"io"
	"os"
)

func writeFile(path string, data []byte) error { return os.WriteFile(path, data, 0o644) }

func createFile(path string) (io.WriteCloser, error) { return os.Create(path) }
