package titles

import (
	"slices"
	"testing"

	"github.com/certwise/certwise"
)

// denseEntries are two occupations that share a title, so that the words
// alone tell them apart only by how many titles each has.
var denseEntries = []certwise.TitleEntry{
	{Code: "29-9099.01", Title: "Midwife", Official: true},
	{Code: "29-9099.01", Title: "Shop Assistant"},
	{Code: "29-9099.01", Title: "Birth Helper"},
	{Code: "29-9099.01", Title: "Doula"},
	{Code: "51-4121.01", Title: "Welder", Official: true},
	{Code: "51-4121.01", Title: "Shop Assistant"},
	{Code: "51-4121.01", Title: "Nurse Welder"},
}

// denseVectors place "shop assistant" with the welders' words and "nurse"
// with the midwife's, in three dimensions.
var denseVectors = map[string][]float32{
	"midwife":   {1, 0, 0},
	"nurse":     {0.8, 0.6, 0},
	"welder":    {0, 1, 0},
	"shop":      {0, 1, 0},
	"assistant": {0, 0.6, 0.8},
	"xylophone": {0.6, 0, 0.8}, // a word no title uses
}

func codes(m certwise.TitleMatch) []string {
	var out []string
	for _, c := range m.Matches {
		out = append(out, c.Code)
	}
	return out
}

func TestMeaningSignal(t *testing.T) {
	plain := Build(denseEntries)
	meant := Build(denseEntries, WithWordVectors(denseVectors))

	t.Run("breaks a tie of words", func(t *testing.T) {
		// Both hold "Shop Assistant"; the welders' titles mean more what
		// "shop" means.
		if got := codes(plain.Match("Shop Assistant", 2)); got[0] != "29-9099.01" {
			t.Fatalf("without vectors: %v, want the midwife (more titles) first", got)
		}
		if got := codes(meant.Match("Shop Assistant", 2)); !slices.Equal(got, []string{"51-4121.01", "29-9099.01"}) {
			t.Errorf("with vectors: %v, want the welders first", got)
		}
		if got := meant.RankSOC("Shop Assistant", 2); !slices.Equal(got, []string{"51-4121", "29-9099"}) {
			t.Errorf("RankSOC with vectors: %v, want the welders first", got)
		}
	})
	t.Run("finds an occupation sharing no word", func(t *testing.T) {
		// Only the welders have a "nurse"; the midwife means it.
		if got := codes(plain.Match("Nurse", 5)); !slices.Equal(got, []string{"51-4121.01"}) {
			t.Fatalf("without vectors: %v, want the welders only", got)
		}
		m := meant.Match("Nurse", 5)
		if got := codes(m); !slices.Contains(got, "29-9099.01") {
			t.Errorf("with vectors: %v, want the midwife among the matches", got)
		}
		for _, c := range m.Matches {
			if c.Code == "29-9099.01" && (c.Score <= 0 || c.MatchedTitle != "Midwife") {
				t.Errorf("midwife matched as %+v, want a positive score under its official title", c)
			}
		}
	})
	t.Run("ignores words no title uses", func(t *testing.T) {
		if got := meant.Match("Xylophone", 5); len(got.Matches) != 0 || got.Confident {
			t.Errorf("Match(Xylophone) = %+v, want nothing", got)
		}
	})
	t.Run("leaves queries without vectors alone", func(t *testing.T) {
		// "Welding" has no vector here: the score is the words' alone.
		sparse := map[string][]float32{"midwife": {1, 0, 0}}
		x := Build(denseEntries, WithWordVectors(sparse))
		a, b := plain.Match("Welder Assistant", 5), x.Match("Welder Assistant", 5)
		if !slices.Equal(codes(a), codes(b)) || a.Matches[0].Score != b.Matches[0].Score {
			t.Errorf("with unrelated vectors %+v, without %+v; want the same", b, a)
		}
	})
	t.Run("vectors of mixed lengths", func(t *testing.T) {
		// The length of the alphabetically first word's vector is kept;
		// words of another length are left out.
		mixed := map[string][]float32{"midwife": {1, 0, 0}, "welder": {0, 1}}
		x := Build(denseEntries, WithWordVectors(mixed))
		if got := x.Match("Welder", 5); len(got.Matches) == 0 || got.Matches[0].Code != "51-4121.01" {
			t.Errorf("Match(Welder) = %v", got)
		}
	})
}
