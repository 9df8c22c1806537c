package certwise

import (
	"context"

	"github.com/certwise/certwise/internal/display"
)

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
	Verdict         VerdictID         `json:"verdict"`
	Rule            string            `json:"rule"`
	Headline        string            `json:"headline"`
	Concerns        []Concern         `json:"concerns"`
	Trajectory      TrajectorySummary `json:"trajectory"`
	Reasons         []Reason          `json:"reasons"`
	Conditions      Conditions        `json:"conditions"`
	Exposure        ExposureSummary   `json:"exposure"`
	Questions       []Question        `json:"questions"`
	Alternatives    []Alternative     `json:"alternatives"`
	NextSteps       []NextStep        `json:"next_steps"`
	Recommendations []Recommendation  `json:"recommendations"`
	References      []Reference       `json:"references"`
	// CertificationFit judges the certification the person named; nil
	// when they named none.
	CertificationFit *CertificationFit `json:"certification_fit,omitempty"`
}

// Tier groups the verdicts by what they ask of the person: enroll now,
// prepare first, or leave it. Verdicts move between tiers monotonically:
// a stronger position never lowers the tier, a new concern never raises it.
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

// Rank orders the tiers: 2 for enroll, 1 for prepare, 0 for avoid.
func (t Tier) Rank() int {
	switch t {
	case TierEnroll:
		return 2
	case TierPrepare:
		return 1
	}
	return 0
}

// Concern is one thing in the person's answers or situation that argues
// against enrolling now, whichever rule decided the verdict. IDs are a
// stable interface (see the rulebook's concerns).
type Concern struct {
	ID       string `json:"id"`
	Text     string `json:"text"`
	Evidence string `json:"evidence"`
}

// TrajectorySummary is where the person is heading and whether that counts
// as a defined trajectory: a target role that resolves to an occupation
// other than the current one, or deepening the current role with a named
// capability gap.
type TrajectorySummary struct {
	// Choice is the trajectory the person chose or, when they chose none,
	// the one their answers imply.
	Choice  Trajectory `json:"choice"`
	Defined bool       `json:"defined"`
	// TargetCode and TargetTitle are the occupation the target role
	// resolved to, and TargetSource how: occupation (a code was given or
	// picked), title_match (a confident match) or "" when it did not.
	TargetCode   string `json:"target_code,omitempty"`
	TargetTitle  string `json:"target_title,omitempty"`
	TargetSource string `json:"target_source,omitempty"`
	Evidence     string `json:"evidence"`
}

// Reason is one step of the explanation: the rule or derived fact it concerns
// and the evidence behind it.
type Reason struct {
	Rule string `json:"rule,omitempty"`
	Fact string `json:"fact,omitempty"`
	// Holds is whether the fact holds, for reasons about a derived fact the
	// rules test, or whether the rule's condition holds: true for the rule
	// that decided, false for the rules checked before it. Nil for notes.
	Holds    *bool  `json:"holds,omitempty"`
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
	Source            string        `json:"source"` // self_assessed, occupation, title_match, candidates or none
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

// NextStep is one concrete action, with the data behind it. Kind says which
// of the typed fields carry that data; a field that does not apply is empty.
type NextStep struct {
	Action   string         `json:"action"`
	Why      string         `json:"why,omitempty"`
	Evidence map[string]any `json:"evidence,omitempty"`

	Kind           string             `json:"kind,omitempty"` // see the NextStep* kinds
	Activities     []ActivityEvidence `json:"activities,omitempty"`
	Targets        []TransitionTarget `json:"targets,omitempty"`
	Shift          *WorkShift         `json:"shift,omitempty"`
	Certifications []Recommendation   `json:"certifications,omitempty"`
	TotalCostUSD   *float64           `json:"total_cost_usd,omitempty"`
	TotalHours     *float64           `json:"total_hours,omitempty"`
	Questions      []string           `json:"questions,omitempty"`
	// CostUnpriced counts the certifications of the step that have no
	// price and so are missing from TotalCostUSD: a total is complete only
	// when it is zero.
	CostUnpriced int         `json:"cost_unpriced,omitempty"`
	MoveBounds   *MoveBounds `json:"move_bounds,omitempty"` // with Targets: the bounds moves were held to
}

// TotalCostText says the step's total cost the way every report and page
// prints it: TotalCostText of its certifications, saying how many are
// unpriced; a step saved without its certifications keeps its bare total.
func (s NextStep) TotalCostText() string {
	if len(s.Certifications) == 0 {
		return display.Cost(s.TotalCostUSD, true)
	}
	return TotalCostText(s.Certifications)
}

// The kinds of next step.
const (
	NextStepAppliedProjects = "applied_projects"      // Activities: where to apply AI first
	NextStepTransition      = "transition_targets"    // Targets: less exposed occupations to move to
	NextStepTargetCerts     = "target_certifications" // Certifications serving the targets
	NextStepShiftWork       = "shift_work"            // Shift and Activities: work to move toward ownership
	NextStepHandOff         = "hand_off"              // Activities: compressible work to hand to AI tools
	NextStepCertifications  = "certifications"        // Certifications with totals
	NextStepPairedProject   = "paired_project"        // Activities: the project to pair with a credential
	NextStepQuestions       = "questions"             // Questions still open
)

// ActivityEvidence is one work activity (IWA) of the person's role with the
// figures that put it in a next step.
type ActivityEvidence struct {
	IWA   string    `json:"iwa"`
	Title string    `json:"title"`
	Class WorkClass `json:"class"`
	// Share is the activity's share of the person's work: their own
	// activity_shares when given, else the occupation's weight.
	Share       float64 `json:"share"`
	ShareSource string  `json:"share_source,omitempty"` // activity_shares or occupation
	// Applicability is how well generative AI handles the activity today in
	// the Working-with-AI data: the activity's term of the paper's Equation 1,
	// 0.5 × completion × scope for each of the user and AI sides with enough
	// conversations (nil where the data has no figures).
	Applicability *float64 `json:"applicability,omitempty"`
	Score         *float64 `json:"score,omitempty"` // Share × Applicability
	Project       string   `json:"project,omitempty"`
	Measure       string   `json:"measure,omitempty"`
}

// SharedActivity is an activity the person's role has in common with a
// transition target, with its weight in each.
type SharedActivity struct {
	IWA          string  `json:"iwa"`
	Title        string  `json:"title"`
	Share        float64 `json:"share"`         // in the person's work
	TargetWeight float64 `json:"target_weight"` // in the target occupation
}

// TransitionTarget is an occupation the person could move to: less exposed,
// growing faster, at a comparable preparation level.
type TransitionTarget struct {
	Code               string           `json:"code"`
	Title              string           `json:"title"`
	Via                []string         `json:"via"` // onet_related, shared_activities
	ExposureLevel      ExposureLevel    `json:"exposure_level"`
	GPT4Beta           *float64         `json:"gpt4_beta"`
	CompressibleShare  *float64         `json:"compressible_share"`
	ProjectedGrowthPct *float64         `json:"projected_growth_pct"`
	MedianWage         *float64         `json:"median_wage"`
	LabourVintage      LabourVintage    `json:"labour_vintage"` // releases of median_wage and projected_growth_pct
	JobZone            *int             `json:"job_zone"`
	Overlap            float64          `json:"overlap"` // share of the person's work the target also does, 0..1
	SharedActivities   []SharedActivity `json:"shared_activities"`
	Certifications     []Recommendation `json:"certifications,omitempty"`

	// Status is MoveProposed when the move meets every bound of
	// MoveBounds, MoveOutsideBounds when it misses one, named in
	// OutsideBounds and said in plain words in Caveats.
	Status           string       `json:"status,omitempty"`
	OutsideBounds    []string     `json:"outside_bounds,omitempty"` // job_zone, median_wage, skills
	Caveats          []string     `json:"caveats,omitempty"`        // plain words for each bound missed and for a step of one job zone up
	Fit              float64      `json:"fit"`                      // the ranking score: overlap + 0.5 × positive skills similarity (+0.05 if O*NET relates them)
	SkillsSimilarity *float64     `json:"skills_similarity"`        // -1..1, nil where either occupation is unrated
	WageRatio        *float64     `json:"wage_ratio"`               // target's median wage over the current one's
	SharedSkills     []SkillMatch `json:"shared_skills,omitempty"`  // skills and knowledge both occupations rate important
	SkillGaps        []SkillMatch `json:"skill_gaps,omitempty"`     // the gap to close: where the target asks clearly more
}

// The status of a transition target.
const (
	MoveProposed      = "proposed"
	MoveOutsideBounds = "outside_bounds"
)

// The bounds a move can miss, as named in TransitionTarget.OutsideBounds.
const (
	BoundJobZone    = "job_zone"
	BoundMedianWage = "median_wage"
	BoundSkills     = "skills" // asks for knowledge fields the person's occupation barely uses
)

// SkillMatch compares one O*NET skill or knowledge area between the
// person's occupation and a target: the target's importance (1-5) and the
// level (0-7) each asks for.
type SkillMatch struct {
	Element     string    `json:"element"`
	Name        string    `json:"name"`
	Kind        SkillKind `json:"kind"`
	Importance  float64   `json:"importance"`
	Level       float64   `json:"current_level"`
	TargetLevel float64   `json:"target_level"`
}

// MoveBounds are the bounds a career move must meet to be proposed, with
// the person's figures they were applied to. Nil figures were unknown and
// their bound not applied.
type MoveBounds struct {
	MinOverlap        float64       `json:"min_overlap"`         // share of the person's work the target must share
	JobZone           *int          `json:"job_zone"`            // current; targets within one of it
	MedianWage        *float64      `json:"median_wage"`         // current; targets at MinWageRatio of it or more
	MinWageRatio      float64       `json:"min_wage_ratio"`      // 0.9
	ExposureLevel     ExposureLevel `json:"exposure_level"`      // current; targets less exposed
	CompressibleShare *float64      `json:"compressible_share"`  // current
	LabourVintage     LabourVintage `json:"labour_vintage"`      // the release of the wage figures
	Examined          int           `json:"candidates_examined"` // occupations considered
	Qualifying        int           `json:"qualifying"`          // candidates meeting every bound
}

// WorkShift is how much of the work mix to move from reporting and
// coordination toward the kinds of work that carry ownership.
type WorkShift struct {
	From            []WorkClass `json:"from"`
	To              WorkClass   `json:"to"`
	CurrentShare    float64     `json:"current_share"`              // of To in the person's mix
	OccupationShare *float64    `json:"occupation_share,omitempty"` // of To in the occupation
	CompressibleNow float64     `json:"compressible_now"`
	MovePoints      float64     `json:"move_points"` // share of the week to move into To, 0..1
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
