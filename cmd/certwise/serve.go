package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/catalog"
	cwhttp "github.com/certwise/certwise/http"
	"github.com/certwise/certwise/postgres"
	"github.com/certwise/certwise/report"
	"github.com/certwise/certwise/rules"
	"github.com/certwise/certwise/sqlite"
)

// Defaults of certwise serve: loopback only, and a SQLite file in the
// working directory.
const (
	defaultAddr = "127.0.0.1:8080"
	defaultDB   = "certwise.db"
	drainTime   = 20 * time.Second
)

func newServeCommand(a *app) *cobra.Command {
	var addr, db string
	var pageCache time.Duration
	cmd := &cobra.Command{
		Use:   "serve [--addr HOST:PORT] [--db PATH|URL]",
		Short: "Run the web app and the JSON API",
		Long: `Serves the guided assessment, the role explorer, the certification catalog and
the JSON API under /api/v1 (contract: /api/v1/openapi.json).

Saved assessments go to a SQLite file (default ` + defaultDB + ` in the working
directory) or, when --db or DATABASE_URL is a postgres:// or postgresql:// URL,
to PostgreSQL. On SIGTERM or interrupt the server stops accepting connections
and lets requests in flight finish (up to 20 s) before it exits.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if db == "" {
				db = os.Getenv("DATABASE_URL")
			}
			if db == "" {
				db = defaultDB
			}
			if _, _, err := net.SplitHostPort(addr); err != nil {
				return usageError(fmt.Errorf("--addr must be HOST:PORT: %w", err))
			}
			if !cmd.Flags().Changed("page-cache") {
				pageCache = defaultPageCache(db)
			}
			if pageCache < 0 {
				return usageError(fmt.Errorf("--page-cache must not be negative"))
			}
			return a.serve(cmd.Context(), addr, db, pageCache)
		},
	}
	cmd.Flags().StringVar(&addr, "addr", defaultAddr, "listen on `HOST:PORT`")
	cmd.Flags().DurationVar(&pageCache, "page-cache", 0,
		"keep rendered share pages in memory for `DURATION` (0 disables); when not given, 1m with SQLite and 0 with PostgreSQL, where several servers may share the store")
	cmd.Flags().StringVar(&db, "db", "", "store saved assessments in the SQLite file `PATH`, or in PostgreSQL at a postgres:// URL (default $DATABASE_URL, else "+defaultDB+")")
	return cmd
}

// isPostgres reports whether db names a PostgreSQL database.
func isPostgres(db string) bool {
	return strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://")
}

// defaultPageCache is how long share pages stay cached by default: a SQLite
// file has one server, so deletes through it keep the cache exact; several
// servers may share a PostgreSQL database, so there it is off.
func defaultPageCache(db string) time.Duration {
	if isPostgres(db) {
		return 0
	}
	return time.Minute
}

// openStore opens the assessment store db names: a postgres:// or
// postgresql:// URL selects PostgreSQL, anything else is a SQLite path.
func openStore(ctx context.Context, db string) (certwise.AssessmentStore, string, error) {
	if isPostgres(db) {
		s, err := postgres.Open(ctx, db)
		if err != nil {
			return nil, "", fmt.Errorf("open PostgreSQL: %w", err)
		}
		return s, "postgres", nil
	}
	s, err := sqlite.Open(ctx, db)
	if err != nil {
		return nil, "", fmt.Errorf("open SQLite %s: %w", db, err)
	}
	return s, "sqlite", nil
}

// webServer builds the web app on the real engine, data, catalog and store.
func (a *app) webServer(ctx context.Context, store certwise.AssessmentStore) (*cwhttp.Server, error) {
	deps, err := a.engineDeps(ctx)
	if err != nil {
		return nil, err
	}
	cat, ok := deps.Recommender.(*catalog.Catalog)
	if !ok {
		if cat, err = catalog.Load(); err != nil {
			return nil, fmt.Errorf("load the certification catalog: %w", err)
		}
	}
	return &cwhttp.Server{
		Evaluator:   rules.New(nil, deps),
		Titles:      deps.Titles,
		Occupations: deps.Data,
		Catalog:     catalogReader{cat},
		Store:       store,
		Markdown:    report.Markdown,
		Logger:      a.logger,
	}, nil
}

// Garbage collector settings for the server when GOGC and GOMEMLIMIT are
// not set: an evaluation allocates about 100 KB, so at thousands of
// requests a second the default target (GOGC=100 over a live heap of about
// 40 MB) collects many times a second and the pauses and assists show in the
// tail latency. Collecting less often, with a soft memory limit that makes
// the collector work harder before the process passes 150 MiB, keeps
// resident memory under 200 MB.
const (
	serveGCPercent   = 400
	serveMemoryLimit = 150 << 20
)

// tuneGC applies the server's collector settings unless the environment
// chose its own.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(serveGCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(serveMemoryLimit)
	}
}

// serve runs the server until ctx is done (SIGTERM or interrupt), then
// drains requests in flight and closes the store.
func (a *app) serve(ctx context.Context, addr, db string, pageCache time.Duration) error {
	start := time.Now()
	tuneGC()
	store, kind, err := openStore(ctx, db)
	if err != nil {
		return err
	}
	defer store.Close()
	srv, err := a.webServer(ctx, store)
	if err != nil {
		return err
	}
	srv.PageCacheTTL = pageCache
	h, err := srv.Handler()
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	hs := cwhttp.NewHTTPServer(addr, h, a.logger)
	a.logger.Info("certwise serving", "addr", "http://"+ln.Addr().String(), "store", kind, "startup", time.Since(start).Round(time.Millisecond))
	err = cwhttp.Serve(ctx, ln, hs, drainTime)
	a.logger.Info("certwise stopped")
	return err
}

// catalogReader adapts the catalog to what the web app reads.
type catalogReader struct{ c *catalog.Catalog }

func (r catalogReader) Certifications(_ context.Context, f cwhttp.CatalogFilter) ([]certwise.Certification, error) {
	return r.c.List(catalog.Filter{Skill: f.Skill, Level: f.Level, Provider: f.Provider, Audience: f.Audience, MaxCostUSD: f.MaxCost})
}

func (r catalogReader) SkillName(id string) string {
	if sk, ok := r.c.Skill(id); ok && sk.Name != "" {
		return sk.Name
	}
	return id
}

func (r catalogReader) Certification(_ context.Context, id string) (*certwise.Certification, error) {
	c, err := r.c.Get(id)
	if err != nil {
		return nil, err
	}
	return &c, nil
}
