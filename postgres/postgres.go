// Package postgres is the certwise.AssessmentStore on PostgreSQL through a
// pgx connection pool, with its schema migrations embedded and applied at
// Open under an advisory lock, so several instances may start at once.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"time"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/internal/storeutil"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// PostgreSQL error codes the store maps to domain errors.
const (
	uniqueViolation     = "23505"
	foreignKeyViolation = "23503"
)

// migrateLock is the first key of the advisory lock taken while migrating;
// the second is a hash of the current schema, so instances sharing a schema
// wait for each other and different schemas do not.
const migrateLock = 0x63657274 // "cert"

// Store is a certwise.AssessmentStore on PostgreSQL. It is safe for
// concurrent use.
type Store struct {
	pool      *pgxpool.Pool
	closeOnce sync.Once
}

var _ certwise.AssessmentStore = (*Store)(nil)

// Open connects to the database at url (a postgres:// URL or a key=value
// string; runtime parameters such as search_path may be given in it) and
// applies any migrations it lacks.
func Open(ctx context.Context, url string) (*Store, error) {
	if url == "" {
		return nil, certwise.Errorf(certwise.EINVALID, "db", "the PostgreSQL URL is empty")
	}
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		// The parse error may quote the URL, password included.
		return nil, certwise.Errorf(certwise.EINVALID, "db", "the PostgreSQL URL cannot be parsed")
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: open: %w", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: open: connect to %s:%d: %w", cfg.ConnConfig.Host, cfg.ConnConfig.Port, err)
	}
	if err := migrate(ctx, pool); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: open: %w", err)
	}
	return &Store{pool: pool}, nil
}

// migrate applies the embedded migrations the schema lacks, in one
// transaction holding an advisory lock.
func migrate(ctx context.Context, pool *pgxpool.Pool) error {
	ms, err := storeutil.Migrations(migrationFS, "migrations")
	if err != nil {
		return err
	}
	return pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1, hashtext(coalesce(current_schema(), '')))", migrateLock); err != nil {
			return fmt.Errorf("migrate: lock: %w", err)
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version    integer PRIMARY KEY,
			name       text NOT NULL,
			applied_at timestamptz NOT NULL DEFAULT now()
		)`); err != nil {
			return fmt.Errorf("migrate: create schema_migrations: %w", err)
		}
		var current int
		if err := tx.QueryRow(ctx, "SELECT coalesce(max(version), 0) FROM schema_migrations").Scan(&current); err != nil {
			return fmt.Errorf("migrate: read schema version: %w", err)
		}
		if current > len(ms) {
			return fmt.Errorf("migrate: the database has schema version %d, newer than this program's %d", current, len(ms))
		}
		for _, m := range ms[current:] {
			if _, err := tx.Exec(ctx, m.SQL); err != nil {
				return fmt.Errorf("migrate: apply %s: %w", m.Name, err)
			}
			if _, err := tx.Exec(ctx, "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", m.Version, m.Name); err != nil {
				return fmt.Errorf("migrate: record %s: %w", m.Name, err)
			}
		}
		return nil
	})
}

// SchemaVersion returns the number of the last migration applied.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	if err := s.pool.QueryRow(ctx, "SELECT coalesce(max(version), 0) FROM schema_migrations").Scan(&v); err != nil {
		return 0, fmt.Errorf("postgres: schema version: %w", err)
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
		_, err = s.pool.Exec(ctx, `INSERT INTO assessments
			(id, previous_id, version, answers, evaluation, delete_token_hash, created_at)
			VALUES ($1, NULL, 1, $2, $3, $4, $5)`,
			a.ID, row.Answers, row.Evaluation, a.DeleteTokenHash, row.CreatedAt)
	} else {
		// One statement reads the previous version and inserts the next;
		// the foreign key check locks the previous row against a
		// concurrent delete.
		err = s.pool.QueryRow(ctx, `INSERT INTO assessments
			(id, previous_id, version, answers, evaluation, delete_token_hash, created_at)
			SELECT $1, id, version + 1, $2, $3, $4, $5 FROM assessments WHERE id = $6 AND version < $7
			RETURNING version`,
			a.ID, row.Answers, row.Evaluation, a.DeleteTokenHash, row.CreatedAt, a.PreviousID, storeutil.MaxVersion,
		).Scan(&version)
		if errors.Is(err, pgx.ErrNoRows) {
			return s.noRevisit(ctx, a.PreviousID)
		}
	}
	if err != nil {
		var pe *pgconn.PgError
		if errors.As(err, &pe) {
			switch pe.Code {
			case uniqueViolation:
				return storeutil.Conflict(a.ID)
			case foreignKeyViolation:
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
	err := s.pool.QueryRow(ctx, "SELECT version FROM assessments WHERE id = $1", previousID).Scan(&v)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return storeutil.PreviousNotFound(previousID)
	case err != nil:
		return failed("create assessment", err)
	}
	return storeutil.ChainTooLong()
}

// PostgreSQL error classes and codes of failures that pass.
var transientCodes = map[string]bool{
	"53300": true, // too_many_connections
	"55P03": true, // lock_not_available
	"57014": true, // query_canceled (statement_timeout, or the context)
	"57P01": true, // admin_shutdown
	"57P02": true, // crash_shutdown
	"57P03": true, // cannot_connect_now
	"40001": true, // serialization_failure
	"40P01": true, // deadlock_detected
}

// failed wraps a database error with the operation, marking it Unavailable
// when it passes: no connection could be made or it was lost, the server
// is starting, stopping or out of connections, a lock could not be had,
// or the call ran past its context's deadline.
func failed(op string, err error) error {
	err = fmt.Errorf("postgres: %s: %w", op, err)
	var pe *pgconn.PgError
	var ce *pgconn.ConnectError
	var ne net.Error
	switch {
	case errors.As(err, &pe):
		if transientCodes[pe.Code] || strings.HasPrefix(pe.Code, "08") { // class 08: connection exception
			return storeutil.Unavailable(err)
		}
	case errors.Is(err, context.DeadlineExceeded), pgconn.Timeout(err), errors.As(err, &ce), errors.As(err, &ne),
		errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), pgconn.SafeToRetry(err):
		return storeutil.Unavailable(err)
	}
	return err
}

func scan(row pgx.Row) (*certwise.Assessment, error) {
	var (
		a                   certwise.Assessment
		answers, evaluation []byte
		created             time.Time
	)
	if err := row.Scan(&a.ID, &a.PreviousID, &a.Version, &answers, &evaluation, &a.DeleteTokenHash, &created); err != nil {
		return nil, err
	}
	a.CreatedAt = created.UTC()
	if err := storeutil.Decode(&a, answers, evaluation); err != nil {
		return nil, err
	}
	return &a, nil
}

// FindAssessment implements certwise.AssessmentStore.
func (s *Store) FindAssessment(ctx context.Context, id string) (*certwise.Assessment, error) {
	if err := storeutil.CheckID(id); err != nil {
		return nil, err
	}
	a, err := scan(s.pool.QueryRow(ctx, "SELECT "+storeutil.Columns+" FROM assessments a WHERE a.id = $1", id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, storeutil.NotFound(id)
	}
	if err != nil {
		return nil, failed("find assessment", err)
	}
	return a, nil
}

// versionsQuery is the ListVersions query with this driver's parameters.
var versionsQuery = storeutil.VersionsQuery(func(n int) string { return fmt.Sprintf("$%d", n) })

// ListVersions implements certwise.AssessmentStore.
func (s *Store) ListVersions(ctx context.Context, id string) ([]*certwise.Assessment, error) {
	if err := storeutil.CheckID(id); err != nil {
		return nil, err
	}
	return s.versions(ctx, versionsQuery, id)
}

// versionsPageQuery is the ListVersionsPage query with this driver's
// parameters.
var versionsPageQuery = storeutil.VersionsPageQuery(func(n int) string { return fmt.Sprintf("$%d", n) })

// ListVersionsPage implements certwise.AssessmentStore.
func (s *Store) ListVersionsPage(ctx context.Context, id string, offset, limit int) ([]*certwise.Assessment, bool, error) {
	return storeutil.ListVersionsPage(ctx, s.versions, versionsPageQuery, id, offset, limit)
}

// versions runs a history query and reads its assessments.
func (s *Store) versions(ctx context.Context, query, id string, args ...any) ([]*certwise.Assessment, error) {
	rows, err := s.pool.Query(ctx, query, append([]any{id}, args...)...)
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
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var stored []byte
		err := tx.QueryRow(ctx, "SELECT delete_token_hash FROM assessments WHERE id = $1 FOR UPDATE", id).Scan(&stored)
		if errors.Is(err, pgx.ErrNoRows) {
			return storeutil.NotFound(id)
		}
		if err != nil {
			return err
		}
		if !storeutil.TokenMatches(stored, tokenHash) {
			return storeutil.Forbidden()
		}
		_, err = tx.Exec(ctx, "DELETE FROM assessments WHERE id = $1", id)
		return err
	})
	if err != nil && certwise.ErrorCode(err) == certwise.EINTERNAL {
		return failed("delete assessment", err)
	}
	return err
}

// Ping implements certwise.AssessmentStore.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.pool.Ping(ctx); err != nil {
		return failed("ping", err)
	}
	return nil
}

// Close implements certwise.AssessmentStore. It waits for connections in
// use to be returned; calling it again does nothing.
func (s *Store) Close() error {
	s.closeOnce.Do(s.pool.Close)
	return nil
}
