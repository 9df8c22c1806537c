package http

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/certwise/certwise"
)

// stallStore is a store whose calls, while stalled, wait until their
// context ends, like a database that stopped answering.
type stallStore struct {
	*memStore
	stalled atomic.Bool
	down    atomic.Bool // calls fail at once with a temporary error
	waiting atomic.Int32
	delay   time.Duration // each call takes this long (or until its context ends)
}

// downError is how a store marks a failure that passes.
type downError struct{}

func (downError) Error() string     { return "connection refused" }
func (downError) Unavailable() bool { return true }

func (s *stallStore) wait(ctx context.Context) error {
	if s.down.Load() {
		return downError{}
	}
	if s.delay > 0 {
		select {
		case <-time.After(s.delay):
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	if !s.stalled.Load() {
		return nil
	}
	s.waiting.Add(1)
	defer s.waiting.Add(-1)
	<-ctx.Done()
	return ctx.Err()
}

func (s *stallStore) CreateAssessment(ctx context.Context, a *certwise.Assessment) error {
	if err := s.wait(ctx); err != nil {
		return err
	}
	return s.memStore.CreateAssessment(ctx, a)
}

func (s *stallStore) FindAssessment(ctx context.Context, id string) (*certwise.Assessment, error) {
	if err := s.wait(ctx); err != nil {
		return nil, err
	}
	return s.memStore.FindAssessment(ctx, id)
}

func (s *stallStore) ListVersionsPage(ctx context.Context, id string, offset, limit int) ([]*certwise.Assessment, bool, error) {
	if err := s.wait(ctx); err != nil {
		return nil, false, err
	}
	return s.memStore.ListVersionsPage(ctx, id, offset, limit)
}

func newStallServer(t *testing.T, timeout time.Duration) (http.Handler, *stallStore) {
	t.Helper()
	s, mem, _ := newTestServer(t)
	st := &stallStore{memStore: mem}
	s2 := &Server{Evaluator: s.Evaluator, Titles: s.Titles, Occupations: s.Occupations, Catalog: s.Catalog,
		Store: st, Markdown: s.Markdown, WriteRate: 100, WriteBurst: 100, StoreTimeout: timeout}
	h, err := s2.Handler()
	if err != nil {
		t.Fatal(err)
	}
	return h, st
}

// serveWithin runs one request and fails the test if it takes longer than
// limit (the old server waited on a stalled store forever).
func serveWithin(t *testing.T, h http.Handler, limit time.Duration, req *http.Request) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	done := make(chan struct{})
	go func() { h.ServeHTTP(rec, req); close(done) }()
	select {
	case <-done:
		return rec
	case <-time.After(limit):
		t.Fatalf("%s %s still unanswered after %v with the store stalled", req.Method, req.URL.Path, limit)
		return nil
	}
}

// TestStoreDeadline is defect 1 of issue 17: with the store stalled, a
// save answers 503 with Retry-After well inside the write timeout, nothing
// is stored, and no request is left waiting on the store.
func TestStoreDeadline(t *testing.T) {
	if DefaultStoreTimeout >= WriteTimeout/2 {
		t.Fatalf("DefaultStoreTimeout %v is not under half of WriteTimeout %v", DefaultStoreTimeout, WriteTimeout)
	}
	h, st := newStallServer(t, 150*time.Millisecond)
	st.stalled.Store(true)
	for _, tc := range []struct{ method, target, path, ctype, body string }{
		{"POST", "/api/v1/assessments", "/assessments", "application/json", validAnswers},
		{"GET", "/api/v1/assessments/AAAAAAAAAAAAAAAAAAAAAA", "/assessments/{id}", "", ""},
	} {
		req := httptest.NewRequest(tc.method, tc.target, strings.NewReader(tc.body))
		if tc.ctype != "" {
			req.Header.Set("Content-Type", tc.ctype)
		}
		start := time.Now()
		rec := serveWithin(t, h, 3*time.Second, req)
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%s %s took %v", tc.method, tc.target, d)
		}
		if rec.Code != 503 || rec.Header().Get("Retry-After") == "" {
			t.Fatalf("%s %s: %d Retry-After %q, want 503 with Retry-After; %s", tc.method, tc.target, rec.Code, rec.Header().Get("Retry-After"), rec.Body.String())
		}
		if e := apiError(t, rec); e.Code != codeUnavailable {
			t.Errorf("error code %q, want %q", e.Code, codeUnavailable)
		}
		checkContract(t, tc.method, tc.path, rec)
	}
	if n := len(st.byID); n != 0 {
		t.Errorf("%d assessments stored while the store was stalled", n)
	}
	if n := st.waiting.Load(); n != 0 {
		t.Errorf("%d store calls still waiting after their requests were answered", n)
	}
}

// TestStoreBudget checks that a request's store calls share one deadline:
// a saved page reads the store twice, and with each read taking 60% of the
// store timeout the second one runs out of time, so the request ends
// within the timeout (plus scheduling) however many calls it makes.
func TestStoreBudget(t *testing.T) {
	const timeout = 300 * time.Millisecond
	h, st := newStallServer(t, timeout)
	newest, _ := newAssessmentPair(t, st)
	st.delay = timeout * 6 / 10
	start := time.Now()
	rec := serveWithin(t, h, 3*time.Second, httptest.NewRequest("GET", "/a/"+newest, nil))
	if rec.Code != 503 {
		t.Fatalf("saved page with two slow reads: %d, want 503", rec.Code)
	}
	if d := time.Since(start); d > timeout+timeout/2 {
		t.Errorf("the request took %v with a %v store budget", d, timeout)
	}
}

// newAssessmentPair stores a version 1 and a revisit of it in st and
// returns their ids, newest first.
func newAssessmentPair(t *testing.T, st *stallStore) (string, string) {
	t.Helper()
	mk := func(id, prev string) {
		a := &certwise.Assessment{ID: id, PreviousID: prev, DeleteTokenHash: certwise.HashDeleteToken(id)}
		if err := st.memStore.CreateAssessment(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	mk("BudgetTestAssessment01", "")
	mk("BudgetTestAssessment02", "BudgetTestAssessment01")
	return "BudgetTestAssessment02", "BudgetTestAssessment01"
}

// TestStoreOutage is defect 6 of issue 17: a store that is down answers
// 503 (API and pages), not 500 "internal".
func TestStoreOutage(t *testing.T) {
	h, st := newStallServer(t, time.Second)
	st.down.Store(true)
	rec := do(t, h, "POST", "/api/v1/assessments", "application/json", validAnswers)
	if rec.Code != 503 || rec.Header().Get("Retry-After") == "" || apiError(t, rec).Code != codeUnavailable {
		t.Fatalf("API save with the store down: %d %s", rec.Code, rec.Body.String())
	}
	checkContract(t, "POST", "/assessments", rec)
	rec = do(t, h, "GET", "/a/AAAAAAAAAAAAAAAAAAAAAA", "", "")
	if rec.Code != 503 || rec.Header().Get("Retry-After") == "" {
		t.Fatalf("page with the store down: %d", rec.Code)
	}
}

// TestIdempotentSave is defect 1's retry: the same Idempotency-Key returns
// the same id and delete token and stores one assessment; a key reused for
// other answers is a 409.
func TestIdempotentSave(t *testing.T) {
	s, store, _ := newTestServer(t)
	h, _ := s.Handler()
	key := "k3y-for-one-save-0123456789"
	var first createdAssessment
	for i, want := range []int{201, 200} {
		rec := do(t, h, "POST", "/api/v1/assessments", "application/json", validAnswers, "Idempotency-Key", key)
		if rec.Code != want {
			t.Fatalf("attempt %d: %d, want %d: %s", i+1, rec.Code, want, rec.Body.String())
		}
		checkContract(t, "POST", "/assessments", rec)
		var got createdAssessment
		json.Unmarshal(rec.Body.Bytes(), &got)
		if i == 0 {
			first = got
		} else if got.ID != first.ID || got.DeleteToken != first.DeleteToken || got.Version != first.Version {
			t.Fatalf("retry gave %s/%s, first %s/%s", got.ID, got.DeleteToken, first.ID, first.DeleteToken)
		}
	}
	if len(store.byID) != 1 {
		t.Fatalf("%d assessments stored, want 1", len(store.byID))
	}
	other := strings.Replace(validAnswers, "SECRET-GAP-TEXT", "another gap", 1)
	rec := do(t, h, "POST", "/api/v1/assessments", "application/json", other, "Idempotency-Key", key)
	if rec.Code != 409 || apiError(t, rec).Field != idempotencyHeader {
		t.Fatalf("key reused for other answers: %d %s", rec.Code, rec.Body.String())
	}
	checkContract(t, "POST", "/assessments", rec)
	rec = do(t, h, "POST", "/api/v1/assessments", "application/json", validAnswers, "Idempotency-Key", "short")
	if rec.Code != 400 || apiError(t, rec).Field != idempotencyHeader {
		t.Fatalf("short key: %d %s", rec.Code, rec.Body.String())
	}
	// The delete token works, and a different server secret gives other ids.
	rec = do(t, h, "DELETE", "/api/v1/assessments/"+first.ID, "", "", "Authorization", "Bearer "+first.DeleteToken)
	if rec.Code != 204 {
		t.Fatalf("delete with the replayed token: %d", rec.Code)
	}

	// The save form carries a key: submitting it twice (a retry after a
	// timeout) shows the same share link and token.
	b := newBrowser(t, h)
	completeAssessment(b)
	result := b.body
	m := regexp.MustCompile(`name="idempotency_key" value="([A-Za-z0-9_-]+)"`).FindStringSubmatch(result)
	if m == nil {
		t.Fatal("the save form has no idempotency key")
	}
	var links, tokens []string
	for range 2 {
		b.body = result
		b.post("/a", url.Values{"idempotency_key": {m[1]}})
		b.expect(201)
		links = append(links, shareRe.FindStringSubmatch(b.body)[1])
		tokens = append(tokens, tokenRe.FindStringSubmatch(b.body)[1])
	}
	if links[0] != links[1] || tokens[0] != tokens[1] {
		t.Errorf("resubmitted save form: links %v tokens %v", links, tokens)
	}
}

// TestCSRFBoundToSecret is defect 7 of issue 17: a cookie the server did
// not sign is refused even when the form repeats it, and instances sharing
// a secret accept each other's tokens.
func TestCSRFBoundToSecret(t *testing.T) {
	secret := []byte(strings.Repeat("s", 32))
	mk := func(secret []byte) http.Handler {
		s, _, _ := newTestServer(t)
		s2 := &Server{Evaluator: s.Evaluator, Titles: s.Titles, Occupations: s.Occupations, Catalog: s.Catalog,
			Store: s.Store, Markdown: s.Markdown, WriteRate: 100, WriteBurst: 100, Secret: secret}
		h, err := s2.Handler()
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	a, b, other := mk(secret), mk(secret), mk([]byte(strings.Repeat("o", 32)))
	tokenFrom := func(h http.Handler) string {
		rec := do(t, h, "GET", "/assess", "", "")
		for _, c := range rec.Result().Cookies() {
			if c.Name == csrfCookie {
				return c.Value
			}
		}
		t.Fatal("no CSRF cookie set")
		return ""
	}
	post := func(h http.Handler, tok string) int {
		return do(t, h, "POST", "/assess", "application/x-www-form-urlencoded",
			"step=role&nav=back&csrf_token="+url.QueryEscape(tok), "Cookie", csrfCookie+"="+tok).Code
	}
	for name, tc := range map[string]struct {
		h    http.Handler
		tok  string
		want int
	}{
		"planted cookie":           {a, "x", 403},
		"planted 43-char cookie":   {a, strings.Repeat("A", 43), 403},
		"other deployment's token": {a, tokenFrom(other), 403},
		"own token":                {a, tokenFrom(a), 200},
		"sibling instance's token": {b, tokenFrom(a), 200},
	} {
		if got := post(tc.h, tc.tok); got != tc.want {
			t.Errorf("%s: status %d, want %d", name, got, tc.want)
		}
	}
	s := &Server{Secret: []byte("short")}
	if err := s.initDeployment(); err == nil {
		t.Error("a 5-byte secret was accepted")
	}
}

// TestCrossOriginEnvelope and TestFormContentType are defect 6 of issue 17.
func TestCrossOriginEnvelope(t *testing.T) {
	s, _, _ := newTestServer(t)
	h, _ := s.Handler()
	for _, tc := range []struct{ target, path string }{
		{"/api/v1/evaluate", "/evaluate"}, {"/api/v1/assessments", "/assessments"},
	} {
		rec := do(t, h, "POST", tc.target, "application/json", validAnswers, "Sec-Fetch-Site", "cross-site")
		if rec.Code != 403 || apiError(t, rec).Code != certwise.EFORBIDDEN {
			t.Fatalf("cross-site POST %s: %d %q", tc.target, rec.Code, rec.Body.String())
		}
		checkContract(t, "POST", tc.path, rec)
	}
	rec := do(t, h, "POST", "/assess", "application/x-www-form-urlencoded", "step=role", "Origin", "https://evil.example")
	if rec.Code != 403 || !strings.Contains(rec.Header().Get("Content-Type"), "text/html") {
		t.Errorf("cross-origin form POST: %d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
}

func TestFormContentType(t *testing.T) {
	s, _, _ := newTestServer(t)
	h, _ := s.Handler()
	tok := s.newCSRFToken()
	for _, ct := range []string{"text/plain", "application/json", "", "multipart/form-data; boundary=x"} {
		rec := do(t, h, "POST", "/assess", ct, "step=role&csrf_token="+tok, "Cookie", csrfCookie+"="+tok)
		if rec.Code != 415 {
			t.Errorf("form POST as %q: %d, want 415", ct, rec.Code)
		}
	}
}

// TestProxyDeployment is defect 8 of issue 17: no-store on everything that
// carries answers or the delete token, share links from the configured
// public URL and never from Host, Secure cookies and HSTS only through a
// trusted proxy, and /metrics off the public handler on request.
func TestProxyDeployment(t *testing.T) {
	s, _, _ := newTestServer(t)
	s2 := &Server{Evaluator: s.Evaluator, Titles: s.Titles, Occupations: s.Occupations, Catalog: s.Catalog,
		Store: s.Store, Markdown: s.Markdown, WriteRate: 100, WriteBurst: 100,
		PublicURL: "https://certwise.example/", TrustedProxies: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")},
		SeparateMetrics: true}
	h, err := s2.Handler()
	if err != nil {
		t.Fatal(err)
	}
	rec := do(t, h, "POST", "/api/v1/assessments", "application/json", validAnswers, "Host", "evil.example")
	var created createdAssessment
	json.Unmarshal(rec.Body.Bytes(), &created)
	if created.URL != "https://certwise.example/a/"+created.ID {
		t.Errorf("share url %q", created.URL)
	}
	if cc := rec.Header().Get("Cache-Control"); cc != "no-store" {
		t.Errorf("201 with the delete token: Cache-Control %q", cc)
	}
	for _, p := range []string{"/api/v1/assessments/" + created.ID, "/a/" + created.ID + "/answers.json", "/a/" + created.ID + "/report.md"} {
		rec := do(t, h, "GET", p, "", "")
		if rec.Code != 200 || rec.Header().Get("Cache-Control") != "no-store" {
			t.Errorf("GET %s: %d, Cache-Control %q", p, rec.Code, rec.Header().Get("Cache-Control"))
		}
	}
	// Without a public URL the link is relative: Host is never echoed.
	rec = do(t, mustHandler(t, s), "POST", "/api/v1/assessments", "application/json", validAnswers, "Host", "evil.example")
	if strings.Contains(rec.Body.String(), "evil.example") {
		t.Error("the Host header reached the response")
	}
	checkContract(t, "POST", "/assessments", rec)

	for _, tc := range []struct {
		remote, proto string
		secure        bool
	}{
		{"10.1.2.3:5000", "https", true},
		{"10.1.2.3:5000", "http", false},
		{"192.0.2.7:5000", "https", false}, // not a trusted proxy: its header is ignored
	} {
		req := httptest.NewRequest("GET", "/assess", nil)
		req.RemoteAddr = tc.remote
		req.Header.Set("X-Forwarded-Proto", tc.proto)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		hsts := rec.Header().Get("Strict-Transport-Security") != ""
		cookieSecure := len(rec.Result().Cookies()) > 0 && rec.Result().Cookies()[0].Secure
		if hsts != tc.secure || cookieSecure != tc.secure {
			t.Errorf("%s %s: HSTS %v, Secure cookie %v, want %v", tc.remote, tc.proto, hsts, cookieSecure, tc.secure)
		}
	}
	for _, tc := range []struct{ remote, xff, want string }{
		{"10.1.2.3:5000", "198.51.100.9, 10.9.9.9", "198.51.100.9"},
		{"10.1.2.3:5000", "", "10.1.2.3"},
		{"192.0.2.7:5000", "198.51.100.9", "192.0.2.7"}, // untrusted: XFF ignored
	} {
		req := httptest.NewRequest("POST", "/a", nil)
		req.RemoteAddr = tc.remote
		if tc.xff != "" {
			req.Header.Set("X-Forwarded-For", tc.xff)
		}
		if got := s2.clientKey(req); got != tc.want {
			t.Errorf("clientKey(%s, %q) = %s, want %s", tc.remote, tc.xff, got, tc.want)
		}
	}

	if rec := do(t, h, "GET", "/metrics", "", ""); rec.Code != 404 {
		t.Errorf("/metrics on the public handler: %d", rec.Code)
	}
	rec = httptest.NewRecorder()
	s2.MetricsHandler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), "certwise_") {
		t.Errorf("MetricsHandler: %d", rec.Code)
	}
	if _, err := ParseTrustedProxies("10.0.0.0/8, 127.0.0.1,::1"); err != nil {
		t.Error(err)
	}
	if _, err := ParseTrustedProxies("nonsense"); err == nil {
		t.Error("ParseTrustedProxies accepted nonsense")
	}
	bad := &Server{PublicURL: "ftp://x"}
	if err := bad.initDeployment(); err == nil {
		t.Error("an ftp public URL was accepted")
	}
}

func mustHandler(t *testing.T, s *Server) http.Handler {
	t.Helper()
	h, err := s.Handler()
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// TestHistoryPaged is defect 2 of issue 17: a saved page lists at most
// historyPageSize versions and links to the older and newer ones.
func TestHistoryPaged(t *testing.T) {
	s, _, _ := newTestServer(t)
	h, _ := s.Handler()
	prev := ""
	const n = 45
	for range n {
		target := "/api/v1/assessments"
		if prev != "" {
			target += "?previous_id=" + prev
		}
		rec := do(t, h, "POST", target, "application/json", validAnswers)
		if rec.Code != 201 {
			t.Fatalf("save: %d %s", rec.Code, rec.Body.String())
		}
		var c createdAssessment
		json.Unmarshal(rec.Body.Bytes(), &c)
		prev = c.ID
	}
	item := regexp.MustCompile(`<li><a href="/a/[A-Za-z0-9_-]+">Version (\d+)</a>`)
	for _, tc := range []struct {
		query        string
		first, count int
		newer, older string
	}{
		{"", n, historyPageSize, "", "?history=20"},
		{"?history=20", n - 20, historyPageSize, "?history=0", "?history=40"},
		{"?history=40", n - 40, 5, "?history=20", ""},
	} {
		rec := do(t, h, "GET", "/a/"+prev+tc.query, "", "")
		if rec.Code != 200 {
			t.Fatalf("GET %s: %d", tc.query, rec.Code)
		}
		body := rec.Body.String()
		ms := item.FindAllStringSubmatch(body, -1)
		if len(ms) != tc.count || ms[0][1] != strconv.Itoa(tc.first) {
			t.Errorf("GET %q lists %d versions from %v, want %d from %d", tc.query, len(ms), ms[0][1], tc.count, tc.first)
		}
		for _, link := range []struct{ href, label string }{{tc.newer, "Newer versions"}, {tc.older, "Older versions"}} {
			has := strings.Contains(body, label(prev, link.href, link.label))
			if has != (link.href != "") {
				t.Errorf("GET %q: link %q %q present = %v", tc.query, link.label, link.href, has)
			}
		}
		if !strings.Contains(body, "What changed since version "+strconv.Itoa(n-1)) {
			t.Errorf("GET %q lost the comparison with the version before", tc.query)
		}
	}
	for _, q := range []string{"?history=-1", "?history=x", "?history=1001"} {
		if rec := do(t, h, "GET", "/a/"+prev+q, "", ""); rec.Code != 400 {
			t.Errorf("GET %s: %d, want 400", q, rec.Code)
		}
	}
}

func label(id, href, text string) string {
	if href == "" {
		return `">` + text + `</a>`
	}
	return `<a href="/a/` + id + href + `#history-title">` + text + `</a>`
}

// TestRevisitOfFullHistory is defect 2's bound seen from the web: a
// revisit the store refuses keeps the answers on the result page, whose
// save form then stores them as a new assessment.
func TestRevisitOfFullHistory(t *testing.T) {
	s, store, _ := newTestServer(t)
	store.maxVersion = 2
	h, _ := s.Handler()
	rec := do(t, h, "POST", "/api/v1/assessments", "application/json", validAnswers)
	var v1 createdAssessment
	json.Unmarshal(rec.Body.Bytes(), &v1)
	rec = do(t, h, "POST", "/api/v1/assessments?previous_id="+v1.ID, "application/json", validAnswers)
	var v2 createdAssessment
	json.Unmarshal(rec.Body.Bytes(), &v2)
	rec = do(t, h, "POST", "/api/v1/assessments?previous_id="+v2.ID, "application/json", validAnswers)
	if rec.Code != 400 || apiError(t, rec).Field != "previous_id" {
		t.Fatalf("API revisit of a full history: %d %s", rec.Code, rec.Body.String())
	}
	checkContract(t, "POST", "/assessments", rec)

	var ans certwise.Answers
	if err := json.Unmarshal([]byte(validAnswers), &ans); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, h)
	b.get("/assess")
	b.post("/a", url.Values{"state": {formState{Answers: ans, Previous: v2.ID}.encode()}})
	b.expect(400, `id="save-error"`, "new assessment", "SECRET-GAP-TEXT", "Save and get a share link")
	b.post("/a", url.Values{})
	b.expect(201, `id="delete-token"`, "version 1")
}
