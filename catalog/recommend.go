package catalog

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/certwise/certwise"
)

// DefaultTop is how many recommendations Recommend returns when the request
// does not say.
const DefaultTop = 5

// Weights of the parts of a recommendation's score. Skill overlap with the
// gap dominates; the target role comes next; the rest break near-ties.
const (
	weightGapCoverage   = 50 // share of the gap's weight the certification covers
	weightFocus         = 10 // share of the certification's skills that are in the gap
	weightTargetExact   = 30 // the target's O*NET-SOC code is among the roles
	weightTargetSOC     = 20 // same 6-digit SOC code
	weightTargetMinor   = 10 // same SOC minor group
	weightCurrentExact  = 10
	weightCurrentSOC    = 7
	weightCurrentMinor  = 4
	weightLevelFit      = 8
	weightWithinLimit   = 3 // cost or hours known and within the person's limit
	penaltyUnverified   = 3 // a limit was given but the figure is not verified
	penaltyRetiring     = 10
	penaltyHeldFirst    = 5 // another credential must be held first
	minimumRecommendScr = 0.1
)

// Exclusion is a certification left out of a recommendation because it
// breaks a limit the person set.
type Exclusion struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

// Result is a recommendation with what it left out and how the gap was read.
type Result struct {
	Recommendations []certwise.Recommendation `json:"recommendations"`
	Excluded        []Exclusion               `json:"excluded,omitempty"`
	GapSkills       []SkillMatch              `json:"gap_skills"`
}

// Recommend ranks certifications for a person; it implements
// certwise.Recommender. Certifications over the budget or the hours limit
// are left out (RecommendDetailed says which and why).
func (c *Catalog) Recommend(ctx context.Context, req certwise.RecommendRequest) ([]certwise.Recommendation, error) {
	res, err := c.RecommendDetailed(ctx, req)
	if err != nil {
		return nil, err
	}
	return res.Recommendations, nil
}

var _ certwise.Recommender = (*Catalog)(nil)

// RecommendDetailed ranks certifications for a person and reports the ones
// left out by the budget or hours limit. The order is deterministic: score
// descending, then id.
func (c *Catalog) RecommendDetailed(ctx context.Context, req certwise.RecommendRequest) (Result, error) {
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	if err := c.checkRequest(req); err != nil {
		return Result{}, err
	}
	gap := c.MapGap(req.Gap)
	for _, s := range req.Skills {
		gap = addSkills(gap, c.namedSkill(s))
	}
	if len(gap) == 0 && req.TargetCode == "" && req.RoleCode == "" {
		if strings.TrimSpace(req.Gap) == "" && len(req.Skills) == 0 {
			return Result{}, certwise.Errorf(certwise.EINVALID, "gap", "describe the capability gap, or give a target role, so that certifications can be matched")
		}
		return Result{}, certwise.Errorf(certwise.EINVALID, "gap",
			"could not map %q to any skill of the catalog; name the capability in other words (e.g. %s)",
			strings.TrimSpace(req.Gap+" "+strings.Join(req.Skills, ", ")), "\"prompt engineering\", \"AI governance\", \"deploy ML models\", \"data pipelines\"")
	}
	var total float64
	for _, g := range gap {
		total += g.Weight
	}
	level := levelCue(req.Gap)
	res := Result{GapSkills: gap}
	for _, cert := range c.certs {
		r, excl, ok := c.score(cert, req, gap, total, level)
		if excl != nil {
			res.Excluded = append(res.Excluded, *excl)
			continue
		}
		if ok {
			res.Recommendations = append(res.Recommendations, r)
		}
	}
	sort.SliceStable(res.Recommendations, func(i, j int) bool {
		a, b := res.Recommendations[i], res.Recommendations[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		return a.ID < b.ID
	})
	top := req.Top
	if top <= 0 {
		top = DefaultTop
	}
	if len(res.Recommendations) > top {
		res.Recommendations = res.Recommendations[:top]
	}
	return res, nil
}

// namedSkill reads one named skill: a vocabulary id as it is, any other
// words through the gap matcher (people name skills in their own words).
func (c *Catalog) namedSkill(s string) []SkillMatch {
	if _, ok := c.skillByID[s]; ok {
		return []SkillMatch{{Skill: s, Weight: 1, Keywords: []string{s}}}
	}
	return c.MapGap(s)
}

// addSkills adds skill matches to a gap, merging matches of the same skill.
func addSkills(gap, more []SkillMatch) []SkillMatch {
	for _, m := range more {
		i := slices.IndexFunc(gap, func(g SkillMatch) bool { return g.Skill == m.Skill })
		if i < 0 {
			gap = append(gap, m)
			continue
		}
		gap[i].Weight += m.Weight
		gap[i].Keywords = append(gap[i].Keywords, m.Keywords...)
	}
	return gap
}

func (c *Catalog) checkRequest(req certwise.RecommendRequest) error {
	for field, code := range map[string]string{"target": req.TargetCode, "role": req.RoleCode} {
		if code != "" && !codePattern.MatchString(code) {
			return certwise.Errorf(certwise.EINVALID, field, "%q is not an O*NET-SOC code (NN-NNNN.NN)", code)
		}
	}
	if req.BudgetUSD != nil && *req.BudgetUSD < 0 {
		return certwise.Errorf(certwise.EINVALID, "budget", "budget must not be negative")
	}
	if req.MaxHours != nil && *req.MaxHours <= 0 {
		return certwise.Errorf(certwise.EINVALID, "hours", "hours must be positive")
	}
	if req.Top < 0 {
		return certwise.Errorf(certwise.EINVALID, "top", "top must not be negative")
	}
	return nil
}

// score rates one certification. It returns ok=false when the
// certification is not relevant to the request, and an exclusion when it is
// relevant but breaks a limit.
func (c *Catalog) score(cert certwise.Certification, req certwise.RecommendRequest, gap []SkillMatch, total float64, cue string) (certwise.Recommendation, *Exclusion, bool) {
	var why []string
	var relevance float64

	// Skill overlap with the gap.
	var covered []string
	var coveredWeight float64
	for _, g := range gap {
		if slices.Contains(cert.Skills, g.Skill) {
			covered = append(covered, c.skillName(g.Skill))
			coveredWeight += g.Weight
		}
	}
	if len(covered) > 0 {
		relevance += weightGapCoverage*coveredWeight/total + weightFocus*float64(len(covered))/float64(len(cert.Skills))
		why = append(why, fmt.Sprintf("covers %d of the %d skill areas in your gap: %s", len(covered), len(gap), strings.Join(covered, ", ")))
	}

	// The target role and the current role.
	if req.TargetCode != "" {
		pts, text := c.roleFit(cert, req.TargetCode, weightTargetExact, weightTargetSOC, weightTargetMinor, "your target role")
		relevance += pts
		if text != "" {
			why = append(why, text)
		}
	}
	inField := false
	if req.RoleCode != "" {
		pts, text := c.roleFit(cert, req.RoleCode, weightCurrentExact, weightCurrentSOC, weightCurrentMinor, "your current role")
		relevance += pts
		inField = pts >= weightCurrentSOC
		if text != "" {
			why = append(why, text)
		}
	}
	if relevance < minimumRecommendScr {
		return certwise.Recommendation{}, nil, false
	}
	// Only relevant certifications are reported as left out by a limit.
	cost, verified := cert.Cost()
	costWords := func() string {
		if verified {
			return usd(*cost)
		}
		return usd(*cost) + " (as a secondary page reports; the official page did not confirm it)"
	}
	if req.BudgetUSD != nil && cost != nil && *cost > *req.BudgetUSD {
		return certwise.Recommendation{}, &Exclusion{cert.ID, cert.Name,
			fmt.Sprintf("costs %s, over your budget of %s", costWords(), usd(*req.BudgetUSD))}, false
	}
	if req.MaxHours != nil && cert.PrepHours != nil && *cert.PrepHours > *req.MaxHours {
		return certwise.Recommendation{}, &Exclusion{cert.ID, cert.Name,
			fmt.Sprintf("needs about %s hours of preparation, over your limit of %s", num(*cert.PrepHours), num(*req.MaxHours))}, false
	}
	score := relevance

	// Level fit.
	switch {
	case cue == "entry" && (cert.Level == certwise.LevelFoundational):
		score += weightLevelFit
		why = append(why, "a foundational credential, as you asked for a starting point")
	case cue == "advanced" && (cert.Level == certwise.LevelProfessional || cert.Level == certwise.LevelSpecialty):
		score += weightLevelFit
		why = append(why, fmt.Sprintf("a %s-level credential, as you asked for depth", cert.Level))
	case cue == "" && inField && cert.Level != certwise.LevelFoundational:
		score += weightLevelFit / 2
		why = append(why, fmt.Sprintf("%s level builds on experience in your current field", cert.Level))
	case cue == "" && req.RoleCode != "" && !inField && cert.Level != certwise.LevelProfessional:
		score += weightLevelFit / 2
		why = append(why, fmt.Sprintf("%s level is a realistic entry point from outside the field", cert.Level))
	}

	// Cost and time.
	switch {
	case cost != nil && req.BudgetUSD != nil:
		score += weightWithinLimit
		if !verified {
			score -= penaltyUnverified
		}
		why = append(why, fmt.Sprintf("costs %s, within your budget of %s", costWords(), usd(*req.BudgetUSD)))
	case cost != nil:
		why = append(why, "costs "+costWords())
	case req.BudgetUSD != nil:
		score -= penaltyUnverified
		why = append(why, fmt.Sprintf("cost not published where we could check; confirm it on the official page before counting on your budget of %s", usd(*req.BudgetUSD)))
	default:
		why = append(why, "cost not published where we could check; see the official page")
	}
	if cert.PrepHours != nil {
		text := fmt.Sprintf("about %s hours of preparation (%s)", num(*cert.PrepHours), cert.PrepHoursBasis)
		if req.MaxHours != nil {
			score += weightWithinLimit
			text = fmt.Sprintf("about %s hours of preparation, within your %s", num(*cert.PrepHours), num(*req.MaxHours))
		}
		why = append(why, text)
	} else if req.MaxHours != nil {
		score -= penaltyUnverified
		why = append(why, fmt.Sprintf("preparation time is not published; it may not fit your %s hours", num(*req.MaxHours)))
	}
	if held := heldPrerequisite(cert); held != "" {
		score -= penaltyHeldFirst
		why = append(why, "needs a credential you must already hold: "+held)
	}
	if cert.Status == certwise.StatusRetiring {
		score -= penaltyRetiring
		why = append(why, "retiring on "+cert.RetiresOn+": it may lose value soon")
	}
	return certwise.Recommendation{
		ID:           cert.ID,
		Name:         cert.Name,
		Provider:     cert.Provider,
		Level:        cert.Level,
		Score:        math.Round(score*10) / 10,
		CostUSD:      cost,
		CostVerified: verified,
		PrepHours:    cert.PrepHours,
		URL:          cert.URL,
		Why:          why,
	}, nil, true
}

// roleFit scores how closely a certification's roles match a role code:
// exactly, by 6-digit SOC code, or by SOC minor group (the first digit after
// the hyphen).
func (c *Catalog) roleFit(cert certwise.Certification, code string, exact, soc, minor float64, whose string) (float64, string) {
	title := c.roleTitle(code)
	if slices.Contains(cert.Roles, code) {
		return exact, fmt.Sprintf("serves %s, %s", whose, title)
	}
	for _, r := range cert.Roles {
		if r[:7] == code[:7] {
			return soc, fmt.Sprintf("serves %s, the same SOC occupation as %s, %s", c.roleTitle(r), whose, title)
		}
	}
	for _, r := range cert.Roles {
		if r[:4] == code[:4] {
			return minor, fmt.Sprintf("serves %s, in the same SOC minor group as %s, %s (a weaker match)", c.roleTitle(r), whose, title)
		}
	}
	return 0, ""
}

func (c *Catalog) roleTitle(code string) string {
	if t := c.occupations[code]; t != "" {
		return t + " (" + code + ")"
	}
	return code
}

func (c *Catalog) skillName(id string) string {
	if i, ok := c.skillByID[id]; ok {
		return c.skills[i].Name
	}
	return id
}

// levelCue reads whether the gap asks for a starting point or for depth.
func levelCue(gap string) string {
	t := " " + normalize(gap) + " "
	for _, w := range []string{" beginner ", " basics ", " basic ", " intro ", " introduction ", " introductory ", " new to ", " non technical ", " nothing technical ", " not technical ", " starting ", " first step ", " entry level ", " foundational "} {
		if strings.Contains(t, w) {
			return "entry"
		}
	}
	for _, w := range []string{" advanced ", " expert ", " in depth ", " deep dive ", " senior ", " mastery ", " professional level "} {
		if strings.Contains(t, w) {
			return "advanced"
		}
	}
	return ""
}

func usd(v float64) string {
	if v == 0 {
		return "nothing (free)"
	}
	return "USD " + num(v)
}

func num(v float64) string {
	if v == math.Trunc(v) {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.1f", v)
}

// heldPrerequisite returns the first prerequisite that names a credential
// the candidate must already hold (by the catalog's convention it starts
// with "An active"), or "".
func heldPrerequisite(cert certwise.Certification) string {
	for _, p := range cert.Prerequisites {
		if strings.HasPrefix(strings.ToLower(p), "an active") {
			return p
		}
	}
	return ""
}
