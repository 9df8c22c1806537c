package advice

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/internal/display"
)

const handOffCount = 3 // compressible activities listed to hand to AI tools
const carriersPerClass = 3

var classNames = map[certwise.WorkClass]string{
	certwise.Reporting:    "reporting",
	certwise.Coordination: "coordination",
	certwise.Analysis:     "analysis and decisions",
	certwise.SystemDesign: "system design",
	certwise.Relationship: "relationships",
	certwise.HandsOn:      "hands-on work",
}

// redesign: hand the compressible activities to AI tools and move the freed
// time toward the ownership classes, each with the occupation's activities
// that carry it.
func (a *Advisor) redesign(in certwise.AdviceInput) []certwise.NextStep {
	mix := workMix(in)
	comp := mix.CompressibleShare()
	acts := a.personActivities(in)
	var steps []certwise.NextStep

	var handOff []certwise.ActivityEvidence
	for _, x := range byScore(acts) {
		if x.class == certwise.Reporting || x.class == certwise.Coordination {
			handOff = append(handOff, withProject(x.evidence()))
			if len(handOff) == handOffCount {
				break
			}
		}
	}
	if len(handOff) > 0 {
		steps = append(steps, certwise.NextStep{
			Kind:       certwise.NextStepHandOff,
			Action:     "Hand the first pass of these reporting and coordination activities to AI tools, and keep the review yourself.",
			Why:        fmt.Sprintf("Reporting and coordination are %s of your work; these are the parts where generative AI already does the most, so they free the most time.", display.Percent(comp)),
			Activities: handOff,
		})
	}

	move := math.Max(comp-(certwise.CompressibleThreshold-shiftMargin), minShift)
	weights := map[certwise.WorkClass]float64{}
	total := 0.0
	for _, c := range ownershipClasses {
		w := 0.0
		if in.Occupation != nil {
			w = in.Occupation.WorkMix[c]
		}
		if w == 0 {
			w = mix[c]
		}
		weights[c] = w
		total += w
	}
	type plan struct {
		class    certwise.WorkClass
		points   float64
		carriers []certwise.ActivityEvidence
	}
	var plans []plan
	for _, c := range ownershipClasses {
		share := 1.0 / float64(len(ownershipClasses))
		if total > 0 {
			share = weights[c] / total
		}
		p := plan{class: c, points: round(move*share, 2), carriers: a.carriers(in, acts, c)}
		if p.points > 0 {
			plans = append(plans, p)
		}
	}
	sort.SliceStable(plans, func(i, j int) bool { return plans[i].points > plans[j].points })
	for _, p := range plans {
		shift := &certwise.WorkShift{
			From:            []certwise.WorkClass{certwise.Reporting, certwise.Coordination},
			To:              p.class,
			CurrentShare:    round(mix[p.class], 4),
			CompressibleNow: round(comp, 4),
			MovePoints:      p.points,
		}
		if in.Occupation != nil {
			if v, ok := in.Occupation.WorkMix[p.class]; ok {
				shift.OccupationShare = ptr(round(v, 4))
			}
		}
		why := fmt.Sprintf("%s is %s of your work now", upperFirst(classNames[p.class]), display.Percent(mix[p.class]))
		if shift.OccupationShare != nil {
			why += fmt.Sprintf(" and %s of the occupation's", display.Percent(*shift.OccupationShare))
		}
		if comp >= certwise.CompressibleThreshold {
			why += fmt.Sprintf("; moving %s of the week here, with the other shifts, brings reporting and coordination from %s to below %s.",
				display.Percent(p.points), display.Percent(comp), display.Percent(certwise.CompressibleThreshold))
		} else {
			why += fmt.Sprintf("; with the other shifts, this moves %s of your week from reporting and coordination (%s now) to work you own.",
				display.Percent(move), display.Percent(comp))
		}
		action := fmt.Sprintf("Take on more %s: about %s of your week, through the activities below.", classNames[p.class], display.Percent(p.points))
		if len(p.carriers) == 0 {
			action = fmt.Sprintf("Take on more %s, about %s of your week; your occupation's data lists no activity of this kind, so agree with your manager which outcome you will own.", classNames[p.class], display.Percent(p.points))
		}
		steps = append(steps, certwise.NextStep{
			Kind: certwise.NextStepShiftWork, Action: action, Why: why, Shift: shift, Activities: p.carriers,
		})
	}
	return steps
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// carriers returns the occupation's activities of a class, heaviest first
// (the person's own when no occupation is known).
func (a *Advisor) carriers(in certwise.AdviceInput, acts []*activity, class certwise.WorkClass) []certwise.ActivityEvidence {
	var of []*activity
	if in.Occupation != nil {
		of = pointers(a.occupationActivities(in.Occupation, class))
		sortByShare(of)
	} else {
		for _, x := range acts {
			if x.class == class {
				of = append(of, x)
			}
		}
	}
	var out []certwise.ActivityEvidence
	for _, x := range of {
		if len(out) == carriersPerClass {
			break
		}
		out = append(out, x.evidence())
	}
	return out
}
