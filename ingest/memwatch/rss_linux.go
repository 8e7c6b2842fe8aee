package memwatch

import (
	"bytes"
	"os"
	"strconv"
)

// RSS is the resident memory of process pid (0 if unknown).
func RSS(pid int) int64 { return statm("/proc/" + strconv.Itoa(pid) + "/statm") }

// SelfRSS is the resident memory of this process (0 if unknown).
func SelfRSS() int64 { return statm("/proc/self/statm") }

func statm(path string) int64 {
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
