package report

import (
	"strconv"
	"strings"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/internal/display"
)

// Summary is what a person reads first: the verdict in words, how exposed
// their work is in one sentence with the figure that says it, the concerns
// that apply and the one next step. The web page, the text and the
// Markdown report all open with it.
type Summary struct {
	Verdict  string // the verdict in a few words, "Pursue it"
	Headline string
	Exposure string
	Concerns []string
	// Direction says where the person is heading and whether that counts
	// as a defined trajectory; empty for assessments saved without one.
	Direction string
	NextStep  string
}

// verdictWords say each verdict in a few plain words.
var verdictWords = map[certwise.VerdictID]string{
	certwise.VerdictPursue:            "Pursue it",
	certwise.VerdictPursueForSignal:   "Pursue it for the signal",
	certwise.VerdictApplyFirst:        "Apply AI in your role first",
	certwise.VerdictClarifyFirst:      "Clarify first",
	certwise.VerdictRedesignRoleFirst: "Redesign your role first",
	certwise.VerdictReassessPosition:  "Reassess your position",
	certwise.VerdictAvoid:             "Avoid it for now",
}

// VerdictWords says a verdict in a few plain words, "Pursue it".
func VerdictWords(v certwise.VerdictID) string {
	return wordsFor(verdictWords, v, capitalize(label(string(v))))
}

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// Summarize builds the summary of an evaluation.
func Summarize(ev *certwise.Evaluation) Summary {
	s := Summary{
		Verdict:  VerdictWords(ev.Verdict),
		Headline: ev.Headline,
		Exposure: ExposureSentence(ev.Exposure),
		Concerns: concerns(ev),
	}
	if ev.Trajectory.Choice != "" || ev.Trajectory.Evidence != "" {
		s.Direction = trajectoryLine(ev.Trajectory)
	}
	switch {
	case len(ev.NextSteps) > 0:
		s.NextStep = ev.NextSteps[0].Action
	case len(ev.Alternatives) > 0:
		s.NextStep = ev.Alternatives[0].Title
	}
	return s
}

// levelWords say an exposure level as the end of "your work's exposure to
// AI is ...".
var levelWords = map[certwise.ExposureLevel]string{
	certwise.ExposureLow:        "low",
	certwise.ExposureModerate:   "moderate",
	certwise.ExposureHigh:       "high",
	certwise.ExposureStructural: "structural: AI could take over much of the work itself, not just speed it up",
}

// ExposureSentence says in one sentence how exposed the work is to AI,
// with the figure behind it: where the occupation sits among all workers,
// else the share of the work that is reporting and coordination.
func ExposureSentence(x certwise.ExposureSummary) string {
	lvl, known := levelWords[x.Level]
	if !known {
		return "certwise could not tell how exposed your work is to AI: no occupation was matched to your title and you gave no rating of your own."
	}
	than := ""
	if x.Percentile != nil {
		than = "more exposed than the jobs of " + strconv.FormatFloat(*x.Percentile, 'f', 0, 64) + "% of workers"
	}
	occ := x.OccupationTitle
	var s string
	switch {
	case x.Source == "self_assessed" && x.DataLevel != "" && x.DataLevel != x.Level && occ != "":
		s = "You rate your work's exposure to AI as " + lvl + "; the public data puts " + occ + " at " + shortLevel(x.DataLevel)
		if than != "" {
			s += ", " + than
		}
	case x.Source == "self_assessed":
		s = "You rate your work's exposure to AI as " + lvl
		if than != "" && occ != "" {
			s += "; the public data agrees: " + than + " (" + occ + ")"
		}
	default:
		s = "Your work's exposure to AI is " + lvl
		if than != "" && occ != "" {
			s += ": " + than + " (" + occ + ", in the public data)"
		}
	}
	if than == "" && x.CompressibleShare != nil {
		s += "; " + display.Percent(*x.CompressibleShare) + " of the work is reporting and coordination, the part AI compresses first"
	}
	return s + "."
}

// shortLevel is an exposure level in one word.
func shortLevel(l certwise.ExposureLevel) string {
	w, _, _ := strings.Cut(levelWords[l], ":")
	return w
}

// conditionWords say each of the four conditions for a certification to
// pay off, in the order they are listed: as it reads when it holds, and as
// the concern it raises when it does not.
var conditionWords = []struct {
	holds      func(certwise.Conditions) bool
	met, unmet string
}{
	{func(c certwise.Conditions) bool { return c.ExposureUnderstood },
		"You know how exposed your work is to AI.",
		"You do not yet know how exposed your work is to AI."},
	{func(c certwise.Conditions) bool { return c.LeveragePossible },
		"Your position gives a credential something to build on.",
		"Your position gives a credential little to build on yet: you own no measurable outcomes or AI-related work it would extend."},
	{func(c certwise.Conditions) bool { return c.TimingAppropriate },
		"The timing is right: you have tried AI in your work and are not acting from worry.",
		"The timing is off: you have not tried AI in your own work yet, or worry about headlines is driving the decision."},
	{func(c certwise.Conditions) bool { return c.TrajectoryDefined },
		"You know which role you are heading for.",
		"You have not named a role you are heading for that certwise could match to an occupation."},
}

// Condition is one of the four conditions for a certification to pay off,
// in words: what holds, or the concern it raises when it does not.
type Condition struct {
	Met  bool
	Text string
}

// ConditionList says the four conditions in order.
func ConditionList(c certwise.Conditions) []Condition {
	out := make([]Condition, len(conditionWords))
	for i, w := range conditionWords {
		out[i] = Condition{Met: w.holds(c), Text: w.unmet}
		if out[i].Met {
			out[i].Text = w.met
		}
	}
	return out
}

// concerns lists what argues against enrolling now: the engine's concerns
// in plain words, or, for an assessment saved before concerns existed, the
// conditions that do not hold.
func concerns(ev *certwise.Evaluation) []string {
	var out []string
	if len(ev.Concerns) > 0 {
		for _, c := range ev.Concerns {
			out = append(out, c.Text)
		}
		return out
	}
	for _, c := range ConditionList(ev.Conditions) {
		if !c.Met {
			out = append(out, c.Text)
		}
	}
	return out
}

// Decided explains how the verdict was reached in plain words: the
// deciding reason and the facts behind it, then the rules checked first
// that did not apply, by name only (their conditions are the engine's).
func Decided(ev *certwise.Evaluation) (why []string, passed []string) {
	w, p := splitReasons(ev.Reasons)
	for _, r := range w {
		if r.Rule != "" {
			why = append(why, r.Evidence)
			continue
		}
		why = append(why, factLabel(r.Fact)+": "+r.Evidence)
	}
	for _, r := range p {
		passed = append(passed, ruleName(r.Rule))
	}
	return why, passed
}

// factLabels name the derived facts the explanation cites in plain words.
var factLabels = map[string]string{
	"exposure_understood":    "You know how exposed your work is",
	"leverage_possible":      "Your position gives a credential something to build on",
	"timing_appropriate":     "The timing is right",
	"trajectory_defined":     "You know where you are heading",
	"exposure_disagreement":  "Your rating and the data differ",
	"next_steps":             "About the next steps",
	"recommendations":        "About the certifications",
	"valid_motive":           "You have a reason that a certification can serve",
	"panic":                  "Worry about headlines is driving the decision",
	"capability_gap_named":   "You named the skill you lack",
	"structural":             "AI could take over the work itself",
	"compressing_industry":   "Your industry's business model is shrinking",
	"defined_transition":     "You are moving to a named role",
	"tested_ai":              "You have tried AI in your role",
	"compressible":           "Most of the work is reporting and coordination",
	"level_moderate_or_high": "Your exposure is moderate or high",
	"leverage":               "Your position gives a credential something to build on",
	"signaling_environment":  "Your workplace or industry rewards credentials",
}

func factLabel(f string) string { return wordsFor(factLabels, f, capitalize(label(f))) }

// ruleName turns a rule id such as media-panic into "media panic".
func ruleName(id string) string { return strings.ReplaceAll(label(id), "-", " ") }
