package rules

import "testing"

// ReportCPU runs loop and reports, beside the wall-clock ns/op, the CPU time
// the whole process spent per operation (cpu-ns/op, garbage collection
// included). On a machine shared with other work the wall clock counts time
// spent waiting for a core; CPU time per operation is what one dedicated
// core would need, so 1e9 / cpu-ns/op is the one-core throughput.
func ReportCPU(b *testing.B, loop func()) {
	b.Helper()
	start, ok := processCPU()
	loop()
	if end, ok2 := processCPU(); ok && ok2 && b.N > 0 {
		b.ReportMetric(float64((end-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}
