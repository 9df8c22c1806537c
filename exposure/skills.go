package exposure

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/certwise/certwise"
)

// skillElement is one rated O*NET skill or knowledge area.
type skillElement struct {
	ID   string             `json:"id"`
	Name string             `json:"name"`
	Kind certwise.SkillKind `json:"kind"`
}

// skillRatings groups O*NET's skill and knowledge rows by occupation. It
// returns the elements (skills first, then knowledge areas, each in element
// id order) and, per rated occupation, one rating per element in that order.
// Importance and level are rounded to one decimal; a level marked not
// relevant is 0. An occupation missing the importance or the level of an
// element is an error.
func skillRatings(rows []Rating) ([]skillElement, map[string][]certwise.SkillRating, error) {
	type key struct{ code, elem string }
	type pair struct {
		im, lv       float64
		hasIM, hasLV bool
	}
	elems := map[string]skillElement{}
	vals := map[key]*pair{}
	codes := map[string]bool{}
	for _, r := range rows {
		if e, ok := elems[r.Element]; ok && (e.Name != r.Name || e.Kind != r.Kind) {
			return nil, nil, fmt.Errorf("skill element %s named both %q (%s) and %q (%s)", r.Element, e.Name, e.Kind, r.Name, r.Kind)
		}
		elems[r.Element] = skillElement{ID: r.Element, Name: r.Name, Kind: r.Kind}
		codes[r.Code] = true
		k := key{r.Code, r.Element}
		p := vals[k]
		if p == nil {
			p = &pair{}
			vals[k] = p
		}
		switch r.Scale {
		case "IM":
			p.im, p.hasIM = r.Value, true
		case "LV":
			p.lv, p.hasLV = r.Value, true
			if r.NotRelevant {
				p.lv = 0
			}
		}
	}
	order := make([]skillElement, 0, len(elems))
	for _, e := range elems {
		order = append(order, e)
	}
	slices.SortFunc(order, func(a, b skillElement) int {
		if a.Kind != b.Kind {
			if a.Kind == certwise.SkillKindSkill {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.ID, b.ID)
	})
	out := make(map[string][]certwise.SkillRating, len(codes))
	for code := range codes {
		rs := make([]certwise.SkillRating, 0, len(order))
		for _, e := range order {
			p := vals[key{code, e.ID}]
			if p == nil || !p.hasIM || !p.hasLV {
				return nil, nil, fmt.Errorf("occupation %s: %s %s (%s) lacks its importance or level rating", code, e.Kind, e.ID, e.Name)
			}
			rs = append(rs, certwise.SkillRating{Element: e.ID, Name: e.Name, Kind: e.Kind,
				Importance: round1(p.im), Level: round1(p.lv)})
		}
		out[code] = rs
	}
	return order, out, nil
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }
