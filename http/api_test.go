package http

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

const validAnswers = `{
  "role": {"occupation": "13-2051.00"},
  "position": {"owns_measurable_outcomes": true, "has_tested_ai_in_role": true},
  "organization": {"ai_adoption_phase": "early_adoption"},
  "industry": {"credential_sensitive": true},
  "motives": ["capability_gap"],
  "capability_gap": "SECRET-GAP-TEXT evaluating model output",
  "target_role": {"occupation": "15-1252.00"},
  "expected_authority_gain": "some",
  "positioning": "offensive"
}`

// do sends one request through the server's full handler.
func do(t testing.TB, h http.Handler, method, target, ctype, body string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, target, r)
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func apiError(t testing.TB, rec *httptest.ResponseRecorder) errorDetail {
	t.Helper()
	var b errorBody
	if err := json.Unmarshal(rec.Body.Bytes(), &b); err != nil {
		t.Fatalf("error body %q: %v", rec.Body.String(), err)
	}
	return b.Error
}

func TestAPIErrors(t *testing.T) {
	s, _, _ := newTestServer(t)
	h, _ := s.Handler()
	big := `{"capability_gap": "` + strings.Repeat("x", maxBodyBytes) + `"}`
	tests := []struct {
		name, method, target, path, ctype, body string
		status                                  int
		code, field                             string
	}{
		{"unknown field", "POST", "/api/v1/evaluate", "/evaluate", "application/json", `{"rol": {}}`, 400, "invalid", "rol"},
		{"wrong type", "POST", "/api/v1/evaluate", "/evaluate", "application/json", `{"motives": "capability_gap"}`, 400, "invalid", "motives"},
		{"bad vocabulary", "POST", "/api/v1/evaluate", "/evaluate", "application/json", `{"positioning": "sideways"}`, 400, "invalid", "positioning"},
		{"not json", "POST", "/api/v1/evaluate", "/evaluate", "application/json", `{`, 400, "invalid", ""},
		{"engine rejects", "POST", "/api/v1/evaluate", "/evaluate", "application/json", `{"role": {"occupation": "99-9999.00"}}`, 400, "invalid", "role.occupation"},
		{"wrong content type", "POST", "/api/v1/evaluate", "/evaluate", "text/plain", validAnswers, 415, "unsupported_media_type", ""},
		{"no content type", "POST", "/api/v1/evaluate", "/evaluate", "", validAnswers, 415, "unsupported_media_type", ""},
		{"too large", "POST", "/api/v1/evaluate", "/evaluate", "application/json", big, 413, "too_large", ""},
		{"wrong method", "GET", "/api/v1/evaluate", "/evaluate", "", "", 405, "method_not_allowed", ""},
		{"put assessment", "PUT", "/api/v1/assessments/abc", "/assessments/{id}", "application/json", "{}", 405, "method_not_allowed", ""},
		{"missing assessment", "GET", "/api/v1/assessments/AAAAAAAAAAAAAAAAAAAAAA", "/assessments/{id}", "", "", 404, "not_found", "id"},
		{"invalid assessment id", "GET", "/api/v1/assessments/not%20an%20id", "/assessments/{id}", "", "", 404, "not_found", "id"},
		{"bad previous id", "POST", "/api/v1/assessments?previous_id=..", "/assessments", "application/json", validAnswers, 400, "invalid", "previous_id"},
		{"unknown previous id", "POST", "/api/v1/assessments?previous_id=AAAAAAAAAAAAAAAAAAAAAA", "/assessments", "application/json", validAnswers, 404, "not_found", "previous_id"},
		{"roles without q", "GET", "/api/v1/roles", "/roles", "", "", 400, "invalid", "q"},
		{"roles bad top", "GET", "/api/v1/roles?q=analyst&top=0", "/roles", "", "", 400, "invalid", "top"},
		{"unknown role", "GET", "/api/v1/roles/99-9999.00", "/roles/{code}", "", "", 404, "not_found", "code"},
		{"bad max_cost", "GET", "/api/v1/certifications?max_cost=cheap", "/certifications", "", "", 400, "invalid", "max_cost"},
		{"bad level", "GET", "/api/v1/certifications?level=wizard", "/certifications", "", "", 400, "invalid", "level"},
		{"unknown certification", "GET", "/api/v1/certifications/nope", "/certifications/{id}", "", "", 404, "not_found", "id"},
		{"post certifications", "POST", "/api/v1/certifications", "/certifications", "application/json", "{}", 405, "method_not_allowed", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := do(t, h, tt.method, tt.target, tt.ctype, tt.body)
			if rec.Code != tt.status {
				t.Fatalf("status = %d, want %d; body %s", rec.Code, tt.status, rec.Body.String())
			}
			e := apiError(t, rec)
			if e.Code != tt.code || e.Field != tt.field {
				t.Errorf("error = %+v, want code %q field %q", e, tt.code, tt.field)
			}
			if e.Message == "" {
				t.Error("error message is empty")
			}
			if tt.status == 405 && rec.Header().Get("Allow") == "" {
				t.Error("405 without an Allow header")
			}
			checkContract(t, tt.method, tt.path, rec)
		})
	}
	rec := do(t, h, "GET", "/api/v1/nothing-here", "", "")
	if rec.Code != 404 || apiError(t, rec).Code != "not_found" {
		t.Errorf("unknown endpoint: %d %s", rec.Code, rec.Body.String())
	}
}

func TestAPIEvaluate(t *testing.T) {
	s, store, _ := newTestServer(t)
	h, _ := s.Handler()
	rec := do(t, h, "POST", "/api/v1/evaluate", "application/json; charset=utf-8", validAnswers)
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
	}
	checkContract(t, "POST", "/evaluate", rec)
	var ev struct{ Verdict string }
	json.Unmarshal(rec.Body.Bytes(), &ev)
	if ev.Verdict != "pursue" {
		t.Errorf("verdict = %q, want pursue", ev.Verdict)
	}
	if len(store.byID) != 0 {
		t.Error("evaluate stored something")
	}
}

// TestAPIEvaluateCertificationFit checks that a named certification's
// judgement is in the response and matches the contract.
func TestAPIEvaluateCertificationFit(t *testing.T) {
	s, _, _ := newTestServer(t)
	h, _ := s.Handler()
	body := strings.Replace(validAnswers, `"positioning": "offensive"`, `"positioning": "offensive", "certification": {"id": "cert-a"}, "held_certifications": ["CISA"]`, 1)
	rec := do(t, h, "POST", "/api/v1/evaluate", "application/json", body)
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
	}
	checkContract(t, "POST", "/evaluate", rec)
	var ev struct {
		Fit *struct {
			Judgement string `json:"judgement"`
		} `json:"certification_fit"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &ev); err != nil || ev.Fit == nil || ev.Fit.Judgement != "partial" {
		t.Errorf("certification_fit %+v (%v) in %s", ev.Fit, err, rec.Body.String())
	}
}

func TestAPIAssessmentLifecycle(t *testing.T) {
	s, _, logs := newTestServer(t)
	h, _ := s.Handler()
	rec := do(t, h, "POST", "/api/v1/assessments", "application/json", validAnswers)
	if rec.Code != 201 {
		t.Fatalf("create: %d %s", rec.Code, rec.Body.String())
	}
	checkContract(t, "POST", "/assessments", rec)
	var created createdAssessment
	json.Unmarshal(rec.Body.Bytes(), &created)
	if len(created.ID) < 22 || created.DeleteToken == "" || created.Version != 1 {
		t.Fatalf("created = %+v", created)
	}
	if !strings.HasSuffix(created.URL, "/a/"+created.ID) || rec.Header().Get("Location") != "/api/v1/assessments/"+created.ID {
		t.Errorf("url %q, Location %q", created.URL, rec.Header().Get("Location"))
	}

	rec = do(t, h, "GET", "/api/v1/assessments/"+created.ID, "", "")
	if rec.Code != 200 {
		t.Fatalf("get: %d", rec.Code)
	}
	checkContract(t, "GET", "/assessments/{id}", rec)
	if strings.Contains(rec.Body.String(), created.DeleteToken) || strings.Contains(rec.Body.String(), "delete_token") {
		t.Error("the stored assessment exposes its delete token")
	}

	// A revisit is version 2 and points back.
	rec = do(t, h, "POST", "/api/v1/assessments?previous_id="+created.ID, "application/json", `{"motives": ["reduce_anxiety"]}`)
	if rec.Code != 201 {
		t.Fatalf("revisit: %d %s", rec.Code, rec.Body.String())
	}
	checkContract(t, "POST", "/assessments", rec)
	var second createdAssessment
	json.Unmarshal(rec.Body.Bytes(), &second)
	if second.Version != 2 || second.PreviousID != created.ID {
		t.Errorf("revisit = version %d previous %q", second.Version, second.PreviousID)
	}

	for _, tc := range []struct {
		name   string
		header []string
		status int
	}{
		{"no token", nil, 401},
		{"wrong bearer", []string{"Authorization", "Bearer wrong"}, 403},
		{"wrong header", []string{"X-Delete-Token", "wrong"}, 403},
		{"bearer", []string{"Authorization", "Bearer " + created.DeleteToken}, 204},
		{"again", []string{"Authorization", "Bearer " + created.DeleteToken}, 404},
	} {
		rec = do(t, h, "DELETE", "/api/v1/assessments/"+created.ID, "", "", tc.header...)
		if rec.Code != tc.status {
			t.Fatalf("delete %s: %d, want %d: %s", tc.name, rec.Code, tc.status, rec.Body.String())
		}
		checkContract(t, "DELETE", "/assessments/{id}", rec)
	}
	if rec := do(t, h, "GET", "/api/v1/assessments/"+created.ID, "", ""); rec.Code != 404 {
		t.Errorf("after delete: %d", rec.Code)
	}
	rec = do(t, h, "DELETE", "/api/v1/assessments/"+second.ID, "", "", "X-Delete-Token", second.DeleteToken)
	if rec.Code != 204 {
		t.Errorf("delete with X-Delete-Token: %d", rec.Code)
	}

	// The log has one line per request with the route pattern, never the
	// answers, the ids or the tokens.
	out := logs.String()
	for _, secret := range []string{"SECRET-GAP-TEXT", created.ID, created.DeleteToken} {
		if strings.Contains(out, secret) {
			t.Errorf("the log contains %q:\n%s", secret, out)
		}
	}
	if !strings.Contains(out, `"route":"/api/v1/assessments/{id}"`) {
		t.Errorf("the log lacks the route pattern:\n%s", out)
	}
}

func TestAPIRolesAndCertifications(t *testing.T) {
	s, _, _ := newTestServer(t)
	h, _ := s.Handler()
	tests := []struct {
		target, path, want string
	}{
		{"/api/v1/roles?q=financial+analyst", "/roles", `"code":"13-2051.00"`},
		{"/api/v1/roles?q=zzzz", "/roles", `"matches":[]`},
		{"/api/v1/roles/15-1252.00", "/roles/{code}", `"title":"Software Developers"`},
		{"/api/v1/certifications", "/certifications", `"id":"cert-b"`},
		{"/api/v1/certifications?level=associate&max_cost=200", "/certifications", `"id":"cert-a"`},
		{"/api/v1/certifications?level=specialty", "/certifications", `"certifications":[]`},
		{"/api/v1/certifications?audience=leaders", "/certifications", `"id":"cert-b"`},
		{"/api/v1/certifications/cert-b", "/certifications/{id}", `"retires_on":"2026-12-31"`},
	}
	for _, tt := range tests {
		rec := do(t, h, "GET", tt.target, "", "")
		if rec.Code != 200 {
			t.Fatalf("%s: %d %s", tt.target, rec.Code, rec.Body.String())
		}
		if !strings.Contains(rec.Body.String(), tt.want) {
			t.Errorf("%s: body lacks %s: %s", tt.target, tt.want, rec.Body.String())
		}
		checkContract(t, "GET", tt.path, rec)
	}
	rec := do(t, h, "GET", "/api/v1/openapi.json", "", "")
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), `"openapi": "3.1.0"`) {
		t.Errorf("openapi.json: %d", rec.Code)
	}
}

func TestRateLimit(t *testing.T) {
	s, _, _ := newTestServer(t)
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	s2 := &Server{Evaluator: s.Evaluator, Titles: s.Titles, Occupations: s.Occupations, Catalog: s.Catalog,
		Store: s.Store, Markdown: s.Markdown, WriteRate: 0.5, WriteBurst: 2, Now: func() time.Time { return now }}
	h, err := s2.Handler()
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		if rec := do(t, h, "POST", "/api/v1/assessments", "application/json", validAnswers); rec.Code != 201 {
			t.Fatalf("write %d: %d", i, rec.Code)
		}
	}
	rec := do(t, h, "POST", "/api/v1/assessments", "application/json", validAnswers)
	if rec.Code != 429 || rec.Header().Get("Retry-After") != "2" {
		t.Fatalf("third write: %d Retry-After %q", rec.Code, rec.Header().Get("Retry-After"))
	}
	checkContract(t, "POST", "/assessments", rec)
	// Reads are not limited, and another client has its own bucket.
	if rec := do(t, h, "POST", "/api/v1/evaluate", "application/json", validAnswers); rec.Code != 200 {
		t.Errorf("evaluate while limited: %d", rec.Code)
	}
	req := httptest.NewRequest("POST", "/api/v1/assessments", strings.NewReader(validAnswers))
	req.Header.Set("Content-Type", "application/json")
	req.RemoteAddr = "192.0.2.99:1234"
	other := httptest.NewRecorder()
	h.ServeHTTP(other, req)
	if other.Code != 201 {
		t.Errorf("another client: %d", other.Code)
	}
	now = now.Add(2 * time.Second)
	if rec := do(t, h, "POST", "/api/v1/assessments", "application/json", validAnswers); rec.Code != 201 {
		t.Errorf("after refill: %d", rec.Code)
	}
}

func TestOperations(t *testing.T) {
	s, store, _ := newTestServer(t)
	h, _ := s.Handler()
	if rec := do(t, h, "GET", "/healthz", "", ""); rec.Code != 200 {
		t.Errorf("healthz: %d", rec.Code)
	}
	if rec := do(t, h, "GET", "/readyz", "", ""); rec.Code != 200 {
		t.Errorf("readyz: %d", rec.Code)
	}
	store.pingErr = errors.New("database is gone")
	if rec := do(t, h, "GET", "/readyz", "", ""); rec.Code != 503 || strings.Contains(rec.Body.String(), "gone") {
		t.Errorf("readyz with a failing store: %d %s", rec.Code, rec.Body.String())
	}
	do(t, h, "GET", "/api/v1/roles/15-1252.00", "", "")
	rec := do(t, h, "GET", "/metrics", "", "")
	body := rec.Body.String()
	for _, want := range []string{
		`certwise_http_requests_total{method="GET",route="/api/v1/roles/{code}",status="200"} 1`,
		`certwise_http_request_duration_seconds_bucket{method="GET",route="/readyz",status="503"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
	rec = do(t, h, "GET", "/", "", "")
	for k, want := range map[string]string{
		"Content-Security-Policy": "default-src 'none'", "X-Content-Type-Options": "nosniff",
		"X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer",
	} {
		if got := rec.Header().Get(k); !strings.Contains(got, want) {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
}
