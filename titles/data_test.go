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
	entriesErr  error
)

// testEntries reads the official and alternate titles of the shared data
// once per test binary.
func testEntries(t testing.TB) []certwise.TitleEntry {
	t.Helper()
	dir := shareddata.Dir(t)
	entriesOnce.Do(func() {
		entriesVal, entriesErr = dataset.ReadTitles(context.Background(), dir)
	})
	if entriesErr != nil {
		t.Fatal(entriesErr)
	}
	return entriesVal
}
