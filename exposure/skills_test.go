package exposure

import (
	"math"
	"strings"
	"testing"

	"github.com/certwise/certwise"
)

func TestSkillRatings(t *testing.T) {
	rows := []Rating{
		{Code: "99-0001.00", Element: "2.C.1.a", Name: "Administration and Management", Kind: certwise.SkillKindKnowledge, Scale: "IM", Value: 4.12},
		{Code: "99-0001.00", Element: "2.C.1.a", Name: "Administration and Management", Kind: certwise.SkillKindKnowledge, Scale: "LV", Value: 5.56},
		{Code: "99-0001.00", Element: "2.A.1.a", Name: "Reading Comprehension", Kind: certwise.SkillKindSkill, Scale: "LV", Value: 1.2, NotRelevant: true},
		{Code: "99-0001.00", Element: "2.A.1.a", Name: "Reading Comprehension", Kind: certwise.SkillKindSkill, Scale: "IM", Value: 1.5},
	}
	elems, by, err := skillRatings(rows)
	if err != nil {
		t.Fatal(err)
	}
	if len(elems) != 2 || elems[0].Kind != certwise.SkillKindSkill || elems[1].ID != "2.C.1.a" {
		t.Errorf("elements %+v, want the skill before the knowledge area", elems)
	}
	got := by["99-0001.00"]
	want := []certwise.SkillRating{
		{Element: "2.A.1.a", Name: "Reading Comprehension", Kind: certwise.SkillKindSkill, Importance: 1.5, Level: 0},
		{Element: "2.C.1.a", Name: "Administration and Management", Kind: certwise.SkillKindKnowledge, Importance: 4.1, Level: 5.6},
	}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("ratings %+v, want %+v", got, want)
	}

	_, _, err = skillRatings(append(rows, Rating{Code: "99-0002.00", Element: "2.A.1.a", Name: "Reading Comprehension",
		Kind: certwise.SkillKindSkill, Scale: "IM", Value: 3}))
	if err == nil || !strings.Contains(err.Error(), "99-0002.00") {
		t.Errorf("an occupation without a level: err = %v", err)
	}
}

func TestSkillSimilarity(t *testing.T) {
	rated := func(code string, lv ...float64) *certwise.Occupation {
		o := &certwise.Occupation{Code: code}
		for i, v := range lv {
			o.Skills = append(o.Skills, certwise.SkillRating{Element: string(rune('a' + i)), Importance: 3, Level: v})
		}
		return o
	}
	occs := []*certwise.Occupation{rated("a", 6, 1, 1), rated("b", 5, 1, 2), rated("c", 1, 6, 6), {Code: "d"}}
	s := newSkillSpace(occs)
	ab, ok1 := s.similarity("a", "b")
	ac, ok2 := s.similarity("a", "c")
	if !ok1 || !ok2 || ab <= 0.5 || ac >= 0 || math.Abs(ab) > 1 {
		t.Errorf("similarity a-b %v (%v), a-c %v (%v): want a-b high and a-c negative", ab, ok1, ac, ok2)
	}
	if _, ok := s.similarity("a", "d"); ok {
		t.Error("an unrated occupation has a similarity")
	}
}

func TestSimilarOccupations(t *testing.T) {
	act := func(ws map[string]float64) []certwise.Activity {
		var out []certwise.Activity
		for iwa, w := range ws {
			out = append(out, certwise.Activity{IWA: iwa, Weight: w})
		}
		return out
	}
	occs := []*certwise.Occupation{
		{Code: "a", Activities: act(map[string]float64{"x": 0.6, "y": 0.4}), Related: []string{"c"}},
		{Code: "b", Activities: act(map[string]float64{"x": 0.3, "z": 0.7})},
		{Code: "c", Activities: act(map[string]float64{"z": 1})},
		{Code: "d", Activities: act(map[string]float64{"y": 0.1, "w": 0.9})},
	}
	got := similarOccupations(occs, newSkillSpace(occs))["a"]
	// b shares 0.3 of a's work; c none, but O*NET relates it; d 0.1, below the cut.
	if len(got) != 2 || got[0].Code != "b" || got[0].Overlap != 0.3 || got[0].Related ||
		got[1].Code != "c" || got[1].Overlap != 0 || !got[1].Related || got[0].Skills != nil {
		t.Errorf("similar to a: %+v", got)
	}
}
