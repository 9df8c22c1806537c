package blevecompare

import (
	"context"
	"runtime"
	"sync"
	"testing"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/dataset"
	"github.com/certwise/certwise/internal/querybench"
	"github.com/certwise/certwise/internal/shareddata"
	"github.com/certwise/certwise/titles"
	"github.com/certwise/certwise/wordvec"
)

var (
	dataOnce sync.Once
	entries  []certwise.TitleEntry
	options  []titles.Option
	dataErr  error
)

// publicTitles returns the official and alternate titles of the shared data
// and the options every front end builds an index of them with (related
// occupations, embedded word vectors), read once per test binary.
func publicTitles(tb testing.TB) ([]certwise.TitleEntry, []titles.Option) {
	tb.Helper()
	dir := shareddata.Dir(tb)
	dataOnce.Do(func() {
		ctx := context.Background()
		var related map[string][]string
		var vectors map[string][]float32
		if entries, dataErr = dataset.ReadTitles(ctx, dir); dataErr != nil {
			return
		}
		if related, dataErr = dataset.ReadRelated(ctx, dir); dataErr != nil {
			return
		}
		if vectors, dataErr = wordvec.Embedded(); dataErr != nil {
			return
		}
		options = []titles.Option{titles.WithRelated(related), titles.WithWordVectors(vectors)}
	})
	if dataErr != nil {
		tb.Fatal(dataErr)
	}
	return entries, options
}

func newMatcher(tb testing.TB, es []certwise.TitleEntry) *Matcher {
	tb.Helper()
	m, err := NewMatcher(es)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { m.Close() })
	return m
}

func TestMatcher(t *testing.T) {
	m := newMatcher(t, []certwise.TitleEntry{
		{Code: "29-1141.00", Title: "Registered Nurses", Official: true},
		{Code: "29-1141.00", Title: "Staff Nurse"},
		{Code: "13-2011.00", Title: "Accountants and Auditors", Official: true},
	})
	got := m.Match("staff nurse", 5)
	if len(got.Matches) != 1 || got.Matches[0].Code != "29-1141.00" ||
		got.Matches[0].Title != "Registered Nurses" || got.Matches[0].MatchedTitle != "Staff Nurse" {
		t.Errorf("Match(staff nurse) = %+v", got)
	}
	if got := m.Match("astronaut", 5); len(got.Matches) != 0 {
		t.Errorf("Match(astronaut) = %+v, want no match", got)
	}
}

// TestCompareBleve prints the accuracy of both matchers on the same
// hold-out (sample 2000, seed 1) and fails if certwise's matcher is not
// ahead at 6-digit SOC top-1 and top-5.
func TestCompareBleve(t *testing.T) {
	es, opts := publicTitles(t)
	kept, held := titles.Split(es, 2000, 1)
	ours := titles.Evaluate(titles.Build(kept, opts...), held)
	theirs := titles.Evaluate(newMatcher(t, kept), held)
	t.Logf("certwise: %v", ours.Overall)
	t.Logf("bleve:    %v", theirs.Overall)
	if ours.Overall.SOCTop1 <= theirs.Overall.SOCTop1 || ours.Overall.SOCTop5 <= theirs.Overall.SOCTop5 {
		t.Errorf("certwise %.3f/%.3f does not beat bleve %.3f/%.3f at 6-digit SOC top-1/top-5",
			ours.Overall.SOCTop1, ours.Overall.SOCTop5, theirs.Overall.SOCTop1, theirs.Overall.SOCTop5)
	}
}

// benchSetup returns the titles left after holding out 2,000 (seed 1), the
// held-out titles as queries, and the index options.
func benchSetup(b *testing.B) ([]certwise.TitleEntry, []string, []titles.Option) {
	es, opts := publicTitles(b)
	kept, held := titles.Split(es, 2000, 1)
	qs := make([]string, len(held))
	for i, h := range held {
		qs[i] = h.Title
	}
	return kept, qs, opts
}

// BenchmarkMatch measures certwise's per-query latency on held-out titles,
// as titles.BenchmarkMatch does, for runs beside BenchmarkMatchBleve.
func BenchmarkMatch(b *testing.B) {
	kept, qs, opts := benchSetup(b)
	querybench.Latency(b, titles.Build(kept, opts...), qs)
}

// BenchmarkMatchBleve measures bleve's per-query latency on the same titles.
func BenchmarkMatchBleve(b *testing.B) {
	kept, qs, _ := benchSetup(b)
	querybench.Latency(b, newMatcher(b, kept), qs)
}

// BenchmarkBuildBleve measures building the bleve index of every title and
// reports the memory it holds.
func BenchmarkBuildBleve(b *testing.B) {
	es, _ := publicTitles(b)
	before := querybench.HeapAfterGC()
	var m *Matcher
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if m != nil {
			m.Close()
		}
		var err error
		if m, err = NewMatcher(es); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(querybench.HeapAfterGC()-before)/(1<<20), "heap-MB")
	runtime.KeepAlive(m)
	if err := m.Close(); err != nil {
		b.Fatal(err)
	}
}
