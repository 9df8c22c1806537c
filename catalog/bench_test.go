package catalog

import (
	"bytes"
	"context"
	"testing"

	"github.com/certwise/certwise"
)

// BenchmarkParse decodes and validates the embedded catalog and vocabulary
// (what the first Load of a process pays).
func BenchmarkParse(b *testing.B) {
	for b.Loop() {
		if _, err := Parse(certificationsYAML, skillsYAML); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRecommend ranks the whole catalog for a gap of three skills, a
// target role, a budget and an hours limit.
func BenchmarkRecommend(b *testing.B) {
	c, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	budget, hours := 300.0, 80.0
	req := certwise.RecommendRequest{
		Gap:        "build RAG chatbots with LLMs, prompt engineering and AI governance",
		TargetCode: "15-1252.00",
		RoleCode:   "15-2051.00",
		BudgetUSD:  &budget,
		MaxHours:   &hours,
	}
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		if _, err := c.Recommend(ctx, req); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCTDL writes the whole catalog as CTDL JSON-LD.
func BenchmarkCTDL(b *testing.B) {
	c, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := c.WriteCTDL(&buf); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFit judges a named certification for a person who holds two
// others, beside the recommendation the engine already makes for the same
// person, in one run:
//
//	go test ./catalog -run '^$' -bench 'Fit' -cpu 1 -count 10
func BenchmarkFit(b *testing.B) {
	c, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	zone := 4
	held := []string{"CISA", "CompTIA Security+"}
	gap := "auditing machine-learning models and generative-AI controls"
	ctx := context.Background()
	b.Run("recommend", func(b *testing.B) {
		req := certwise.RecommendRequest{Gap: gap, RoleCode: "13-2011.00", Top: 3, Held: held}
		for b.Loop() {
			if _, err := c.Recommend(ctx, req); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("fit", func(b *testing.B) {
		req := certwise.FitRequest{Certification: certwise.CertificationChoice{ID: "isaca-aaia"}, Gap: gap, RoleCode: "13-2011.00", JobZone: &zone, Held: held}
		for b.Loop() {
			if _, err := c.Fit(ctx, req); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("fit_by_name", func(b *testing.B) {
		req := certwise.FitRequest{Certification: certwise.CertificationChoice{Name: "ISACA Advanced in AI Audit"}, Gap: gap, RoleCode: "13-2011.00", JobZone: &zone, Held: held}
		for b.Loop() {
			if _, err := c.Fit(ctx, req); err != nil {
				b.Fatal(err)
			}
		}
	})
}
