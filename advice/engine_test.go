package advice

import (
	"context"
	"testing"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/catalog"
	"github.com/certwise/certwise/rules"
)

// TestEngineUsesAdvice runs the decision engine with the advisor wired in, on
// real occupations, and checks that every verdict comes back with the
// advisor's data-backed steps and role type.
func TestEngineUsesAdvice(t *testing.T) {
	m := realData(t)
	cat, err := catalog.Load()
	if err != nil {
		t.Fatalf("load the catalog: %v", err)
	}
	eng := rules.New(nil, rules.Deps{Data: m, Catalog: cat, Advisor: New(m, m, cat)})
	gap := []certwise.Motive{certwise.MotiveCapabilityGap}
	tests := []struct {
		name     string
		a        certwise.Answers
		verdict  certwise.VerdictID
		kind     string
		roleType certwise.RoleType
	}{
		{"correspondence clerk", certwise.Answers{
			Role: certwise.RoleAnswers{Occupation: "43-4021.00"}, Motives: gap, CapabilityGap: "writing prompts",
		}, certwise.VerdictReassessPosition, certwise.NextStepTransition, certwise.RoleTypeCompressible},
		{"registered nurse, untested", certwise.Answers{
			Role: certwise.RoleAnswers{Occupation: "29-1141.00"}, Motives: gap, CapabilityGap: "clinical documentation with AI",
		}, certwise.VerdictApplyFirst, certwise.NextStepAppliedProjects, certwise.RoleTypeAIEnhanced},
		{"bookkeeper judging exposure moderate", certwise.Answers{
			Role:     certwise.RoleAnswers{Occupation: "43-3031.00", ExposureSelfAssessed: certwise.ExposureModerate},
			Position: certwise.Position{HasTestedAIInRole: true}, Motives: gap, CapabilityGap: "spreadsheet automation",
		}, certwise.VerdictRedesignRoleFirst, certwise.NextStepHandOff, certwise.RoleTypeCompressible},
		{"software developer with a target", certwise.Answers{
			Role:       certwise.RoleAnswers{Occupation: "15-1252.00"},
			Position:   certwise.Position{HasTestedAIInRole: true, OwnsMeasurableOutcomes: true, ExpandingIntoSystemDesign: true},
			Motives:    []certwise.Motive{certwise.MotiveCapabilityGap, certwise.MotiveRoleTransition},
			TargetRole: &certwise.TargetRole{Occupation: "15-1299.08"}, CapabilityGap: "deploy ML models",
			// The five questions weigh (issue 13): authority and stance answered.
			ExpectedAuthorityGain: certwise.AuthoritySome, Positioning: certwise.Offensive,
		}, certwise.VerdictPursue, certwise.NextStepCertifications, certwise.RoleTypeAIEnhanced},
		{"headlines", certwise.Answers{
			Role: certwise.RoleAnswers{Occupation: "29-1141.00"}, Motives: []certwise.Motive{certwise.MotiveFollowHeadlines},
		}, certwise.VerdictAvoid, certwise.NextStepQuestions, certwise.RoleTypeAIEnhanced},
	}
	for _, tt := range tests {
		ev, err := eng.Evaluate(context.Background(), tt.a)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if ev.Verdict != tt.verdict {
			t.Errorf("%s: verdict %s (rule %s), want %s", tt.name, ev.Verdict, ev.Rule, tt.verdict)
			continue
		}
		if len(ev.NextSteps) == 0 || ev.NextSteps[0].Kind != tt.kind {
			t.Errorf("%s: next steps %+v, want the first of kind %s", tt.name, ev.NextSteps, tt.kind)
		}
		if ev.Exposure.RoleType != tt.roleType || ev.Exposure.RoleTypeBasis == "" {
			t.Errorf("%s: role type %s (%q), want %s", tt.name, ev.Exposure.RoleType, ev.Exposure.RoleTypeBasis, tt.roleType)
		}
		for _, r := range ev.Reasons {
			if r.Fact == "next_steps" {
				t.Errorf("%s: the engine fell back to general steps: %s", tt.name, r.Evidence)
			}
		}
	}
}
