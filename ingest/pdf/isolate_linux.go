package pdf

import "os/exec"

func configureChild(cmd *exec.Cmd) {}
