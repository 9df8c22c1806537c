package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/netip"
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

// serveConfig is what certwise serve's flags and environment set.
type serveConfig struct {
	addr, db       string
	pageCache      time.Duration
	storeTimeout   time.Duration
	publicURL      string
	trustedProxies string
	metricsAddr    string // "" on the main listener, "off", or HOST:PORT
	secretFile     string
}

// Environment variables certwise serve reads when the matching flag is not
// given. The secret is read only from a file or the environment, never
// from a flag, which every local user could see in the process list.
const (
	envPublicURL      = "CERTWISE_PUBLIC_URL"
	envTrustedProxies = "CERTWISE_TRUSTED_PROXIES"
	envSecret         = "CERTWISE_SECRET"
)

func newServeCommand(a *app) *cobra.Command {
	var c serveConfig
	cmd := &cobra.Command{
		Use:   "serve [--addr HOST:PORT] [--db PATH|URL]",
		Short: "Run the web app and the JSON API",
		Long: `Serves the guided assessment, the role explorer, the certification catalog and
the JSON API under /api/v1 (contract: /api/v1/openapi.json).

Saved assessments go to a SQLite file (default ` + defaultDB + ` in the working
directory) or, when --db or DATABASE_URL is a postgres:// or postgresql:// URL,
to PostgreSQL. On SIGTERM or interrupt the server stops accepting connections
and lets requests in flight finish (up to 20 s) before it exits.

Behind a reverse proxy, and to run several instances on one PostgreSQL
database, set --public-url, --trusted-proxies and the shared secret
(` + envSecret + ` or --secret-file); docs/OPERATIONS.md describes such a
deployment.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if c.db == "" {
				c.db = os.Getenv("DATABASE_URL")
			}
			if c.db == "" {
				c.db = defaultDB
			}
			if c.publicURL == "" {
				c.publicURL = os.Getenv(envPublicURL)
			}
			if c.trustedProxies == "" {
				c.trustedProxies = os.Getenv(envTrustedProxies)
			}
			if _, _, err := net.SplitHostPort(c.addr); err != nil {
				return usageError(fmt.Errorf("--addr must be HOST:PORT: %w", err))
			}
			if c.metricsAddr != "" && c.metricsAddr != "off" {
				if _, _, err := net.SplitHostPort(c.metricsAddr); err != nil {
					return usageError(fmt.Errorf("--metrics-addr must be HOST:PORT or off: %w", err))
				}
			}
			if !cmd.Flags().Changed("page-cache") {
				c.pageCache = defaultPageCache(c.db)
			}
			if c.pageCache < 0 {
				return usageError(fmt.Errorf("--page-cache must not be negative"))
			}
			if c.storeTimeout <= 0 || c.storeTimeout >= cwhttp.WriteTimeout/2 {
				return usageError(fmt.Errorf("--store-timeout must be above 0 and below %v, half the write timeout", cwhttp.WriteTimeout/2))
			}
			return a.serve(cmd.Context(), c)
		},
	}
	f := cmd.Flags()
	f.StringVar(&c.addr, "addr", defaultAddr, "listen on `HOST:PORT`")
	f.DurationVar(&c.pageCache, "page-cache", 0,
		"keep rendered share pages in memory for `DURATION` (0 disables); when not given, 1m with SQLite and 0 with PostgreSQL, where several servers may share the store")
	f.StringVar(&c.db, "db", "", "store saved assessments in the SQLite file `PATH`, or in PostgreSQL at a postgres:// URL (default $DATABASE_URL, else "+defaultDB+")")
	f.DurationVar(&c.storeTimeout, "store-timeout", cwhttp.DefaultStoreTimeout,
		"let one request spend at most `DURATION` in the database, all its calls together; past it the request gets 503 with Retry-After")
	f.StringVar(&c.publicURL, "public-url", "",
		"start share links with `URL`, such as https://certwise.example (default $"+envPublicURL+"; without it, http://ADDR when ADDR is a loopback address, else links are relative); the Host header is never used")
	f.StringVar(&c.trustedProxies, "trusted-proxies", "",
		"`LIST` of comma-separated IP addresses or CIDR networks of reverse proxies whose X-Forwarded-Proto and X-Forwarded-For are believed: HTTPS through them sets Secure cookies and HSTS (default $"+envTrustedProxies+")")
	f.StringVar(&c.metricsAddr, "metrics-addr", "",
		"serve /metrics on `HOST:PORT` instead of the main address, or not at all with \"off\"")
	f.StringVar(&c.secretFile, "secret-file", "",
		"read the secret that signs form tokens and save keys from `PATH` (at least 32 bytes; default $"+envSecret+", else a random one per start, which suits a single instance)")
	return cmd
}

// readSecret returns the configured secret: the file's content, else
// $CERTWISE_SECRET, else nil (the server makes a random one).
func readSecret(file string) ([]byte, error) {
	var b []byte
	if file != "" {
		var err error
		if b, err = os.ReadFile(file); err != nil {
			return nil, fmt.Errorf("read --secret-file: %w", err)
		}
		b = []byte(strings.TrimSpace(string(b)))
	} else {
		b = []byte(os.Getenv(envSecret))
	}
	if len(b) == 0 {
		return nil, nil
	}
	if len(b) < 32 {
		return nil, usageError(fmt.Errorf("the secret has %d bytes; give at least 32 (for example: head -c 32 /dev/urandom | base64)", len(b)))
	}
	return b, nil
}

// defaultPublicURL is the public URL when none is configured: the listen
// address itself when only this machine can reach it, else none (relative
// share links), since a wildcard address names no host a visitor can use.
func defaultPublicURL(ln net.Addr) string {
	ap, err := netip.ParseAddrPort(ln.String())
	if err != nil || !ap.Addr().IsLoopback() {
		return ""
	}
	return "http://" + ln.String()
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
func (a *app) serve(ctx context.Context, c serveConfig) error {
	start := time.Now()
	tuneGC()
	proxies, err := cwhttp.ParseTrustedProxies(c.trustedProxies)
	if err != nil {
		return usageError(fmt.Errorf("--trusted-proxies: %w", err))
	}
	secret, err := readSecret(c.secretFile)
	if err != nil {
		return err
	}
	store, kind, err := openStore(ctx, c.db)
	if err != nil {
		return err
	}
	defer store.Close()
	srv, err := a.webServer(ctx, store)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", c.addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", c.addr, err)
	}
	srv.PageCacheTTL = c.pageCache
	srv.StoreTimeout = c.storeTimeout
	srv.Secret = secret
	srv.TrustedProxies = proxies
	srv.PublicURL = c.publicURL
	if srv.PublicURL == "" {
		srv.PublicURL = defaultPublicURL(ln.Addr())
	}
	srv.SeparateMetrics = c.metricsAddr != ""
	h, err := srv.Handler()
	if err != nil {
		ln.Close()
		return usageError(err)
	}
	if c.metricsAddr != "" && c.metricsAddr != "off" {
		mln, err := net.Listen("tcp", c.metricsAddr)
		if err != nil {
			ln.Close()
			return fmt.Errorf("listen on --metrics-addr %s: %w", c.metricsAddr, err)
		}
		mux := http.NewServeMux()
		mux.Handle("GET /metrics", srv.MetricsHandler())
		ms := cwhttp.NewHTTPServer(c.metricsAddr, mux, a.logger)
		go func() {
			if err := cwhttp.Serve(ctx, mln, ms, drainTime); err != nil {
				a.logger.Error("metrics listener", "error", err)
			}
		}()
		a.logger.Info("certwise metrics", "addr", "http://"+mln.Addr().String()+"/metrics")
	}
	hs := cwhttp.NewHTTPServer(c.addr, h, a.logger)
	a.logger.Info("certwise serving", "addr", "http://"+ln.Addr().String(), "store", kind,
		"public_url", srv.PublicURL, "shared_secret", secret != nil, "startup", time.Since(start).Round(time.Millisecond))
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
