package procstat

import (
	"io/fs"
	"path/filepath"
)

// DirBytes is the size of the regular files under dir: what a run kept.
func DirBytes(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, e fs.DirEntry, err error) error {
		if err == nil && e.Type().IsRegular() {
			if fi, err := e.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}
