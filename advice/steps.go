package advice

import (
	"fmt"
	"math"
	"sort"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/internal/display"
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
			display.Percent(sumShares(top)), shareSourceText(top[0].ShareSource)),
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
