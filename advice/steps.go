package advice

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/certwise/certwise"
)

// topProjects picks the three to five activities where generative AI helps
// the role most (share × applicability): at least three, then more until
// they hold projectCoverage of the role's total, at most five.
func topProjects(acts []*activity) []certwise.ActivityEvidence {
	ranked := byScore(acts)
	total := 0.0
	for _, x := range ranked {
		total += x.score()
	}
	var out []certwise.ActivityEvidence
	sum := 0.0
	for _, x := range ranked {
		if len(out) >= maxProjects || (len(out) >= minProjects && sum >= projectCoverage*total) || x.score() <= 0 {
			break
		}
		out = append(out, withProject(x.evidence()))
		sum += x.score()
	}
	return out
}

func sumShares(acts []certwise.ActivityEvidence) float64 {
	s := 0.0
	for _, e := range acts {
		s += e.Share
	}
	return s
}

// applyFirst: small applied projects on the activities where AI is most
// applicable today.
func (a *Advisor) applyFirst(in certwise.AdviceInput) []certwise.NextStep {
	acts := a.personActivities(in)
	top := topProjects(acts)
	if len(top) == 0 {
		return []certwise.NextStep{{
			Kind:   certwise.NextStepAppliedProjects,
			Action: "List the three to five activities that fill most of your week and run a two-week AI trial on the one with the most routine text work.",
			Why:    whyNoActivities(in),
		}}
	}
	return []certwise.NextStep{{
		Kind: certwise.NextStepAppliedProjects,
		Action: fmt.Sprintf("Run %d small AI projects in your current role, one per activity below, and keep the numbers each one produces.",
			len(top)),
		Why: fmt.Sprintf("These activities hold %s of your work (%s) and rank highest on how completely and broadly generative AI handles them in the Working-with-AI data; measured output in your own role is worth more than a credential you have not used.",
			pct(sumShares(top)), shareSourceText(top[0].ShareSource)),
		Activities: top,
	}}
}

func shareSourceText(src string) string {
	if src == "activity_shares" {
		return "by your own activity shares"
	}
	return "by the occupation's activity weights"
}

func whyNoActivities(in certwise.AdviceInput) string {
	if in.Occupation == nil {
		return "certwise has no activity figures for your role: give an occupation code or your own activity_shares to get projects chosen from the data."
	}
	return fmt.Sprintf("the data holds no AI-use figures for the activities of %s (%s).", in.Occupation.Title, in.Occupation.Code)
}

// levelRank orders exposure levels; structural is the most exposed.
func levelRank(l certwise.ExposureLevel) int {
	switch l {
	case certwise.ExposureLow:
		return 0
	case certwise.ExposureModerate:
		return 1
	case certwise.ExposureHigh:
		return 2
	case certwise.ExposureStructural:
		return 3
	}
	return 4 // unknown: any non-structural level counts as less exposed
}

type candidate struct {
	occ     *certwise.Occupation
	related bool
	overlap float64
}

// reassess: transition targets and the certifications that serve them.
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

	// Candidates: O*NET's related occupations, and the occupations sharing one
	// of the person's strongest activities. Overlap is measured against every
	// occupation sharing any of the person's activities.
	const (
		none = iota
		byActivity
		byRelated
	)
	source := make([]uint8, len(a.occs))
	overlap := make([]float64, len(a.occs))
	if cur != nil {
		for _, code := range cur.Related {
			if i, ok := a.index[code]; ok {
				source[i] = byRelated
			}
		}
	}
	for n, x := range acts {
		for _, ow := range a.byIWA[x.iwa] {
			overlap[ow.occ] += math.Min(x.share, ow.weight)
			if n < strongestActs && source[ow.occ] == none {
				source[ow.occ] = byActivity
			}
		}
	}
	if cur != nil {
		if i, ok := a.index[cur.Code]; ok {
			source[i] = none
		}
	}
	examined := 0
	var kept []*candidate
	for i, src := range source {
		if src == none {
			continue
		}
		examined++
		o := a.occs[i]
		if !lessExposed(o, level, curComp) || !growsFaster(o, cur) || !comparablePrep(o, cur) {
			continue
		}
		kept = append(kept, &candidate{occ: o, related: src == byRelated, overlap: overlap[i]})
	}
	evidence := map[string]any{"candidates_examined": examined, "targets_passing": len(kept)}
	kept = pickTargets(kept)
	if len(kept) == 0 {
		return []certwise.NextStep{{
			Kind:     certwise.NextStepTransition,
			Action:   "Name a role you would move to (target_role) and compare its exposure, growth and preparation with your own before spending on training.",
			Why:      noTargetsWhy(in, examined),
			Evidence: evidence,
		}}, nil
	}

	targets := make([]certwise.TransitionTarget, 0, len(kept))
	for _, c := range kept {
		t := target(c, acts)
		if a.rec != nil {
			// The target alone: a gap or the current role would let in
			// certifications that do not serve the target.
			recs, err := a.rec.Recommend(ctx, certwise.RecommendRequest{TargetCode: c.occ.Code, Top: certsPerTarget, Held: in.Answers.HeldCertifications})
			if err != nil {
				return nil, fmt.Errorf("certifications for target %s: %w", c.occ.Code, err)
			}
			t.Certifications = recs
		}
		targets = append(targets, t)
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
		Kind: certwise.NextStepTransition,
		Action: fmt.Sprintf("Weigh a move to one of these %d occupations: each is less exposed than your role, is projected to grow faster, and asks for comparable preparation.",
			len(targets)),
		Why:      transitionWhy(cur, level, curComp),
		Evidence: evidence,
		Targets:  targets,
	}}
	if certs := targetCertifications(targets); len(certs) > 0 {
		steps = append(steps, certwise.NextStep{
			Kind:           certwise.NextStepTargetCerts,
			Action:         "Only once you have chosen a target, compare the certifications that serve it; a credential for your current role does not change its exposure.",
			Why:            "Each certification below was ranked by the catalog for one of the targets above.",
			Certifications: certs,
		})
	}
	return steps, nil
}

// lessExposed: not structural, and either at a lower exposure level or at the
// same level with clearly less reporting and coordination work.
func lessExposed(o *certwise.Occupation, level certwise.ExposureLevel, comp *float64) bool {
	if o.ExposureLevel == certwise.ExposureStructural || o.ExposureLevel == certwise.ExposureUnknown || o.ExposureLevel == "" {
		return false
	}
	r, cr := levelRank(o.ExposureLevel), levelRank(level)
	if r < cr {
		return true
	}
	return r == cr && comp != nil && o.CompressibleShare != nil && *o.CompressibleShare <= *comp-sameLevelMargin
}

// growsFaster: the target's projected growth is known and beats the current
// occupation's (or is positive when the current one is unknown).
func growsFaster(o, cur *certwise.Occupation) bool {
	if o.ProjectedGrowthPct == nil {
		return false
	}
	if cur == nil || cur.ProjectedGrowthPct == nil {
		return *o.ProjectedGrowthPct > 0
	}
	return *o.ProjectedGrowthPct > *cur.ProjectedGrowthPct
}

// comparablePrep: job zones within one of each other when the current one is
// known.
func comparablePrep(o, cur *certwise.Occupation) bool {
	if cur == nil || cur.JobZone == nil {
		return true
	}
	if o.JobZone == nil {
		return false
	}
	d := *o.JobZone - *cur.JobZone
	return d >= -1 && d <= 1
}

// pickTargets keeps up to maxRelated of O*NET's related occupations (curated
// by its analysts), best overlap first, then fills up to maxTargets with the
// best overlap among the rest, whatever their source.
func pickTargets(cands []*candidate) []*candidate {
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].overlap != cands[j].overlap {
			return cands[i].overlap > cands[j].overlap
		}
		return cands[i].occ.Code < cands[j].occ.Code
	})
	var out, rest []*candidate
	for _, c := range cands {
		if c.related && len(out) < maxRelated {
			out = append(out, c)
		} else {
			rest = append(rest, c)
		}
	}
	for _, c := range rest {
		if len(out) == maxTargets {
			break
		}
		out = append(out, c)
	}
	return out
}

// target builds a TransitionTarget with the activities the person already
// shares with the occupation.
func target(c *candidate, acts []*activity) certwise.TransitionTarget {
	o := c.occ
	t := certwise.TransitionTarget{
		Code: o.Code, Title: o.Title, ExposureLevel: o.ExposureLevel, GPT4Beta: o.GPT4Beta,
		CompressibleShare: o.CompressibleShare, ProjectedGrowthPct: o.ProjectedGrowthPct,
		MedianWage: o.MedianWage, JobZone: o.JobZone, Overlap: round(c.overlap, 4),
	}
	if c.related {
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
	sort.SliceStable(t.SharedActivities, func(i, j int) bool {
		x, y := t.SharedActivities[i], t.SharedActivities[j]
		return math.Min(x.Share, x.TargetWeight) > math.Min(y.Share, y.TargetWeight)
	})
	if len(t.SharedActivities) > maxShared {
		t.SharedActivities = t.SharedActivities[:maxShared]
	}
	return t
}

func transitionWhy(cur *certwise.Occupation, level certwise.ExposureLevel, comp *float64) string {
	var b strings.Builder
	b.WriteString("Your exposure is ")
	b.WriteString(string(level))
	if comp != nil {
		fmt.Fprintf(&b, " with %s of the work in reporting and coordination", pct(*comp))
	}
	if cur != nil {
		if cur.ProjectedGrowthPct != nil {
			fmt.Fprintf(&b, "; %s is projected to change %+.1f%% in employment over 2020–2030", cur.Title, *cur.ProjectedGrowthPct)
		}
		if cur.JobZone != nil {
			fmt.Fprintf(&b, " at job zone %d", *cur.JobZone)
		}
	}
	b.WriteString(". Targets come from O*NET's related occupations and from occupations that share your strongest activities, ranked by how much of your work they share.")
	return b.String()
}

func noTargetsWhy(in certwise.AdviceInput, examined int) string {
	if examined == 0 {
		return "certwise could not find candidate occupations: give an occupation code or your own activity_shares so that targets can be drawn from the data."
	}
	return fmt.Sprintf("None of the %d occupations related to your role or sharing its strongest activities is at once less exposed, projected to grow faster and within one job zone of yours.", examined)
}

// targetCertifications merges the targets' certifications, best score first,
// each saying which targets it serves.
func targetCertifications(targets []certwise.TransitionTarget) []certwise.Recommendation {
	byID := map[string]*certwise.Recommendation{}
	var order []string
	for _, t := range targets {
		for _, r := range t.Certifications {
			serves := "serves " + t.Title + " (" + t.Code + ")"
			if have, ok := byID[r.ID]; ok {
				have.Why = append(have.Why, serves)
				have.Score = math.Max(have.Score, r.Score)
				continue
			}
			cp := r
			cp.Why = append(append([]string(nil), r.Why...), serves)
			byID[r.ID] = &cp
			order = append(order, r.ID)
		}
	}
	out := make([]certwise.Recommendation, 0, len(order))
	for _, id := range order {
		out = append(out, *byID[id])
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out
}
