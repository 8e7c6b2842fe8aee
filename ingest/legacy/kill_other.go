//go:build !unix

package legacy

import "os/exec"

// killGroup leaves cancellation to os/exec, which kills the direct child.
func killGroup(cmd *exec.Cmd) {}
