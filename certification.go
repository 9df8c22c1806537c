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

	// CostProvenance says how CostUSD is known: ProvenanceOfficial or
	// ProvenanceCorroborated when CostUSD is set, ProvenanceReported when
	// only one page (or pages that disagree) gives a figure, which then
	// stays out of CostUSD, and ProvenanceNone when no page gives one.
	CostProvenance string `json:"cost_provenance" yaml:"cost_provenance"`
	// Prices lists every published fee with its provenance and the pages
	// behind it: the exam fee, member and non-member prices, renewal and
	// other fees, and each side of a conflict between pages.
	Prices []Price `json:"prices,omitempty" yaml:"prices,omitempty"`
	// ExamProvenance says how the figures in Exam are known (official or
	// corroborated, with ExamSources behind them), or, when Exam is nil,
	// that the exam figures in Reported are reported.
	ExamProvenance string   `json:"exam_provenance,omitempty" yaml:"exam_provenance,omitempty"`
	ExamSources    []Source `json:"exam_sources,omitempty" yaml:"exam_sources,omitempty"`
	// HardPrerequisites are the conditions a candidate must meet before
	// the provider certifies them, in structured form; Prerequisites keeps
	// the wording of these and of the softer recommendations.
	HardPrerequisites []Prerequisite `json:"hard_prerequisites,omitempty" yaml:"hard_prerequisites,omitempty"`
	// AnyField marks a general AI-literacy credential made for people in
	// any occupation; Roles then names examples, not the limit of its use.
	AnyField bool `json:"any_field,omitempty" yaml:"any_field,omitempty"`
	// FieldCredential marks a field's general professional credential (a
	// project management, HR, audit or health informatics one) that is not
	// about AI itself: it is listed so that people of that field find it,
	// and ranks below credentials about AI in the field.
	FieldCredential bool `json:"field_credential,omitempty" yaml:"field_credential,omitempty"`
}

// Provenance values of a cost or exam fact.
const (
	// ProvenanceOfficial: the provider's own page states the figure.
	ProvenanceOfficial = "official"
	// ProvenanceCorroborated: two or more independent pages agree on the
	// figure, and all of them are cited.
	ProvenanceCorroborated = "corroborated"
	// ProvenanceReported: one page gives the figure, or pages disagree.
	ProvenanceReported = "reported"
	// ProvenanceNone: no page found gives the figure.
	ProvenanceNone = "none"
)

// Source is a page a fact was read from, with what kind of page it is
// (SourceKinds).
type Source struct {
	URL  string `json:"url" yaml:"url"`
	Kind string `json:"kind" yaml:"kind"`
}

// SourceKinds are the kinds of page a fact may come from: the provider's
// own page (or an official document of it, such as a candidate handbook),
// a training vendor or exam-prep site, a personal or company blog, a news
// or magazine article, a public code repository, a reseller or test centre,
// a reference site (a wiki, a glossary, a certification directory).
var SourceKinds = []string{"provider", "training-vendor", "blog", "news", "repository", "test-centre", "reference"}

// Price kinds: the fee a Price is for.
const (
	PriceExam        = "exam"        // the exam or programme fee for everyone
	PriceMember      = "member"      // the exam fee for members of the provider's association
	PriceNonMember   = "non_member"  // the exam fee for non-members
	PriceRenewal     = "renewal"     // renewing or maintaining the credential (per cycle or per year, see Note)
	PriceApplication = "application" // a fee paid on applying or on certification
	PriceRetake      = "retake"      // a second attempt
	PriceCourse      = "course"      // a required course or subscription
)

// PriceKinds lists the price kinds in display order.
var PriceKinds = []string{PriceExam, PriceNonMember, PriceMember, PriceRenewal, PriceApplication, PriceRetake, PriceCourse}

// Price is one published fee in US dollars with how it is known.
type Price struct {
	Kind       string   `json:"kind" yaml:"kind"`
	USD        float64  `json:"usd" yaml:"usd"`
	Provenance string   `json:"provenance" yaml:"provenance"`
	Sources    []Source `json:"sources" yaml:"sources"`
	Note       string   `json:"note,omitempty" yaml:"note,omitempty"`
}

// Prerequisite is one hard condition for a certification. Every field
// that is set must be met: Credentials by holding any one of them (catalog
// ids or credential names), YearsExperience in the field, Degree as
// stated. Text says it in words.
type Prerequisite struct {
	Credentials     []string `json:"credentials,omitempty" yaml:"credentials,omitempty"`
	YearsExperience float64  `json:"years_experience,omitempty" yaml:"years_experience,omitempty"`
	Degree          string   `json:"degree,omitempty" yaml:"degree,omitempty"`
	Text            string   `json:"text" yaml:"text"`
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
// note prints it; see ProvenanceCostText.
func (c Certification) CostText() string {
	cost, _ := c.Cost()
	return ProvenanceCostText(cost, c.costProvenance())
}

// costProvenance is CostProvenance, or for an entry written before it
// existed, what Cost implies.
func (c Certification) costProvenance() string {
	if c.CostProvenance != "" {
		return c.CostProvenance
	}
	switch cost, verified := c.Cost(); {
	case cost == nil:
		return ProvenanceNone
	case verified:
		return ProvenanceOfficial
	}
	return ProvenanceReported
}

// ProvenanceCostText says a cost with its provenance: "$200" (official),
// "$200 (corroborated)", "$200 (reported, unverified)", or "not confirmed"
// for a nil cost; CostText is this for official and reported figures.
func ProvenanceCostText(cost *float64, provenance string) string {
	s := CostText(cost, provenance != ProvenanceReported)
	if cost != nil && provenance == ProvenanceCorroborated {
		s += " (corroborated)"
	}
	return s
}

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
	// Held lists the certifications the person already holds, by catalog
	// id or name; a certification whose hard prerequisite is not among
	// them is flagged (Recommendation.PrerequisitesMissing).
	Held []string
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
	// CostProvenance says how CostUSD is known (the Provenance values);
	// CostVerified is true for official and corroborated figures.
	CostProvenance string `json:"cost_provenance,omitempty"`
	// PrerequisitesMissing lists the credentials the certification requires
	// that are not among the person's held certifications: they cannot sit
	// it yet. Such a recommendation is ranked lower, says so in Why, and
	// must not lift a verdict to enrolling (see Enrollable).
	PrerequisitesMissing []string `json:"prerequisites_missing,omitempty"`
	// PrerequisitesToConfirm lists hard prerequisites a request cannot
	// check (years of experience, a degree), for the person to confirm.
	PrerequisitesToConfirm []string `json:"prerequisites_to_confirm,omitempty"`
}

// CostText says the recommendation's cost as ProvenanceCostText does.
func (r Recommendation) CostText() string {
	if r.CostProvenance == "" {
		return CostText(r.CostUSD, r.CostVerified)
	}
	return ProvenanceCostText(r.CostUSD, r.CostProvenance)
}

// Enrollable reports whether the person can enroll in the recommended
// certification as things stand: no credential it requires is missing.
// A recommendation that is not enrollable must not lift a verdict to the
// enroll tier.
func (r Recommendation) Enrollable() bool { return len(r.PrerequisitesMissing) == 0 }

// TotalCostText says the total cost of some recommendations with how many
// of them have a price: "$249" when every one has, "$49 for 1 of 3; 2
// unpriced" when some have none, "no price for any of the 3" when none
// has; a total of reported figures says so. Every total in reports, pages
// and next steps is worded by it.
func TotalCostText(recs []Recommendation) string {
	var total float64
	var priced, reported int
	for _, r := range recs {
		if r.CostUSD == nil {
			continue
		}
		priced++
		total += *r.CostUSD
		if !r.CostVerified {
			reported++
		}
	}
	n := len(recs)
	if priced == 0 {
		if n == 1 {
			return "no confirmed price"
		}
		return "no price for any of the " + strconv.Itoa(n)
	}
	s := Dollars(math.Round(total*100) / 100)
	if reported > 0 {
		s += " (" + strconv.Itoa(reported) + " of the prices reported, unverified)"
	}
	if priced < n {
		s += " for " + strconv.Itoa(priced) + " of " + strconv.Itoa(n) + "; " + strconv.Itoa(n-priced) + " unpriced"
	}
	return s
}

// Recommender ranks catalog certifications for a person.
type Recommender interface {
	Recommend(ctx context.Context, req RecommendRequest) ([]Recommendation, error)
}
