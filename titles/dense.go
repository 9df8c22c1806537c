package titles

import (
	"math"
	"slices"
	"sort"

	"github.com/certwise/certwise"
)

// The meaning signal: word vectors (WithWordVectors) place a title in a
// space where words of like meaning lie close ("purser" near "steward"), so
// that an occupation whose titles mean what the query means scores even
// when they share few of its words. A title's vector is the sum of its
// words' unit vectors, each weighted by the word's inverse title frequency,
// scaled to unit length; an occupation's is the sum of its titles', scaled
// to unit length; the signal is the cosine of the query's and the
// occupation's vectors, floored at zero.

// WithWordVectors gives Build word vectors (unit length, all of one length,
// such as wordvec.Table): the index keeps those of its own words and adds
// the meaning signal to every score. Words without a vector take no part
// in it, and a query none of whose words has one is scored without it.
func WithWordVectors(vectors map[string][]float32) Option {
	return func(o *buildOptions) { o.vectors = vectors }
}

// Vocabulary returns the words the titles of entries reduce to, sorted:
// the words an index of them can hold a vector for.
func Vocabulary(entries []certwise.TitleEntry) []string {
	seen := map[string]bool{}
	for _, e := range entries {
		for _, w := range analyze(e.Title).words {
			seen[w] = true
		}
	}
	out := make([]string, 0, len(seen))
	for w := range seen {
		out = append(out, w)
	}
	sort.Strings(out)
	return out
}

// embed computes the occupations' vectors from their titles' terms, once
// the terms' inverse title frequencies are known. titleTerms holds each
// indexed title's term ids, in title order.
func (x *Index) embed(vectors map[string][]float32, titleTerms [][]int32) {
	if len(vectors) == 0 || x.p.denseShare <= 0 {
		return
	}
	// The words in sorted order, so that with vectors of mixed lengths the
	// length kept is the same every time: that of the first word's.
	words := make([]string, 0, len(x.spell.words))
	for w := range x.spell.words {
		words = append(words, w)
	}
	slices.Sort(words)
	dims := 0
	x.termVec = make([][]float32, len(x.kind))
	for _, w := range words {
		id, ok := x.terms[w]
		if !ok {
			continue
		}
		if v, ok := vectors[w]; ok && len(v) > 0 {
			if dims == 0 {
				dims = len(v)
			}
			if len(v) == dims {
				x.termVec[id] = v
			}
		}
	}
	if dims == 0 {
		x.termVec = nil
		return
	}
	x.dims = dims
	x.occVec = make([]float32, len(x.occs)*dims)
	tv := make([]float32, dims)
	for i, ts := range titleTerms {
		if !x.vectorOf(ts, tv) {
			continue
		}
		ov := x.occVec[int(x.titles[i].occ)*dims:][:dims]
		for j, v := range tv {
			ov[j] += v
		}
	}
	for o := range x.occs {
		unitScale(x.occVec[o*dims:][:dims])
	}
}

// vectorOf writes into v the unit vector of a title or query whose term ids
// are ts, and reports whether any of its words has a vector.
func (x *Index) vectorOf(ts []int32, v []float32) bool {
	clear(v)
	found := false
	for _, t := range ts {
		wv := x.termVec[t]
		if wv == nil {
			continue
		}
		found = true
		w := float32(x.idf[t])
		for j, f := range wv {
			v[j] += w * f
		}
	}
	return found && unitScale(v)
}

// unitScale scales v to unit length and reports whether it was not zero.
func unitScale(v []float32) bool {
	var n float64
	for _, f := range v {
		n += float64(f) * float64(f)
	}
	if n == 0 {
		return false
	}
	s := float32(1 / math.Sqrt(n))
	for i := range v {
		v[i] *= s
	}
	return true
}

// denseTop is how many occupations that share no term with a query, but
// mean most nearly what it means, join its candidates when its terms touch
// fewer than scanBelow occupations; a query touching more has candidates
// enough, and only those are compared with it, which costs a fraction of
// comparing every occupation.
const denseTop = 10

const scanBelow = 64

// meaning sets s.dense to the cosine (floored at zero) of the query's
// vector with every occupation's, for the query's term ids qs, and reports
// whether the query has a vector. Occupations that no term touched but
// that rank among the denseTop closest join s.seen.
func (x *Index) meaning(qs []int32, s *scratch) bool {
	if x.occVec == nil {
		return false
	}
	dims := x.dims
	s.qv = slices.Grow(s.qv[:0], dims)[:dims]
	if !x.vectorOf(qs, s.qv) {
		return false
	}
	q := s.qv
	s.far = s.far[:0]
	if len(s.seen) >= scanBelow {
		// enough candidates already: score only them
		for _, o := range s.seen {
			s.dense[o] = x.cosine(q, int(o))
		}
		return true
	}
	// the closest untouched occupations, closest first (the lower index
	// first among equals), at most denseTop
	closer := func(a, b int32) int {
		switch {
		case s.dense[a] > s.dense[b]:
			return -1
		case s.dense[a] < s.dense[b]:
			return 1
		}
		return 0
	}
	for o := range x.occs {
		d := x.cosine(q, o)
		s.dense[o] = d
		if s.ev[o] == 0 && d > 0 {
			s.far = keepBest(s.far, int32(o), denseTop, closer)
		}
	}
	return true
}

// cosine returns the cosine of the unit query vector q with occupation o's,
// floored at zero.
func (x *Index) cosine(q []float32, o int) float64 {
	dims := x.dims
	ov := x.occVec[o*dims:][:dims]
	q = q[:dims]
	var d0, d1, d2, d3 float32
	j := 0
	for ; j+4 <= dims; j += 4 {
		d0 += q[j] * ov[j]
		d1 += q[j+1] * ov[j+1]
		d2 += q[j+2] * ov[j+2]
		d3 += q[j+3] * ov[j+3]
	}
	for ; j < dims; j++ {
		d0 += q[j] * ov[j]
	}
	return float64(max(d0+d1+d2+d3, 0))
}
