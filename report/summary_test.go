package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/certwise/certwise"
)

func ptr(f float64) *float64 { return &f }

func TestExposureSentence(t *testing.T) {
	for _, tt := range []struct {
		name string
		x    certwise.ExposureSummary
		want string
	}{
		{"unknown", certwise.ExposureSummary{Level: certwise.ExposureUnknown},
			"certwise could not tell how exposed your work is to AI: no occupation was matched to your title and you gave no rating of your own."},
		{"from the data", certwise.ExposureSummary{Level: certwise.ExposureModerate, Source: "title_match", OccupationTitle: "Registered Nurses", Percentile: ptr(31)},
			"Your work's exposure to AI is moderate: more exposed than the jobs of 31% of workers (Registered Nurses, in the public data)."},
		{"own rating, data differs", certwise.ExposureSummary{Level: certwise.ExposureHigh, Source: "self_assessed", DataLevel: certwise.ExposureModerate, OccupationTitle: "Software Developers", Percentile: ptr(62)},
			"You rate your work's exposure to AI as high; the public data puts Software Developers at moderate, more exposed than the jobs of 62% of workers."},
		{"own rating, no occupation", certwise.ExposureSummary{Level: certwise.ExposureHigh, Source: "self_assessed", CompressibleShare: ptr(0.4)},
			"You rate your work's exposure to AI as high; 40% of the work is reporting and coordination, the part AI compresses first."},
		{"structural", certwise.ExposureSummary{Level: certwise.ExposureStructural, Source: "occupation"},
			"Your work's exposure to AI is structural: AI could take over much of the work itself, not just speed it up."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := ExposureSentence(tt.x); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestSummarizeConcerns(t *testing.T) {
	ev := &certwise.Evaluation{Verdict: certwise.VerdictClarifyFirst,
		Conditions:   certwise.Conditions{ExposureUnderstood: true, LeveragePossible: true},
		Alternatives: []certwise.Alternative{{Title: "Run an applied AI project"}}}
	s := Summarize(ev)
	if s.Verdict != "Clarify first" || len(s.Concerns) != 2 || s.NextStep != "Run an applied AI project" {
		t.Errorf("summary = %+v", s)
	}
	if !strings.Contains(s.Concerns[0], "timing") || !strings.Contains(s.Concerns[1], "heading for") {
		t.Errorf("concerns out of order or missing: %q", s.Concerns)
	}
}

// TestSummaryFirst checks both reports open with the summary and keep the
// engine's notation (expressions, rule ids, Greek letters) out of them.
func TestSummaryFirst(t *testing.T) {
	for _, tt := range []struct {
		name             string
		render           func(*bytes.Buffer, *certwise.Evaluation) error
		short, next, how string
	}{
		{"text", func(b *bytes.Buffer, ev *certwise.Evaluation) error { return Text(b, ev) }, "In short\n", "Next steps\n", "How this was decided\n"},
		{"markdown", func(b *bytes.Buffer, ev *certwise.Evaluation) error { return Markdown(b, ev) }, "## In short", "## Next steps", "## How this was decided"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			ev := fixture(t)
			if err := tt.render(&buf, ev); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			s, n, h := strings.Index(out, tt.short), strings.Index(out, tt.next), strings.Index(out, tt.how)
			if s < 0 || n < s || h < n {
				t.Errorf("sections at %d (in short), %d (next steps), %d (how decided): want the summary first", s, n, h)
			}
			for _, bad := range []string{"all(", "any(", "not valid_motive", ev.Rule, "valid_motive", "β", "ai_enhanced", "self_assessed"} {
				if strings.Contains(out, bad) {
					t.Errorf("%s report contains %q", tt.name, bad)
				}
			}
		})
	}
}
