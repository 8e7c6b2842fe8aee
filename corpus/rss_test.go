package corpus

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// peakRSS is the process's peak resident set in bytes: VmHWM from
// /proc/self/status, or getrusage where there is no /proc.
func peakRSS() int64 {
	if f, err := os.Open("/proc/self/status"); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
				kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
				return kb << 10
			}
		}
	}
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Maxrss << 10
}

// resetPeakRSS starts VmHWM afresh (Linux: clear_refs 5), so that the peak
// measured is that of what follows, not of generating the input.
func resetPeakRSS() { os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }
