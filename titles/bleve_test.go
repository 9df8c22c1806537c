//go:build !race

package titles

// The comparison with bleve (left out of -race runs: indexing 50,000
// titles in bleve under the race detector takes minutes), a general-purpose full-text search library:
// the same titles, the same hold-out, the same accuracy and latency
// measures. bleve is a test-only dependency; the certwise binary does not
// link it.

import (
	"runtime"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/certwise/certwise"
)

// bleveMatcher matches titles with a bleve index holding one document per
// title (English analyzer: lower case, stop words, possessives, Porter
// stemming; BM25-like TF-IDF scoring); an occupation's score is that of its
// best-scoring title, so this is a nearest-title matcher.
type bleveMatcher struct {
	idx    bleve.Index
	titles []certwise.TitleEntry
	names  map[string]string // code → official title
}

func newBleveMatcher(tb testing.TB, entries []certwise.TitleEntry) *bleveMatcher {
	tb.Helper()
	m := &bleveMatcher{names: map[string]string{}}
	im := bleve.NewIndexMapping()
	doc := bleve.NewDocumentMapping()
	f := mapping.NewTextFieldMapping()
	f.Analyzer = en.AnalyzerName
	f.Store = false
	f.IncludeTermVectors = false
	doc.AddFieldMappingsAt("title", f)
	im.DefaultMapping = doc
	idx, err := bleve.NewMemOnly(im)
	if err != nil {
		tb.Fatal(err)
	}
	b := idx.NewBatch()
	for _, e := range entries {
		if e.Official {
			m.names[e.Code] = e.Title
		}
		id := strconv.Itoa(len(m.titles))
		m.titles = append(m.titles, e)
		if err := b.Index(id, map[string]any{"title": e.Title}); err != nil {
			tb.Fatal(err)
		}
	}
	// one batch: one segment, so no background merges compete with queries
	if err := idx.Batch(b); err != nil {
		tb.Fatal(err)
	}
	m.idx = idx
	return m
}

// Match implements certwise.TitleMatcher.
func (m *bleveMatcher) Match(q string, top int) certwise.TitleMatch {
	res := certwise.TitleMatch{Query: q}
	mq := bleve.NewMatchQuery(q)
	mq.SetField("title")
	req := bleve.NewSearchRequestOptions(mq, 100, 0, false)
	sr, err := m.idx.Search(req)
	if err != nil {
		return res
	}
	seen := map[string]bool{}
	for _, h := range sr.Hits {
		i, _ := strconv.Atoi(h.ID)
		e := m.titles[i]
		if seen[e.Code] {
			continue
		}
		seen[e.Code] = true
		res.Matches = append(res.Matches, certwise.TitleCandidate{Code: e.Code, Title: m.names[e.Code], MatchedTitle: e.Title, Score: h.Score})
		if len(res.Matches) == top {
			break
		}
	}
	return res
}

// TestCompareBleve prints the accuracy of both matchers on the same
// hold-out (sample 2000, seed 1) and fails if certwise's matcher is not
// ahead at 6-digit SOC top-1 and top-5.
func TestCompareBleve(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the bleve comparison in -short mode")
	}
	kept, held := Split(testEntries(t), 2000, 1)
	ours := Evaluate(Build(kept, shipped(t)), held)
	bm := newBleveMatcher(t, kept)
	defer bm.idx.Close()
	theirs := Evaluate(bm, held)
	t.Logf("certwise: %v", ours.Overall)
	t.Logf("bleve:    %v", theirs.Overall)
	if ours.Overall.SOCTop1 <= theirs.Overall.SOCTop1 || ours.Overall.SOCTop5 <= theirs.Overall.SOCTop5 {
		t.Errorf("certwise %.3f/%.3f does not beat bleve %.3f/%.3f at 6-digit SOC top-1/top-5",
			ours.Overall.SOCTop1, ours.Overall.SOCTop5, theirs.Overall.SOCTop1, theirs.Overall.SOCTop5)
	}
}

// benchQueries are the held-out titles of the benchmark, matched against
// the index without them.
func benchSetup(b *testing.B) ([]certwise.TitleEntry, []string) {
	kept, held := Split(testEntries(b), 2000, 1)
	qs := make([]string, len(held))
	for i, h := range held {
		qs[i] = h.Title
	}
	return kept, qs
}

// runLatency matches every query once untimed, then times b.N queries
// (cycling through qs) one by one and reports
// the median, p99 and maximum per-query latency in microseconds.
func runLatency(b *testing.B, m certwise.TitleMatcher, qs []string) {
	b.Helper()
	for _, q := range qs { // warm up: caches, and bleve's background segment merges
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
	slices.Sort(lat)
	pct := func(p float64) float64 {
		return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Nanoseconds()) / 1e3
	}
	b.ReportMetric(pct(0.50), "p50-µs")
	b.ReportMetric(pct(0.99), "p99-µs")
	b.ReportMetric(float64(lat[len(lat)-1].Nanoseconds())/1e3, "max-µs")
}

// BenchmarkMatch measures certwise's per-query latency on held-out titles.
func BenchmarkMatch(b *testing.B) {
	kept, qs := benchSetup(b)
	runLatency(b, Build(kept, shipped(b)), qs)
}

// BenchmarkMatchBleve measures bleve's per-query latency on the same titles.
func BenchmarkMatchBleve(b *testing.B) {
	kept, qs := benchSetup(b)
	m := newBleveMatcher(b, kept)
	defer m.idx.Close()
	runLatency(b, m, qs)
}

// heapAfterGC returns the live heap in bytes.
func heapAfterGC() uint64 {
	var ms runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// BenchmarkBuild measures building the full index (every official and
// alternate title, and the related occupations) and reports the memory it
// holds.
func BenchmarkBuild(b *testing.B) {
	entries := testEntries(b)
	rel := shipped(b)
	before := heapAfterGC()
	var x *Index
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x = Build(entries, rel)
	}
	b.StopTimer()
	b.ReportMetric(float64(heapAfterGC()-before)/(1<<20), "heap-MB")
	runtime.KeepAlive(x)
}

// BenchmarkBuildBleve measures building the bleve index of the same titles.
func BenchmarkBuildBleve(b *testing.B) {
	entries := testEntries(b)
	before := heapAfterGC()
	var m *bleveMatcher
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if m != nil {
			m.idx.Close()
		}
		m = newBleveMatcher(b, entries)
	}
	b.StopTimer()
	b.ReportMetric(float64(heapAfterGC()-before)/(1<<20), "heap-MB")
	if err := m.idx.Close(); err != nil {
		b.Fatal(err)
	}
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
