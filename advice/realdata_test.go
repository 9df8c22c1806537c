package advice

import (
	"context"
	"math"
	"sync"
	"testing"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/dataset"
	"github.com/certwise/certwise/exposure"
	"github.com/certwise/certwise/internal/shareddata"
)

var (
	realOnce  sync.Once
	realModel *exposure.Model
	realErr   error
)

// realData loads the exposure model from the public data once per test run.
func realData(t testing.TB) *exposure.Model {
	t.Helper()
	dir := shareddata.Dir(t)
	realOnce.Do(func() { realModel, realErr = dataset.Load(context.Background(), dir) })
	if realErr != nil {
		t.Fatalf("load the public data: %v", realErr)
	}
	return realModel
}

// overlay is the real data with some occupations replaced, to see the advice
// follow a change in the data.
type overlay struct {
	*exposure.Model
	occs map[string]*certwise.Occupation
}

func (o overlay) Occupation(code string) (*certwise.Occupation, bool) {
	if v, ok := o.occs[code]; ok {
		return v, true
	}
	return o.Model.Occupation(code)
}

func (o overlay) Occupations() []*certwise.Occupation {
	all := o.Model.Occupations()
	out := make([]*certwise.Occupation, len(all))
	for i, v := range all {
		if r, ok := o.occs[v.Code]; ok {
			v = r
		}
		out[i] = v
	}
	return out
}

// The four occupations the tests run on, with the role type the data gives
// them when the person holds no leverage.
var realRoles = []struct {
	code     string
	roleType certwise.RoleType
}{
	{"43-4021.00", certwise.RoleTypeCompressible}, // Correspondence Clerks
	{"29-1141.00", certwise.RoleTypeAIEnhanced},   // Registered Nurses
	{"15-1252.00", certwise.RoleTypeAIEnhanced},   // Software Developers
	{"43-3031.00", certwise.RoleTypeCompressible}, // Bookkeeping, Accounting, and Auditing Clerks
}

func realOccupation(t testing.TB, m certwise.ExposureData, code string) *certwise.Occupation {
	t.Helper()
	o, ok := m.Occupation(code)
	if !ok {
		t.Fatalf("occupation %s not in the data", code)
	}
	return o
}

func TestRealRoleTypes(t *testing.T) {
	m := realData(t)
	for _, r := range realRoles {
		o := realOccupation(t, m, r.code)
		got, basis := ClassifyRole(certwise.AdviceInput{Occupation: o, Level: o.ExposureLevel})
		if got != r.roleType {
			t.Errorf("%s (%s): role type %s, want %s; basis %q", r.code, o.Title, got, r.roleType, basis)
		}
	}
}

// TestRealApplyFirst checks that the projects are the occupation's own
// activities, ranked by weight × the Equation 1 term of their figures.
func TestRealApplyFirst(t *testing.T) {
	m := realData(t)
	a := New(m, m, nil)
	for _, r := range realRoles {
		o := realOccupation(t, m, r.code)
		out := advise(t, a, certwise.AdviceInput{Verdict: certwise.VerdictApplyFirst, Occupation: o, Level: o.ExposureLevel})
		acts := out.NextSteps[0].Activities
		if len(acts) < minProjects || len(acts) > maxProjects {
			t.Fatalf("%s: %d projects, want 3 to 5", r.code, len(acts))
		}
		weights := map[string]float64{}
		best := 0.0
		for _, act := range o.Activities {
			weights[act.IWA] = act.Weight
			if v, ok := applicability(mustActivity(t, m, act.IWA)); ok {
				best = math.Max(best, act.Weight*v)
			}
		}
		prev := math.Inf(1)
		for _, e := range acts {
			w, ok := weights[e.IWA]
			if !ok {
				t.Errorf("%s: project on %s, which is not one of the occupation's activities", r.code, e.IWA)
				continue
			}
			want, _ := applicability(mustActivity(t, m, e.IWA))
			if math.Abs(e.Share-w) > 1e-4 || math.Abs(*e.Applicability-want) > 1e-4 || math.Abs(*e.Score-w*want) > 1e-4 {
				t.Errorf("%s %s: share %v applicability %v score %v; data says %v, %v", r.code, e.IWA, e.Share, *e.Applicability, *e.Score, w, want)
			}
			if *e.Score > prev {
				t.Errorf("%s: projects not ordered by score", r.code)
			}
			prev = *e.Score
			if e.Project == "" || e.Measure == "" {
				t.Errorf("%s %s: no project or measure", r.code, e.IWA)
			}
		}
		if math.Abs(*acts[0].Score-best) > 1e-4 {
			t.Errorf("%s: first project scores %v, the best activity %v", r.code, *acts[0].Score, best)
		}
	}
}

func mustActivity(t *testing.T, m certwise.ExposureData, iwa string) *certwise.ActivityFigures {
	t.Helper()
	f, ok := m.Activity(iwa)
	if !ok {
		t.Fatalf("activity %s not in the data", iwa)
	}
	return f
}

// TestRealApplyFirstFollowsTheData raises the weight of the clerk's least
// promising activity with figures and sees it become the first project.
func TestRealApplyFirstFollowsTheData(t *testing.T) {
	m := realData(t)
	clerk := *realOccupation(t, m, "43-4021.00")
	before := advise(t, New(m, m, nil), certwise.AdviceInput{Verdict: certwise.VerdictApplyFirst, Occupation: &clerk, Level: clerk.ExposureLevel})
	low, lowScore := -1, math.Inf(1)
	for i, act := range clerk.Activities {
		if v, ok := applicability(mustActivity(t, m, act.IWA)); ok && v > 0.2 && act.Weight*v < lowScore {
			low, lowScore = i, act.Weight*v
		}
	}
	if low < 0 {
		t.Fatal("the clerk has no activity with figures")
	}
	iwa := clerk.Activities[low].IWA
	for _, e := range before.NextSteps[0].Activities {
		if e.IWA == iwa {
			t.Fatalf("%s already among the projects", iwa)
		}
	}
	clerk.Activities = append([]certwise.Activity(nil), clerk.Activities...)
	clerk.Activities[low].Weight = 0.9
	after := advise(t, New(m, m, nil), certwise.AdviceInput{Verdict: certwise.VerdictApplyFirst, Occupation: &clerk, Level: clerk.ExposureLevel})
	if got := after.NextSteps[0].Activities[0].IWA; got != iwa {
		t.Errorf("after raising %s to 0.9: first project %s", iwa, got)
	}
}

// TestRealTransitionTargets checks each target against the data: less
// exposed, growing faster, within one job zone, sharing activities.
func TestRealTransitionTargets(t *testing.T) {
	m := realData(t)
	a := New(m, m, nil)
	for _, r := range realRoles {
		cur := realOccupation(t, m, r.code)
		out := advise(t, a, certwise.AdviceInput{Verdict: certwise.VerdictReassessPosition, Occupation: cur, Level: cur.ExposureLevel})
		targets := out.NextSteps[0].Targets
		if len(targets) == 0 {
			t.Errorf("%s: no transition target", r.code)
			continue
		}
		related := map[string]bool{}
		for _, c := range cur.Related {
			related[c] = true
		}
		weights := map[string]bool{}
		for _, act := range cur.Activities {
			weights[act.IWA] = true
		}
		for _, tg := range targets {
			o := realOccupation(t, m, tg.Code)
			if tg.Title != o.Title || tg.ExposureLevel != o.ExposureLevel || tg.MedianWage != o.MedianWage || tg.CompressibleShare != o.CompressibleShare {
				t.Errorf("%s -> %s: figures differ from the data", r.code, tg.Code)
			}
			if !lessExposed(o, cur.ExposureLevel, cur.CompressibleShare) {
				t.Errorf("%s -> %s: %s is not less exposed than %s", r.code, tg.Code, o.ExposureLevel, cur.ExposureLevel)
			}
			if o.ProjectedGrowthPct == nil || (cur.ProjectedGrowthPct != nil && *o.ProjectedGrowthPct <= *cur.ProjectedGrowthPct) {
				t.Errorf("%s -> %s: growth %v does not beat %v", r.code, tg.Code, o.ProjectedGrowthPct, cur.ProjectedGrowthPct)
			}
			if d := *o.JobZone - *cur.JobZone; d < -1 || d > 1 {
				t.Errorf("%s -> %s: job zone %d vs %d", r.code, tg.Code, *o.JobZone, *cur.JobZone)
			}
			if related[tg.Code] != (tg.Via[0] == "onet_related") {
				t.Errorf("%s -> %s: via %v, related %v", r.code, tg.Code, tg.Via, related[tg.Code])
			}
			if len(tg.SharedActivities) == 0 && !related[tg.Code] {
				t.Errorf("%s -> %s: neither related nor sharing an activity", r.code, tg.Code)
			}
			for _, s := range tg.SharedActivities {
				if !weights[s.IWA] {
					t.Errorf("%s -> %s: shared activity %s is not the person's", r.code, tg.Code, s.IWA)
				}
			}
		}
	}
}

// TestRealTransitionTargetsFollowTheData makes the clerk's first target
// shrink in the projections, and then makes it structural, and sees it go.
func TestRealTransitionTargetsFollowTheData(t *testing.T) {
	m := realData(t)
	clerk := realOccupation(t, m, "43-4021.00")
	in := certwise.AdviceInput{Verdict: certwise.VerdictReassessPosition, Occupation: clerk, Level: clerk.ExposureLevel}
	before := codes(advise(t, New(m, m, nil), in).NextSteps[0].Targets)
	first := realOccupation(t, m, before[0])
	for name, mutate := range map[string]func(o *certwise.Occupation){
		"shrinks":    func(o *certwise.Occupation) { o.ProjectedGrowthPct = ptr(*clerk.ProjectedGrowthPct - 1) },
		"structural": func(o *certwise.Occupation) { o.ExposureLevel = certwise.ExposureStructural },
		"far zone":   func(o *certwise.Occupation) { o.JobZone = ptr(*clerk.JobZone + 2) },
	} {
		changed := *first
		mutate(&changed)
		data := overlay{m, map[string]*certwise.Occupation{changed.Code: &changed}}
		after := codes(advise(t, New(data, m, nil), in).NextSteps[0].Targets)
		for _, c := range after {
			if c == first.Code {
				t.Errorf("%s: %s still a target after it %s: %v", name, c, name, after)
			}
		}
		if len(after) == 0 || equal(after, before) {
			t.Errorf("%s: targets %v, before %v", name, after, before)
		}
	}
	// A new fast-growing, low-exposure occupation doing the clerk's main work
	// becomes a target.
	heavy := clerk.Activities[0]
	for _, act := range clerk.Activities {
		if act.Weight > heavy.Weight {
			heavy = act
		}
	}
	twin := *realOccupation(t, m, "43-9061.00") // Office Clerks, General: shares the clerk's work
	twin.ExposureLevel, twin.ProjectedGrowthPct, twin.JobZone = certwise.ExposureLow, ptr(25.0), clerk.JobZone
	twin.Activities = []certwise.Activity{heavy}
	data := overlay{m, map[string]*certwise.Occupation{twin.Code: &twin}}
	after := codes(advise(t, New(data, m, nil), in).NextSteps[0].Targets)
	found := false
	for _, c := range after {
		found = found || c == twin.Code
	}
	if !found {
		t.Errorf("the changed %s is not a target: %v", twin.Code, after)
	}
}

// TestRealRedesignCarriers checks that the activities carrying each
// ownership class are the occupation's own, heaviest first.
func TestRealRedesignCarriers(t *testing.T) {
	m := realData(t)
	a := New(m, m, nil)
	for _, code := range []string{"43-3031.00", "43-4021.00"} {
		o := realOccupation(t, m, code)
		out := advise(t, a, certwise.AdviceInput{Verdict: certwise.VerdictRedesignRoleFirst, Occupation: o, Level: o.ExposureLevel})
		total := 0.0
		for _, s := range out.NextSteps {
			if s.Kind != certwise.NextStepShiftWork {
				for _, e := range s.Activities {
					if e.Class != certwise.Reporting && e.Class != certwise.Coordination {
						t.Errorf("%s: hand-off of %s work", code, e.Class)
					}
				}
				continue
			}
			total += s.Shift.MovePoints
			for _, e := range s.Activities {
				if e.Class != s.Shift.To {
					t.Errorf("%s: %s activity carries %s", code, e.Class, s.Shift.To)
				}
			}
		}
		want := *o.CompressibleShare - (certwise.CompressibleThreshold - shiftMargin)
		if math.Abs(total-want) > 0.02 {
			t.Errorf("%s: shifts %v in total, want about %v", code, total, want)
		}
	}
}

// BenchmarkAdvise measures one Advise call per verdict on the registered
// nurse (real data; no catalog).
func BenchmarkAdvise(b *testing.B) {
	m := realData(b)
	a := New(m, m, nil)
	o := realOccupation(b, m, "29-1141.00")
	for _, v := range []certwise.VerdictID{certwise.VerdictApplyFirst, certwise.VerdictReassessPosition,
		certwise.VerdictRedesignRoleFirst, certwise.VerdictPursue, certwise.VerdictClarifyFirst} {
		in := certwise.AdviceInput{Verdict: v, Occupation: o, Level: o.ExposureLevel, WorkMix: o.WorkMix,
			OpenConditions: []string{"trajectory_defined"}}
		b.Run(string(v), func(b *testing.B) {
			for b.Loop() {
				if _, err := a.Advise(context.Background(), in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
