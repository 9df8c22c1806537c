package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// TestServePostgres runs `certwise serve --db URL` on the PostgreSQL server
// of CERTWISE_TEST_POSTGRES (in a throwaway schema) and saves, reads and
// deletes an assessment through the API. It skips without the variable,
// except under CI.
func TestServePostgres(t *testing.T) {
	u := postgresSchema(t)
	t.Setenv("DATABASE_URL", u.String()) // chosen without --db
	addr := startServe(t)
	resp, err := http.Post("http://"+addr+"/api/v1/assessments", "application/json", strings.NewReader(serveAnswers["engineer"]))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 201 {
		t.Fatalf("save: %d %s", resp.StatusCode, body)
	}
	id := between(string(body), `"id":"`, `"`)
	token := between(string(body), `"delete_token":"`, `"`)
	for _, step := range []struct {
		method, path, token string
		status              int
	}{
		{"GET", "/a/" + id, "", 200},
		{"GET", "/api/v1/assessments/" + id, "", 200},
		{"DELETE", "/api/v1/assessments/" + id, token, 204},
		{"GET", "/a/" + id, "", 404},
	} {
		req, _ := http.NewRequest(step.method, "http://"+addr+step.path, nil)
		if step.token != "" {
			req.Header.Set("Authorization", "Bearer "+step.token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != step.status {
			t.Errorf("%s %s: %d, want %d", step.method, step.path, resp.StatusCode, step.status)
		}
	}
}

// between returns the text of s between the first from and the next to.
func between(s, from, to string) string {
	_, rest, ok := strings.Cut(s, from)
	if !ok {
		return ""
	}
	v, _, _ := strings.Cut(rest, to)
	return v
}

// postgresSchema creates a throwaway schema on the PostgreSQL server of
// CERTWISE_TEST_POSTGRES, drops it at cleanup, and returns a URL whose
// connections use it. It skips without the variable, except under CI.
func postgresSchema(t *testing.T) *url.URL {
	t.Helper()
	base := os.Getenv("CERTWISE_TEST_POSTGRES")
	if base == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("CERTWISE_TEST_POSTGRES is not set; CI must run the PostgreSQL tests")
		}
		t.Skip("CERTWISE_TEST_POSTGRES is not set (e.g. postgres://postgres@127.0.0.1:5432/test?sslmode=disable); skipping")
	}
	t.Setenv("CERTWISE_DATA", "")
	ctx := context.Background()
	b := make([]byte, 8)
	rand.Read(b)
	schema := "certwise_serve_" + hex.EncodeToString(b)
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	conn.Close(ctx)
	t.Cleanup(func() {
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Error(err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()

	return u
}

// TestServePostgresStalled is issue 17's first defect end to end: with the
// assessments table locked by another connection, as on a stalled server,
// a save through `certwise serve` answers 503 with Retry-After within the
// store timeout instead of an empty reply after the write timeout; once
// the database moves again, the client's retry with the same
// Idempotency-Key gets one assessment and the same delete token every time.
func TestServePostgresStalled(t *testing.T) {
	u := postgresSchema(t)
	ctx := context.Background()
	addr := startServe(t, "--db", u.String(), "--store-timeout", "500ms")
	save := func() (int, string, string, time.Duration) {
		req, _ := http.NewRequest("POST", "http://"+addr+"/api/v1/assessments", strings.NewReader(serveAnswers["engineer"]))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Idempotency-Key", "stalled-save-key-0123456789")
		start := time.Now()
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("save: %v", err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header.Get("Retry-After"), string(body), time.Since(start)
	}

	lock, err := pgx.Connect(ctx, u.String())
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close(ctx)
	tx, err := lock.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(ctx, "LOCK TABLE assessments IN ACCESS EXCLUSIVE MODE"); err != nil {
		t.Fatal(err)
	}
	status, retry, body, took := save()
	if status != 503 || retry == "" || took > 5*time.Second {
		t.Errorf("save with the table locked: %d, Retry-After %q, after %v: %s", status, retry, took, body)
	}
	if err := tx.Rollback(ctx); err != nil {
		t.Fatal(err)
	}

	var ids, tokens []string
	for _, want := range []int{201, 200} {
		status, _, body, _ := save()
		if status != want {
			t.Fatalf("retry: %d, want %d: %s", status, want, body)
		}
		ids = append(ids, between(body, `"id":"`, `"`))
		tokens = append(tokens, between(body, `"delete_token":"`, `"`))
	}
	if ids[0] != ids[1] || tokens[0] != tokens[1] || ids[0] == "" {
		t.Errorf("retries gave ids %v and tokens %v", ids, tokens)
	}
	var n int
	if err := lock.QueryRow(ctx, "SELECT count(*) FROM assessments").Scan(&n); err != nil || n != 1 {
		t.Errorf("%d assessments stored (%v), want 1", n, err)
	}
}
