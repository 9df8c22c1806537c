package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/answers"
	"github.com/certwise/certwise/catalog"
)

// runWithInput runs the program with args and stdin and returns its exit
// status and output.
func runWithInput(t *testing.T, stdin io.Reader, args ...string) (int, string, string) {
	t.Helper()
	t.Setenv("CERTWISE_DATA", "")
	var out, errOut bytes.Buffer
	code := runApp(stdin, &out, &errOut, args...)
	return code, out.String(), errOut.String()
}

func evaluation(t *testing.T, out string) certwise.Evaluation {
	t.Helper()
	var ev certwise.Evaluation
	if err := json.Unmarshal([]byte(out), &ev); err != nil {
		t.Fatalf("not an evaluation: %v\n%s", err, out)
	}
	return ev
}

// TestAssessExamples runs the worked examples of the README.
func TestAssessExamples(t *testing.T) {
	tests := []struct {
		file    string
		verdict certwise.VerdictID
		rule    string
	}{
		{"analyst.yaml", certwise.VerdictRedesignRoleFirst, "compressible-role"},
		{"engineer.yaml", certwise.VerdictPursue, "all-conditions"},
		{"headlines.json", certwise.VerdictApplyFirst, "untested-in-role"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			code, out, errOut := runWithInput(t, strings.NewReader(""), "assess", "--answers", filepath.Join("..", "..", "examples", tt.file), "--format", "json")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			ev := evaluation(t, out)
			if ev.Verdict != tt.verdict || ev.Rule != tt.rule {
				t.Errorf("got %s (%s), want %s (%s)", ev.Verdict, ev.Rule, tt.verdict, tt.rule)
			}
			if ev.Exposure.OccupationTitle == "" || ev.Exposure.Level == certwise.ExposureUnknown || len(ev.NextSteps) == 0 {
				t.Errorf("exposure or next steps missing: %+v", ev.Exposure)
			}
			var raw map[string]json.RawMessage
			_ = json.Unmarshal([]byte(out), &raw)
			for _, f := range []string{"verdict", "rule", "headline", "concerns", "trajectory", "reasons", "conditions", "exposure", "questions", "alternatives", "next_steps", "recommendations", "references"} {
				if _, ok := raw[f]; !ok {
					t.Errorf("top-level field %q missing", f)
				}
			}
		})
	}
}

func TestAssessFormatsAndStdin(t *testing.T) {
	ans := `{"motives": ["follow_headlines"], "position": {"has_tested_ai_in_role": true}}`
	code, out, errOut := runWithInput(t, strings.NewReader(ans), "assess", "--answers", "-")
	if code != 0 || !strings.Contains(out, "Verdict: Avoid it for now") || !strings.Contains(out, "How this was decided") {
		t.Errorf("text: exit %d\n%s%s", code, out, errOut)
	}
	code, out, _ = runWithInput(t, strings.NewReader(ans), "assess", "--answers", "-", "--format", "markdown")
	if code != 0 || !strings.HasPrefix(out, "# Should I get this AI certification? Avoid it for now") {
		t.Errorf("markdown: exit %d\n%s", code, out)
	}
	code, _, errOut = runWithInput(t, strings.NewReader(ans), "assess", "--answers", "-", "--format", "pdf")
	if code != 2 || !strings.Contains(errOut, "text, json, markdown") {
		t.Errorf("bad format: exit %d, %s", code, errOut)
	}
}

func TestAssessInvalidAnswers(t *testing.T) {
	tests := []struct{ in, field, allowed string }{
		{"organization: {ai_adoption_phase: hype}", "organization.ai_adoption_phase", "productivity_normalization"},
		{"motives: [fomo]", "motives[0]", "capability_gap"},
		{"role: {occupation: 99-9999.00}", "role.occupation", "no occupation"},
		{"role: {activity_shares: {nope: 1}}", "role.activity_shares.nope", "no work activity"},
		{"position: {tested: true}", "position.tested", "has_tested_ai_in_role"},
	}
	for _, tt := range tests {
		code, out, errOut := runWithInput(t, strings.NewReader(tt.in), "assess", "--answers", "-")
		if code != 2 || out != "" || !strings.Contains(errOut, tt.field+":") || !strings.Contains(errOut, tt.allowed) {
			t.Errorf("%s: exit %d, stderr %q", tt.in, code, errOut)
		}
	}
	code, _, errOut := runWithInput(t, strings.NewReader(""), "assess", "--answers", filepath.Join(t.TempDir(), "none.yaml"))
	if code != 2 || !strings.Contains(errOut, "does not exist") {
		t.Errorf("missing file: exit %d, %s", code, errOut)
	}
}

// TestAssessFormPiped answers the interactive form line by line through a
// pipe (huh's accessible mode).
func TestAssessFormPiped(t *testing.T) {
	lines := []string{
		"backend developer", // job title
		"",                  // Enter: the best match, where the picker starts
		"1",                 // exposure: use the data
		"1", "3", "5", "0",  // owns outcomes, system design, tried AI; confirm
		"0", "1", // nothing at work; adoption phase not sure
		"0",           // industry: nothing
		"1", "3", "0", // motives: skill gap, role move; confirm
		"designing retrieval systems", // the gap
		"2",                           // trajectory: move into a different role
		"Software architect",          // the target role
		"1",                           // the first occupation offered for it
		"",                            // Enter: no certification in particular
		"",                            // no certifications held
		"5", "3",                      // clear authority; move ahead
	}
	code, out, errOut := runWithInput(t, strings.NewReader(strings.Join(lines, "\n")+"\n"), "assess", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	ev := evaluation(t, out)
	if !strings.Contains(errOut, "Which occupation is closest to the role you want?") {
		t.Error("the form did not offer occupations for the target role")
	}
	if ev.Verdict != certwise.VerdictPursue || ev.Exposure.OccupationCode == "" {
		t.Errorf("verdict %s (%s), occupation %q\n%s", ev.Verdict, ev.Rule, ev.Exposure.OccupationCode, errOut)
	}
	for _, q := range []string{"What is your job title?", "Which occupation is closest to your job?", "Why are you thinking about a certification?"} {
		if !strings.Contains(errOut, q) {
			t.Errorf("the form did not ask %q", q)
		}
	}

	// Input that ends early is an error naming the question left open.
	code, _, errOut = runWithInput(t, strings.NewReader("clerk\n\n"), "assess", "--format", "json")
	if code != 2 || !strings.Contains(errOut, "How much of your work could generative AI tools do today?") {
		t.Errorf("short input: exit %d, want 2 naming the exposure question\n%s", code, errOut)
	}
}

// TestAssessFormCertification picks "another one" in the certification
// question and describes it.
func TestAssessFormCertification(t *testing.T) {
	cat, err := catalog.Load()
	if err != nil {
		t.Fatal(err)
	}
	lines := []string{
		"backend developer", "", "1", "1", "5", "0", "0", "1", "0", "1", "0", "designing retrieval systems",
		"3",                              // trajectory: go deeper in my role
		"",                               // no target role
		strconv.Itoa(len(cat.All()) + 2), // the last option: another certification
		"Retrieval Systems Practitioner", "retrieval, evaluation", "300", "40",
		"", "1", "1",
	}
	code, out, errOut := runWithInput(t, strings.NewReader(strings.Join(lines, "\n")+"\n"), "assess", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, certwise.MustAsk("certification.name").Text) || !strings.Contains(out, "Retrieval Systems Practitioner") {
		t.Errorf("the custom certification was not asked for or not used\n%s", errOut)
	}
}

func TestAssessRulebookFlag(t *testing.T) {
	dir := t.TempDir()
	b, err := os.ReadFile(filepath.Join("..", "..", "rules", "rulebook.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	// A coach moves the catch-all verdict from clarify_first to apply_first.
	edited := strings.Replace(string(b), "condition: always\n    verdict: clarify_first", "condition: always\n    verdict: apply_first", 1)
	if edited == string(b) {
		t.Fatal("the catch-all rule was not found in the rulebook")
	}
	good := filepath.Join(dir, "rulebook.yaml")
	if err := os.WriteFile(good, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	ans := "motives: [capability_gap]\nrole: {exposure_self_assessed: low}\nposition: {has_tested_ai_in_role: true, owns_measurable_outcomes: true}\n"
	code, out, errOut := runWithInput(t, strings.NewReader(ans), "assess", "--answers", "-", "--format", "json", "--rulebook", good)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if ev := evaluation(t, out); ev.Rule != "conditions-unmet" || ev.Verdict != certwise.VerdictApplyFirst {
		t.Errorf("edited rulebook not used: %s %s", ev.Rule, ev.Verdict)
	}

	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte(strings.Replace(edited, "{not: tested_ai}", "{not: tried_ai}", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = runWithInput(t, strings.NewReader(ans), "assess", "--answers", "-", "--rulebook", bad)
	if code != 2 || !strings.Contains(errOut, `unknown fact "tried_ai"`) {
		t.Errorf("bad rulebook: exit %d, %s", code, errOut)
	}
}

// TestEngineWiring checks that engine() connects every part: the data, the
// title index, the catalog and the advisor.
func TestEngineWiring(t *testing.T) {
	t.Setenv("CERTWISE_DATA", "")
	var errOut bytes.Buffer
	a := testApp(strings.NewReader(""), io.Discard, &errOut)
	ctx := context.Background()
	e, err := a.engine(ctx)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join("..", "..", "examples", "engineer.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ans, err := answers.Decode(f, "yaml")
	if err != nil {
		t.Fatal(err)
	}
	ans.Role.Occupation = "" // resolve the role through the title index instead
	ev, err := e.Evaluate(ctx, ans)
	if err != nil {
		t.Fatal(err)
	}
	if ev.Exposure.TitleMatch == nil || ev.Exposure.OccupationCode == "" {
		t.Errorf("title %q not matched: %+v", ans.Role.Title, ev.Exposure)
	}
	for _, r := range ev.Reasons {
		if strings.Contains(r.Evidence, "is connected") {
			t.Errorf("a part is missing: %s", r.Evidence)
		}
	}
	if ev.Verdict == certwise.VerdictPursue && len(ev.Recommendations) == 0 {
		t.Errorf("pursue without catalog recommendations: %s", errOut.String())
	}
	if len(ev.NextSteps) == 0 || ev.NextSteps[0].Kind == "" {
		t.Errorf("next steps are not the advisor's typed steps: %+v", ev.NextSteps)
	}
}
