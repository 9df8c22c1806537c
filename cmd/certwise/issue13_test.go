package main

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/certwise/certwise"
)

// TestIssue13Failures runs the answers files of examples/issue13, one per
// failure issue 13 reported, through `certwise assess` on the real data and
// checks the verdict, the concerns listed and what the result says.
func TestIssue13Failures(t *testing.T) {
	tests := []struct {
		file     string
		verdicts []certwise.VerdictID
		concerns []string // must be listed
		absent   []string // must not be listed
		check    func(t *testing.T, ev certwise.Evaluation)
	}{
		{file: "1-nonsense-target.yaml", verdicts: []certwise.VerdictID{certwise.VerdictClarifyFirst}, concerns: []string{"unresolved_target"},
			check: func(t *testing.T, ev certwise.Evaluation) {
				if ev.Trajectory.Defined || ev.Conditions.TrajectoryDefined {
					t.Error("nonsense text counted as a trajectory")
				}
			}},
		{file: "2a-bank-marketing-owns.yaml", verdicts: []certwise.VerdictID{certwise.VerdictPursueForSignal, certwise.VerdictPursue}, absent: []string{"no_leverage"}},
		{file: "2b-bank-marketing-owns-nothing.yaml", verdicts: []certwise.VerdictID{certwise.VerdictPursueForSignal}, concerns: []string{"no_leverage"}},
		{file: "3a-hr-generalist-headlines.yaml", verdicts: []certwise.VerdictID{certwise.VerdictAvoid},
			concerns: []string{"media_panic", "invalid_motives", "untested_in_role"}},
		{file: "3b-dispatcher-news-and-shift.yaml", verdicts: []certwise.VerdictID{certwise.VerdictReassessPosition, certwise.VerdictApplyFirst, certwise.VerdictClarifyFirst},
			concerns: []string{"media_panic", "invalid_motives", "untested_in_role"}},
		{file: "3c-engineer-signal-activity.yaml", verdicts: []certwise.VerdictID{certwise.VerdictClarifyFirst}, concerns: []string{"invalid_motives"}},
		{file: "4-no-authority-defensive.yaml", verdicts: []certwise.VerdictID{certwise.VerdictClarifyFirst},
			concerns: []string{"weak_authority", "defensive_positioning"}},
		{file: "5a-empty.yaml", verdicts: []certwise.VerdictID{certwise.VerdictClarifyFirst}, concerns: []string{"unanswered"},
			absent: []string{"weak_authority", "defensive_positioning", "unresolved_target", "untested_in_role"},
			check: func(t *testing.T, ev certwise.Evaluation) {
				if c := concern(ev, "unanswered"); c == nil || !strings.Contains(c.Evidence, "why you want a certification") {
					t.Errorf("the empty assessment does not list what to answer: %+v", c)
				}
			}},
		{file: "5b-worried-nurse.yaml", verdicts: []certwise.VerdictID{certwise.VerdictAvoid}, concerns: []string{"media_panic"},
			check: func(t *testing.T, ev certwise.Evaluation) {
				c := concern(ev, "media_panic")
				if c == nil || !strings.Contains(c.Text, "understandable") || !strings.Contains(c.Text, "try an AI tool") {
					t.Errorf("the worry is not acknowledged with a next step: %+v", c)
				}
				if strings.Contains(dump(ev), "calming worry") {
					t.Error("the result still calls the reason calming worry")
				}
			}},
		{file: "6-deepening-ml-engineer.yaml", verdicts: []certwise.VerdictID{certwise.VerdictPursue},
			check: func(t *testing.T, ev certwise.Evaluation) {
				if !ev.Trajectory.Defined || ev.Trajectory.Choice != certwise.TrajectoryDeepenCurrentRole {
					t.Errorf("deepening is not a trajectory: %+v", ev.Trajectory)
				}
			}},
		// The modern-titles layer (issue 14) now matches both titles with
		// confidence, so the fall-backs to close candidates are proved by
		// the rules package's tests on a fake matcher; here the real
		// titles must simply no longer leave the exposure unknown.
		{file: "7a-junior-data-analyst.yaml", verdicts: []certwise.VerdictID{certwise.VerdictApplyFirst}, absent: []string{"exposure_unknown"},
			check: func(t *testing.T, ev certwise.Evaluation) {
				if ev.Exposure.Level != certwise.ExposureHigh {
					t.Errorf("exposure %s from %s, want high", ev.Exposure.Level, ev.Exposure.Source)
				}
			}},
		{file: "7b-project-coordinator.yaml", verdicts: []certwise.VerdictID{certwise.VerdictApplyFirst, certwise.VerdictReassessPosition}, absent: []string{"exposure_unknown"},
			check: func(t *testing.T, ev certwise.Evaluation) {
				if ev.Exposure.Level == certwise.ExposureUnknown || ev.Exposure.OccupationCode != "13-1082.00" {
					t.Errorf("exposure %s for %s, want Project Management Specialists' known level", ev.Exposure.Level, ev.Exposure.OccupationCode)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			code, out, errOut := runWithInput(t, strings.NewReader(""), "assess", "--answers", filepath.Join("..", "..", "examples", "issue13", tt.file), "--format", "json")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			ev := evaluation(t, out)
			if !slices.Contains(tt.verdicts, ev.Verdict) {
				t.Errorf("verdict %s (%s), want one of %v", ev.Verdict, ev.Rule, tt.verdicts)
			}
			for _, id := range tt.concerns {
				if concern(ev, id) == nil {
					t.Errorf("concern %s not listed: %s", id, dump(ev.Concerns))
				}
			}
			for _, id := range tt.absent {
				if concern(ev, id) != nil {
					t.Errorf("concern %s listed, but the answers do not support it", id)
				}
			}
			if tt.check != nil {
				tt.check(t, ev)
			}
		})
	}
}

func concern(ev certwise.Evaluation, id string) *certwise.Concern {
	for i := range ev.Concerns {
		if ev.Concerns[i].ID == id {
			return &ev.Concerns[i]
		}
	}
	return nil
}

// dump writes v as JSON, for messages and text searches.
func dump(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
