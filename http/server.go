// Package http is certwise's web app and JSON API: server-rendered pages for
// a guided assessment, a role explorer and the certification catalog, and a
// versioned JSON API under /api/v1 described by an embedded OpenAPI document.
//
// The package depends only on the root domain types and on the small
// interfaces declared here, so that cmd/certwise wires the real engine, data
// and store while tests use fakes.
package http

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"sync"
	"time"

	"github.com/certwise/certwise"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed assets
var assetFS embed.FS

//go:embed openapi.json
var openAPIDocument []byte

// maxBodyBytes bounds every request body: 64 KiB is far more than any set of
// answers needs.
const maxBodyBytes = 64 << 10

// CatalogFilter selects certifications. Empty fields match everything.
type CatalogFilter struct {
	Skill    string
	Level    string
	Provider string
	Audience string
	MaxCost  *float64 // in USD; certifications with an unknown cost are left out
}

// CatalogReader is what the server needs from the certification catalog.
type CatalogReader interface {
	// Certifications returns the certifications matching f, in catalog
	// order. An invalid filter value is EINVALID naming the field.
	Certifications(ctx context.Context, f CatalogFilter) ([]certwise.Certification, error)
	// Certification returns one certification by id, ENOTFOUND if absent.
	Certification(ctx context.Context, id string) (*certwise.Certification, error)
	// SkillName returns the display name of a skill id of the catalog's
	// vocabulary, or the id itself when it has none.
	SkillName(id string) string
}

// MarkdownRenderer writes an evaluation as a Markdown document;
// report.Markdown is one.
type MarkdownRenderer func(w io.Writer, e *certwise.Evaluation) error

// Server holds the web app's dependencies. Set the exported fields, then
// call Handler once.
type Server struct {
	Evaluator   certwise.Evaluator       // the decision engine
	Titles      certwise.TitleMatcher    // job title → occupation
	Occupations certwise.ExposureData    // the exposure model
	Catalog     CatalogReader            // the certification catalog
	Store       certwise.AssessmentStore // saved assessments
	Markdown    MarkdownRenderer         // the Markdown download
	Logger      *slog.Logger             // request and error logs; nil discards

	// WriteRate and WriteBurst set each client's token bucket for writes
	// that store or delete (requests per second and bucket size). Zero
	// means 1 per second with a burst of 10.
	WriteRate  float64
	WriteBurst int
	// PageCacheTTL, when positive, keeps rendered saved-assessment pages
	// (GET /a/{id}) in memory for that long. Deletes through this server
	// empty the cache, so with one server per store it is exact; with
	// several servers sharing a store, a page deleted through another one
	// stays visible here for at most the TTL. Zero disables it.
	PageCacheTTL time.Duration
	// Now returns the current time; nil means time.Now. Tests set it.
	Now func() time.Time

	// StoreTimeout bounds the time one request spends in Store, all its
	// calls together, so that a stalled database answers 503 with
	// Retry-After instead of holding the request past the HTTP server's
	// write timeout. Zero means DefaultStoreTimeout; values of
	// WriteTimeout/2 or more are lowered to that.
	StoreTimeout time.Duration
	// Secret keys the HMACs that sign CSRF tokens and derive the id and
	// delete token of an idempotent save. Instances behind one proxy must
	// share it (at least 32 bytes). Empty means a random secret made at
	// start, which suits a single instance.
	Secret []byte
	// PublicURL is what share links start with, such as
	// "https://certwise.example" (scheme, host and an optional path
	// prefix). Empty makes share links relative ("/a/ID"); the request's
	// Host header is never used.
	PublicURL string
	// TrustedProxies are the networks of the reverse proxies in front of
	// the server. A request from one of them that says
	// "X-Forwarded-Proto: https" counts as HTTPS (Secure cookies and HSTS),
	// and rate limits key on the client address the proxies append to
	// X-Forwarded-For. Requests from anywhere else are taken as they come.
	TrustedProxies []netip.Prefix
	// SeparateMetrics leaves GET /metrics off Handler, so that it can be
	// served from MetricsHandler on a private listener, or not at all.
	SeparateMetrics bool

	once    sync.Once
	handler http.Handler
	pages   *pageSet
	metrics *metrics
	limiter *rateLimiter
	strip   stripOnce
	cache   *pageCache
	initErr error
	openAPI []byte
	secret  []byte
	store   certwise.AssessmentStore // Store under StoreTimeout
	// storeTimeout is StoreTimeout in force: each request's store budget.
	storeTimeout time.Duration
	public       string // PublicURL without a trailing slash
}

// DefaultStoreTimeout is how long a request may spend in the store when
// Server.StoreTimeout is zero: far above a healthy database's
// milliseconds, far below WriteTimeout.
const DefaultStoreTimeout = 5 * time.Second

// WriteTimeout is the write timeout of NewHTTPServer: a handler that has
// not answered by then leaves the client with an empty reply.
const WriteTimeout = 30 * time.Second

// Handler returns the server's HTTP handler: every route wrapped in the
// security, logging, metrics and recovery middleware. It fails only when an
// embedded template is broken.
func (s *Server) Handler() (http.Handler, error) {
	s.once.Do(func() { s.initErr = s.init() })
	return s.handler, s.initErr
}

func (s *Server) init() error {
	if s.Evaluator == nil || s.Titles == nil || s.Occupations == nil || s.Catalog == nil || s.Store == nil || s.Markdown == nil {
		return errors.New("http: Server needs Evaluator, Titles, Occupations, Catalog, Store and Markdown")
	}
	if s.Logger == nil {
		s.Logger = slog.New(slog.DiscardHandler)
	}
	if s.Now == nil {
		s.Now = time.Now
	}
	rate, burst := s.WriteRate, s.WriteBurst
	if rate <= 0 {
		rate = 1
	}
	if burst <= 0 {
		burst = 10
	}
	if err := s.initDeployment(); err != nil {
		return err
	}
	s.limiter = newRateLimiter(rate, burst, s.Now)
	s.cache = newPageCache(s.PageCacheTTL, 4096, s.Now)
	s.metrics = newMetrics()
	s.openAPI = openAPIDocument
	pages, err := parsePages(template.FuncMap{"skill": s.Catalog.SkillName})
	if err != nil {
		return err
	}
	s.pages = pages
	s.handler = s.routes()
	return nil
}

// routes registers every page and endpoint. Each path is registered once
// with a method table so that both the pages and the API answer a wrong
// method with 405 in their own format.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	page := func(pattern string, m methods) { mux.Handle(pattern, s.pageMethods(m)) }
	api := func(pattern string, m methods) { mux.Handle(pattern, s.apiMethods(m)) }

	// Operations.
	mux.HandleFunc("GET /healthz", s.handleHealthz)
	mux.HandleFunc("GET /readyz", s.handleReadyz)
	if !s.SeparateMetrics {
		mux.Handle("GET /metrics", s.metrics.handler())
	}
	assets, _ := fs.Sub(assetFS, "assets")
	mux.Handle("GET /assets/", http.StripPrefix("/assets/", cacheAssets(http.FileServerFS(assets))))

	// Pages.
	page("/{$}", methods{"GET": s.handleHome})
	page("/assess", methods{"GET": s.handleAssessStart, "POST": s.handleAssessStep})
	page("/assess/download", methods{"POST": s.handleAssessDownload})
	page("/a", methods{"POST": s.writeLimited(s.handleSave)})
	page("/a/{id}", methods{"GET": s.handleSaved})
	page("/a/{id}/answers.json", methods{"GET": s.handleSavedDownload("json")})
	page("/a/{id}/report.md", methods{"GET": s.handleSavedDownload("md")})
	page("/a/{id}/revisit", methods{"GET": s.handleRevisit})
	page("/a/{id}/delete", methods{"GET": s.handleDeleteForm, "POST": s.writeLimited(s.handleDelete)})
	page("/roles", methods{"GET": s.handleRoles})
	page("/roles/{code}", methods{"GET": s.handleRole})
	page("/certifications", methods{"GET": s.handleCatalog})
	page("/certifications/compare", methods{"GET": s.handleCompare})
	page("/certifications/{id}", methods{"GET": s.handleCertification})
	mux.HandleFunc("/", s.handlePageNotFound)

	// JSON API.
	api("/api/v1/openapi.json", methods{"GET": s.handleOpenAPI})
	api("/api/v1/evaluate", methods{"POST": s.handleAPIEvaluate})
	api("/api/v1/assessments", methods{"POST": s.writeLimited(s.handleAPICreateAssessment)})
	api("/api/v1/assessments/{id}", methods{"GET": s.handleAPIGetAssessment, "DELETE": s.writeLimited(s.handleAPIDeleteAssessment)})
	api("/api/v1/roles", methods{"GET": s.handleAPIRoles})
	api("/api/v1/roles/{code}", methods{"GET": s.handleAPIRole})
	api("/api/v1/certifications", methods{"GET": s.handleAPICertifications})
	api("/api/v1/certifications/{id}", methods{"GET": s.handleAPICertification})
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeAPIError(w, r, certwise.Errorf(certwise.ENOTFOUND, "", "no such endpoint"))
	})

	// Cross-origin protection rejects unsafe requests that a browser marks
	// as coming from another origin; pageMethods adds a per-form token.
	var h http.Handler = mux
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(s.crossOriginDenied))
	h = cop.Handler(h)
	h = limitBody(h)
	h = s.securityHeaders(h)
	h = s.observe(h)
	return h
}

// NewHTTPServer returns an *http.Server for addr with timeouts that bound
// slow clients.
func NewHTTPServer(addr string, h http.Handler, logger *slog.Logger) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      WriteTimeout,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    32 << 10,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
}

// Serve accepts connections on ln until ctx is done, then stops accepting
// and waits up to drain for in-flight requests to finish, so nothing already
// acknowledged is lost.
func Serve(ctx context.Context, ln net.Listener, srv *http.Server, drain time.Duration) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), drain)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// OpenAPIDocument returns the API's OpenAPI 3.1 document, as served at
// /api/v1/openapi.json.
func OpenAPIDocument() []byte { return openAPIDocument }
