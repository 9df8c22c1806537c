package certwise

import (
	"context"
)

// The judgements of a certification's fit (CertificationFit.Judgement).
// They are a stable interface.
const (
	// FitGood: the certification covers most of the person's gap or
	// serves their target or current occupation, at their level, and
	// they can sit it.
	FitGood = "good"
	// FitPartial: it covers some of the gap or serves a neighbouring
	// field, or its level is off for the person.
	FitPartial = "partial"
	// FitPoor: it covers none of the gap and serves neither occupation.
	FitPoor = "poor"
	// FitPrerequisiteMissing: the person lacks a credential the provider
	// requires before certifying them.
	FitPrerequisiteMissing = "prerequisite_missing"
	// FitUnknown: neither a gap nor an occupation is known to judge
	// against.
	FitUnknown = "unknown"
)

// Level fits of a certification against the person's job zone
// (FitLevel.Fit).
const (
	LevelFitMatches              = "matches"
	LevelFitBelow                = "below_your_level"
	LevelFitNeedsMorePreparation = "needs_more_preparation"
	LevelFitUnknown              = "unknown"
)

// Role matches of a certification against an occupation (FitRole.Match),
// from closest to none.
const (
	RoleMatchExact      = "exact"      // the occupation is among its roles
	RoleMatchOccupation = "occupation" // one of its roles has the same 6-digit SOC code
	RoleMatchField      = "field"      // one of its roles is in the same SOC minor group
	RoleMatchNone       = "none"
	RoleMatchUnknown    = "unknown" // a custom certification: its roles are not known
)

// CertificationFit judges the certification the person named against
// their gap, their target and current occupations, the credentials they
// hold and their job zone, with its cost and hours as known and the
// catalog's better-fitting alternatives. Its JSON field names are a stable
// interface.
type CertificationFit struct {
	// ID is the catalog id, empty for a custom certification.
	ID       string `json:"id,omitempty"`
	Name     string `json:"name"`
	Provider string `json:"provider,omitempty"`
	Level    string `json:"level,omitempty"`
	// Custom is true when the certification is not in the catalog: only
	// what the person said about it is known.
	Custom bool `json:"custom"`
	// MatchedFrom is the name the person wrote when it was matched to a
	// catalog entry.
	MatchedFrom string `json:"matched_from,omitempty"`
	// Judgement is one of the Fit* values; Summary says it in a sentence.
	Judgement     string           `json:"judgement"`
	Summary       string           `json:"summary"`
	Gap           FitGap           `json:"gap"`
	Target        *FitRole         `json:"target,omitempty"`
	Current       *FitRole         `json:"current,omitempty"`
	Prerequisites FitPrerequisites `json:"prerequisites"`
	LevelFit      FitLevel         `json:"level_fit"`
	Cost          FitCost          `json:"cost"`
	Hours         FitHours         `json:"hours"`
	// Alternatives are up to three catalog certifications that fit the
	// person better, best first, each with why.
	Alternatives []FitAlternative `json:"alternatives"`
}

// FitGap is how much of the person's capability gap the certification
// covers, by the catalog's skills.
type FitGap struct {
	// Skills are the skill ids the gap maps to; Covered those the
	// certification teaches, Missing the others.
	Skills  []string `json:"skills"`
	Covered []string `json:"covered"`
	Missing []string `json:"missing"`
	// Share is the share of the gap's weight covered, 0 to 1; nil when the
	// gap maps to no skill.
	Share *float64 `json:"share"`
	Text  string   `json:"text"`
}

// FitRole is how the certification serves one occupation.
type FitRole struct {
	Code  string `json:"code"`
	Title string `json:"title,omitempty"`
	Match string `json:"match"` // the RoleMatch* values
	Text  string `json:"text"`
}

// FitPrerequisites are the certification's hard prerequisites checked
// against the credentials the person holds.
type FitPrerequisites struct {
	// Met is false when a required credential is missing.
	Met     bool     `json:"met"`
	Missing []string `json:"missing"`
	// Held names each requirement with the held credential that meets it.
	Held []string `json:"held"`
	// ToConfirm are requirements only the person can check (years of
	// experience, a degree).
	ToConfirm []string `json:"to_confirm"`
	Text      string   `json:"text"`
}

// FitLevel is the certification's level against the person's job zone.
type FitLevel struct {
	Level   string `json:"level,omitempty"`
	JobZone *int   `json:"job_zone"`
	Fit     string `json:"fit"` // the LevelFit* values
	Text    string `json:"text"`
}

// FitCost is the certification's cost with how it is known. USD holds an
// official or corroborated figure (else nil); a figure from one page only
// stays in ReportedUSD and is never presented as confirmed.
type FitCost struct {
	USD         *float64 `json:"usd"`
	ReportedUSD *float64 `json:"reported_usd,omitempty"`
	// Provenance is official, corroborated, reported or none (the
	// Provenance values), or stated for a figure the person gave.
	Provenance string `json:"provenance"`
	Text       string `json:"text"`
}

// ProvenanceStated marks a figure the person gave for a custom
// certification: nobody has checked it.
const ProvenanceStated = "stated"

// FitHours is the preparation time with what the estimate rests on.
type FitHours struct {
	Hours *float64 `json:"hours"`
	Basis string   `json:"basis,omitempty"`
	Text  string   `json:"text"`
}

// FitAlternative is a catalog certification that fits the person better
// than the one they named.
type FitAlternative struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Provider string   `json:"provider"`
	Level    string   `json:"level"`
	CostText string   `json:"cost_text"`
	Why      []string `json:"why"`
}

// FitRequest is what a named certification is judged against.
type FitRequest struct {
	// Certification is the one the person named: a catalog id, or a
	// custom one by name (matched to the catalog when the name is one of
	// its entries), with cost, hours and skills.
	Certification CertificationChoice
	Gap           string   // the capability gap in the person's words
	RoleCode      string   // O*NET-SOC code of the current role, if known
	RoleTitle     string   // its title, if known
	TargetCode    string   // O*NET-SOC code of the target role, if known
	TargetTitle   string   // its title, if known
	JobZone       *int     // the current occupation's O*NET job zone, if known
	Held          []string // certifications the person holds, ids or names
}

// CertificationFitter judges a named certification for a person
// (catalog.Catalog implements it).
type CertificationFitter interface {
	Fit(ctx context.Context, req FitRequest) (*CertificationFit, error)
}

// Enrollable reports whether the fit lets the named certification lift a
// verdict to the enroll tier: the person can sit it.
func (f *CertificationFit) Enrollable() bool { return f == nil || f.Prerequisites.Met }
