package titles

import (
	"cmp"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/certwise/certwise"
)

// sharedIndex is the full index over the public titles, built once.
var (
	sharedOnce sync.Once
	sharedIdx  *Index
)

func fullIndex(t *testing.T) *Index {
	t.Helper()
	es := testEntries(t)
	sharedOnce.Do(func() { sharedIdx = Build(es, shipped(t)) })
	return sharedIdx
}

// TestMatchRealWorld checks what people actually type against the full
// O*NET index: each query's best occupation must be the expected one.
func TestMatchRealWorld(t *testing.T) {
	x := fullIndex(t)
	tests := []struct {
		kind, query, want string
	}{
		{"seniority and roman numeral", "Sr. Software Engineer II", "15-1252.00"},
		{"level number", "Accountant 3", "13-2011.00"},
		{"junior", "Jr. Accountant", "13-2011.00"},
		{"abbreviation rn, shift note, unit kept as meaning", "RN - ICU nights", "29-1141.03"},
		{"plain rn", "RN", "29-1141.00"},
		{"comma-separated function", "Director, Marketing", "11-2021.00"},
		{"vp and comma", "VP, Marketing", "11-2021.00"},
		{"of-phrase", "Director of Marketing", "11-2021.00"},
		{"misspelling (deletion)", "acountant", "13-2011.00"},
		{"misspelling (transposition)", "Dental Hygeinist", "29-1292.00"},
		{"misspelling (substitution)", "elementary school teachar", "25-2021.00"},
		{"mgr", "HR Mgr", "11-3121.00"},
		{"eng", "Software QA Eng", "15-1253.00"},
		{"dev", "Jr. Web Dev", "15-1254.00"},
		{"admin asst", "Admin Asst", "43-6014.00"},
		{"ux", "UX Designer", "15-1255.00"},
		{"ceo", "CEO", "11-1011.00"},
		{"plural", "Registered Nurses", "29-1141.00"},
		{"upper case", "LICENSED PRACTICAL NURSE", "29-2061.00"},
		{"location", "Truck Driver - Chicago, IL", "53-3032.00"},
		{"employment terms", "Part-Time Cashier (weekends)", "41-2011.00"},
		{"parenthesised expansion", "Certified Public Accountant (CPA)", "13-2011.00"},
		{"slash-separated", "Bookkeeper / Office Clerk", "43-3031.00"},
		{"hyphenated word", "X-Ray Technologist", "29-2034.00"},
		{"trade", "Electrician Apprentice", "47-3013.00"},
		{"data science", "Data Scientist", "15-2051.00"},
		// O*NET lists "Machine Learning Engineer" under 15-1299.08 and
		// "Quantitative Analyst" under 13-2099.01; the short forms people
		// type reach them. It lists "Site Reliability Engineer" under
		// Validation Engineers, but the job is software infrastructure work:
		// modern.tsv maps it to Computer Systems Engineers/Architects.
		{"mlops", "MLOps Engineer", "15-1299.08"},
		{"quant", "Quant Analyst", "13-2099.01"},
		{"sre", "Sr. SRE", "15-1299.08"},
	}
	for _, tc := range tests {
		t.Run(tc.kind, func(t *testing.T) {
			r := x.Match(tc.query, 5)
			if len(r.Matches) == 0 {
				t.Fatalf("Match(%q): no matches, want %s", tc.query, tc.want)
			}
			if got := r.Matches[0].Code; got != tc.want {
				t.Errorf("Match(%q) = %s (%s via %q), want %s; all: %v", tc.query, got, r.Matches[0].Title, r.Matches[0].MatchedTitle, tc.want, r.Matches)
			}
		})
	}
}

// TestMatchConfidence checks the confident flag on the full index.
func TestMatchConfidence(t *testing.T) {
	x := fullIndex(t)
	tests := []struct {
		query     string
		confident bool
		matches   bool
	}{
		{"", false, false},
		{"   ", false, false},
		{"Senior II (nights)", false, false}, // only noise words
		{"the of and", false, false},
		{"qwzxv", false, false}, // nothing the index knows
		{"Registered Nurse", true, true},
		{"Accountant", true, true},
		{"Manager", false, true},    // dozens of occupations have managers
		{"Operator", false, true},   // and operators
		{"Technician", false, true}, // engineering and health technicians alike
		// O*NET lists X-ray technicians under two occupations; the meaning
		// of the rest of their titles sets the radiologic ones apart
		{"X-Ray Tech", true, true},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			r := x.Match(tc.query, 5)
			if r.Confident != tc.confident || (len(r.Matches) > 0) != tc.matches {
				t.Errorf("Match(%q): confident %v with %d matches, want confident %v, matches %v: %v",
					tc.query, r.Confident, len(r.Matches), tc.confident, tc.matches, r.Matches)
			}
			if r.Query != tc.query {
				t.Errorf("query echoed as %q", r.Query)
			}
		})
	}
}

func TestMatchShape(t *testing.T) {
	x := Build([]certwise.TitleEntry{
		{Code: "29-1141.00", Title: "Registered Nurses", Official: true},
		{Code: "29-1141.00", Title: "Staff Nurse"},
		{Code: "29-1141.00", Title: "Staff Nurses"}, // same words: one title
		{Code: "29-2061.00", Title: "Licensed Practical and Licensed Vocational Nurses", Official: true},
		{Code: "29-2061.00", Title: "Charge Nurse"},
		{Code: "13-2011.00", Title: "Accountants and Auditors", Official: true},
		{Code: "13-2011.00", Title: "Staff Accountant"},
		{Code: "99-9999.00", Title: "Senior II", Official: true}, // no words left
	})
	if x.Occupations() != 4 {
		t.Errorf("Occupations() = %d, want 4", x.Occupations())
	}
	if x.Len() != 6 {
		t.Errorf("Len() = %d, want 6 (duplicate and empty titles dropped)", x.Len())
	}
	r := x.Match("nurse", 1)
	if len(r.Matches) != 1 {
		t.Fatalf("top 1 gave %d matches", len(r.Matches))
	}
	r = x.Match("staff nurse", 0) // "staff" opening a title is a rank: only nurses share a word
	if len(r.Matches) != 2 {
		t.Fatalf("default top gave %d matches, want the 2 that share a word: %v", len(r.Matches), r.Matches)
	}
	m := r.Matches[0]
	if m.Code != "29-1141.00" || m.Title != "Registered Nurses" || m.MatchedTitle != "Staff Nurse" {
		t.Errorf("best = %+v, want 29-1141.00 Registered Nurses via Staff Nurse", m)
	}
	for i, c := range r.Matches {
		if c.Score <= 0 || c.Score > 1 {
			t.Errorf("score %v out of (0, 1]", c.Score)
		}
		if i > 0 && c.Score > r.Matches[i-1].Score {
			t.Errorf("matches not ordered by score: %v", r.Matches)
		}
	}
}

// TestMatchConcurrent runs queries from many goroutines (for -race).
func TestMatchConcurrent(t *testing.T) {
	x := Build([]certwise.TitleEntry{
		{Code: "1", Title: "Registered Nurse", Official: true},
		{Code: "2", Title: "Accountant", Official: true},
		{Code: "3", Title: "Software Engineer", Official: true},
	})
	queries := []string{"nurse", "acountant", "software eng", "rn"}
	want := make([]certwise.TitleMatch, len(queries))
	for i, q := range queries {
		want[i] = x.Match(q, 3)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8*len(queries))
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, q := range queries {
				if got := x.Match(q, 3); fmt.Sprint(got) != fmt.Sprint(want[i]) {
					errs <- fmt.Errorf("Match(%q) = %v, want %v", q, got, want[i])
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestMatchCompounds checks that compound words meet their parts in both
// directions: an unknown compound in the query, a compound in the index.
func TestMatchCompounds(t *testing.T) {
	x := Build([]certwise.TitleEntry{
		{Code: "39-2021.00", Title: "Animal Caretakers", Official: true},
		{Code: "39-2021.00", Title: "Zoo Keeper"},
		{Code: "47-2151.00", Title: "Pipelayers", Official: true},
		{Code: "47-2151.00", Title: "Pipelayer"},
		{Code: "47-2152.00", Title: "Plumbers", Official: true},
		{Code: "47-2152.00", Title: "Pipe Fitter"},
		{Code: "47-2021.00", Title: "Brickmasons and Blockmasons", Official: true},
		{Code: "47-2021.00", Title: "Brick Layer"},
		{Code: "33-9032.00", Title: "Security Guards", Official: true},
		{Code: "33-9032.00", Title: "Gate Keeper"},
	})
	wantFirst(t, x, map[string]string{
		"Zookeeper":  "39-2021.00", // query compound split into known words
		"Pipe Layer": "47-2151.00", // index compound split into known words
	})
}

// TestRankSOC checks that O*NET-SOC occupations sharing a 6-digit SOC code
// are ranked as one.
func TestRankSOC(t *testing.T) {
	x := Build([]certwise.TitleEntry{
		{Code: "15-1299.08", Title: "Computer Systems Engineers/Architects", Official: true},
		{Code: "15-1299.08", Title: "Systems Engineer"},
		{Code: "15-1299.09", Title: "Information Technology Project Managers", Official: true},
		{Code: "15-1299.09", Title: "Systems Project Manager"},
		{Code: "15-1244.00", Title: "Network and Computer Systems Administrators", Official: true},
		{Code: "15-1244.00", Title: "Systems Administrator"},
	})
	got := x.RankSOC("systems engineer", 5)
	if !slices.Equal(got, []string{"15-1299", "15-1244"}) {
		t.Errorf("RankSOC = %v, want [15-1299 15-1244]", got)
	}
	if got := x.RankSOC("systems engineer", 1); len(got) != 1 {
		t.Errorf("RankSOC top 1 gave %v", got)
	}
	if got := x.RankSOC("qwzxv", 5); len(got) != 0 {
		t.Errorf("RankSOC of an unknown word = %v, want none", got)
	}
}

// TestMatchStems checks that words meet their other forms through their
// stems: nursing and nurse, accounting and accountant are not plurals.
func TestMatchStems(t *testing.T) {
	x := Build([]certwise.TitleEntry{
		{Code: "29-1141.00", Title: "Registered Nurses", Official: true},
		{Code: "29-1141.00", Title: "Staff Nurse"},
		{Code: "13-2011.00", Title: "Accountants and Auditors", Official: true},
		{Code: "13-2011.00", Title: "Staff Accountant"},
	})
	wantFirst(t, x, map[string]string{
		"Staff Nursing":    "29-1141.00",
		"Staff Accounting": "13-2011.00",
	})
}

// TestStemOf checks that agent nouns reduce to the stem of the work they
// name when the vocabulary holds it, and stay whole when it does not.
func TestStemOf(t *testing.T) {
	x := Build([]certwise.TitleEntry{
		{Code: "51-4121.00", Title: "Welding Machine Operator", Official: true},
		{Code: "51-9032.00", Title: "Cutting Machine Tender", Official: true},
		{Code: "25-2021.00", Title: "Teaching Assistant", Official: true},
		{Code: "47-2141.00", Title: "Water Painter", Official: true},
	})
	for _, c := range []struct{ word, want string }{
		{"welder", "weld"},   // welding is in the vocabulary
		{"welding", "weld"},  // Porter's own stem
		{"cutter", "cut"},    // doubled consonant undone
		{"teacher", "teach"}, // teaching
		{"water", "water"},   // no word stems to "wat"
		{"painter", "painter"},
		{"operator", "oper"}, // Porter already strips -ator
		{"foreman", "foreman"},
		{"ab", "ab"},
	} {
		if got := x.stemOf(c.word); got != c.want {
			t.Errorf("stemOf(%q) = %q, want %q", c.word, got, c.want)
		}
	}
}

// TestMatchAgentNouns checks that a title naming the worker meets titles
// naming the work: no title says "welder", "cutter" or "teacher".
func TestMatchAgentNouns(t *testing.T) {
	x := Build([]certwise.TitleEntry{
		{Code: "51-4121.00", Title: "Welding Workers", Official: true},
		{Code: "51-4121.00", Title: "Welding Technician"},
		{Code: "51-9032.00", Title: "Cutting Machine Tenders", Official: true},
		{Code: "25-9042.00", Title: "Teaching Assistants", Official: true},
		{Code: "47-2141.00", Title: "Bridge Maintenance Workers", Official: true},
	})
	wantFirst(t, x, map[string]string{
		"Welder":       "51-4121.00",
		"Cutter":       "51-9032.00",
		"Teacher Aide": "25-9042.00",
	})
}

// wantFirst checks that each query's best match is the code it maps to.
func wantFirst(t *testing.T, x *Index, want map[string]string) {
	t.Helper()
	for q, code := range want {
		if r := x.Match(q, 3); len(r.Matches) == 0 || r.Matches[0].Code != code {
			t.Errorf("Match(%q) = %v, want %s first", q, r.Matches, code)
		}
	}
}

// TestMatchExactTitle checks that a title typed as listed finds its
// occupation before one whose many titles merely share its words: Porter
// stems "product" and "production" alike.
func TestMatchExactTitle(t *testing.T) {
	x := Build([]certwise.TitleEntry{
		{Code: "11-2021.00", Title: "Marketing Managers", Official: true},
		{Code: "11-2021.00", Title: "Product Manager"},
		{Code: "11-3051.00", Title: "Industrial Production Managers", Official: true},
		{Code: "11-3051.00", Title: "Production Manager"},
		{Code: "11-3051.00", Title: "Production Control Manager"},
		{Code: "11-3051.00", Title: "Product Production Manager"},
		{Code: "11-3051.00", Title: "Manufacturing Production Manager"},
	})
	r := x.Match("product manager", 2)
	if len(r.Matches) == 0 || r.Matches[0].Code != "11-2021.00" || !r.Confident {
		t.Errorf("Match(product manager) = %+v, want 11-2021.00 first and confident", r)
	}
	if got := x.RankSOC("Product Managers", 2); len(got) == 0 || got[0] != "11-2021" {
		t.Errorf("RankSOC(Product Managers) = %v, want 11-2021 first", got)
	}

	// A word corrected within an edit still lifts; one only read by the
	// letters it shares with a known word ("dataologist" as "biologist")
	// does not.
	y := Build([]certwise.TitleEntry{
		{Code: "19-1029.04", Title: "Biologists", Official: true},
		{Code: "19-1029.04", Title: "Field Biologist"},
		{Code: "19-1023.00", Title: "Zoologists and Wildlife Biologists", Official: true},
	})
	for q, lifted := range map[string]bool{"Biologist": true, "Biolgist": true, "Dataologist": false} {
		r := y.Match(q, 1)
		if len(r.Matches) == 0 {
			t.Fatalf("Match(%q): no matches", q)
		}
		if got := r.Matches[0].Score >= 0.9; got != lifted {
			t.Errorf("Match(%q) = %+v: lifted %v, want %v", q, r.Matches[0], got, lifted)
		}
	}
}

// TestMatchRelated checks the related occupations' titles in the
// likelihood: "Smoke Jumper Supervisor" names a supervisor whose own titles
// never say smoke jumper, while the firefighters O*NET relates to it do; so
// of the two supervisor occupations, the firefighters' supervisors should
// come first, which the titles alone do not decide.
func TestMatchRelated(t *testing.T) {
	entries := []certwise.TitleEntry{
		{Code: "33-1021.00", Title: "First-Line Supervisors of Firefighting and Prevention Workers", Official: true},
		{Code: "33-1021.00", Title: "Fire Captain"},
		{Code: "33-1021.00", Title: "Fire Crew Supervisor"},
		{Code: "33-2011.00", Title: "Firefighters", Official: true},
		{Code: "33-2011.00", Title: "Smoke Jumper"},
		{Code: "33-2011.00", Title: "Smokejumper Crew Member"},
		{Code: "51-1011.00", Title: "First-Line Supervisors of Production and Operating Workers", Official: true},
		{Code: "51-1011.00", Title: "Production Supervisor"},
		{Code: "51-1011.00", Title: "Line Supervisor"},
	}
	related := map[string][]string{
		"33-1021.00": {"33-2011.00"},
		"33-2011.00": {"33-1021.00"},
		"51-1011.00": {"11-3051.00"}, // not indexed: ignored
	}
	const q = "Smoke Jumper Supervisor"
	// The likelihood posterior alone: in the blend, the production
	// supervisors, reached through the generic "supervisor" only, rank last
	// whatever it says.
	score := func(x *Index, code string) float64 { return likelihoodOf(x, q)[code] }
	without, with := Build(entries), Build(entries, WithRelated(related))
	if score(without, "33-1021.00") >= score(without, "51-1011.00") {
		t.Fatalf("without related occupations the firefighting supervisors already beat the production ones; the test shows nothing: %v", without.Match(q, 3).Matches)
	}
	if score(with, "33-1021.00") <= score(with, "51-1011.00") {
		t.Errorf("with related occupations the firefighting supervisors should beat the production ones: %v", with.Match(q, 3).Matches)
	}
	if got := Build(entries, WithRelated(nil)).Match(q, 3); !reflect.DeepEqual(got, without.Match(q, 3)) {
		t.Errorf("WithRelated(nil) changed the answer: %v, want %v", got, without.Match(q, 3))
	}
}

// TestMatchGroupEvidence checks the back-off to SOC groups: a word used
// only by production occupations makes the production supervisor likelier
// than the construction one, though neither lists the word.
func TestMatchGroupEvidence(t *testing.T) {
	entries := []certwise.TitleEntry{
		{Code: "51-1011.00", Title: "First-Line Supervisors of Production Workers", Official: true},
		{Code: "51-1011.00", Title: "Plant Supervisor"},
		{Code: "47-1011.00", Title: "First-Line Supervisors of Construction Workers", Official: true},
		{Code: "47-1011.00", Title: "Site Supervisor"},
		{Code: "51-9012.00", Title: "Still Operators", Official: true},
		{Code: "51-9012.00", Title: "Distillation Operator"},
		{Code: "47-2061.00", Title: "Construction Laborers", Official: true},
		{Code: "47-2061.00", Title: "Concrete Laborer"},
	}
	// ranked by the likelihood posterior alone: in the blend, the
	// construction supervisor, reached through the generic "supervisor"
	// only, ranks last whatever it says
	rank := func(p params) []string {
		like := likelihoodOf(build(entries, p, buildOptions{}), "Distillation Supervisor")
		codes := slices.Collect(maps.Keys(like))
		slices.SortStableFunc(codes, func(a, b string) int {
			if c := cmp.Compare(like[b], like[a]); c != 0 {
				return c
			}
			return strings.Compare(a, b)
		})
		return codes
	}
	got := rank(defaultParams)
	if i, j := slices.Index(got, "51-1011.00"), slices.Index(got, "47-1011.00"); i < 0 || j < 0 || i > j {
		t.Errorf("with group back-off: %v, want 51-1011.00 before 47-1011.00", got)
	}
	flat := defaultParams
	flat.groupMu = [levels]float64{}
	got = rank(flat)
	if i, j := slices.Index(got, "51-1011.00"), slices.Index(got, "47-1011.00"); i < j {
		t.Errorf("without group back-off: %v, want the supervisors tied (by code order)", got)
	}
}

// TestWordsKey checks that titles with the same words in any order share a
// key, built again and again in one scratch's buffers.
func TestWordsKey(t *testing.T) {
	var s scratch
	for _, c := range []struct {
		words []string
		want  string
	}{
		{nil, ""},
		{[]string{"nurse"}, "nurse"},
		{[]string{"product", "manager"}, "manager product"},
		{[]string{"manager", "product"}, "manager product"},
		{[]string{"data", "data", "entry"}, "data entry"},
	} {
		if got := string(s.wordsKey(c.words)); got != c.want {
			t.Errorf("wordsKey(%q) = %q, want %q", c.words, got, c.want)
		}
	}
}

// likelihoodOf returns the likelihood posterior of each occupation a query
// touches, by O*NET-SOC code.
func likelihoodOf(x *Index, q string) map[string]float64 {
	s := x.pool.Get().(*scratch)
	defer x.pool.Put(s)
	out := map[string]float64{}
	for _, c := range x.candidates(q, s) {
		out[x.occs[c.occ].code] = c.like
	}
	return out
}
