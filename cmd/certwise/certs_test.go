package main

import (
	"bufio"
	"encoding/json"
	"strings"
	"testing"

	"github.com/certwise/certwise"
)

func TestCertsCLI(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		code     int
		stdout   []string // substrings of stdout
		stderr   []string // substrings of stderr
		noStdout []string
	}{
		{"list", []string{"certs", "list"}, 0,
			[]string{"aws-ai-practitioner", "iapp-aigp", "certifications;"}, nil, nil},
		{"list by level and provider", []string{"certs", "list", "--level", "specialty", "--provider", "isaca"}, 0,
			[]string{"isaca-aaia", "isaca-aaism", "3 of"}, nil, []string{"iapp-aigp"}},
		{"list by skill", []string{"certs", "list", "--skill", "ai-audit"}, 0,
			[]string{"isaca-aaia", "pecb-iso42001-lead-auditor"}, nil, []string{"aws-ai-practitioner"}},
		{"list by max cost keeps free and cheap", []string{"certs", "list", "--max-cost", "0"}, 0,
			[]string{"oracle-agentic-ai-foundations-associate"}, nil, []string{"comptia-secai"}},
		{"list unknown skill", []string{"certs", "list", "--skill", "wizardry"}, 2,
			nil, []string{"unknown skill \"wizardry\""}, nil},
		{"list bad format", []string{"certs", "list", "--format", "xml"}, 2,
			nil, []string{"unknown format \"xml\""}, nil},
		{"show", []string{"certs", "show", "isaca-aaism"}, 0,
			[]string{"ISACA Advanced in AI Security Management", "official page", "https://www.isaca.org/credentialing/aaism", "notes:"}, nil, nil},
		{"show unknown id suggests", []string{"certs", "show", "iapp-aigpp"}, 2,
			nil, []string{`"iapp-aigpp"`, "did you mean iapp-aigp"}, nil},
		{"show needs one id", []string{"certs", "show"}, 2, nil, nil, nil},
		{"compare", []string{"certs", "compare", "iapp-aigp", "isaca-aaia"}, 0,
			[]string{"iapp-aigp", "isaca-aaia", "skill: ai-audit", "exam questions"}, nil, nil},
		{"compare needs two ids", []string{"certs", "compare", "iapp-aigp"}, 2, nil, nil, nil},
		{"compare unknown id", []string{"certs", "compare", "iapp-aigp", "nope-cert"}, 2,
			nil, []string{`"nope-cert"`}, nil},
		{"recommend", []string{"certs", "recommend", "--gap", "prompt engineering for my daily work", "--top", "3"}, 0,
			[]string{"Your gap reads as: Prompt engineering", "1. ", "3. "}, nil, []string{"4. "}},
		{"recommend with budget says what it left out", []string{"certs", "recommend", "--gap", "build RAG apps with LLMs", "--budget", "150"}, 0,
			[]string{"Left out by your limits:", "over your budget of $150"}, nil, nil},
		{"recommend target code", []string{"certs", "recommend", "--gap", "AI governance", "--target", "13-1041.00", "--top", "1"}, 0,
			[]string{"Target role: 13-1041.00 Compliance Officers", "serves your target role"}, nil, nil},
		{"recommend target title", []string{"certs", "recommend", "--gap", "machine learning", "--target", "data scientist", "--top", "1"}, 0,
			[]string{"Target role: 15-2051.00 Data Scientists"}, nil, nil},
		{"recommend ambiguous target title", []string{"certs", "recommend", "--gap", "machine learning", "--target", "manager"}, 2,
			nil, []string{"ambiguous", "give one of these codes"}, nil},
		{"recommend unknown target code", []string{"certs", "recommend", "--gap", "machine learning", "--target", "15-2051.77"}, 2,
			nil, []string{"15-2051.77 is not an O*NET-SOC occupation code", "nearest: 15-2051"}, nil},
		{"recommend without held certifications flags AAIA's prerequisite", []string{"certs", "recommend", "--gap", "audit AI systems", "--role", "13-2011.00", "--top", "8"}, 0,
			[]string{"isaca-cisa —", "you cannot sit it yet: it requires An active CISA"}, nil, nil},
		{"recommend with held certifications", []string{"certs", "recommend", "--gap", "audit AI systems", "--role", "13-2011.00", "--top", "3", "--held", "ISACA CISA"}, 0,
			[]string{"isaca-aaia —", "you hold ISACA CISA"}, nil, []string{"isaca-cisa —", "you cannot sit it yet"}},
		{"recommend unmappable gap", []string{"certs", "recommend", "--gap", "underwater basket weaving"}, 2,
			nil, []string{"could not map"}, nil},
		{"recommend nothing to go on", []string{"certs", "recommend"}, 2,
			nil, []string{"gap"}, nil},
		{"show lists each fee with its provenance, conflicts included", []string{"certs", "show", "nvidia-genai-llm-professional"}, 0,
			[]string{"pages disagree: $400 or $200 (unverified)", "exam $400 (reported, 1 page", "exam $200 (reported, 1 page"}, nil, nil},
		{"show lists structured prerequisites", []string{"certs", "show", "isaca-aaia"}, 0,
			[]string{"required", "An active CISA, or an accepted audit designation"}, nil, nil},
		{"recommend with a held credential", []string{"certs", "recommend", "--gap", "audit AI systems", "--role", "13-2011.00", "--held", "CISA", "--top", "10"}, 0,
			[]string{"you hold CISA", "Together: cost"}, nil, nil},
		{"recommend without it flags the prerequisite", []string{"certs", "recommend", "--gap", "audit AI systems", "--role", "13-2011.00", "--top", "10"}, 0,
			[]string{"you cannot sit it yet"}, nil, []string{"you hold CISA"}},
		{"recommend for a field the catalog does not serve", []string{"certs", "recommend", "--gap", "machine learning", "--role", "35-2014.00"}, 0,
			[]string{"No certification in the catalog is made for the field of 35-2014.00"}, nil, []string{"1. "}},
		{"skills", []string{"certs", "skills"}, 0,
			[]string{"prompt-engineering", "ai-governance"}, nil, nil},
		{"export needs ctdl", []string{"certs", "export", "--format", "csv"}, 2,
			nil, []string{"unknown format \"csv\""}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.code, out, errOut)
			}
			for _, s := range tt.stdout {
				if !strings.Contains(out, s) {
					t.Errorf("stdout lacks %q:\n%s", s, out)
				}
			}
			for _, s := range tt.noStdout {
				if strings.Contains(out, s) {
					t.Errorf("stdout has %q:\n%s", s, out)
				}
			}
			for _, s := range tt.stderr {
				if !strings.Contains(errOut, s) {
					t.Errorf("stderr lacks %q:\n%s", s, errOut)
				}
			}
		})
	}
}

func TestCertsJSONFormats(t *testing.T) {
	code, out, errOut := runCLI(t, "certs", "list", "--format", "json", "--provider", "aws")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var certs []certwise.Certification
	if err := json.Unmarshal([]byte(out), &certs); err != nil || len(certs) != 3 {
		t.Fatalf("list json: %d certifications, %v\n%s", len(certs), err, out)
	}

	code, out, _ = runCLI(t, "certs", "list", "--format", "jsonl", "--level", "professional")
	if code != 0 {
		t.Fatalf("jsonl exit %d", code)
	}
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	lines := 0
	for sc.Scan() {
		var c certwise.Certification
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil || c.Level != certwise.LevelProfessional {
			t.Errorf("jsonl line %d: %v level %q", lines, err, c.Level)
		}
		lines++
	}
	if lines < 2 {
		t.Errorf("jsonl gave %d lines", lines)
	}

	code, out, _ = runCLI(t, "certs", "compare", "iapp-aigp", "isaca-aaia", "--format", "json")
	if code != 0 {
		t.Fatalf("compare json exit %d", code)
	}
	if err := json.Unmarshal([]byte(out), &certs); err != nil || len(certs) != 2 || certs[0].ID != "iapp-aigp" {
		t.Errorf("compare json: %v %v", certs, err)
	}

	code, out, _ = runCLI(t, "certs", "recommend", "--gap", "deploy ML models", "--hours", "60", "--format", "json")
	if code != 0 {
		t.Fatalf("recommend json exit %d", code)
	}
	var res struct {
		Recommendations []certwise.Recommendation `json:"recommendations"`
		Excluded        []struct{ ID, Reason string }
		GapSkills       []struct{ Skill string } `json:"gap_skills"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Recommendations) == 0 || len(res.Excluded) == 0 || len(res.GapSkills) == 0 {
		t.Errorf("recommend json incomplete: %+v", res)
	}
	for _, r := range res.Recommendations {
		if len(r.Why) == 0 || (r.PrepHours != nil && *r.PrepHours > 60) {
			t.Errorf("%s: why %v, prep %v", r.ID, r.Why, r.PrepHours)
		}
	}
}

func TestCertsExportCTDL(t *testing.T) {
	code, out, errOut := runCLI(t, "certs", "export", "--format", "ctdl")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc struct {
		Context string           `json:"@context"`
		Graph   []map[string]any `json:"@graph"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not JSON-LD: %v", err)
	}
	if doc.Context == "" || len(doc.Graph) < 40 {
		t.Errorf("context %q, %d nodes", doc.Context, len(doc.Graph))
	}
}

// TestExamAndValidityText checks how certs show words a figure: its unit
// after the number, "?" for one only a secondary page reports, and one year
// in the singular.
func TestExamAndValidityText(t *testing.T) {
	one, three := 1.0, 3.0
	minutes, questions := 45, 60
	for _, c := range []struct {
		name           string
		cert           certwise.Certification
		exam, validity string
	}{
		{"nothing known", certwise.Certification{}, "format not verified; minutes not verified; questions not verified", "not verified"},
		{"official minutes only", certwise.Certification{Exam: &certwise.Exam{Format: "exam", Minutes: &minutes}, ValidityYears: &one},
			"exam; 45 minutes; questions not verified", "1 year"},
		{"reported figures", certwise.Certification{Reported: &certwise.Reported{ExamMinutes: &minutes, ExamQuestions: &questions, ValidityYears: &three}},
			"format not verified; 45 minutes?; 60 questions?", "3 years?"},
		{"reported one year", certwise.Certification{Reported: &certwise.Reported{ValidityYears: &one}},
			"format not verified; minutes not verified; questions not verified", "1 year?"},
	} {
		if got := examText(c.cert); got != c.exam {
			t.Errorf("%s: exam %q, want %q", c.name, got, c.exam)
		}
		if got := yearsText(c.cert); got != c.validity {
			t.Errorf("%s: validity %q, want %q", c.name, got, c.validity)
		}
	}
}
