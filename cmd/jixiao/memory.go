package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"slices"
)

// The memory a run that reads files may take, as a soft limit for the Go
// runtime: the program itself (dictionaries, the store, the index) plus a
// small multiple of the files being read at once. Reading a file keeps its
// bytes, its decoded text and its normal form (about three times its size at
// the peak); without a limit the collector lets the heap grow to twice what is
// live, so a 100 MB text took more than a gigabyte. With it, memory stays
// proportional to the input (measured in the README's performance section).
const (
	memoryBase    = 160 << 20
	memoryPerByte = 3
)

// boundMemory sets the runtime's soft memory limit for reading files on
// workers workers at once, unless the user set GOMEMLIMIT. The limit is soft:
// a file that needs more still reads, with the collector working harder.
func boundMemory(files []string, workers int) {
	if os.Getenv("GOMEMLIMIT") != "" || len(files) == 0 {
		return
	}
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	sizes := make([]int64, 0, len(files))
	for _, f := range files {
		if fi, err := os.Stat(f); err == nil && fi.Mode().IsRegular() {
			sizes = append(sizes, fi.Size())
		}
	}
	slices.Sort(sizes)
	var largest int64 // the files read at once, at worst the largest ones
	for i := len(sizes) - 1; i >= 0 && i >= len(sizes)-workers; i-- {
		largest += sizes[i]
	}
	debug.SetMemoryLimit(memoryLimit(largest))
}

// memoryLimit is the soft limit for reading files of n bytes at once.
func memoryLimit(n int64) int64 { return memoryBase + memoryPerByte*n }
