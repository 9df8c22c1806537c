package rules_test

import (
	"context"
	"testing"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/advice"
	"github.com/certwise/certwise/catalog"
	"github.com/certwise/certwise/dataset"
	"github.com/certwise/certwise/rules"
)

// BenchmarkEvaluateCertificationFit evaluates a pursue request on the
// embedded snapshot and catalog, as the web server wires the engine:
// "pursue" names no certification, "pursue_named" names one and two held
// credentials, so the difference is what certification_fit costs. Run on
// one core:
//
//	go test ./rules -run '^$' -bench CertificationFit -cpu 1 -count 10
func BenchmarkEvaluateCertificationFit(b *testing.B) {
	ctx := context.Background()
	m, err := dataset.Load(ctx, "")
	if err != nil {
		b.Skipf("embedded snapshot unavailable: %v", err)
	}
	cat, err := catalog.Load()
	if err != nil {
		b.Fatal(err)
	}
	e := rules.New(nil, rules.Deps{Data: m, Catalog: cat, Fitter: cat, Advisor: advice.New(m, m, cat)})
	base := certwise.Answers{
		Role:          certwise.RoleAnswers{Title: "Backend developer", Occupation: "15-1252.00"},
		Position:      certwise.Position{ExpandingIntoSystemDesign: true, HasTestedAIInRole: true},
		Motives:       []certwise.Motive{certwise.MotiveCapabilityGap, certwise.MotiveRoleTransition},
		CapabilityGap: "designing retrieval systems with LLMs",
		TargetRole:    &certwise.TargetRole{Title: "Software architect", Occupation: "15-1299.08"},
	}
	named := base
	named.Certification = &certwise.CertificationChoice{ID: "aws-genai-developer-professional"}
	named.HeldCertifications = []string{"AWS Certified Developer - Associate", "CompTIA Security+"}
	for _, c := range []struct {
		name string
		a    certwise.Answers
	}{{"pursue", base}, {"pursue_named", named}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			rules.ReportCPU(b, func() {
				for b.Loop() {
					if _, err := e.Evaluate(ctx, c.a); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}
