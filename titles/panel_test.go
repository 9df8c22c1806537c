package titles

import (
	"strings"
	"testing"

	"github.com/certwise/certwise"
)

// TestReadPanelErrors checks that a malformed panel is refused with the
// line and the field at fault.
func TestReadPanelErrors(t *testing.T) {
	for _, tc := range []struct {
		name, panel, want string
	}{
		{"fields", "Product Manager\t11-2021\n", "p.tsv:1: want 3 tab-separated fields"},
		{"title", "\t11-2021\twhy\n", "p.tsv:1: title is empty"},
		{"soc", "# c\ntitle\tsoc\trationale\nProduct Manager\t11-2021.00\twhy\n", `p.tsv:3: soc "11-2021.00" is not a 6-digit SOC code`},
		{"empty soc", "Product Manager\t11-2021,\twhy\n", `p.tsv:1: soc ""`},
		{"rationale", "Product Manager\t11-2021\t\n", "p.tsv:1: rationale is empty"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadPanel(strings.NewReader(tc.panel), "p.tsv")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("ReadPanel: %v, want an error containing %q", err, tc.want)
			}
		})
	}
	if _, err := Panel("test"); err == nil || !strings.Contains(err.Error(), "dev, holdout") {
		t.Errorf("Panel(%q): %v, want an error naming the halves", "test", err)
	}
}

// TestEmbeddedPanel checks the panel's two halves: their sizes (at least
// 100 held-out titles whose normalized words no dev title has), and that
// every accepted code is an O*NET occupation's SOC code.
func TestEmbeddedPanel(t *testing.T) {
	socs := map[string]bool{}
	for _, e := range testEntries(t) {
		socs[soc(e.Code)] = true
	}
	halves := map[string][]PanelTitle{}
	total := 0
	for _, split := range PanelSplits {
		p, err := Panel(split)
		if err != nil {
			t.Fatal(err)
		}
		halves[split] = p
		total += len(p)
		for _, pt := range p {
			for _, c := range pt.Codes {
				if !socs[c] {
					t.Errorf("%s panel, %q: %s is no O*NET occupation's SOC code", split, pt.Title, c)
				}
			}
		}
	}
	if total < 300 {
		t.Errorf("panel has %d titles, want at least 300", total)
	}
	unseen := Unseen(halves["holdout"], halves["dev"])
	if len(unseen) < 100 || len(unseen) >= len(halves["holdout"]) {
		t.Errorf("%d of %d held-out titles are unseen in dev; want at least 100, and the test to leave some out", len(unseen), len(halves["holdout"]))
	}
}

// answers is a matcher that returns fixed answers.
type answers map[string]certwise.TitleMatch

func (a answers) Match(q string, _ int) certwise.TitleMatch { return a[q] }

// TestEvaluatePanel checks the figures on a fixed matcher: SOC codes are
// compared at 6 digits, top-3 counts distinct SOC codes, and confident
// precision counts only the confident answers.
func TestEvaluatePanel(t *testing.T) {
	m := answers{
		"a": {Confident: true, Matches: []certwise.TitleCandidate{{Code: "15-1252.00"}}},
		"b": {Confident: true, Matches: []certwise.TitleCandidate{{Code: "15-1299.08"}, {Code: "15-1299.09"}, {Code: "15-1244.00"}, {Code: "15-1252.00"}}},
		"c": {Confident: false, Matches: []certwise.TitleCandidate{{Code: "11-2021.00"}, {Code: "11-3021.00"}}},
		"d": {},
	}
	panel := []PanelTitle{
		{Title: "a", Codes: []string{"15-1252"}},
		{Title: "b", Codes: []string{"15-1252"}}, // third distinct SOC code: 15-1299, 15-1244, 15-1252
		{Title: "c", Codes: []string{"11-3021"}},
		{Title: "d", Codes: []string{"11-3021"}},
	}
	got, misses := EvaluatePanel(m, panel)
	want := PanelAccuracy{N: 4, Top1: 0.25, Top3: 0.75, Confident: 0.5, ConfidentPrecision: 0.5}
	if got != want {
		t.Errorf("EvaluatePanel = %+v, want %+v", got, want)
	}
	if len(misses) != 3 || misses[0].Title != "b" || strings.Join(misses[0].Got, ",") != "15-1299,15-1244,15-1252" || !misses[0].Confident {
		t.Errorf("misses = %+v, want b, c and d, b's first three distinct SOC codes, confident", misses)
	}
}

// TestNotListed checks that titles O*NET lists (in any word order, after
// normalization) and titles whose codes it lacks are left out.
func TestNotListed(t *testing.T) {
	entries := []certwise.TitleEntry{
		{Code: "11-1011.00", Title: "Chief Executives", Official: true},
		{Code: "11-1011.00", Title: "Chief Executive Officer"},
	}
	ts := []PanelTitle{
		{Title: "CEO", Codes: []string{"11-1011"}},
		{Title: "Executive, Chief", Codes: []string{"11-1011"}},
		{Title: "Managing Director", Codes: []string{"11-1011"}},
		{Title: "Admiral", Codes: []string{"55-1011"}},
	}
	got, noCode := NotListed(entries, ts)
	if len(got) != 1 || got[0].Title != "Managing Director" || noCode != 1 {
		t.Errorf("NotListed = %+v, %d; want Managing Director alone, 1 without a code", got, noCode)
	}
}

// TestPanelTargets holds the matcher to issue 14's targets on both halves
// of the panel: top-1 at least 0.85, top-3 at least 0.95 and a confident
// answer right at least 95% of the time, at 6-digit SOC.
func TestPanelTargets(t *testing.T) {
	x := fullIndex(t)
	for _, split := range PanelSplits {
		p, err := Panel(split)
		if err != nil {
			t.Fatal(err)
		}
		acc, misses := EvaluatePanel(x, p)
		if acc.Top1 < 0.85 || acc.Top3 < 0.95 || acc.ConfidentPrecision < 0.95 {
			t.Errorf("%s panel: %+v, below the targets; misses: %+v", split, acc, misses)
		}
	}
}
