package catalog

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/certwise/certwise"
)

// TestRecommendRealisticGaps ranks the embedded catalog for gaps people of
// different fields write, and checks that their own field's credentials,
// and AI credentials over general ones, come first.
func TestRecommendRealisticGaps(t *testing.T) {
	c := mustLoad(t)
	tests := []struct {
		name    string
		req     certwise.RecommendRequest
		firstOf []string // the first recommendation is one of these
		notIn   []string // none of these is recommended
	}{
		{
			name:    "a marketer using ChatGPT for copy gets marketing and everyday-AI credentials, not agent-building ones",
			req:     certwise.RecommendRequest{Gap: "use ChatGPT to write marketing copy faster"},
			firstOf: []string{"google-ads-ai-performance", "openai-ai-foundations"},
			notIn:   []string{"oracle-agentic-ai-foundations-associate", "ms-ai-agent-builder-associate", "aws-genai-developer-professional", "google-certified-educator-l1"},
		},
		{
			name:    "the same gap from a marketing manager",
			req:     certwise.RecommendRequest{Gap: "use ChatGPT to write marketing copy faster", RoleCode: "11-2021.00"},
			firstOf: []string{"google-ads-ai-performance", "openai-ai-foundations"},
			notIn:   []string{"oracle-agentic-ai-foundations-associate", "aws-ai-practitioner"},
		},
		{
			name:    "a registered nurse moving into nursing informatics",
			req:     certwise.RecommendRequest{Gap: "move into nursing informatics and improve EHR workflows", RoleCode: "29-1141.00", TargetCode: "15-1211.01"},
			firstOf: []string{"ancc-informatics-nursing", "himss-cahims", "amia-ahic"},
			notIn:   []string{"aws-ai-practitioner", "ms-ai-agent-builder-associate", "ms-azure-ai-fundamentals", "isaca-aaism"},
		},
		{
			name:    "a project manager leading AI projects gets PMI-CPMAI before general project credentials",
			req:     certwise.RecommendRequest{Gap: "lead AI projects", RoleCode: "13-1082.00"},
			firstOf: []string{"pmi-cpmai"},
			notIn:   []string{"comptia-secai", "pecb-iso42001-lead-auditor", "iapp-aigp"},
		},
		{
			name:    "an HR generalist gets people analytics, not AI audit",
			req:     certwise.RecommendRequest{Gap: "use AI to screen resumes and analyse attrition", RoleCode: "13-1071.00"},
			firstOf: []string{"aihr-people-analytics"},
			notIn:   []string{"isaca-aaia", "isaca-aaism"},
		},
		{
			name:    "a teacher planning lessons with AI",
			req:     certwise.RecommendRequest{Gap: "use AI to plan lessons and give students feedback", RoleCode: "25-2031.00"},
			firstOf: []string{"openai-chatgpt-foundations-teachers", "iste-certified-educator", "google-certified-educator-l1"},
			notIn:   []string{"google-ads-ai-performance", "aws-ai-practitioner"},
		},
		{
			name:    "a paralegal doing AI-assisted document review",
			req:     certwise.RecommendRequest{Gap: "AI-assisted document review for e-discovery", RoleCode: "23-2011.00"},
			firstOf: []string{"aceds-ceds", "relativity-rca", "iapp-cipp-us"},
		},
		{
			name:    "an accountant automating reporting",
			req:     certwise.RecommendRequest{Gap: "automate financial reporting with AI", RoleCode: "13-2011.00"},
			firstOf: []string{"garp-rai", "ima-cma", "aicpa-citp"},
			notIn:   []string{"google-ads-ai-performance"},
		},
		{
			name:    "a developer building RAG apps gets builders' credentials",
			req:     certwise.RecommendRequest{Gap: "build RAG apps with LLMs", RoleCode: "15-1252.00"},
			firstOf: []string{"anthropic-claude-architect-foundations", "oracle-oci-genai-professional", "databricks-genai-engineer-associate", "aws-genai-developer-professional", "snowflake-snowpro-genai"},
			notIn:   []string{"google-ai-essentials", "openai-ai-foundations"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := c.RecommendDetailed(context.Background(), tt.req)
			if err != nil {
				t.Fatal(err)
			}
			got := ids(res.Recommendations)
			if len(got) == 0 || !slices.Contains(tt.firstOf, got[0]) {
				t.Errorf("ranked %v, want one of %v first", got, tt.firstOf)
			}
			for _, id := range tt.notIn {
				if slices.Contains(got, id) {
					t.Errorf("ranked %v, which includes %s", got, id)
				}
			}
			if res.NoFieldMatch {
				t.Errorf("no_field_match set for a field the catalog serves: %s", res.FieldNote)
			}
		})
	}
}

// TestRecommendNoFieldMatch: when no certification is made for the
// person's field, the result says so and offers no other field's
// certificate, only general AI-literacy ones.
func TestRecommendNoFieldMatch(t *testing.T) {
	c := mustLoad(t)
	for _, req := range []certwise.RecommendRequest{
		{Gap: "use AI to plan menus and order stock", RoleCode: "35-2014.00"},
		{Gap: "use ChatGPT to write faster", RoleCode: "35-1011.00"},
		{Gap: "machine learning", TargetCode: "47-2111.00"},
	} {
		t.Run(req.RoleCode+req.TargetCode, func(t *testing.T) {
			res, err := c.RecommendDetailed(context.Background(), req)
			if err != nil {
				t.Fatal(err)
			}
			if !res.NoFieldMatch || !strings.Contains(res.FieldNote, "No certification in the catalog is made for") {
				t.Errorf("no_field_match %v, note %q", res.NoFieldMatch, res.FieldNote)
			}
			for _, r := range res.Recommendations {
				cert, err := c.Get(r.ID)
				if err != nil {
					t.Fatal(err)
				}
				if !cert.AnyField {
					t.Errorf("offered %s, made for other fields", r.ID)
				}
			}
		})
	}
	// A field the catalog serves does not set the flag.
	res, err := c.RecommendDetailed(context.Background(), certwise.RecommendRequest{Gap: "machine learning", RoleCode: "15-2051.00"})
	if err != nil {
		t.Fatal(err)
	}
	if res.NoFieldMatch || res.FieldNote != "" {
		t.Errorf("data scientists got no_field_match %v (%q)", res.NoFieldMatch, res.FieldNote)
	}
}

// TestRecommendRoleLimitsToField: with a role given, certifications made
// only for other fields are left out (small catalog: b-gov serves 13-1041).
func TestRecommendRoleLimitsToField(t *testing.T) {
	c := smallCatalog(t)
	res, err := c.RecommendDetailed(context.Background(), certwise.RecommendRequest{Gap: "machine learning", RoleCode: "13-1041.00"})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(res.Recommendations); !slices.Equal(got, []string{"b-gov", "b-gov2"}) {
		t.Errorf("ranked %v, want only the compliance field's b-gov, b-gov2", got)
	}
}

func TestAudienceCue(t *testing.T) {
	tests := []struct{ gap, want string }{
		{"use ChatGPT to write marketing copy faster", audienceUse},
		{"build RAG apps with LLMs", audienceBuild},
		{"deploy ML models to production", audienceBuild},
		{"AI governance", ""},
		{"use Python to build a model", ""}, // both: no cue
	}
	for _, tt := range tests {
		if got := audienceCue(tt.gap); got != tt.want {
			t.Errorf("audienceCue(%q) = %q, want %q", tt.gap, got, tt.want)
		}
	}
}

func TestCostProvenanceCoverage(t *testing.T) {
	c := mustLoad(t)
	counts := map[string]int{}
	for _, cert := range c.All() {
		counts[cert.CostProvenance]++
	}
	t.Logf("catalog %d: cost provenance %v", c.Len(), counts)
	if counts[certwise.ProvenanceOfficial]+counts[certwise.ProvenanceCorroborated] == 0 {
		t.Error("no official or corroborated cost at all")
	}
}
