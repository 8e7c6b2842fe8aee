//go:build !linux

package memwatch

import "runtime/metrics"

// RSS is not known on this system for another process: 0.
func RSS(pid int) int64 { return 0 }

// SelfRSS is the memory the Go runtime holds, the nearest this system gives.
func SelfRSS() int64 {
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(s[0].Value.Uint64())
}
