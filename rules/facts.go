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
	numFacts
)

// factInfo names and explains each fact. The descriptions are shown beside
// the evidence in an evaluation's reasons.
var factInfo = [numFacts]struct{ name, desc string }{
	FactValidMotive:          {"valid_motive", "at least one motive is capability_gap, credential_signal, role_transition or industry_shift"},
	FactPanic:                {"panic", "reduce_anxiety or follow_headlines is among the motives"},
	FactCapabilityGapNamed:   {"capability_gap_named", "a capability gap is named in words"},
	FactStructural:           {"structural", "exposure self-assessed as structural, or high exposure in a compressible role without ownership of measurable outcomes"},
	FactCompressingIndustry:  {"compressing_industry", "the industry's business model is compressing"},
	FactDefinedTransition:    {"defined_transition", "role_transition is a motive and a target role is named"},
	FactTestedAI:             {"tested_ai", "AI has been tried in the current role"},
	FactCompressible:         {"compressible", "reporting plus coordination make up at least half of the work"},
	FactLevelModerateOrHigh:  {"level_moderate_or_high", "the exposure level is moderate or high (structural counts as high)"},
	FactLeverage:             {"leverage", "owns measurable outcomes, holds an AI-enhanced role, expands into system design or moves into a hybrid role"},
	FactSignalingEnvironment: {"signaling_environment", "leadership, promotion or internal politics reward AI credentials, or the industry is credential-sensitive"},
	FactExposureUnderstood:   {"exposure_understood", "the exposure level is known"},
	FactLeveragePossible:     {"leverage_possible", "the same as leverage: a certification has something to amplify"},
	FactTimingAppropriate:    {"timing_appropriate", "AI has been tried in the role and the motives are not panic"},
	FactTrajectoryDefined:    {"trajectory_defined", "a target role is named"},
	FactAlways:               {"always", "holds for every set of answers (the catch-all rule)"},
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
