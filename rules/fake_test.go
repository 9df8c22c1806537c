package rules

import (
	"context"
	"errors"
	"strings"
	"sync"

	"github.com/certwise/certwise"
)

func fp(f float64) *float64 { return &f }

// fakeData is a small, hand-made exposure model for the engine tests.
type fakeData struct {
	occs map[string]*certwise.Occupation
}

func newFakeData() *fakeData {
	return &fakeData{occs: map[string]*certwise.Occupation{
		"13-2011.00": {Code: "13-2011.00", Title: "Accountants and Auditors", ExposureLevel: certwise.ExposureStructural,
			ExposurePercentile: fp(91), CompressibleShare: fp(0.6),
			WorkMix: certwise.WorkMix{certwise.Reporting: 0.4, certwise.Coordination: 0.2, certwise.Analysis: 0.3, certwise.Relationship: 0.1}},
		"15-1252.00": {Code: "15-1252.00", Title: "Software Developers", ExposureLevel: certwise.ExposureModerate,
			ExposurePercentile: fp(62), CompressibleShare: fp(0.2),
			WorkMix: certwise.WorkMix{certwise.Reporting: 0.1, certwise.Coordination: 0.1, certwise.Analysis: 0.3, certwise.SystemDesign: 0.5}},
		"15-1299.08": {Code: "15-1299.08", Title: "Computer Systems Engineers/Architects", ExposureLevel: certwise.ExposureHigh,
			ExposurePercentile: fp(96), CompressibleShare: fp(0.2),
			WorkMix: certwise.WorkMix{certwise.Reporting: 0.1, certwise.Coordination: 0.1, certwise.SystemDesign: 0.6, certwise.Analysis: 0.2}},
		"29-1141.00": {Code: "29-1141.00", Title: "Registered Nurses", ExposureLevel: certwise.ExposureLow,
			ExposurePercentile: fp(20), CompressibleShare: fp(0.3),
			WorkMix: certwise.WorkMix{certwise.Reporting: 0.2, certwise.Coordination: 0.1, certwise.HandsOn: 0.5, certwise.Relationship: 0.2}},
	}}
}

func (d *fakeData) Occupation(code string) (*certwise.Occupation, bool) {
	o, ok := d.occs[code]
	return o, ok
}

func (d *fakeData) Occupations() []*certwise.Occupation { return nil }

func (d *fakeData) Activity(iwa string) (*certwise.ActivityFigures, bool) {
	switch iwa {
	case "4.A.3.b.6.I01":
		return &certwise.ActivityFigures{IWA: iwa, Class: certwise.Reporting}, true
	case "4.A.4.a.2.I03":
		return &certwise.ActivityFigures{IWA: iwa, Class: certwise.Coordination}, true
	case "4.A.2.b.2.I05":
		return &certwise.ActivityFigures{IWA: iwa, Class: certwise.SystemDesign}, true
	}
	return nil, false
}

// fakeTitles matches titles containing "developer" confidently and
// "analyst" ambiguously.
type fakeTitles struct{}

func (fakeTitles) Match(q string, top int) certwise.TitleMatch {
	l := strings.ToLower(q)
	switch {
	case strings.Contains(l, "developer"):
		return certwise.TitleMatch{Query: q, Confident: true, Matches: []certwise.TitleCandidate{{Code: "15-1252.00", Title: "Software Developers", MatchedTitle: "Developer", Score: 0.9}}}
	case strings.Contains(l, "analyst"):
		return certwise.TitleMatch{Query: q, Matches: []certwise.TitleCandidate{{Code: "13-2011.00", Title: "Accountants and Auditors", Score: 0.4}, {Code: "15-1252.00", Title: "Software Developers", Score: 0.39}}}
	}
	return certwise.TitleMatch{Query: q}
}

type fakeCatalog struct {
	mu    sync.Mutex
	calls int
	last  certwise.RecommendRequest
	err   error
	// anyID makes Certification know every id (named after it), for tests
	// where the fitter, not the lookup, judges the certification.
	anyID bool
}

func (r *fakeCatalog) Recommend(_ context.Context, req certwise.RecommendRequest) ([]certwise.Recommendation, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls++
	r.last = req
	if r.err != nil {
		return nil, r.err
	}
	return []certwise.Recommendation{{ID: "cert-a", Name: "Cert A", Provider: "P", CostUSD: fp(150), PrepHours: fp(30), Why: []string{"fits"}}}, nil
}

// fakeAdvisor records the last input it was given; the engine may call it
// from several goroutines at once.
type fakeAdvisor struct {
	mu  sync.Mutex
	in  certwise.AdviceInput
	err error
}

func (f *fakeAdvisor) Advise(_ context.Context, in certwise.AdviceInput) (certwise.Advice, error) {
	f.mu.Lock()
	f.in = in
	f.mu.Unlock()
	if f.err != nil {
		return certwise.Advice{}, f.err
	}
	return certwise.Advice{RoleType: certwise.RoleTypeAIEnhanced, RoleTypeBasis: "from the advisor",
		NextSteps: []certwise.NextStep{{Action: "advisor step for " + string(in.Verdict)}}}, nil
}

var errBroken = errors.New("broken")

// archPro is the one certification fakeCatalog knows by id.
var archPro = certwise.Certification{ID: "arch-pro", Name: "Architect Pro", Provider: "P", Level: "professional", CostUSD: fp(300),
	Skills: []string{"system design"}, Roles: []string{"15-1299.08"}}

// Certifications returns the one certification the fake knows.
func (r *fakeCatalog) Certifications(context.Context, certwise.CatalogFilter) ([]certwise.Certification, error) {
	return []certwise.Certification{archPro}, nil
}

// Certification knows only arch-pro.
func (r *fakeCatalog) Certification(_ context.Context, id string) (*certwise.Certification, error) {
	if r.anyID {
		return &certwise.Certification{ID: id, Name: id}, nil
	}
	if id != archPro.ID {
		return nil, certwise.Errorf(certwise.ENOTFOUND, "id", "no certification with id %q; did you mean arch-pro?", id)
	}
	c := archPro
	return &c, nil
}

// SkillName returns the id itself: the fake has no vocabulary.
func (r *fakeCatalog) SkillName(id string) string { return id }
