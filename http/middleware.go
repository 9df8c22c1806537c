package http

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"time"
)

// contentSecurityPolicy allows only this origin's stylesheet and images, no
// script at all, and forms that post back here.
const contentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self' data:; " +
	"form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

// securityHeaders sets the headers every response carries, and HSTS on
// HTTPS requests (direct or through a trusted proxy).
func (s *Server) securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
		if s.secure(r) {
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		next.ServeHTTP(w, r)
	})
}

// limitBody caps every request body at maxBodyBytes; reading past it fails
// with *http.MaxBytesError, which handlers answer with 413.
func limitBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > maxBodyBytes {
			if isAPI(r) {
				writeAPIError(w, r, bodyError(&http.MaxBytesError{Limit: maxBodyBytes}))
			} else {
				http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
			}
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxBodyBytes)
		next.ServeHTTP(w, r)
	})
}

// cacheAssets lets browsers keep the stylesheet for an hour.
func cacheAssets(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		next.ServeHTTP(w, r)
	})
}

func isAPI(r *http.Request) bool {
	return len(r.URL.Path) >= 5 && r.URL.Path[:5] == "/api/"
}

// statusRecorder remembers the status a handler wrote.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return s.ResponseWriter.Write(b)
}

func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// internalNote carries an internal error from a handler to the log line.
type internalNote struct{ err error }

type noteKey struct{}

// noteInternal records err for the request's log line. Messages of internal
// errors come from code, not from what the person typed.
func noteInternal(r *http.Request, err error) {
	if n, ok := r.Context().Value(noteKey{}).(*internalNote); ok {
		n.err = err
	}
}

// observe logs one line per request and records its metrics. It logs only
// the method, the route pattern, the status and the duration: never the
// path, the query or the body, which may carry a person's answers.
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		note := &internalNote{}
		ctx := context.WithValue(r.Context(), noteKey{}, note)
		r = r.WithContext(withStoreBudget(ctx, s.storeTimeout))
		rec := &statusRecorder{ResponseWriter: w}
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				s.Logger.Error("panic", "method", r.Method, "route", r.Pattern, "panic", p)
				if rec.status == 0 {
					http.Error(rec, "internal error", http.StatusInternalServerError)
				}
			}
			status := rec.status
			if status == 0 {
				status = http.StatusOK
			}
			d := time.Since(start)
			route := routeLabel(r)
			s.metrics.observe(r.Method, route, status, d)
			attrs := []slog.Attr{
				slog.String("method", r.Method),
				slog.String("route", route),
				slog.Int("status", status),
				slog.Duration("duration", d),
			}
			level := slog.LevelInfo
			if note.err != nil {
				level = slog.LevelError
				attrs = append(attrs, slog.String("error", note.err.Error()))
			}
			s.Logger.LogAttrs(r.Context(), level, "request", attrs...)
		}()
		next.ServeHTTP(rec, r)
	})
}

// routeLabel is the registered pattern that served r, never the raw path,
// so that metrics have bounded labels and logs carry no ids or queries.
func routeLabel(r *http.Request) string {
	if r.Pattern == "" {
		return "unmatched"
	}
	if _, path, ok := strings.Cut(r.Pattern, " "); ok {
		return path // "GET /readyz" → "/readyz": the method is its own label
	}
	return r.Pattern
}
