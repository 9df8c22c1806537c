package rules

import (
	"strconv"
	"strings"

	"github.com/certwise/certwise"
)

// Question statuses.
const (
	statusClear = "clear" // the answers settle the question in favour of certifying
	statusWeak  = "weak"  // answered, but the answer argues against certifying
	statusOpen  = "open"  // the answers do not settle it
)

// The five questions to put to oneself before enrolling, in certwise's words.
var questionText = [5][2]string{
	{"capability_gap", "Which specific skill would this certification give you that you lack today?"},
	{"target_role", "Does the credential lead toward a role you actually want?"},
	{"authority", "Would it widen what you decide and own at work, or only what you know?"},
	{"organization", "Do your employer and industry give credit for certificates?"},
	{"positioning", "Are you shielding your current position or going after a stronger one?"},
}

func (s *situation) questions() []certwise.Question {
	a := s.a
	qs := make([]certwise.Question, 0, 5)
	q := func(i int, answer, status string) {
		qs = append(qs, certwise.Question{ID: questionText[i][0], Question: questionText[i][1], Answer: answer, Status: status})
	}

	covers := ""
	if s.cert != nil && len(s.cert.Skills) > 0 {
		covers = " " + certName(s.cert) + " covers: " + strings.Join(s.cert.Skills, ", ") + "."
	}
	switch {
	case a.CapabilityGap != "":
		q(0, "You name the gap: "+strings.TrimSuffix(a.CapabilityGap, ".")+"."+covers, statusClear)
	case has(a.Motives, certwise.MotiveCapabilityGap):
		q(0, "You give closing a gap as a motive but do not say which one.", statusOpen)
	default:
		q(0, "No gap is named.", statusOpen)
	}

	t := s.traj
	switch {
	case t.Choice == certwise.TrajectoryDeepenCurrentRole && a.CapabilityGap != "":
		q(1, "You want to go deeper in the role you hold, toward the gap you name; check that the credential teaches that.", statusClear)
	case t.Choice == certwise.TrajectoryDeepenCurrentRole:
		q(1, "You want to go deeper in the role you hold; name the capability you are missing so the credential can be checked against it.", statusOpen)
	case a.TargetRole.Empty() && has(a.Motives, certwise.MotiveRoleTransition):
		q(1, "You want to change roles but name no target role, so the credential cannot be checked against one.", statusOpen)
	case a.TargetRole.Empty():
		q(1, "No target role is named, and you have not said whether you want to grow in your current role instead.", statusOpen)
	case t.TargetCode == "":
		q(1, "The role you name, "+strconv.Quote(a.TargetRole.Title)+", matches no occupation clearly; pick the occupation it means so the credential can be checked against it.", statusOpen)
	case t.TargetCode == s.code:
		q(1, "The role you name is the occupation you already hold; if you mean to grow in it, say so and name the gap.", statusOpen)
	case t.Choice == certwise.TrajectoryUndecided:
		q(1, "You name "+targetText(a.TargetRole)+" but mark your direction as undecided.", statusOpen)
	case has(a.Motives, certwise.MotiveRoleTransition):
		q(1, "You are aiming at "+targetText(a.TargetRole)+" and want the credential to help you move there.", statusClear)
	default:
		q(1, "You name "+targetText(a.TargetRole)+" as the role you want; check that the credential is one people in that role hold.", statusClear)
	}
	if s.cert != nil && len(s.cert.Roles) > 0 && t.TargetCode != "" && t.TargetCode != s.code {
		last := &qs[len(qs)-1]
		if has(s.cert.Roles, t.TargetCode) {
			last.Answer += " The catalog lists " + certName(s.cert) + " for that occupation."
		} else {
			last.Answer += " The catalog does not list " + certName(s.cert) + " for that occupation (" + t.TargetCode + "); check the fit."
			last.Status = statusWeak
		}
	}

	lev := s.facts.has(FactLeverage)
	switch a.ExpectedAuthorityGain {
	case certwise.AuthorityClear:
		q(2, "You expect a clear gain in authority"+leverageClause(lev), statusClear)
	case certwise.AuthoritySome:
		st := statusWeak
		if lev {
			st = statusClear
		}
		q(2, "You expect some gain in authority"+leverageClause(lev), st)
	case certwise.AuthorityKnowledgeOnly:
		q(2, "You expect to gain knowledge, not authority: the credential would not change what you own.", statusWeak)
	case certwise.AuthorityNone:
		q(2, "You expect no gain in authority.", statusWeak)
	default:
		if lev {
			q(2, "Not answered directly; you hold a position ("+s.evidence(FactLeverage)+") that a credential could extend.", statusOpen)
		} else {
			q(2, "Not answered, and nothing you hold yet would turn new knowledge into authority.", statusOpen)
		}
	}

	if s.facts.has(FactSignalingEnvironment) {
		q(3, "Yes: "+s.evidence(FactSignalingEnvironment)+".", statusClear)
	} else {
		q(3, "Nothing in your answers says your organization or industry rewards credentials.", statusWeak)
	}

	switch a.Positioning {
	case certwise.Offensive:
		q(4, "Offensive: you want to move forward, which a credential can help with when the other conditions hold.", statusClear)
	case certwise.Defensive:
		q(4, "Defensive: you want to protect where you are; a credential rarely protects a role whose design is exposed.", statusWeak)
	default:
		q(4, "Not answered.", statusOpen)
	}
	return qs
}

func certName(c *certwise.Certification) string {
	if c.Name == "" {
		return "the certification"
	}
	return c.Name
}

func leverageClause(lev bool) string {
	if lev {
		return ", and you hold a position it can build on."
	}
	return ", but you hold no ownership or design role it would attach to yet."
}
