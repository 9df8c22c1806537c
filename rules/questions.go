package rules

import (
	"github.com/certwise/certwise"
	"strings"
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

	switch {
	case !a.TargetRole.Empty() && has(a.Motives, certwise.MotiveRoleTransition):
		q(1, "You are aiming at "+targetText(a.TargetRole)+" and want the credential to help you move there.", statusClear)
	case !a.TargetRole.Empty():
		q(1, "You name "+targetText(a.TargetRole)+" as the role you want; check that the credential is one people in that role hold.", statusClear)
	}
	if s.cert != nil && len(s.cert.Roles) > 0 && a.TargetRole != nil && a.TargetRole.Occupation != "" {
		last := &qs[len(qs)-1]
		if has(s.cert.Roles, a.TargetRole.Occupation) {
			last.Answer += " The catalog lists " + certName(s.cert) + " for that occupation."
		} else {
			last.Answer += " The catalog does not list " + certName(s.cert) + " for that occupation (" + a.TargetRole.Occupation + "); check the fit."
			last.Status = statusWeak
		}
	}
	switch {
	case !a.TargetRole.Empty():
	case has(a.Motives, certwise.MotiveRoleTransition):
		q(1, "You want to change roles but name no target role, so the credential cannot be checked against one.", statusOpen)
	default:
		q(1, "No target role is named.", statusOpen)
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

// alternatives ranks the three ways of building AI positioning for this
// person: each gets points from the parts of the situation that favour it,
// and its why lists those parts. Ties keep the order applied project,
// organizational leverage, certification.
func (s *situation) alternatives(v certwise.VerdictID) []certwise.Alternative {
	const (
		app = iota
		org
		cert
	)
	var (
		score [3]int
		why   [3][8]string
		n     [3]int
	)
	add := func(x, pts int, reason string) {
		score[x] += pts
		if n[x] < len(why[x]) {
			why[x][n[x]] = reason
			n[x]++
		}
	}

	switch v {
	case certwise.VerdictPursue:
		add(cert, 3, "the verdict is to pursue it")
	case certwise.VerdictPursueForSignal:
		add(cert, 3, "your environment rewards the credential itself")
	case certwise.VerdictApplyFirst:
		add(app, 3, "the verdict is to apply AI first")
	case certwise.VerdictRedesignRoleFirst:
		add(org, 3, "the verdict is to reshape the role toward ownership")
		add(app, 1, "handing routine reports to AI tools frees the time to make that move")
	case certwise.VerdictReassessPosition:
		add(app, 2, "a project in the direction you might move tests the move cheaply")
		add(org, 1, "taking on work you own is one way to change your position")
	case certwise.VerdictClarifyFirst:
		add(app, 2, "using AI on real work answers open questions fastest")
	case certwise.VerdictAvoid:
		add(app, 2, "a small project answers the worry with evidence")
	}
	p := s.a.Position
	if s.facts.has(FactLeverage) {
		add(org, 2, "you already hold leverage ("+s.evidence(FactLeverage)+")")
		add(cert, 1, "a credential has a position to amplify")
	}
	if !p.HasTestedAIInRole {
		add(app, 2, "you have not yet tried AI in your role")
	}
	switch s.a.Organization.AIAdoptionPhase {
	case certwise.PhaseProductivityNormalization:
		add(app, 1, "your organization is normalizing AI productivity, when measured output counts most")
	case certwise.PhaseMature:
		add(app, 1, "your organization's AI use is mature, so measured output counts most")
	}
	if s.facts.has(FactSignalingEnvironment) {
		add(cert, 1, "your organization or industry notices credentials")
	}
	if s.facts.has(FactTrajectoryDefined) {
		add(cert, 1, "the credential can be matched to your target role")
	}
	if s.facts.has(FactCompressible) && !p.OwnsMeasurableOutcomes {
		add(org, 1, "reporting and coordination take "+s.compText()+" of your work, and ownership is what changes that")
	}

	order := [3]int{app, org, cert}
	for i := 1; i < 3; i++ { // insertion sort: stable
		for j := i; j > 0 && score[order[j]] > score[order[j-1]]; j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
	out := make([]certwise.Alternative, 3)
	for i, x := range order {
		w := "Nothing in your situation favours it over the others."
		if n[x] > 0 {
			w = sentence(why[x][:n[x]])
		}
		out[i] = certwise.Alternative{Kind: altKinds[x][0], Title: altKinds[x][1], Rank: i + 1, Why: w}
	}
	return out
}

var altKinds = [3][2]string{
	{"applied_project", "Run an applied AI project in your current role"},
	{"organizational_leverage", "Use your position to deploy AI where you work"},
	{"certification", "Earn a certification"},
}

// sentence joins parts with "; ", capitalizes the first letter and ends
// with a period, in one allocation.
func sentence(parts []string) string {
	n := 1
	for i, p := range parts {
		n += len(p)
		if i > 0 {
			n += 2
		}
	}
	var b strings.Builder
	b.Grow(n)
	for i, p := range parts {
		if i > 0 {
			b.WriteString("; ")
		}
		if i == 0 && p != "" && p[0] >= 'a' && p[0] <= 'z' {
			b.WriteByte(p[0] - 'a' + 'A')
			p = p[1:]
		}
		b.WriteString(p)
	}
	b.WriteByte('.')
	return b.String()
}
