package answers

import (
	"strings"
	"testing"

	"github.com/certwise/certwise"
)

// TestDecodeRejectsBadText checks that text which is not clean UTF-8 is
// refused with the field named, never repaired and kept.
func TestDecodeRejectsBadText(t *testing.T) {
	tests := []struct{ name, format, in, field string }{
		{"invalid UTF-8 in JSON", "json", "{\"role\": {\"title\": \"a\xffb\"}}", "role.title"},
		{"lone surrogate in JSON", "json", `{"capability_gap": "x\ud800y"}`, "capability_gap"},
		{"NUL in JSON", "json", `{"role": {"title": "a\u0000b"}}`, "role.title"},
		{"bell in a list", "json", `{"held_certifications": ["ok", "a\u0007"]}`, "held_certifications[1]"},
		{"right-to-left override is text, escape is not", "json", `{"target_role": {"title": "a\u001bb"}}`, "target_role.title"},
		{"NUL in YAML", "yaml", "capability_gap: \"a\\0b\"\n", "capability_gap"},
		{"control in a skill", "yaml", "certification: {name: x, skills: [\"a\\x01\"]}\n", "certification.skills[0]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode(strings.NewReader(tt.in), tt.format)
			if certwise.ErrorCode(err) != certwise.EINVALID || certwise.ErrorField(err) != tt.field {
				t.Errorf("err = %v (field %q), want invalid naming %q", err, certwise.ErrorField(err), tt.field)
			}
		})
	}
	// Validate gets the same checks for answers built in code or from a form.
	a := certwise.Answers{CapabilityGap: "ok\xed\xa0\x80"} // a surrogate encoded as bytes
	if err := Validate(&a); certwise.ErrorField(err) != "capability_gap" {
		t.Errorf("surrogate bytes: %v", err)
	}
	a = certwise.Answers{CapabilityGap: "line one\n\tline two"}
	if err := Validate(&a); err != nil {
		t.Errorf("tab and newline refused: %v", err)
	}
}

// TestLimitsCountCharacters checks that limits stated in characters count
// characters: 200 "é" (400 bytes) is a valid title, 201 is not.
func TestLimitsCountCharacters(t *testing.T) {
	ok := certwise.Answers{Role: certwise.RoleAnswers{Title: strings.Repeat("é", certwise.MaxTitleChars)}}
	if err := Validate(&ok); err != nil {
		t.Errorf("200 characters refused: %v", err)
	}
	long := certwise.Answers{Role: certwise.RoleAnswers{Title: strings.Repeat("é", certwise.MaxTitleChars+1)}}
	err := Validate(&long)
	if certwise.ErrorField(err) != "role.title" || !strings.Contains(err.Error(), "not 201") {
		t.Errorf("201 characters: %v", err)
	}
	gap := certwise.Answers{CapabilityGap: strings.Repeat("ü", certwise.MaxGapChars)}
	if err := Validate(&gap); err != nil {
		t.Errorf("gap at the limit refused: %v", err)
	}
}

func TestDecodeNewFields(t *testing.T) {
	a, err := Decode(strings.NewReader(`{"trajectory": "deepen_current_role", "held_certifications": [" AWS-CLF ", "PMP"]}`), "json")
	if err != nil {
		t.Fatal(err)
	}
	if a.Trajectory != certwise.TrajectoryDeepenCurrentRole || len(a.HeldCertifications) != 2 || a.HeldCertifications[0] != "AWS-CLF" {
		t.Errorf("answers = %+v", a)
	}
	for in, field := range map[string]string{
		`{"trajectory": "sideways"}`:           "trajectory",
		`{"held_certifications": "PMP"}`:       "held_certifications",
		`{"held_certifications": ["", "PMP"]}`: "held_certifications[0]",
		"held_certifications: [PMP, {a: 1}]\n": "held_certifications[1]",
		"trajectory: [move_to_target]\n":       "trajectory",
	} {
		_, err := Decode(strings.NewReader(in), "auto")
		if certwise.ErrorField(err) != field {
			t.Errorf("%s: %v, want field %q", in, err, field)
		}
	}
	if got := (&certwise.Answers{TargetRole: &certwise.TargetRole{Title: "x"}}).StatedTrajectory(); got != certwise.TrajectoryMoveToTarget {
		t.Errorf("target given: %s", got)
	}
	if got := (&certwise.Answers{}).StatedTrajectory(); got != certwise.TrajectoryUndecided {
		t.Errorf("nothing given: %s", got)
	}
}
