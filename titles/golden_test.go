package titles

import (
	"encoding/json"
	"flag"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/certwise/certwise"
)

var updateGolden = flag.Bool("update", false, "rewrite testdata/match_golden.json from the current matcher")

// goldenCase is one query of the golden file with the matcher's answers.
type goldenCase struct {
	Query string              `json:"query"`
	Match certwise.TitleMatch `json:"match"`
	SOC   []string            `json:"soc"`
}

// misspell returns q with one random edit (deletion, transposition,
// substitution or insertion) of a byte inside it.
func misspell(r *rand.Rand, q string) string {
	b := []byte(q)
	if len(b) < 4 {
		return q
	}
	i := 1 + r.IntN(len(b)-2)
	switch r.IntN(4) {
	case 0:
		return string(b[:i]) + string(b[i+1:])
	case 1:
		b[i], b[i+1] = b[i+1], b[i]
		return string(b)
	case 2:
		b[i] = byte('a' + r.IntN(26))
		return string(b)
	}
	return string(b[:i]) + string(rune('a'+r.IntN(26))) + string(b[i:])
}

// TestMatchGolden pins the matcher's answers (matches, their order, scores
// to three decimals, confidence, and the SOC ranking) for 300 queries: 200
// titles held out by Split(seed 1) and 100 misspelt ones, matched against
// the index without them. It catches any change of results, e.g. from a
// speed-up; after an intended change of scoring, regenerate the file with
// go test ./titles -run TestMatchGolden -update.
func TestMatchGolden(t *testing.T) {
	kept, held := Split(testEntries(t), 2000, 1)
	x := Build(kept, shipped(t))
	r := rand.New(rand.NewPCG(11, 13))
	var qs []string
	for _, h := range held[:200] {
		qs = append(qs, h.Title)
	}
	for _, h := range held[200:300] {
		qs = append(qs, misspell(r, h.Title))
	}
	got := make([]goldenCase, len(qs))
	for i, q := range qs {
		got[i] = goldenCase{Query: q, Match: x.Match(q, 5), SOC: x.RankSOC(q, 5)}
	}
	path := filepath.Join("testdata", "match_golden.json")
	if *updateGolden {
		// one query per line, so that a change shows as a readable diff
		b := []byte("[\n")
		for i, g := range got {
			line, err := json.Marshal(g)
			if err != nil {
				t.Fatal(err)
			}
			b = append(b, line...)
			if i < len(got)-1 {
				b = append(b, ',')
			}
			b = append(b, '\n')
		}
		b = append(b, ']')
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (regenerate with -update): %v", err)
	}
	var want []goldenCase
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	if len(want) != len(got) {
		t.Fatalf("golden file has %d queries, the test makes %d", len(want), len(got))
	}
	for i := range got {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("query %q:\n got  %+v\n want %+v", got[i].Query, got[i], want[i])
		}
	}
}
