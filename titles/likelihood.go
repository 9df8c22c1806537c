// The query-likelihood signal: each occupation's titles as one document,
// smoothed towards its related occupations and its SOC groups.

package titles

import (
	"math"
	"sort"
)

// likelihood adds to s.like, for each occupation in s.seen, the log
// likelihood of the query terms qs (each weighted by its kind) relative to
// the background: Σ log P(t|o)/P(t). P(t|o) is Dirichlet-smoothed towards
// the occupation's 6-digit SOC code, that towards its broad group, and so
// up to the major group and the whole index, so that a word used by
// sibling occupations ("distillation" across production work) is evidence
// for the group's members too.
func (x *Index) likelihood(qs []int32, s *scratch) {
	// The ratios of one kind of term share a weight, so they are multiplied
	// and the logarithm taken once per kind and occupation.
	for k := range uint8(nKinds) {
		ks := x.kindWeight(k)
		first, last := -1, -1
		for i, t := range qs {
			if x.kind[t] == k {
				if first < 0 {
					first = i
				}
				last = i
			}
		}
		for i := first; i >= 0 && i <= last; i++ {
			if t := qs[i]; x.kind[t] == k {
				x.likeRatios(t, s, i == first, i == last, ks)
			}
		}
	}
}

// likeRatios multiplies s.prod, for each occupation in s.seen, by
// P(t|o)/P(t). For the first term of a kind the product starts at the
// ratio (1·r is r); for the last, ks times the product's logarithm is added
// to s.like instead of storing the product.
func (x *Index) likeRatios(t int32, s *scratch, first, last bool, ks float64) {
	for _, op := range x.opost[t] {
		c := float64(op.count)
		s.occN[op.occ] = c
		for _, l := range x.back {
			s.grpN[l][x.occG[l][op.occ]] += c
		}
	}
	bgP := float64(len(x.tpost[t])) / x.total
	// P(t|group) for every group of each level backed off to, coarsest
	// first; it depends on the group only, so it is computed once per group
	// rather than once per occupation.
	for l := levels - 1; l >= 0; l-- {
		mu := x.p.groupMu[l]
		if mu <= 0 {
			continue
		}
		n, den, ps := s.grpN[l], x.grpDen[l], s.grpP[l]
		if u := x.upLevel[l]; u >= 0 {
			upP, ups := s.grpP[u], x.grpUp[l]
			for g := range ps {
				ps[g] = (n[g] + mu*upP[ups[g]]) / den[g]
			}
		} else {
			for g := range ps {
				ps[g] = (n[g] + mu*bgP) / den[g]
			}
		}
	}
	mu := x.p.mu
	base := s.grpP[max(x.finest, 0)] // P(t|group) at the finest level, or bgP for every group
	if x.finest < 0 {
		base = s.grpP[0][:1]
		base[0] = bgP
	}
	grp := x.occGrp // the occupations' groups in base, all 0 without back-off
	if x.relatedBy != nil {
		x.addRelated(t, s, base, grp)
	}
	switch {
	case first && last:
		for _, o := range s.seen {
			p := (s.occN[o] + mu*base[grp[o]]) / x.occDen[o]
			s.like[o] += ks * math.Log(p/bgP)
		}
	case first:
		for _, o := range s.seen {
			p := (s.occN[o] + mu*base[grp[o]]) / x.occDen[o]
			s.prod[o] = p / bgP
		}
	case last:
		for _, o := range s.seen {
			p := (s.occN[o] + mu*base[grp[o]]) / x.occDen[o]
			s.like[o] += ks * math.Log(s.prod[o]*(p/bgP))
		}
	default:
		for _, o := range s.seen {
			p := (s.occN[o] + mu*base[grp[o]]) / x.occDen[o]
			s.prod[o] *= p / bgP
		}
	}
	for _, op := range x.opost[t] {
		s.occN[op.occ] = 0
		for _, l := range x.back {
			s.grpN[l][x.occG[l][op.occ]] = 0
		}
	}
	if x.relatedBy != nil {
		for _, o := range s.seen {
			s.occN[o] = 0
		}
	}
}

// relate records, for each occupation, the occupations related to it, and
// the denominators of the related titles' smoothed term probabilities.
// Without related codes the likelihood model is left as it was.
func (x *Index) relate(related map[string][]string) {
	if len(related) == 0 || x.p.relMu <= 0 {
		return
	}
	x.relatedBy = make([][]int32, len(x.occs))
	x.relatedOf = make([][]int32, len(x.occs))
	x.relDen = make([]float64, len(x.occs))
	codes := make([]string, 0, len(related))
	for c := range related {
		codes = append(codes, c)
	}
	sort.Strings(codes) // a fixed order, so that sums are the same run to run
	for _, c := range codes {
		o, ok := x.byCode[c]
		if !ok {
			continue
		}
		for _, rc := range related[c] {
			if r, ok := x.byCode[rc]; ok && r != o {
				x.relatedBy[r] = append(x.relatedBy[r], o)
				x.relatedOf[o] = append(x.relatedOf[o], r)
				x.relDen[o] += x.occs[r].mass
			}
		}
	}
	for o := range x.relDen {
		x.relDen[o] += x.p.relSmooth
	}
}

// addRelated adds to s.occN, for each occupation in s.seen, relMu times the
// probability of term t in the titles of its related occupations (smoothed
// towards base, the probability in its SOC group), so that the likelihood
// reads (own count + relMu·P(t|related) + mu·P(t|group)) / (mass + relMu + mu).
func (x *Index) addRelated(t int32, s *scratch, base []float64, grp []int32) {
	relMu, smooth := x.p.relMu, x.p.relSmooth
	if 2*len(x.opost[t]) >= len(s.seen) {
		// A common term (held by at least half as many occupations as the
		// query touches): gather, for each occupation touched, the counts
		// of its related occupations (s.occN holds every holder's count),
		// which costs less than scattering and clearing every holder's.
		// The sums are taken before any count changes.
		for _, o := range s.seen {
			var n float64
			for _, r := range x.relatedOf[o] {
				n += s.occN[r]
			}
			s.relN[o] = n
		}
		for _, o := range s.seen {
			s.occN[o] += relMu * (s.relN[o] + smooth*base[grp[o]]) / x.relDen[o]
			s.relN[o] = 0
		}
		return
	}
	// A rare term: scatter each holder's count to the occupations it is
	// related to.
	for _, op := range x.opost[t] {
		c := float64(op.count)
		for _, o := range x.relatedBy[op.occ] {
			s.relN[o] += c
		}
	}
	for _, o := range s.seen {
		s.occN[o] += relMu * (s.relN[o] + smooth*base[grp[o]]) / x.relDen[o]
	}
	for _, op := range x.opost[t] {
		for _, o := range x.relatedBy[op.occ] {
			s.relN[o] = 0
		}
	}
}
