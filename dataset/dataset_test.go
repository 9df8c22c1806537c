package dataset

import (
	"bytes"
	"context"
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/exposure"
	"github.com/certwise/certwise/internal/shareddata"
)

var (
	builtOnce sync.Once
	built     *exposure.Model
	builtErr  error
)

// fromShared builds the model (with statements) from ../shared/data once per test binary.
func fromShared(t *testing.T) *exposure.Model {
	t.Helper()
	dir := shareddata.Dir(t)
	builtOnce.Do(func() { built, builtErr = Build(context.Background(), dir, true) })
	if builtErr != nil {
		t.Fatalf("build from %s: %v", dir, builtErr)
	}
	return built
}

// readCSV reads a reference table with the standard library only.
func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return recs
}

func num(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestExposureMatchesPaper checks every occupation of the paper's
// occ_level.csv against the figures computed from full_labelset.tsv.
func TestExposureMatchesPaper(t *testing.T) {
	m := fromShared(t)
	recs := readCSV(t, filepath.Join(shareddata.Dir(t), FileOccLevel))
	if got := len(recs) - 1; got != 923 {
		t.Fatalf("occ_level.csv has %d occupations, want 923", got)
	}
	checked := 0
	for _, r := range recs[1:] {
		o, ok := m.Occupation(r[0])
		if !ok {
			t.Errorf("%s: not in the model", r[0])
			continue
		}
		got := []*float64{o.GPT4Alpha, o.GPT4Beta, o.GPT4Gamma, o.HumanAlpha, o.HumanBeta, o.HumanGamma}
		for i, g := range got {
			want := num(t, r[2+i])
			if g == nil || math.Abs(*g-want) > 1e-9 {
				t.Errorf("%s %s: got %v, want %v", r[0], recs[0][2+i], g, want)
			}
		}
		checked++
	}
	if checked != 923 {
		t.Errorf("checked %d occupations, want 923", checked)
	}
}

// TestApplicabilityMatchesPaper checks Equation 1 against every published
// score, through every O*NET-SOC occupation of each SOC code.
func TestApplicabilityMatchesPaper(t *testing.T) {
	m := fromShared(t)
	recs := readCSV(t, filepath.Join(shareddata.Dir(t), FileSOCScores))
	if got := len(recs) - 1; got != 785 {
		t.Fatalf("soc_ai_applicability_scores.csv has %d codes, want 785", got)
	}
	bySOC := map[string][]*certwise.Occupation{}
	for _, o := range m.Occupations() {
		bySOC[o.SOC] = append(bySOC[o.SOC], o)
	}
	checked := 0
	for _, r := range recs[1:] {
		want := num(t, r[2])
		if got, ok := m.Applicability(r[0]); !ok || math.Abs(got-want) > 1e-9 {
			t.Errorf("SOC %s: got %v (found %v), want %v", r[0], got, ok, want)
		}
		for _, o := range bySOC[r[0]] {
			if o.AIApplicability == nil || math.Abs(*o.AIApplicability-want) > 1e-9 {
				t.Errorf("%s (SOC %s): got %v, want %v", o.Code, r[0], o.AIApplicability, want)
			}
		}
		checked++
	}
	if checked != 785 {
		t.Errorf("checked %d SOC codes, want 785", checked)
	}
}

func TestModelCoversEveryOccupation(t *testing.T) {
	m := fromShared(t)
	if n := len(m.Occupations()); n != 1016 {
		t.Fatalf("%d occupations, want 1016", n)
	}
	official := 0
	for _, e := range m.Titles() {
		if e.Official {
			official++
		}
	}
	if official != 1016 {
		t.Errorf("%d official titles, want 1016", official)
	}
	if n := len(m.Titles()) - official; n != 52754 && n < 52000 {
		t.Errorf("%d alternate titles, want the whole Alternate Titles file", n)
	}
	if !m.HasTasks() {
		t.Error("HasTasks is false for a model built from a directory")
	}
	th := m.Thresholds()
	t.Logf("exposure thresholds: low <= %.4f, high >= %.4f", th.Low, th.High)
	if th.Low < exposure.AlwaysLow || th.High > exposure.AlwaysHigh || th.Low >= th.High {
		t.Errorf("thresholds %+v outside the fixed bounds", th)
	}
	o, _ := m.Occupation("15-1252.00")
	if o == nil || len(o.Tasks) == 0 || o.Tasks[0].Statement == "" {
		t.Fatalf("15-1252.00 has no task statements: %+v", o)
	}
}

// TestSnapshotDeterministic builds twice and compares bytes, and checks that
// the embedded snapshot is what a fresh build from ../shared/data writes.
func TestSnapshotDeterministic(t *testing.T) {
	dir := shareddata.Dir(t)
	ctx := context.Background()
	var out [2][]byte
	for i := range out {
		m, err := Build(ctx, dir, false)
		if err != nil {
			t.Fatal(err)
		}
		if out[i], err = m.MarshalSnapshot(); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(out[0], out[1]) {
		t.Fatal("two builds from the same input gave different bytes")
	}
	if !bytes.Equal(out[0], Snapshot()) {
		t.Fatalf("the embedded %s is stale: rebuild it with `go run ./cmd/certwise data build --from ../shared/data`", SnapshotFile)
	}
}

func TestEmbeddedSnapshotLoads(t *testing.T) {
	m, err := Load(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	if m.HasTasks() {
		t.Error("embedded snapshot claims task statements")
	}
	if n := len(m.Occupations()); n != 1016 {
		t.Errorf("%d occupations, want 1016", n)
	}
	for _, o := range m.Occupations() {
		if len(o.Tasks) > 0 {
			t.Fatalf("%s: the snapshot holds task statements", o.Code)
		}
	}
	o, ok := m.Occupation("15-1252.00")
	if !ok || o.GPT4Beta == nil || len(o.Activities) == 0 || o.Activities[0].Title == "" {
		t.Fatalf("15-1252.00 incomplete after decoding: %+v", o)
	}
}

// TestSkillsFromONET checks the skills and knowledge ratings against the
// files and that the embedded snapshot keeps them exactly.
func TestSkillsFromONET(t *testing.T) {
	m := fromShared(t)
	own, fallback := 0, 0
	for _, o := range m.Occupations() {
		switch {
		case len(o.Skills) == 0:
		case strings.Contains(o.Sources["skills"], "stands for it"):
			fallback++
		default:
			own++
		}
		if len(o.Skills) > 0 && len(o.Skills) != 68 {
			t.Fatalf("%s: %d ratings, want 35 skills and 33 knowledge areas", o.Code, len(o.Skills))
		}
	}
	t.Logf("%d occupations rated, %d take their SOC code's .00 ratings", own, fallback)
	if own != 873 {
		t.Errorf("%d occupations with their own ratings, want O*NET's 873", own)
	}
	ceo, _ := m.Occupation("11-1011.00")
	if r := ceo.Skills[0]; r.Name != "Reading Comprehension" || r.Kind != certwise.SkillKindSkill || r.Importance != 4.1 || r.Level != 4.8 {
		t.Errorf("11-1011.00 first rating %+v, want Reading Comprehension 4.1 / 4.8 (4.12 and 4.75 in the file)", r)
	}
	snap, err := Load(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range m.Occupations() {
		s, _ := snap.Occupation(o.Code)
		if !slices.Equal(o.Skills, s.Skills) {
			t.Fatalf("%s: the snapshot's skills differ from a fresh build", o.Code)
		}
	}
}
