package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/internal/storeutil"
	"github.com/certwise/certwise/storetest"
)

func openTemp(t testing.TB) (certwise.AssessmentStore, func(t testing.TB) certwise.AssessmentStore) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "certwise.db")
	open := func(t testing.TB) certwise.AssessmentStore {
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

func TestOpenSettings(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "settings.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, c := range []struct {
		db     string
		pragma string
		want   string
	}{
		{"writer", "journal_mode", "wal"},
		{"writer", "foreign_keys", "1"},
		{"writer", "synchronous", "2"}, // FULL
		{"writer", "busy_timeout", "5000"},
		{"reader", "foreign_keys", "1"},
		{"reader", "query_only", "1"},
		{"reader", "busy_timeout", "5000"},
	} {
		db := s.w
		if c.db == "reader" {
			db = s.r
		}
		var got string
		if err := db.QueryRowContext(ctx, "PRAGMA "+c.pragma).Scan(&got); err != nil {
			t.Fatalf("%s PRAGMA %s: %v", c.db, c.pragma, err)
		}
		if got != c.want {
			t.Errorf("%s PRAGMA %s = %q, want %q", c.db, c.pragma, got, c.want)
		}
	}
	if _, err := s.r.ExecContext(ctx, "DELETE FROM assessments"); err == nil {
		t.Error("a reader connection accepted a write")
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, path string
		code       string
	}{
		{"empty", "", certwise.EINVALID},
		{"memory", ":memory:", certwise.EINVALID},
		{"uri", "file:x.db?mode=memory", certwise.EINVALID},
		{"missing directory", filepath.Join(dir, "no", "such", "dir", "x.db"), certwise.EINTERNAL},
		{"a directory", dir, certwise.EINTERNAL},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			storetest.OpenFails(t, func() (certwise.AssessmentStore, error) { return Open(context.Background(), tt.path) }, tt.code, "")
		})
	}
}

func TestNewDatabaseIsPrivate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "private.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	mustCreateOne(t, s)
	for _, p := range []string{path, path + "-wal"} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if perm := fi.Mode().Perm(); perm != 0o600 {
			t.Errorf("%s has mode %v, want 0600", filepath.Base(p), perm)
		}
	}
}

// mustCreateOne stores one assessment.
func mustCreateOne(t *testing.T, s *Store) {
	t.Helper()
	id, err := certwise.NewAssessmentID()
	if err != nil {
		t.Fatal(err)
	}
	_, hash, err := certwise.NewDeleteToken()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CreateAssessment(context.Background(), &certwise.Assessment{ID: id, DeleteTokenHash: hash}); err != nil {
		t.Fatal(err)
	}
}

func TestOpenRelativePath(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	s, err := Open(context.Background(), "certwise.db")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := os.Stat(filepath.Join(dir, "certwise.db")); err != nil {
		t.Fatalf("the database is not in the working directory: %v", err)
	}
}

func TestOpenPathWithURICharacters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "odd ?#% name.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the database is not at the path given: %v", err)
	}
}

func TestMigrations(t *testing.T) {
	path := filepath.Join(t.TempDir(), "migrations.db")
	ms, err := storeutil.Migrations(migrationFS, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	storetest.Migrations(t, len(ms),
		func(ctx context.Context) (storetest.Migrating, error) { return Open(ctx, path) },
		func(ctx context.Context, s storetest.Migrating) error {
			_, err := s.(*Store).w.ExecContext(ctx, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, '0999_future.sql', 'x')")
			return err
		})
}

func BenchmarkStore(b *testing.B) {
	storetest.Bench(b, openTemp)
}

// TestStalled holds the write lock from another connection, as a second
// process writing the same file would, while the store saves and deletes
// under a deadline (issue 17, defect 1). Readers are not stalled: WAL lets
// them read beside a writer.
func TestStalled(t *testing.T) {
	path := filepath.Join(t.TempDir(), "stalled.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	storetest.Stalled(t, s, func(tb testing.TB) func() {
		db, err := openDB(context.Background(), path, false)
		if err != nil {
			tb.Fatal(err)
		}
		tx, err := db.BeginTx(context.Background(), nil) // BEGIN IMMEDIATE: takes the write lock
		if err != nil {
			db.Close()
			tb.Fatal(err)
		}
		return func() {
			tx.Rollback()
			db.Close()
		}
	}, false)
}

// TestBusyIsUnavailable holds the write lock past the busy timeout: the
// write fails with SQLITE_BUSY, marked as a failure that passes, so the web
// server answers 503 rather than 500 (issue 17, defects 1 and 6).
func TestBusyIsUnavailable(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the 5 s busy timeout")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "busy.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	db, err := openDB(ctx, path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tx, err := db.BeginTx(ctx, nil) // BEGIN IMMEDIATE: takes the write lock
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	a := &certwise.Assessment{ID: "BusyTestAssessment0001", DeleteTokenHash: certwise.HashDeleteToken("t")}
	err = s.CreateAssessment(ctx, a)
	if err == nil || !storetest.Unavailable(err) || certwise.ErrorCode(err) != certwise.EINTERNAL {
		t.Fatalf("write while another connection holds the lock: %v, want an error marked unavailable", err)
	}
}
