package rules

import (
	"strings"
	"testing"

	"github.com/certwise/certwise"
)

// candidateTitles answers every title with the same candidates.
type candidateTitles struct{ m certwise.TitleMatch }

func (c candidateTitles) Match(q string, top int) certwise.TitleMatch {
	m := c.m
	m.Query = q
	return m
}

// TestExposureFromCandidates checks issue 13 item 6: doubt about the title
// does not make the exposure unknown when the close candidates share one
// level, and a best match without figures borrows a close candidate's.
func TestExposureFromCandidates(t *testing.T) {
	data := newFakeData()
	data.occs["15-2051.00"] = &certwise.Occupation{Code: "15-2051.00", Title: "Data Scientists", ExposureLevel: certwise.ExposureHigh,
		ExposurePercentile: fp(90), CompressibleShare: fp(0.3),
		WorkMix: certwise.WorkMix{certwise.Reporting: 0.2, certwise.Coordination: 0.1, certwise.Analysis: 0.7}}
	data.occs["11-9199.00"] = &certwise.Occupation{Code: "11-9199.00", Title: "Managers, All Other"}
	tests := []struct {
		name      string
		match     certwise.TitleMatch
		source    string
		level     certwise.ExposureLevel
		reasonHas string
	}{
		{"candidates share a level",
			certwise.TitleMatch{Matches: []certwise.TitleCandidate{
				{Code: "15-2051.00", Title: "Data Scientists", Score: 0.5},
				{Code: "15-1299.08", Title: "Computer Systems Engineers/Architects", Score: 0.49}}},
			"candidates", certwise.ExposureHigh, "about equally well"},
		{"candidates differ",
			certwise.TitleMatch{Matches: []certwise.TitleCandidate{
				{Code: "15-2051.00", Title: "Data Scientists", Score: 0.5},
				{Code: "29-1141.00", Title: "Registered Nurses", Score: 0.49}}},
			"none", certwise.ExposureUnknown, ""},
		{"best match has no figures",
			certwise.TitleMatch{Confident: true, Matches: []certwise.TitleCandidate{
				{Code: "11-9199.00", Title: "Managers, All Other", Score: 0.8},
				{Code: "13-2011.00", Title: "Accountants and Auditors", Score: 0.79}}},
			"candidates", certwise.ExposureStructural, "a close match, are used instead"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := New(nil, Deps{Data: data, Titles: candidateTitles{tt.match}})
			ev := evaluateEdited(t, e, func(a *certwise.Answers) {
				a.Role = certwise.RoleAnswers{Title: "Some title"}
			})
			if ev.Exposure.Source != tt.source || ev.Exposure.Level != tt.level {
				t.Errorf("exposure %s from %s, want %s from %s", ev.Exposure.Level, ev.Exposure.Source, tt.level, tt.source)
			}
			var all []string
			for _, r := range ev.Reasons {
				all = append(all, r.Evidence)
			}
			if tt.reasonHas != "" && !strings.Contains(strings.Join(all, "\n"), tt.reasonHas) {
				t.Errorf("the reasons do not explain the candidates: %s", strings.Join(all, "\n"))
			}
		})
	}
}
