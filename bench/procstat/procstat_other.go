//go:build !unix

package procstat

import "time"

// PeakRSS is unknown here: 0.
func PeakRSS() int64 { return 0 }

// ResetPeakRSS does nothing here.
func ResetPeakRSS() {}

// CPUTime is unknown here: 0.
func CPUTime() time.Duration { return 0 }

// WrittenBytes is unknown here: 0.
func WrittenBytes() int64 { return 0 }
