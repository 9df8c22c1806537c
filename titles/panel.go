package titles

import (
	"embed"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"github.com/certwise/certwise"
)

// PanelTitle is one title of a labelled panel, with the 6-digit SOC codes
// accepted as its occupation (any of them counts as correct).
type PanelTitle struct {
	Title     string   `json:"title"`
	Codes     []string `json:"codes"`
	Rationale string   `json:"rationale"`
}

//go:embed panel/*.tsv
var panelFiles embed.FS

// PanelSplits are the halves of the embedded panel of modern titles: "dev",
// which the modern-titles layer is tuned on, and "holdout", written before
// tuning and only measured.
var PanelSplits = []string{"dev", "holdout"}

// Panel returns the embedded panel half named split (see PanelSplits).
func Panel(split string) ([]PanelTitle, error) {
	if !slices.Contains(PanelSplits, split) {
		return nil, fmt.Errorf("panel split %q: want one of %s", split, strings.Join(PanelSplits, ", "))
	}
	f, err := panelFiles.Open("panel/" + split + ".tsv")
	if err != nil {
		return nil, fmt.Errorf("open panel %s: %w", split, err)
	}
	defer f.Close()
	return ReadPanel(f, "panel/"+split+".tsv")
}

var socCode = regexp.MustCompile(`^\d{2}-\d{4}$`)

// ReadPanel reads a panel: tab-separated lines of a title, its accepted
// 6-digit SOC codes (comma-separated) and a rationale. Lines starting with
// "#", blank lines and a header line whose first field is "title" are
// skipped. name is used in errors.
func ReadPanel(r io.Reader, name string) ([]PanelTitle, error) {
	var out []PanelTitle
	err := scanTable(r, name, []string{"title", "soc", "rationale"}, func(f []string) error {
		t := PanelTitle{Title: strings.TrimSpace(f[0]), Rationale: strings.TrimSpace(f[2])}
		if t.Title == "" {
			return fmt.Errorf("title is empty")
		}
		for c := range strings.SplitSeq(f[1], ",") {
			c = strings.TrimSpace(c)
			if !socCode.MatchString(c) {
				return fmt.Errorf("soc %q is not a 6-digit SOC code such as 15-1252", c)
			}
			t.Codes = append(t.Codes, c)
		}
		if t.Rationale == "" {
			return fmt.Errorf("rationale is empty")
		}
		out = append(out, t)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// PanelAccuracy is how well a matcher finds the occupations of a panel's
// titles at 6-digit SOC level: the share whose first SOC code is accepted
// (Top1), whose first three distinct SOC codes hold an accepted one (Top3),
// the share answered confidently, and the share of those whose first code
// is accepted (ConfidentPrecision; 0 when none is confident).
type PanelAccuracy struct {
	N                  int     `json:"n"`
	Top1               float64 `json:"top1"`
	Top3               float64 `json:"top3"`
	Confident          float64 `json:"confident"`
	ConfidentPrecision float64 `json:"confident_precision"`
}

// PanelMiss is a panel title whose first SOC code was not accepted.
type PanelMiss struct {
	Title     string   `json:"title"`
	Want      []string `json:"want"`
	Got       []string `json:"got"` // the first three distinct SOC codes
	Confident bool     `json:"confident"`
}

// EvaluatePanel matches every panel title with m and measures it. It also
// returns the titles whose first SOC code was wrong, in panel order.
func EvaluatePanel(m certwise.TitleMatcher, panel []PanelTitle) (PanelAccuracy, []PanelMiss) {
	var a PanelAccuracy
	var misses []PanelMiss
	var top1, top3, conf, confRight int
	for _, t := range panel {
		res := m.Match(t.Title, 10)
		var socs []string
		for _, c := range res.Matches {
			if s := soc(c.Code); !slices.Contains(socs, s) {
				socs = append(socs, s)
			}
		}
		socs = socs[:min(3, len(socs))]
		first := len(socs) > 0 && slices.Contains(t.Codes, socs[0])
		if first {
			top1++
		} else {
			misses = append(misses, PanelMiss{Title: t.Title, Want: t.Codes, Got: socs, Confident: res.Confident})
		}
		if slices.ContainsFunc(socs, func(s string) bool { return slices.Contains(t.Codes, s) }) {
			top3++
		}
		if res.Confident {
			conf++
			if first {
				confRight++
			}
		}
	}
	a.N = len(panel)
	if a.N > 0 {
		a.Top1 = float64(top1) / float64(a.N)
		a.Top3 = float64(top3) / float64(a.N)
		a.Confident = float64(conf) / float64(a.N)
	}
	if conf > 0 {
		a.ConfidentPrecision = float64(confRight) / float64(conf)
	}
	return a, misses
}

// NotListed returns the titles of ts that no entry lists: whose words,
// normalized as a query's are and in any order, are no entry's title's
// ("CEO" is listed when an entry is "Chief Executive Officer"), and whose
// accepted codes include one the entries hold. It also returns how many
// were left out for having no such code.
func NotListed(entries []certwise.TitleEntry, ts []PanelTitle) (out []PanelTitle, noCode int) {
	var s scratch
	listed := make(map[string]bool, len(entries))
	socs := map[string]bool{}
	for _, e := range entries {
		listed[string(s.wordsKey(analyze(e.Title).words))] = true
		socs[soc(e.Code)] = true
	}
	for _, t := range ts {
		if listed[string(s.wordsKey(analyze(t.Title).words))] {
			continue
		}
		if !slices.ContainsFunc(t.Codes, func(c string) bool { return socs[c] }) {
			noCode++
			continue
		}
		out = append(out, t)
	}
	return out, noCode
}

// Unseen returns the titles of ts whose words, normalized as a query's
// are and in any order, are no title of seen's: "Machine Learning Engineer
// II" is seen when seen holds "Machine Learning Engineer".
func Unseen(ts, seen []PanelTitle) []PanelTitle {
	var s scratch
	keys := make(map[string]bool, len(seen))
	for _, t := range seen {
		keys[string(s.wordsKey(analyze(t.Title).words))] = true
	}
	var out []PanelTitle
	for _, t := range ts {
		if !keys[string(s.wordsKey(analyze(t.Title).words))] {
			out = append(out, t)
		}
	}
	return out
}
