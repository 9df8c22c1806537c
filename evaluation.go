package certwise

import "context"

// VerdictID is the decision on a certification. The IDs are a stable
// interface: users script against them.
type VerdictID string

// The verdicts.
const (
	VerdictPursue            VerdictID = "pursue"
	VerdictPursueForSignal   VerdictID = "pursue_for_signal"
	VerdictApplyFirst        VerdictID = "apply_first"
	VerdictClarifyFirst      VerdictID = "clarify_first"
	VerdictRedesignRoleFirst VerdictID = "redesign_role_first"
	VerdictReassessPosition  VerdictID = "reassess_position"
	VerdictAvoid             VerdictID = "avoid"
)

// Verdicts lists every verdict.
var Verdicts = []VerdictID{
	VerdictPursue, VerdictPursueForSignal, VerdictApplyFirst, VerdictClarifyFirst,
	VerdictRedesignRoleFirst, VerdictReassessPosition, VerdictAvoid,
}

// RoleType says how AI relates to a role: it barely touches it, it makes it
// stronger, or it compresses it.
type RoleType string

// The role types.
const (
	RoleTypeUnknown      RoleType = "unknown"
	RoleTypeAIProof      RoleType = "ai_proof"
	RoleTypeAIEnhanced   RoleType = "ai_enhanced"
	RoleTypeCompressible RoleType = "compressible"
)

// Evaluation is the engine's complete answer for one set of Answers. Its JSON
// field names are a stable interface.
type Evaluation struct {
	Verdict         VerdictID        `json:"verdict"`
	Rule            string           `json:"rule"`
	Headline        string           `json:"headline"`
	Reasons         []Reason         `json:"reasons"`
	Conditions      Conditions       `json:"conditions"`
	Exposure        ExposureSummary  `json:"exposure"`
	Questions       []Question       `json:"questions"`
	Alternatives    []Alternative    `json:"alternatives"`
	NextSteps       []NextStep       `json:"next_steps"`
	Recommendations []Recommendation `json:"recommendations"`
	References      []Reference      `json:"references"`
}

// Reason is one step of the explanation: the rule or derived fact it concerns
// and the evidence behind it.
type Reason struct {
	Rule     string `json:"rule,omitempty"`
	Fact     string `json:"fact,omitempty"`
	Evidence string `json:"evidence"`
}

// Conditions are the four conditions under which a certification accelerates
// a career instead of buying reassurance.
type Conditions struct {
	ExposureUnderstood bool `json:"exposure_understood"`
	LeveragePossible   bool `json:"leverage_possible"`
	TimingAppropriate  bool `json:"timing_appropriate"`
	TrajectoryDefined  bool `json:"trajectory_defined"`
}

// All reports whether every condition holds.
func (c Conditions) All() bool {
	return c.ExposureUnderstood && c.LeveragePossible && c.TimingAppropriate && c.TrajectoryDefined
}

// ExposureSummary is what the evaluation knows about how exposed the role is.
type ExposureSummary struct {
	Level             ExposureLevel `json:"level"`
	Source            string        `json:"source"` // self_assessed, occupation, title_match or none
	SelfAssessed      ExposureLevel `json:"self_assessed,omitempty"`
	DataLevel         ExposureLevel `json:"data_level,omitempty"` // the occupation's level, when known
	Disagreement      string        `json:"disagreement,omitempty"`
	Percentile        *float64      `json:"percentile"`
	WorkMix           WorkMix       `json:"work_mix"`
	WorkMixSource     string        `json:"work_mix_source,omitempty"` // answers, activity_shares, occupation or none
	CompressibleShare *float64      `json:"compressible_share"`
	Structural        bool          `json:"structural"`
	OccupationCode    string        `json:"occupation_code,omitempty"`
	OccupationTitle   string        `json:"occupation_title,omitempty"`
	TitleMatch        *TitleMatch   `json:"title_match,omitempty"`
	RoleType          RoleType      `json:"role_type"`
	RoleTypeBasis     string        `json:"role_type_basis,omitempty"`
}

// Question is one of the five questions to ask before enrolling, with what
// the person's answers say about it.
type Question struct {
	ID       string `json:"id"`
	Question string `json:"question"`
	Answer   string `json:"answer"`
	Status   string `json:"status"` // clear, weak or open
}

// Alternative is one way to build AI positioning, ranked for this person.
type Alternative struct {
	Kind  string `json:"kind"` // certification, applied_project or organizational_leverage
	Rank  int    `json:"rank"`
	Title string `json:"title"`
	Why   string `json:"why"`
}

// NextStep is one concrete action, with the data behind it.
type NextStep struct {
	Action   string         `json:"action"`
	Why      string         `json:"why,omitempty"`
	Evidence map[string]any `json:"evidence,omitempty"`
}

// Reference points to a section of the seed guide or a related topic.
type Reference struct {
	Section string `json:"section,omitempty"`
	Topic   string `json:"topic"`
	Note    string `json:"note,omitempty"`
}

// Evaluator turns Answers into an Evaluation. rules.Engine implements it.
type Evaluator interface {
	// Evaluate validates the answers (EINVALID naming the field) and
	// evaluates them.
	Evaluate(ctx context.Context, a Answers) (*Evaluation, error)
}

// AdviceInput is what the decision engine hands an Advisor once a verdict is
// reached: the verdict, the answers, and everything the engine derived.
// Occupation is nil when the role could not be resolved to one.
type AdviceInput struct {
	Verdict         VerdictID
	Answers         *Answers
	Occupation      *Occupation
	WorkMix         WorkMix
	Level           ExposureLevel
	Leverage        bool
	Recommendations []Recommendation
	OpenConditions  []string   // names of the four conditions that do not hold
	OpenQuestions   []Question // the questions whose status is not "clear"
}

// Advice is an Advisor's answer: the person's role type with the figures
// that decided it, and next steps filled from the person's own data.
type Advice struct {
	RoleType      RoleType
	RoleTypeBasis string
	NextSteps     []NextStep
}

// Advisor turns a verdict into concrete, data-backed next steps. The advice
// package implements it; the decision engine calls it when one is wired.
type Advisor interface {
	Advise(ctx context.Context, in AdviceInput) (Advice, error)
}
