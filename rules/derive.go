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
	candidates string                  // the close candidates whose exposure level is used, when levelSrc is candidates
	traj       certwise.TrajectorySummary
	weakOpen   []string // the ids of the five questions that are weak or open
	qs         []certwise.Question
}

// closeScore is how far below the best match's score a title candidate may
// score and still count as a close candidate for the exposure level.
const closeScore = 0.1

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
			if !hasLevel(s.occ) {
				e.candidateStandIn(s, m)
			}
		} else {
			s.note("title_match", "the title "+strconv.Quote(a.Role.Title)+" matches no occupation confidently; pick one of the candidates or give an occupation code")
			e.candidateLevel(s, m)
		}
	case a.Role.Title != "":
		s.note("title_match", "no title matcher is connected, so the title "+strconv.Quote(a.Role.Title)+" was not matched to an occupation")
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}

	if err := e.resolveTarget(s); err != nil {
		return nil, err
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
			s.note("certification", "considering "+cert.Name+" ("+cert.Provider+", "+cert.Level+"): cost "+cert.CostText()+", "+hoursText(cert.PrepHours))
		case c.ID != "":
			s.note("certification", "no certification catalog is connected, so the id "+strconv.Quote(c.ID)+" could not be looked up")
		default:
			s.cert = &certwise.Certification{Name: c.Name, CostUSD: c.CostUSD, PrepHours: c.Hours, Skills: c.Skills}
		}
	}

	// The exposure level.
	if hasLevel(s.occ) {
		s.dataLevel = s.occ.ExposureLevel
	}
	switch self := a.Role.ExposureSelfAssessed; {
	case self != "" && self != certwise.ExposureUnknown:
		s.level, s.levelSrc = self, "self_assessed"
	case s.dataLevel != "" && s.candidates != "":
		s.level, s.levelSrc = s.dataLevel, "candidates"
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
	var valid, panic, rejected, transition bool
	for _, m := range a.Motives {
		valid = valid || m.Justifies()
		rejected = rejected || !m.Justifies()
		panic = panic || m == certwise.MotiveReduceAnxiety || m == certwise.MotiveFollowHeadlines
		transition = transition || m == certwise.MotiveRoleTransition
	}
	compressible := s.hasMix && s.compShare >= certwise.CompressibleThreshold
	high := s.level == certwise.ExposureHigh || s.level == certwise.ExposureStructural && s.levelSrc != "self_assessed"
	structural := s.level == certwise.ExposureStructural && s.levelSrc == "self_assessed" ||
		high && compressible && !p.OwnsMeasurableOutcomes
	leverage := p.OwnsMeasurableOutcomes || p.AIEnhancedRole || p.ExpandingIntoSystemDesign || p.TransitioningToHybridRole
	o := a.Organization
	signaling := o.LeadershipValuesAILiteracy || o.PromotionRewardsCredentials || o.PoliticsRewardFormalPrograms || a.Industry.CredentialSensitive
	known := s.level != certwise.ExposureUnknown
	gap := strings.TrimSpace(a.CapabilityGap) != ""
	weakAuthority := a.ExpectedAuthorityGain == certwise.AuthorityNone || a.ExpectedAuthorityGain == certwise.AuthorityKnowledgeOnly
	defensive := a.Positioning == certwise.Defensive

	moving := s.traj.Choice == certwise.TrajectoryMoveToTarget && s.traj.TargetCode != "" && s.traj.TargetCode != s.code
	deepening := s.traj.Choice == certwise.TrajectoryDeepenCurrentRole && gap
	s.traj.Defined = moving || deepening
	s.traj.Evidence = s.trajectoryText(moving, deepening)

	f := &s.facts
	f.set(FactValidMotive, valid)
	f.set(FactPanic, panic)
	f.set(FactCapabilityGapNamed, gap)
	f.set(FactStructural, structural)
	f.set(FactCompressingIndustry, a.Industry.CompressingBusinessModel)
	f.set(FactDefinedTransition, transition && moving)
	f.set(FactTestedAI, p.HasTestedAIInRole)
	f.set(FactCompressible, compressible)
	f.set(FactLevelModerateOrHigh, s.level == certwise.ExposureModerate || s.level == certwise.ExposureHigh || s.level == certwise.ExposureStructural)
	f.set(FactLeverage, leverage)
	f.set(FactSignalingEnvironment, signaling)
	f.set(FactExposureUnderstood, known)
	f.set(FactLeveragePossible, leverage)
	f.set(FactTimingAppropriate, p.HasTestedAIInRole && !panic)
	f.set(FactTrajectoryDefined, s.traj.Defined)
	f.set(FactAlways, true)
	f.set(FactMotivesGiven, len(a.Motives) > 0)
	f.set(FactRejectedMotive, rejected)
	f.set(FactMotivesSound, valid && !rejected)
	f.set(FactCredentialSignalMotive, has(a.Motives, certwise.MotiveCredentialSignal))
	f.set(FactMovingToTarget, moving)
	f.set(FactUnresolvedTarget, !a.TargetRole.Empty() && s.traj.TargetCode == "")
	f.set(FactTargetIsCurrent, s.traj.TargetCode != "" && s.traj.TargetCode == s.code)
	f.set(FactPositionThreatened, structural || a.Industry.CompressingBusinessModel)
	f.set(FactWeakAuthority, weakAuthority)
	f.set(FactDefensive, defensive)
	f.set(FactNothingAnswered, len(a.Motives) == 0 && !gap && a.TargetRole.Empty() && a.Trajectory == "")
	// The five questions weigh: the verdict reads how many are weak or
	// open, so they are settled before the rules run.
	s.qs = s.questions()
	for _, q := range s.qs {
		if q.Status != statusClear {
			s.weakOpen = append(s.weakOpen, q.ID)
		}
	}
	f.set(FactQuestionsSettled, len(s.weakOpen) <= 2 && !(weakAuthority && defensive))
	return s, nil
}

// hasLevel reports whether an occupation carries an exposure level.
func hasLevel(o *certwise.Occupation) bool {
	return o != nil && o.ExposureLevel != "" && o.ExposureLevel != certwise.ExposureUnknown
}

// closeCandidates returns the title candidates scoring within closeScore
// of the best one, with their occupations when the data has them.
func (e *Engine) closeCandidates(m certwise.TitleMatch) ([]certwise.TitleCandidate, []*certwise.Occupation) {
	if len(m.Matches) == 0 || e.deps.Data == nil {
		return nil, nil
	}
	var cands []certwise.TitleCandidate
	var occs []*certwise.Occupation
	for _, c := range m.Matches {
		if c.Score < m.Matches[0].Score-closeScore {
			break
		}
		o, _ := e.deps.Data.Occupation(c.Code)
		cands, occs = append(cands, c), append(occs, o)
	}
	return cands, occs
}

// candidateLevel uses the exposure level the close candidates of an
// unconfident title match share, when they all share one.
func (e *Engine) candidateLevel(s *situation, m certwise.TitleMatch) {
	cands, occs := e.closeCandidates(m)
	var level certwise.ExposureLevel
	var names []string
	for i, o := range occs {
		if !hasLevel(o) {
			return // a close candidate without figures: the level is not known to be shared
		}
		if level != "" && o.ExposureLevel != level {
			return
		}
		level = o.ExposureLevel
		names = append(names, cands[i].Title+" ("+cands[i].Code+")")
	}
	if len(names) < 2 {
		return
	}
	s.dataLevel, s.candidates = level, display.AndList(names)
	s.note("exposure_candidates", "the title "+strconv.Quote(s.a.Role.Title)+" fits "+s.candidates+" about equally well; all of them are "+string(level)+" exposure, so that level is used. Pick one of them to use its work mix and figures too")
}

// candidateStandIn lends a confident match that has no exposure figures
// the figures of the closest candidate that has them.
func (e *Engine) candidateStandIn(s *situation, m certwise.TitleMatch) {
	cands, occs := e.closeCandidates(m)
	for i, o := range occs {
		if i == 0 || !hasLevel(o) {
			continue
		}
		s.note("exposure_candidates", s.title+" ("+s.code+"), the best match for "+strconv.Quote(s.a.Role.Title)+", has no exposure figures; those of "+cands[i].Title+" ("+cands[i].Code+"), a close match, are used instead")
		s.occ, s.candidates = o, cands[i].Title+" ("+cands[i].Code+")"
		return
	}
}

// resolveTarget reads where the person is heading: the trajectory they
// chose (or their answers imply) and the occupation a target role resolves
// to, a code given or picked or a confident title match.
func (e *Engine) resolveTarget(s *situation) error {
	a := s.a
	s.traj.Choice = a.StatedTrajectory()
	t := a.TargetRole
	switch {
	case t.Empty():
	case t.Occupation != "":
		s.traj.TargetCode, s.traj.TargetSource = t.Occupation, "occupation"
		if e.deps.Data != nil {
			o, ok := e.deps.Data.Occupation(t.Occupation)
			if !ok {
				return certwise.Errorf(certwise.EINVALID, "target_role.occupation", "no occupation has the code %q in the data", t.Occupation)
			}
			s.traj.TargetTitle = o.Title
		}
	case e.deps.Titles != nil:
		if m := e.deps.Titles.Match(t.Title, 3); m.Confident && len(m.Matches) > 0 {
			s.traj.TargetCode, s.traj.TargetTitle, s.traj.TargetSource = m.Matches[0].Code, m.Matches[0].Title, "title_match"
		}
	}
	return nil
}

// trajectoryText says in words where the person is heading and whether it
// counts as a defined trajectory.
func (s *situation) trajectoryText(moving, deepening bool) string {
	a := s.a
	t := s.traj
	target := ""
	if !a.TargetRole.Empty() {
		target = targetText(a.TargetRole)
		if t.TargetCode != "" && t.TargetSource == "title_match" {
			target += ", matched to " + t.TargetTitle + " (" + t.TargetCode + ")"
		}
	}
	switch {
	case moving:
		return "moving to " + target
	case deepening:
		return "deepening the current role to close the named gap"
	case t.Choice == certwise.TrajectoryDeepenCurrentRole:
		return "deepening the current role, but no capability gap is named to say in what"
	case target != "" && t.TargetCode == "":
		return "the target " + strconv.Quote(a.TargetRole.Title) + " matches no occupation with confidence; pick the occupation it means"
	case target != "" && t.TargetCode == s.code:
		return "the target " + target + " is the occupation already held"
	case target != "" && t.Choice == certwise.TrajectoryUndecided:
		return "a target (" + target + ") is named, but the direction is marked undecided"
	}
	return "no target role and no direction chosen"
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
		if f == FactTrajectoryDefined {
			return s.traj.Evidence
		}
		return s.traj.Evidence + "; role_transition among motives: " + yes(has(a.Motives, certwise.MotiveRoleTransition))
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
	case FactMotivesGiven, FactMotivesSound, FactCredentialSignalMotive:
		return s.evidence(FactValidMotive)
	case FactRejectedMotive:
		var named []string
		for _, m := range a.Motives {
			if !m.Justifies() {
				named = append(named, string(m))
			}
		}
		if len(named) == 0 {
			return "no rejected motive among: " + strings.TrimPrefix(s.evidence(FactValidMotive), "motives: ")
		}
		return "motives a certificate cannot serve: " + strings.Join(named, ", ")
	case FactMovingToTarget, FactUnresolvedTarget, FactTargetIsCurrent:
		return s.traj.Evidence
	case FactPositionThreatened:
		return s.evidence(FactStructural) + "; " + s.evidence(FactCompressingIndustry)
	case FactWeakAuthority:
		if a.ExpectedAuthorityGain == "" {
			return "expected authority gain not answered"
		}
		return "expected authority gain: " + string(a.ExpectedAuthorityGain)
	case FactDefensive:
		if a.Positioning == "" {
			return "positioning not answered"
		}
		return "positioning: " + string(a.Positioning)
	case FactQuestionsSettled:
		if len(s.weakOpen) == 0 {
			return "all five questions are answered in favour"
		}
		return "weak or open: " + strings.Join(s.weakOpen, ", ")
	case FactNothingAnswered:
		return "not answered: " + strings.Join(s.unanswered(), ", ")
	}
	return ""
}

// unanswered lists, in plain words, the questions that matter most for a
// verdict and were left unanswered.
func (s *situation) unanswered() []string {
	a := s.a
	var out []string
	if a.Role.Title == "" && a.Role.Occupation == "" && a.Role.ExposureSelfAssessed == "" {
		out = append(out, "your job title")
	}
	if len(a.Motives) == 0 {
		out = append(out, "why you want a certification")
	}
	if a.CapabilityGap == "" {
		out = append(out, "the capability you are missing")
	}
	if a.TargetRole.Empty() && a.Trajectory == "" {
		out = append(out, "where you want to go (a target role, or growing in your current one)")
	}
	if a.ExpectedAuthorityGain == "" {
		out = append(out, "what it would change about your say at work")
	}
	if a.Positioning == "" {
		out = append(out, "whether it is to protect your position or to move ahead")
	}
	if len(out) == 0 {
		out = append(out, "nothing: every key question has an answer")
	}
	return out
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
	case "candidates":
		if s.occ == nil {
			return "exposure " + string(s.level) + " (shared by every close candidate for the title: " + s.candidates + ")"
		}
		return "exposure " + string(s.level) + " (data for " + s.candidates + ", standing in for " + s.code + " " + s.title + ", which has no figures)"
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
