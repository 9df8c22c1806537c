package exposure

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/certwise/certwise"
)

func TestScoreLabels(t *testing.T) {
	tests := []struct {
		name string
		ls   []TaskLabel
		want abg
	}{
		{"all E0", []TaskLabel{{Type: "Core", GPT4: "E0"}}, abg{0, 0, 0}},
		{"core weighs twice", []TaskLabel{{Type: "Core", GPT4: "E1"}, {Type: "Supplemental", GPT4: "E0"}}, abg{2.0 / 3, 2.0 / 3, 2.0 / 3}},
		{"E2 counts half in beta", []TaskLabel{{Type: "Supplemental", GPT4: "E2"}, {Type: "Supplemental", GPT4: "E0"}}, abg{0, 0.25, 0.5}},
		{"n/a weighs one", []TaskLabel{{Type: "", GPT4: "E1"}, {Type: "Core", GPT4: "E2"}}, abg{1.0 / 3, 2.0 / 3, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scoreLabels(tt.ls, func(l TaskLabel) string { return l.GPT4 })
			if math.Abs(got.alpha-tt.want.alpha) > 1e-12 || math.Abs(got.beta-tt.want.beta) > 1e-12 || math.Abs(got.gamma-tt.want.gamma) > 1e-12 {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestApplicabilityCutoff(t *testing.T) {
	c, s := 0.8, 0.5
	metrics := map[string]IWAMetric{
		"A": {IWA: "A", ShareUser: 0.001, ShareAI: 0.0005, CompletionUser: &c, ScopeUser: &s, CompletionAI: &c, ScopeAI: &s},
		"B": {IWA: "B", ShareUser: 0.0004, ShareAI: 0.01, CompletionAI: &c, ScopeAI: &s},
	}
	got, err := applicability([]IWAWeight{{"A", 0.5}, {"B", 0.5}}, metrics)
	if err != nil {
		t.Fatal(err)
	}
	// A: user side only (AI share is not above the cutoff); B: AI side only.
	want := 0.5*0.5*c*s + 0.5*0.5*c*s
	if math.Abs(got-want) > 1e-12 {
		t.Errorf("got %v, want %v", got, want)
	}
	if _, err := applicability([]IWAWeight{{"C", 1}}, metrics); err == nil {
		t.Error("an IWA without metrics gave no error")
	}
}

func TestLevel(t *testing.T) {
	th := Thresholds{Low: 0.3, High: 0.5}
	tests := []struct {
		beta float64
		th   Thresholds
		want certwise.ExposureLevel
	}{
		{0.05, th, certwise.ExposureLow},
		{0.3, th, certwise.ExposureLow},
		{0.31, th, certwise.ExposureModerate},
		{0.5, th, certwise.ExposureHigh},
		{0.1, Thresholds{Low: 0.05, High: 0.07}, certwise.ExposureLow}, // always low
		{0.8, Thresholds{Low: 0.85, High: 0.9}, certwise.ExposureHigh}, // always high
		{0.79, Thresholds{Low: 0.85, High: 0.9}, certwise.ExposureLow}, // below a (clamped) low cut
		{0.6, Thresholds{Low: 0.1, High: AlwaysHigh}, certwise.ExposureModerate},
	}
	for _, tt := range tests {
		if got := Level(tt.beta, tt.th); got != tt.want {
			t.Errorf("Level(%v, %+v) = %s, want %s", tt.beta, tt.th, got, tt.want)
		}
	}
}

func TestAssignLevelsWeightsByEmployment(t *testing.T) {
	emp := func(n int64) *int64 { return &n }
	occs := []*certwise.Occupation{
		{Code: "11-0001.00", SOC: "11-0001", GPT4Beta: ptr(0.2), Employment: emp(100)},
		{Code: "11-0002.00", SOC: "11-0002", GPT4Beta: ptr(0.4), Employment: emp(100)},
		{Code: "11-0003.00", SOC: "11-0003", GPT4Beta: ptr(0.6), Employment: emp(50)},
		{Code: "11-0004.00", SOC: "11-0004", GPT4Beta: ptr(0.6), Employment: emp(50), CompressibleShare: ptr(0.6)},
		{Code: "11-0005.00", SOC: "11-0005"},
	}
	th := assignLevels(occs)
	if th.Low != 0.2 || th.High != 0.6 {
		t.Errorf("thresholds %+v, want low 0.2 and high 0.6 (a third of workers each)", th)
	}
	want := []certwise.ExposureLevel{certwise.ExposureLow, certwise.ExposureModerate, certwise.ExposureHigh, certwise.ExposureStructural, certwise.ExposureUnknown}
	for i, o := range occs {
		if o.ExposureLevel != want[i] {
			t.Errorf("%s: level %s, want %s", o.Code, o.ExposureLevel, want[i])
		}
	}
	// 0.2 has 100 of 300 workers: midrank 50/300.
	if p := occs[0].ExposurePercentile; p == nil || *p != 16.7 {
		t.Errorf("percentile of the lowest beta = %v, want 16.7", p)
	}
	if occs[4].ExposurePercentile != nil {
		t.Error("an occupation without beta got a percentile")
	}
}

func TestProjectionFind(t *testing.T) {
	ix := newProjectionIndex([]Projection{
		{Code: "11-1011", Title: "Chief executives", Detailed: true, Pct: 4.3},
		{Code: "13-1020", Title: "Buyers and purchasing agents", Pct: -1.5},
		{Code: "29-1210", Title: "Physicians", Pct: 3.5},
		{Code: "15-1252", Title: "Software developers", Pct: 15.8},
		{Code: "15-1252", Title: "Software developers (summary)", Detailed: true, Pct: 17.9},
		{Code: "15-1252", Title: "Software developers (later summary)", Pct: 1},
	})
	tests := []struct {
		soc, standIn string
		want         float64
		combined, ok bool
	}{
		{"11-1011", "", 4.3, false, true},
		{"13-1021", "13-1020", -1.5, true, true},
		{"29-1218", "", 3.5, true, true},
		{"15-1252", "", 17.9, false, true}, // the line item wins over summary rows
		{"45-3031", "", 0, false, false},
		{"55-1011", "", 0, false, false},
	}
	for _, tt := range tests {
		got, ok := ix.find(tt.soc, tt.standIn)
		if ok != tt.ok || got.Pct != tt.want || got.combined != tt.combined {
			t.Errorf("find(%s, %q) = %+v, %v; want %v, combined %v, ok %v", tt.soc, tt.standIn, got, ok, tt.want, tt.combined, tt.ok)
		}
		if ok && tt.combined && !strings.Contains(got.source(tt.soc), "combined row") {
			t.Errorf("source %q does not say the row is combined", got.source(tt.soc))
		}
	}
}

func TestLabourAggregates(t *testing.T) {
	emp := func(n int64) *int64 { return &n }
	wage := ptr(50000.0)
	rows := []OEWSRow{
		{Code: "13-1020", Group: "detailed", Title: "Buyers", Employment: emp(300), MedianWage: wage},
		{Code: "21-1010", Group: "broad", Title: "Counselors", Employment: emp(1000)},
		{Code: "21-1012", Group: "detailed", Employment: emp(400)},
		{Code: "21-1018", Group: "detailed", Title: "Substance abuse counselors", Employment: emp(500), MedianWage: wage},
		{Code: "47-4090", Group: "broad", Title: "Misc", Employment: emp(900)},
		{Code: "47-4091", Group: "detailed", Employment: emp(100)},
		{Code: "15-1252", Group: "detailed", Employment: emp(10)},
	}
	socs := []string{"13-1021", "13-1022", "13-1023", "21-1011", "21-1012", "21-1014", "47-4091", "47-4099", "55-1011", "15-1252"}
	standIn, members := aggregates(rows, socs)
	lf := labourFigures(rows, socs, standIn, members)
	tests := []struct {
		soc  string
		emp  int64 // -1 means null
		wage bool
	}{
		{"13-1021", 100, true}, {"13-1023", 100, true},
		{"21-1011", 250, true}, {"21-1014", 250, true}, {"21-1012", 400, false},
		{"47-4099", 800, false}, // broad stand-in less its published detailed row
		{"55-1011", -1, false}, {"15-1252", 10, false},
	}
	for _, tt := range tests {
		f := lf[tt.soc]
		if tt.emp < 0 {
			if f.employment != nil || !strings.HasPrefix(f.source, "none") {
				t.Errorf("%s: employment %v (%s), want null", tt.soc, *f.employment, f.source)
			}
			continue
		}
		if f.employment == nil || *f.employment != tt.emp {
			t.Errorf("%s: employment %v (%s), want %d", tt.soc, f.employment, f.source, tt.emp)
		}
		if (f.wage != nil) != tt.wage {
			t.Errorf("%s: wage %v, want present=%v", tt.soc, f.wage, tt.wage)
		}
	}
}

// TestBuildSmall builds a model from a tiny hand-made input: one occupation
// with Working-with-AI weights and one that falls back to its tasks' DWAs.
func TestBuildSmall(t *testing.T) {
	c, s := 1.0, 1.0
	in := &Input{
		Occupations: []OccupationName{{"99-0002.00", "Second"}, {"99-0001.00", "First"}},
		AltTitles:   []certwise.TitleEntry{{Code: "99-0001.00", Title: "Alt one"}},
		Tasks: []TaskStatement{{Code: "99-0002.00", ID: 1, Statement: "Write reports.", Type: "Core"},
			{Code: "99-0002.00", ID: 2, Statement: "Lift boxes.", Type: "Supplemental"}},
		Labels: []TaskLabel{{Code: "99-0002.00", ID: 1, Type: "Core", GPT4: "E1", Human: "E2"},
			{Code: "99-0002.00", ID: 2, Type: "Supplemental", GPT4: "E0", Human: "E0"}},
		TaskDWAs: []TaskDWA{{"99-0002.00", 1, "4.A.3.b.6.I01.D01"}, {"99-0002.00", 2, "4.A.3.a.2.I01.D01"}},
		DWAs:     []DWA{{"4.A.3.b.6.I01.D01", "4.A.3.b.6.I01"}, {"4.A.3.a.2.I01.D01", "4.A.3.a.2.I01"}},
		IWAs:     []IWA{{"4.A.3.b.6.I01", "4.A.3.b.6", "Record data."}, {"4.A.3.a.2.I01", "4.A.3.a.2", "Move things."}},
		IWAMetrics: []IWAMetric{{IWA: "4.A.3.b.6.I01", ShareUser: 0.01, CompletionUser: &c, ScopeUser: &s},
			{IWA: "4.A.3.a.2.I01", ShareUser: 0.0001, ShareAI: 0}},
		SOCWeights: []SOCWeights{{SOC: "99-0001", Weights: []IWAWeight{{"4.A.3.b.6.I01", 3}, {"4.A.3.a.2.I01", 1}}}},
		Statements: true,
	}
	m, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	first, _ := m.Occupation("99-0001.00")
	if first.AIApplicability == nil || math.Abs(*first.AIApplicability-0.375) > 1e-12 {
		t.Errorf("applicability %v, want 0.75 * 0.5", first.AIApplicability)
	}
	if first.WorkMix[certwise.Reporting] != 0.75 || *first.CompressibleShare != 0.75 || first.GPT4Beta != nil {
		t.Errorf("first: mix %v, compressible %v, beta %v", first.WorkMix, *first.CompressibleShare, first.GPT4Beta)
	}
	second, _ := m.Occupation("99-0002.00")
	if !strings.Contains(second.Sources["work_mix"], "tasks to DWAs") {
		t.Errorf("fallback not said in sources: %q", second.Sources["work_mix"])
	}
	// Core task (weight 2) on reporting, supplemental (1) on hands-on.
	if math.Abs(second.WorkMix[certwise.Reporting]-2.0/3) > 1e-12 || second.Activities[0].E1Tasks != 1 || second.Activities[0].IWA != "4.A.3.b.6.I01" {
		t.Errorf("second: mix %v, activities %+v", second.WorkMix, second.Activities)
	}
	if len(second.Tasks) != 2 || second.Tasks[0].GPT4Exposure != "E1" || second.Tasks[0].HumanExposure != "E2" {
		t.Errorf("tasks %+v", second.Tasks)
	}
	if a, _ := m.Activity("4.A.3.b.6.I01"); a.E1Tasks != 1 || a.Tasks != 1 || a.Class != certwise.Reporting {
		t.Errorf("activity figures %+v", a)
	}
	if got := m.Titles(); len(got) != 3 || got[0].Title != "First" || !got[0].Official || got[1].Title != "Alt one" || got[2].Code != "99-0002.00" {
		t.Errorf("titles %+v", got)
	}
	if m.Occupations()[0].Code != "99-0001.00" {
		t.Error("occupations not ordered by code")
	}

	// The snapshot round trip keeps figures and drops statements.
	b, err := m.MarshalSnapshot()
	if err != nil {
		t.Fatal(err)
	}
	back, err := UnmarshalSnapshot(b)
	if err != nil {
		t.Fatal(err)
	}
	s2, _ := back.Occupation("99-0002.00")
	if back.HasTasks() || len(s2.Tasks) != 0 || s2.Activities[0].Title != "Record data." || *s2.GPT4Beta != *second.GPT4Beta {
		t.Errorf("round trip: %+v", s2)
	}
	if len(back.Titles()) != 3 {
		t.Errorf("round trip titles %+v", back.Titles())
	}

	in.DWAs = append(in.DWAs, DWA{"X.D01", "4.A.9.z.9.I01"})
	if _, err := Build(in); err == nil || !strings.Contains(err.Error(), "X.D01") {
		t.Errorf("a DWA with an unknown IWA: err = %v", err)
	}
}

func TestIWAClassesFile(t *testing.T) {
	cs, err := IWAClasses()
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 332 {
		t.Errorf("%d IWAs classified, want O*NET 27.0's 332", len(cs))
	}
	used := map[certwise.WorkClass]int{}
	for _, c := range cs {
		used[c.Class]++
	}
	for _, c := range certwise.WorkClasses {
		if used[c] == 0 {
			t.Errorf("no IWA in class %s", c)
		}
	}
	// Decisions the review settled, which a later edit must not undo silently.
	want := map[string]certwise.WorkClass{
		"4.A.2.a.4.I08": certwise.Analysis,     // Research laws, precedents, or other legal data.
		"4.A.1.a.1.I05": certwise.Analysis,     // Consult legal materials or public records.
		"4.A.1.a.1.I03": certwise.Analysis,     // Investigate criminal or legal matters.
		"4.A.1.a.1.I22": certwise.Analysis,     // Investigate organizational or operational problems.
		"4.A.4.a.5.I03": certwise.Relationship, // Administer basic health care or medical treatments.
		"4.A.1.a.2.I05": certwise.Relationship, // Monitor health conditions of humans or animals.
		"4.A.3.b.6.I11": certwise.Reporting,    // Maintain health or medical records.
		"4.A.2.b.5.I02": certwise.Coordination, // Schedule operational activities.
		"4.A.3.b.1.I06": certwise.Reporting,    // Process digital or online data.
	}
	byIWA := map[string]certwise.WorkClass{}
	for _, c := range cs {
		byIWA[c.IWA] = c.Class
	}
	for iwa, cl := range want {
		if byIWA[iwa] != cl {
			t.Errorf("%s is %q, want %q", iwa, byIWA[iwa], cl)
		}
	}
}

func TestParseIWAClassesErrors(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"duplicate", "4.A.1.a.1.I01\treporting\tX\tWhy.\n4.A.1.a.1.I01\tanalysis\tX\tWhy.\n", "already classified on line 1"},
		{"unknown class", "4.A.1.a.1.I01\tpaperwork\tX\tWhy.\n", `unknown work class "paperwork"`},
		{"no rationale", "4.A.1.a.1.I01\treporting\tX\t\n", "must not be empty"},
		{"fields", "4.A.1.a.1.I01\treporting\n", "2 fields"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseIWAClasses(tt.text)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestNearest(t *testing.T) {
	m := newModel([]*certwise.Occupation{{Code: "15-1252.00"}, {Code: "15-1253.00"}, {Code: "29-1141.00"}}, nil, nil, Thresholds{}, false)
	got := m.Nearest("15-1259.00", 2)
	if len(got) != 2 || got[0] != "15-1253.00" || got[1] != "15-1252.00" {
		t.Errorf("Nearest = %v", got)
	}
}

func TestRelatedCodes(t *testing.T) {
	got := RelatedCodes([]Related{
		{Code: "A", Related: "C", Index: 2},
		{Code: "B", Related: "A", Index: 1},
		{Code: "A", Related: "B", Index: 1},
		{Code: "A", Related: "D", Index: 2},
	})
	want := map[string][]string{"A": {"B", "C", "D"}, "B": {"A"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("RelatedCodes = %v, want %v (closest first, ties in file order)", got, want)
	}
}
