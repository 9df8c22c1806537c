package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/certwise/certwise/http/contract"

	cwhttp "github.com/certwise/certwise/http"
)

// testWebApp serves the real web app (engine, data, catalog, SQLite store
// in a temporary directory) on a test server.
func testWebApp(t *testing.T) *httptest.Server { return testWebAppTB(t) }

func testWebAppTB(t testing.TB) *httptest.Server {
	t.Helper()
	t.Setenv("CERTWISE_DATA", "")
	a := testApp(nil, io.Discard, io.Discard)
	a.logger = slog.New(slog.DiscardHandler)
	ctx := context.Background()
	store, _, err := openStore(ctx, filepath.Join(t.TempDir(), "certwise.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	srv, err := a.webServer(ctx, store)
	if err != nil {
		t.Fatal(err)
	}
	h, err := srv.Handler()
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts
}

// Answers for the three worked situations of the decision engine's issue.
var serveAnswers = map[string]string{
	"analyst": `{"role": {"title": "financial analyst", "work_mix": {"reporting": 0.5, "coordination": 0.2, "analysis": 0.3}},
		"position": {"has_tested_ai_in_role": true}, "organization": {"ai_adoption_phase": "early_adoption"},
		"motives": ["capability_gap"], "capability_gap": "automating reports"}`,
	"engineer": `{"role": {"occupation": "15-1252.00"},
		"position": {"owns_measurable_outcomes": true, "ai_enhanced_role": true, "expanding_into_system_design": true, "has_tested_ai_in_role": true},
		"organization": {"leadership_values_ai_literacy": true, "ai_adoption_phase": "productivity_normalization"},
		"industry": {"shifting_to_ai": true}, "motives": ["capability_gap", "role_transition"],
		"capability_gap": "designing machine learning systems on a cloud platform",
		"target_role": {"title": "machine learning engineer"}, "expected_authority_gain": "clear", "positioning": "offensive"}`,
	"headlines": `{"role": {"title": "marketing manager"}, "motives": ["follow_headlines", "reduce_anxiety"]}`,
	// No occupation at all: the person's own reading of their exposure.
	"self_assessed": `{"role": {"exposure_self_assessed": "structural", "work_mix": {"reporting": 3, "coordination": 2, "analysis": 1}},
		"position": {"has_tested_ai_in_role": true}, "motives": ["capability_gap"], "capability_gap": "data analysis"}`,
	// The engineer again, as a career platform would send it: occupation
	// codes instead of titles.
	"engineer_coded": `{"role": {"occupation": "15-1252.00"},
		"position": {"owns_measurable_outcomes": true, "ai_enhanced_role": true, "expanding_into_system_design": true, "has_tested_ai_in_role": true},
		"organization": {"leadership_values_ai_literacy": true, "ai_adoption_phase": "productivity_normalization"},
		"industry": {"shifting_to_ai": true}, "motives": ["capability_gap", "role_transition"],
		"capability_gap": "designing machine learning systems on a cloud platform",
		"target_role": {"occupation": "15-2051.00"}, "expected_authority_gain": "clear", "positioning": "offensive"}`,
}

// TestServeAPIContract holds the real engine's API responses to the
// OpenAPI document.
func TestServeAPIContract(t *testing.T) {
	ts := testWebApp(t)
	doc, err := contract.Load(cwhttp.OpenAPIDocument())
	if err != nil {
		t.Fatal(err)
	}
	call := func(method, path, tmpl, body string, header ...string) []byte {
		t.Helper()
		var r io.Reader
		if body != "" {
			r = strings.NewReader(body)
		}
		req, _ := http.NewRequest(method, ts.URL+"/api/v1"+path, r)
		if body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if err := doc.Check(method, tmpl, resp.StatusCode, resp.Header.Get("Content-Type"), b); err != nil {
			t.Errorf("%s %s: %v\n%s", method, path, err, b)
		}
		return b
	}
	want := map[string]string{"analyst": "redesign_role_first", "engineer": "pursue", "headlines": "avoid", "engineer_coded": "pursue", "self_assessed": "reassess_position"}
	for name, body := range serveAnswers {
		var ev struct{ Verdict string }
		json.Unmarshal(call("POST", "/evaluate", "/evaluate", body), &ev)
		if ev.Verdict != want[name] {
			t.Errorf("%s: verdict %q, want %q", name, ev.Verdict, want[name])
		}
	}
	var created struct {
		ID          string `json:"id"`
		DeleteToken string `json:"delete_token"`
	}
	json.Unmarshal(call("POST", "/assessments", "/assessments", serveAnswers["engineer"]), &created)
	call("GET", "/assessments/"+created.ID, "/assessments/{id}", "")
	call("POST", "/assessments?previous_id="+created.ID, "/assessments", serveAnswers["analyst"])
	call("DELETE", "/assessments/"+created.ID, "/assessments/{id}", "", "Authorization", "Bearer "+created.DeleteToken)
	call("GET", "/assessments/"+created.ID, "/assessments/{id}", "")
	call("POST", "/evaluate", "/evaluate", `{"role": {"occupation": "99-9999.00"}}`)
	call("POST", "/evaluate", "/evaluate", `{"motives": ["fame"]}`)
	call("GET", "/roles?q=registered+nurse", "/roles", "")
	call("GET", "/roles/29-1141.00", "/roles/{code}", "")
	call("GET", "/roles/00-0000.00", "/roles/{code}", "")
	call("GET", "/certifications", "/certifications", "")
	call("GET", "/certifications?level=foundational&max_cost=200", "/certifications", "")
	call("GET", "/certifications?skill=nonsense", "/certifications", "")
	var list struct {
		Certifications []struct{ ID string }
	}
	json.Unmarshal(call("GET", "/certifications", "/certifications", ""), &list)
	if len(list.Certifications) == 0 {
		t.Fatal("the catalog is empty")
	}
	call("GET", "/certifications/"+list.Certifications[0].ID, "/certifications/{id}", "")
	call("GET", "/certifications/no-such-cert", "/certifications/{id}", "")
}

// TestServeCommand starts `certwise serve` with only --addr in an empty
// working directory, waits until it is ready, then cancels it (as SIGTERM
// does) and checks that it stops cleanly and left its SQLite file there.
func TestServeCommand(t *testing.T) {
	t.Setenv("CERTWISE_DATA", "")
	t.Setenv("DATABASE_URL", "")
	addr := freeAddr(t)
	dir := t.TempDir()
	t.Chdir(dir)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	var stderr bytes.Buffer
	go func() {
		done <- run(ctx, []string{"serve", "--addr", addr}, strings.NewReader(""), io.Discard, &stderr)
	}()
	if err := waitReady(addr); err != nil {
		cancel()
		t.Fatal(err)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
	case <-time.After(25 * time.Second):
		t.Fatal("serve did not stop")
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "certwise.db")); len(m) != 1 {
		t.Errorf("no certwise.db in the working directory")
	}
	if code, _, _ := runCLI(t, "serve", "--addr", "nonsense"); code != 2 {
		t.Errorf("--addr nonsense: exit %d, want 2", code)
	}
}

func TestDefaultPageCache(t *testing.T) {
	for db, want := range map[string]time.Duration{
		"certwise.db":                       time.Minute,
		"/var/lib/certwise/a.db":            time.Minute,
		"postgres://u@127.0.0.1/certwise":   0,
		"postgresql://u@127.0.0.1/certwise": 0,
		"postgresish.db":                    time.Minute,
	} {
		if got := defaultPageCache(db); got != want {
			t.Errorf("defaultPageCache(%q) = %v, want %v", db, got, want)
		}
	}
}

// freeAddr returns a loopback address with a port free a moment ago.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// startServe runs certwise serve with args and --addr on a free loopback
// port, waits until it is ready, and stops it at cleanup, failing the test
// if it exits with an error or does not stop. It returns the address.
func startServe(t *testing.T, args ...string) string {
	t.Helper()
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, append([]string{"serve", "--addr", addr}, args...), strings.NewReader(""), io.Discard, io.Discard)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("serve exited %d", code)
			}
		case <-time.After(25 * time.Second):
			t.Error("serve did not stop")
		}
	})
	if err := waitReady(addr); err != nil {
		t.Fatal(err)
	}
	return addr
}

// waitReady polls /readyz at addr for up to 20 s.
func waitReady(addr string) error {
	deadline := time.Now().Add(20 * time.Second)
	for {
		resp, err := http.Get("http://" + addr + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return nil
			}
			err = fmt.Errorf("status %d", resp.StatusCode)
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("not ready after 20 s: %w", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestServeResultPages renders the share page of every worked situation
// with the real engine, so that each kind of evaluation goes through the
// templates.
func TestServeResultPages(t *testing.T) {
	ts := testWebApp(t)
	for name, body := range serveAnswers {
		resp, err := http.Post(ts.URL+"/api/v1/assessments", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		var created struct{ ID string }
		json.NewDecoder(resp.Body).Decode(&created)
		resp.Body.Close()
		if resp.StatusCode != 201 {
			t.Fatalf("%s: save %d", name, resp.StatusCode)
		}
		resp, err = http.Get(ts.URL + "/a/" + created.ID)
		if err != nil {
			t.Fatal(err)
		}
		page, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(page), `id="verdict-title"`) || !strings.Contains(string(page), "The four conditions") {
			t.Errorf("%s: share page %d:\n%.500s", name, resp.StatusCode, page)
		}
	}
}
