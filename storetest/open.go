package storetest

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/certwise/certwise"
)

// Migrating is a store that reports the version of its schema.
type Migrating interface {
	certwise.AssessmentStore
	SchemaVersion(ctx context.Context) (int, error)
}

// Migrations tests how a store's Open migrates. open opens a store on one
// database, the same each time and empty before the first call; bump
// records, through s, a schema version newer than the program knows. want
// is the number of embedded migrations. It checks that several Opens at
// once all succeed and leave the schema at want, that opening again changes
// nothing, and that Open then refuses a database from a newer program.
func Migrations(t *testing.T, want int, open func(ctx context.Context) (Migrating, error), bump func(ctx context.Context, s Migrating) error) {
	t.Helper()
	ctx := context.Background()
	const n = 6
	var wg sync.WaitGroup
	stores := make([]Migrating, n)
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			stores[i], errs[i] = open(ctx)
		}()
	}
	wg.Wait()
	for i := range n {
		if errs[i] != nil {
			t.Fatalf("concurrent Open %d: %v", i, errs[i])
		}
		defer stores[i].Close()
	}
	for i, s := range stores {
		if v, err := s.SchemaVersion(ctx); err != nil || v != want {
			t.Fatalf("store %d: SchemaVersion = %d, %v; want %d", i, v, err, want)
		}
	}

	if err := bump(ctx, stores[0]); err != nil {
		t.Fatalf("record a newer schema version: %v", err)
	}
	s, err := open(ctx)
	if err == nil {
		s.Close()
		t.Fatal("Open accepted a database from a newer program")
	}
	if !strings.Contains(err.Error(), "newer") {
		t.Fatalf("error %v does not say the schema is newer", err)
	}
}

// OpenFails checks that open fails with the error code want and that the
// error does not reveal secret (when set), closing any store it returns.
func OpenFails(t *testing.T, open func() (certwise.AssessmentStore, error), want, secret string) {
	t.Helper()
	s, err := open()
	if err == nil {
		s.Close()
		t.Fatal("Open succeeded")
	}
	if got := certwise.ErrorCode(err); got != want {
		t.Fatalf("Open: %v, code %q, want %q", err, got, want)
	}
	if secret != "" && strings.Contains(err.Error(), secret) {
		t.Fatalf("Open: error %q reveals %q", err, secret)
	}
}
