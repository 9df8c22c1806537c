package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/certwise/certwise/internal/shareddata"
)

// runCLI runs the program with args and returns its exit status and output.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := runApp(strings.NewReader(""), &out, &errOut, args...)
	return code, out.String(), errOut.String()
}

// roleFields are the JSON names issue 2 fixes for an occupation.
var roleFields = []string{"code", "soc", "title", "gpt4_alpha", "gpt4_beta", "gpt4_gamma", "human_alpha",
	"human_beta", "human_gamma", "ai_applicability", "exposure_level", "exposure_percentile", "work_mix",
	"compressible_share", "job_zone", "employment", "median_wage", "projected_growth_pct", "related",
	"activities", "sources"}

func TestRolesShowJSON(t *testing.T) {
	t.Setenv("CERTWISE_DATA", "")
	code, out, errOut := runCLI(t, "roles", "show", "15-1252.00", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var o map[string]any
	if err := json.Unmarshal([]byte(out), &o); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, out)
	}
	for _, f := range roleFields {
		if _, ok := o[f]; !ok {
			t.Errorf("field %q missing", f)
		}
	}
	if _, ok := o["tasks"]; ok {
		t.Error("tasks present without --data")
	}
	if o["title"] != "Software Developers" || o["soc"] != "15-1252" {
		t.Errorf("title %v soc %v", o["title"], o["soc"])
	}
	acts, _ := o["activities"].([]any)
	if len(acts) == 0 {
		t.Fatal("no activities")
	}
	for _, f := range []string{"iwa", "title", "weight", "e1_tasks", "e2_tasks", "tasks"} {
		if _, ok := acts[0].(map[string]any)[f]; !ok {
			t.Errorf("activity field %q missing", f)
		}
	}
	mix, _ := o["work_mix"].(map[string]any)
	var sum float64
	for _, v := range mix {
		sum += v.(float64)
	}
	if len(mix) != 6 || sum < 0.999999 || sum > 1.000001 {
		t.Errorf("work mix %v sums to %v", mix, sum)
	}
}

func TestRolesShowNullsNotZero(t *testing.T) {
	t.Setenv("CERTWISE_DATA", "")
	// A military occupation: no GPT-4 labels, no BLS figures.
	code, out, errOut := runCLI(t, "roles", "show", "55-1011.00", "--format", "jsonl")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if strings.Count(out, "\n") != 1 {
		t.Errorf("jsonl gave %d lines, want 1", strings.Count(out, "\n"))
	}
	var o map[string]any
	if err := json.Unmarshal([]byte(out), &o); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"gpt4_beta", "human_beta", "employment", "median_wage", "exposure_percentile"} {
		if o[f] != nil {
			t.Errorf("%s = %v, want null", f, o[f])
		}
	}
	if o["exposure_level"] != "unknown" {
		t.Errorf("exposure_level %v, want unknown", o["exposure_level"])
	}
}

func TestRolesShowText(t *testing.T) {
	t.Setenv("CERTWISE_DATA", "")
	code, out, _ := runCLI(t, "roles", "show", "15-1252")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"Software Developers", "Exposure level:", "Work mix:", "Activities:", "--data"} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
}

func TestRolesShowUnknownCode(t *testing.T) {
	t.Setenv("CERTWISE_DATA", "")
	tests := []struct{ code, near string }{
		{"15-1259.00", "15-125"},
		{"99-9999.99", "55-3019"},
		{"nonsense", ""},
	}
	for _, tt := range tests {
		code, out, errOut := runCLI(t, "roles", "show", tt.code)
		if code != 2 || out != "" {
			t.Errorf("%s: exit %d, stdout %q; want 2 and nothing", tt.code, code, out)
		}
		if !strings.Contains(errOut, "nearest codes") || !strings.Contains(errOut, tt.near) {
			t.Errorf("%s: message %q does not suggest codes near %q", tt.code, errOut, tt.near)
		}
	}
}

func TestRolesUsageErrors(t *testing.T) {
	t.Setenv("CERTWISE_DATA", "")
	for _, args := range [][]string{
		{"roles", "show"},
		{"roles", "list", "--format", "xml"},
		{"roles", "list", "--level", "extreme"},
		{"roles", "show", "15-1252.00", "extra"},
	} {
		if code, _, errOut := runCLI(t, args...); code != 2 {
			t.Errorf("%v: exit %d (%s), want 2", args, code, errOut)
		}
	}
}

func TestRolesList(t *testing.T) {
	t.Setenv("CERTWISE_DATA", "")
	code, out, _ := runCLI(t, "roles", "list", "--format", "jsonl")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	n, prev := 0, ""
	for sc.Scan() {
		var o struct {
			Code string `json:"code"`
		}
		if err := json.Unmarshal(sc.Bytes(), &o); err != nil {
			t.Fatalf("line %d: %v", n+1, err)
		}
		if o.Code <= prev {
			t.Errorf("line %d: %s not after %s", n+1, o.Code, prev)
		}
		prev = o.Code
		n++
	}
	if n != 1016 {
		t.Errorf("%d occupations, want 1016", n)
	}

	code, out, _ = runCLI(t, "roles", "list", "--level", "structural", "--format", "json")
	var arr []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &arr) != nil || len(arr) == 0 {
		t.Fatalf("json list: exit %d, %d items", code, len(arr))
	}
	for _, o := range arr {
		if o["exposure_level"] != "structural" || o["compressible_share"].(float64) < 0.5 {
			t.Errorf("%v: level %v compressible %v", o["code"], o["exposure_level"], o["compressible_share"])
		}
	}

	code, out, _ = runCLI(t, "roles", "list")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 1017 || !strings.HasPrefix(lines[0], "CODE") {
		t.Errorf("text list: exit %d, %d lines, header %q", code, len(lines), lines[0])
	}
}

func TestRolesShowWithData(t *testing.T) {
	dir := shareddata.Dir(t)
	code, out, errOut := runCLI(t, "--data", dir, "roles", "show", "15-1252.00", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var o struct {
		GPT4Beta *float64 `json:"gpt4_beta"`
		Tasks    []struct {
			Statement string `json:"statement"`
			GPT4      string `json:"gpt4_exposure"`
		} `json:"tasks"`
	}
	if err := json.Unmarshal([]byte(out), &o); err != nil {
		t.Fatal(err)
	}
	if len(o.Tasks) == 0 || o.Tasks[0].Statement == "" || o.Tasks[0].GPT4 == "" {
		t.Errorf("no labelled task statements with --data: %+v", o.Tasks)
	}
	// The same figure as the embedded snapshot.
	t.Setenv("CERTWISE_DATA", "")
	_, out2, _ := runCLI(t, "roles", "show", "15-1252.00", "--format", "json")
	var e struct {
		GPT4Beta *float64 `json:"gpt4_beta"`
	}
	if err := json.Unmarshal([]byte(out2), &e); err != nil || e.GPT4Beta == nil || o.GPT4Beta == nil || *e.GPT4Beta != *o.GPT4Beta {
		t.Errorf("beta differs between --data and the snapshot: %v vs %v", o.GPT4Beta, e.GPT4Beta)
	}
}

func TestDataBuild(t *testing.T) {
	dir := shareddata.Dir(t)
	out := t.TempDir() + "/snap.json.gz"
	code, stdout, errOut := runCLI(t, "data", "build", "--from", dir, "--out", out)
	if code != 0 || !strings.Contains(stdout, "1016 occupations") {
		t.Fatalf("exit %d: %s %s", code, stdout, errOut)
	}
	if code, _, _ := runCLI(t, "data", "build"); code != 2 {
		t.Errorf("data build without --from: exit %d, want 2", code)
	}
	if code, _, errOut := runCLI(t, "data", "build", "--from", t.TempDir(), "--out", out); code != 1 || !strings.Contains(errOut, "Occupation Data.txt") {
		t.Errorf("data build from an empty dir: exit %d, %s", code, errOut)
	}
}
