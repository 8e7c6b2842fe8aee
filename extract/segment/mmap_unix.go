//go:build unix

package segment

import (
	"fmt"
	"os"
	"syscall"
)

// mapFile maps a file read-only. The bytes are outside Go's heap, as
// gojieba.NewJiebaFromImage needs them, and shared with every other process
// that maps the same image.
func mapFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if fi.Size() <= 0 || fi.Size() != int64(int(fi.Size())) {
		return nil, fmt.Errorf("分词词典映像 %s: 大小 %d", path, fi.Size())
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(fi.Size()), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, fmt.Errorf("映射分词词典映像 %s: %w", path, err)
	}
	return data, nil
}

func unmapFile(data []byte) { syscall.Munmap(data) }
