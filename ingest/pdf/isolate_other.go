//go:build !linux

package pdf

import "os/exec"

func configureChild(cmd *exec.Cmd) {}
