// Package memwatch watches the resident memory of a child process and kills
// it over a limit: the one watcher of the isolated readers (the PDF child and
// the tesseract it runs), which both need the same second line of defence.
package memwatch

import (
	"os"
	"sync/atomic"
	"time"
)

// Interval is how often a watched process's memory is read.
const Interval = 50 * time.Millisecond

// Watch kills p when its resident memory passes limit (bytes). The returned
// stop ends the watch and reports whether p was killed for its memory. Where
// the memory of another process cannot be read (RSS gives 0), nothing is
// killed.
func Watch(p *os.Process, limit int64) (stop func() (killed bool)) {
	var over atomic.Bool
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(Interval)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				if RSS(p.Pid) > limit {
					over.Store(true)
					p.Kill()
					return
				}
			}
		}
	}()
	return func() bool {
		close(done)
		return over.Load()
	}
}
