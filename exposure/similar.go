package exposure

import (
	"cmp"
	"math"
	"slices"

	"github.com/certwise/certwise"
)

// MinStoredOverlap is the smallest share of shared work for which an
// occupation is kept as a move candidate of another at build time (O*NET's
// related occupations are kept whatever their overlap). Moves need at least
// this much, so nothing a move could use is dropped.
const MinStoredOverlap = 0.20

// similarOccupations precomputes, for every occupation with activities, the
// occupations it shares at least MinStoredOverlap of its work with (the sum
// over IWAs of the smaller of the two weights) and its O*NET related
// occupations, with the overlap and the skills similarity of each, best
// first (overlap, then code). occs must be sorted by code.
func similarOccupations(occs []*certwise.Occupation, sk *skillSpace) map[string][]certwise.SimilarOccupation {
	type ow struct {
		occ int
		w   float64
	}
	index := make(map[string]int, len(occs))
	byIWA := map[string][]ow{}
	for i, o := range occs {
		index[o.Code] = i
		for _, a := range o.Activities {
			if a.Weight > 0 {
				byIWA[a.IWA] = append(byIWA[a.IWA], ow{i, a.Weight})
			}
		}
	}
	out := make(map[string][]certwise.SimilarOccupation, len(occs))
	overlap := make([]float64, len(occs))
	for i, o := range occs {
		if len(o.Activities) == 0 {
			continue
		}
		clear(overlap)
		for _, a := range o.Activities {
			for _, x := range byIWA[a.IWA] {
				overlap[x.occ] += math.Min(a.Weight, x.w)
			}
		}
		related := make(map[int]bool, len(o.Related))
		for _, c := range o.Related {
			if j, ok := index[c]; ok {
				related[j] = true
			}
		}
		var list []certwise.SimilarOccupation
		for j, v := range overlap {
			if j == i || (v < MinStoredOverlap && !related[j]) {
				continue
			}
			s := certwise.SimilarOccupation{Code: occs[j].Code, Overlap: round4(v), Related: related[j]}
			if v, ok := sk.similarity(o.Code, occs[j].Code); ok {
				s.Skills = ptr(round4(v))
			}
			list = append(list, s)
		}
		slices.SortFunc(list, func(a, b certwise.SimilarOccupation) int {
			if c := cmp.Compare(b.Overlap, a.Overlap); c != 0 {
				return c
			}
			return cmp.Compare(a.Code, b.Code)
		})
		out[o.Code] = list
	}
	return out
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// skillSpace holds every rated occupation's skills and knowledge profile as
// a vector of importance × level per element, centred on the mean over all
// rated occupations, so that two occupations are similar when they stand out
// on the same skills rather than merely both needing reading and speaking.
type skillSpace struct {
	vec map[string][]float64
}

func newSkillSpace(occs []*certwise.Occupation) *skillSpace {
	s := &skillSpace{vec: map[string][]float64{}}
	var mean []float64
	n := 0
	for _, o := range occs {
		if len(o.Skills) == 0 {
			continue
		}
		if mean == nil {
			mean = make([]float64, len(o.Skills))
		}
		if len(o.Skills) != len(mean) {
			continue // a model built from inconsistent ratings: leave it out
		}
		v := make([]float64, len(o.Skills))
		for i, r := range o.Skills {
			v[i] = r.Importance * r.Level
			mean[i] += v[i]
		}
		s.vec[o.Code] = v
		n++
	}
	for i := range mean {
		mean[i] /= float64(n)
	}
	for _, v := range s.vec {
		for i := range v {
			v[i] -= mean[i]
		}
	}
	return s
}

// similarity is the cosine of two occupations' centred skill vectors, -1..1;
// ok is false when either is unrated.
func (s *skillSpace) similarity(a, b string) (float64, bool) {
	va, ok1 := s.vec[a]
	vb, ok2 := s.vec[b]
	if !ok1 || !ok2 {
		return 0, false
	}
	var dot, na, nb float64
	for i := range va {
		dot += va[i] * vb[i]
		na += va[i] * va[i]
		nb += vb[i] * vb[i]
	}
	if na == 0 || nb == 0 {
		return 0, false
	}
	return dot / math.Sqrt(na*nb), true
}
