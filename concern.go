package certwise

// This file holds the concern and tier notions the verdict work (helper
// "verdict", issue 13) introduces, in the same names and shapes, so that
// the prerequisite check can use them before that work is merged; the
// merge keeps one copy.

// Tier groups the verdicts by what they ask of the person: enroll now,
// prepare first, or leave it.
type Tier string

// The tiers, from the most to the least favourable to enrolling.
const (
	TierEnroll  Tier = "enroll"
	TierPrepare Tier = "prepare"
	TierAvoid   Tier = "avoid"
)

// Tier returns the tier the verdict belongs to.
func (v VerdictID) Tier() Tier {
	switch v {
	case VerdictPursue, VerdictPursueForSignal:
		return TierEnroll
	case VerdictAvoid:
		return TierAvoid
	}
	return TierPrepare
}

// Concern is one thing in the person's answers or situation that argues
// against enrolling now, whichever rule decided the verdict. IDs are a
// stable interface.
type Concern struct {
	ID       string `json:"id"`
	Text     string `json:"text"`
	Evidence string `json:"evidence"`
}

// ConcernPrerequisiteMissing: the certification the person named requires
// a credential they do not hold.
const ConcernPrerequisiteMissing = "prerequisite_missing"
