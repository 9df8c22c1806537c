// Package advice turns a verdict into next steps filled with the person's own
// data: which activities of their role to try generative AI on, which less
// exposed occupations they could move to, which parts of their work mix to
// shift toward ownership, what the recommended certifications cost in total,
// and which questions are still open. It also classifies the role as
// ai_proof, ai_enhanced or compressible, with the figures that decided it.
//
// Advisor implements certwise.Advisor; the decision engine calls it after it
// has chosen a verdict.
package advice

import (
	"context"
	"fmt"
	"math"
	"sort"

	"github.com/certwise/certwise"
)

// ActivityLister lists the occupation-independent figures of every work
// activity (IWA). exposure.Model implements it.
type ActivityLister interface {
	Activities() []*certwise.ActivityFigures
}

// How many activities and targets a step lists.
const (
	minProjects      = 3
	maxProjects      = 5
	projectCoverage  = 0.6 // stop adding projects once they hold this share of the role's AI potential
	maxTargets       = 5
	strongestActs    = 5 // the person's activities that seed shared-activity targets
	maxShared        = 5 // shared activities listed per target
	certsPerTarget   = 3
	maxRelated       = 3    // target slots reserved for O*NET's related occupations
	sameLevelMargin  = 0.10 // same exposure level needs this much less compressible work
	shiftMargin      = 0.05 // redesign aims this far below the compressible threshold
	minShift         = 0.10 // the smallest shift worth planning
	conversationsMin = 0.0005
)

// Advisor fills verdicts with next steps from the exposure data and the
// certification catalog. Build one with New; it is safe for concurrent use.
type Advisor struct {
	data certwise.ExposureData
	rec  certwise.Recommender
	// applicability holds every IWA's Equation 1 term, precomputed when an
	// ActivityLister is given.
	applicability map[string]float64
	// byIWA lists, for every IWA, the occupations that carry it and its
	// weight in each.
	byIWA map[string][]occWeight
}

type occWeight struct {
	occ    *certwise.Occupation
	weight float64
}

var _ certwise.Advisor = (*Advisor)(nil)

// New returns an Advisor over the exposure data. activities may be nil (the
// figures are then looked up per activity); rec may be nil when no catalog is
// loaded, and transition targets then carry no certifications.
func New(data certwise.ExposureData, activities ActivityLister, rec certwise.Recommender) *Advisor {
	a := &Advisor{data: data, rec: rec, byIWA: map[string][]occWeight{}}
	if activities != nil {
		a.applicability = map[string]float64{}
		for _, f := range activities.Activities() {
			if v, ok := applicability(f); ok {
				a.applicability[f.IWA] = v
			}
		}
	}
	for _, o := range data.Occupations() {
		for _, act := range o.Activities {
			if act.Weight > 0 {
				a.byIWA[act.IWA] = append(a.byIWA[act.IWA], occWeight{o, act.Weight})
			}
		}
	}
	return a
}

// Advise classifies the role and builds the next steps for the verdict.
func (a *Advisor) Advise(ctx context.Context, in certwise.AdviceInput) (certwise.Advice, error) {
	if in.Answers == nil {
		in.Answers = &certwise.Answers{}
	}
	var out certwise.Advice
	out.RoleType, out.RoleTypeBasis = ClassifyRole(in)
	var err error
	switch in.Verdict {
	case certwise.VerdictApplyFirst:
		out.NextSteps = a.applyFirst(in)
	case certwise.VerdictReassessPosition:
		out.NextSteps, err = a.reassess(ctx, in)
	case certwise.VerdictRedesignRoleFirst:
		out.NextSteps = a.redesign(in)
	case certwise.VerdictPursue, certwise.VerdictPursueForSignal:
		out.NextSteps = a.pursue(in)
	case certwise.VerdictClarifyFirst, certwise.VerdictAvoid:
		out.NextSteps = openQuestions(in)
	default:
		return out, certwise.Errorf(certwise.EINVALID, "verdict", "unknown verdict %q", in.Verdict)
	}
	if err != nil {
		return out, fmt.Errorf("advice for %s: %w", in.Verdict, err)
	}
	return out, nil
}

// applicability returns the IWA's term of Equation 1 of the Working-with-AI
// paper: 0.5 × completion × scope for each side (user, AI) whose share of
// conversations exceeds 0.0005. ok is false when the IWA has no figures.
func applicability(f *certwise.ActivityFigures) (float64, bool) {
	if f == nil {
		return 0, false
	}
	side := func(share, completion, scope *float64) (float64, bool) {
		if share == nil || completion == nil || scope == nil {
			return 0, false
		}
		if *share <= conversationsMin {
			return 0, true
		}
		return 0.5 * *completion * *scope, true
	}
	u, okU := side(f.ShareUser, f.CompletionUser, f.ScopeUser)
	ai, okA := side(f.ShareAI, f.CompletionAI, f.ScopeAI)
	if !okU && !okA {
		return 0, false
	}
	return u + ai, true
}

// activityApplicability returns the applicability of an IWA and its figures.
func (a *Advisor) activityApplicability(iwa string) (*float64, *certwise.ActivityFigures) {
	f, _ := a.data.Activity(iwa)
	if a.applicability != nil {
		if v, ok := a.applicability[iwa]; ok {
			return &v, f
		}
		return nil, f
	}
	if v, ok := applicability(f); ok {
		return &v, f
	}
	return nil, f
}

// personActivities returns the person's activities with their shares: their
// own activity_shares when given, else the occupation's weights. Titles and
// classes come from the activity figures (or the occupation's activity).
func (a *Advisor) personActivities(in certwise.AdviceInput) []certwise.ActivityEvidence {
	var acts []certwise.ActivityEvidence
	if shares := in.Answers.Role.ActivityShares; len(shares) > 0 {
		total := 0.0
		for _, v := range shares {
			if v > 0 {
				total += v
			}
		}
		if total > 0 {
			for iwa, v := range shares {
				if v <= 0 {
					continue
				}
				acts = append(acts, a.evidence(iwa, "", "", v/total, "activity_shares"))
			}
		}
	}
	if len(acts) == 0 && in.Occupation != nil {
		for _, act := range in.Occupation.Activities {
			if act.Weight > 0 {
				acts = append(acts, a.evidence(act.IWA, act.Title, act.Class, act.Weight, "occupation"))
			}
		}
	}
	sort.Slice(acts, func(i, j int) bool {
		if acts[i].Share != acts[j].Share {
			return acts[i].Share > acts[j].Share
		}
		return acts[i].IWA < acts[j].IWA
	})
	return acts
}

// evidence builds an ActivityEvidence with the activity's figures.
func (a *Advisor) evidence(iwa, title string, class certwise.WorkClass, share float64, source string) certwise.ActivityEvidence {
	app, f := a.activityApplicability(iwa)
	if f != nil {
		if title == "" {
			title = f.Title
		}
		if class == "" {
			class = f.Class
		}
	}
	if title == "" {
		title = iwa
	}
	e := certwise.ActivityEvidence{IWA: iwa, Title: title, Class: class, Share: round(share, 4), ShareSource: source}
	if app != nil {
		v, s := round(*app, 4), round(share**app, 4)
		e.Applicability, e.Score = &v, &s
	}
	return e
}

// byScore orders activities by score (share × applicability), highest first;
// activities without figures go last.
func byScore(acts []certwise.ActivityEvidence) []certwise.ActivityEvidence {
	out := make([]certwise.ActivityEvidence, 0, len(acts))
	for _, e := range acts {
		if e.Score != nil {
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if *out[i].Score != *out[j].Score {
			return *out[i].Score > *out[j].Score
		}
		return out[i].IWA < out[j].IWA
	})
	return out
}

func round(x float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(x*p) / p
}

func ptr[T any](v T) *T { return &v }

// pct formats a share as a whole percentage.
func pct(x float64) string { return fmt.Sprintf("%.0f%%", 100*x) }
