package rules

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/certwise/certwise"
)

// pursuer is an engineer expanding into system design with a target role:
// every condition holds.
func pursuer() certwise.Answers {
	return certwise.Answers{
		Role:          certwise.RoleAnswers{Title: "Backend developer", Occupation: "15-1252.00"},
		Position:      certwise.Position{ExpandingIntoSystemDesign: true, HasTestedAIInRole: true},
		Motives:       []certwise.Motive{certwise.MotiveCapabilityGap, certwise.MotiveRoleTransition},
		CapabilityGap: "designing retrieval systems",
		TargetRole:    &certwise.TargetRole{Title: "Software architect", Occupation: "15-1299.08"},
		Positioning:   certwise.Offensive,
	}
}

func engine() *Engine {
	return New(nil, Deps{Data: newFakeData(), Titles: fakeTitles{}, Catalog: &fakeCatalog{}, Advisor: &fakeAdvisor{}})
}

// evaluateEdited evaluates the pursuer's answers after edit, failing the test
// on an error.
func evaluateEdited(t *testing.T, e *Engine, edit func(*certwise.Answers)) *certwise.Evaluation {
	t.Helper()
	a := pursuer()
	edit(&a)
	ev, err := e.Evaluate(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	return ev
}

func TestRules(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(a *certwise.Answers)
		rule    string
		verdict certwise.VerdictID
		reason  string // a fact or text the reasons must mention
	}{
		{"all conditions", func(a *certwise.Answers) {}, "all-conditions", certwise.VerdictPursue, "trajectory_defined"},
		{"no motives", func(a *certwise.Answers) { a.Motives = nil }, "conditions-unmet", certwise.VerdictClarifyFirst, ""},
		{"nothing answered", func(a *certwise.Answers) { *a = certwise.Answers{} }, "nothing-answered", certwise.VerdictClarifyFirst, ""},
		{"only invalid motives", func(a *certwise.Answers) {
			a.Motives = []certwise.Motive{certwise.MotiveSignalActivity, certwise.MotiveCompensatePositioning}
		}, "no-valid-motive", certwise.VerdictAvoid, "signal_activity"},
		{"self-assessed structural", func(a *certwise.Answers) {
			a.Role.ExposureSelfAssessed = certwise.ExposureStructural
			a.Motives = []certwise.Motive{certwise.MotiveCapabilityGap}
		}, "structural-exposure", certwise.VerdictReassessPosition, "rated your exposure structural"},
		{"structural from data", func(a *certwise.Answers) {
			a.Role.Occupation = "13-2011.00"
			a.Position = certwise.Position{HasTestedAIInRole: true}
			a.TargetRole = nil
		}, "structural-exposure", certwise.VerdictReassessPosition, "compressible share 60%"},
		{"compressing industry", func(a *certwise.Answers) {
			a.Industry.CompressingBusinessModel = true
			a.Motives = []certwise.Motive{certwise.MotiveCapabilityGap}
		}, "structural-exposure", certwise.VerdictReassessPosition, "business model compressing: yes"},
		{"media panic", func(a *certwise.Answers) {
			a.Motives = []certwise.Motive{certwise.MotiveIndustryShift, certwise.MotiveFollowHeadlines}
			a.CapabilityGap = ""
		}, "mixed-motives", certwise.VerdictClarifyFirst, "follow_headlines"},
		{"untested", func(a *certwise.Answers) { a.Position.HasTestedAIInRole = false }, "untested-in-role", certwise.VerdictApplyFirst, "tested_ai"},
		{"exposure unknown", func(a *certwise.Answers) { a.Role = certwise.RoleAnswers{} }, "exposure-unknown", certwise.VerdictClarifyFirst, "exposure unknown"},
		{"compressible role", func(a *certwise.Answers) {
			a.Role.ExposureSelfAssessed = certwise.ExposureModerate
			a.Role.WorkMix = certwise.WorkMix{certwise.Reporting: 0.5, certwise.Coordination: 0.2, certwise.Analysis: 0.3}
			a.Position = certwise.Position{HasTestedAIInRole: true}
		}, "compressible-role", certwise.VerdictRedesignRoleFirst, "reporting + coordination = 70%"},
		{"signaling", func(a *certwise.Answers) {
			a.Position = certwise.Position{HasTestedAIInRole: true}
			a.Organization.PromotionRewardsCredentials = true
		}, "signaling-environment", certwise.VerdictPursueForSignal, "promotions reward credentials"},
		{"no leverage", func(a *certwise.Answers) { a.Position = certwise.Position{HasTestedAIInRole: true} }, "no-leverage", certwise.VerdictApplyFirst, "none of: owns measurable outcomes"},
		{"no target role", func(a *certwise.Answers) { a.TargetRole = nil }, "conditions-unmet", certwise.VerdictClarifyFirst, "no target role and no direction chosen"},
		{"panic with a gap named", func(a *certwise.Answers) {
			a.Motives = append(a.Motives, certwise.MotiveReduceAnxiety)
		}, "mixed-motives", certwise.VerdictClarifyFirst, "reduce_anxiety"},
		{"all motives", func(a *certwise.Answers) { a.Motives = append([]certwise.Motive(nil), certwise.Motives...) }, "mixed-motives", certwise.VerdictClarifyFirst, "signal_activity"},
		{"all motives no gap", func(a *certwise.Answers) {
			a.Motives = append([]certwise.Motive(nil), certwise.Motives...)
			a.CapabilityGap = "  "
		}, "mixed-motives", certwise.VerdictClarifyFirst, "compensate_positioning"},
		{"structural data but owns outcomes", func(a *certwise.Answers) {
			a.Role.Occupation = "13-2011.00"
			a.Position = certwise.Position{OwnsMeasurableOutcomes: true, HasTestedAIInRole: true}
		}, "all-conditions", certwise.VerdictPursue, ""},
		{"structural with a defined transition", func(a *certwise.Answers) {
			a.Role.ExposureSelfAssessed = certwise.ExposureStructural
		}, "all-conditions", certwise.VerdictPursue, ""},
		{"structural self-assessment without transition motive", func(a *certwise.Answers) {
			a.Role.ExposureSelfAssessed = certwise.ExposureStructural
			a.Motives = []certwise.Motive{certwise.MotiveCapabilityGap}
		}, "structural-exposure", certwise.VerdictReassessPosition, "defined_transition"},
		{"conflicting: low self, structural data", func(a *certwise.Answers) {
			a.Role.Occupation = "13-2011.00"
			a.Role.ExposureSelfAssessed = certwise.ExposureLow
			a.Position = certwise.Position{HasTestedAIInRole: true}
		}, "no-leverage", certwise.VerdictApplyFirst, ""},
		{"title match", func(a *certwise.Answers) { a.Role.Occupation = "" }, "all-conditions", certwise.VerdictPursue, ""},
		{"ambiguous title", func(a *certwise.Answers) { a.Role = certwise.RoleAnswers{Title: "analyst"} }, "exposure-unknown", certwise.VerdictClarifyFirst, "matches no occupation confidently"},
		{"activity shares", func(a *certwise.Answers) {
			a.Role = certwise.RoleAnswers{ExposureSelfAssessed: certwise.ExposureHigh, ActivityShares: map[string]float64{"4.A.3.b.6.I01": 3, "4.A.4.a.2.I03": 1, "4.A.2.b.2.I05": 1}}
			a.Position = certwise.Position{HasTestedAIInRole: true}
			a.Motives = []certwise.Motive{certwise.MotiveCapabilityGap}
		}, "structural-exposure", certwise.VerdictReassessPosition, "compressible share 80%"},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := evaluateEdited(t, engine(), tt.edit)
			if ev.Rule != tt.rule || ev.Verdict != tt.verdict {
				t.Fatalf("got %s/%s, want %s/%s\n%s", ev.Rule, ev.Verdict, tt.rule, tt.verdict, dump(ev))
			}
			if tt.reason != "" && !strings.Contains(dump(ev.Reasons), tt.reason) {
				t.Errorf("reasons do not mention %q:\n%s", tt.reason, dump(ev.Reasons))
			}
			checkShape(t, ev)
			seen[ev.Rule] = true
		})
	}
	for _, r := range Default().Rules {
		if !seen[r.ID] {
			t.Errorf("no test fires rule %s", r.ID)
		}
	}
}

// checkShape asserts what every evaluation must carry.
func checkShape(t *testing.T, ev *certwise.Evaluation) {
	t.Helper()
	if ev.Headline == "" || len(ev.Reasons) < 2 || ev.Reasons[0].Rule != ev.Rule {
		t.Errorf("headline or reasons missing: %s", dump(ev))
	}
	if len(ev.Questions) != 5 {
		t.Errorf("%d questions, want 5", len(ev.Questions))
	}
	for _, q := range ev.Questions {
		if q.Answer == "" || (q.Status != statusClear && q.Status != statusWeak && q.Status != statusOpen) {
			t.Errorf("question %s: answer %q status %q", q.ID, q.Answer, q.Status)
		}
	}
	if len(ev.Alternatives) != 3 {
		t.Fatalf("%d alternatives, want 3", len(ev.Alternatives))
	}
	kinds := map[string]bool{}
	for i, x := range ev.Alternatives {
		if x.Rank != i+1 || x.Why == "" {
			t.Errorf("alternative %d: %+v", i, x)
		}
		kinds[x.Kind] = true
	}
	if len(kinds) != 3 {
		t.Errorf("alternative kinds: %v", kinds)
	}
	if len(ev.NextSteps) == 0 || len(ev.References) == 0 || ev.Recommendations == nil {
		t.Errorf("next steps, references or recommendations missing: %s", dump(ev))
	}
	if ev.Conditions.All() != (ev.Verdict == certwise.VerdictPursue) && ev.Rule == "all-conditions" {
		t.Errorf("pursue without all conditions")
	}
	if ev.Verdict == certwise.VerdictPursue && !ev.Conditions.All() {
		t.Errorf("pursue while a condition fails: %+v", ev.Conditions)
	}
	if (ev.Verdict == certwise.VerdictPursue || ev.Verdict == certwise.VerdictPursueForSignal) != (len(ev.Recommendations) > 0) {
		t.Errorf("verdict %s with %d recommendations", ev.Verdict, len(ev.Recommendations))
	}
}

func dump(v any) string {
	b, _ := json.MarshalIndent(v, "", "  ")
	return string(b)
}

func TestEvaluateDetails(t *testing.T) {
	ctx := context.Background()

	t.Run("exposure summary and disagreement", func(t *testing.T) {
		a := pursuer()
		a.Role.ExposureSelfAssessed = certwise.ExposureHigh
		ev, err := engine().Evaluate(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		x := ev.Exposure
		if x.Level != certwise.ExposureHigh || x.Source != "self_assessed" || x.DataLevel != certwise.ExposureModerate ||
			x.Disagreement == "" || x.Percentile == nil || *x.Percentile != 62 || x.OccupationTitle != "Software Developers" ||
			x.WorkMixSource != "occupation" || x.CompressibleShare == nil || *x.CompressibleShare != 0.2 {
			t.Errorf("exposure = %s", dump(x))
		}
		if !strings.Contains(dump(ev.Reasons), "exposure_disagreement") {
			t.Error("disagreement not in reasons")
		}
	})

	t.Run("unknown occupation names the field", func(t *testing.T) {
		a := pursuer()
		a.Role.Occupation = "99-9999.00"
		_, err := engine().Evaluate(ctx, a)
		if certwise.ErrorCode(err) != certwise.EINVALID || certwise.ErrorField(err) != "role.occupation" {
			t.Errorf("err = %v", err)
		}
	})

	t.Run("unknown target occupation names the field", func(t *testing.T) {
		a := pursuer()
		a.TargetRole.Occupation = "11-1111.11"
		_, err := engine().Evaluate(ctx, a)
		if certwise.ErrorCode(err) != certwise.EINVALID || certwise.ErrorField(err) != "target_role.occupation" {
			t.Errorf("err = %v", err)
		}
	})

	t.Run("unknown activity names the key", func(t *testing.T) {
		a := pursuer()
		a.Role.ActivityShares = map[string]float64{"4.A.9.z.9.I99": 1}
		_, err := engine().Evaluate(ctx, a)
		if certwise.ErrorField(err) != "role.activity_shares.4.A.9.z.9.I99" {
			t.Errorf("err = %v (field %q)", err, certwise.ErrorField(err))
		}
	})

	t.Run("invalid answers", func(t *testing.T) {
		a := pursuer()
		a.Organization.AIAdoptionPhase = "hype"
		_, err := engine().Evaluate(ctx, a)
		if certwise.ErrorField(err) != "organization.ai_adoption_phase" {
			t.Errorf("err = %v", err)
		}
	})

	t.Run("caller's answers untouched", func(t *testing.T) {
		a := pursuer()
		a.Role.WorkMix = certwise.WorkMix{certwise.Analysis: 2, certwise.Reporting: 2}
		if _, err := engine().Evaluate(ctx, a); err != nil {
			t.Fatal(err)
		}
		if a.Role.WorkMix[certwise.Analysis] != 2 {
			t.Errorf("work mix changed: %v", a.Role.WorkMix)
		}
	})

	t.Run("no dependencies", func(t *testing.T) {
		ev, err := New(nil, Deps{}).Evaluate(ctx, pursuer())
		if err != nil {
			t.Fatal(err)
		}
		// The code cannot be checked or scored, so exposure stays unknown.
		if ev.Rule != "exposure-unknown" || ev.Exposure.OccupationCode != "15-1252.00" {
			t.Errorf("rule %s, exposure %s", ev.Rule, dump(ev.Exposure))
		}
		r := dump(ev.Reasons)
		for _, want := range []string{"no occupation data is connected", "no advice module is connected"} {
			if !strings.Contains(r, want) {
				t.Errorf("reasons do not say %q:\n%s", want, r)
			}
		}
		a := pursuer()
		a.Role.ExposureSelfAssessed = certwise.ExposureModerate
		ev, err = New(nil, Deps{}).Evaluate(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		if ev.Verdict != certwise.VerdictPursue || len(ev.Recommendations) != 0 || !strings.Contains(dump(ev.Reasons), "no certification catalog") {
			t.Errorf("without a catalog: %s", dump(ev))
		}
	})

	t.Run("recommender gets the request", func(t *testing.T) {
		rec := &fakeCatalog{}
		a := pursuer()
		a.Certification = &certwise.CertificationChoice{Name: "x", Skills: []string{"rag"}}
		ev, err := New(nil, Deps{Data: newFakeData(), Catalog: rec}).Evaluate(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		if rec.calls != 1 || rec.last.TargetCode != "15-1299.08" || rec.last.RoleCode != "15-1252.00" || rec.last.Gap != a.CapabilityGap || len(rec.last.Skills) != 1 {
			t.Errorf("request = %+v", rec.last)
		}
		if len(ev.Recommendations) != 1 {
			t.Errorf("recommendations = %v", ev.Recommendations)
		}
	})

	t.Run("recommender not called for other verdicts, failure reported", func(t *testing.T) {
		rec := &fakeCatalog{err: errBroken}
		a := pursuer()
		a.Position.HasTestedAIInRole = false
		if _, err := New(nil, Deps{Data: newFakeData(), Catalog: rec}).Evaluate(ctx, a); err != nil || rec.calls != 0 {
			t.Errorf("calls = %d, err = %v", rec.calls, err)
		}
		ev, err := New(nil, Deps{Data: newFakeData(), Catalog: rec}).Evaluate(ctx, pursuer())
		if err != nil || !strings.Contains(dump(ev.Reasons), "could not rank") {
			t.Errorf("err = %v, reasons %s", err, dump(ev.Reasons))
		}
	})

	t.Run("advisor", func(t *testing.T) {
		adv := &fakeAdvisor{}
		a := pursuer()
		a.TargetRole = nil
		ev, err := New(nil, Deps{Data: newFakeData(), Advisor: adv}).Evaluate(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		if ev.Exposure.RoleType != certwise.RoleTypeAIEnhanced || ev.Exposure.RoleTypeBasis != "from the advisor" ||
			len(ev.NextSteps) != 1 || ev.NextSteps[0].Action != "advisor step for clarify_first" {
			t.Errorf("advice not used: %s", dump(ev))
		}
		adv.mu.Lock()
		in := adv.in
		adv.mu.Unlock()
		if in.Verdict != certwise.VerdictClarifyFirst || in.Occupation == nil || in.Occupation.Code != "15-1252.00" || !in.Leverage ||
			in.Level != certwise.ExposureModerate || fmt.Sprint(in.OpenConditions) != "[trajectory_defined]" || len(in.OpenQuestions) == 0 {
			t.Errorf("advice input = %+v", in)
		}
		adv.err = errBroken
		ev, err = New(nil, Deps{Data: newFakeData(), Advisor: adv}).Evaluate(ctx, a)
		if err != nil || len(ev.NextSteps) != 0 || ev.Exposure.RoleType != certwise.RoleTypeUnknown ||
			!strings.Contains(dump(ev.Reasons), "the role type and the next steps are unavailable") {
			t.Errorf("advisor failure: err %v, %s", err, dump(ev))
		}
		ev, err = New(nil, Deps{Data: newFakeData()}).Evaluate(ctx, a)
		if err != nil || len(ev.NextSteps) != 0 || ev.Exposure.RoleType != certwise.RoleTypeUnknown ||
			!strings.Contains(dump(ev.Reasons), "no advice module is connected") {
			t.Errorf("no advisor: err %v, %s", err, dump(ev))
		}
	})

	t.Run("references include sections and topics", func(t *testing.T) {
		a := pursuer()
		a.Motives = []certwise.Motive{certwise.MotiveFollowHeadlines}
		ev, err := engine().Evaluate(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		r := dump(ev.References)
		for _, want := range []string{"AI Career Strategy", "Reskill or Stay Put? A Rational Framework"} {
			if !strings.Contains(r, want) {
				t.Errorf("references lack %q: %s", want, r)
			}
		}
	})

	t.Run("alternatives follow the situation", func(t *testing.T) {
		a := pursuer()
		a.Position.HasTestedAIInRole = false
		ev, _ := engine().Evaluate(ctx, a)
		if ev.Alternatives[0].Kind != "applied_project" {
			t.Errorf("untested: first alternative %s", ev.Alternatives[0].Kind)
		}
		ev, _ = engine().Evaluate(ctx, pursuer())
		if ev.Alternatives[0].Kind != "certification" {
			t.Errorf("pursue: first alternative %s", dump(ev.Alternatives))
		}
	})

	t.Run("canceled context", func(t *testing.T) {
		c, cancel := context.WithCancel(ctx)
		cancel()
		if _, err := engine().Evaluate(c, pursuer()); err == nil {
			t.Error("no error on a canceled context")
		}
	})
}

// TestEveryRuleReachable evaluates a grid of answers covering every
// combination of the inputs the facts depend on, and checks that every rule
// of the rulebook decides at least once and never contradicts its verdict.
func TestEveryRuleReachable(t *testing.T) {
	e := engine()
	book := e.Rulebook()
	fired := map[string]int{}
	motiveSets := [][]certwise.Motive{nil, {certwise.MotiveSignalActivity}, {certwise.MotiveCapabilityGap},
		{certwise.MotiveCapabilityGap, certwise.MotiveFollowHeadlines}, {certwise.MotiveRoleTransition}}
	levels := []certwise.ExposureLevel{"", certwise.ExposureLow, certwise.ExposureModerate, certwise.ExposureHigh, certwise.ExposureStructural}
	mixes := []certwise.WorkMix{nil, {certwise.Reporting: 0.7, certwise.Analysis: 0.3}, {certwise.Analysis: 1}}
	ctx := context.Background()
	for _, ms := range motiveSets {
		for _, gap := range []string{"", "evaluation design"} {
			for _, lv := range levels {
				for _, occ := range []string{"", "13-2011.00"} {
					for _, mix := range mixes {
						for bits := range 1 << 7 {
							a := certwise.Answers{
								Role:          certwise.RoleAnswers{Occupation: occ, ExposureSelfAssessed: lv, WorkMix: mix},
								Position:      certwise.Position{OwnsMeasurableOutcomes: bits&1 != 0, ExpandingIntoSystemDesign: bits&2 != 0, HasTestedAIInRole: bits&4 != 0},
								Organization:  certwise.Organization{LeadershipValuesAILiteracy: bits&8 != 0},
								Industry:      certwise.Industry{CompressingBusinessModel: bits&16 != 0},
								Motives:       ms,
								CapabilityGap: gap,
							}
							if bits&32 != 0 {
								a.TargetRole = &certwise.TargetRole{Title: "Software architect", Occupation: "15-1299.08"}
							}
							if bits&64 != 0 {
								a.ExpectedAuthorityGain, a.Positioning = certwise.AuthorityClear, certwise.Offensive
							}
							ev, err := e.Evaluate(ctx, a)
							if err != nil {
								t.Fatal(err)
							}
							fired[ev.Rule]++
							if ev.Verdict == certwise.VerdictPursue && !ev.Conditions.All() {
								t.Fatalf("pursue with unmet conditions: %+v", a)
							}
						}
					}
				}
			}
		}
	}
	for _, r := range book.Rules {
		if fired[r.ID] == 0 {
			t.Errorf("rule %s is never reached", r.ID)
		}
	}
	t.Logf("rules fired: %v", fired)
}

func TestCertificationChoice(t *testing.T) {
	ctx := context.Background()
	e := New(nil, Deps{Data: newFakeData(), Catalog: &fakeCatalog{}})

	a := pursuer()
	a.Certification = &certwise.CertificationChoice{ID: "arch-pro"}
	ev, err := e.Evaluate(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	if q := ev.Questions[1]; q.Status != statusClear || !strings.Contains(q.Answer, "The catalog lists Architect Pro") {
		t.Errorf("target role question: %+v", q)
	}
	if !strings.Contains(ev.Questions[0].Answer, "Architect Pro covers: system design") {
		t.Errorf("gap question: %+v", ev.Questions[0])
	}
	if !strings.Contains(dump(ev.Reasons), "considering Architect Pro (P, professional): cost $300") {
		t.Errorf("reasons do not name the certification: %s", dump(ev.Reasons))
	}

	a.TargetRole.Occupation = "13-2011.00"
	ev, err = e.Evaluate(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	if q := ev.Questions[1]; q.Status != statusWeak || !strings.Contains(q.Answer, "does not list") {
		t.Errorf("mismatched target: %+v", q)
	}

	a.Certification = &certwise.CertificationChoice{ID: "arch-pr"}
	_, err = e.Evaluate(ctx, a)
	if certwise.ErrorCode(err) != certwise.EINVALID || certwise.ErrorField(err) != "certification.id" || !strings.Contains(err.Error(), "did you mean arch-pro") {
		t.Errorf("unknown id: %v", err)
	}

	a.Certification = &certwise.CertificationChoice{Name: "Vendor course", Skills: []string{"prompting"}}
	ev, err = e.Evaluate(ctx, a)
	if err != nil || !strings.Contains(ev.Questions[0].Answer, "Vendor course covers: prompting") {
		t.Errorf("custom certification: %v %+v", err, ev.Questions[0])
	}

	a.Certification = &certwise.CertificationChoice{ID: "arch-pro"}
	ev, err = New(nil, Deps{Data: newFakeData()}).Evaluate(ctx, a)
	if err != nil || !strings.Contains(dump(ev.Reasons), "could not be looked up") {
		t.Errorf("no catalog: %v %s", err, dump(ev.Reasons))
	}
}

// TestEvaluateConcurrently shares one engine and one set of answers between
// goroutines; run with -race it proves evaluation neither writes shared
// state nor the caller's answers.
func TestEvaluateConcurrently(t *testing.T) {
	e := engine()
	a := pursuer()
	a.Role.WorkMix = certwise.WorkMix{certwise.Analysis: 3, certwise.Reporting: 1}
	a.Role.ActivityShares = map[string]float64{"4.A.3.b.6.I01": 2}
	want, err := e.Evaluate(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			for range 50 {
				ev, err := e.Evaluate(context.Background(), a)
				if err == nil && (ev.Rule != want.Rule || dump(ev) != dump(want)) {
					err = fmt.Errorf("evaluation differs: %s", ev.Rule)
				}
				if err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

func TestPassedOverRules(t *testing.T) {
	ev, err := engine().Evaluate(context.Background(), pursuer())
	if err != nil {
		t.Fatal(err)
	}
	var passed []string
	for _, r := range ev.Reasons {
		if r.Rule != "" && r.Holds != nil && !*r.Holds {
			passed = append(passed, r.Rule)
			if !strings.HasPrefix(r.Evidence, "does not apply: ") {
				t.Errorf("%s: %q", r.Rule, r.Evidence)
			}
		}
	}
	if len(passed) != 1 || passed[0] != "no-valid-motive" {
		t.Errorf("passed over %v, want the avoid rule before all-conditions", passed)
	}
	want := "does not apply: all(motives_given, not valid_motive) is false (motives_given yes, valid_motive yes)"
	if !strings.Contains(dump(ev.Reasons), want) {
		t.Errorf("no-valid-motive not explained as %q:\n%s", want, dump(ev.Reasons))
	}
	if r := ev.Reasons[0]; r.Rule != "all-conditions" || r.Holds == nil || !*r.Holds {
		t.Errorf("first reason %+v", r)
	}
}
