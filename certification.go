package certwise

import (
	"context"
	"math"
	"strconv"

	"github.com/certwise/certwise/internal/numfmt"
)

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

// CostText says the certification's cost the way every report, page and
// note prints it; see the CostText function.
func (c Certification) CostText() string { return CostText(c.Cost()) }

// CostText says a certification's cost in US dollars for people to read, the
// one wording that every report, page and note uses: "not confirmed" for a
// nil cost, "free" for zero, else the amount as Dollars gives it, followed by
// " (reported, unverified)" when only a secondary page gives the figure
// (verified is false).
func CostText(cost *float64, verified bool) string {
	if cost == nil {
		return "not confirmed"
	}
	s := "free"
	if *cost != 0 {
		s = Dollars(*cost)
	}
	return reportedText(s, verified)
}

// reportedText follows s, a figure's text, with " (reported, unverified)"
// when only a secondary page gives the figure (verified is false).
func reportedText(s string, verified bool) string {
	if !verified {
		s += " (reported, unverified)"
	}
	return s
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

// ValidityText says how long the certification stays valid the way pages
// print it: "1 year" or "3 years" from an official page, the period a
// secondary page reports followed by " (reported, unverified)", or "not
// confirmed" when neither gives one (the wording of CostText).
func (c Certification) ValidityText() string {
	y, verified := c.Validity()
	if y == nil {
		return "not confirmed"
	}
	return reportedText(YearsText(*y), verified)
}

// YearsText says a number of years: "1 year", "1.5 years", "3 years".
func YearsText(y float64) string {
	if y == 1 {
		return "1 year"
	}
	return strconv.FormatFloat(y, 'f', -1, 64) + " years"
}

// Dollars formats an amount in US dollars with its whole part grouped in
// thousands: whole dollars without decimals ("$1,250"), any other amount with
// two ("$99.50"), so that no price is rounded to whole dollars unseen.
func Dollars(v float64) string {
	if v == math.Trunc(v) {
		return "$" + numfmt.Float(v, 0)
	}
	return "$" + numfmt.Float(v, 2)
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

// CostText says the recommendation's cost as the CostText function does.
func (r Recommendation) CostText() string { return CostText(r.CostUSD, r.CostVerified) }

// Recommender ranks catalog certifications for a person.
type Recommender interface {
	Recommend(ctx context.Context, req RecommendRequest) ([]Recommendation, error)
}
