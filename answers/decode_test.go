package answers

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/certwise/certwise"
)

func TestDecodeFull(t *testing.T) {
	for _, name := range []string{"full.yaml", "minimal.json"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Decode(bytes.NewReader(b), "auto"); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	b, _ := os.ReadFile("testdata/full.yaml")
	a, err := Decode(bytes.NewReader(b), "yaml")
	if err != nil {
		t.Fatal(err)
	}
	if a.Role.Occupation != "15-2051.01" || !a.Position.ExpandingIntoSystemDesign || a.Organization.AIAdoptionPhase != certwise.PhaseProductivityNormalization {
		t.Errorf("fields not read: %+v", a)
	}
	if got := a.Role.WorkMix[certwise.Analysis]; math.Abs(got-0.4) > 1e-9 {
		t.Errorf("work_mix.analysis = %v, want 0.4 after normalizing", got)
	}
	if got := a.Role.ActivityShares["4.A.2.a.4.I09"]; math.Abs(got-0.5) > 1e-9 {
		t.Errorf("activity share = %v, want 0.5", got)
	}
	if a.Certification == nil || *a.Certification.CostUSD != 300 || len(a.Certification.Skills) != 2 {
		t.Errorf("certification = %+v", a.Certification)
	}
	if a.TargetRole.Empty() || len(a.Motives) != 2 || a.Positioning != certwise.Offensive {
		t.Errorf("answers = %+v", a)
	}
}

func TestDecodeSameInBothFormats(t *testing.T) {
	j := `{"role":{"title":"x","work_mix":{"reporting":1}},"motives":["capability_gap"],"target_role":{}}`
	y := "role: {title: x, work_mix: {reporting: 1}}\nmotives: [capability_gap]\ntarget_role: {}\n"
	aj, err := Decode(strings.NewReader(j), "json")
	if err != nil {
		t.Fatal(err)
	}
	ay, err := Decode(strings.NewReader(y), "yaml")
	if err != nil {
		t.Fatal(err)
	}
	if aj.Role.Title != ay.Role.Title || aj.Role.WorkMix[certwise.Reporting] != 1 || ay.Role.WorkMix[certwise.Reporting] != 1 || aj.TargetRole != nil || ay.TargetRole != nil {
		t.Errorf("json %+v != yaml %+v", aj, ay)
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, format, in, field, msg string
	}{
		{"unknown top field", "json", `{"rol": {}}`, "rol", "allowed here: capability_gap"},
		{"unknown nested field", "yaml", "organization: {size: 3}", "organization.size", "ai_adoption_phase"},
		{"phase vocabulary", "yaml", "organization: {ai_adoption_phase: hype}", "organization.ai_adoption_phase", "exploration, early_adoption, productivity_normalization, mature"},
		{"phase wrong type", "json", `{"organization": {"ai_adoption_phase": 3}}`, "organization.ai_adoption_phase", "must be one of"},
		{"bool as string", "json", `{"position": {"owns_measurable_outcomes": "yes"}}`, "position.owns_measurable_outcomes", "true or false"},
		{"yaml yes is text", "yaml", "position: {ai_enhanced_role: 'yes'}", "position.ai_enhanced_role", "true or false"},
		{"motive vocabulary", "json", `{"motives": ["capability_gap", "fomo"]}`, "motives[1]", "credential_signal"},
		{"motive twice", "json", `{"motives": ["capability_gap", "capability_gap"]}`, "motives[1]", "twice"},
		{"motives not list", "yaml", "motives: capability_gap", "motives", "a list"},
		{"negative share", "json", `{"role": {"work_mix": {"reporting": -1, "analysis": 2}}}`, "role.work_mix.reporting", "zero or more"},
		{"zero shares", "yaml", "role: {work_mix: {reporting: 0, analysis: 0}}", "role.work_mix", "all be zero"},
		{"unknown class", "yaml", "role: {work_mix: {meetings: 1}}", "role.work_mix.meetings", "system_design"},
		{"share not number", "json", `{"role": {"activity_shares": {"4.A.1": "a lot"}}}`, "role.activity_shares.4.A.1", "a number"},
		{"zero activity shares", "json", `{"role": {"activity_shares": {"4.A.1": 0}}}`, "role.activity_shares", "all be zero"},
		{"bad code", "yaml", "role: {occupation: nurse}", "role.occupation", "O*NET-SOC"},
		{"bad target code", "yaml", "target_role: {occupation: 151252}", "target_role.occupation", "text"},
		{"self assessed", "yaml", "role: {exposure_self_assessed: extreme}", "role.exposure_self_assessed", "unknown, low, moderate, high, structural"},
		{"authority", "yaml", "expected_authority_gain: lots", "expected_authority_gain", "knowledge_only"},
		{"positioning", "yaml", "positioning: sideways", "positioning", "defensive, offensive"},
		{"empty certification", "yaml", "certification: {skills: [a]}", "certification", "id from the catalog"},
		{"negative cost", "json", `{"certification": {"name": "x", "cost_usd": -5}}`, "certification.cost_usd", "zero or more"},
		{"skill type", "json", `{"certification": {"name": "x", "skills": [1]}}`, "certification.skills[0]", "text"},
		{"duplicate json key", "json", `{"motives": [], "motives": []}`, "motives", "more than once"},
		{"duplicate yaml key", "yaml", "motives: []\nmotives: []\n", "motives", "more than once"},
		{"not an object", "json", `[1, 2]`, "", "an object"},
		{"trailing", "json", `{} {}`, "", "more than one"},
		{"yaml alias", "yaml", "role: &r {title: a}\ntarget_role: *r\n", "target_role", "aliases"},
		{"empty", "auto", "  \n", "", "empty"},
		{"syntax", "json", `{"motives": [`, "", "invalid JSON"},
		{"format", "toml", `a = 1`, "format", "allowed: json, yaml, auto"},
		{"too big", "json", `{"capability_gap": "` + strings.Repeat("a", MaxBytes) + `"}`, "", "larger than"},
		{"gap too long", "json", `{"capability_gap": "` + strings.Repeat("a", certwise.MaxGapChars+1) + `"}`, "capability_gap", "at most"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode(strings.NewReader(tt.in), tt.format)
			if err == nil {
				t.Fatal("no error")
			}
			if certwise.ErrorCode(err) != certwise.EINVALID {
				t.Errorf("code = %q, want invalid (%v)", certwise.ErrorCode(err), err)
			}
			if got := certwise.ErrorField(err); got != tt.field {
				t.Errorf("field = %q, want %q (%v)", got, tt.field, err)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q does not say %q", err, tt.msg)
			}
		})
	}
}

func TestDecodeByteOrderMark(t *testing.T) {
	for _, in := range []string{"\xef\xbb\xbf{\"motives\": [\"capability_gap\"]}", "\xef\xbb\xbfmotives: [capability_gap]\n"} {
		a, err := Decode(strings.NewReader(in), "auto")
		if err != nil || len(a.Motives) != 1 {
			t.Errorf("%q: %v %+v", in, err, a)
		}
	}
}

func TestDecodeNullMeansAbsent(t *testing.T) {
	a, err := Decode(strings.NewReader(`{"target_role": null, "certification": null, "positioning": null, "position": {"ai_enhanced_role": null}}`), "json")
	if err != nil {
		t.Fatal(err)
	}
	if a.TargetRole != nil || a.Certification != nil || a.Positioning != "" || a.Position.AIEnhancedRole {
		t.Errorf("nulls not treated as absent: %+v", a)
	}
}

func TestValidateNormalizesInPlace(t *testing.T) {
	a := certwise.Answers{Role: certwise.RoleAnswers{
		Title:          "  Analyst ",
		WorkMix:        certwise.WorkMix{certwise.Reporting: 1, certwise.Analysis: 3},
		ActivityShares: map[string]float64{},
	}, TargetRole: &certwise.TargetRole{Title: " "}}
	if err := Validate(&a); err != nil {
		t.Fatal(err)
	}
	if a.Role.Title != "Analyst" || a.Role.WorkMix[certwise.Analysis] != 0.75 || a.Role.ActivityShares != nil || a.TargetRole != nil {
		t.Errorf("not normalized: %+v", a)
	}
	bad := certwise.Answers{Role: certwise.RoleAnswers{WorkMix: certwise.WorkMix{certwise.Reporting: math.NaN()}}}
	if err := Validate(&bad); certwise.ErrorField(err) != "role.work_mix.reporting" {
		t.Errorf("NaN share: %v", err)
	}
}

// FuzzDecode checks that no input makes Decode panic, that every failure is
// an EINVALID error, and that every accepted document is valid and keeps
// normalized shares.
func FuzzDecode(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.*")
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"role": {"work_mix": {"reporting": 1e308, "analysis": 1e308}}}`))
	f.Add([]byte("role: {work_mix: {reporting: .inf}}"))
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := Decode(bytes.NewReader(b), "auto")
		if err != nil {
			if c := certwise.ErrorCode(err); c != certwise.EINVALID {
				t.Fatalf("code %q for %v", c, err)
			}
			return
		}
		if err := Validate(&a); err != nil {
			t.Fatalf("decoded answers fail validation: %v", err)
		}
		for _, m := range []map[string]float64{a.Role.ActivityShares} {
			checkSum(t, m)
		}
		mix := map[string]float64{}
		for k, v := range a.Role.WorkMix {
			mix[string(k)] = v
		}
		checkSum(t, mix)
	})
}

func checkSum(t *testing.T, m map[string]float64) {
	if len(m) == 0 {
		return
	}
	var s float64
	for _, v := range m {
		s += v
	}
	if math.Abs(s-1) > 1e-6 {
		t.Fatalf("shares sum to %v, want 1: %v", s, m)
	}
}
