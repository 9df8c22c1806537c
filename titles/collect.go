// Candidate collection: the occupations a query's terms touch, each scored
// by its signals, and the best of them kept.

package titles

import (
	"math"
	"slices"
)

// scratch is the per-query working memory, pooled.
type scratch struct {
	dot     []float64         // per title: dot product with the query
	touched []int32           // titles with a non-zero dot
	best    []float64         // per occupation: best title cosine
	bestT   []int32           // per occupation: that title, or -1
	ev      []float64         // per occupation: evidence
	like    []float64         // per occupation: log-likelihood, then posterior
	prod    []float64         // per occupation: product of likelihood ratios of one kind of term
	occN    []float64         // per occupation: titles holding the current term
	grpN    [levels][]float64 // per level, per group: titles holding the current term
	grpP    [levels][]float64 // per level, per group: smoothed probability of the current term
	seen    []int32           // occupations touched
	relN    []float64         // per occupation: titles of its related occupations holding the current term
	qs      []int32           // the query's term ids
	key     []byte            // a term key being looked up
	words   []string          // the query's words, sorted (wordsKey)
	wkey    []byte            // the query's words key (wordsKey)
	cands   []cand            // the occupations touched, with their scores
	socAt   []int32           // per 6-digit SOC group: 1 + its index in socs, or 0
	socs    []cand            // RankSOC's SOC codes, with their scores
	dense   []float64         // per occupation: the meaning signal (meaning)
	qv      []float32         // the query's vector
	far     []int32           // occupations no term touched, closest in meaning first
}

// cand is an occupation touched by a query, with its scores.
type cand struct {
	occ   int32
	bestT int32   // its title nearest to the query, or -1
	lex   float64 // nearest-title and evidence blend, 0..1
	like  float64 // likelihood posterior, 0..1
	dense float64 // meaning signal, 0..1, or -1 when the query has no vector
	blend float64 // the blend of lex, like and dense
	score float64 // the blend, lifted when exact
	exact bool    // it holds a title with exactly the query's words
}

// score sets c's blend of its lexical score and likelihood posterior, and
// its score: the blend, lifted for an exact title.
func (x *Index) score(c *cand) {
	if c.dense < 0 {
		c.blend = (1-x.p.likeShare)*c.lex + x.p.likeShare*c.like
	} else {
		ds := x.p.denseShare
		c.blend = (1-ds)*((1-x.p.likeShare)*c.lex+x.p.likeShare*c.like) + ds*c.dense
	}
	c.score = c.blend
	if c.exact {
		c.score = x.p.exactFloor + (1-x.p.exactFloor)*c.blend
	}
}

// byScore orders candidates best first, ties by occupation.
func byScore(a, b cand) int {
	switch {
	case a.score > b.score:
		return -1
	case a.score < b.score:
		return 1
	}
	return int(a.occ - b.occ)
}

// topCands returns the best k candidates of cs, best first; it may reorder cs.
func topCands(cs []cand, k int) []cand {
	if len(cs) <= 4*k {
		slices.SortFunc(cs, byScore)
		return cs[:min(k, len(cs))]
	}
	out := make([]cand, 0, k+1)
	for _, c := range cs {
		out = keepBest(out, c, k, byScore)
	}
	return out
}

// keepBest inserts v into best, which cmp orders best first, keeping at
// most k: v goes after the elements cmp ranks equal to it, and not in at all
// when best is full and v ranks no better than its last.
func keepBest[T any](best []T, v T, k int, cmp func(a, b T) int) []T {
	if len(best) == k && cmp(v, best[k-1]) >= 0 {
		return best
	}
	i, _ := slices.BinarySearchFunc(best, v, cmp)
	for i < len(best) && cmp(best[i], v) == 0 {
		i++
	}
	best = slices.Insert(best, i, v)
	return best[:min(len(best), k)]
}

// candidates scores every occupation the query's terms touch, in the order
// they were touched, into s.cands, which stays valid until s is reused.
func (x *Index) candidates(query string, s *scratch) []cand {
	a := analyze(query)
	guessed := false // a word was read as the known word sharing most letter trigrams
	for i := 0; i < len(a.words); i++ {
		w := a.words[i]
		if _, ok := x.spell.words[w]; ok {
			continue
		}
		if p, q := x.split(w); p != "" {
			// an unknown compound of known words: "zookeeper" → "zoo keeper"
			if a.head == w {
				a.head = q
			}
			a.words = slices.Insert(a.words, i+1, q)
			a.segs = slices.Insert(a.segs, i+1, a.segs[i])
			a.words[i] = p
			i++
			continue
		}
		c := x.spell.correct(w)
		if c == "" && x.p.gramMin > 0 {
			c = x.spell.nearestByGrams(w, x.p.gramMin)
			guessed = guessed || c != ""
		}
		if c != "" {
			if a.head == w {
				a.head = c
			}
			a.words[i] = c
		}
	}
	// A word read by shared letters is a guess: no title is then exactly
	// the query's ("Dataologist" is not "Biologist").
	var exact []int32
	if !guessed {
		exact = x.exact[string(s.wordsKey(a.words))]
	}
	qs := x.queryTerms(a, s)
	if len(qs) == 0 {
		return nil
	}
	var qn, evTotal float64
	for _, t := range qs {
		w := x.weight(t)
		qn += w * w
		evTotal += x.oidf[t] * x.kindScale(t)
	}
	qn = math.Sqrt(qn)

	for _, t := range qs {
		w := x.weight(t)
		w2 := w * w
		for _, id := range x.tpost[t] {
			if s.dot[id] == 0 {
				s.touched = append(s.touched, id)
			}
			s.dot[id] += w2
		}
		ew := x.oidf[t] * x.kindScale(t) / evTotal
		for _, op := range x.opost[t] {
			o := op.occ
			if s.ev[o] == 0 {
				s.seen = append(s.seen, o)
				s.bestT[o] = -1
			}
			c := float64(op.count)
			s.ev[o] += ew * c / (c + x.p.evidenceSat)
		}
	}
	meant := x.meaning(qs, s)
	if meant {
		for _, o := range s.far {
			s.seen = append(s.seen, o)
			s.bestT[o] = -1
		}
	}
	x.likelihood(qs, s)
	for _, id := range s.touched {
		o := x.tOcc[id]
		if cos := s.dot[id] / (qn * x.tNorm[id]); cos > s.best[o] {
			s.best[o] = cos
			s.bestT[o] = id
		}
		s.dot[id] = 0
	}
	s.touched = s.touched[:0]

	// Query likelihood: log P(o) + Σ log P(t|o), turned into a posterior
	// over the occupations touched.
	maxLike := math.Inf(-1)
	for _, o := range s.seen {
		s.like[o] += x.prior[o]
		maxLike = max(maxLike, s.like[o])
	}
	var z float64
	for _, o := range s.seen {
		s.like[o] = math.Exp(s.like[o] - maxLike)
		z += s.like[o]
	}

	cands := s.cands[:0]
	for _, o := range s.seen {
		lex := x.p.nearShare*min(s.best[o], 1) + (1-x.p.nearShare)*s.ev[o]
		like := s.like[o] / z
		c := cand{occ: o, bestT: s.bestT[o], lex: lex, like: like, dense: -1, exact: slices.Contains(exact, o)}
		if meant {
			c.dense = s.dense[o]
		}
		x.score(&c)
		cands = append(cands, c)
		s.best[o], s.ev[o], s.like[o] = 0, 0, 0
	}
	s.seen = s.seen[:0]
	s.cands = cands
	return cands
}
