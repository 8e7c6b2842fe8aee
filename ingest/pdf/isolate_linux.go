package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"strconv"
)

func configureChild(cmd *exec.Cmd) {}

// memoryInUse is the resident memory of this process.
func memoryInUse() int64 { return statmRSS("/proc/self/statm") }

// processMemory is the resident memory of another process (0 if unknown).
func processMemory(pid int) int64 { return statmRSS("/proc/" + strconv.Itoa(pid) + "/statm") }

func statmRSS(path string) int64 {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	f := bytes.Fields(b)
	if len(f) < 2 {
		return 0
	}
	pages, err := strconv.ParseInt(string(f[1]), 10, 64)
	if err != nil {
		return 0
	}
	return pages * int64(os.Getpagesize())
}
