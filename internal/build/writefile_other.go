//go:build !unix

package build

import (
	"io"
	"os"
)

func writeFile(path string, data []byte) error { return os.WriteFile(path, data, 0o644) }

func createFile(path string) (io.WriteCloser, error) {
	return os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
}
