package http

import (
	"strings"
	"testing"

	"github.com/certwise/certwise"
)

// TestNextStepData renders the data of each kind of next step through the
// result page's partial and checks that its figures reach the page.
func TestNextStepData(t *testing.T) {
	ps, err := parsePages()
	if err != nil {
		t.Fatal(err)
	}
	zone := 2
	steps := []struct {
		step certwise.NextStep
		want []string
	}{
		{certwise.NextStep{Activities: []certwise.ActivityEvidence{{IWA: "4.A.2.a.2.I03", Title: "Compile records.", Class: certwise.Reporting,
			Share: 0.188, Applicability: fp(0.4635), Project: "Hand the first pass to an assistant.", Measure: "Minutes per item."}}},
			[]string{"Compile records.", "19%", "0.46", "Hand the first pass", "Measure: Minutes per item."}},
		{certwise.NextStep{Targets: []certwise.TransitionTarget{{Code: "43-5011.00", Title: "Cargo and Freight Agents", ExposureLevel: certwise.ExposureModerate,
			CompressibleShare: fp(0.3), ProjectedGrowthPct: fp(9.9), MedianWage: fp(46910), JobZone: &zone, Overlap: 0.25,
			SharedActivities: []certwise.SharedActivity{{IWA: "x", Title: "Maintain operational records."}},
			Certifications:   []certwise.Recommendation{{ID: "c1", Name: "Cert One"}}}}},
			[]string{`href="/roles/43-5011.00"`, "Moderate", "30%", "&#43;9.9%", "$46,910", "<td>2</td>", "25%", "Maintain operational records.", `href="/certifications/c1"`}},
		{certwise.NextStep{Shift: &certwise.WorkShift{To: certwise.Analysis, CurrentShare: 0.06, CompressibleNow: 0.9, MovePoints: 0.45}},
			[]string{"45%", "90% now", "Analysis", "6% of your work"}},
		{certwise.NextStep{Certifications: []certwise.Recommendation{{ID: "c2", Name: "Cert Two", Provider: "Acme", CostUSD: fp(150), PrepHours: fp(20)}},
			TotalCostUSD: fp(150), TotalHours: fp(20)},
			[]string{"Cert Two", "Acme", "cost $150 (reported, unverified)", "Together: cost $150 (1 of the prices reported, unverified) and 20 h"}},
		{certwise.NextStep{Certifications: []certwise.Recommendation{
			{ID: "c3", Name: "Cert Three", CostUSD: fp(49), CostVerified: true, PrepHours: fp(10)},
			{ID: "c4", Name: "Cert Four"}, {ID: "c5", Name: "Cert Five"}},
			TotalCostUSD: fp(49), CostUnpriced: 2, TotalHours: fp(10)},
			[]string{"Together: cost $49 for 1 of 3; 2 unpriced and 10 h"}},
		{certwise.NextStep{Questions: []string{"Which role do you want next?"}}, []string{"<li>Which role do you want next?</li>"}},
	}
	for _, tt := range steps {
		var b strings.Builder
		if err := ps.pages["result"].ExecuteTemplate(&b, "nextstep-data", tt.step); err != nil {
			t.Fatal(err)
		}
		for _, w := range tt.want {
			if !strings.Contains(b.String(), w) {
				t.Errorf("rendered step lacks %q:\n%s", w, b.String())
			}
		}
	}
}
