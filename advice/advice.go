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
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

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
	rec  certwise.Catalog
	// applicability holds every IWA's Equation 1 term, precomputed when an
	// ActivityLister is given.
	applicability map[string]float64
	// occs are the data's occupations and index their positions by code.
	occs  []*certwise.Occupation
	index map[string]int
	// byIWA lists, for every IWA, the occupations (positions in occs) that
	// carry it and its weight in each.
	byIWA map[string][]occWeight
	// sim gives precomputed move candidates and skills similarity when the
	// data provides them.
	sim SimilarityData
}

type occWeight struct {
	occ    int
	weight float64
}

var _ certwise.Advisor = (*Advisor)(nil)

// New returns an Advisor over the exposure data. activities may be nil (the
// figures are then looked up per activity); rec may be nil when no catalog is
// loaded, and transition targets then carry no certifications.
func New(data certwise.ExposureData, activities ActivityLister, rec certwise.Catalog) *Advisor {
	a := &Advisor{data: data, rec: rec, byIWA: map[string][]occWeight{}}
	if activities != nil {
		a.applicability = map[string]float64{}
		for _, f := range activities.Activities() {
			if v, ok := applicability(f); ok {
				a.applicability[f.IWA] = v
			}
		}
	}
	a.sim, _ = data.(SimilarityData)
	a.occs = data.Occupations()
	a.index = make(map[string]int, len(a.occs))
	for i, o := range a.occs {
		a.index[o.Code] = i
		for _, act := range o.Activities {
			if act.Weight > 0 {
				a.byIWA[act.IWA] = append(a.byIWA[act.IWA], occWeight{i, act.Weight})
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

// activity is one activity of the person's work while the advice is being
// worked out; evidence turns the few that make it into a step into
// certwise.ActivityEvidence. Steps sort slices of pointers to it.
type activity struct {
	iwa, title string
	class      certwise.WorkClass
	share      float64
	source     string // activity_shares or occupation
	app        float64
	hasApp     bool
}

func (x *activity) score() float64 { return x.share * x.app }

// evidence returns the activity with its rounded figures.
func (x *activity) evidence() certwise.ActivityEvidence {
	e := certwise.ActivityEvidence{IWA: x.iwa, Title: x.title, Class: x.class, Share: round(x.share, 4), ShareSource: x.source}
	if x.hasApp {
		e.Applicability, e.Score = ptr(round(x.app, 4)), ptr(round(x.score(), 4))
	}
	return e
}

// newActivity looks up an activity's figures; title and class fall back to
// the figures' when empty.
func (a *Advisor) newActivity(iwa, title string, class certwise.WorkClass, share float64, source string) activity {
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
	x := activity{iwa: iwa, title: title, class: class, share: share, source: source}
	if app != nil {
		x.app, x.hasApp = *app, true
	}
	return x
}

// personActivities returns the person's activities with their shares, the
// largest first: their own activity_shares when given, else the occupation's
// weights.
func (a *Advisor) personActivities(in certwise.AdviceInput) []*activity {
	var acts []activity
	if shares := in.Answers.Role.ActivityShares; len(shares) > 0 {
		total := 0.0
		for _, v := range shares {
			if v > 0 {
				total += v
			}
		}
		if total > 0 {
			acts = make([]activity, 0, len(shares))
			for iwa, v := range shares {
				if v > 0 {
					acts = append(acts, a.newActivity(iwa, "", "", v/total, "activity_shares"))
				}
			}
		}
	}
	if len(acts) == 0 && in.Occupation != nil {
		acts = a.occupationActivities(in.Occupation, "")
	}
	out := pointers(acts)
	sortByShare(out)
	return out
}

// occupationActivities returns the occupation's activities (of one class, or
// all when class is empty) with their weights as shares.
func (a *Advisor) occupationActivities(o *certwise.Occupation, class certwise.WorkClass) []activity {
	acts := make([]activity, 0, len(o.Activities))
	for _, act := range o.Activities {
		if act.Weight > 0 && (class == "" || act.Class == class) {
			acts = append(acts, a.newActivity(act.IWA, act.Title, act.Class, act.Weight, "occupation"))
		}
	}
	return acts
}

func pointers(acts []activity) []*activity {
	out := make([]*activity, len(acts))
	for i := range acts {
		out[i] = &acts[i]
	}
	return out
}

func sortByShare(acts []*activity) {
	slices.SortFunc(acts, func(x, y *activity) int {
		if c := cmp.Compare(y.share, x.share); c != 0 {
			return c
		}
		return strings.Compare(x.iwa, y.iwa)
	})
}

// byScore returns the activities with figures ordered by score (share ×
// applicability), highest first.
func byScore(acts []*activity) []*activity {
	out := make([]*activity, 0, len(acts))
	for _, x := range acts {
		if x.hasApp {
			out = append(out, x)
		}
	}
	slices.SortFunc(out, func(x, y *activity) int {
		if c := cmp.Compare(y.score(), x.score()); c != 0 {
			return c
		}
		return strings.Compare(x.iwa, y.iwa)
	})
	return out
}

var pow10 = [...]float64{1, 10, 100, 1000, 10000}

// round rounds x to 0..4 decimal digits.
func round(x float64, digits int) float64 {
	p := pow10[digits]
	return math.Round(x*p) / p
}

func ptr[T any](v T) *T { return &v }
