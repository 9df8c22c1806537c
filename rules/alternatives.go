package rules

import (
	"strings"

	"github.com/certwise/certwise"
)

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
