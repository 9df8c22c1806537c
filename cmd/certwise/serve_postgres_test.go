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

	addr := freeAddr(t)
	t.Setenv("DATABASE_URL", u.String()) // chosen without --db
	sctx, cancel := context.WithCancel(ctx)
	done := make(chan int, 1)
	go func() {
		done <- testApp(strings.NewReader(""), io.Discard, io.Discard).run(sctx, []string{"serve", "--addr", addr})
	}()
	defer func() {
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("serve exited %d", code)
			}
		case <-time.After(25 * time.Second):
			t.Error("serve did not stop")
		}
	}()
	if err := waitReady(addr); err != nil {
		t.Fatal(err)
	}
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
