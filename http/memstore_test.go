package http

import (
	"testing"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/storetest"
)

// TestMemStoreContract runs the store suite on the in-memory store the
// server tests use, so that they test against the same contract as SQLite
// and PostgreSQL. The store lives in memory: reopening it is using it again.
func TestMemStoreContract(t *testing.T) {
	storetest.Run(t, func(testing.TB) (certwise.AssessmentStore, func(testing.TB) certwise.AssessmentStore) {
		s := newMemStore()
		return s, func(testing.TB) certwise.AssessmentStore { return s }
	})
}
