package certwise

// Certification statuses.
const (
	StatusActive   = "active"
	StatusRetiring = "retiring"
)

// Certification levels.
const (
	LevelFoundational = "foundational"
	LevelAssociate    = "associate"
	LevelProfessional = "professional"
	LevelSpecialty    = "specialty"
)

// Certification is one real AI certification in the catalog. A fact that
// could not be verified from an official page is nil with a note in Notes.
type Certification struct {
	ID             string   `json:"id" yaml:"id"`
	Name           string   `json:"name" yaml:"name"`
	Provider       string   `json:"provider" yaml:"provider"`
	Level          string   `json:"level" yaml:"level"`
	Audience       []string `json:"audience" yaml:"audience"`
	CostUSD        *float64 `json:"cost_usd" yaml:"cost_usd"`
	Exam           *Exam    `json:"exam" yaml:"exam"`
	PrepHours      *float64 `json:"prep_hours" yaml:"prep_hours"`
	PrepHoursBasis string   `json:"prep_hours_basis" yaml:"prep_hours_basis"`
	ValidityYears  *float64 `json:"validity_years" yaml:"validity_years"`
	Prerequisites  []string `json:"prerequisites" yaml:"prerequisites"`
	Skills         []string `json:"skills" yaml:"skills"`
	Roles          []string `json:"roles" yaml:"roles"`
	Recognition    []string `json:"recognition" yaml:"recognition"`
	URL            string   `json:"url" yaml:"url"`
	AsOf           string   `json:"as_of" yaml:"as_of"`
	Status         string   `json:"status" yaml:"status"` // active or retiring
	RetiresOn      string   `json:"retires_on,omitempty" yaml:"retires_on,omitempty"`
	Notes          []string `json:"notes,omitempty" yaml:"notes,omitempty"`
	// Sources lists the pages, other than URL, that the entry's facts were
	// checked against, so that a reader can retrace each figure.
	Sources []string `json:"sources,omitempty" yaml:"sources,omitempty"`
	// Reported holds figures that only secondary pages give, for facts the
	// official page could not confirm (those stay nil above).
	Reported *Reported `json:"reported,omitempty" yaml:"reported,omitempty"`
}

// Reported is what a secondary page (a study guide, a training vendor)
// reports for figures the provider's official page could not confirm. It is
// shown as unverified and never replaces an official figure.
type Reported struct {
	CostUSD       *float64 `json:"cost_usd,omitempty" yaml:"cost_usd,omitempty"`
	ExamMinutes   *int     `json:"exam_minutes,omitempty" yaml:"exam_minutes,omitempty"`
	ExamQuestions *int     `json:"exam_questions,omitempty" yaml:"exam_questions,omitempty"`
	ValidityYears *float64 `json:"validity_years,omitempty" yaml:"validity_years,omitempty"`
	Source        string   `json:"source" yaml:"source"`
}

// Cost returns the certification's cost and whether it is verified: the
// official figure when there is one, else the reported one (unverified), else
// nil.
func (c Certification) Cost() (cost *float64, verified bool) {
	if c.CostUSD != nil {
		return c.CostUSD, true
	}
	if c.Reported != nil && c.Reported.CostUSD != nil {
		return c.Reported.CostUSD, false
	}
	return nil, false
}

// Validity returns how many years the certification stays valid and whether
// that is verified: the official figure when there is one, else the reported
// one (unverified), else nil; as Cost does for the cost.
func (c Certification) Validity() (years *float64, verified bool) {
	if c.ValidityYears != nil {
		return c.ValidityYears, true
	}
	if c.Reported != nil && c.Reported.ValidityYears != nil {
		return c.Reported.ValidityYears, false
	}
	return nil, false
}

// Exam describes a certification's exam where the provider publishes it.
type Exam struct {
	Format    string `json:"format" yaml:"format"`
	Minutes   *int   `json:"minutes" yaml:"minutes"`
	Questions *int   `json:"questions" yaml:"questions"`
}

// RecommendRequest is what a recommendation is fitted to.
type RecommendRequest struct {
	Gap        string   // the capability gap in the person's words
	Skills     []string // skills already named (controlled vocabulary)
	TargetCode string   // O*NET-SOC code of the target role, if any
	RoleCode   string   // O*NET-SOC code of the current role, if any
	BudgetUSD  *float64 // the most the person will spend
	MaxHours   *float64 // the most prep time the person will spend
	Top        int      // how many to return; 0 means a default
}

// Recommendation is one certification ranked for a person, with why.
type Recommendation struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Provider string   `json:"provider"`
	Level    string   `json:"level"`
	Score    float64  `json:"score"`
	CostUSD  *float64 `json:"cost_usd"`
	// CostVerified says whether CostUSD is confirmed by the provider's
	// official page; when false, CostUSD (if any) is a secondary report.
	CostVerified bool     `json:"cost_verified"`
	PrepHours    *float64 `json:"prep_hours"`
	URL          string   `json:"url"`
	Why          []string `json:"why"`
}
