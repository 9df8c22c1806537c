package rules

import (
	"github.com/certwise/certwise"
)

// generalSteps are the engine's own next steps for a verdict, used when no
// Advisor is connected: they rest on the answers and the derived figures
// only, not on the occupation's activity data.
func (s *situation) generalSteps(ev *certwise.Evaluation) []certwise.NextStep {
	steps := make([]certwise.NextStep, 0, 4)
	step := func(action, why string, ev map[string]any) {
		steps = append(steps, certwise.NextStep{Action: action, Why: why, Evidence: ev})
	}
	openQs := func() {
		var qs []string
		for _, q := range ev.Questions {
			if q.Status == statusOpen {
				qs = append(qs, q.Question)
			}
		}
		if len(qs) > 0 {
			steps = append(steps, certwise.NextStep{
				Kind:      certwise.NextStepQuestions,
				Action:    "Answer the questions still open before you decide",
				Why:       "each one changes whether a certificate would pay off",
				Questions: qs,
			})
		}
	}
	comp := func() map[string]any {
		if !s.hasMix {
			return nil
		}
		return map[string]any{"compressible_share": s.compShare, "work_mix_source": s.mixSrc}
	}

	switch ev.Verdict {
	case certwise.VerdictAvoid:
		if s.facts.has(FactPanic) {
			step("Pick one recurring task in your role and try an AI tool on it for two weeks, noting the time it saves",
				"a measured result replaces a worry with facts", nil)
		}
		step("Write down the concrete gap, credential requirement, role move or industry change a certificate would serve; enroll only if you can name one",
			"only those reasons are served by a credential", map[string]any{"motives": s.a.Motives})
		openQs()
	case certwise.VerdictReassessPosition:
		step("List two or three roles near yours that rely less on reporting and coordination, and compare their outlook with your current one",
			"the exposure comes from the role's design, which training leaves unchanged", comp())
		step("If a move is the answer, name the target role and add role_transition to your motives, then evaluate again",
			"a credential pays off once it serves a defined move", nil)
	case certwise.VerdictApplyFirst:
		step("Choose a task you repeat every week and run a small AI project on it; record the output before and after",
			"measurable output in your current role is stronger evidence than a certificate", nil)
		step("Share the result with the person who judges your work",
			"results that others see are what turn into leverage", nil)
	case certwise.VerdictRedesignRoleFirst:
		step("Move part of your week from reporting and coordination toward analysis, decisions or system design that you own",
			"reporting and coordination are the work AI compresses", comp())
		step("Hand a recurring report or status update to an AI tool and use the freed time for work with your name on the outcome",
			"ownership of outcomes is what a later credential could amplify", nil)
	case certwise.VerdictPursueForSignal:
		step("Pick a widely recognized credential at modest cost and time, and tell the people who decide promotions that you are taking it",
			"here the credential pays off as a visible signal", map[string]any{"signaling": s.evidence(FactSignalingEnvironment)})
		step("Pair it with one applied project so the credential also shows up as output", "a signal backed by results lasts longer", nil)
	case certwise.VerdictPursue:
		step("Choose the certification that matches the skills of "+targetText(s.a.TargetRole)+" and set a date for the exam",
			"your path is set; the credential speeds it up", map[string]any{"target_role": targetText(s.a.TargetRole)})
		step("Pair it with one applied project in your current role", "output makes the credential credible", nil)
	case certwise.VerdictClarifyFirst:
		if open := s.openConditions(); len(open) > 0 {
			step("Settle the conditions that do not hold yet: "+joinAnd(open),
				"a certificate pays off only when all four hold", map[string]any{"open_conditions": open})
		}
		openQs()
	}
	if len(ev.Recommendations) > 0 {
		steps = append(steps, certwise.NextStep{
			Kind:           certwise.NextStepCertifications,
			Action:         "Compare the ranked certifications below on cost, hours and fit",
			Certifications: ev.Recommendations,
		})
	}
	return steps
}
