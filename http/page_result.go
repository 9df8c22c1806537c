package http

import (
	"html/template"
	"net/http"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/report"
)

// resultView is what the result template shows, for an unsaved result and
// for a saved assessment alike.
type resultView struct {
	Answers      certwise.Answers
	Eval         *certwise.Evaluation
	Summary      report.Summary
	Why          []string // how the verdict was reached, in plain words
	CheckedFirst []string // the rules checked first that did not apply, by name
	RoleType     string   // how AI relates to the role, in words
	Source       string   // where the exposure level came from, in words
	State        string   // the answers to save or download (unsaved results)
	SaveKey      string   // the save form's idempotency key (unsaved results)
	SaveError    string   // why the last save was refused, shown above the save button
	Occupation   *certwise.Occupation
	WorkMix      template.HTML
	Exposure     template.HTML
	Conditions   []report.Condition
	Unmet        int
	Saved        *certwise.Assessment
	ShareURL     string
	DeleteToken  string                 // shown once, right after saving
	Versions     []*certwise.Assessment // one page of the history
	// HistoryOffset is where Versions starts in the history; OlderOffset,
	// when positive, and NewerOffset, when not negative, start the pages
	// of older and newer versions.
	HistoryOffset, OlderOffset, NewerOffset int
	Diff                                    *versionDiff
}

// resultView builds the view of an evaluation.
func (s *Server) resultView(r *http.Request, st formState, ev *certwise.Evaluation) *resultView {
	v := &resultView{Answers: st.Answers, Eval: ev, State: st.encode(), SaveKey: newSaveKey(),
		Summary: report.Summarize(ev), RoleType: report.RoleTypeWords(ev.Exposure.RoleType), Source: report.SourceWords(ev.Exposure.Source)}
	v.Why, v.CheckedFirst = report.Decided(ev)
	if code := ev.Exposure.OccupationCode; code != "" {
		if o, ok := s.Occupations.Occupation(code); ok {
			v.Occupation = o
			v.Exposure = s.exposureSVG(o)
		}
	}
	v.WorkMix = workMixSVG(ev.Exposure.WorkMix)
	v.Conditions = report.ConditionList(ev.Conditions)
	for _, row := range v.Conditions {
		if !row.Met {
			v.Unmet++
		}
	}
	return v
}

func (s *Server) renderResult(w http.ResponseWriter, r *http.Request, status int, v *resultView) {
	title := report.VerdictWords(v.Eval.Verdict)
	key := ""
	if v.Saved != nil {
		title += " — saved assessment"
		if v.DeleteToken == "" && v.HistoryOffset == 0 {
			key = v.Saved.ID // the share page: no form, no token
		}
	}
	s.renderCached(w, r, status, "result", page{Title: title, Nav: "assess", Data: v}, key)
}
