package http

import (
	"bytes"
	"context"
	"crypto/subtle"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/internal/storeutil"
)

// The fakes below stand in for the engine, the data, the catalog and the
// store, so that these tests check the web layer alone; cmd/certwise tests
// the wiring with the real packages.

func fp(v float64) *float64 { return &v }

// fakeEvaluator decides by a few of the real rules' inputs, enough to give
// different verdicts to different answers.
type fakeEvaluator struct{ occ *fakeOccupations }

func (f fakeEvaluator) Evaluate(_ context.Context, a certwise.Answers) (*certwise.Evaluation, error) {
	ex := certwise.ExposureSummary{Level: certwise.ExposureUnknown, Source: "none", RoleType: certwise.RoleTypeUnknown,
		WorkMix: certwise.WorkMix{}}
	if a.Role.Occupation != "" {
		o, ok := f.occ.Occupation(a.Role.Occupation)
		if !ok {
			return nil, certwise.Errorf(certwise.EINVALID, "role.occupation", "no occupation has code %q", a.Role.Occupation)
		}
		ex.Level, ex.Source, ex.OccupationCode, ex.OccupationTitle = o.ExposureLevel, "occupation", o.Code, o.Title
		ex.WorkMix, ex.Percentile, ex.CompressibleShare = o.WorkMix, o.ExposurePercentile, o.CompressibleShare
	}
	valid := false
	for _, m := range a.Motives {
		valid = valid || m.Justifies()
	}
	ev := &certwise.Evaluation{
		Verdict: certwise.VerdictPursue, Rule: "all_conditions", Headline: "All four conditions hold.",
		Concerns:   []certwise.Concern{},
		Trajectory: certwise.TrajectorySummary{Choice: a.StatedTrajectory(), Defined: !a.TargetRole.Empty(), Evidence: "as answered"},
		Reasons:    []certwise.Reason{{Rule: "all_conditions", Evidence: "every condition holds"}},
		Exposure:   ex,
		Conditions: certwise.Conditions{ExposureUnderstood: ex.Level != certwise.ExposureUnknown, LeveragePossible: a.Position.OwnsMeasurableOutcomes,
			TimingAppropriate: a.Position.HasTestedAIInRole, TrajectoryDefined: !a.TargetRole.Empty()},
		Questions: []certwise.Question{{ID: "gap", Question: "Which gap?", Answer: a.CapabilityGap, Status: "clear"}},
		Alternatives: []certwise.Alternative{{Kind: "applied_project", Rank: 1, Title: "Apply it", Why: "output counts"},
			{Kind: "certification", Rank: 2, Title: "Certify", Why: "signal"}},
		NextSteps:       []certwise.NextStep{{Action: "Run a pilot", Evidence: map[string]any{"share": 0.4}}},
		Recommendations: []certwise.Recommendation{{ID: "cert-a", Name: "Cert A", Provider: "Acme", Level: "associate", Score: 0.8, CostUSD: fp(150), URL: "https://example.com/a", Why: []string{"fits"}}},
		References:      []certwise.Reference{{Section: "conclusion", Topic: "AI Career Strategy"}},
	}
	if !a.Position.HasTestedAIInRole {
		ev.Concerns = append(ev.Concerns, certwise.Concern{ID: "untested_in_role", Text: "You have not tried AI tools on your own work yet.", Evidence: "AI tried in current role: no"})
	}
	if c := a.Certification; c != nil {
		zone := 4
		ev.CertificationFit = &certwise.CertificationFit{ID: c.ID, Name: "Cert A", Provider: "Acme", Level: "associate",
			Judgement: certwise.FitPartial, Summary: "Cert A fits you in part: it covers part of your gap.",
			Gap:           certwise.FitGap{Skills: []string{"s1", "s2"}, Covered: []string{"s1"}, Missing: []string{"s2"}, Share: fp(0.5), Text: "it covers 1 of the 2 skill areas in your gap"},
			Current:       &certwise.FitRole{Code: "13-2051.00", Match: certwise.RoleMatchNone, Text: "not made for your current role"},
			Prerequisites: certwise.FitPrerequisites{Met: true, Missing: []string{}, Held: []string{}, ToConfirm: []string{}, Text: "it requires no other credential"},
			LevelFit:      certwise.FitLevel{Level: "associate", JobZone: &zone, Fit: certwise.LevelFitMatches, Text: "an associate credential, in line with job zone 4"},
			Cost:          certwise.FitCost{USD: fp(150), Provenance: certwise.ProvenanceOfficial, Text: "$150"},
			Hours:         certwise.FitHours{Text: "no preparation estimate"},
			Alternatives: []certwise.FitAlternative{{ID: "cert-b", Name: "Cert B", Provider: "Acme", Level: "associate", CostText: "not confirmed",
				Why: []string{"ALT-WHY covers both skill areas of your gap"}}},
		}
	}
	if !valid {
		ev.Verdict, ev.Rule, ev.Headline = certwise.VerdictAvoid, "no_valid_motive", "None of your reasons justifies a certification."
		ev.Recommendations = nil
	}
	return ev, nil
}

type fakeOccupations struct{ occs []*certwise.Occupation }

func newFakeOccupations() *fakeOccupations {
	mk := func(code, title string, beta float64, level certwise.ExposureLevel, mix certwise.WorkMix, related ...string) *certwise.Occupation {
		return &certwise.Occupation{Code: code, SOC: code[:7], Title: title, GPT4Beta: fp(beta), ExposureLevel: level,
			ExposurePercentile: fp(beta * 100), WorkMix: mix, CompressibleShare: fp(mix.CompressibleShare()), Related: related,
			Activities: []certwise.Activity{{IWA: "4.A.2.a.4.I09", Title: "Analyze data", Class: certwise.Analysis, Weight: 1, Tasks: 3, E1Tasks: 1}}}
	}
	return &fakeOccupations{occs: []*certwise.Occupation{
		mk("13-2051.00", "Financial and Investment Analysts", 0.62, certwise.ExposureHigh,
			certwise.WorkMix{certwise.Reporting: 0.4, certwise.Coordination: 0.2, certwise.Analysis: 0.4}, "15-1252.00"),
		mk("15-1252.00", "Software Developers", 0.55, certwise.ExposureHigh,
			certwise.WorkMix{certwise.SystemDesign: 0.5, certwise.Analysis: 0.3, certwise.Coordination: 0.2}, "13-2051.00"),
		mk("47-2111.00", "Electricians", 0.08, certwise.ExposureLow,
			certwise.WorkMix{certwise.HandsOn: 0.8, certwise.Relationship: 0.2}),
	}}
}

func (f *fakeOccupations) Occupation(code string) (*certwise.Occupation, bool) {
	for _, o := range f.occs {
		if o.Code == code {
			return o, true
		}
	}
	return nil, false
}
func (f *fakeOccupations) Occupations() []*certwise.Occupation { return f.occs }
func (f *fakeOccupations) Activity(string) (*certwise.ActivityFigures, bool) {
	return nil, false
}

// fakeTitles matches a query against the occupations' titles by words.
type fakeTitles struct{ occ *fakeOccupations }

func (f fakeTitles) Match(q string, top int) certwise.TitleMatch {
	m := certwise.TitleMatch{Query: q}
	for _, o := range f.occ.occs {
		for _, w := range strings.Fields(strings.ToLower(q)) {
			if len(w) > 3 && strings.Contains(strings.ToLower(o.Title), w[:4]) {
				m.Matches = append(m.Matches, certwise.TitleCandidate{Code: o.Code, Title: o.Title, MatchedTitle: o.Title, Score: 0.9})
				break
			}
		}
	}
	if len(m.Matches) > top {
		m.Matches = m.Matches[:top]
	}
	m.Confident = len(m.Matches) == 1
	return m
}

type fakeCatalog struct{ certs []certwise.Certification }

func newFakeCatalog() *fakeCatalog {
	mins := 90
	return &fakeCatalog{certs: []certwise.Certification{
		{ID: "cert-a", Name: "Cert A", Provider: "Acme", Level: "associate", Audience: []string{"builders"}, CostUSD: fp(150),
			Exam: &certwise.Exam{Format: "multiple choice", Minutes: &mins}, PrepHours: fp(40), PrepHoursBasis: "provider guide",
			ValidityYears: fp(1),
			Skills:        []string{"ml_engineering"}, Roles: []string{"15-1252.00"}, URL: "https://example.com/a", AsOf: "2026-01-01", Status: "active"},
		{ID: "cert-b", Name: "Cert B", Provider: "Beta Corp", Level: "foundational", Audience: []string{"leaders"}, CostUSD: nil,
			Skills: []string{"ai_literacy"}, URL: "https://example.com/b", AsOf: "2026-01-01", Status: "retiring", RetiresOn: "2026-12-31",
			Notes: []string{"cost not published"}, Reported: &certwise.Reported{ValidityYears: fp(2), Source: "https://example.org/b"}},
	}}
}

func (f *fakeCatalog) Certifications(_ context.Context, flt certwise.CatalogFilter) ([]certwise.Certification, error) {
	if flt.Level != "" && flt.Level != "foundational" && flt.Level != "associate" && flt.Level != "professional" && flt.Level != "specialty" {
		return nil, certwise.Errorf(certwise.EINVALID, "level", "level must be one of foundational, associate, professional, specialty")
	}
	var out []certwise.Certification
	for _, c := range f.certs {
		if flt.Level != "" && c.Level != flt.Level || flt.Provider != "" && c.Provider != flt.Provider {
			continue
		}
		if flt.MaxCostUSD != nil && (c.CostUSD == nil || *c.CostUSD > *flt.MaxCostUSD) {
			continue
		}
		if flt.Skill != "" && !strings.Contains(strings.Join(c.Skills, ","), flt.Skill) {
			continue
		}
		if flt.Audience != "" && !strings.Contains(strings.Join(c.Audience, ","), flt.Audience) {
			continue
		}
		out = append(out, c)
	}
	return out, nil
}

func (f *fakeCatalog) SkillName(id string) string {
	if id == "ml_engineering" {
		return "Machine learning engineering"
	}
	return id
}

func (f *fakeCatalog) Certification(_ context.Context, id string) (*certwise.Certification, error) {
	for i := range f.certs {
		if f.certs[i].ID == id {
			c := f.certs[i]
			return &c, nil
		}
	}
	return nil, certwise.Errorf(certwise.ENOTFOUND, "id", "no certification has id %q", id)
}

// memStore keeps assessments in memory with the store contract's semantics.
type memStore struct {
	mu      sync.Mutex
	byID    map[string]*certwise.Assessment
	pingErr error
	finds   int // FindAssessment calls
	// maxVersion, when set, is the highest version a revisit may create,
	// as the real stores bound histories.
	maxVersion int
}

func newMemStore() *memStore { return &memStore{byID: map[string]*certwise.Assessment{}} }

func (m *memStore) CreateAssessment(ctx context.Context, a *certwise.Assessment) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("create assessment: %w", err)
	}
	row, err := storeutil.NewRow(a) // validates as the real stores do
	if err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.byID[a.ID]; ok {
		return certwise.Errorf(certwise.ECONFLICT, "id", "id taken")
	}
	a.Version = 1
	if a.PreviousID != "" {
		p, ok := m.byID[a.PreviousID]
		if !ok {
			return certwise.Errorf(certwise.ENOTFOUND, "previous_id", "no assessment %q", a.PreviousID)
		}
		if m.maxVersion > 0 && p.Version >= m.maxVersion {
			return certwise.Errorf(certwise.EINVALID, "previous_id", "this history is full; start a new assessment.")
		}
		if p.Version >= storeutil.MaxVersion {
			return storeutil.ChainTooLong()
		}
		a.Version = p.Version + 1
	}
	a.CreatedAt = row.CreatedAt
	c := *a
	m.byID[a.ID] = &c
	return nil
}

func (m *memStore) FindAssessment(ctx context.Context, id string) (*certwise.Assessment, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("find assessment: %w", err)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.finds++
	a, ok := m.byID[id]
	if !ok {
		return nil, certwise.Errorf(certwise.ENOTFOUND, "id", "no assessment %q", id)
	}
	c := *a
	return &c, nil
}

func (m *memStore) ListVersions(ctx context.Context, id string) ([]*certwise.Assessment, error) {
	if err := storeutil.CheckID(id); err != nil {
		return nil, err
	}
	var out []*certwise.Assessment
	for id != "" {
		a, err := m.FindAssessment(ctx, id)
		if err != nil {
			if len(out) > 0 {
				break
			}
			return nil, err
		}
		out = append(out, a)
		id = a.PreviousID
	}
	return out, nil
}

func (m *memStore) ListVersionsPage(ctx context.Context, id string, offset, limit int) ([]*certwise.Assessment, bool, error) {
	if _, err := storeutil.PageBounds(offset, limit); err != nil {
		return nil, false, err
	}
	vs, err := m.ListVersions(ctx, id)
	if err != nil {
		return nil, false, err
	}
	vs = vs[min(offset, len(vs)):]
	if len(vs) > limit {
		return vs[:limit], true, nil
	}
	return vs, false, nil
}

func (m *memStore) DeleteAssessment(ctx context.Context, id string, hash []byte) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("delete assessment: %w", err)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	a, ok := m.byID[id]
	if !ok {
		return certwise.Errorf(certwise.ENOTFOUND, "id", "no assessment %q", id)
	}
	if subtle.ConstantTimeCompare(a.DeleteTokenHash, hash) != 1 {
		return certwise.Errorf(certwise.EFORBIDDEN, "delete_token", "token does not match")
	}
	delete(m.byID, id)
	for _, o := range m.byID {
		if o.PreviousID == id {
			o.PreviousID = ""
		}
	}
	return nil
}

func (m *memStore) Ping(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("ping: %w", err)
	}
	return m.pingErr
}
func (m *memStore) Close() error { return nil }

func fakeMarkdown(w io.Writer, e *certwise.Evaluation) error {
	_, err := fmt.Fprintf(w, "# %s\n\n%s\n", e.Verdict, e.Headline)
	return err
}

// logBuffer collects log output safely across goroutines.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// newTestServer returns a server on fakes, its store and its log.
func newTestServer(t testing.TB) (*Server, *memStore, *logBuffer) {
	t.Helper()
	occ := newFakeOccupations()
	store := newMemStore()
	logs := &logBuffer{}
	s := &Server{
		Evaluator: fakeEvaluator{occ: occ}, Titles: fakeTitles{occ: occ}, Occupations: occ,
		Catalog: newFakeCatalog(), Store: store, Markdown: fakeMarkdown,
		Logger:    slog.New(slog.NewJSONHandler(io.MultiWriter(logs), nil)),
		WriteRate: 100, WriteBurst: 100,
	}
	if _, err := s.Handler(); err != nil {
		t.Fatal(err)
	}
	return s, store, logs
}

// Recommend ranks the fake's certifications in catalog order; the server
// itself never asks for recommendations (the evaluator does).
func (f *fakeCatalog) Recommend(_ context.Context, req certwise.RecommendRequest) ([]certwise.Recommendation, error) {
	var out []certwise.Recommendation
	for _, c := range f.certs {
		out = append(out, certwise.Recommendation{ID: c.ID, Name: c.Name, Provider: c.Provider, Level: c.Level,
			CostUSD: c.CostUSD, CostVerified: c.CostUSD != nil, PrepHours: c.PrepHours, URL: c.URL})
	}
	if req.Top > 0 && len(out) > req.Top {
		out = out[:req.Top]
	}
	return out, nil
}
