package advice

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/certwise/certwise"
)

func iwas(acts []certwise.ActivityEvidence) []string {
	out := make([]string, len(acts))
	for i, a := range acts {
		out[i] = a.IWA
	}
	return out
}

func codes(ts []certwise.TransitionTarget) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Code
	}
	return out
}

func equal(a, b []string) bool { return strings.Join(a, ",") == strings.Join(b, ",") }

func advise(t *testing.T, a *Advisor, in certwise.AdviceInput) certwise.Advice {
	t.Helper()
	out, err := a.Advise(context.Background(), in)
	if err != nil {
		t.Fatalf("Advise(%s): %v", in.Verdict, err)
	}
	if len(out.NextSteps) == 0 {
		t.Fatalf("Advise(%s): no next steps", in.Verdict)
	}
	return out
}

func TestClassifyRole(t *testing.T) {
	t.Parallel()
	heavy := certwise.WorkMix{certwise.Reporting: 0.5, certwise.Coordination: 0.2, certwise.Analysis: 0.3}
	owning := certwise.WorkMix{certwise.Reporting: 0.2, certwise.Analysis: 0.4, certwise.SystemDesign: 0.2, certwise.HandsOn: 0.2}
	leaning := certwise.WorkMix{certwise.Reporting: 0.3, certwise.Coordination: 0.1, certwise.Analysis: 0.2, certwise.HandsOn: 0.4}
	owns := &certwise.Answers{Position: certwise.Position{OwnsMeasurableOutcomes: true}}
	tests := []struct {
		name  string
		in    certwise.AdviceInput
		want  certwise.RoleType
		basis []string
	}{
		{"unknown level", certwise.AdviceInput{Level: certwise.ExposureUnknown, WorkMix: heavy}, certwise.RoleTypeUnknown, []string{"unknown"}},
		{"empty level", certwise.AdviceInput{WorkMix: heavy}, certwise.RoleTypeUnknown, nil},
		{"low is ai_proof", certwise.AdviceInput{Level: certwise.ExposureLow, WorkMix: heavy}, certwise.RoleTypeAIProof, []string{"low"}},
		{"high and heavy", certwise.AdviceInput{Level: certwise.ExposureHigh, WorkMix: heavy}, certwise.RoleTypeCompressible, []string{"70%", "30%", "no leverage"}},
		{"structural and heavy", certwise.AdviceInput{Level: certwise.ExposureStructural, WorkMix: heavy}, certwise.RoleTypeCompressible, nil},
		{"high with leverage", certwise.AdviceInput{Level: certwise.ExposureHigh, WorkMix: heavy, Leverage: true, Answers: owns}, certwise.RoleTypeAIEnhanced, []string{"owns measurable outcomes"}},
		{"moderate owning", certwise.AdviceInput{Level: certwise.ExposureModerate, WorkMix: owning}, certwise.RoleTypeAIEnhanced, []string{"60%"}},
		{"moderate leaning compressible", certwise.AdviceInput{Level: certwise.ExposureModerate, WorkMix: leaning}, certwise.RoleTypeCompressible, []string{"40%", "20%"}},
		{"exposed without mix", certwise.AdviceInput{Level: certwise.ExposureHigh}, certwise.RoleTypeUnknown, []string{"mix is unknown"}},
		{"occupation mix used", certwise.AdviceInput{Level: certwise.ExposureHigh, Occupation: newFake().occs["99-0001.00"]}, certwise.RoleTypeCompressible, []string{"99-0001.00", "GPT-4 beta 0.50"}},
	}
	for _, tt := range tests {
		got, basis := ClassifyRole(tt.in)
		if got != tt.want {
			t.Errorf("%s: role type %s, want %s (basis %q)", tt.name, got, tt.want, basis)
		}
		for _, s := range tt.basis {
			if !strings.Contains(basis, s) {
				t.Errorf("%s: basis %q lacks %q", tt.name, basis, s)
			}
		}
	}
}

func TestApplicabilityIsEquationOneTerm(t *testing.T) {
	t.Parallel()
	f := &certwise.ActivityFigures{ShareUser: f64(0.01), ShareAI: f64(0.0001),
		CompletionUser: f64(0.8), ScopeUser: f64(0.5), CompletionAI: f64(0.9), ScopeAI: f64(0.9)}
	got, ok := applicability(f)
	if !ok || math.Abs(got-0.2) > 1e-12 {
		t.Fatalf("applicability = %v, %v; want 0.2 (AI side below the conversation floor)", got, ok)
	}
	if _, ok := applicability(&certwise.ActivityFigures{}); ok {
		t.Fatal("applicability without figures reported ok")
	}
}

func TestApplyFirstRanksActivitiesByShareTimesApplicability(t *testing.T) {
	t.Parallel()
	f := newFake()
	clerk := f.occs["99-0001.00"]
	in := certwise.AdviceInput{Verdict: certwise.VerdictApplyFirst, Occupation: clerk, Level: certwise.ExposureStructural}
	out := advise(t, New(f, f, nil), in)
	s := out.NextSteps[0]
	if s.Kind != certwise.NextStepAppliedProjects {
		t.Fatalf("kind %q", s.Kind)
	}
	if got := iwas(s.Activities); !equal(got, []string{"R1", "R2", "C1"}) {
		t.Fatalf("activities %v, want R1 R2 C1", got)
	}
	r1 := s.Activities[0]
	if r1.Share != 0.4 || *r1.Applicability != 0.72 || *r1.Score != 0.288 || r1.ShareSource != "occupation" {
		t.Errorf("R1 figures %+v", r1)
	}
	if !strings.Contains(r1.Project, "prepare correspondence") || r1.Measure == "" {
		t.Errorf("R1 project %q measure %q", r1.Project, r1.Measure)
	}

	// The person's own activity shares replace the occupation's weights.
	in.Answers = &certwise.Answers{Role: certwise.RoleAnswers{ActivityShares: map[string]float64{"A1": 3, "S1": 1, "H1": 1, "P1": 1}}}
	out = advise(t, New(f, f, nil), in)
	if got := iwas(out.NextSteps[0].Activities); !equal(got, []string{"A1", "S1", "P1"}) {
		t.Errorf("with own shares: %v, want A1 S1 P1", got)
	}
	if out.NextSteps[0].Activities[0].ShareSource != "activity_shares" || out.NextSteps[0].Activities[0].Share != 0.5 {
		t.Errorf("own share not normalized: %+v", out.NextSteps[0].Activities[0])
	}
}

func TestApplyFirstFollowsTheData(t *testing.T) {
	t.Parallel()
	f := newFake()
	clerk := *f.occs["99-0001.00"]
	// Analysis becomes the clerk's heaviest activity.
	clerk.Activities = append([]certwise.Activity(nil), clerk.Activities...)
	clerk.Activities[3].Weight = 0.9
	out := advise(t, New(f, f, nil), certwise.AdviceInput{Verdict: certwise.VerdictApplyFirst, Occupation: &clerk, Level: certwise.ExposureHigh})
	if got := iwas(out.NextSteps[0].Activities); !equal(got, []string{"R1", "A1", "R2"}) {
		t.Errorf("after raising A1's weight: %v, want R1 A1 R2", got)
	}
	// AI stops completing correspondence: R1 drops out of the lead.
	f.acts["R1"] = figures("R1", "Prepare correspondence.", certwise.Reporting, 0.01, 0.01)
	out = advise(t, New(f, f, nil), certwise.AdviceInput{Verdict: certwise.VerdictApplyFirst, Occupation: f.occs["99-0001.00"], Level: certwise.ExposureHigh})
	if got := iwas(out.NextSteps[0].Activities); got[0] != "R2" {
		t.Errorf("after lowering R1's completion: %v, want R2 first", got)
	}
	// Without a lister the figures are looked up one by one, with the same result.
	out2 := advise(t, New(f, nil, nil), certwise.AdviceInput{Verdict: certwise.VerdictApplyFirst, Occupation: f.occs["99-0001.00"], Level: certwise.ExposureHigh})
	if !equal(iwas(out.NextSteps[0].Activities), iwas(out2.NextSteps[0].Activities)) {
		t.Errorf("lister and lookup disagree: %v vs %v", iwas(out.NextSteps[0].Activities), iwas(out2.NextSteps[0].Activities))
	}
}

func TestReassessTargets(t *testing.T) {
	t.Parallel()
	f := newFake()
	rec := &fakeRecommender{}
	in := certwise.AdviceInput{Verdict: certwise.VerdictReassessPosition, Occupation: f.occs["99-0001.00"],
		Level: certwise.ExposureStructural, Answers: &certwise.Answers{CapabilityGap: "prompting"}}
	out := advise(t, New(f, f, rec), in)
	if out.RoleType != certwise.RoleTypeCompressible {
		t.Errorf("role type %s", out.RoleType)
	}
	s := out.NextSteps[0]
	if got := codes(s.Targets); !equal(got, []string{"99-0002.00", "99-0005.00"}) {
		t.Fatalf("targets %v, want 99-0002.00 99-0005.00", got)
	}
	adv := s.Targets[0]
	if !equal(adv.Via, []string{"onet_related", "shared_activities"}) || adv.Overlap != 0.4 {
		t.Errorf("advisor target: via %v overlap %v", adv.Via, adv.Overlap)
	}
	if adv.ExposureLevel != certwise.ExposureModerate || *adv.ProjectedGrowthPct != 8 || *adv.JobZone != 3 || *adv.MedianWage != 40000 || *adv.CompressibleShare != 0.3 {
		t.Errorf("advisor target figures %+v", adv)
	}
	if len(adv.SharedActivities) != 3 || adv.SharedActivities[0].IWA != "R1" || adv.SharedActivities[0].TargetWeight != 0.2 {
		t.Errorf("shared activities %+v", adv.SharedActivities)
	}
	if len(adv.Certifications) != 1 || adv.Certifications[0].ID != "cert-for-99-0002.00" {
		t.Errorf("target certifications %+v", adv.Certifications)
	}
	if r := rec.reqs[0]; r.RoleCode != "" || r.Gap != "" || r.TargetCode != "99-0002.00" || r.Top != certsPerTarget {
		t.Errorf("recommend request %+v", rec.reqs[0])
	}
	if !equal(s.Targets[1].Via, []string{"shared_activities"}) {
		t.Errorf("auditor via %v", s.Targets[1].Via)
	}
	if len(out.NextSteps) != 2 || out.NextSteps[1].Kind != certwise.NextStepTargetCerts || len(out.NextSteps[1].Certifications) != 2 {
		t.Fatalf("certification step: %+v", out.NextSteps)
	}
	if why := out.NextSteps[1].Certifications[0].Why; !strings.Contains(strings.Join(why, " "), "Fake Advisor") {
		t.Errorf("certification why %v", why)
	}
}

func TestReassessFollowsTheData(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		mutate   func(f *fakeData)
		want     []string
		outside  map[string]string // code -> the one bound it misses
		caveated string            // a code whose caveat must name this text
	}{
		{"as built", func(f *fakeData) {}, []string{"99-0002.00", "99-0005.00"}, nil, "one job zone more preparation"},
		{"advisor turns structural", func(f *fakeData) { f.occs["99-0002.00"].ExposureLevel = certwise.ExposureStructural }, []string{"99-0005.00"}, nil, ""},
		{"advisor pays less", func(f *fakeData) { f.occs["99-0002.00"].MedianWage = f64(35000) }, []string{"99-0005.00", "99-0002.00"},
			map[string]string{"99-0002.00": certwise.BoundMedianWage}, "pays less"},
		{"advisor pays far less", func(f *fakeData) { f.occs["99-0002.00"].MedianWage = f64(20000) }, []string{"99-0005.00"}, nil, ""},
		{"auditor needs more preparation", func(f *fakeData) { f.occs["99-0005.00"].JobZone = intp(4) }, []string{"99-0002.00", "99-0005.00"},
			map[string]string{"99-0005.00": certwise.BoundJobZone}, "needs more preparation"},
		{"auditor far off", func(f *fakeData) { f.occs["99-0005.00"].JobZone = intp(5) }, []string{"99-0002.00"}, nil, ""},
		{"typist less compressible", func(f *fakeData) { f.occs["99-0003.00"].CompressibleShare = f64(0.6) },
			[]string{"99-0003.00", "99-0002.00", "99-0005.00"}, nil, ""},
		{"related list dropped", func(f *fakeData) { f.occs["99-0001.00"].Related = nil }, []string{"99-0002.00", "99-0005.00"}, nil, ""},
	}
	for _, tt := range tests {
		f := newFake()
		tt.mutate(f)
		out := advise(t, New(f, f, nil), certwise.AdviceInput{Verdict: certwise.VerdictReassessPosition,
			Occupation: f.occs["99-0001.00"], Level: certwise.ExposureStructural})
		s := out.NextSteps[0]
		if got := codes(s.Targets); !equal(got, tt.want) {
			t.Errorf("%s: targets %v, want %v", tt.name, got, tt.want)
		}
		for _, tg := range s.Targets {
			bound, out := tt.outside[tg.Code]
			if out != (tg.Status == certwise.MoveOutsideBounds) || (out && !equal(tg.OutsideBounds, []string{bound})) {
				t.Errorf("%s: %s status %s, outside %v; want outside %q", tt.name, tg.Code, tg.Status, tg.OutsideBounds, bound)
			}
			if out && len(tg.Caveats) == 0 {
				t.Errorf("%s: %s outside its bounds without a caveat", tt.name, tg.Code)
			}
		}
		if tt.caveated != "" && !strings.Contains(fmt.Sprint(s.Targets), tt.caveated) {
			t.Errorf("%s: no caveat says %q: %+v", tt.name, tt.caveated, s.Targets)
		}
		if s.MoveBounds == nil || s.MoveBounds.MinOverlap != 0.2 || s.MoveBounds.MinWageRatio != 0.9 || *s.MoveBounds.JobZone != 2 {
			t.Errorf("%s: bounds %+v", tt.name, s.MoveBounds)
		}
		if len(out.NextSteps) != 1 {
			t.Errorf("%s: a certification step without a recommender", tt.name)
		}
	}
}

func TestReassessWithoutTargets(t *testing.T) {
	t.Parallel()
	f := newFake()
	for code, o := range f.occs {
		if code != "99-0001.00" {
			o.ExposureLevel = certwise.ExposureStructural
		}
	}
	out := advise(t, New(f, f, nil), certwise.AdviceInput{Verdict: certwise.VerdictReassessPosition,
		Occupation: f.occs["99-0001.00"], Level: certwise.ExposureStructural, WorkMix: f.occs["99-0001.00"].WorkMix})
	s := out.NextSteps[0]
	if len(s.Targets) != 0 || s.Evidence["candidates_examined"] != 5 || !strings.Contains(s.Why, "5 occupations") ||
		!strings.Contains(s.Action, "Deepen your current role") {
		t.Errorf("no-target step %+v", s)
	}
	// The steps that follow say how to deepen the role.
	if len(out.NextSteps) < 2 || out.NextSteps[1].Kind != certwise.NextStepHandOff || out.NextSteps[len(out.NextSteps)-1].Kind != certwise.NextStepShiftWork {
		t.Errorf("no deepening steps after the empty move step: %+v", out.NextSteps)
	}
	// No occupation and no activity shares: nothing to examine.
	out = advise(t, New(f, f, nil), certwise.AdviceInput{Verdict: certwise.VerdictReassessPosition, Level: certwise.ExposureHigh})
	if !strings.Contains(out.NextSteps[0].Why, "occupation code") {
		t.Errorf("no-data why %q", out.NextSteps[0].Why)
	}
}

func TestRedesignShiftsTowardOwnership(t *testing.T) {
	t.Parallel()
	f := newFake()
	clerk := f.occs["99-0001.00"]
	out := advise(t, New(f, f, nil), certwise.AdviceInput{Verdict: certwise.VerdictRedesignRoleFirst,
		Occupation: clerk, Level: certwise.ExposureHigh, WorkMix: clerk.WorkMix})
	if out.NextSteps[0].Kind != certwise.NextStepHandOff || !equal(iwas(out.NextSteps[0].Activities), []string{"R1", "R2", "C1"}) {
		t.Fatalf("hand-off step %+v", out.NextSteps[0])
	}
	want := map[certwise.WorkClass]struct {
		points float64
		acts   []string
	}{
		certwise.Analysis:     {0.1, []string{"A1"}},
		certwise.Relationship: {0.1, []string{"P1"}},
		certwise.SystemDesign: {0.05, []string{"S1"}},
	}
	total := 0.0
	for _, s := range out.NextSteps[1:] {
		if s.Kind != certwise.NextStepShiftWork || s.Shift == nil {
			t.Fatalf("shift step %+v", s)
		}
		w, ok := want[s.Shift.To]
		if !ok || math.Abs(s.Shift.MovePoints-w.points) > 1e-9 || !equal(iwas(s.Activities), w.acts) {
			t.Errorf("shift to %s: %v points via %v", s.Shift.To, s.Shift.MovePoints, iwas(s.Activities))
		}
		if s.Shift.CompressibleNow != 0.7 {
			t.Errorf("compressible now %v", s.Shift.CompressibleNow)
		}
		total += s.Shift.MovePoints
	}
	if len(out.NextSteps) != 4 || math.Abs(total-0.25) > 1e-9 {
		t.Errorf("%d steps moving %v in total, want 4 steps and 0.25 (0.70 down to 0.45)", len(out.NextSteps), total)
	}

	// More analysis work in the occupation pulls more of the shift there.
	clerk2 := *clerk
	clerk2.WorkMix = certwise.WorkMix{certwise.Reporting: 0.6, certwise.Coordination: 0.1, certwise.Analysis: 0.25, certwise.Relationship: 0.05}
	out = advise(t, New(f, f, nil), certwise.AdviceInput{Verdict: certwise.VerdictRedesignRoleFirst, Occupation: &clerk2, Level: certwise.ExposureHigh})
	if s := out.NextSteps[1]; s.Shift.To != certwise.Analysis || s.Shift.MovePoints != 0.21 {
		t.Errorf("first shift after the change: %s %v", s.Shift.To, s.Shift.MovePoints)
	}
}

func TestPursueTotalsAndPairedProject(t *testing.T) {
	t.Parallel()
	f := newFake()
	recs := []certwise.Recommendation{
		{ID: "a", CostUSD: f64(150), CostVerified: true, PrepHours: f64(20)},
		{ID: "b", CostUSD: nil, PrepHours: f64(12.5)},
		{ID: "c", CostUSD: f64(99), PrepHours: nil},
	}
	for _, v := range []certwise.VerdictID{certwise.VerdictPursue, certwise.VerdictPursueForSignal} {
		out := advise(t, New(f, f, nil), certwise.AdviceInput{Verdict: v, Occupation: f.occs["99-0001.00"],
			Level: certwise.ExposureHigh, Leverage: v == certwise.VerdictPursue, Recommendations: recs})
		s := out.NextSteps[0]
		if s.Kind != certwise.NextStepCertifications || *s.TotalCostUSD != 249 || s.CostUnpriced != 1 || *s.TotalHours != 32.5 || len(s.Certifications) != 3 {
			t.Errorf("%s: certification step %+v", v, s)
		}
		if !strings.Contains(s.Action, "$249 for 2 of 3 (1 unpriced; 1 of the prices reported, unverified)") {
			t.Errorf("%s: action %q", v, s.Action)
		}
		p := out.NextSteps[1]
		if p.Kind != certwise.NextStepPairedProject || len(p.Activities) != 1 || p.Activities[0].IWA != "R1" || p.Activities[0].Project == "" {
			t.Errorf("%s: paired project %+v", v, p)
		}
		if (v == certwise.VerdictPursueForSignal) != strings.Contains(p.Why, "promotions") {
			t.Errorf("%s: why %q", v, p.Why)
		}
	}
	out := advise(t, New(f, f, nil), certwise.AdviceInput{Verdict: certwise.VerdictPursue, Level: certwise.ExposureHigh})
	if out.NextSteps[0].TotalCostUSD != nil || out.NextSteps[1].Activities != nil {
		t.Errorf("no recommendations and no occupation: %+v", out.NextSteps)
	}
}

func TestOpenQuestions(t *testing.T) {
	t.Parallel()
	f := newFake()
	a := New(f, f, nil)
	out := advise(t, a, certwise.AdviceInput{Verdict: certwise.VerdictClarifyFirst, Level: certwise.ExposureUnknown,
		OpenConditions: []string{"exposure_understood", "trajectory_defined"},
		OpenQuestions: []certwise.Question{
			{ID: "target_role", Question: "Does the credential map to a role you want?", Status: "open"},
			{ID: "gap", Question: "Which gap?", Status: "clear"},
			{ID: "authority", Question: "Will it widen what you own?", Answer: "You expect knowledge only.", Status: "weak"},
			{ID: "positioning", Question: "Shield or advance?", Status: "open"},
		}})
	s := out.NextSteps[0]
	if s.Kind != certwise.NextStepQuestions || len(s.Questions) != 4 {
		t.Fatalf("questions %q", s.Questions)
	}
	if !strings.Contains(s.Questions[0], "O*NET code") || !strings.Contains(s.Questions[1], "Which role") ||
		s.Questions[2] != "Will it widen what you own? (so far: You expect knowledge only)" || s.Questions[3] != "Shield or advance?" {
		t.Errorf("questions %q", s.Questions)
	}
	out = advise(t, a, certwise.AdviceInput{Verdict: certwise.VerdictAvoid, Answers: &certwise.Answers{
		Motives: []certwise.Motive{certwise.MotiveFollowHeadlines}}})
	if q := out.NextSteps[0].Questions; len(q) != 2 || !strings.Contains(q[0], "capability gap") || !strings.Contains(q[1], "not do today") {
		t.Errorf("avoid questions %q", q)
	}
	out = advise(t, a, certwise.AdviceInput{Verdict: certwise.VerdictAvoid, Answers: &certwise.Answers{
		Motives: []certwise.Motive{certwise.MotiveReduceAnxiety, certwise.MotiveCapabilityGap}, CapabilityGap: "SQL"}})
	if q := out.NextSteps[0].Questions; len(q) != 0 {
		t.Errorf("avoid with a named gap still asks %q", q)
	}
}

func TestUnknownVerdict(t *testing.T) {
	t.Parallel()
	f := newFake()
	_, err := New(f, f, nil).Advise(context.Background(), certwise.AdviceInput{Verdict: "maybe"})
	if certwise.ErrorCode(err) != certwise.EINVALID || certwise.ErrorField(err) != "verdict" {
		t.Fatalf("err = %v", err)
	}
}

func TestNextStepJSONNames(t *testing.T) {
	t.Parallel()
	f := newFake()
	out := advise(t, New(f, f, &fakeRecommender{}), certwise.AdviceInput{Verdict: certwise.VerdictReassessPosition,
		Occupation: f.occs["99-0001.00"], Level: certwise.ExposureStructural})
	b, err := json.Marshal(out.NextSteps)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{`"kind":"transition_targets"`, `"targets"`, `"exposure_level"`, `"compressible_share"`,
		`"projected_growth_pct"`, `"median_wage"`, `"job_zone"`, `"shared_activities"`, `"target_weight"`, `"certifications"`} {
		if !strings.Contains(string(b), name) {
			t.Errorf("JSON lacks %s: %s", name, b)
		}
	}
}

func TestActivityPhrase(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"Prepare financial documents.": "prepare financial documents",
		"CPR certify staff.":           "CPR certify staff",
		"  ":                           "do this work",
	} {
		if got := activityPhrase(in); got != want {
			t.Errorf("activityPhrase(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWithoutOccupation(t *testing.T) {
	t.Parallel()
	f := newFake()
	a := New(f, f, nil)
	// No occupation, no activity shares: a general step that says what to give.
	out := advise(t, a, certwise.AdviceInput{Verdict: certwise.VerdictApplyFirst, Level: certwise.ExposureHigh})
	if s := out.NextSteps[0]; len(s.Activities) != 0 || !strings.Contains(s.Why, "activity_shares") {
		t.Errorf("apply_first without data: %+v", s)
	}
	// Own activity shares without an occupation: projects, targets and
	// carriers come from them.
	ans := &certwise.Answers{Role: certwise.RoleAnswers{ActivityShares: map[string]float64{"R2": 5, "A1": 3, "P1": 2, "X9": 1}}}
	mix := certwise.WorkMix{certwise.Reporting: 0.6, certwise.Analysis: 0.3, certwise.Relationship: 0.1}
	out = advise(t, a, certwise.AdviceInput{Verdict: certwise.VerdictApplyFirst, Level: certwise.ExposureHigh, Answers: ans})
	if got := iwas(out.NextSteps[0].Activities); !equal(got, []string{"R2", "A1", "P1"}) {
		t.Errorf("projects from own shares: %v (X9 has no figures)", got)
	}
	out = advise(t, a, certwise.AdviceInput{Verdict: certwise.VerdictReassessPosition, Level: certwise.ExposureHigh, Answers: ans, WorkMix: mix})
	// Without an occupation there are no skills to compare, so the architect
	// (20% shared work, not related) is left out: only moves sharing 30%.
	if got := codes(out.NextSteps[0].Targets); !equal(got, []string{"99-0005.00", "99-0002.00"}) {
		t.Errorf("targets from own shares: %v", got)
	}
	out = advise(t, a, certwise.AdviceInput{Verdict: certwise.VerdictRedesignRoleFirst, Level: certwise.ExposureHigh, Answers: ans, WorkMix: mix})
	var to []string
	for _, s := range out.NextSteps[1:] {
		to = append(to, string(s.Shift.To)+":"+strings.Join(iwas(s.Activities), "+"))
	}
	if !equal(to, []string{"analysis:A1", "relationship:P1"}) {
		t.Errorf("shifts from own mix: %v", to)
	}
}
