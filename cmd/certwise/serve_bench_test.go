package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// BenchmarkServeEvaluate measures POST /api/v1/evaluate through the whole
// handler stack (middleware, strict decoding, the real engine, encoding),
// without the network.
func BenchmarkServeEvaluate(b *testing.B) {
	h := benchHandler(b)
	for _, name := range []string{"analyst", "engineer", "headlines", "engineer_coded"} {
		body := serveAnswers[name]
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					req := httptest.NewRequest("POST", "/api/v1/evaluate", strings.NewReader(body))
					req.Header.Set("Content-Type", "application/json")
					rec := httptest.NewRecorder()
					h.ServeHTTP(rec, req)
					if rec.Code != 200 {
						b.Fatalf("status %d", rec.Code)
					}
				}
			})
		})
	}
}

func benchHandler(b *testing.B) http.Handler {
	b.Helper()
	ts := testWebAppTB(b)
	return ts.Config.Handler
}

// saveThrough saves answers with POST /api/v1/assessments on h and returns
// the new assessment's id.
func saveThrough(tb testing.TB, h http.Handler, answers string) string {
	tb.Helper()
	req := httptest.NewRequest("POST", "/api/v1/assessments", strings.NewReader(answers))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != 201 {
		tb.Fatalf("save: %d %s", rec.Code, rec.Body.String())
	}
	return strings.TrimPrefix(rec.Header().Get("Location"), "/api/v1/assessments/")
}

// BenchmarkServeResultPage measures GET /a/{id}, a saved result page read
// from SQLite and rendered, through the whole handler stack.
func BenchmarkServeResultPage(b *testing.B) {
	h := benchHandler(b)
	loc := saveThrough(b, h, serveAnswers["engineer"])
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", "/a/"+loc, nil))
			if rec.Code != 200 {
				b.Fatalf("status %d", rec.Code)
			}
		}
	})
}
