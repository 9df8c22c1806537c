package rules

import (
	"strings"
	"testing"

	"github.com/certwise/certwise"
)

func TestQuestions(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(a *certwise.Answers)
		id     string
		status string
		says   string
	}{
		{"gap named", func(a *certwise.Answers) {}, "capability_gap", statusClear, "designing retrieval systems"},
		{"gap motive without words", func(a *certwise.Answers) { a.CapabilityGap = "" }, "capability_gap", statusOpen, "do not say which"},
		{"target with transition", func(a *certwise.Answers) {}, "target_role", statusClear, "Software architect"},
		{"transition without target", func(a *certwise.Answers) { a.TargetRole = nil }, "target_role", statusOpen, "name no target role"},
		{"clear authority", func(a *certwise.Answers) { a.ExpectedAuthorityGain = certwise.AuthorityClear }, "authority", statusClear, "clear gain"},
		{"some authority with leverage", func(a *certwise.Answers) { a.ExpectedAuthorityGain = certwise.AuthoritySome }, "authority", statusClear, "build on"},
		{"some authority without leverage", func(a *certwise.Answers) {
			a.ExpectedAuthorityGain = certwise.AuthoritySome
			a.Position = certwise.Position{HasTestedAIInRole: true}
		}, "authority", statusWeak, "no ownership"},
		{"knowledge only", func(a *certwise.Answers) { a.ExpectedAuthorityGain = certwise.AuthorityKnowledgeOnly }, "authority", statusWeak, "knowledge, not authority"},
		{"no authority", func(a *certwise.Answers) { a.ExpectedAuthorityGain = certwise.AuthorityNone }, "authority", statusWeak, "no gain"},
		{"authority unanswered", func(a *certwise.Answers) {}, "authority", statusOpen, "expanding into system design"},
		{"organization rewards", func(a *certwise.Answers) {
			a.Organization.PoliticsRewardFormalPrograms = true
			a.Industry.CredentialSensitive = true
		}, "organization", statusClear, "internal politics reward formal programs, credential-sensitive industry"},
		{"organization silent", func(a *certwise.Answers) {}, "organization", statusWeak, "Nothing in your answers"},
		{"offensive", func(a *certwise.Answers) {}, "positioning", statusClear, "Offensive"},
		{"defensive", func(a *certwise.Answers) { a.Positioning = certwise.Defensive }, "positioning", statusWeak, "Defensive"},
		{"positioning unanswered", func(a *certwise.Answers) { a.Positioning = "" }, "positioning", statusOpen, "Not answered"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := evaluateEdited(t, engine(), tt.edit)
			for _, q := range ev.Questions {
				if q.ID != tt.id {
					continue
				}
				if q.Status != tt.status || !strings.Contains(q.Answer, tt.says) {
					t.Errorf("%s: status %s, answer %q; want %s saying %q", q.ID, q.Status, q.Answer, tt.status, tt.says)
				}
				return
			}
			t.Errorf("no question %s", tt.id)
		})
	}
}

func TestAlternativesRanking(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(a *certwise.Answers)
		first string
		why   string
	}{
		{"pursue puts the certification first", func(a *certwise.Answers) {}, "certification", "verdict is to pursue"},
		{"untested puts the project first", func(a *certwise.Answers) { a.Position.HasTestedAIInRole = false }, "applied_project", "not yet tried AI"},
		{"redesign puts leverage first", func(a *certwise.Answers) {
			a.Role.ExposureSelfAssessed = certwise.ExposureModerate
			a.Role.WorkMix = certwise.WorkMix{certwise.Reporting: 0.6, certwise.Analysis: 0.4}
			a.Position = certwise.Position{HasTestedAIInRole: true}
		}, "organizational_leverage", "reporting and coordination take 60%"},
		{"signal puts the certification first", func(a *certwise.Answers) {
			a.Position = certwise.Position{HasTestedAIInRole: true}
			a.Organization.LeadershipValuesAILiteracy = true
		}, "certification", "rewards the credential itself"},
		{"normalizing phase favours output", func(a *certwise.Answers) {
			a.Position = certwise.Position{HasTestedAIInRole: true}
			a.Organization.AIAdoptionPhase = certwise.PhaseProductivityNormalization
		}, "applied_project", "measured output counts most"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := evaluateEdited(t, engine(), tt.edit)
			if got := ev.Alternatives[0]; got.Kind != tt.first || !strings.Contains(got.Why, tt.why) {
				t.Errorf("first alternative %s (%s), want %s saying %q", got.Kind, got.Why, tt.first, tt.why)
			}
		})
	}
}
