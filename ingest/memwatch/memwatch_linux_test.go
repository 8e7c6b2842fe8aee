package memwatch

import (
	"os/exec"
	"testing"
)

// A process over its limit is killed and reported; one under it runs on.
func TestWatch(t *testing.T) {
	for _, c := range []struct {
		limit  int64
		sleep  string // the killed one only ends by being killed
		killed bool
	}{{1, "60", true}, {1 << 40, "0.1", false}} {
		cmd := exec.Command("sleep", c.sleep)
		if err := cmd.Start(); err != nil {
			t.Skip("no sleep program:", err)
		}
		stop := Watch(cmd.Process, c.limit)
		err := cmd.Wait()
		if killed := stop(); killed != c.killed || (err != nil) != c.killed {
			t.Errorf("limit %d: killed %v, wait error %v; want killed %v", c.limit, killed, err, c.killed)
		}
	}
	if SelfRSS() <= 0 {
		t.Error("SelfRSS of this process is not positive")
	}
}
