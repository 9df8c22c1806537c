package postgres

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"net"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/internal/storeutil"
	"github.com/certwise/certwise/storetest"
	"github.com/jackc/pgx/v5"
)

// testURL returns the server the tests use: CERTWISE_TEST_POSTGRES. Without
// it the tests skip, except under CI, where they must run.
func testURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv("CERTWISE_TEST_POSTGRES")
	if u == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("CERTWISE_TEST_POSTGRES is not set; CI must run the PostgreSQL store tests")
		}
		t.Skip("CERTWISE_TEST_POSTGRES is not set (e.g. postgres://postgres@127.0.0.1:5432/test?sslmode=disable); skipping the PostgreSQL store tests")
	}
	return u
}

// testSchema creates an empty schema for one test, drops it at cleanup, and
// returns a URL whose connections use it, so tests and packages running in
// parallel never see each other's tables.
func testSchema(t testing.TB) string {
	t.Helper()
	base := testURL(t)
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	schema := "certwise_test_" + hex.EncodeToString(b)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect to CERTWISE_TEST_POSTGRES: %v", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("create schema %s: %v", schema, err)
	}
	t.Cleanup(func() {
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			t.Errorf("connect to drop schema %s: %v", schema, err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	return withSearchPath(t, base, schema)
}

// withSearchPath adds search_path=schema to a connection string; pgx sends
// unknown parameters to the server as runtime parameters.
func withSearchPath(t testing.TB, conn, schema string) string {
	t.Helper()
	if strings.HasPrefix(conn, "postgres://") || strings.HasPrefix(conn, "postgresql://") {
		u, err := url.Parse(conn)
		if err != nil {
			t.Fatalf("CERTWISE_TEST_POSTGRES is not a valid URL: %v", err)
		}
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		return u.String()
	}
	return conn + " search_path=" + schema
}

func openStore(t testing.TB, u string) certwise.AssessmentStore {
	t.Helper()
	s, err := Open(context.Background(), u)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return s
}

// openSchema opens a store in a fresh schema; it is the suite's Open.
func openSchema(tb testing.TB) (certwise.AssessmentStore, func(tb testing.TB) certwise.AssessmentStore) {
	u := testSchema(tb)
	return openStore(tb, u), func(tb testing.TB) certwise.AssessmentStore { return openStore(tb, u) }
}

func TestStore(t *testing.T) {
	testURL(t)
	storetest.Run(t, openSchema)
}

func TestMigrations(t *testing.T) {
	u := testSchema(t)
	ms, err := storeutil.Migrations(migrationFS, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	storetest.Migrations(t, len(ms),
		func(ctx context.Context) (storetest.Migrating, error) { return Open(ctx, u) },
		func(ctx context.Context, s storetest.Migrating) error {
			_, err := s.(*Store).pool.Exec(ctx, "INSERT INTO schema_migrations (version, name) VALUES (999, '0999_future.sql')")
			return err
		})
}

func TestOpenErrors(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	tests := []struct {
		name, url string
		code      string
	}{
		{"empty", "", certwise.EINVALID},
		{"unparsable", "postgres://user:secret@[::1", certwise.EINVALID},
		{"nobody listening", "postgres://postgres:secret@127.0.0.1:1/test?sslmode=disable&connect_timeout=2", certwise.EINTERNAL},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			storetest.OpenFails(t, func() (certwise.AssessmentStore, error) { return Open(ctx, tt.url) }, tt.code, "secret")
		})
	}
}

func BenchmarkStore(b *testing.B) {
	storetest.Bench(b, openSchema)
}

// TestStalled holds an exclusive lock on the assessments table from
// another connection, so every read and write of the store waits as it
// would on a paused or overloaded server (issue 17, defect 1).
func TestStalled(t *testing.T) {
	u := testSchema(t)
	s := openStore(t, u)
	defer s.Close()
	storetest.Stalled(t, s, func(tb testing.TB) func() {
		ctx := context.Background()
		conn, err := pgx.Connect(ctx, u)
		if err != nil {
			tb.Fatal(err)
		}
		tx, err := conn.Begin(ctx)
		if err == nil {
			_, err = tx.Exec(ctx, "LOCK TABLE assessments IN ACCESS EXCLUSIVE MODE")
		}
		if err != nil {
			conn.Close(ctx)
			tb.Fatal(err)
		}
		return func() {
			tx.Rollback(ctx)
			conn.Close(ctx)
		}
	}, true)
}

// cutProxy forwards TCP connections on a loopback port to target until
// cut, which closes the listener and every connection, as a database
// whose host went away would.
type cutProxy struct {
	ln    net.Listener
	mu    sync.Mutex
	conns []net.Conn
}

func newCutProxy(t *testing.T, target string) *cutProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &cutProxy{ln: ln}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			up, err := net.Dial("tcp", target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, up)
			p.mu.Unlock()
			go func() { io.Copy(up, c); up.Close() }()
			go func() { io.Copy(c, up); c.Close() }()
		}
	}()
	t.Cleanup(p.cut)
	return p
}

func (p *cutProxy) cut() {
	p.ln.Close()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

// TestUnavailableWhenDown reaches the database through a proxy, then cuts
// it: every call fails at once with an error marked unavailable, which
// the web server answers with 503 rather than 500 (issue 17, defect 6).
func TestUnavailableWhenDown(t *testing.T) {
	u := testSchema(t)
	pu, err := url.Parse(u)
	if err != nil {
		t.Skip("CERTWISE_TEST_POSTGRES is not a URL; the proxy needs its host and port")
	}
	proxy := newCutProxy(t, pu.Host)
	pu.Host = proxy.ln.Addr().String()
	q := pu.Query()
	q.Set("connect_timeout", "2")
	pu.RawQuery = q.Encode()
	s := openStore(t, pu.String())
	defer s.Close()
	ctx := context.Background()
	a := &certwise.Assessment{ID: "DownTestAssessment0001", DeleteTokenHash: certwise.HashDeleteToken("t")}
	if err := s.CreateAssessment(ctx, a); err != nil {
		t.Fatal(err)
	}
	proxy.cut()
	for name, call := range map[string]func(ctx context.Context) error{
		"create": func(ctx context.Context) error {
			b := *a
			b.ID = "DownTestAssessment0002"
			return s.CreateAssessment(ctx, &b)
		},
		"find":   func(ctx context.Context) error { _, err := s.FindAssessment(ctx, a.ID); return err },
		"page":   func(ctx context.Context) error { _, _, err := s.ListVersionsPage(ctx, a.ID, 0, 20); return err },
		"delete": func(ctx context.Context) error { return s.DeleteAssessment(ctx, a.ID, a.DeleteTokenHash) },
		"ping":   func(ctx context.Context) error { return s.Ping(ctx) },
	} {
		cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		err := call(cctx)
		cancel()
		if err == nil || !storetest.Unavailable(err) || certwise.ErrorCode(err) != certwise.EINTERNAL {
			t.Errorf("%s with the database gone: %v, want an error marked unavailable", name, err)
		}
		if errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("%s waited for its deadline instead of failing at once: %v", name, err)
		}
	}
}
