package ocr

import (
	"os/exec"
	"syscall"
)

// configure makes tesseract die with the process that started it (the
// isolated reader, killed at its deadline or memory limit).
func configure(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
