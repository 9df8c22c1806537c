package advice

import (
	"fmt"
	"strings"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/internal/display"
)

// pursue: the recommended certifications with their total cost and hours,
// and one applied project to pair with the credential.
func (a *Advisor) pursue(in certwise.AdviceInput) []certwise.NextStep {
	var steps []certwise.NextStep
	recs := in.Recommendations
	if len(recs) > 0 {
		var cost, hours float64
		var noCost, noHours int
		for _, r := range recs {
			if r.CostUSD != nil {
				cost += *r.CostUSD
			} else {
				noCost++
			}
			if r.PrepHours != nil {
				hours += *r.PrepHours
			} else {
				noHours++
			}
		}
		step := certwise.NextStep{
			Kind:           certwise.NextStepCertifications,
			Certifications: recs,
		}
		if noCost < len(recs) {
			step.TotalCostUSD = ptr(round(cost, 2))
			step.CostUnpriced = noCost
		}
		if noHours < len(recs) {
			step.TotalHours = ptr(round(hours, 1))
		}
		step.Action = fmt.Sprintf("Pick the one of these %d certifications that serves your goal rather than collecting them; all of them together would cost %s, with %s of preparation.",
			len(recs), step.TotalCostText(), hoursText(step.TotalHours, noHours))
		if in.Verdict == certwise.VerdictPursueForSignal {
			step.Why = "Your organization or industry rewards visible credentials, so the certificate works as a signal; the paired project below is what turns it into leverage."
		} else {
			step.Why = "The conditions for a credential to speed up your career hold; these are the catalog's best matches for your gap and role."
		}
		steps = append(steps, step)
	} else {
		steps = append(steps, certwise.NextStep{
			Kind:   certwise.NextStepCertifications,
			Action: "No catalog certification matched your answers: compare the one you named on cost, hours and the skills your gap needs before enrolling.",
			Why:    "certwise recommends only certifications it can show the facts for.",
		})
	}

	acts := a.personActivities(in)
	if top := topProjects(acts); len(top) > 0 {
		p := top[0]
		why := fmt.Sprintf("It is the activity of your role where generative AI is most applicable weighted by how much of your work it is (%s of your work, applicability %.2f).", display.Percent(p.Share), *p.Applicability)
		if in.Verdict == certwise.VerdictPursueForSignal {
			why += " Present the result to whoever decides promotions next to the certificate."
		}
		steps = append(steps, certwise.NextStep{
			Kind:       certwise.NextStepPairedProject,
			Action:     "While you prepare, run this project in your role so the credential comes with a result people can see.",
			Why:        why,
			Activities: []certwise.ActivityEvidence{p},
		})
	} else {
		steps = append(steps, certwise.NextStep{
			Kind:   certwise.NextStepPairedProject,
			Action: "While you prepare, apply what you learn to one recurring task in your role and record the time or quality it gains, so the credential comes with a result.",
			Why:    whyNoActivities(in),
		})
	}
	return steps
}

func hoursText(total *float64, unknown int) string {
	if total == nil {
		return "an unpublished number of hours"
	}
	s := "about " + display.Hours(*total) + " hours"
	if unknown > 0 {
		s += fmt.Sprintf(" plus %d without an estimate", unknown)
	}
	return s
}

// conditionQuestions asks, for each unmet condition, what would settle it.
var conditionQuestions = map[string]string{
	"exposure_understood": "Which occupation is closest to your job (an O*NET code or title), or how exposed do you judge your own work: low, moderate, high or structural?",
	"leverage_possible":   "Do you own a result someone measures, or are you moving into an AI-enhanced, system-design or hybrid role? If none of these, what would you need to take one on?",
	"timing_appropriate":  "Have you tried generative AI on your own work yet, and is the wish to enroll coming from a need you can name rather than from news or worry?",
	"trajectory_defined":  "Which role do you want to hold next (a title or an occupation code), and does this credential lead there?",
}

// openQuestions: the questions still open, in plain language.
func openQuestions(in certwise.AdviceInput) []certwise.NextStep {
	var qs []string
	seen := map[string]bool{}
	add := func(q string) {
		q = strings.TrimSpace(q)
		if q != "" && !seen[q] {
			seen[q] = true
			qs = append(qs, q)
		}
	}
	if in.Verdict == certwise.VerdictAvoid {
		valid, panicky := false, false
		for _, m := range in.Answers.Motives {
			valid = valid || m.Justifies()
			panicky = panicky || m == certwise.MotiveReduceAnxiety || m == certwise.MotiveFollowHeadlines
		}
		if !valid {
			add("Which of these do you actually need: to close a capability gap you can name, to be recognised where credentials count, to move into a defined role, or to follow your industry's shift to AI?")
		}
		if panicky && strings.TrimSpace(in.Answers.CapabilityGap) == "" {
			add("What exactly can you not do today that this certification would teach you?")
		}
	}
	for _, c := range in.OpenConditions {
		if q, ok := conditionQuestions[c]; ok {
			add(q)
		} else {
			add(c)
		}
	}
	conds := map[string]bool{}
	for _, c := range in.OpenConditions {
		conds[c] = true
	}
	for _, q := range in.OpenQuestions {
		switch {
		case q.Status == "clear":
		case q.ID == "target_role" && conds["trajectory_defined"]:
			// Already asked through the trajectory condition.
		case q.Status == "weak" && strings.TrimSpace(q.Answer) != "":
			add(q.Question + " (so far: " + strings.TrimSuffix(strings.TrimSpace(q.Answer), ".") + ")")
		default:
			add(q.Question)
		}
	}
	action := "Answer these questions before spending on a certification."
	why := "Each one is still open in your answers, and the verdict turns on them."
	if len(qs) == 0 {
		action = "Write down the problem you want a certification to solve, then run the assessment again."
		why = "Your answers leave no question open, but none of them justifies a credential yet."
	}
	return []certwise.NextStep{{Kind: certwise.NextStepQuestions, Action: action, Why: why, Questions: qs}}
}
