//go:build !unix

package corpus

import (
	"os"
	"path/filepath"
	"time"
)

// LockName is the lock file inside the corpus directory.
const LockName = "lock"

// lockDir only creates the lock file where flock is not available: a second
// writer is not detected there.
func lockDir(dir string, timeout time.Duration) (*os.File, error) {
	return os.OpenFile(filepath.Join(dir, LockName), os.O_RDWR|os.O_CREATE, 0o644)
}

func unlockDir(f *os.File) { f.Close() }
