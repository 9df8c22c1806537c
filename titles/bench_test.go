package titles

// Benchmarks of the matcher on the public titles; the same measures of a
// bleve index beside it are in tools/blevecompare (a module of its own, so
// that bleve stays out of this module's dependencies).

import (
	"runtime"
	"testing"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/internal/querybench"
)

// benchSetup returns the titles left after holding out 2,000 (seed 1) and
// the held-out titles as queries.
func benchSetup(b *testing.B) ([]certwise.TitleEntry, []string) {
	kept, held := Split(testEntries(b), 2000, 1)
	qs := make([]string, len(held))
	for i, h := range held {
		qs[i] = h.Title
	}
	return kept, qs
}

// BenchmarkMatch measures certwise's per-query latency on held-out titles.
func BenchmarkMatch(b *testing.B) {
	kept, qs := benchSetup(b)
	querybench.Latency(b, Build(kept, shipped(b)), qs)
}

// BenchmarkBuild measures building the full index (every official and
// alternate title, and the related occupations) and reports the memory it
// holds.
func BenchmarkBuild(b *testing.B) {
	entries := testEntries(b)
	rel := shipped(b)
	before := querybench.HeapAfterGC()
	var x *Index
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x = Build(entries, rel)
	}
	b.StopTimer()
	b.ReportMetric(float64(querybench.HeapAfterGC()-before)/(1<<20), "heap-MB")
	runtime.KeepAlive(x)
}

// BenchmarkMatchQuery measures single queries against the full index: the
// target titles of the web benchmark's evaluate requests (scripts/bench-web.sh)
// and two cheaper ones, with allocations.
func BenchmarkMatchQuery(b *testing.B) {
	x := Build(testEntries(b), shipped(b))
	for _, q := range []string{"machine learning engineer", "marketing manager", "registered nurse", "acountant"} {
		b.Run(q, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				x.Match(q, 5)
			}
		})
	}
}
