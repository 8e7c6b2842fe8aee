//go:build !linux

package ocr

import "os/exec"

func configure(cmd *exec.Cmd) {}
