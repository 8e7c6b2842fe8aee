//go:build !unix

package main

import "time"

func peakRSS() int64         { return 0 }
func resetPeakRSS()          {}
func cpuTime() time.Duration { return 0 }

func writtenBytes() int64 { return 0 }
