package ocr

import (
	"bytes"
	"os"
	"os/exec"
	"strconv"
	"syscall"
)

// configure makes tesseract die with the process that started it (the
// isolated reader, killed at its deadline or memory limit).
func configure(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}

// processMemory is the resident memory of a process (0 if unknown).
func processMemory(pid int) int64 {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/statm")
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
