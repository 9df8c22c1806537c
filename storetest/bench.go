package storetest

import (
	"context"
	"fmt"
	"testing"

	"github.com/certwise/certwise"
)

// Bench measures a store's common operations on a fully populated
// assessment (every field of Answers and Evaluation set, two elements in
// every list: about 20 KB of JSON, more than a typical evaluation):
//
//	Create          a first version, committed (and synced) per operation
//	Revisit         a new version of an existing one
//	Find            one assessment by id among 1,000
//	FindParallel    the same from GOMAXPROCS goroutines at once
//	ListVersions    a chain of 5 versions
func Bench(b *testing.B, open Open) {
	ctx := context.Background()
	b.Run("Create", func(b *testing.B) {
		s, _ := openStore(b, open)
		as := prepare(b, b.N, "")
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if err := s.CreateAssessment(ctx, as[i]); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Revisit", func(b *testing.B) {
		s, _ := openStore(b, open)
		root := prepare(b, 1, "")[0]
		mustCreate(b, s, root)
		as := prepare(b, b.N, root.ID)
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if err := s.CreateAssessment(ctx, as[i]); err != nil {
				b.Fatal(err)
			}
		}
	})
	findSetup := func(b *testing.B) (certwise.AssessmentStore, []string) {
		s, _ := openStore(b, open)
		as := prepare(b, 1000, "")
		ids := make([]string, len(as))
		for i, a := range as {
			mustCreate(b, s, a)
			ids[i] = a.ID
		}
		return s, ids
	}
	b.Run("Find", func(b *testing.B) {
		s, ids := findSetup(b)
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if _, err := s.FindAssessment(ctx, ids[i%len(ids)]); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("FindParallel", func(b *testing.B) {
		s, ids := findSetup(b)
		b.ReportAllocs()
		b.ResetTimer()
		b.RunParallel(func(pb *testing.PB) {
			i := 0
			for pb.Next() {
				if _, err := s.FindAssessment(ctx, ids[i%len(ids)]); err != nil {
					b.Error(err)
					return
				}
				i += 7
			}
		})
	})
	b.Run("ListVersions", func(b *testing.B) {
		s, _ := openStore(b, open)
		prev := ""
		for i := 0; i < 5; i++ {
			a := prepare(b, 1, prev)[0]
			mustCreate(b, s, a)
			prev = a.ID
		}
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			vs, err := s.ListVersions(ctx, prev)
			if err != nil {
				b.Fatal(err)
			}
			if len(vs) != 5 {
				b.Fatal(fmt.Errorf("ListVersions returned %d versions, want 5", len(vs)))
			}
		}
	})
}

// prepare returns n fully populated assessments with fresh ids, revisiting
// previousID when it is set.
func prepare(tb testing.TB, n int, previousID string) []*certwise.Assessment {
	tb.Helper()
	tmpl := richAssessment(tb)
	out := make([]*certwise.Assessment, n)
	for i := range out {
		a, _ := newAssessment(tb, previousID)
		a.Answers, a.Evaluation = tmpl.Answers, tmpl.Evaluation
		out[i] = a
	}
	return out
}
