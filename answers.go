package certwise

// Answers is everything a person tells certwise about their situation. Every
// front end builds one; the decision engine validates and evaluates it.
type Answers struct {
	Role                  RoleAnswers          `json:"role" yaml:"role"`
	Position              Position             `json:"position" yaml:"position"`
	Organization          Organization         `json:"organization" yaml:"organization"`
	Industry              Industry             `json:"industry" yaml:"industry"`
	Motives               []Motive             `json:"motives" yaml:"motives"`
	CapabilityGap         string               `json:"capability_gap" yaml:"capability_gap"`
	TargetRole            *TargetRole          `json:"target_role,omitempty" yaml:"target_role,omitempty"`
	Certification         *CertificationChoice `json:"certification,omitempty" yaml:"certification,omitempty"`
	ExpectedAuthorityGain AuthorityGain        `json:"expected_authority_gain,omitempty" yaml:"expected_authority_gain,omitempty"`
	Positioning           Positioning          `json:"positioning,omitempty" yaml:"positioning,omitempty"`
	Trajectory            Trajectory           `json:"trajectory,omitempty" yaml:"trajectory,omitempty"`
	HeldCertifications    []string             `json:"held_certifications,omitempty" yaml:"held_certifications,omitempty"`
}

// RoleAnswers describes the person's current role. Occupation is an O*NET-SOC
// code; Title is free text matched to an occupation when no code is given.
type RoleAnswers struct {
	Title                string             `json:"title,omitempty" yaml:"title,omitempty"`
	Occupation           string             `json:"occupation,omitempty" yaml:"occupation,omitempty"`
	ExposureSelfAssessed ExposureLevel      `json:"exposure_self_assessed,omitempty" yaml:"exposure_self_assessed,omitempty"`
	WorkMix              WorkMix            `json:"work_mix,omitempty" yaml:"work_mix,omitempty"`
	ActivityShares       map[string]float64 `json:"activity_shares,omitempty" yaml:"activity_shares,omitempty"`
}

// Position describes what the person holds in their current role.
type Position struct {
	OwnsMeasurableOutcomes    bool `json:"owns_measurable_outcomes" yaml:"owns_measurable_outcomes"`
	AIEnhancedRole            bool `json:"ai_enhanced_role" yaml:"ai_enhanced_role"`
	ExpandingIntoSystemDesign bool `json:"expanding_into_system_design" yaml:"expanding_into_system_design"`
	TransitioningToHybridRole bool `json:"transitioning_to_hybrid_role" yaml:"transitioning_to_hybrid_role"`
	HasTestedAIInRole         bool `json:"has_tested_ai_in_role" yaml:"has_tested_ai_in_role"`
}

// Organization describes how the person's employer treats AI and credentials.
type Organization struct {
	LeadershipValuesAILiteracy   bool            `json:"leadership_values_ai_literacy" yaml:"leadership_values_ai_literacy"`
	PromotionRewardsCredentials  bool            `json:"promotion_rewards_credentials" yaml:"promotion_rewards_credentials"`
	PoliticsRewardFormalPrograms bool            `json:"politics_reward_formal_programs" yaml:"politics_reward_formal_programs"`
	AIAdoptionPhase              AIAdoptionPhase `json:"ai_adoption_phase,omitempty" yaml:"ai_adoption_phase,omitempty"`
}

// Industry describes the person's industry.
type Industry struct {
	CredentialSensitive      bool `json:"credential_sensitive" yaml:"credential_sensitive"`
	CompressingBusinessModel bool `json:"compressing_business_model" yaml:"compressing_business_model"`
	ShiftingToAI             bool `json:"shifting_to_ai" yaml:"shifting_to_ai"`
}

// TargetRole is the role the person wants to move into.
type TargetRole struct {
	Title      string `json:"title,omitempty" yaml:"title,omitempty"`
	Occupation string `json:"occupation,omitempty" yaml:"occupation,omitempty"`
}

// Empty reports whether no target role is named.
func (t *TargetRole) Empty() bool { return t == nil || (t.Title == "" && t.Occupation == "") }

// CertificationChoice names the certification under consideration: a catalog
// id, or a custom one described by name, cost, hours and skills.
type CertificationChoice struct {
	ID      string   `json:"id,omitempty" yaml:"id,omitempty"`
	Name    string   `json:"name,omitempty" yaml:"name,omitempty"`
	CostUSD *float64 `json:"cost_usd,omitempty" yaml:"cost_usd,omitempty"`
	Hours   *float64 `json:"hours,omitempty" yaml:"hours,omitempty"`
	Skills  []string `json:"skills,omitempty" yaml:"skills,omitempty"`
}

// Motive is one reason a person gives for wanting a certification.
type Motive string

// The motives. The first four are the valid reasons for a certification; the
// other four do not justify one.
const (
	MotiveCapabilityGap         Motive = "capability_gap"
	MotiveCredentialSignal      Motive = "credential_signal"
	MotiveRoleTransition        Motive = "role_transition"
	MotiveIndustryShift         Motive = "industry_shift"
	MotiveSignalActivity        Motive = "signal_activity"
	MotiveReduceAnxiety         Motive = "reduce_anxiety"
	MotiveFollowHeadlines       Motive = "follow_headlines"
	MotiveCompensatePositioning Motive = "compensate_positioning"
)

// Motives lists every motive, valid ones first.
var Motives = []Motive{
	MotiveCapabilityGap, MotiveCredentialSignal, MotiveRoleTransition, MotiveIndustryShift,
	MotiveSignalActivity, MotiveReduceAnxiety, MotiveFollowHeadlines, MotiveCompensatePositioning,
}

// Valid reports whether m is a known motive.
func (m Motive) Valid() bool {
	for _, k := range Motives {
		if m == k {
			return true
		}
	}
	return false
}

// Justifies reports whether m is one of the four reasons that can justify a
// certification.
func (m Motive) Justifies() bool {
	switch m {
	case MotiveCapabilityGap, MotiveCredentialSignal, MotiveRoleTransition, MotiveIndustryShift:
		return true
	}
	return false
}

// AIAdoptionPhase is where the person's organization stands in adopting AI.
type AIAdoptionPhase string

// The adoption phases.
const (
	PhaseExploration               AIAdoptionPhase = "exploration"
	PhaseEarlyAdoption             AIAdoptionPhase = "early_adoption"
	PhaseProductivityNormalization AIAdoptionPhase = "productivity_normalization"
	PhaseMature                    AIAdoptionPhase = "mature"
)

// AIAdoptionPhases lists every adoption phase in order.
var AIAdoptionPhases = []AIAdoptionPhase{PhaseExploration, PhaseEarlyAdoption, PhaseProductivityNormalization, PhaseMature}

// AuthorityGain is what the person expects the certification to do for their
// authority at work.
type AuthorityGain string

// The authority gains.
const (
	AuthorityNone          AuthorityGain = "none"
	AuthorityKnowledgeOnly AuthorityGain = "knowledge_only"
	AuthoritySome          AuthorityGain = "some"
	AuthorityClear         AuthorityGain = "clear"
)

// AuthorityGains lists every authority gain in order.
var AuthorityGains = []AuthorityGain{AuthorityNone, AuthorityKnowledgeOnly, AuthoritySome, AuthorityClear}

// Positioning is whether the certification is meant to defend the current
// position or to move forward.
type Positioning string

// The positionings.
const (
	Defensive Positioning = "defensive"
	Offensive Positioning = "offensive"
)

// Positionings lists every positioning.
var Positionings = []Positioning{Defensive, Offensive}

// Trajectory is where the person means to go: into another role, deeper
// into the one they hold, or not decided.
type Trajectory string

// The trajectories.
const (
	TrajectoryMoveToTarget      Trajectory = "move_to_target"
	TrajectoryDeepenCurrentRole Trajectory = "deepen_current_role"
	TrajectoryUndecided         Trajectory = "undecided"
)

// Trajectories lists every trajectory.
var Trajectories = []Trajectory{TrajectoryMoveToTarget, TrajectoryDeepenCurrentRole, TrajectoryUndecided}

// StatedTrajectory returns the trajectory the person chose or, when they
// chose none, the one their answers imply: move_to_target when a target
// role is named, else undecided.
func (a *Answers) StatedTrajectory() Trajectory {
	if a.Trajectory != "" {
		return a.Trajectory
	}
	if !a.TargetRole.Empty() {
		return TrajectoryMoveToTarget
	}
	return TrajectoryUndecided
}
