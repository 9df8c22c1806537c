package catalog

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/internal/display"
)

// Fit judges the certification a person named; it implements
// certwise.CertificationFitter. A catalog id is judged from its entry; a
// custom certification named by a catalog entry's name is judged as that
// entry, any other from what the person said about it (its skills, or the
// skills its name mentions). An unknown id is an EINVALID error naming
// certification.id.
func (c *Catalog) Fit(ctx context.Context, req certwise.FitRequest) (*certwise.CertificationFit, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := c.checkRequest(certwise.RecommendRequest{TargetCode: req.TargetCode, RoleCode: req.RoleCode}); err != nil {
		return nil, err
	}
	ch := req.Certification
	idx := -1
	fit := &certwise.CertificationFit{}
	switch {
	case ch.ID != "":
		i, ok := c.byID[ch.ID]
		if !ok {
			return nil, certwise.Errorf(certwise.EINVALID, "certification.id", "%s", certwise.ErrorMessage(c.notFound(ch.ID)))
		}
		idx = i
	case strings.TrimSpace(ch.Name) != "":
		if i, ok := c.resolve(ch.Name); ok {
			idx, fit.MatchedFrom = i, ch.Name
		}
	default:
		return nil, certwise.Errorf(certwise.EINVALID, "certification", "name the certification to judge, by catalog id or by name")
	}
	var cert certwise.Certification
	fromName := false
	if idx >= 0 {
		cert = c.certs[idx]
	} else {
		cert, fromName = c.customCert(ch)
		fit.Custom = true
	}
	fit.ID, fit.Name, fit.Provider, fit.Level = cert.ID, cert.Name, cert.Provider, cert.Level

	// The request as the recommender reads it, for the alternatives; nil
	// when there is nothing to rank on (no gap skill and no role).
	sc, err := c.prepare(certwise.RecommendRequest{Gap: req.Gap, RoleCode: req.RoleCode, TargetCode: req.TargetCode, Held: req.Held, Top: 8})
	switch {
	case certwise.ErrorCode(err) == certwise.EINVALID:
		sc = nil
	case err != nil:
		return nil, err
	}
	gap := c.MapGap(req.Gap)
	if sc != nil {
		gap = sc.gap
	}
	fit.Gap = c.gapFit(&cert, gap, fromName)
	if req.TargetCode != "" {
		fit.Target = c.roleFitOf(&cert, fit.Custom, req.TargetCode, req.TargetTitle, "your target role")
	}
	if req.RoleCode != "" {
		fit.Current = c.roleFitOf(&cert, fit.Custom, req.RoleCode, req.RoleTitle, "your current role")
	}
	held := c.readHeld(req.Held)
	if sc != nil {
		held = sc.held
	}
	fit.Prerequisites = c.prerequisiteFit(idx, held)
	fit.LevelFit = levelFit(cert.Level, req.JobZone)
	fit.Cost = costFit(&cert, fit.Custom)
	fit.Hours = hoursFit(&cert, fit.Custom)
	named := c.fitPoints(fit, audienceCue(req.Gap), &cert)
	fit.Judgement, fit.Summary = judge(fit, named)
	fit.Alternatives = c.alternatives(sc, req, idx, named)
	return fit, nil
}

var _ certwise.CertificationFitter = (*Catalog)(nil)

// resolve finds the catalog entry a name written by a person means: its
// id, or one of its names read tolerantly (tolerantNames), when exactly
// one entry has it.
func (c *Catalog) resolve(name string) (int, bool) {
	name = strings.TrimSpace(name)
	if i, ok := c.byID[strings.ToLower(name)]; ok {
		return i, true
	}
	written := c.tolerantNames([]string{name})
	found := -1
	for i := range c.certs {
		if slices.ContainsFunc(c.certAliases[i], func(n []string) bool {
			return slices.ContainsFunc(written, func(w []string) bool { return slices.Equal(w, n) })
		}) {
			if found >= 0 {
				return -1, false // two entries share the name: do not guess
			}
			found = i
		}
	}
	return found, found >= 0
}

// Resolve returns the catalog id a certification name written by a person
// means (case, punctuation, a provider in front and short forms such as
// "CISA" are read tolerantly), or false when no single entry has it.
func (c *Catalog) Resolve(name string) (string, bool) {
	i, ok := c.resolve(name)
	if !ok {
		return "", false
	}
	return c.certs[i].ID, true
}

// customCert describes a certification outside the catalog from what the
// person said: its name, cost, hours and skills (vocabulary ids, or words
// read through the gap matcher), with the skills its name mentions ("AI in
// Education"); fromName says the name added some.
func (c *Catalog) customCert(ch certwise.CertificationChoice) (cert certwise.Certification, fromName bool) {
	cert = certwise.Certification{Name: strings.TrimSpace(ch.Name), CostUSD: ch.CostUSD, PrepHours: ch.Hours}
	var skills []SkillMatch
	for _, s := range ch.Skills {
		skills = addSkills(skills, c.namedSkill(s))
	}
	for _, s := range skills {
		cert.Skills = append(cert.Skills, s.Skill)
	}
	for _, s := range c.MapGap(ch.Name) {
		if !slices.Contains(cert.Skills, s.Skill) {
			cert.Skills = append(cert.Skills, s.Skill)
			fromName = true
		}
	}
	return cert, fromName
}

// gapFit measures how much of the gap's weight the certification's skills
// cover. fromName says the custom certification's skills were read from
// its name.
func (c *Catalog) gapFit(cert *certwise.Certification, gap []SkillMatch, fromName bool) certwise.FitGap {
	g := certwise.FitGap{Skills: []string{}, Covered: []string{}, Missing: []string{}}
	var total, covered float64
	var coveredNames, missingNames []string
	for _, m := range gap {
		g.Skills = append(g.Skills, m.Skill)
		total += m.Weight
		if slices.Contains(cert.Skills, m.Skill) {
			g.Covered = append(g.Covered, m.Skill)
			coveredNames = append(coveredNames, c.skillName(m.Skill))
			covered += m.Weight
		} else {
			g.Missing = append(g.Missing, m.Skill)
			missingNames = append(missingNames, c.skillName(m.Skill))
		}
	}
	if len(gap) == 0 {
		g.Text = "your gap names no skill of the catalog, so its fit to the gap is not measured"
		return g
	}
	share := math.Round(covered/total*100) / 100
	g.Share = &share
	switch {
	case len(cert.Skills) == 0:
		g.Text = "its skills are not known (name them to measure its fit to your gap)"
	case len(g.Covered) == 0:
		g.Text = "it covers none of the skill areas in your gap (" + strings.Join(missingNames, ", ") + ")"
	default:
		g.Text = fmt.Sprintf("it covers %d of the %d skill areas in your gap (%s of its weight): %s", len(g.Covered), len(gap), display.Percent(share), strings.Join(coveredNames, ", "))
		switch {
		case len(gap) == 1:
			g.Text = "it covers the skill area of your gap: " + coveredNames[0]
		case len(g.Covered) == len(gap):
			g.Text = fmt.Sprintf("it covers all %d skill areas in your gap: %s", len(gap), strings.Join(coveredNames, ", "))
		}
		if len(missingNames) > 0 {
			g.Text += "; not " + strings.Join(missingNames, ", ")
		}
	}
	if fromName {
		g.Text += " (reading its skills partly from its name)"
	}
	return g
}

// matchRank orders role matches: exact 3, occupation 2, field 1, none 0,
// unknown -1.
func matchRank(m string) int {
	switch m {
	case certwise.RoleMatchExact:
		return 3
	case certwise.RoleMatchOccupation:
		return 2
	case certwise.RoleMatchField:
		return 1
	case certwise.RoleMatchNone:
		return 0
	}
	return -1
}

// roleMatch says how closely a certification's roles come to a code:
// the code itself, its 6-digit SOC occupation, its SOC minor group, or
// none; with the role that matched.
func roleMatch(cert *certwise.Certification, code string) (string, string) {
	if slices.Contains(cert.Roles, code) {
		return certwise.RoleMatchExact, code
	}
	for _, r := range cert.Roles {
		if r[:7] == code[:7] {
			return certwise.RoleMatchOccupation, r
		}
	}
	for _, r := range cert.Roles {
		if r[:4] == code[:4] {
			return certwise.RoleMatchField, r
		}
	}
	return certwise.RoleMatchNone, ""
}

// roleFitOf describes how the certification serves one occupation.
func (c *Catalog) roleFitOf(cert *certwise.Certification, custom bool, code, title, whose string) *certwise.FitRole {
	if title == "" {
		title = c.OccupationTitle(code)
	}
	f := &certwise.FitRole{Code: code, Title: title}
	named := code
	if title != "" {
		named = title + " (" + code + ")"
	}
	if custom {
		f.Match = certwise.RoleMatchUnknown
		f.Text = "not in the catalog, so the occupations it serves are not known; check that " + whose + ", " + named + ", values it"
		return f
	}
	var r string
	f.Match, r = roleMatch(cert, code)
	switch f.Match {
	case certwise.RoleMatchExact:
		f.Text = "made for " + whose + ", " + named
	case certwise.RoleMatchOccupation:
		f.Text = "made for " + c.roleTitle(r) + ", the same occupation as " + whose + ", " + named
	case certwise.RoleMatchField:
		f.Text = "made for " + c.roleTitle(r) + ", in the same field as " + whose + ", " + named + " (a weaker match)"
	default:
		f.Text = "not made for " + whose + " (" + named + ") or its field"
	}
	return f
}

// prerequisiteFit checks catalog entry i's hard prerequisites (none known
// for a custom certification, i < 0) against the credentials held.
func (c *Catalog) prerequisiteFit(i int, held heldCredentials) certwise.FitPrerequisites {
	p := certwise.FitPrerequisites{Met: true, Missing: []string{}, Held: []string{}, ToConfirm: []string{}}
	if i < 0 {
		p.Text = "not in the catalog, so its prerequisites are not known; check them on its own page"
		return p
	}
	missing, confirm := c.prerequisites(i, held)
	p.Missing = append(p.Missing, missing...)
	p.ToConfirm = append(p.ToConfirm, confirm...)
	p.Held = append(p.Held, c.heldFor(i, held)...)
	p.Met = len(missing) == 0
	var parts []string
	switch {
	case !p.Met:
		what := "you did not list it among the certifications you hold"
		if len(missing) > 1 {
			what = "you did not list them among the certifications you hold"
		}
		parts = append(parts, "you cannot sit it yet: it requires "+requirements(missing)+", and "+what)
	case len(p.Held) > 0:
		parts = append(parts, "you hold what it requires: "+strings.Join(p.Held, "; "))
	case len(confirm) == 0:
		parts = append(parts, "it requires no other credential")
	}
	if len(confirm) > 0 {
		parts = append(parts, "confirm that you meet: "+requirements(confirm))
	}
	p.Text = strings.Join(parts, "; ")
	return p
}

// levelFit sets a certification's level against the job zone of the
// person's occupation: a foundational credential is below the level of
// zone 4 and 5 occupations (a bachelor's degree or more), a professional
// or specialty one asks more preparation than zone 1 and 2 occupations
// bring.
func levelFit(level string, zone *int) certwise.FitLevel {
	f := certwise.FitLevel{Level: level, Fit: certwise.LevelFitUnknown}
	if zone != nil {
		z := *zone
		f.JobZone = &z
	}
	switch {
	case level == "":
		f.Text = "its level is not known"
	case zone == nil:
		f.Text = article(level) + " " + level + " credential; your occupation's job zone is not known, so its level is not set against yours"
	case level == certwise.LevelFoundational && *zone >= 4:
		f.Fit = certwise.LevelFitBelow
		f.Text = fmt.Sprintf("a foundational credential, likely below your level: your occupation is in job zone %d, where most hold a degree and years of experience", *zone)
	case (level == certwise.LevelProfessional || level == certwise.LevelSpecialty) && *zone <= 2:
		f.Fit = certwise.LevelFitNeedsMorePreparation
		f.Text = fmt.Sprintf("%s %s credential for experienced practitioners; your occupation is in job zone %d, so it needs more preparation than most people in it have", article(level), level, *zone)
	default:
		f.Fit = certwise.LevelFitMatches
		f.Text = fmt.Sprintf("%s %s credential, in line with job zone %d", article(level), level, *zone)
	}
	return f
}

// costFit is the certification's cost with its provenance: an official or
// corroborated figure in USD, a single report only in ReportedUSD, the
// person's own figure for a custom certification as stated.
func costFit(cert *certwise.Certification, custom bool) certwise.FitCost {
	if custom {
		f := certwise.FitCost{Provenance: certwise.ProvenanceNone, Text: "not given"}
		if cert.CostUSD != nil {
			v := *cert.CostUSD
			f.ReportedUSD, f.Provenance = &v, certwise.ProvenanceStated
			f.Text = display.Dollars(v) + " as you gave it (not checked)"
		}
		return f
	}
	f := certwise.FitCost{Provenance: cert.CostProvenance, Text: cert.CostText()}
	cost, verified := cert.Cost()
	if cost == nil {
		if r := reportedFees(cert); r != "" {
			f.Text += " (pages report " + r + ", unverified)"
		}
	}
	switch {
	case cost != nil && verified:
		v := *cost
		f.USD = &v
	case cost != nil:
		v := *cost
		f.ReportedUSD = &v
	}
	if f.Provenance == "" {
		switch {
		case f.USD != nil:
			f.Provenance = certwise.ProvenanceOfficial
		case f.ReportedUSD != nil:
			f.Provenance = certwise.ProvenanceReported
		default:
			f.Provenance = certwise.ProvenanceNone
		}
	}
	return f
}

// hoursFit is the preparation time with what the estimate rests on.
func hoursFit(cert *certwise.Certification, custom bool) certwise.FitHours {
	if cert.PrepHours == nil {
		return certwise.FitHours{Text: "no preparation estimate"}
	}
	v := *cert.PrepHours
	f := certwise.FitHours{Hours: &v, Basis: cert.PrepHoursBasis, Text: "about " + display.Hours(v) + " hours of preparation"}
	switch {
	case custom:
		f.Text += ", as you gave it"
	case cert.PrepHoursBasis != "":
		f.Text += " (" + cert.PrepHoursBasis + ")"
	}
	return f
}

// points are the parts of a fit that alternatives are compared on.
type points struct {
	share      float64 // gap coverage, 0 when unknown
	gapKnown   bool
	target     int // matchRank against the target, -1 when none given
	current    int // matchRank against the current role, -1 when none given
	levelOff   bool
	audienceOK bool // the certification is made for the kind of work the gap describes
	canSit     bool
	general    bool // a field's general credential, not one about AI
}

// fitPoints reads a fit's comparable parts. cue is the gap's audience cue.
func (c *Catalog) fitPoints(f *certwise.CertificationFit, cue string, cert *certwise.Certification) points {
	p := points{target: -1, current: -1, canSit: f.Prerequisites.Met, audienceOK: audienceFits(cue, cert), general: cert.FieldCredential}
	if f.Gap.Share != nil {
		p.share, p.gapKnown = *f.Gap.Share, true
	}
	if f.Target != nil {
		p.target = matchRank(f.Target.Match)
	}
	if f.Current != nil {
		p.current = matchRank(f.Current.Match)
	}
	p.levelOff = f.LevelFit.Fit == certwise.LevelFitNeedsMorePreparation
	return p
}

// audienceFits reports whether a certification is made for the kind of
// work a gap describes: people who use AI, or people who build with it
// (any certification when the gap says neither, or its audience is not
// known).
func audienceFits(cue string, cert *certwise.Certification) bool {
	if len(cert.Audience) == 0 {
		return true
	}
	switch cue {
	case audienceUse:
		return slices.Contains(cert.Audience, "business") || slices.Contains(cert.Audience, "governance")
	case audienceBuild:
		return slices.Contains(cert.Audience, "builders") || slices.Contains(cert.Audience, "data")
	}
	return true
}

// bestRole is the closer of the target and current role matches.
func (p points) bestRole() int { return max(p.target, p.current) }

// judge gives the fit's judgement and the sentence that says it.
// Prerequisites come first: a certification the person cannot sit is
// prerequisite_missing whatever else fits.
func judge(f *certwise.CertificationFit, p points) (string, string) {
	name := f.Name
	if !p.canSit {
		return certwise.FitPrerequisiteMissing, name + " is out of reach for now: it requires " + requirements(f.Prerequisites.Missing) + " first."
	}
	role := p.bestRole()
	var j string
	switch {
	case !p.gapKnown && role < 0:
		return certwise.FitUnknown, "Name the capability gap or the role you are aiming at, so that " + name + " can be judged against it."
	// Good: most of the gap, or a good part of it from a certification
	// made for the person's own or target occupation; for the kind of
	// work the gap describes, at their level, and not away from a target.
	case p.gapKnown && (p.share >= 0.5 || p.share >= 0.25 && role >= 2) && p.audienceOK && p.target != 0 && !p.levelOff,
		!p.gapKnown && role >= 2 && !p.levelOff:
		j = certwise.FitGood
	case p.gapKnown && p.share == 0 && (role <= 0 || p.general),
		!p.gapKnown && role == 0,
		role <= 0 && !p.audienceOK:
		j = certwise.FitPoor
	default:
		j = certwise.FitPartial
	}
	var pro, con []string
	if p.gapKnown {
		switch {
		case p.share >= 0.5:
			pro = append(pro, "covers most of your gap")
		case p.share > 0:
			pro = append(pro, "covers part of your gap")
		default:
			con = append(con, "covers none of your gap")
		}
	}
	switch {
	case p.target >= 2:
		pro = append(pro, "is made for your target role")
	case p.target == 1:
		pro = append(pro, "serves your target role's field")
	case p.target == 0:
		con = append(con, "is not made for your target role")
	case p.current >= 2:
		pro = append(pro, "is made for your current role")
	case p.current == 1:
		pro = append(pro, "serves your field")
	case p.current == 0:
		con = append(con, "is not listed for your occupation or its field")
	}
	if !p.audienceOK {
		con = append(con, "is made for another kind of work than your gap describes")
	}
	if p.levelOff {
		con = append(con, "needs more preparation than your role usually brings")
	}
	if f.LevelFit.Fit == certwise.LevelFitBelow {
		con = append(con, "may be below your level")
	}
	lead := map[string]string{
		certwise.FitGood:    " fits you: it ",
		certwise.FitPartial: " fits you in part: it ",
		certwise.FitPoor:    " fits you poorly: it ",
	}[j]
	switch {
	case len(pro) == 0:
		return j, name + lead + display.AndList(con) + "."
	case len(con) == 0:
		return j, name + lead + display.AndList(pro) + "."
	}
	return j, name + lead + display.AndList(pro) + ", though it " + display.AndList(con) + "."
}

// alternatives are up to three catalog certifications the recommender
// ranks for the same person (sc, nil when there is nothing to rank on)
// that fit better than the named one (index named, -1 for a custom one):
// no worse on any part of the fit and better on at least one, each with
// why.
func (c *Catalog) alternatives(sc *scoring, req certwise.FitRequest, named int, mine points) []certwise.FitAlternative {
	out := []certwise.FitAlternative{}
	if sc == nil {
		return out
	}
	ranks, _ := c.rank(sc, false)
	for _, r := range ranks {
		if len(out) == 3 {
			break
		}
		i := r.cert
		if i == named {
			continue
		}
		cert := &c.certs[i]
		f := &certwise.CertificationFit{Name: cert.Name}
		f.Gap = c.gapFit(cert, sc.gap, false)
		if req.TargetCode != "" {
			f.Target = c.roleFitOf(cert, false, req.TargetCode, req.TargetTitle, "your target role")
		}
		if req.RoleCode != "" {
			f.Current = c.roleFitOf(cert, false, req.RoleCode, req.RoleTitle, "your current role")
		}
		f.Prerequisites = c.prerequisiteFit(i, sc.held)
		f.LevelFit = levelFit(cert.Level, req.JobZone)
		theirs := c.fitPoints(f, sc.audience, cert)
		why, better := betterOn(theirs, mine, f)
		if j, _ := judge(f, theirs); !better || j == certwise.FitPoor || theirs.gapKnown && theirs.share == 0 {
			continue
		}
		why = append(why, "cost "+cert.CostText())
		out = append(out, certwise.FitAlternative{ID: cert.ID, Name: cert.Name, Provider: cert.Provider, Level: cert.Level, CostText: cert.CostText(), Why: why})
	}
	return out
}

// shareMargin is how much more of the gap an alternative must cover to
// count as covering more.
const shareMargin = 0.1

// betterOn reports whether the fit a is no worse than b on every part and
// better on at least one, and says where it is better.
func betterOn(a, b points, af *certwise.CertificationFit) ([]string, bool) {
	// A field's general credential does not beat one about AI that the
	// person can sit and that covers some of their gap.
	generalLoses := a.general && !b.general && b.canSit && (!b.gapKnown || b.share > 0)
	if !a.canSit || generalLoses || (a.gapKnown && a.share+shareMargin < b.share) || a.target < b.target || a.current < b.current ||
		(a.levelOff && !b.levelOff) || (!a.audienceOK && b.audienceOK) {
		return nil, false
	}
	var why []string
	if a.gapKnown && a.share >= b.share+shareMargin {
		why = append(why, af.Gap.Text)
	}
	if a.target > b.target {
		why = append(why, af.Target.Text)
	} else if a.current > b.current {
		why = append(why, af.Current.Text)
	}
	if a.audienceOK && !b.audienceOK {
		why = append(why, "made for the kind of work your gap describes")
	}
	if !a.levelOff && b.levelOff {
		why = append(why, af.LevelFit.Text)
	}
	if !b.canSit {
		why = append(why, "you can sit it now: "+af.Prerequisites.Text)
	}
	return why, len(why) > 0
}

// article is "an" before a level that starts with a vowel, else "a".
func article(level string) string {
	if level != "" && strings.ContainsRune("aeiou", rune(level[0])) {
		return "an"
	}
	return "a"
}

// requirements joins requirements written as sentences into one clause,
// lower-casing a leading article ("An active CISM" reads "an active CISM").
func requirements(rs []string) string {
	out := make([]string, len(rs))
	for i, r := range rs {
		for _, a := range []string{"An ", "A ", "The "} {
			if strings.HasPrefix(r, a) {
				r = strings.ToLower(a[:1]) + r[1:]
				break
			}
		}
		out[i] = r
	}
	return strings.Join(out, "; ")
}

// reportedFees lists the distinct exam fees pages report for a
// certification without a confirmed cost: "$599 or $760".
func reportedFees(cert *certwise.Certification) string {
	var fees []string
	for _, p := range cert.Prices {
		switch p.Kind {
		case certwise.PriceExam, certwise.PriceNonMember:
		default:
			continue
		}
		if d := display.Dollars(p.USD); !slices.Contains(fees, d) {
			fees = append(fees, d)
		}
	}
	return strings.Join(fees, " or ")
}
