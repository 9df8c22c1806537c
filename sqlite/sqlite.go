// Package sqlite is the embedded certwise.AssessmentStore: one SQLite file
// in WAL mode, written by a single connection and read by a small pool, with
// its schema migrations embedded and applied at Open.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/internal/storeutil"
	sqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// busyTimeout is how long a connection waits for a lock held by another
// process (or by Open's migration in another process) before failing.
const busyTimeout = 5 * time.Second

// Store is a certwise.AssessmentStore on a SQLite file. It is safe for
// concurrent use.
type Store struct {
	path      string
	w         *sql.DB // one connection: every write, serialized
	r         *sql.DB // readers; WAL lets them run beside the writer
	closeOnce sync.Once
	closeErr  error
}

var _ certwise.AssessmentStore = (*Store)(nil)

// Open opens (creating if needed, with mode 0600) the SQLite database at
// path, relative to the working directory unless absolute, and applies any
// migrations it lacks. Every commit is synced to disk (WAL with
// synchronous=FULL), so an acknowledged write survives a crash.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, certwise.Errorf(certwise.EINVALID, "db", "the SQLite database path is empty")
	}
	if strings.HasPrefix(path, "file:") || path == ":memory:" {
		return nil, certwise.Errorf(certwise.EINVALID, "db", "give a file path, not a SQLite URI: %q", path)
	}
	// Saved answers are personal: a new database is readable by its owner
	// only (SQLite gives the -wal and -shm files the same mode).
	if f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600); err == nil {
		f.Close()
	} else if !errors.Is(err, fs.ErrExist) {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	s := &Store{path: path}
	var err error
	s.w, err = openDB(ctx, path, false)
	if err != nil {
		return nil, err
	}
	s.w.SetMaxOpenConns(1)
	s.w.SetMaxIdleConns(1)
	s.w.SetConnMaxIdleTime(0)
	s.w.SetConnMaxLifetime(0)
	var mode string
	if err := s.w.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		s.w.Close()
		return nil, fmt.Errorf("sqlite: open %s: read journal mode: %w", path, err)
	}
	if !strings.EqualFold(mode, "wal") {
		s.w.Close()
		return nil, fmt.Errorf("sqlite: open %s: journal mode is %q, want wal", path, mode)
	}
	if err := migrate(ctx, s.w); err != nil {
		s.w.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	s.r, err = openDB(ctx, path, true)
	if err != nil {
		s.w.Close()
		return nil, err
	}
	n := max(4, runtime.GOMAXPROCS(0))
	s.r.SetMaxOpenConns(n)
	s.r.SetMaxIdleConns(n)
	return s, nil
}

// openDB opens a pool on path; readOnly pools refuse writes.
func openDB(ctx context.Context, path string, readOnly bool) (*sql.DB, error) {
	q := url.Values{}
	q.Set("_busy_timeout", fmt.Sprint(busyTimeout.Milliseconds()))
	q.Set("_foreign_keys", "1")
	q.Set("_synchronous", "FULL")
	if readOnly {
		q.Set("_query_only", "1")
	} else {
		q.Set("_journal_mode", "WAL")
		q.Set("_txlock", "immediate") // take the write lock at BEGIN, never mid-transaction
	}
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	return db, nil
}

// migrate applies the embedded migrations the database lacks, in one
// immediate transaction, so that two processes opening the same file
// migrate it once.
func migrate(ctx context.Context, db *sql.DB) error {
	ms, err := storeutil.Migrations(migrationFS, "migrations")
	if err != nil {
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate: begin: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY NOT NULL,
		name       TEXT NOT NULL,
		applied_at TEXT NOT NULL
	) STRICT`); err != nil {
		return fmt.Errorf("migrate: create schema_migrations: %w", err)
	}
	var current int
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(version), 0) FROM schema_migrations").Scan(&current); err != nil {
		return fmt.Errorf("migrate: read schema version: %w", err)
	}
	if current > len(ms) {
		return fmt.Errorf("migrate: the database has schema version %d, newer than this program's %d", current, len(ms))
	}
	for _, m := range ms[current:] {
		if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
			return fmt.Errorf("migrate: apply %s: %w", m.Name, err)
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
			m.Version, m.Name, storeutil.Now().Format(storeutil.TimeLayout)); err != nil {
			return fmt.Errorf("migrate: record %s: %w", m.Name, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migrate: commit: %w", err)
	}
	return nil
}

// SchemaVersion returns the number of the last migration applied.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	if err := s.r.QueryRowContext(ctx, "SELECT coalesce(max(version), 0) FROM schema_migrations").Scan(&v); err != nil {
		return 0, fmt.Errorf("sqlite: schema version: %w", err)
	}
	return v, nil
}

// CreateAssessment implements certwise.AssessmentStore.
func (s *Store) CreateAssessment(ctx context.Context, a *certwise.Assessment) error {
	row, err := storeutil.NewRow(a)
	if err != nil {
		return err
	}
	var version int
	if a.PreviousID == "" {
		version = 1
		_, err = s.w.ExecContext(ctx, `INSERT INTO assessments
			(id, previous_id, version, answers, evaluation, delete_token_hash, created_at)
			VALUES (?, NULL, 1, ?, ?, ?, ?)`,
			a.ID, row.Answers, row.Evaluation, a.DeleteTokenHash, row.CreatedAt.Format(storeutil.TimeLayout))
	} else {
		// One statement reads the previous version and inserts the next,
		// so the version cannot go stale in between.
		err = s.w.QueryRowContext(ctx, `INSERT INTO assessments
			(id, previous_id, version, answers, evaluation, delete_token_hash, created_at)
			SELECT ?, id, version + 1, ?, ?, ?, ? FROM assessments WHERE id = ? AND version < ?
			RETURNING version`,
			a.ID, row.Answers, row.Evaluation, a.DeleteTokenHash, row.CreatedAt.Format(storeutil.TimeLayout), a.PreviousID, storeutil.MaxVersion,
		).Scan(&version)
		if errors.Is(err, sql.ErrNoRows) {
			return s.noRevisit(ctx, a.PreviousID)
		}
	}
	if err != nil {
		var se *sqlite.Error
		if errors.As(err, &se) {
			switch se.Code() {
			case sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY, sqlite3.SQLITE_CONSTRAINT_UNIQUE:
				return storeutil.Conflict(a.ID)
			case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
				return storeutil.PreviousNotFound(a.PreviousID)
			}
		}
		return failed("create assessment", err)
	}
	a.Version, a.CreatedAt = version, row.CreatedAt
	return nil
}

// noRevisit tells why a revisit of previousID inserted nothing: it is
// absent, or its history is full.
func (s *Store) noRevisit(ctx context.Context, previousID string) error {
	var v int
	err := s.w.QueryRowContext(ctx, "SELECT version FROM assessments WHERE id = ?", previousID).Scan(&v)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return storeutil.PreviousNotFound(previousID)
	case err != nil:
		return failed("create assessment", err)
	}
	return storeutil.ChainTooLong()
}

// failed wraps a database error with the operation, marking it Unavailable
// when it passes: the database is locked or busy past the busy timeout, or
// the call was interrupted by its context.
func failed(op string, err error) error {
	err = fmt.Errorf("sqlite: %s: %w", op, err)
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff { // the primary result code
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED, sqlite3.SQLITE_INTERRUPT:
			return storeutil.Unavailable(err)
		}
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return storeutil.Unavailable(err)
	}
	return err
}

type scanner interface{ Scan(dest ...any) error }

func scan(row scanner) (*certwise.Assessment, error) {
	var (
		a                   certwise.Assessment
		answers, evaluation string
		created             string
	)
	if err := row.Scan(&a.ID, &a.PreviousID, &a.Version, &answers, &evaluation, &a.DeleteTokenHash, &created); err != nil {
		return nil, err
	}
	t, err := time.Parse(storeutil.TimeLayout, created)
	if err != nil {
		return nil, fmt.Errorf("created_at of %s: %w", a.ID, err)
	}
	a.CreatedAt = t.UTC()
	if err := storeutil.Decode(&a, []byte(answers), []byte(evaluation)); err != nil {
		return nil, err
	}
	return &a, nil
}

// FindAssessment implements certwise.AssessmentStore.
func (s *Store) FindAssessment(ctx context.Context, id string) (*certwise.Assessment, error) {
	if err := storeutil.CheckID(id); err != nil {
		return nil, err
	}
	a, err := scan(s.r.QueryRowContext(ctx, "SELECT "+storeutil.Columns+" FROM assessments a WHERE a.id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, storeutil.NotFound(id)
	}
	if err != nil {
		return nil, failed("find assessment", err)
	}
	return a, nil
}

// versionsQuery is the ListVersions query with this driver's parameters.
var versionsQuery = storeutil.VersionsQuery(func(int) string { return "?" })

// ListVersions implements certwise.AssessmentStore.
func (s *Store) ListVersions(ctx context.Context, id string) ([]*certwise.Assessment, error) {
	if err := storeutil.CheckID(id); err != nil {
		return nil, err
	}
	return s.versions(ctx, versionsQuery, id)
}

// versionsPageQuery is the ListVersionsPage query with this driver's
// parameters.
var versionsPageQuery = storeutil.VersionsPageQuery(func(int) string { return "?" })

// ListVersionsPage implements certwise.AssessmentStore.
func (s *Store) ListVersionsPage(ctx context.Context, id string, offset, limit int) ([]*certwise.Assessment, bool, error) {
	return storeutil.ListVersionsPage(ctx, s.versions, versionsPageQuery, id, offset, limit)
}

// versions runs a history query and reads its assessments.
func (s *Store) versions(ctx context.Context, query, id string, args ...any) ([]*certwise.Assessment, error) {
	rows, err := s.r.QueryContext(ctx, query, append([]any{id}, args...)...)
	if err != nil {
		return nil, failed("list versions", err)
	}
	defer rows.Close()
	out, err := storeutil.Collect(rows, id, func() (*certwise.Assessment, error) { return scan(rows) })
	if err != nil && certwise.ErrorCode(err) == certwise.EINTERNAL {
		return nil, failed("list versions", err)
	}
	return out, err
}

// DeleteAssessment implements certwise.AssessmentStore. Later versions keep
// their data; their previous_id becomes empty.
func (s *Store) DeleteAssessment(ctx context.Context, id string, tokenHash []byte) error {
	if err := storeutil.CheckID(id); err != nil {
		return err
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return failed("delete assessment: begin", err)
	}
	defer tx.Rollback()
	var stored []byte
	err = tx.QueryRowContext(ctx, "SELECT delete_token_hash FROM assessments WHERE id = ?", id).Scan(&stored)
	if errors.Is(err, sql.ErrNoRows) {
		return storeutil.NotFound(id)
	}
	if err != nil {
		return failed("delete assessment", err)
	}
	if !storeutil.TokenMatches(stored, tokenHash) {
		return storeutil.Forbidden()
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM assessments WHERE id = ?", id); err != nil {
		return failed("delete assessment", err)
	}
	if err := tx.Commit(); err != nil {
		return failed("delete assessment: commit", err)
	}
	return nil
}

// Ping implements certwise.AssessmentStore: both pools must answer.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.w.PingContext(ctx); err != nil {
		return failed("ping writer", err)
	}
	if err := s.r.PingContext(ctx); err != nil {
		return failed("ping readers", err)
	}
	return nil
}

// Close implements certwise.AssessmentStore. It waits for queries in
// progress; calling it again returns the first result.
func (s *Store) Close() error {
	s.closeOnce.Do(func() {
		s.closeErr = errors.Join(s.r.Close(), s.w.Close())
		if s.closeErr != nil {
			s.closeErr = fmt.Errorf("sqlite: close %s: %w", s.path, s.closeErr)
		}
	})
	return s.closeErr
}
