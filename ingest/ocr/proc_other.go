//go:build !linux

package ocr

import "os/exec"

func configure(cmd *exec.Cmd) {}

func processMemory(pid int) int64 { return 0 }
