// Package querybench measures a title matcher's per-query latency for the
// benchmarks of titles and of tools/blevecompare, so that both report the
// same figures the same way.
package querybench

import (
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/certwise/certwise"
)

// Latency matches every query once untimed (a warm-up for caches and, in
// bleve, background segment merges), then times b.N queries one by one,
// cycling through qs, and reports the median, p99 and maximum per-query
// latency in microseconds.
func Latency(b *testing.B, m certwise.TitleMatcher, qs []string) {
	b.Helper()
	if len(qs) == 0 {
		b.Fatal("querybench: no queries")
	}
	for _, q := range qs {
		m.Match(q, 5)
	}
	runtime.GC()
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := qs[i%len(qs)]
		start := time.Now()
		m.Match(q, 5)
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	p50, p99, maxLat := Percentiles(lat)
	b.ReportMetric(p50, "p50-µs")
	b.ReportMetric(p99, "p99-µs")
	b.ReportMetric(maxLat, "max-µs")
}

// Percentiles returns the median, 99th percentile and maximum of lat in
// microseconds; it sorts lat. lat must not be empty.
func Percentiles(lat []time.Duration) (p50, p99, maxLat float64) {
	slices.Sort(lat)
	pct := func(p float64) float64 {
		return micros(lat[min(len(lat)-1, int(p*float64(len(lat))))])
	}
	return pct(0.50), pct(0.99), micros(lat[len(lat)-1])
}

func micros(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1e3 }

// HeapAfterGC returns the live heap in bytes after two collections, for
// benchmarks that report the memory an index holds.
func HeapAfterGC() uint64 {
	var ms runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}
