package catalog

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/certwise/certwise"
)

func zone(n int) *int { return &n }

// TestFitRealisticCases judges the certification people of different
// fields name, with the embedded catalog (issue 15 item 4).
func TestFitRealisticCases(t *testing.T) {
	c := mustLoad(t)
	tests := []struct {
		name      string
		req       certwise.FitRequest
		judgement string
		missing   bool     // a prerequisite is missing
		altsIn    []string // each of these is among the alternatives
		altsNotIn []string // none of these is
		noAlts    bool
	}{
		{
			name: "a support lead naming Salesforce Agentforce Specialist is judged, not outranked by AB-620",
			req: certwise.FitRequest{Certification: certwise.CertificationChoice{ID: "salesforce-agentforce-specialist"},
				Gap: "set up Agentforce AI agents to deflect support cases and speed up case resolution", RoleCode: "43-1011.00", JobZone: zone(3)},
			judgement: certwise.FitGood,
			altsNotIn: []string{"ms-ai-agent-builder-associate"},
		},
		{
			name: "an HR generalist naming ISACA AAIA without CISA",
			req: certwise.FitRequest{Certification: certwise.CertificationChoice{ID: "isaca-aaia"},
				Gap: "use AI to screen resumes and analyse attrition", RoleCode: "13-1071.00", JobZone: zone(4), Held: []string{"SHRM-CP"}},
			judgement: certwise.FitPrerequisiteMissing,
			missing:   true,
			altsIn:    []string{"aihr-people-analytics"},
			altsNotIn: []string{"shrm-cp", "isaca-aaia", "isaca-aaism"},
		},
		{
			name: "a nurse naming AAISM without CISM",
			req: certwise.FitRequest{Certification: certwise.CertificationChoice{ID: "isaca-aaism"},
				Gap: "move into nursing informatics and improve EHR workflows", RoleCode: "29-1141.00", JobZone: zone(3)},
			judgement: certwise.FitPrerequisiteMissing,
			missing:   true,
			altsIn:    []string{"ancc-informatics-nursing"},
		},
		{
			name: "a security manager naming AAISM who holds CISSP can sit it",
			req: certwise.FitRequest{Certification: certwise.CertificationChoice{ID: "isaca-aaism"},
				Gap: "secure our AI systems and manage AI security risk", RoleCode: "11-3021.00", JobZone: zone(4), Held: []string{"(ISC)2 CISSP"}},
			judgement: certwise.FitGood,
		},
		{
			name: "an IT auditor holding CISA naming AAIA for a gap that also names what is audited",
			req: certwise.FitRequest{Certification: certwise.CertificationChoice{ID: "isaca-aaia"},
				Gap:      "auditing machine-learning models and generative-AI controls (data lineage, drift monitoring, model validation evidence)",
				RoleCode: "13-2011.00", JobZone: zone(4), Held: []string{"CompTIA Security+", "CISA"}},
			judgement: certwise.FitGood,
			altsNotIn: []string{"isaca-cisa"},
		},
		{
			name: "a teacher naming a custom AI-in-education certificate whose name says its field",
			req: certwise.FitRequest{Certification: certwise.CertificationChoice{Name: "ISTE AI in Education certificate", Skills: []string{"generative-ai", "responsible-ai"}},
				Gap:      "designing math assessments that still measure understanding when students use AI",
				RoleCode: "25-2031.00", JobZone: zone(4)},
			judgement: certwise.FitGood,
		},
		{
			name: "a data engineer naming SnowPro Gen AI by name, holding SnowPro Core",
			req: certwise.FitRequest{Certification: certwise.CertificationChoice{Name: "Snowflake SnowPro Specialty Gen AI"},
				Gap: "build LLM applications on our Snowflake data", RoleCode: "15-1243.00", JobZone: zone(4), Held: []string{"SnowPro Core"}},
			judgement: certwise.FitGood,
			noAlts:    true,
		},
		{
			name: "a product manager naming PMI-CPMAI",
			req: certwise.FitRequest{Certification: certwise.CertificationChoice{ID: "pmi-cpmai"},
				Gap: "lead AI product work and manage AI projects", RoleCode: "11-2021.00", JobZone: zone(4)},
			judgement: certwise.FitGood,
			altsNotIn: []string{"aipmm-cpm", "pragmatic-pmc", "pmi-pmp"},
		},
		{
			name: "a sales development rep naming NVIDIA's professional LLM exam",
			req: certwise.FitRequest{Certification: certwise.CertificationChoice{ID: "nvidia-genai-llm-professional"},
				Gap: "use AI to research accounts and personalise outreach emails faster", RoleCode: "41-4012.00", JobZone: zone(3)},
			judgement: certwise.FitPoor,
		},
		{
			name: "an HR generalist naming a custom course by its skills",
			req: certwise.FitRequest{Certification: certwise.CertificationChoice{Name: "Acme People Analytics Bootcamp", Skills: []string{"people-analytics"}},
				Gap: "analyse attrition with AI", RoleCode: "13-1071.00", JobZone: zone(4)},
			judgement: certwise.FitGood,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := c.Fit(context.Background(), tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if f.Judgement != tt.judgement {
				t.Errorf("judgement %s (%s), want %s", f.Judgement, f.Summary, tt.judgement)
			}
			if !f.Prerequisites.Met != tt.missing || (len(f.Prerequisites.Missing) > 0) != tt.missing {
				t.Errorf("prerequisites %+v, want missing: %v", f.Prerequisites, tt.missing)
			}
			if f.Summary == "" || f.Gap.Text == "" || f.LevelFit.Text == "" || f.Cost.Text == "" || f.Hours.Text == "" {
				t.Errorf("a part of the fit is not said in words: %+v", f)
			}
			ids := make([]string, len(f.Alternatives))
			for i, a := range f.Alternatives {
				ids[i] = a.ID
				if len(a.Why) == 0 {
					t.Errorf("alternative %s says no why", a.ID)
				}
				if missing, _, _ := c.Prerequisites(a.ID, tt.req.Held); len(missing) > 0 {
					t.Errorf("alternative %s requires %v, which the person lacks", a.ID, missing)
				}
			}
			if len(ids) > 3 {
				t.Errorf("%d alternatives, want at most 3", len(ids))
			}
			for _, id := range tt.altsIn {
				if !slices.Contains(ids, id) {
					t.Errorf("alternatives %v lack %s", ids, id)
				}
			}
			for _, id := range tt.altsNotIn {
				if slices.Contains(ids, id) {
					t.Errorf("alternatives %v include %s", ids, id)
				}
			}
			if tt.noAlts && len(ids) > 0 {
				t.Errorf("alternatives %v, want none", ids)
			}
		})
	}
}

// TestFitLevelAgainstJobZone checks the level reading at both ends.
func TestFitLevelAgainstJobZone(t *testing.T) {
	tests := []struct {
		level string
		zone  *int
		want  string
	}{
		{certwise.LevelFoundational, zone(5), certwise.LevelFitBelow},
		{certwise.LevelFoundational, zone(4), certwise.LevelFitBelow},
		{certwise.LevelFoundational, zone(3), certwise.LevelFitMatches},
		{certwise.LevelProfessional, zone(2), certwise.LevelFitNeedsMorePreparation},
		{certwise.LevelSpecialty, zone(1), certwise.LevelFitNeedsMorePreparation},
		{certwise.LevelProfessional, zone(3), certwise.LevelFitMatches},
		{certwise.LevelAssociate, zone(2), certwise.LevelFitMatches},
		{certwise.LevelAssociate, nil, certwise.LevelFitUnknown},
		{"", zone(3), certwise.LevelFitUnknown},
	}
	for _, tt := range tests {
		if got := levelFit(tt.level, tt.zone); got.Fit != tt.want || got.Text == "" {
			t.Errorf("levelFit(%q, %v) = %+v, want %s", tt.level, tt.zone, got, tt.want)
		}
	}
}

// TestFitCostProvenance checks that a reported figure never stands as a
// confirmed cost: USD holds only official and corroborated figures.
func TestFitCostProvenance(t *testing.T) {
	c := mustLoad(t)
	seen := map[string]bool{}
	for _, cert := range c.All() {
		f, err := c.Fit(context.Background(), certwise.FitRequest{Certification: certwise.CertificationChoice{ID: cert.ID}, Gap: "generative AI"})
		if err != nil {
			t.Fatal(err)
		}
		seen[f.Cost.Provenance] = true
		switch f.Cost.Provenance {
		case certwise.ProvenanceOfficial, certwise.ProvenanceCorroborated:
			if f.Cost.USD == nil {
				t.Errorf("%s: %s cost without a figure", cert.ID, f.Cost.Provenance)
			}
		case certwise.ProvenanceReported, certwise.ProvenanceNone:
			if f.Cost.USD != nil {
				t.Errorf("%s: a %s cost of %v stands as confirmed", cert.ID, f.Cost.Provenance, *f.Cost.USD)
			}
			if f.Cost.ReportedUSD != nil && !strings.Contains(f.Cost.Text, "unverified") {
				t.Errorf("%s: reported cost reads %q", cert.ID, f.Cost.Text)
			}
		default:
			t.Errorf("%s: provenance %q", cert.ID, f.Cost.Provenance)
		}
	}
	if !seen[certwise.ProvenanceCorroborated] || !seen[certwise.ProvenanceNone] {
		t.Errorf("provenances seen %v; the catalog has corroborated and unpriced entries", seen)
	}
	custom, err := c.Fit(context.Background(), certwise.FitRequest{Certification: certwise.CertificationChoice{Name: "Acme AI Course", CostUSD: ptr(300)}, Gap: "generative AI"})
	if err != nil {
		t.Fatal(err)
	}
	if custom.Cost.USD != nil || custom.Cost.Provenance != certwise.ProvenanceStated || !strings.Contains(custom.Cost.Text, "not checked") {
		t.Errorf("custom cost %+v", custom.Cost)
	}
}

// TestResolveNames reads certification names as people write them.
func TestResolveNames(t *testing.T) {
	c := mustLoad(t)
	tests := []struct{ name, want string }{
		{"isaca-aaia", "isaca-aaia"},
		{"ISACA-AAIA", "isaca-aaia"},
		{"AAIA", "isaca-aaia"},
		{"ISACA AAIA", "isaca-aaia"},
		{"Advanced in AI Audit", "isaca-aaia"},
		{"Salesforce Agentforce Specialist", "salesforce-agentforce-specialist"},
		{"salesforce certified agentforce specialist", "salesforce-agentforce-specialist"},
		{"CISA", "isaca-cisa"},
		{"Certified Information Systems Auditor", "isaca-cisa"},
		{"PMI-CPMAI", "pmi-cpmai"},
		{"AWS AI Practitioner", "aws-ai-practitioner"},
		{"AIGP", "iapp-aigp"},
		{"Professional", ""},   // a level word names no certification
		{"Acme AI Course", ""}, // not in the catalog
	}
	for _, tt := range tests {
		got, ok := c.Resolve(tt.name)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("Resolve(%q) = %q, %v; want %q", tt.name, got, ok, tt.want)
		}
	}
}

func TestFitErrors(t *testing.T) {
	c := mustLoad(t)
	tests := []struct {
		req   certwise.FitRequest
		field string
	}{
		{certwise.FitRequest{Certification: certwise.CertificationChoice{ID: "no-such-cert"}}, "certification.id"},
		{certwise.FitRequest{}, "certification"},
		{certwise.FitRequest{Certification: certwise.CertificationChoice{ID: "pmi-cpmai"}, RoleCode: "13-1071"}, "role"},
	}
	for _, tt := range tests {
		_, err := c.Fit(context.Background(), tt.req)
		if certwise.ErrorCode(err) != certwise.EINVALID || certwise.ErrorField(err) != tt.field {
			t.Errorf("%+v: %v, want EINVALID on %s", tt.req, err, tt.field)
		}
	}
}
