package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/storetest"
)

func openTemp(t *testing.T) (certwise.AssessmentStore, func(t *testing.T) certwise.AssessmentStore) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "certwise.db")
	open := func(t *testing.T) certwise.AssessmentStore {
		t.Helper()
		s, err := Open(context.Background(), path)
		if err != nil {
			t.Fatalf("Open(%s): %v", path, err)
		}
		return s
	}
	return open(t), open
}

func TestStore(t *testing.T) {
	storetest.Run(t, openTemp)
}
