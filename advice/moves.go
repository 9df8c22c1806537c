package advice

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

// SimilarityData is what career moves read beyond certwise.ExposureData:
// each occupation's precomputed close occupations and the similarity of two
// occupations' skills. exposure.Model implements it; without it moves are
// ranked on shared work alone.
type SimilarityData interface {
	Similar(code string) []certwise.SimilarOccupation
	SkillsSimilarity(a, b string) (float64, bool)
}

// The bounds a move must meet to be proposed (issue 15).
const (
	minMoveOverlap = 0.20 // share of the person's work the target also does
	minWageRatio   = 0.90 // target median wage over the current one
	maxZoneStep    = 1    // job zones apart
	maxLabelled    = 2    // moves outside one bound shown, labelled, after the proposed ones
	unratedOverlap = 0.30 // overlap a candidate needs when skills cannot be compared, unless O*NET relates it
	minLabelWage   = 0.75 // a move paying less than this share of the current wage is not shown at all
	maxLabelZone   = 2    // nor one more job zones away than this
	skillsWeight   = 0.5  // weight of positive skills similarity in the fit score
	minSkills      = 0.4  // skills similarity below which a candidate is not shown
	newField       = 2.0  // current level (0-7) below which a knowledge area is new to the person
	newFieldLevel  = 3.5  // target level from which a new knowledge area counts as a field to learn
	maxNewFields   = 2    // more new fields than this need more preparation
	relatedBonus   = 0.05 // fit added for O*NET's related occupations
	importantSkill = 3.0  // importance (1-5) from which a skill counts as important
	clearGap       = 0.5  // level points (0-7) by which a target asks clearly more
	maxSkills      = 5    // shared skills and gaps listed per target
)

// move is one candidate occupation while moves are worked out.
type move struct {
	occ     *certwise.Occupation
	overlap float64
	skills  *float64
	related bool
	fit     float64
	missed  []string // bounds missed: BoundJobZone, BoundMedianWage
	caveats []string
}

// candidates returns the occupations a person could move to, with their
// overlap: the precomputed neighbours of the current occupation when the
// person's work is the occupation's own, else the overlap of the person's
// activity shares with every occupation (each IWA: the smaller of the two
// shares), keeping those at minMoveOverlap or more and O*NET's related ones.
func (a *Advisor) candidates(cur *certwise.Occupation, acts []*activity) []*move {
	ownShares := len(acts) > 0 && acts[0].source == "activity_shares"
	if a.sim != nil && cur != nil && !ownShares {
		list := a.sim.Similar(cur.Code)
		out := make([]*move, 0, len(list))
		for _, c := range list {
			if i, ok := a.index[c.Code]; ok {
				out = append(out, &move{occ: a.occs[i], overlap: c.Overlap, skills: c.Skills, related: c.Related})
			}
		}
		return out
	}
	overlap := make([]float64, len(a.occs))
	for _, x := range acts {
		for _, ow := range a.byIWA[x.iwa] {
			overlap[ow.occ] += math.Min(x.share, ow.weight)
		}
	}
	related := map[int]bool{}
	if cur != nil {
		for _, code := range cur.Related {
			if i, ok := a.index[code]; ok {
				related[i] = true
			}
		}
	}
	var out []*move
	for i, v := range overlap {
		o := a.occs[i]
		if (cur != nil && o.Code == cur.Code) || (v < minMoveOverlap && !related[i]) {
			continue
		}
		m := &move{occ: o, overlap: v, related: related[i]}
		if a.sim != nil && cur != nil {
			if s, ok := a.sim.SkillsSimilarity(cur.Code, o.Code); ok {
				m.skills = &s
			}
		}
		out = append(out, m)
	}
	return out
}

// reassess proposes career moves: occupations that share at least a fifth
// of the person's work, ask for preparation within one job zone, pay at
// least 90% of the current median wage and are less exposed. Up to
// maxLabelled moves that miss only the preparation or the wage bound follow,
// labelled for what they are. When nothing qualifies it says so and points
// to deepening the current role.
func (a *Advisor) reassess(ctx context.Context, in certwise.AdviceInput) ([]certwise.NextStep, error) {
	acts := a.personActivities(in)
	cur := in.Occupation
	level := in.Level
	if (level == "" || level == certwise.ExposureUnknown) && cur != nil {
		level = cur.ExposureLevel
	}
	var curComp *float64
	if mix := workMix(in); len(mix) > 0 {
		curComp = ptr(mix.CompressibleShare())
	} else if cur != nil {
		curComp = cur.CompressibleShare
	}
	bounds := &certwise.MoveBounds{MinOverlap: minMoveOverlap, MinWageRatio: minWageRatio, ExposureLevel: level,
		CompressibleShare: curComp, LabourVintage: certwise.CurrentLabourVintage}
	if cur != nil {
		bounds.JobZone, bounds.MedianWage, bounds.LabourVintage = cur.JobZone, cur.MedianWage, cur.LabourVintage
	}

	var proposed, labelled []*move
	for _, m := range a.candidates(cur, acts) {
		bounds.Examined++
		if m.overlap < minMoveOverlap || !lowersExposure(m.occ, level, curComp) || !alike(m) {
			continue // never shown: a move must share work and skills and lower exposure
		}
		m.fit = m.overlap + relatedFit(m)
		checkZone(m, cur)
		checkWage(m, cur)
		checkFields(m, cur)
		switch {
		case len(m.missed) == 0:
			proposed = append(proposed, m)
		case len(m.missed) == 1 && !farOff(m, cur):
			labelled = append(labelled, m)
		}
	}
	bounds.Qualifying = len(proposed)
	byFit(proposed)
	byFit(labelled)
	if len(proposed) > maxTargets {
		proposed = proposed[:maxTargets]
	}
	if len(labelled) > maxLabelled {
		labelled = labelled[:maxLabelled]
	}

	targets := make([]certwise.TransitionTarget, 0, len(proposed)+len(labelled))
	for _, m := range proposed {
		t := a.target(m, cur, acts)
		if a.rec != nil {
			// The target alone: a gap or the current role would let in
			// certifications that do not serve the target.
			recs, err := a.rec.Recommend(ctx, certwise.RecommendRequest{TargetCode: m.occ.Code, Top: certsPerTarget, Held: in.Answers.HeldCertifications})
			if err != nil {
				return nil, fmt.Errorf("certifications for target %s: %w", m.occ.Code, err)
			}
			t.Certifications = recs
		}
		targets = append(targets, t)
	}
	for _, m := range labelled {
		targets = append(targets, a.target(m, cur, acts))
	}
	evidence := map[string]any{"candidates_examined": bounds.Examined, "targets_passing": bounds.Qualifying}

	if len(proposed) == 0 {
		step := certwise.NextStep{
			Kind:       certwise.NextStepTransition,
			Action:     noMoveAction(bounds, len(targets)),
			Why:        noMoveWhy(bounds),
			Evidence:   evidence,
			Targets:    targets,
			MoveBounds: bounds,
		}
		steps := []certwise.NextStep{step}
		if bounds.Examined > 0 {
			steps = append(steps, a.redesign(in)...)
		}
		return steps, nil
	}
	if a.rec != nil {
		n := 0
		for _, t := range targets {
			if len(t.Certifications) > 0 {
				n++
			}
		}
		evidence["targets_with_certifications"] = n
	}
	steps := []certwise.NextStep{{
		Kind:       certwise.NextStepTransition,
		Action:     moveAction(len(proposed), len(labelled)),
		Why:        moveWhy(cur, level, curComp),
		Evidence:   evidence,
		Targets:    targets,
		MoveBounds: bounds,
	}}
	if certs := targetCertifications(targets); len(certs) > 0 {
		steps = append(steps, certwise.NextStep{
			Kind:           certwise.NextStepTargetCerts,
			Action:         "Only once you have chosen a target, compare the certifications that serve it; a credential for your current role does not change its exposure.",
			Why:            "Each certification below was ranked by the catalog for one of the proposed moves above.",
			Certifications: certs,
		})
	}
	return steps, nil
}

// relatedFit is what skills similarity and O*NET's relatedness add to a
// move's overlap in its fit score.
func relatedFit(m *move) float64 {
	f := 0.0
	if m.skills != nil && *m.skills > 0 {
		f += skillsWeight * *m.skills
	}
	if m.related {
		f += relatedBonus
	}
	return f
}

// lowersExposure: less exposed (see lessExposed) and not a role mostly of
// reporting and coordination that has more of them than the person's.
func lowersExposure(o *certwise.Occupation, level certwise.ExposureLevel, comp *float64) bool {
	if !lessExposed(o, level, comp) {
		return false
	}
	c := o.CompressibleShare
	return comp == nil || c == nil || *c < certwise.CompressibleThreshold || *c < *comp
}

// alike: skills similar enough, or, where O*NET rates either occupation's
// skills not at all, related by O*NET or sharing unratedOverlap of the work.
func alike(m *move) bool {
	if m.skills != nil {
		return *m.skills >= minSkills
	}
	return m.related || m.overlap >= unratedOverlap
}

// farOff reports a move too far outside its bound to show even labelled:
// paying less than minLabelWage of the current wage or more than
// maxLabelZone job zones away.
func farOff(m *move, cur *certwise.Occupation) bool {
	if cur == nil {
		return false
	}
	if cur.MedianWage != nil && m.occ.MedianWage != nil && *m.occ.MedianWage < minLabelWage**cur.MedianWage {
		return true
	}
	if cur.JobZone != nil && m.occ.JobZone != nil {
		d := *m.occ.JobZone - *cur.JobZone
		return d > maxLabelZone || d < -maxLabelZone
	}
	return false
}

// checkFields records a move that asks for more than maxNewFields knowledge
// areas the person's occupation barely uses (level below newField) at a
// working level (newFieldLevel or more, rated important): a new profession
// rather than a move.
func checkFields(m *move, cur *certwise.Occupation) {
	if cur == nil || len(cur.Skills) == 0 || len(cur.Skills) != len(m.occ.Skills) {
		return
	}
	var fields []string
	for i, t := range m.occ.Skills {
		c := cur.Skills[i]
		if t.Kind == certwise.SkillKindKnowledge && c.Element == t.Element && t.Importance >= importantSkill &&
			t.Level >= newFieldLevel && c.Level < newField {
			fields = append(fields, t.Name)
		}
	}
	if len(fields) > maxNewFields {
		m.miss(certwise.BoundSkills, "needs more preparation: new fields of knowledge ("+strings.Join(fields, ", ")+")")
	}
}

// checkZone records a move whose job zone is unknown or more than one away
// from the current one (when that is known).
func checkZone(m *move, cur *certwise.Occupation) {
	if cur == nil || cur.JobZone == nil {
		return
	}
	z := m.occ.JobZone
	switch {
	case z == nil:
		m.miss(certwise.BoundJobZone, "preparation not rated by O*NET")
	case *z-*cur.JobZone == maxZoneStep:
		m.caveats = append(m.caveats, fmt.Sprintf("one job zone more preparation: %d, yours is %d", *z, *cur.JobZone))
	case *z-*cur.JobZone > maxZoneStep:
		m.miss(certwise.BoundJobZone, fmt.Sprintf("needs more preparation: job zone %d, yours is %d", *z, *cur.JobZone))
	case *cur.JobZone-*z > maxZoneStep:
		m.miss(certwise.BoundJobZone, fmt.Sprintf("a step down in preparation: job zone %d, yours is %d", *z, *cur.JobZone))
	}
}

// checkWage records a move paying less than minWageRatio of the current
// median wage, or whose wage BLS does not publish.
func checkWage(m *move, cur *certwise.Occupation) {
	if cur == nil || cur.MedianWage == nil {
		return
	}
	w := m.occ.MedianWage
	switch {
	case w == nil:
		m.miss(certwise.BoundMedianWage, "median wage not published by BLS")
	case *w < minWageRatio**cur.MedianWage:
		m.miss(certwise.BoundMedianWage, fmt.Sprintf("pays less: median %s against your %s (%s)",
			display.Dollars(*w), display.Dollars(*cur.MedianWage), m.occ.LabourVintage.Wages))
	}
}

func (m *move) miss(bound, caveat string) {
	m.missed = append(m.missed, bound)
	m.caveats = append(m.caveats, caveat)
}

func byFit(ms []*move) {
	slices.SortFunc(ms, func(x, y *move) int {
		if c := cmp.Compare(y.fit, x.fit); c != 0 {
			return c
		}
		return strings.Compare(x.occ.Code, y.occ.Code)
	})
}

// target builds a TransitionTarget: its figures, the activities the person
// already shares with it, the skills both rate important and the gap to
// close.
func (a *Advisor) target(m *move, cur *certwise.Occupation, acts []*activity) certwise.TransitionTarget {
	o := m.occ
	t := certwise.TransitionTarget{
		Code: o.Code, Title: o.Title, ExposureLevel: o.ExposureLevel, GPT4Beta: o.GPT4Beta,
		CompressibleShare: o.CompressibleShare, ProjectedGrowthPct: o.ProjectedGrowthPct,
		MedianWage: o.MedianWage, LabourVintage: o.LabourVintage, JobZone: o.JobZone, Overlap: round(m.overlap, 4),
		Status: certwise.MoveProposed, Fit: round(m.fit, 4), OutsideBounds: m.missed, Caveats: m.caveats,
	}
	if len(m.missed) > 0 {
		t.Status = certwise.MoveOutsideBounds
	}
	if m.skills != nil {
		t.SkillsSimilarity = ptr(round(*m.skills, 4))
	}
	if cur != nil && cur.MedianWage != nil && o.MedianWage != nil && *cur.MedianWage > 0 {
		t.WageRatio = ptr(round(*o.MedianWage / *cur.MedianWage, 4))
	}
	if m.related {
		t.Via = append(t.Via, "onet_related")
	}
	weights := make(map[string]float64, len(o.Activities))
	for _, act := range o.Activities {
		weights[act.IWA] = act.Weight
	}
	for _, x := range acts {
		if w, ok := weights[x.iwa]; ok && w > 0 {
			t.SharedActivities = append(t.SharedActivities, certwise.SharedActivity{
				IWA: x.iwa, Title: x.title, Share: round(x.share, 4), TargetWeight: round(w, 4)})
		}
	}
	if len(t.SharedActivities) > 0 {
		t.Via = append(t.Via, "shared_activities")
	}
	sort := func(xs []certwise.SharedActivity) {
		slices.SortStableFunc(xs, func(x, y certwise.SharedActivity) int {
			return cmp.Compare(math.Min(y.Share, y.TargetWeight), math.Min(x.Share, x.TargetWeight))
		})
	}
	sort(t.SharedActivities)
	if len(t.SharedActivities) > maxShared {
		t.SharedActivities = t.SharedActivities[:maxShared]
	}
	if cur != nil {
		t.SharedSkills, t.SkillGaps = compareSkills(cur.Skills, o.Skills)
		if m.skills != nil {
			t.Via = append(t.Via, "skills")
		}
	}
	return t
}

// compareSkills lists the skills and knowledge areas both occupations rate
// important (importance at least importantSkill in each), most important to
// the target first, and the gap: where the target rates the element
// important and asks a level at least clearGap above the current one,
// largest gap × importance first. Both lists hold at most maxSkills.
func compareSkills(cur, target []certwise.SkillRating) (shared, gaps []certwise.SkillMatch) {
	if len(cur) == 0 || len(cur) != len(target) {
		return nil, nil
	}
	// Rank element positions by a key, keeping the best maxSkills, without
	// sorting the whole list: this runs for every move of every request.
	type ranked struct {
		i   int
		key float64
	}
	var sh, gp [maxSkills + 1]ranked
	ns, ng := 0, 0
	insert := func(top *[maxSkills + 1]ranked, n *int, r ranked) {
		k := *n
		for k > 0 && top[k-1].key < r.key {
			top[k] = top[k-1]
			k--
		}
		top[k] = r
		if *n < maxSkills {
			*n++
		}
	}
	for i, t := range target {
		c := cur[i]
		if c.Element != t.Element || t.Importance < importantSkill {
			continue
		}
		if d := t.Level - c.Level; d >= clearGap {
			insert(&gp, &ng, ranked{i, d * t.Importance})
		} else if c.Importance >= importantSkill {
			insert(&sh, &ns, ranked{i, t.Importance})
		}
	}
	match := func(i int) certwise.SkillMatch {
		t := target[i]
		return certwise.SkillMatch{Element: t.Element, Name: t.Name, Kind: t.Kind, Importance: t.Importance,
			Level: cur[i].Level, TargetLevel: t.Level}
	}
	if ns > 0 {
		shared = make([]certwise.SkillMatch, ns)
		for k := range shared {
			shared[k] = match(sh[k].i)
		}
	}
	if ng > 0 {
		gaps = make([]certwise.SkillMatch, ng)
		for k := range gaps {
			gaps[k] = match(gp[k].i)
		}
	}
	return shared, gaps
}

func moveAction(proposed, labelled int) string {
	n := fmt.Sprintf("one of these %d occupations", proposed)
	switch {
	case proposed == 1 && labelled > 0:
		n = "the first occupation below"
	case proposed == 1:
		n = "this occupation"
	case labelled > 0:
		n = fmt.Sprintf("one of the first %d occupations below", proposed)
	}
	s := fmt.Sprintf("Weigh a move to %s: each shares at least a fifth of your work, asks for preparation within one job zone of yours, pays at least 90%% of your median wage and is less exposed than your role.", n)
	if labelled > 0 {
		s += fmt.Sprintf(" The last %d miss one of those bounds, as their labels say.", labelled)
	}
	return s
}

func moveWhy(cur *certwise.Occupation, level certwise.ExposureLevel, comp *float64) string {
	var b strings.Builder
	b.WriteString("Your exposure is ")
	b.WriteString(string(level))
	if comp != nil {
		fmt.Fprintf(&b, " with %s of the work in reporting and coordination", display.Percent(*comp))
	}
	if cur != nil && cur.ProjectedGrowthPct != nil {
		fmt.Fprintf(&b, "; %s is projected to change %s in employment", cur.Title, display.Change(*cur.ProjectedGrowthPct))
		if v := cur.LabourVintage.Growth; v != "" {
			fmt.Fprintf(&b, " (%s)", v)
		}
	}
	b.WriteString(". Moves are ranked by the share of your work they also do plus how alike the skills and knowledge O*NET rates for both are; each lists the skills where it asks clearly more than your role does.")
	return b.String()
}

func noMoveAction(b *certwise.MoveBounds, labelled int) string {
	if b.Examined == 0 {
		return "Name a role you would move to (target_role) and compare its exposure, preparation and pay with your own before spending on training."
	}
	s := "No occupation close to yours is a move certwise can propose: none that shares at least a fifth of your work is at once less exposed, within one job zone of yours and paid at least 90% of your median wage. Deepen your current role instead, as the next steps describe."
	if labelled > 0 {
		s += " The occupations listed miss one of those bounds, as their labels say; weigh them only knowing that."
	}
	return s
}

func noMoveWhy(b *certwise.MoveBounds) string {
	if b.Examined == 0 {
		return "certwise could not find candidate occupations: give an occupation code or your own activity_shares so that moves can be drawn from the data."
	}
	return fmt.Sprintf("%d occupations share work with yours or are related to it by O*NET; none meets all four bounds.", b.Examined)
}
