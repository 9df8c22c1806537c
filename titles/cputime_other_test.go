//go:build !linux

package titles

import "time"

// threadCPU is not available here: the CPU-time benchmarks skip.
func threadCPU() (time.Duration, bool) { return 0, false }
