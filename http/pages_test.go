package http

import (
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/certwise/certwise"
)

// browser is a cookie-keeping client for walking the pages like a person
// with JavaScript off.
type browser struct {
	t      *testing.T
	c      *http.Client
	base   string
	status int
	body   string
}

func newBrowser(t *testing.T, h http.Handler) *browser {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	jar, _ := cookiejar.New(nil)
	return &browser{t: t, base: srv.URL, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

func (b *browser) get(path string) string {
	b.t.Helper()
	resp, err := b.c.Get(b.base + path)
	if err != nil {
		b.t.Fatal(err)
	}
	return b.read(resp)
}

func (b *browser) read(resp *http.Response) string {
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	b.status, b.body = resp.StatusCode, string(body)
	return b.body
}

var (
	stateRe = regexp.MustCompile(`name="state" value="([^"]*)"`)
	csrfRe  = regexp.MustCompile(`name="csrf_token" value="([^"]*)"`)
)

// post submits a form with the page's CSRF token and, when the page has
// one, its hidden state.
func (b *browser) post(path string, form url.Values) string {
	b.t.Helper()
	if form.Get("csrf_token") == "" {
		if m := csrfRe.FindStringSubmatch(b.body); m != nil {
			form.Set("csrf_token", m[1])
		}
	}
	if _, ok := form["state"]; !ok {
		if m := stateRe.FindStringSubmatch(b.body); m != nil {
			form.Set("state", html.UnescapeString(m[1]))
		}
	}
	resp, err := b.c.PostForm(b.base+path, form)
	if err != nil {
		b.t.Fatal(err)
	}
	return b.read(resp)
}

func (b *browser) expect(status int, contains ...string) {
	b.t.Helper()
	if b.status != status {
		b.t.Fatalf("status = %d, want %d\n%s", b.status, status, b.body)
	}
	for _, c := range contains {
		if !strings.Contains(b.body, c) {
			b.t.Fatalf("page lacks %q\n%s", c, b.body)
		}
	}
}

// completeAssessment walks every step and returns on the result page.
func completeAssessment(b *browser) {
	b.get("/assess")
	b.expect(200, "Step 1 of 5", `<label for="title">`)
	b.post("/assess", url.Values{"step": {"role"}, "nav": {"suggest"}, "title": {"financial analyst"}})
	b.expect(200, "Financial and Investment Analysts", `value="13-2051.00"`)
	b.post("/assess", url.Values{"step": {"role"}, "nav": {"next"}, "title": {"financial analyst"}, "occupation": {"13-2051.00"}})
	b.expect(200, "Step 2 of 5")
	b.post("/assess", url.Values{"step": {"position"}, "nav": {"next"}, "owns_measurable_outcomes": {"1"}, "has_tested_ai_in_role": {"1"}})
	b.expect(200, "Step 3 of 5")
	b.post("/assess", url.Values{"step": {"organization"}, "nav": {"next"}, "ai_adoption_phase": {"early_adoption"}, "credential_sensitive": {"1"}})
	b.expect(200, "Step 4 of 5")
	b.post("/assess", url.Values{"step": {"motives"}, "nav": {"next"}, "motives": {"capability_gap"}, "capability_gap": {"prompt evaluation"}})
	b.expect(200, "Step 5 of 5", "Cert A")
	b.post("/assess", url.Values{"step": {"target"}, "nav": {"next"}, "target_title": {"software developer"},
		"target_occupation": {"15-1252.00"}, "certification": {"cert-a"}, "expected_authority_gain": {"some"}, "positioning": {"offensive"}})
	b.expect(200, "Pursue it", "How exposed your work is", "How this was decided", "<svg", "Save and get a share link",
		"The certification you named", "Cert A fits you in part", "ALT-WHY covers both")
	// The summary opens the page; the engine's ids stay out of it.
	if s, h := strings.Index(b.body, `id="summary"`), strings.Index(b.body, `id="how-decided"`); s < 0 || h < s {
		b.t.Errorf("summary at %d, how it was decided at %d: want the summary first", s, h)
	}
	for _, bad := range []string{"all_conditions", "all(", "β"} {
		if strings.Contains(b.body, bad) {
			b.t.Errorf("the result page shows %q", bad)
		}
	}
}

var shareRe = regexp.MustCompile(`id="share-link">[^<]*/a/([A-Za-z0-9_-]+)<`)
var tokenRe = regexp.MustCompile(`id="delete-token" class="token">([A-Za-z0-9_-]+)<`)

func TestAssessmentPages(t *testing.T) {
	s, store, _ := newTestServer(t)
	h, _ := s.Handler()
	b := newBrowser(t, h)
	completeAssessment(b)
	result := b.body

	// Downloads of the unsaved result.
	b.post("/assess/download", url.Values{"format": {"md"}, "state": {html.UnescapeString(stateRe.FindStringSubmatch(result)[1])}})
	b.expect(200, "# pursue")
	b.body = result
	b.post("/assess/download", url.Values{"format": {"json"}})
	b.expect(200, `"evaluation"`, `"answers"`)

	// Change answers: back to the first step with everything kept.
	b.body = result
	b.post("/assess", url.Values{"nav": {"edit"}})
	b.expect(200, "Step 1 of 5", `value="financial analyst"`, `value="13-2051.00" checked`)

	// Save: the share link and the token appear once.
	b.body = result
	b.post("/a", url.Values{})
	b.expect(201, "Saved", "shown only this once")
	id, token := shareRe.FindStringSubmatch(b.body)[1], tokenRe.FindStringSubmatch(b.body)[1]
	if len(store.byID) != 1 {
		t.Fatalf("store holds %d assessments", len(store.byID))
	}
	b.get("/a/" + id)
	b.expect(200, "Pursue it", "Revisit", "Download Markdown")
	if strings.Contains(b.body, token) {
		t.Fatal("the share page shows the delete token again")
	}
	b.get("/a/" + id + "/report.md")
	b.expect(200, "# pursue")
	b.get("/a/" + id + "/answers.json")
	b.expect(200, `"version":1`)

	// Revisit: change the motives; the new version shows what changed.
	b.get("/a/" + id + "/revisit")
	b.expect(200, "Step 1 of 5", "revisiting")
	for _, step := range []url.Values{
		{"step": {"role"}, "title": {"financial analyst"}, "occupation": {"13-2051.00"}},
		{"step": {"position"}, "owns_measurable_outcomes": {"1"}, "has_tested_ai_in_role": {"1"}},
		{"step": {"organization"}, "ai_adoption_phase": {"mature"}},
		{"step": {"motives"}, "motives": {"reduce_anxiety"}},
		{"step": {"target"}, "target_occupation": {"15-1252.00"}},
	} {
		step.Set("nav", "next")
		b.post("/assess", step)
	}
	b.expect(200, "Avoid it for now")
	b.post("/a", url.Values{})
	b.expect(201, "What changed since version 1", "Pursue it", "Avoid it for now",
		html.EscapeString(certwise.MustAsk("motives").Text), html.EscapeString(certwise.MustAsk("organization.ai_adoption_phase").Text))
	if strings.Contains(b.body, "organization.ai_adoption_phase") || strings.Contains(b.body, "reduce_anxiety") {
		b.t.Error("the changes table names fields or choices by their ids")
	}
	id2 := shareRe.FindStringSubmatch(b.body)[1]
	b.get("/a/" + id2)
	b.expect(200, "version 2", "History")

	// Delete: a wrong token is refused, the right one works once.
	b.get("/a/" + id + "/delete")
	b.expect(200, `<label for="delete_token">`)
	b.post("/a/"+id+"/delete", url.Values{"delete_token": {"wrong"}})
	b.expect(403, "does not match")
	b.post("/a/"+id+"/delete", url.Values{"delete_token": {""}})
	b.expect(400, "Enter the delete token")
	b.post("/a/"+id+"/delete", url.Values{"delete_token": {token}})
	b.expect(200, "Assessment deleted")
	b.get("/a/" + id)
	b.expect(404)
	b.get("/a/" + id2)
	b.expect(200, "Avoid it for now")
}

func TestAssessmentStepErrors(t *testing.T) {
	s, _, _ := newTestServer(t)
	h, _ := s.Handler()
	b := newBrowser(t, h)
	b.get("/assess")
	b.post("/assess", url.Values{"step": {"role"}, "nav": {"next"}, "occupation": {"00-0000.00"}})
	b.expect(400, "Please fix 1 answer", "Pick one of the listed occupations")
	b.post("/assess", url.Values{"step": {"role"}, "nav": {"next"}, "mix_reporting": {"-5"}})
	b.expect(400, "Enter a number of zero or more")
	b.get("/assess")
	b.post("/assess", url.Values{"step": {"nowhere"}, "nav": {"next"}})
	b.expect(400, "Unknown step")
	b.get("/assess")
	b.post("/assess", url.Values{"step": {"role"}, "state": {"not-base64!"}})
	b.expect(400, "damaged")
	// Back keeps what was typed.
	b.get("/assess")
	b.post("/assess", url.Values{"step": {"role"}, "nav": {"next"}, "title": {"electrician"}, "occupation": {""}})
	b.post("/assess", url.Values{"step": {"position"}, "nav": {"back"}, "owns_measurable_outcomes": {"1"}})
	b.expect(200, "Step 1 of 5", `value="electrician"`)
	b.post("/assess", url.Values{"step": {"role"}, "nav": {"next"}, "title": {"electrician"}, "occupation": {""}})
	b.expect(200, `id="owns_measurable_outcomes" name="owns_measurable_outcomes" value="1" checked`)
	// An empty title is refused beside the field, the other answers kept.
	b.get("/assess")
	b.post("/assess", url.Values{"step": {"role"}, "nav": {"next"}, "title": {"  "}, "exposure_self_assessed": {"high"}})
	b.expect(400, "Enter your job title", `value="high" checked`)
	// Continue on a title whose occupations were not shown yet shows them,
	// the best one picked, before moving on; so does the target role.
	b.get("/assess")
	b.post("/assess", url.Values{"step": {"role"}, "nav": {"next"}, "title": {"financial analyst"}})
	b.expect(200, "Step 1 of 5", "certwise will use <strong>Financial and Investment Analysts</strong>", `value="13-2051.00" checked`)
	b.post("/assess", url.Values{"step": {"role"}, "nav": {"next"}, "title": {"financial analyst"}, "occupation": {"13-2051.00"}})
	b.expect(200, "Step 2 of 5")
	b.get("/assess")
	b.post("/assess", url.Values{"step": {"target"}, "nav": {"next"}, "target_title": {"software developer"}})
	b.expect(200, "Step 5 of 5", "Check the occupation certwise found", `value="15-1252.00" checked`)
	// A custom certification needs a name.
	b.get("/assess")
	b.post("/assess", url.Values{"step": {"target"}, "nav": {"next"}, "certification": {"custom"}, "cert_cost": {"abc"}})
	b.expect(400, "Name the certification", "Enter a number")
}

func TestCSRF(t *testing.T) {
	s, _, _ := newTestServer(t)
	h, _ := s.Handler()
	b := newBrowser(t, h)
	b.get("/assess")
	b.post("/assess", url.Values{"step": {"role"}, "csrf_token": {"forged"}})
	b.expect(403, "expired")
	// No cookie at all.
	rec := do(t, h, "POST", "/a", "application/x-www-form-urlencoded", "csrf_token=x&state=")
	if rec.Code != 403 {
		t.Errorf("post without cookie: %d", rec.Code)
	}
	// A browser's cross-site request is refused before the token check.
	rec = do(t, h, "POST", "/api/v1/evaluate", "application/json", validAnswers, "Sec-Fetch-Site", "cross-site")
	if rec.Code != 403 {
		t.Errorf("cross-site POST: %d", rec.Code)
	}
	rec = do(t, h, "POST", "/assess", "application/x-www-form-urlencoded", "step=role", "Origin", "https://evil.example")
	if rec.Code != 403 {
		t.Errorf("cross-origin form POST: %d", rec.Code)
	}
}

func TestPages(t *testing.T) {
	s, _, _ := newTestServer(t)
	h, _ := s.Handler()
	b := newBrowser(t, h)
	tests := []struct {
		path   string
		status int
		want   []string
	}{
		{"/", 200, []string{"Start an assessment", `lang="en"`, "Skip to content"}},
		{"/roles", 200, []string{`<label for="q">`}},
		{"/roles?q=software+developer", 200, []string{`href="/roles/15-1252.00"`}},
		{"/roles/13-2051.00", 200, []string{"Financial and Investment Analysts", "<svg", "Software Developers", "Analyze data"}},
		{"/roles/00-0000.00", 404, []string{"no occupation"}},
		{"/certifications", 200, []string{"Cert A", "Cert B", "retiring 2026-12-31", `<label for="max_cost">`, "<td data-label=\"Cost\">$150</td>"}},
		{"/certifications?level=associate", 200, []string{"1 certification."}},
		{"/certifications?max_cost=x", 400, []string{"max_cost must be a number"}},
		{"/certifications/cert-a", 200, []string{"90 minutes", "Software Developers", "<dt>Cost</dt><dd>$150</dd>", "<dt>Valid for</dt><dd>1 year</dd>"}},
		{"/certifications/nope", 404, nil},
		{"/certifications/compare?id=cert-a&id=cert-b", 200, []string{"Cert A", "Cert B", "<td>$150</td><td>not confirmed</td>", "<td>1 year</td><td>2 years (reported, unverified)</td>"}},
		{"/certifications/compare?id=cert-a", 400, []string{"Pick between 2 and 4"}},
		{"/assess?occupation=47-2111.00&certification=cert-b", 200, []string{`value="47-2111.00" checked`}},
		{"/no/such/page", 404, []string{"no page"}},
		{"/a/AAAAAAAAAAAAAAAAAAAAAA", 404, nil},
		{"/assets/style.css", 200, []string{"@media print"}},
	}
	for _, tt := range tests {
		b.get(tt.path)
		if b.status != tt.status {
			t.Errorf("%s: status %d, want %d", tt.path, b.status, tt.status)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(strings.ToLower(b.body), strings.ToLower(w)) {
				t.Errorf("%s lacks %q", tt.path, w)
			}
		}
	}
	rec := do(t, h, "DELETE", "/", "", "")
	if rec.Code != 405 || rec.Header().Get("Allow") != "GET, HEAD" {
		t.Errorf("DELETE /: %d Allow %q", rec.Code, rec.Header().Get("Allow"))
	}
}

// TestPagesHaveLabels checks that every input a page shows has a label.
func TestPagesHaveLabels(t *testing.T) {
	s, _, _ := newTestServer(t)
	h, _ := s.Handler()
	b := newBrowser(t, h)
	inputRe := regexp.MustCompile(`<(input|select|textarea)\b[^>]*>`)
	idRe := regexp.MustCompile(`\bid="([^"]+)"`)
	check := func(name string) {
		for _, tag := range inputRe.FindAllString(b.body, -1) {
			if strings.Contains(tag, `type="hidden"`) {
				continue
			}
			m := idRe.FindStringSubmatch(tag)
			if m == nil {
				t.Errorf("%s: input without id: %s", name, tag)
				continue
			}
			if !strings.Contains(b.body, `<label for="`+m[1]+`"`) && !strings.Contains(b.body, `for="`+m[1]+`" class`) {
				t.Errorf("%s: no label for %s", name, m[1])
			}
		}
	}
	for _, p := range []string{"/roles", "/certifications"} {
		b.get(p)
		check(p)
	}
	b.get("/assess")
	b.post("/assess", url.Values{"step": {"role"}, "nav": {"suggest"}, "title": {"analyst"}})
	for _, step := range []string{"role", "position", "organization", "motives", "target"} {
		check(step)
		b.post("/assess", url.Values{"step": {step}, "nav": {"next"}, "title": {"analyst"}, "target_title": {"developer"}})
	}
}

// TestHeadingOrder checks that every page starts with one h1 and never
// skips a heading level on the way down.
func TestHeadingOrder(t *testing.T) {
	s, _, _ := newTestServer(t)
	h, _ := s.Handler()
	b := newBrowser(t, h)
	headRe := regexp.MustCompile(`<h([1-6])\b`)
	check := func(name string) {
		t.Helper()
		levels := headRe.FindAllStringSubmatch(b.body, -1)
		if len(levels) == 0 || levels[0][1] != "1" {
			t.Errorf("%s: the first heading is not an h1", name)
			return
		}
		prev, h1s := 1, 0
		for _, m := range levels {
			l := int(m[1][0] - '0')
			if l == 1 {
				h1s++
			}
			if l > prev+1 {
				t.Errorf("%s: h%d follows h%d", name, l, prev)
			}
			prev = l
		}
		if h1s != 1 {
			t.Errorf("%s: %d h1 headings", name, h1s)
		}
	}
	for _, p := range []string{"/", "/roles?q=analyst", "/roles/13-2051.00", "/certifications", "/certifications/cert-a",
		"/certifications/compare?id=cert-a&id=cert-b", "/nowhere"} {
		b.get(p)
		check(p)
	}
	completeAssessment(b)
	check("result")
	b.post("/a", url.Values{})
	check("saved")
	b.post("/assess", url.Values{"step": {"role"}, "nav": {"next"}, "occupation": {"00-0000.00"}})
	check("step with errors")
}
