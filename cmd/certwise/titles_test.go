package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/dataset"
	"github.com/certwise/certwise/internal/shareddata"
	"github.com/certwise/certwise/internal/slowtest"
)

func TestRolesSearchJSON(t *testing.T) {
	t.Setenv("CERTWISE_DATA", "")
	code, out, errOut := runCLI(t, "roles", "search", "Sr.", "Software", "Engineer", "II", "--top", "3", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var r struct {
		Query   string           `json:"query"`
		Matches []map[string]any `json:"matches"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, out)
	}
	if r.Query != "Sr. Software Engineer II" || len(r.Matches) != 3 {
		t.Fatalf("query %q with %d matches", r.Query, len(r.Matches))
	}
	for _, f := range []string{"code", "title", "matched_title", "score", "exposure_level"} {
		if _, ok := r.Matches[0][f]; !ok {
			t.Errorf("field %q missing: %v", f, r.Matches[0])
		}
	}
	if r.Matches[0]["code"] != "15-1252.00" {
		t.Errorf("best match %v, want 15-1252.00", r.Matches[0])
	}
}

func TestRolesSearchText(t *testing.T) {
	t.Setenv("CERTWISE_DATA", "")
	code, out, errOut := runCLI(t, "roles", "search", "acountant")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "13-2011.00") || !strings.Contains(out, "MATCHED TITLE") {
		t.Errorf("text output lacks the table or the accountant code:\n%s", out)
	}
	code, out, _ = runCLI(t, "roles", "search", "qwzxv")
	if code != 0 || !strings.Contains(out, "No occupation matches") {
		t.Errorf("exit %d, output %q", code, out)
	}
}

func TestRolesSearchErrors(t *testing.T) {
	t.Setenv("CERTWISE_DATA", "")
	for _, args := range [][]string{
		{"roles", "search"},
		{"roles", "search", "nurse", "--top", "0"},
		{"roles", "search", "nurse", "--format", "xml"},
		{"roles", "search", "  "},
	} {
		if code, _, _ := runCLI(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

// TestRolesMatchTitlesOnly checks that a data directory holding only the
// two title files (what issue 3 names) still builds an index, without the
// related occupations, and says so; and that a broken related-occupations
// file is an error naming it.
func TestRolesMatchTitlesOnly(t *testing.T) {
	src := shareddata.Dir(t)
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "onet-27.0"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{dataset.FileOccupations, dataset.FileAltTitles} {
		b, err := os.ReadFile(filepath.Join(src, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out, errOut bytes.Buffer
	code := run(context.Background(), []string{"roles", "match", "--top", "1", "--data", dir}, strings.NewReader("registered nurse\n"), &out, &errOut)
	if code != 0 || !strings.Contains(out.String(), `"29-1141.00"`) {
		t.Fatalf("exit %d, out %s, err %s", code, out.String(), errOut.String())
	}
	if !strings.Contains(errOut.String(), "no related occupations") {
		t.Errorf("no warning about the missing related occupations: %s", errOut.String())
	}

	if err := os.WriteFile(filepath.Join(dir, dataset.FileRelated), []byte("O*NET-SOC Code\tIndex\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	errOut.Reset()
	code = run(context.Background(), []string{"roles", "match", "--data", dir}, strings.NewReader("nurse\n"), &out, &errOut)
	if code == 0 || !strings.Contains(errOut.String(), "Related Occupations.txt") {
		t.Errorf("a broken related file: exit %d, err %q; want an error naming it", code, errOut.String())
	}
}

// TestRolesMatchStdin checks one JSON line per input line, in order, with
// exactly the fields the issue fixes, on the index built from --data.
func TestRolesMatchStdin(t *testing.T) {
	dir := shareddata.Dir(t)
	in := "RN - ICU nights\n\nacountant\r\nVP, Marketing\n"
	var out, errOut bytes.Buffer
	code := run(context.Background(), []string{"roles", "match", "--top", "2", "--data", dir}, strings.NewReader(in), &out, &errOut)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	wantQ := []string{"RN - ICU nights", "", "acountant", "VP, Marketing"}
	if len(lines) != len(wantQ) {
		t.Fatalf("%d lines for %d titles:\n%s", len(lines), len(wantQ), out.String())
	}
	for i, l := range lines {
		var raw map[string]json.RawMessage
		if err := json.Unmarshal([]byte(l), &raw); err != nil {
			t.Fatalf("line %d not JSON: %v", i+1, err)
		}
		if len(raw) != 3 || raw["query"] == nil || raw["matches"] == nil || raw["confident"] == nil {
			t.Errorf("line %d fields: %s", i+1, l)
		}
		var m certwise.TitleMatch
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatal(err)
		}
		if m.Query != wantQ[i] {
			t.Errorf("line %d query %q, want %q", i+1, m.Query, wantQ[i])
		}
		if len(m.Matches) > 2 {
			t.Errorf("line %d: %d matches with --top 2", i+1, len(m.Matches))
		}
	}
	if !strings.Contains(lines[1], `"matches":[]`) || !strings.Contains(lines[1], `"confident":false`) {
		t.Errorf("empty line: %s", lines[1])
	}
	if !strings.Contains(lines[2], `"code":"13-2011.00"`) {
		t.Errorf("acountant: %s", lines[2])
	}
}

func TestEvalTitles(t *testing.T) {
	slowtest.Require(t)
	dir := shareddata.Dir(t)
	code, out, errOut := runCLI(t, "eval", "titles", "--data", dir, "--sample", "300", "--seed", "3", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var r titleEvalReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if r.Sample != 300 || r.Overall.N != 300 || r.Seed != 3 || len(r.Groups) == 0 {
		t.Errorf("report %+v", r)
	}
	if r.Overall.SOCTop5 < r.Overall.SOCTop1 || r.Overall.SOCTop1 < r.Overall.ONETTop1 || r.Overall.SOCTop1 <= 0.3 {
		t.Errorf("implausible accuracy %+v", r.Overall)
	}
	if r.Listed.N < 10000 || r.Listed.First < 0.9 {
		t.Errorf("listed titles %+v, want over 10,000 looked up and most found first", r.Listed)
	}
	code, out, _ = runCLI(t, "eval", "titles", "--data", dir, "--sample", "50")
	if code != 0 || !strings.Contains(out, "SOC TOP-1") || !strings.Contains(out, "all occupations") || !strings.Contains(out, "Titles typed as listed") {
		t.Errorf("text report (exit %d):\n%s", code, out)
	}
	if code, _, _ := runCLI(t, "eval", "titles", "--sample", "0"); code != 2 {
		t.Errorf("--sample 0: exit %d, want 2", code)
	}
}
