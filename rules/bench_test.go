package rules

import (
	"context"
	"testing"

	"github.com/certwise/certwise"
)

// BenchmarkEvaluate measures one full evaluation (validation, facts, rules,
// reasons, questions, alternatives, steps, references) with an occupation
// code resolved through the in-memory data. Run on one core:
//
//	go test ./rules -run '^$' -bench Evaluate -cpu 1 -count 10
func BenchmarkEvaluate(b *testing.B) {
	cases := map[string]func(a *certwise.Answers){
		"pursue": func(a *certwise.Answers) {},
		"redesign": func(a *certwise.Answers) {
			a.Role.ExposureSelfAssessed = certwise.ExposureModerate
			a.Role.WorkMix = certwise.WorkMix{certwise.Reporting: 0.5, certwise.Coordination: 0.2, certwise.Analysis: 0.3}
			a.Position = certwise.Position{HasTestedAIInRole: true}
		},
		"avoid": func(a *certwise.Answers) { a.Motives = []certwise.Motive{certwise.MotiveFollowHeadlines} },
	}
	for name, edit := range cases {
		b.Run(name, func(b *testing.B) {
			a := pursuer()
			edit(&a)
			e := New(nil, Deps{Data: newFakeData(), Catalog: &fakeCatalog{}})
			ctx := context.Background()
			b.ReportAllocs()
			ReportCPU(b, func() {
				for b.Loop() {
					if _, err := e.Evaluate(ctx, a); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}
