package http

import (
	"encoding/json"
	"testing"
	"time"
)

func TestPageCache(t *testing.T) {
	s, store, _ := newTestServer(t)
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	c := &Server{Evaluator: s.Evaluator, Titles: s.Titles, Occupations: s.Occupations, Catalog: s.Catalog,
		Store: store, Markdown: s.Markdown, PageCacheTTL: time.Minute, Now: func() time.Time { return now }}
	h, err := c.Handler()
	if err != nil {
		t.Fatal(err)
	}
	save := func() createdAssessment {
		rec := do(t, h, "POST", "/api/v1/assessments", "application/json", validAnswers)
		var ca createdAssessment
		json.Unmarshal(rec.Body.Bytes(), &ca)
		return ca
	}
	a, b := save(), save()
	first := do(t, h, "GET", "/a/"+a.ID, "", "")
	finds := store.finds
	second := do(t, h, "GET", "/a/"+a.ID, "", "")
	if second.Code != 200 || second.Body.String() != first.Body.String() || store.finds != finds {
		t.Fatalf("second read: %d, same body %v, store reads %d → %d", second.Code,
			second.Body.String() == first.Body.String(), finds, store.finds)
	}
	if second.Header().Get("Content-Security-Policy") == "" {
		t.Error("a cached page lost the security headers")
	}
	// Expiry.
	now = now.Add(2 * time.Minute)
	do(t, h, "GET", "/a/"+a.ID, "", "")
	if store.finds != finds+1 {
		t.Errorf("an expired page was served from the cache")
	}
	// A delete through this server empties the cache at once.
	do(t, h, "GET", "/a/"+b.ID, "", "")
	if rec := do(t, h, "DELETE", "/api/v1/assessments/"+b.ID, "", "", "X-Delete-Token", b.DeleteToken); rec.Code != 204 {
		t.Fatalf("delete: %d", rec.Code)
	}
	if rec := do(t, h, "GET", "/a/"+b.ID, "", ""); rec.Code != 404 {
		t.Errorf("a deleted page is still served: %d", rec.Code)
	}
}
