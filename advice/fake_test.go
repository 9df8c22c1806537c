package advice

import (
	"context"
	"sort"

	"github.com/certwise/certwise"
)

// fakeData is a small in-memory certwise.ExposureData for unit tests. Its
// codes are made up (99-xxxx) so that no test confuses them with real ones.
type fakeData struct {
	occs map[string]*certwise.Occupation
	acts map[string]*certwise.ActivityFigures
}

func (f *fakeData) Occupation(code string) (*certwise.Occupation, bool) {
	o, ok := f.occs[code]
	return o, ok
}

func (f *fakeData) Occupations() []*certwise.Occupation {
	out := make([]*certwise.Occupation, 0, len(f.occs))
	for _, o := range f.occs {
		out = append(out, o)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

func (f *fakeData) Activity(iwa string) (*certwise.ActivityFigures, bool) {
	a, ok := f.acts[iwa]
	return a, ok
}

func (f *fakeData) Activities() []*certwise.ActivityFigures {
	out := make([]*certwise.ActivityFigures, 0, len(f.acts))
	for _, a := range f.acts {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].IWA < out[j].IWA })
	return out
}

func f64(v float64) *float64 { return &v }
func intp(v int) *int        { return &v }

// figures returns activity figures whose Equation 1 term is c*s (both sides
// equal, both used).
func figures(iwa, title string, class certwise.WorkClass, c, s float64) *certwise.ActivityFigures {
	return &certwise.ActivityFigures{
		IWA: iwa, Title: title, Class: class,
		ShareUser: f64(0.01), ShareAI: f64(0.01),
		CompletionUser: f64(c), CompletionAI: f64(c), ScopeUser: f64(s), ScopeAI: f64(s),
	}
}

func occ(code, title string, level certwise.ExposureLevel, comp, growth float64, zone int, related []string, acts ...certwise.Activity) *certwise.Occupation {
	mix := certwise.WorkMix{}
	for _, a := range acts {
		mix[a.Class] += a.Weight
	}
	return &certwise.Occupation{
		Code: code, SOC: code[:7], Title: title, ExposureLevel: level,
		GPT4Beta: f64(0.5), CompressibleShare: f64(comp), ProjectedGrowthPct: f64(growth),
		JobZone: intp(zone), MedianWage: f64(40000), Related: related, Activities: acts, WorkMix: mix,
	}
}

func act(iwa string, class certwise.WorkClass, w float64) certwise.Activity {
	return certwise.Activity{IWA: iwa, Class: class, Weight: w}
}

// newFake builds a clerk-like occupation (99-0001.00) with related and
// activity-sharing occupations around it.
func newFake() *fakeData {
	f := &fakeData{occs: map[string]*certwise.Occupation{}, acts: map[string]*certwise.ActivityFigures{}}
	for _, a := range []*certwise.ActivityFigures{
		figures("R1", "Prepare correspondence.", certwise.Reporting, 0.9, 0.8),
		figures("R2", "Record transactions.", certwise.Reporting, 0.8, 0.5),
		figures("C1", "Schedule appointments.", certwise.Coordination, 0.7, 0.4),
		figures("A1", "Analyze records for errors.", certwise.Analysis, 0.6, 0.3),
		figures("S1", "Design filing systems.", certwise.SystemDesign, 0.5, 0.2),
		figures("P1", "Advise customers.", certwise.Relationship, 0.4, 0.2),
		figures("H1", "Operate office machines.", certwise.HandsOn, 0.2, 0.1),
	} {
		f.acts[a.IWA] = a
	}
	add := func(o *certwise.Occupation) {
		for i := range o.Activities {
			o.Activities[i].Title = f.acts[o.Activities[i].IWA].Title
		}
		f.occs[o.Code] = o
	}
	add(occ("99-0001.00", "Fake Clerk", certwise.ExposureStructural, 0.7, -5, 2,
		[]string{"99-0002.00", "99-0003.00", "99-0004.00"},
		act("R1", certwise.Reporting, 0.4), act("R2", certwise.Reporting, 0.2), act("C1", certwise.Coordination, 0.1),
		act("A1", certwise.Analysis, 0.1), act("S1", certwise.SystemDesign, 0.05), act("P1", certwise.Relationship, 0.1),
		act("H1", certwise.HandsOn, 0.05)))
	// Related, less exposed, growing, same zone: a target.
	add(occ("99-0002.00", "Fake Advisor", certwise.ExposureModerate, 0.3, 8, 3, nil,
		act("P1", certwise.Relationship, 0.5), act("R1", certwise.Reporting, 0.2), act("A1", certwise.Analysis, 0.3)))
	// Related but shrinking: filtered out.
	add(occ("99-0003.00", "Fake Typist", certwise.ExposureHigh, 0.8, -10, 2, nil,
		act("R1", certwise.Reporting, 0.8), act("C1", certwise.Coordination, 0.2)))
	// Related but needs far more preparation: filtered out.
	add(occ("99-0004.00", "Fake Architect", certwise.ExposureLow, 0.1, 12, 5, nil,
		act("S1", certwise.SystemDesign, 0.8), act("A1", certwise.Analysis, 0.2)))
	// Not related, shares R2 (a strongest activity), less exposed: a target.
	add(occ("99-0005.00", "Fake Auditor", certwise.ExposureHigh, 0.3, 4, 2, nil,
		act("R2", certwise.Reporting, 0.3), act("A1", certwise.Analysis, 0.7)))
	// Shares activities but structural: filtered out.
	add(occ("99-0006.00", "Fake Data Entry", certwise.ExposureStructural, 0.9, 2, 1, nil,
		act("R2", certwise.Reporting, 0.9), act("C1", certwise.Coordination, 0.1)))
	return f
}

// fakeRecommender is a catalog whose Recommend returns one certification
// per target code, so tests can see which target asked for which; the
// advisor uses no other method.
type fakeRecommender struct{ reqs []certwise.RecommendRequest }

func (r *fakeRecommender) Certifications(context.Context, certwise.CatalogFilter) ([]certwise.Certification, error) {
	return nil, nil
}

func (r *fakeRecommender) Certification(_ context.Context, id string) (*certwise.Certification, error) {
	return nil, certwise.Errorf(certwise.ENOTFOUND, "id", "no certification with id %q", id)
}

func (r *fakeRecommender) SkillName(id string) string { return id }

func (r *fakeRecommender) Recommend(_ context.Context, req certwise.RecommendRequest) ([]certwise.Recommendation, error) {
	r.reqs = append(r.reqs, req)
	return []certwise.Recommendation{{ID: "cert-for-" + req.TargetCode, Name: "Cert for " + req.TargetCode, Score: 0.5,
		CostUSD: f64(100), PrepHours: f64(10)}}, nil
}
