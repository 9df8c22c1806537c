package main

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/certwise/certwise"
)

// BenchmarkServeLongHistory measures GET /a/{id} for the newest version of
// a history of 5, 100 and 1,000 versions on SQLite, through the whole
// handler stack (issue 17, defect 2). The history is written straight into
// the database, copying one saved assessment, so it can be as long as
// histories saved before revisits were bounded. bytes/page is the size of
// the page sent.
func BenchmarkServeLongHistory(b *testing.B) {
	for _, n := range []int{5, 100, 1000} {
		b.Run(fmt.Sprintf("versions=%d", n), func(b *testing.B) {
			h, top := historyHandler(b, n)
			h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/a/"+top, nil)) // warm the caches
			var size int
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest("GET", "/a/"+top, nil))
				if rec.Code != 200 {
					b.Fatalf("status %d", rec.Code)
				}
				size = rec.Body.Len()
			}
			b.ReportMetric(float64(size), "bytes/page")
		})
	}
}

// historyHandler serves a SQLite store holding a history of n versions and
// returns the id of the newest. The page cache is off, as with PostgreSQL.
func historyHandler(b *testing.B, n int) (http.Handler, string) {
	b.Helper()
	b.Setenv("CERTWISE_DATA", "")
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "history.db")
	store, _, err := openStore(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	a := &app{logger: slog.New(slog.DiscardHandler)}
	srv, err := a.webServer(ctx, store)
	if err != nil {
		b.Fatal(err)
	}
	h, err := srv.Handler()
	if err != nil {
		b.Fatal(err)
	}
	root := saveThrough(b, h, serveAnswers["engineer"])

	db, err := sql.Open("sqlite", "file:"+path+"?_busy_timeout=5000")
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	prev := root
	for v := 2; v <= n; v++ {
		id, err := certwise.NewAssessmentID()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO assessments
			(id, previous_id, version, answers, evaluation, delete_token_hash, created_at)
			SELECT ?, ?, ?, answers, evaluation, delete_token_hash, created_at FROM assessments WHERE id = ?`,
			id, prev, v, root); err != nil {
			b.Fatal(err)
		}
		prev = id
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	// Move the history from the write-ahead log into the database file, as
	// SQLite's automatic checkpoints do for histories built over time.
	if _, err := db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		b.Fatal(err)
	}
	return h, prev
}
