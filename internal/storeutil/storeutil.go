// Package storeutil holds what the sqlite and postgres assessment stores
// share: reading embedded migrations, encoding the JSON columns, the
// creation clock and the delete-token comparison. It knows no database.
package storeutil

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/certwise/certwise"
)

// Migration is one schema change: version N comes from a file named
// "000N_description.sql".
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// Migrations reads the *.sql files in dir of fsys, ordered by version.
// Versions must start at 1 and have no gaps or repeats, so that a store can
// tell exactly which ones it has applied.
func Migrations(fsys fs.FS, dir string) ([]Migration, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	var ms []Migration
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || path.Ext(name) != ".sql" {
			continue
		}
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v < 1 {
			return nil, fmt.Errorf("migration %s: name must be NNNN_description.sql", name)
		}
		b, err := fs.ReadFile(fsys, path.Join(dir, name))
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", name, err)
		}
		ms = append(ms, Migration{Version: v, Name: name, SQL: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Version < ms[j].Version })
	for i, m := range ms {
		if m.Version != i+1 {
			return nil, fmt.Errorf("migration %s: version %d, want %d (versions start at 1 without gaps)", m.Name, m.Version, i+1)
		}
	}
	if len(ms) == 0 {
		return nil, fmt.Errorf("no migrations in %s", dir)
	}
	return ms, nil
}

// Now is the creation time a store records: UTC, truncated to the
// microsecond that both SQLite text and PostgreSQL timestamptz keep.
func Now() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }

// TimeLayout is how the sqlite store writes times: fixed width, so text
// order is time order.
const TimeLayout = "2006-01-02T15:04:05.000000Z"

// Row is what a store writes for a new assessment besides the fields the
// caller set: the JSON columns and the creation time.
type Row struct {
	Answers, Evaluation string
	CreatedAt           time.Time
}

// NewRow validates a for CreateAssessment (EINVALID naming the field) and
// returns its JSON columns and creation time. Values JSON cannot hold, such
// as a NaN share, are EINVALID too.
func NewRow(a *certwise.Assessment) (Row, error) {
	if err := a.Validate(); err != nil {
		return Row{}, err
	}
	answers, err := json.Marshal(a.Answers)
	if err != nil {
		return Row{}, certwise.Errorf(certwise.EINVALID, "answers", "the answers cannot be stored: %v", err)
	}
	evaluation, err := json.Marshal(a.Evaluation)
	if err != nil {
		return Row{}, certwise.Errorf(certwise.EINVALID, "evaluation", "the evaluation cannot be stored: %v", err)
	}
	return Row{Answers: string(answers), Evaluation: string(evaluation), CreatedAt: Now()}, nil
}

// Decode fills a's Answers and Evaluation from their JSON columns.
func Decode(a *certwise.Assessment, answers, evaluation []byte) error {
	if err := json.Unmarshal(answers, &a.Answers); err != nil {
		return fmt.Errorf("decode answers of %s: %w", a.ID, err)
	}
	if err := json.Unmarshal(evaluation, &a.Evaluation); err != nil {
		return fmt.Errorf("decode evaluation of %s: %w", a.ID, err)
	}
	return nil
}

// TokenMatches reports, in constant time, whether a presented delete-token
// hash equals the stored one. An empty stored hash never matches.
func TokenMatches(stored, presented []byte) bool {
	return len(stored) > 0 && subtle.ConstantTimeCompare(stored, presented) == 1
}

// NotFound is the ENOTFOUND error for an absent assessment. It quotes the
// id only when the id is well formed, so no caller's input of any size or
// content lands in messages and logs.
func NotFound(id string) error {
	if !certwise.ValidAssessmentID(id) {
		return certwise.Errorf(certwise.ENOTFOUND, "id", "no assessment has this id")
	}
	return certwise.Errorf(certwise.ENOTFOUND, "id", "no assessment %q", id)
}

// CheckID returns NotFound for an id no assessment can have, so stores
// answer it without a query, and nil otherwise.
func CheckID(id string) error {
	if !certwise.ValidAssessmentID(id) {
		return NotFound(id)
	}
	return nil
}

// PreviousNotFound is the ENOTFOUND error for a revisit of an absent
// assessment.
func PreviousNotFound(id string) error {
	return certwise.Errorf(certwise.ENOTFOUND, "previous_id", "no assessment %q to revisit", id)
}

// Conflict is the ECONFLICT error for an id already taken.
func Conflict(id string) error {
	return certwise.Errorf(certwise.ECONFLICT, "id", "assessment %q already exists", id)
}

// Forbidden is the EFORBIDDEN error for a wrong delete token.
func Forbidden() error {
	return certwise.Errorf(certwise.EFORBIDDEN, "delete_token", "the delete token does not match")
}

// MaxVersions bounds how far ListVersions follows PreviousID links.
const MaxVersions = 1000

// Columns are the columns a store reads for an assessment, from the
// assessments table aliased a, in the order its scan expects.
const Columns = `a.id, coalesce(a.previous_id, ''), a.version, a.answers, a.evaluation, a.delete_token_hash, a.created_at`

// VersionsQuery is the ListVersions query in the SQL both SQLite and
// PostgreSQL speak: Columns of the assessment named by parameter 1 and of
// each earlier version, newest first, at most MaxVersions. ph writes
// parameter n in the driver's syntax. Being one statement, it reads one
// snapshot, so a concurrent delete cannot tear the chain.
func VersionsQuery(ph func(n int) string) string {
	return `WITH RECURSIVE chain (id, depth) AS (
			SELECT id, 0 FROM assessments WHERE id = ` + ph(1) + `
			UNION ALL
			SELECT a.previous_id, c.depth + 1 FROM assessments a JOIN chain c ON a.id = c.id
			WHERE a.previous_id IS NOT NULL AND c.depth < ` + fmt.Sprint(MaxVersions-1) + `
		)
		SELECT ` + Columns + ` FROM chain c JOIN assessments a ON a.id = c.id ORDER BY c.depth`
}

// Rows is the part of database/sql's and pgx's result rows that Collect
// needs.
type Rows interface {
	Next() bool
	Err() error
}

// Collect reads every row of rows with scan (which scans the current row),
// and returns NotFound(id) when there is none. The caller closes rows.
func Collect(rows Rows, id string, scan func() (*certwise.Assessment, error)) ([]*certwise.Assessment, error) {
	var out []*certwise.Assessment
	for rows.Next() {
		a, err := scan()
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, NotFound(id)
	}
	return out, nil
}

// Unavailable marks err as a failure that passes: the database is
// unreachable, stalled or busy, or the call ran out of time. The error it
// returns has the same message, wraps err and has an Unavailable method
// returning true, which the web server reads to answer 503 with
// Retry-After instead of 500.
func Unavailable(err error) error { return &unavailableError{err: err} }

type unavailableError struct{ err error }

func (e *unavailableError) Error() string { return e.err.Error() }
func (e *unavailableError) Unwrap() error { return e.err }

// Unavailable reports that the failure is temporary.
func (e *unavailableError) Unavailable() bool { return true }

// MaxVersion is the highest version a revisit may create: a history longer
// than this cannot be extended, so no chain a page reads grows without
// bound. Start a new assessment instead.
const MaxVersion = 100

// ChainTooLong is the EINVALID error for a revisit of a version at
// MaxVersion.
func ChainTooLong() error {
	return certwise.Errorf(certwise.EINVALID, "previous_id",
		"this assessment already has %d versions, the most a history keeps; start a new assessment instead of revisiting it", MaxVersion)
}

// VersionsPageQuery is the query of one page of a history, in the SQL both
// SQLite and PostgreSQL speak. Parameter 1 is the id, 2 the deepest
// version to reach (offset+limit: one more than the page shows, to tell
// whether earlier versions remain) and 3 the offset. It returns Columns of
// the assessment itself first (so that an absent id gives no row), then of
// the versions at depths offset to offset+limit, newest first. It walks
// the chain by primary key and decodes only the rows it returns, so a page
// costs the same however long the history.
func VersionsPageQuery(ph func(n int) string) string {
	return `WITH RECURSIVE chain (id, depth) AS (
			SELECT id, 0 FROM assessments WHERE id = ` + ph(1) + `
			UNION ALL
			SELECT a.previous_id, c.depth + 1 FROM assessments a JOIN chain c ON a.id = c.id
			WHERE a.previous_id IS NOT NULL AND c.depth < ` + ph(2) + `
		)
		SELECT ` + Columns + ` FROM chain c JOIN assessments a ON a.id = c.id
		WHERE c.depth = 0 OR c.depth >= ` + ph(3) + ` ORDER BY c.depth`
}

// PageBounds checks a page request and returns the deepest depth its query
// reaches. offset may be at most MaxVersions, limit 1 to MaxVersions.
func PageBounds(offset, limit int) (int, error) {
	if offset < 0 || offset > MaxVersions {
		return 0, certwise.Errorf(certwise.EINVALID, "offset", "offset must be 0 to %d", MaxVersions)
	}
	if limit < 1 || limit > MaxVersions {
		return 0, certwise.Errorf(certwise.EINVALID, "limit", "limit must be 1 to %d", MaxVersions)
	}
	return offset + limit, nil
}

// Page turns the rows of VersionsPageQuery into the page: at most limit
// versions from offset, and whether earlier ones remain.
func Page(rows []*certwise.Assessment, offset, limit int) ([]*certwise.Assessment, bool) {
	if offset > 0 {
		rows = rows[1:] // the assessment itself, read only to tell it exists
	}
	if len(rows) > limit {
		return rows[:limit], true
	}
	return rows, false
}

// VersionsReader runs a history query for an assessment id with the given
// arguments and reads its assessments: what each store provides to
// ListVersionsPage.
type VersionsReader func(ctx context.Context, query, id string, args ...any) ([]*certwise.Assessment, error)

// ListVersionsPage is AssessmentStore.ListVersionsPage for a store whose
// VersionsPageQuery (with its driver's parameters) is query: it checks the
// request and the id, runs the query through read and cuts the page.
func ListVersionsPage(ctx context.Context, read VersionsReader, query, id string, offset, limit int) ([]*certwise.Assessment, bool, error) {
	depth, err := PageBounds(offset, limit)
	if err != nil {
		return nil, false, err
	}
	if err := CheckID(id); err != nil {
		return nil, false, err
	}
	rows, err := read(ctx, query, id, depth, offset)
	if err != nil {
		return nil, false, err
	}
	page, more := Page(rows, offset, limit)
	return page, more, nil
}
