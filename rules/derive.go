package rules

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/internal/display"
)

// situation is everything the engine derives from one set of answers
// before the rules run.
type situation struct {
	a          *certwise.Answers
	occ        *certwise.Occupation // nil when the role is not resolved or no data is wired
	code       string               // resolved occupation code, "" if none
	title      string               // resolved occupation title
	codeSource string               // occupation, title_match or ""
	match      *certwise.TitleMatch
	level      certwise.ExposureLevel // the level the rules use
	levelSrc   string                 // self_assessed, occupation, title_match or none
	dataLevel  certwise.ExposureLevel
	mix        certwise.WorkMix
	mixSrc     string // answers, activity_shares, occupation or none
	compShare  float64
	hasMix     bool
	facts      factSet
	notes      []certwise.Reason       // honest notes on what could not be used
	cert       *certwise.Certification // the certification under consideration, when known
}

// derive resolves the role and computes every fact.
func (e *Engine) derive(ctx context.Context, a *certwise.Answers) (*situation, error) {
	s := &situation{a: a, level: certwise.ExposureUnknown, levelSrc: "none", mixSrc: "none"}

	// The occupation: a code, else a confident title match.
	switch {
	case a.Role.Occupation != "":
		s.code, s.codeSource = a.Role.Occupation, "occupation"
		if e.deps.Data != nil {
			o, ok := e.deps.Data.Occupation(a.Role.Occupation)
			if !ok {
				return nil, certwise.Errorf(certwise.EINVALID, "role.occupation", "no occupation has the code %q in the data", a.Role.Occupation)
			}
			s.occ, s.title = o, o.Title
		} else {
			s.note("occupation_data", "no occupation data is connected, so the code "+a.Role.Occupation+" adds no figures")
		}
	case a.Role.Title != "" && e.deps.Titles != nil:
		m := e.deps.Titles.Match(a.Role.Title, 5)
		s.match = &m
		if m.Confident && len(m.Matches) > 0 {
			best := m.Matches[0]
			s.code, s.title, s.codeSource = best.Code, best.Title, "title_match"
			if e.deps.Data != nil {
				if o, ok := e.deps.Data.Occupation(best.Code); ok {
					s.occ, s.title = o, o.Title
				}
			}
		} else {
			s.note("title_match", "the title "+strconv.Quote(a.Role.Title)+" matches no occupation confidently; pick one of the candidates or give an occupation code")
		}
	case a.Role.Title != "":
		s.note("title_match", "no title matcher is connected, so the title "+strconv.Quote(a.Role.Title)+" was not matched to an occupation")
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}

	if t := a.TargetRole; t != nil && t.Occupation != "" && e.deps.Data != nil {
		if _, ok := e.deps.Data.Occupation(t.Occupation); !ok {
			return nil, certwise.Errorf(certwise.EINVALID, "target_role.occupation", "no occupation has the code %q in the data", t.Occupation)
		}
	}

	// The certification under consideration.
	if c := a.Certification; c != nil {
		switch {
		case c.ID != "" && e.deps.Catalog != nil:
			cert, err := e.deps.Catalog.Certification(ctx, c.ID)
			if err != nil {
				if certwise.ErrorCode(err) == certwise.ENOTFOUND {
					return nil, certwise.Errorf(certwise.EINVALID, "certification.id", "%s", certwise.ErrorMessage(err))
				}
				return nil, fmt.Errorf("look up certification %q: %w", c.ID, err)
			}
			s.cert = cert
			s.note("certification", "considering "+cert.Name+" ("+cert.Provider+", "+cert.Level+"): cost "+display.Cost(cert.Cost())+", "+hoursText(cert.PrepHours))
		case c.ID != "":
			s.note("certification", "no certification catalog is connected, so the id "+strconv.Quote(c.ID)+" could not be looked up")
		default:
			s.cert = &certwise.Certification{Name: c.Name, CostUSD: c.CostUSD, PrepHours: c.Hours, Skills: c.Skills}
		}
	}

	// The exposure level.
	if s.occ != nil && s.occ.ExposureLevel != "" && s.occ.ExposureLevel != certwise.ExposureUnknown {
		s.dataLevel = s.occ.ExposureLevel
	}
	switch self := a.Role.ExposureSelfAssessed; {
	case self != "" && self != certwise.ExposureUnknown:
		s.level, s.levelSrc = self, "self_assessed"
	case s.dataLevel != "":
		s.level, s.levelSrc = s.dataLevel, s.codeSource
	}

	// The work mix.
	switch {
	case len(a.Role.WorkMix) > 0:
		s.mix, s.mixSrc = a.Role.WorkMix, "answers"
	case len(a.Role.ActivityShares) > 0 && e.deps.Data != nil:
		mix := make(certwise.WorkMix, len(certwise.WorkClasses))
		for id, share := range a.Role.ActivityShares {
			f, ok := e.deps.Data.Activity(id)
			if !ok {
				return nil, certwise.Errorf(certwise.EINVALID, "role.activity_shares."+id, "no work activity (IWA) has the id %q in the data", id)
			}
			mix[f.Class] += share
		}
		s.mix, s.mixSrc = mix, "activity_shares"
	default:
		if len(a.Role.ActivityShares) > 0 {
			s.note("activity_shares", "no activity data is connected, so the activity shares could not be scored")
		}
		if s.occ != nil && len(s.occ.WorkMix) > 0 {
			s.mix, s.mixSrc = s.occ.WorkMix, "occupation"
		}
	}
	if s.mix != nil {
		s.hasMix = true
		s.compShare = s.mix.CompressibleShare()
	}

	// The facts.
	p := a.Position
	var valid, panic bool
	for _, m := range a.Motives {
		valid = valid || m.Justifies()
		panic = panic || m == certwise.MotiveReduceAnxiety || m == certwise.MotiveFollowHeadlines
	}
	transition := false
	for _, m := range a.Motives {
		if m == certwise.MotiveRoleTransition {
			transition = true
		}
	}
	compressible := s.hasMix && s.compShare >= certwise.CompressibleThreshold
	high := s.level == certwise.ExposureHigh || s.level == certwise.ExposureStructural && s.levelSrc != "self_assessed"
	structural := s.level == certwise.ExposureStructural && s.levelSrc == "self_assessed" ||
		high && compressible && !p.OwnsMeasurableOutcomes
	leverage := p.OwnsMeasurableOutcomes || p.AIEnhancedRole || p.ExpandingIntoSystemDesign || p.TransitioningToHybridRole
	o := a.Organization
	signaling := o.LeadershipValuesAILiteracy || o.PromotionRewardsCredentials || o.PoliticsRewardFormalPrograms || a.Industry.CredentialSensitive
	target := !a.TargetRole.Empty()
	known := s.level != certwise.ExposureUnknown

	f := &s.facts
	f.set(FactValidMotive, valid)
	f.set(FactPanic, panic)
	f.set(FactCapabilityGapNamed, strings.TrimSpace(a.CapabilityGap) != "")
	f.set(FactStructural, structural)
	f.set(FactCompressingIndustry, a.Industry.CompressingBusinessModel)
	f.set(FactDefinedTransition, transition && target)
	f.set(FactTestedAI, p.HasTestedAIInRole)
	f.set(FactCompressible, compressible)
	f.set(FactLevelModerateOrHigh, s.level == certwise.ExposureModerate || s.level == certwise.ExposureHigh || s.level == certwise.ExposureStructural)
	f.set(FactLeverage, leverage)
	f.set(FactSignalingEnvironment, signaling)
	f.set(FactExposureUnderstood, known)
	f.set(FactLeveragePossible, leverage)
	f.set(FactTimingAppropriate, p.HasTestedAIInRole && !panic)
	f.set(FactTrajectoryDefined, target)
	f.set(FactAlways, true)
	return s, nil
}

func (s *situation) note(fact, evidence string) {
	s.notes = append(s.notes, certwise.Reason{Fact: fact, Evidence: evidence})
}

func (s *situation) conditions() certwise.Conditions {
	return certwise.Conditions{
		ExposureUnderstood: s.facts.has(FactExposureUnderstood),
		LeveragePossible:   s.facts.has(FactLeveragePossible),
		TimingAppropriate:  s.facts.has(FactTimingAppropriate),
		TrajectoryDefined:  s.facts.has(FactTrajectoryDefined),
	}
}

// openConditions names the four conditions that do not hold.
func (s *situation) openConditions() []string {
	var out []string
	for _, f := range []Fact{FactExposureUnderstood, FactLeveragePossible, FactTimingAppropriate, FactTrajectoryDefined} {
		if !s.facts.has(f) {
			out = append(out, f.String())
		}
	}
	return out
}

// evidence says, with figures, why a fact holds or not.
func (s *situation) evidence(f Fact) string {
	a := s.a
	p := a.Position
	switch f {
	case FactValidMotive, FactPanic:
		if len(a.Motives) == 0 {
			return "no motives given"
		}
		ms := make([]string, len(a.Motives))
		for i, m := range a.Motives {
			ms[i] = string(m)
		}
		return "motives: " + strings.Join(ms, ", ")
	case FactCapabilityGapNamed:
		if a.CapabilityGap == "" {
			return "no capability gap named"
		}
		return "gap named: " + strconv.Quote(a.CapabilityGap)
	case FactStructural:
		if s.level == certwise.ExposureStructural && s.levelSrc == "self_assessed" {
			return "you rated your exposure structural"
		}
		return "exposure " + string(s.level) + ", compressible share " + s.compText() + ", owns measurable outcomes: " + yes(p.OwnsMeasurableOutcomes)
	case FactCompressingIndustry:
		return "industry business model compressing: " + yes(a.Industry.CompressingBusinessModel)
	case FactDefinedTransition, FactTrajectoryDefined:
		t := "no target role named"
		if !a.TargetRole.Empty() {
			t = "target role: " + targetText(a.TargetRole)
		}
		if f == FactTrajectoryDefined {
			return t
		}
		return t + "; role_transition among motives: " + yes(has(a.Motives, certwise.MotiveRoleTransition))
	case FactTestedAI:
		return "AI tried in current role: " + yes(p.HasTestedAIInRole)
	case FactCompressible:
		return "reporting + coordination = " + s.compText() + " of the work (" + s.mixSrc + "), threshold " + display.Percent(certwise.CompressibleThreshold)
	case FactLevelModerateOrHigh, FactExposureUnderstood:
		return s.levelText()
	case FactLeverage, FactLeveragePossible:
		held := namesOn([]namedFlag{{p.OwnsMeasurableOutcomes, "owns measurable outcomes"}, {p.AIEnhancedRole, "AI-enhanced role"}, {p.ExpandingIntoSystemDesign, "expanding into system design"}, {p.TransitioningToHybridRole, "moving into a hybrid role"}})
		if len(held) == 0 {
			return "none of: owns measurable outcomes, AI-enhanced role, expanding into system design, moving into a hybrid role"
		}
		return strings.Join(held, ", ")
	case FactSignalingEnvironment:
		o := a.Organization
		on := namesOn([]namedFlag{{o.LeadershipValuesAILiteracy, "leadership values AI literacy"}, {o.PromotionRewardsCredentials, "promotions reward credentials"}, {o.PoliticsRewardFormalPrograms, "internal politics reward formal programs"}, {a.Industry.CredentialSensitive, "credential-sensitive industry"}})
		if len(on) == 0 {
			return "nothing in the organization or industry rewards credentials"
		}
		return strings.Join(on, ", ")
	case FactTimingAppropriate:
		return "AI tried in current role: " + yes(p.HasTestedAIInRole) + "; panic motive: " + yes(s.facts.has(FactPanic))
	case FactAlways:
		return "catch-all"
	}
	return ""
}

func (s *situation) compText() string {
	if !s.hasMix {
		return "unknown"
	}
	return display.Percent(s.compShare)
}

func (s *situation) levelText() string {
	switch s.levelSrc {
	case "self_assessed":
		return "exposure " + string(s.level) + " (your own assessment)"
	case "none":
		return "exposure unknown: no self-assessment and no occupation with exposure figures"
	}
	t := "exposure " + string(s.level) + " (data for " + s.code + " " + s.title
	if s.occ != nil && s.occ.ExposurePercentile != nil {
		t += ", percentile " + strconv.FormatFloat(*s.occ.ExposurePercentile, 'f', -1, 64)
	}
	return t + ")"
}

func hoursText(f *float64) string {
	if f == nil {
		return "no preparation estimate"
	}
	return "about " + display.Hours(*f) + " hours of preparation"
}

func yes(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func has[T comparable](xs []T, x T) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func targetText(t *certwise.TargetRole) string {
	switch {
	case t.Title != "" && t.Occupation != "":
		return t.Title + " (" + t.Occupation + ")"
	case t.Title != "":
		return t.Title
	}
	return t.Occupation
}

// namedFlag is a yes/no answer with the words that name it when it is yes.
type namedFlag struct {
	on   bool
	name string
}

// namesOn returns the names of the flags that are on, in order.
func namesOn(flags []namedFlag) []string {
	var names []string
	for _, f := range flags {
		if f.on {
			names = append(names, f.name)
		}
	}
	return names
}
