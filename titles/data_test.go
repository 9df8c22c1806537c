package titles

import (
	"context"
	"sync"
	"testing"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/dataset"
	"github.com/certwise/certwise/internal/shareddata"
	"github.com/certwise/certwise/wordvec"
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

// shipped is the option that gives an index of the shared data the related
// occupations and the embedded word vectors, as every front end builds it.
func shipped(t testing.TB) Option {
	testEntries(t)
	vectors, err := wordvec.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return func(o *buildOptions) {
		WithRelated(relatedVal)(o)
		WithWordVectors(vectors)(o)
	}
}
