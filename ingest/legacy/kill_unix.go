//go:build unix

package legacy

import (
	"os/exec"
	"syscall"
)

// killGroup starts the command in a process group of its own and makes
// cancellation kill the whole group, so soffice.bin does not outlive soffice.
func killGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		if cmd.Process == nil {
			return nil
		}
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
