//go:build !linux

package pdf

import (
	"os/exec"
	"runtime/metrics"
)

func configureChild(cmd *exec.Cmd) {}

// memoryInUse is the memory the Go runtime holds.
func memoryInUse() int64 {
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(s[0].Value.Uint64())
}

// processMemory is not known on this system; the child watches itself.
func processMemory(pid int) int64 { return 0 }
