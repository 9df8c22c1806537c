package advice

import (
	"fmt"
	"strings"

	"github.com/certwise/certwise"
)

// projectTemplates phrase a small applied project for an activity of each
// work class: what to do with an AI assistant (%s is the activity) and what
// to measure so that the result shows up as output.
var projectTemplates = map[certwise.WorkClass]struct{ project, measure string }{
	certwise.Reporting: {
		"For two weeks, hand the first pass to an AI assistant each time you %s, and check every result yourself before anyone relies on it.",
		"Minutes per item against a two-week baseline before the trial, and how many results needed only light corrections.",
	},
	certwise.Coordination: {
		"Have an AI assistant prepare the first pass (summaries, schedules, follow-up lists) each time you %s, for two weeks.",
		"Items handled per week and turnaround time, before and after; note every item the assistant got wrong.",
	},
	certwise.Analysis: {
		"Pick one recurring question you face when you %s and answer it with AI-assisted analysis next to your usual method.",
		"Hours to a usable answer by each method, and the discrepancies you caught between the two.",
	},
	certwise.SystemDesign: {
		"Build a small working improvement to how you %s, using an AI assistant to draft the specification, code or test cases.",
		"A prototype others can run, and the hours per month it saves once it runs.",
	},
	certwise.Relationship: {
		"Use an AI assistant to prepare before you %s: briefs, plain-language explanations, follow-up notes you then edit.",
		"Preparation minutes per interaction and the feedback of the people you serve, before and after.",
	},
	certwise.HandsOn: {
		"Keep the hands-on work yours, and let an AI assistant handle the paperwork around it when you %s: checklists, logs, instructions.",
		"Documentation time per week and the errors found in review, before and after.",
	},
}

// withProject returns e with a project and a measure phrased for its class.
func withProject(e certwise.ActivityEvidence) certwise.ActivityEvidence {
	t, ok := projectTemplates[e.Class]
	if !ok {
		t = projectTemplates[certwise.Analysis]
	}
	e.Project = fmt.Sprintf(t.project, activityPhrase(e.Title))
	e.Measure = t.measure
	return e
}

// activityPhrase turns an IWA title ("Prepare financial documents.") into a
// verb phrase to use mid-sentence ("prepare financial documents").
func activityPhrase(title string) string {
	s := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(title), "."))
	if s == "" {
		return "do this work"
	}
	// Lower the first letter unless the first word is an acronym (e.g. "CPR").
	first, _, _ := strings.Cut(s, " ")
	if len(first) > 1 && strings.ToUpper(first) == first {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
