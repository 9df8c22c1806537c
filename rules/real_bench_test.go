package rules_test

import (
	"context"
	"testing"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/advice"
	"github.com/certwise/certwise/dataset"
	"github.com/certwise/certwise/rules"
)

// BenchmarkEvaluateEmbedded evaluates on the embedded snapshot of the real
// data: "engine" with the exposure data only, "with_advice" also with the
// advisor's data-backed next steps (no catalog, so the figures do not depend
// on the catalog's size). Run on one core:
//
//	go test ./rules -run '^$' -bench Embedded -cpu 1 -count 10
func BenchmarkEvaluateEmbedded(b *testing.B) {
	ctx := context.Background()
	m, err := dataset.Load(ctx, "")
	if err != nil {
		b.Skipf("embedded snapshot unavailable: %v", err)
	}
	a := certwise.Answers{
		Role:          certwise.RoleAnswers{Title: "Backend developer", Occupation: "15-1252.00"},
		Position:      certwise.Position{ExpandingIntoSystemDesign: true, HasTestedAIInRole: true},
		Motives:       []certwise.Motive{certwise.MotiveCapabilityGap, certwise.MotiveRoleTransition},
		CapabilityGap: "designing retrieval systems",
		TargetRole:    &certwise.TargetRole{Title: "Software architect", Occupation: "15-1299.08"},
	}
	for _, c := range []struct {
		name string
		deps rules.Deps
	}{
		{"engine", rules.Deps{Data: m}},
		{"with_advice", rules.Deps{Data: m, Advisor: advice.New(m, m, nil)}},
	} {
		b.Run(c.name, func(b *testing.B) {
			e := rules.New(nil, c.deps)
			b.ReportAllocs()
			rules.ReportCPU(b, func() {
				for b.Loop() {
					if _, err := e.Evaluate(ctx, a); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}
