package certwise

import (
	"fmt"
	"github.com/certwise/certwise/internal/display"
	"math"
	"strings"
)

// Text says in one sentence which bounds the moves were held to, with the
// person's figures, and how many candidates met them all. Reports and the
// web page both print it.
func (b *MoveBounds) Text() string {
	parts := []string{"at least " + display.Percent(b.MinOverlap) + " of your work shared"}
	if b.JobZone != nil {
		parts = append(parts, fmt.Sprintf("job zone %d to %d (yours is %d)", max(*b.JobZone-1, 1), min(*b.JobZone+1, 5), *b.JobZone))
	}
	if b.MedianWage != nil {
		parts = append(parts, fmt.Sprintf("median wage at least %s (%s of your %s, %s)",
			display.Dollars(math.Round(b.MinWageRatio**b.MedianWage)), display.Percent(b.MinWageRatio), display.Dollars(*b.MedianWage), b.LabourVintage.Wages))
	}
	parts = append(parts, "less exposed than your "+string(b.ExposureLevel)+" exposure")
	verb := "meet"
	if b.Qualifying == 1 {
		verb = "meets"
	}
	return fmt.Sprintf("Bounds for a move: %s. %d of the %d occupations examined %s them all.",
		strings.Join(parts, ", "), b.Qualifying, b.Examined, verb)
}

// Label names the skill, marking knowledge areas: O*NET has a skill and a
// knowledge area both called Mathematics.
func (m SkillMatch) Label() string {
	if m.Kind == SkillKindKnowledge {
		return m.Name + " (knowledge)"
	}
	return m.Name
}

// GapText is the skill with the level the person's occupation asks and the
// level the target asks (0-7), e.g. "Technology Design 3.0 → 4.6".
func (m SkillMatch) GapText() string {
	return fmt.Sprintf("%s %.1f → %.1f", m.Label(), m.Level, m.TargetLevel)
}
