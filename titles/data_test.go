package titles

import (
	"context"
	"sync"
	"testing"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/dataset"
	"github.com/certwise/certwise/internal/shareddata"
)

var (
	entriesOnce sync.Once
	entriesVal  []certwise.TitleEntry
	relatedVal  map[string][]string
	entriesErr  error
)

// testEntries reads the official and alternate titles of the shared data,
// and the related occupations, once per test binary.
func testEntries(t testing.TB) []certwise.TitleEntry {
	t.Helper()
	dir := shareddata.Dir(t)
	entriesOnce.Do(func() {
		entriesVal, entriesErr = dataset.ReadTitles(context.Background(), dir)
		if entriesErr == nil {
			relatedVal, entriesErr = dataset.ReadRelated(context.Background(), dir)
		}
	})
	if entriesErr != nil {
		t.Fatal(entriesErr)
	}
	return entriesVal
}

// withRelated is the option that gives an index of the shared data the
// related occupations, as every front end builds it.
func withRelated(t testing.TB) Option {
	testEntries(t)
	return WithRelated(relatedVal)
}
