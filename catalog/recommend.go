package catalog

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/internal/display"
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
	penaltyHeldFirst    = 15 // a required credential is not among those held
	weightAudienceFit   = 6  // the certification is for the kind of work the gap describes
	penaltyAudienceMiss = 6  // a builders' credential for a gap about using AI
	penaltyFieldGeneral = 15 // a field's general credential, not one about AI
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
	// NoFieldMatch is true when the request names a role (current or
	// target) and no certification of the catalog is made for that field
	// (its SOC minor group): certifications made for other fields are then
	// left out, and only general AI-literacy ones may be offered.
	// FieldNote says so in words.
	NoFieldMatch bool   `json:"no_field_match,omitempty"`
	FieldNote    string `json:"field_note,omitempty"`
}

// Recommend ranks certifications for a person; it implements
// certwise.Catalog. Certifications over the budget or the hours limit
// are left out (RecommendDetailed says which and why).
func (c *Catalog) Recommend(ctx context.Context, req certwise.RecommendRequest) ([]certwise.Recommendation, error) {
	res, err := c.recommend(ctx, req, false)
	if err != nil {
		return nil, err
	}
	return res.Recommendations, nil
}

var _ certwise.Catalog = (*Catalog)(nil)

// RecommendDetailed ranks certifications for a person and reports the ones
// left out by the budget or hours limit. The order is deterministic: score
// descending, then id.
func (c *Catalog) RecommendDetailed(ctx context.Context, req certwise.RecommendRequest) (Result, error) {
	return c.recommend(ctx, req, true)
}

// recommend ranks certifications for a person; the certifications a limit
// leaves out are described in the result only when excluded is true.
func (c *Catalog) recommend(ctx context.Context, req certwise.RecommendRequest, excluded bool) (Result, error) {
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	sc, err := c.prepare(req)
	if err != nil {
		return Result{}, err
	}
	res := Result{GapSkills: sc.gap}
	if field := c.fieldCodes(req); len(field) > 0 && !c.servesField(field) {
		res.NoFieldMatch = true
		res.FieldNote = c.noFieldNote(field)
	}
	// Rank by the figures alone, then write the reasons only for the
	// certifications returned: most of the catalog is scored and dropped, and
	// the reasons are most of a recommendation's cost.
	ranks, excl := c.rank(sc, excluded)
	res.Excluded = excl
	if len(ranks) > 0 {
		res.Recommendations = make([]certwise.Recommendation, len(ranks))
	}
	for k, r := range ranks {
		why := make([]string, 0, 8)
		c.score(r.cert, sc, false, &why)
		cert := &c.certs[r.cert]
		cost, verified := cert.Cost()
		missing, confirm := c.prerequisites(r.cert, sc.held)
		res.Recommendations[k] = certwise.Recommendation{
			ID:                     cert.ID,
			Name:                   cert.Name,
			Provider:               cert.Provider,
			Level:                  cert.Level,
			Score:                  r.score,
			CostUSD:                cost,
			CostVerified:           verified,
			PrepHours:              cert.PrepHours,
			URL:                    cert.URL,
			Why:                    why,
			CostProvenance:         cert.CostProvenance,
			PrerequisitesMissing:   missing,
			PrerequisitesToConfirm: confirm,
		}
	}
	return res, nil
}

// scoring is a request read once for scoring every certification: the
// gap's skills and their total weight, the level and audience cues, the
// held certifications.
type scoring struct {
	req      certwise.RecommendRequest
	held     heldCredentials
	gap      []SkillMatch
	total    float64
	level    string // levelCue of the gap
	audience string // audienceCue of the gap
}

// prepare checks a request and reads it for scoring; a request with
// nothing to match on is an EINVALID error naming the gap.
func (c *Catalog) prepare(req certwise.RecommendRequest) (*scoring, error) {
	if err := c.checkRequest(req); err != nil {
		return nil, err
	}
	gap := c.MapGap(req.Gap)
	for _, s := range req.Skills {
		gap = addSkills(gap, c.namedSkill(s))
	}
	if len(gap) == 0 && req.TargetCode == "" && req.RoleCode == "" {
		if strings.TrimSpace(req.Gap) == "" && len(req.Skills) == 0 {
			return nil, certwise.Errorf(certwise.EINVALID, "gap", "describe the capability gap, or give a target role, so that certifications can be matched")
		}
		return nil, certwise.Errorf(certwise.EINVALID, "gap",
			"could not map %q to any skill of the catalog; name the capability in other words (e.g. %s)",
			strings.TrimSpace(req.Gap+" "+strings.Join(req.Skills, ", ")), "\"prompt engineering\", \"AI governance\", \"deploy ML models\", \"data pipelines\"")
	}
	sc := &scoring{req: req, held: c.readHeld(req.Held), gap: gap, level: levelCue(req.Gap), audience: audienceCue(req.Gap)}
	for _, g := range gap {
		sc.total += g.Weight
	}
	return sc, nil
}

// rank scores the certifications of the request's fields that the person
// does not hold, best first (ties by id), and keeps the request's top
// (DefaultTop when it says none); those a limit leaves out are returned
// only when excluded is true.
func (c *Catalog) rank(sc *scoring, excluded bool) ([]ranked, []Exclusion) {
	var excl []Exclusion
	ranks := make([]ranked, 0, 32)
	field := c.fieldCodes(sc.req)
	gapFields := c.fieldSkills(sc.gap)
	for i := range c.certs {
		if len(field) > 0 && !c.certs[i].AnyField && !c.inField(&c.certs[i], field) {
			continue // another field's certificate
		}
		if c.otherField(&c.certs[i], gapFields) {
			continue // made for another field than the one the gap names
		}
		if c.holds(i, sc.held) {
			continue // the person already holds it
		}
		score, ex, ok := c.score(i, sc, excluded, nil)
		if ex != nil {
			excl = append(excl, *ex)
			continue
		}
		if ok {
			ranks = append(ranks, ranked{i, score})
		}
	}
	slices.SortStableFunc(ranks, func(a, b ranked) int {
		if a.score != b.score {
			return cmp.Compare(b.score, a.score)
		}
		return strings.Compare(c.certs[a.cert].ID, c.certs[b.cert].ID)
	})
	top := sc.req.Top
	if top <= 0 {
		top = DefaultTop
	}
	if len(ranks) > top {
		ranks = ranks[:top]
	}
	return ranks, excl
}

// ranked is a certification (its index in the catalog) with its score.
type ranked struct {
	cert  int
	score float64
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
	for _, f := range [...]struct{ field, code string }{{"target", req.TargetCode}, {"role", req.RoleCode}} {
		if f.code != "" && !isCode(f.code) {
			return certwise.Errorf(certwise.EINVALID, f.field, "%q is not an O*NET-SOC code (NN-NNNN.NN)", f.code)
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

// score rates the certification at index i. It returns ok=false when the
// certification is not relevant to the request, and an exclusion when it is
// relevant but breaks a limit (only when excluded is true; otherwise such a
// certification is just not ok); the score is rounded to one decimal. When
// why is not nil, the reasons behind the score are appended to it. sc is
// the request as prepare reads it.
func (c *Catalog) score(i int, sc *scoring, excluded bool, why *[]string) (float64, *Exclusion, bool) {
	req, held, gap, total, cue := sc.req, sc.held, sc.gap, sc.total, sc.level
	cert := &c.certs[i]
	explain := why != nil
	var relevance float64

	// Skill overlap with the gap.
	var covered int
	var coveredWeight float64
	for _, g := range gap {
		if slices.Contains(cert.Skills, g.Skill) {
			covered++
			coveredWeight += g.Weight
		}
	}
	if covered > 0 {
		relevance += weightGapCoverage*coveredWeight/total + weightFocus*float64(covered)/float64(len(cert.Skills))
		if explain {
			names := make([]string, 0, covered)
			for _, g := range gap {
				if slices.Contains(cert.Skills, g.Skill) {
					names = append(names, c.skillName(g.Skill))
				}
			}
			*why = append(*why, fmt.Sprintf("covers %d of the %d skill areas in your gap: %s", covered, len(gap), strings.Join(names, ", ")))
		}
	}

	// The target role and the current role.
	if req.TargetCode != "" {
		relevance += c.roleFit(cert, req.TargetCode, weightTargetExact, weightTargetSOC, weightTargetMinor, "your target role", why)
	}
	inField := false
	if req.RoleCode != "" {
		pts := c.roleFit(cert, req.RoleCode, weightCurrentExact, weightCurrentSOC, weightCurrentMinor, "your current role", why)
		relevance += pts
		inField = pts >= weightCurrentSOC
	}
	if relevance < minimumRecommendScr {
		return 0, nil, false
	}
	// Only relevant certifications are reported as left out by a limit.
	cost, verified := cert.Cost()
	overBudget := req.BudgetUSD != nil && cost != nil && *cost > *req.BudgetUSD
	overHours := req.MaxHours != nil && cert.PrepHours != nil && *cert.PrepHours > *req.MaxHours
	if (overBudget || overHours) && !excluded {
		return 0, nil, false
	}
	if overBudget {
		return 0, &Exclusion{cert.ID, cert.Name,
			fmt.Sprintf("cost %s, over your budget of %s", cert.CostText(), display.Dollars(*req.BudgetUSD))}, false
	}
	if overHours {
		return 0, &Exclusion{cert.ID, cert.Name,
			fmt.Sprintf("needs about %s hours of preparation, over your limit of %s", display.Hours(*cert.PrepHours), display.Hours(*req.MaxHours))}, false
	}
	score := relevance

	// Level fit.
	switch {
	case cue == "entry" && (cert.Level == certwise.LevelFoundational):
		score += weightLevelFit
		if explain {
			*why = append(*why, "a foundational credential, as you asked for a starting point")
		}
	case cue == "advanced" && (cert.Level == certwise.LevelProfessional || cert.Level == certwise.LevelSpecialty):
		score += weightLevelFit
		if explain {
			*why = append(*why, fmt.Sprintf("a %s-level credential, as you asked for depth", cert.Level))
		}
	case cue == "" && inField && cert.Level != certwise.LevelFoundational:
		score += weightLevelFit / 2
		if explain {
			*why = append(*why, fmt.Sprintf("%s level builds on experience in your current field", cert.Level))
		}
	case cue == "" && req.RoleCode != "" && !inField && cert.Level != certwise.LevelProfessional:
		score += weightLevelFit / 2
		if explain {
			*why = append(*why, fmt.Sprintf("%s level is a realistic entry point from outside the field", cert.Level))
		}
	}

	// Using AI at work, or building with it.
	switch audience := sc.audience; {
	case audience == "":
	case audience == audienceUse && slices.Contains(cert.Audience, "business"):
		score += weightAudienceFit
		if explain {
			*why = append(*why, "made for people who use AI in their work, as your gap describes")
		}
	case audience == audienceUse && !slices.Contains(cert.Audience, "governance"):
		score -= penaltyAudienceMiss
		if explain {
			*why = append(*why, "made for people who build AI systems, more than your gap asks for")
		}
	case audience == audienceBuild && (slices.Contains(cert.Audience, "builders") || slices.Contains(cert.Audience, "data")):
		score += weightAudienceFit
		if explain {
			*why = append(*why, "made for people who build with AI, as your gap describes")
		}
	}

	// Cost and time.
	switch {
	case cost != nil && req.BudgetUSD != nil:
		score += weightWithinLimit
		if !verified {
			score -= penaltyUnverified
		}
		if explain {
			*why = append(*why, fmt.Sprintf("cost %s, within your budget of %s", cert.CostText(), display.Dollars(*req.BudgetUSD)))
		}
	case cost != nil:
		if explain {
			*why = append(*why, "cost "+cert.CostText())
		}
	case req.BudgetUSD != nil:
		score -= penaltyUnverified
		if explain {
			*why = append(*why, fmt.Sprintf("cost not confirmed on an official page; check it there before counting on your budget of %s", display.Dollars(*req.BudgetUSD)))
		}
	default:
		if explain {
			if cert.CostProvenance == certwise.ProvenanceReported {
				*why = append(*why, "cost "+cert.CostText()+"; check the provider's page")
			} else {
				*why = append(*why, "cost not confirmed on an official page; check it there")
			}
		}
	}
	if cert.PrepHours != nil {
		if req.MaxHours != nil {
			score += weightWithinLimit
		}
		if explain {
			if req.MaxHours != nil {
				*why = append(*why, fmt.Sprintf("about %s hours of preparation, within your %s", display.Hours(*cert.PrepHours), display.Hours(*req.MaxHours)))
			} else {
				*why = append(*why, fmt.Sprintf("about %s hours of preparation (%s)", display.Hours(*cert.PrepHours), cert.PrepHoursBasis))
			}
		}
	} else if req.MaxHours != nil {
		score -= penaltyUnverified
		if explain {
			*why = append(*why, fmt.Sprintf("no preparation estimate; it may not fit your %s hours", display.Hours(*req.MaxHours)))
		}
	}
	switch missing, _ := c.prerequisites(i, held); {
	case len(missing) > 0:
		score -= penaltyHeldFirst
		if explain {
			*why = append(*why, "you cannot sit it yet: it requires "+strings.Join(missing, "; ")+", which you did not list among the certifications you hold")
		}
	case explain && len(req.Held) > 0:
		for _, h := range c.heldFor(i, held) {
			*why = append(*why, "you hold "+h+", which it requires")
		}
	}
	if cert.FieldCredential {
		score -= penaltyFieldGeneral
		if explain {
			*why = append(*why, "a general credential of the field rather than one about AI")
		}
	}
	if cert.Status == certwise.StatusRetiring {
		score -= penaltyRetiring
		if explain {
			*why = append(*why, "retiring on "+cert.RetiresOn+": it may lose value soon")
		}
	}
	return math.Round(score*10) / 10, nil, true
}

// roleFit scores how closely a certification's roles match a role code:
// exactly, by 6-digit SOC code, or by SOC minor group (the first digit after
// the hyphen). When why is not nil, the match is described there.
func (c *Catalog) roleFit(cert *certwise.Certification, code string, exact, soc, minor float64, whose string, why *[]string) float64 {
	if slices.Contains(cert.Roles, code) {
		if why != nil {
			*why = append(*why, fmt.Sprintf("serves %s, %s", whose, c.roleTitle(code)))
		}
		return exact
	}
	for _, r := range cert.Roles {
		if r[:7] == code[:7] {
			if why != nil {
				*why = append(*why, fmt.Sprintf("serves %s, the same SOC occupation as %s, %s", c.roleTitle(r), whose, c.roleTitle(code)))
			}
			return soc
		}
	}
	for _, r := range cert.Roles {
		if r[:4] == code[:4] {
			if why != nil {
				*why = append(*why, fmt.Sprintf("serves %s, in the same SOC minor group as %s, %s (a weaker match)", c.roleTitle(r), whose, c.roleTitle(code)))
			}
			return minor
		}
	}
	return 0
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

// The kinds of work a gap can describe (audienceCue).
const (
	audienceUse   = "use"   // using AI tools in one's own work
	audienceBuild = "build" // building, deploying or engineering AI systems
)

// audienceCue reads whether the gap is about using AI in one's own work
// ("use ChatGPT to write copy faster") or about building AI systems
// ("build RAG apps", "deploy models"); "" when it says neither or both.
func audienceCue(gap string) string {
	t := " " + normalize(gap) + " "
	has := func(words []string) bool {
		for _, w := range words {
			if strings.Contains(t, " "+w+" ") {
				return true
			}
		}
		return false
	}
	use := has([]string{"use", "using", "write", "writing", "draft", "drafting", "faster", "quicker", "save time",
		"at work", "in my job", "in my work", "my team", "day to day", "everyday", "daily", "productive", "productivity", "apply ai", "ai tools"})
	build := has([]string{"build", "building", "develop", "developing", "code", "coding", "engineer", "engineering", "deploy", "deploying",
		"implement", "implementing", "architect", "program", "programming", "api", "apis", "train", "training models", "fine tune", "pipelines"})
	switch {
	case use && !build:
		return audienceUse
	case build && !use:
		return audienceBuild
	}
	return ""
}

// fieldSkills returns the field skills (Skill.Field) among a gap's skills.
func (c *Catalog) fieldSkills(gap []SkillMatch) []string {
	var out []string
	for _, g := range gap {
		if i, ok := c.skillByID[g.Skill]; ok && c.skills[i].Field {
			out = append(out, g.Skill)
		}
	}
	return out
}

// otherField reports whether a certification is made for another field
// than the ones a gap names: it has field skills, and none is in the gap.
func (c *Catalog) otherField(cert *certwise.Certification, gapFields []string) bool {
	if len(gapFields) == 0 {
		return false
	}
	has := false
	for _, s := range cert.Skills {
		if i, ok := c.skillByID[s]; ok && c.skills[i].Field {
			if slices.Contains(gapFields, s) {
				return false
			}
			has = true
		}
	}
	return has
}

// fieldCodes are the occupation codes whose field a request limits
// certifications to: the target role and the current role.
func (c *Catalog) fieldCodes(req certwise.RecommendRequest) []string {
	var out []string
	for _, code := range []string{req.TargetCode, req.RoleCode} {
		if code != "" && !slices.Contains(out, code) {
			out = append(out, code)
		}
	}
	return out
}

// inField reports whether a certification serves one of the codes' fields:
// one of its roles is in the same SOC minor group (the first digit after
// the hyphen).
func (c *Catalog) inField(cert *certwise.Certification, codes []string) bool {
	for _, code := range codes {
		for _, r := range cert.Roles {
			if r[:4] == code[:4] {
				return true
			}
		}
	}
	return false
}

// servesField reports whether any certification other than a general
// AI-literacy one serves one of the codes' fields.
func (c *Catalog) servesField(codes []string) bool {
	for i := range c.certs {
		if !c.certs[i].AnyField && c.inField(&c.certs[i], codes) {
			return true
		}
	}
	return false
}

// noFieldNote says plainly that no certification is made for the field.
func (c *Catalog) noFieldNote(codes []string) string {
	names := make([]string, len(codes))
	for i, code := range codes {
		names[i] = code
		if t := c.fieldTitle(code); t != "" {
			names[i] = t + " (" + code + ")"
		}
	}
	return "No certification in the catalog is made for the field of " + strings.Join(names, " or ") +
		"; certificates made for other fields are left out, and any listed are general AI-literacy credentials meant for every field."
}

// fieldTitle is an occupation's title when the catalog or the certwise
// occupation titles know it.
func (c *Catalog) fieldTitle(code string) string { return c.occupations[code] }

// isCode reports whether s is an O*NET-SOC code, NN-NNNN.NN (what
// codePattern matches, without a regexp on every request).
func isCode(s string) bool {
	if len(s) != 10 || s[2] != '-' || s[7] != '.' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i != 2 && i != 7 && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}
