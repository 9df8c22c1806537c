package certwise

// WorkClass is one of the six kinds of work certwise sorts activities into.
// Reporting and coordination are the compressible kinds: the seed's argument
// is that roles made mostly of them stay compressible whatever credentials
// their holders collect.
type WorkClass string

// The six work classes, in display order.
const (
	Reporting    WorkClass = "reporting"
	Coordination WorkClass = "coordination"
	Analysis     WorkClass = "analysis"
	SystemDesign WorkClass = "system_design"
	Relationship WorkClass = "relationship"
	HandsOn      WorkClass = "hands_on"
)

// WorkClasses lists every work class in display order.
var WorkClasses = []WorkClass{Reporting, Coordination, Analysis, SystemDesign, Relationship, HandsOn}

// Valid reports whether c is one of the six work classes.
func (c WorkClass) Valid() bool {
	for _, k := range WorkClasses {
		if c == k {
			return true
		}
	}
	return false
}

// WorkMix is the share of a role's work in each class; shares sum to 1.
type WorkMix map[WorkClass]float64

// CompressibleShare returns reporting + coordination.
func (m WorkMix) CompressibleShare() float64 { return m[Reporting] + m[Coordination] }

// CompressibleThreshold is the compressible share at and above which a role
// counts as reporting/coordination-heavy.
const CompressibleThreshold = 0.5

// ExposureLevel is how exposed a role's work is to generative AI.
type ExposureLevel string

// Exposure levels. Structural means high exposure in a role whose work is
// mostly compressible (reporting and coordination).
const (
	ExposureUnknown    ExposureLevel = "unknown"
	ExposureLow        ExposureLevel = "low"
	ExposureModerate   ExposureLevel = "moderate"
	ExposureHigh       ExposureLevel = "high"
	ExposureStructural ExposureLevel = "structural"
)

// ExposureLevels lists every exposure level, unknown first.
var ExposureLevels = []ExposureLevel{ExposureUnknown, ExposureLow, ExposureModerate, ExposureHigh, ExposureStructural}

// Valid reports whether l is a known exposure level.
func (l ExposureLevel) Valid() bool {
	for _, k := range ExposureLevels {
		if l == k {
			return true
		}
	}
	return false
}

// Occupation is the exposure profile of one O*NET-SOC occupation. A figure
// that a source lacks is nil (JSON null), never zero.
type Occupation struct {
	Code               string            `json:"code"` // O*NET-SOC code, e.g. 15-1252.00
	SOC                string            `json:"soc"`  // 6-digit SOC code, e.g. 15-1252
	Title              string            `json:"title"`
	GPT4Alpha          *float64          `json:"gpt4_alpha"`
	GPT4Beta           *float64          `json:"gpt4_beta"`
	GPT4Gamma          *float64          `json:"gpt4_gamma"`
	HumanAlpha         *float64          `json:"human_alpha"`
	HumanBeta          *float64          `json:"human_beta"`
	HumanGamma         *float64          `json:"human_gamma"`
	AIApplicability    *float64          `json:"ai_applicability"`
	ExposureLevel      ExposureLevel     `json:"exposure_level"`
	ExposurePercentile *float64          `json:"exposure_percentile"`
	WorkMix            WorkMix           `json:"work_mix"`
	CompressibleShare  *float64          `json:"compressible_share"`
	JobZone            *int              `json:"job_zone"`
	Employment         *int64            `json:"employment"`
	MedianWage         *float64          `json:"median_wage"`
	ProjectedGrowthPct *float64          `json:"projected_growth_pct"`
	LabourVintage      LabourVintage     `json:"labour_vintage"`
	Related            []string          `json:"related"`
	Skills             []SkillRating     `json:"skills,omitempty"` // O*NET skills and knowledge ratings
	Activities         []Activity        `json:"activities"`
	Sources            map[string]string `json:"sources"`
	Tasks              []Task            `json:"tasks,omitempty"`
}

// The releases the labour figures come from.
const (
	WagesVintage  = "BLS OEWS May 2024"                  // employment and median wage
	GrowthVintage = "BLS Employment Projections 2024–34" // projected growth
)

// LabourVintage names the releases an occupation's labour figures come from:
// employment and median wage (Wages) and projected growth (Growth).
type LabourVintage struct {
	Wages  string `json:"wages"`
	Growth string `json:"growth"`
}

// CurrentLabourVintage is the vintage of the figures certwise ships.
var CurrentLabourVintage = LabourVintage{Wages: WagesVintage, Growth: GrowthVintage}

// SkillKind says whether a rated element is one of O*NET's skills or one of
// its knowledge areas.
type SkillKind string

// The kinds of rated element.
const (
	SkillKindSkill     SkillKind = "skill"
	SkillKindKnowledge SkillKind = "knowledge"
)

// SkillRating is how an occupation rates one O*NET skill or knowledge area:
// importance (1-5) and level (0-7), rounded to one decimal. A level O*NET
// marks not relevant is 0.
type SkillRating struct {
	Element    string    `json:"element"` // O*NET content-model id, e.g. 2.A.1.a
	Name       string    `json:"name"`
	Kind       SkillKind `json:"kind"`
	Importance float64   `json:"importance"`
	Level      float64   `json:"level"`
}

// SimilarOccupation is an occupation close to another: the share of the
// first's work the second also does (Overlap, 0..1: the sum over activities
// of the smaller of the two weights), the similarity of their skills and
// knowledge ratings (Skills, -1..1, nil where either is unrated) and whether
// O*NET lists it among the first's related occupations.
type SimilarOccupation struct {
	Code    string   `json:"code"`
	Overlap float64  `json:"overlap"`
	Skills  *float64 `json:"skills_similarity"`
	Related bool     `json:"related,omitempty"`
}

// Activity is one intermediate work activity (IWA) of an occupation with its
// weight in that occupation and the exposure labels of the tasks behind it.
type Activity struct {
	IWA     string    `json:"iwa"`
	Title   string    `json:"title"`
	Class   WorkClass `json:"class"`
	Weight  float64   `json:"weight"`   // normalized over the occupation's activities
	E1Tasks int       `json:"e1_tasks"` // tasks labelled E1 by GPT-4
	E2Tasks int       `json:"e2_tasks"` // tasks labelled E2 by GPT-4
	Tasks   int       `json:"tasks"`    // labelled tasks mapped to the activity
}

// Task is one O*NET task statement with its exposure labels. Statements are
// read from a data directory at run time and never shipped in the binary.
type Task struct {
	ID            string `json:"id"`
	Statement     string `json:"statement"`
	Type          string `json:"type"` // Core or Supplemental
	GPT4Exposure  string `json:"gpt4_exposure"`
	HumanExposure string `json:"human_exposure"`
}

// ActivityFigures are the occupation-independent figures of one IWA: its work
// class, how many of its tasks are exposed, and how generative AI is used for
// it in the Working-with-AI data (nil where the data has no figure).
type ActivityFigures struct {
	IWA            string    `json:"iwa"`
	Title          string    `json:"title"`
	GWA            string    `json:"gwa"` // generalized work activity (the IWA ID's prefix)
	Class          WorkClass `json:"class"`
	E1Tasks        int       `json:"e1_tasks"`
	E2Tasks        int       `json:"e2_tasks"`
	Tasks          int       `json:"tasks"`
	ShareUser      *float64  `json:"share_user"`
	ShareAI        *float64  `json:"share_ai"`
	CompletionUser *float64  `json:"completion_user"`
	CompletionAI   *float64  `json:"completion_ai"`
	ScopeUser      *float64  `json:"scope_user"`
	ScopeAI        *float64  `json:"scope_ai"`
}

// ExposureData is what the decision engine and the front ends need from the
// exposure model. exposure.Model implements it.
type ExposureData interface {
	// Occupation returns the profile of an O*NET-SOC code.
	Occupation(code string) (*Occupation, bool)
	// Occupations returns every profile, ordered by code.
	Occupations() []*Occupation
	// Activity returns the figures of an IWA id.
	Activity(iwa string) (*ActivityFigures, bool)
}

// TitleEntry is one job title of an occupation: its official title or one
// of O*NET's alternate titles.
type TitleEntry struct {
	Code     string `json:"code"`
	Title    string `json:"title"`
	Official bool   `json:"official,omitempty"` // the occupation's own title, not an alternate
}

// TitleCandidate is one occupation a title matched.
type TitleCandidate struct {
	Code         string  `json:"code"`
	Title        string  `json:"title"`         // the occupation's official title
	MatchedTitle string  `json:"matched_title"` // the title in the index that matched best
	Score        float64 `json:"score"`         // 0..1
	// Note, when set, qualifies the match: the title names work O*NET has
	// no occupation of its own for, and this is the closest one.
	Note string `json:"note,omitempty"`
}

// TitleMatch is the answer to one title query. Confident is false when the
// query carries no meaning or the best two occupations are too close to call,
// and a front end should then ask the person to pick.
type TitleMatch struct {
	Query     string           `json:"query"`
	Matches   []TitleCandidate `json:"matches"`
	Confident bool             `json:"confident"`
}

// TitleMatcher matches free-text job titles to occupations.
type TitleMatcher interface {
	Match(query string, top int) TitleMatch
}
