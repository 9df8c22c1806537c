package rules

// Fact is one named boolean derived from the answers and the data. Rule
// conditions are written over facts.
type Fact uint8

// The facts, as rule conditions name them.
const (
	FactValidMotive Fact = iota
	FactPanic
	FactCapabilityGapNamed
	FactStructural
	FactCompressingIndustry
	FactDefinedTransition
	FactTestedAI
	FactCompressible
	FactLevelModerateOrHigh
	FactLeverage
	FactSignalingEnvironment
	FactExposureUnderstood
	FactLeveragePossible
	FactTimingAppropriate
	FactTrajectoryDefined
	FactAlways
	FactMotivesGiven
	FactRejectedMotive
	FactMotivesSound
	FactCredentialSignalMotive
	FactMovingToTarget
	FactUnresolvedTarget
	FactTargetIsCurrent
	FactPositionThreatened
	FactWeakAuthority
	FactDefensive
	FactQuestionsSettled
	FactNothingAnswered
	numFacts
)

// factInfo names and explains each fact. The descriptions are shown beside
// the evidence in an evaluation's reasons.
var factInfo = [numFacts]struct{ name, desc string }{
	FactValidMotive:            {"valid_motive", "at least one motive is capability_gap, credential_signal, role_transition or industry_shift"},
	FactPanic:                  {"panic", "reduce_anxiety or follow_headlines is among the motives"},
	FactCapabilityGapNamed:     {"capability_gap_named", "a capability gap is named in words"},
	FactStructural:             {"structural", "exposure self-assessed as structural, or high exposure in a compressible role without ownership of measurable outcomes"},
	FactCompressingIndustry:    {"compressing_industry", "the industry's business model is compressing"},
	FactDefinedTransition:      {"defined_transition", "role_transition is a motive and a target role is named"},
	FactTestedAI:               {"tested_ai", "AI has been tried in the current role"},
	FactCompressible:           {"compressible", "reporting plus coordination make up at least half of the work"},
	FactLevelModerateOrHigh:    {"level_moderate_or_high", "the exposure level is moderate or high (structural counts as high)"},
	FactLeverage:               {"leverage", "owns measurable outcomes, holds an AI-enhanced role, expands into system design or moves into a hybrid role"},
	FactSignalingEnvironment:   {"signaling_environment", "leadership, promotion or internal politics reward AI credentials, or the industry is credential-sensitive"},
	FactExposureUnderstood:     {"exposure_understood", "the exposure level is known"},
	FactLeveragePossible:       {"leverage_possible", "the same as leverage: a certification has something to amplify"},
	FactTimingAppropriate:      {"timing_appropriate", "AI has been tried in the role and the motives are not worry or headlines"},
	FactTrajectoryDefined:      {"trajectory_defined", "a target role resolves to an occupation other than the current one (and the person means to move), or the person deepens the current role with a named capability gap"},
	FactAlways:                 {"always", "holds for every set of answers (the catch-all rule)"},
	FactMotivesGiven:           {"motives_given", "at least one motive is given"},
	FactRejectedMotive:         {"rejected_motive", "signal_activity, reduce_anxiety, follow_headlines or compensate_positioning is among the motives"},
	FactMotivesSound:           {"motives_sound", "a valid motive is given and no rejected one beside it"},
	FactCredentialSignalMotive: {"credential_signal_motive", "credential_signal is among the motives"},
	FactMovingToTarget:         {"moving_to_target", "the person means to move, and the target role resolves to an occupation other than the current one"},
	FactUnresolvedTarget:       {"unresolved_target", "a target role is named in words that resolve to no occupation"},
	FactTargetIsCurrent:        {"target_is_current", "the target role resolves to the occupation the person already holds"},
	FactPositionThreatened:     {"position_threatened", "the exposure is structural or the industry's business model is compressing"},
	FactWeakAuthority:          {"weak_authority", "the certification is expected to add no authority, or knowledge only"},
	FactDefensive:              {"defensive", "the certification is meant to defend the current position"},
	FactQuestionsSettled:       {"questions_settled", "at most two of the five questions are weak or open, and a weak authority gain does not come with a defensive stance"},
	FactNothingAnswered:        {"nothing_answered", "no motive, capability gap, target role or direction is given"},
}

// String returns the fact's name as conditions write it.
func (f Fact) String() string {
	if f < numFacts {
		return factInfo[f].name
	}
	return "fact?"
}

// Description says what the fact means.
func (f Fact) Description() string {
	if f < numFacts {
		return factInfo[f].desc
	}
	return ""
}

// Facts lists every fact in order.
func Facts() []Fact {
	fs := make([]Fact, numFacts)
	for i := range fs {
		fs[i] = Fact(i)
	}
	return fs
}

var factByName = func() map[string]Fact {
	m := make(map[string]Fact, numFacts)
	for i := range numFacts {
		m[factInfo[i].name] = i
	}
	return m
}()

// factSet is a set of facts that hold.
type factSet uint32

func (s factSet) has(f Fact) bool { return s&(1<<f) != 0 }
func (s *factSet) set(f Fact, on bool) {
	if on {
		*s |= 1 << f
	}
}
