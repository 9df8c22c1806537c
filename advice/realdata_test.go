package advice

import (
	"context"
	"math"
	"slices"
	"strings"
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

// checkMove checks one move against the data and the bounds: a proposed
// move meets them all; a labelled one misses exactly the bound it names and
// says so; every move shares at least a fifth of the work, lowers exposure
// and lists only the person's activities.
func checkMove(t *testing.T, m *exposure.Model, cur *certwise.Occupation, tg certwise.TransitionTarget) {
	t.Helper()
	o := realOccupation(t, m, tg.Code)
	where := cur.Code + " -> " + tg.Code
	if tg.Code == cur.Code || tg.Title != o.Title || tg.ExposureLevel != o.ExposureLevel || tg.MedianWage != o.MedianWage || tg.LabourVintage != o.LabourVintage {
		t.Errorf("%s: figures differ from the data", where)
	}
	if tg.Overlap < minMoveOverlap {
		t.Errorf("%s: shares %.2f of the work, under %.2f", where, tg.Overlap, minMoveOverlap)
	}
	if !lowersExposure(o, cur.ExposureLevel, cur.CompressibleShare) {
		t.Errorf("%s: %s (compressible %v) does not lower %s exposure (compressible %v)", where, o.ExposureLevel,
			deref(o.CompressibleShare), cur.ExposureLevel, deref(cur.CompressibleShare))
	}
	if tg.SkillsSimilarity != nil && *tg.SkillsSimilarity < minSkills {
		t.Errorf("%s: skills similarity %.2f under %.2f", where, *tg.SkillsSimilarity, minSkills)
	}
	var missed []string
	if cur.JobZone != nil && (o.JobZone == nil || *o.JobZone-*cur.JobZone > 1 || *cur.JobZone-*o.JobZone > 1) {
		missed = append(missed, certwise.BoundJobZone)
	}
	if cur.MedianWage != nil && (o.MedianWage == nil || *o.MedianWage < 0.9**cur.MedianWage) {
		missed = append(missed, certwise.BoundMedianWage)
	}
	if slices.Contains(tg.OutsideBounds, certwise.BoundSkills) {
		missed = append(missed, certwise.BoundSkills)
	}
	switch tg.Status {
	case certwise.MoveProposed:
		if len(missed) > 0 {
			t.Errorf("%s: proposed but misses %v", where, missed)
		}
	case certwise.MoveOutsideBounds:
		if len(missed) != 1 || !equal(tg.OutsideBounds, missed) || len(tg.Caveats) == 0 {
			t.Errorf("%s: outside %v with caveats %v, the data misses %v", where, tg.OutsideBounds, tg.Caveats, missed)
		}
		if slices.Contains(missed, certwise.BoundMedianWage) && o.MedianWage != nil && *o.MedianWage < minLabelWage**cur.MedianWage {
			t.Errorf("%s: shown although it pays under %.0f%%", where, 100*minLabelWage)
		}
	default:
		t.Errorf("%s: status %q", where, tg.Status)
	}
	own := map[string]bool{}
	for _, a := range cur.Activities {
		own[a.IWA] = true
	}
	for _, a := range tg.SharedActivities {
		if !own[a.IWA] {
			t.Errorf("%s: shared activity %s is not the person's", where, a.IWA)
		}
	}
	for _, g := range tg.SkillGaps {
		if g.TargetLevel-g.Level < clearGap || g.Importance < importantSkill {
			t.Errorf("%s: gap %+v is not clearly higher and important", where, g)
		}
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// TestRealMovesHoldTheirBounds runs the reassess advice for every
// occupation with activities and a known exposure level and checks every
// move it gets.
func TestRealMovesHoldTheirBounds(t *testing.T) {
	m := realData(t)
	a := New(m, m, nil)
	var checked, withMoves, moves, labelled int
	for _, cur := range m.Occupations() {
		if len(cur.Activities) == 0 || cur.ExposureLevel == certwise.ExposureUnknown {
			continue
		}
		checked++
		out := advise(t, a, certwise.AdviceInput{Verdict: certwise.VerdictReassessPosition, Occupation: cur, Level: cur.ExposureLevel})
		s := out.NextSteps[0]
		if s.Kind != certwise.NextStepTransition || s.MoveBounds == nil {
			t.Fatalf("%s: first step %+v", cur.Code, s)
		}
		proposed := 0
		for _, tg := range s.Targets {
			checkMove(t, m, cur, tg)
			if tg.Status == certwise.MoveProposed {
				proposed++
			} else {
				labelled++
			}
		}
		if proposed > 0 {
			withMoves++
		} else if !strings.Contains(s.Action, "Deepen your current role") {
			t.Errorf("%s: no proposed move and no word on deepening the role: %q", cur.Code, s.Action)
		}
		if proposed > maxTargets || len(s.Targets)-proposed > maxLabelled || (proposed == 0) != (s.MoveBounds.Qualifying == 0) {
			t.Errorf("%s: %d proposed, %d labelled, %d qualifying", cur.Code, proposed, len(s.Targets)-proposed, s.MoveBounds.Qualifying)
		}
		moves += proposed
	}
	t.Logf("%d occupations checked: %d get proposed moves (%d in all), %d labelled moves", checked, withMoves, moves, labelled)
	if checked < 800 || withMoves < checked/2 {
		t.Errorf("%d occupations checked, %d with moves", checked, withMoves)
	}
}

// TestRealMovesPersonas checks the personas of issue 15 against the moves
// that failed them and the moves a career coach expects.
func TestRealMovesPersonas(t *testing.T) {
	m := realData(t)
	a := New(m, m, nil)
	tests := []struct {
		code      string
		never     []string // moves the issue found absurd
		want      []string // proposed moves a coach expects
		noneFound bool     // nothing qualifies: the advice points to deepening the role
	}{
		// Paralegal: was sent to Private Detectives, Actuaries and Food
		// Service Managers (2-4% shared work).
		{code: "23-2011.00", never: []string{"33-9021.00", "15-2011.00", "11-9051.00"}, noneFound: true},
		// Truck dispatcher: was sent to Railroad Conductors (more
		// compressible work) and janitorial supervisors (less pay).
		{code: "43-5032.00", never: []string{"53-4031.00"}},
		// Accountant: was offered Investment Fund Managers (11-3031.03, job
		// zone 5) as comparable preparation; a move up a zone now says so
		// (checked for every persona below).
		{code: "13-2011.00", want: []string{"13-2099.04"}},
		{code: "29-1141.00", want: []string{"29-1151.00"}},
		{code: "13-1071.00", want: []string{"11-3121.00", "13-1141.00", "13-1151.00"}},
		{code: "11-2021.00"},
		{code: "43-6014.00"},
		{code: "43-3031.00", want: []string{"15-2051.01"}},
	}
	for _, tt := range tests {
		cur := realOccupation(t, m, tt.code)
		s := advise(t, a, certwise.AdviceInput{Verdict: certwise.VerdictReassessPosition, Occupation: cur, Level: cur.ExposureLevel}).NextSteps[0]
		got := map[string]certwise.TransitionTarget{}
		for _, tg := range s.Targets {
			got[tg.Code] = tg
			checkMove(t, m, cur, tg)
			if cur.CompressibleShare != nil && tg.CompressibleShare != nil && *tg.CompressibleShare >= 0.5 && *tg.CompressibleShare >= *cur.CompressibleShare {
				t.Errorf("%s -> %s: more compressible work (%.2f) than now (%.2f)", tt.code, tg.Code, *tg.CompressibleShare, *cur.CompressibleShare)
			}
			if tg.JobZone != nil && cur.JobZone != nil && *tg.JobZone > *cur.JobZone && len(tg.Caveats) == 0 {
				t.Errorf("%s -> %s: more preparation (zone %d against %d) without a word on it", tt.code, tg.Code, *tg.JobZone, *cur.JobZone)
			}
		}
		for _, c := range tt.never {
			if _, ok := got[c]; ok {
				t.Errorf("%s: %s is among the moves again", tt.code, c)
			}
		}
		for _, c := range tt.want {
			if tg, ok := got[c]; !ok || tg.Status != certwise.MoveProposed {
				t.Errorf("%s: %s not proposed: %v", tt.code, c, codes(s.Targets))
			}
		}
		if tt.noneFound != (s.MoveBounds.Qualifying == 0) {
			t.Errorf("%s: %d qualifying moves, want none: %v", tt.code, s.MoveBounds.Qualifying, tt.noneFound)
		}
	}
}

// TestRealMovesFollowTheData changes the clerk's first move in the data and
// sees it labelled or gone.
func TestRealMovesFollowTheData(t *testing.T) {
	m := realData(t)
	clerk := realOccupation(t, m, "43-4021.00")
	in := certwise.AdviceInput{Verdict: certwise.VerdictReassessPosition, Occupation: clerk, Level: clerk.ExposureLevel}
	before := advise(t, New(m, m, nil), in).NextSteps[0].Targets
	if len(before) == 0 || before[0].Status != certwise.MoveProposed {
		t.Fatalf("the clerk has no proposed move: %+v", before)
	}
	first := realOccupation(t, m, before[0].Code)
	tests := []struct {
		name   string
		mutate func(o *certwise.Occupation)
		status string // "" when the move must be gone
		bound  string
	}{
		{"structural", func(o *certwise.Occupation) { o.ExposureLevel = certwise.ExposureStructural }, "", ""},
		{"pays less", func(o *certwise.Occupation) { o.MedianWage = ptr(0.8 * *clerk.MedianWage) }, certwise.MoveOutsideBounds, certwise.BoundMedianWage},
		{"pays far less", func(o *certwise.Occupation) { o.MedianWage = ptr(0.5 * *clerk.MedianWage) }, "", ""},
		{"zone two up", func(o *certwise.Occupation) { o.JobZone = ptr(*clerk.JobZone + 2) }, certwise.MoveOutsideBounds, certwise.BoundJobZone},
		{"zone unrated", func(o *certwise.Occupation) { o.JobZone = nil }, certwise.MoveOutsideBounds, certwise.BoundJobZone},
	}
	for _, tt := range tests {
		changed := *first
		tt.mutate(&changed)
		data := overlay{m, map[string]*certwise.Occupation{changed.Code: &changed}}
		var found *certwise.TransitionTarget
		for _, tg := range advise(t, New(data, m, nil), in).NextSteps[0].Targets {
			if tg.Code == first.Code {
				found = &tg
			}
		}
		switch {
		case tt.status == "" && found != nil:
			t.Errorf("%s: %s still a move: %+v", tt.name, first.Code, *found)
		case tt.status != "" && (found == nil || found.Status != tt.status || !equal(found.OutsideBounds, []string{tt.bound})):
			t.Errorf("%s: %s is %+v, want %s outside %s", tt.name, first.Code, found, tt.status, tt.bound)
		}
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
