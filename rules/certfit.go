package rules

import (
	"context"
	"strings"

	"github.com/certwise/certwise"
)

// RulePrerequisiteMissing is the Rule of an evaluation whose verdict was
// held below the enroll tier because the certification the person named
// requires a credential they do not hold. It is a guard outside the
// rulebook: whatever the rulebook decides, such a certification never
// lifts a verdict to enrolling (issue 15).
const RulePrerequisiteMissing = "prerequisite-missing"

// cappedVerdict is the prepare-tier verdict a missing prerequisite holds
// an enroll verdict at: the open point to settle is the prerequisite.
const cappedVerdict = certwise.VerdictClarifyFirst

// judgeCertification judges the certification the person named with the
// Fitter (certification_fit) and, when they lack a credential it
// requires, lists the prerequisite_missing concern and caps an enroll
// verdict at cappedVerdict. It runs after the rulebook decides and before
// recommendations and advice, which then follow the capped verdict.
func (e *Engine) judgeCertification(ctx context.Context, s *situation, ev *certwise.Evaluation) error {
	if ev.Concerns == nil {
		ev.Concerns = []certwise.Concern{}
	}
	c := s.a.Certification
	if c == nil || (c.ID == "" && strings.TrimSpace(c.Name) == "") {
		return nil
	}
	if e.deps.Fitter == nil {
		ev.Reasons = append(ev.Reasons, certwise.Reason{Fact: "certification_fit", Evidence: "no certification catalog is connected, so the certification you named is not judged"})
		return nil
	}
	req := certwise.FitRequest{
		Certification: *c,
		Gap:           s.a.CapabilityGap,
		RoleCode:      s.code,
		RoleTitle:     s.title,
		Held:          s.a.HeldCertifications,
	}
	req.TargetCode, req.TargetTitle = e.target(s)
	if s.occ != nil {
		req.JobZone = s.occ.JobZone
	}
	fit, err := e.deps.Fitter.Fit(ctx, req)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		ev.Reasons = append(ev.Reasons, certwise.Reason{Fact: "certification_fit", Evidence: "the certification you named could not be judged: " + certwise.ErrorMessage(err)})
		return nil
	}
	ev.CertificationFit = fit
	if fit.Prerequisites.Met {
		return nil
	}
	missing := strings.Join(fit.Prerequisites.Missing, "; ")
	ev.Concerns = append(ev.Concerns, certwise.Concern{
		ID:       certwise.ConcernPrerequisiteMissing,
		Text:     fit.Name + " requires a credential you have not listed, so you cannot sit it yet.",
		Evidence: "requires " + missing + "; you hold " + heldText(s.a.HeldCertifications),
	})
	if ev.Verdict.Tier() != certwise.TierEnroll {
		return nil
	}
	was, rule := ev.Verdict, ev.Rule
	ev.Verdict, ev.Rule, ev.Headline = cappedVerdict, RulePrerequisiteMissing, e.book.Headlines[cappedVerdict]
	ev.Reasons = append([]certwise.Reason{{
		Rule:  RulePrerequisiteMissing,
		Holds: holdsPtr(true),
		Evidence: "rule " + rule + " would say " + string(was) + ", but " + fit.Name + " requires " + missing +
			", which you have not listed among the certifications you hold; settle that first (earn it, or tell certwise that you hold it) before enrolling",
	}}, ev.Reasons...)
	return nil
}

// prerequisiteStep puts first among the next steps earning the credential
// the named certification requires, when one is missing.
func prerequisiteStep(ev *certwise.Evaluation) {
	f := ev.CertificationFit
	if f == nil || f.Prerequisites.Met {
		return
	}
	step := certwise.NextStep{
		Action: "Earn what " + f.Name + " requires before enrolling in it: " + strings.Join(f.Prerequisites.Missing, "; ") + ".",
		Why:    "The provider certifies only candidates who hold it; if you already do, add it to the certifications you hold and run the assessment again.",
	}
	ev.NextSteps = append([]certwise.NextStep{step}, ev.NextSteps...)
}

// heldText lists the certifications the person holds, or says none.
func heldText(held []string) string {
	if len(held) == 0 {
		return "none listed"
	}
	return strings.Join(held, ", ")
}

// target is the occupation the person's target role resolves to: the
// code given, else a confident match of the title; with its title when
// known.
func (e *Engine) target(s *situation) (code, title string) {
	t := s.a.TargetRole
	if t == nil {
		return "", ""
	}
	code = t.Occupation
	if code == "" && t.Title != "" && e.deps.Titles != nil {
		if m := e.deps.Titles.Match(t.Title, 3); m.Confident && len(m.Matches) > 0 {
			code, title = m.Matches[0].Code, m.Matches[0].Title
		}
	}
	if code != "" && title == "" && e.deps.Data != nil {
		if o, ok := e.deps.Data.Occupation(code); ok {
			title = o.Title
		}
	}
	return code, title
}
