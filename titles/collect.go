// Candidate collection: the occupations a query's terms touch, each scored
// by its signals, and the best of them kept.

package titles

import (
	"math"
	"slices"
)

// scratch is the per-query working memory, pooled.
type scratch struct {
	dot       []float64         // per title: dot product with the query
	touched   []int32           // titles with a non-zero dot
	best      []float64         // per occupation: best title cosine
	bestT     []int32           // per occupation: that title, or -1
	ev        []float64         // per occupation: evidence
	like      []float64         // per occupation: log-likelihood, then posterior
	prod      []float64         // per occupation: product of likelihood ratios of one kind of term
	occN      []float64         // per occupation: titles holding the current term
	grpN      [levels][]float64 // per level, per group: titles holding the current term
	grpP      [levels][]float64 // per level, per group: smoothed probability of the current term
	seen      []int32           // occupations touched
	relN      []float64         // per occupation: titles of its related occupations holding the current term
	qs        []int32           // the query's term ids
	key       []byte            // a term key being looked up
	words     []string          // the query's words, sorted (wordsKey)
	wkey      []byte            // the query's words key (wordsKey)
	cands     []cand            // the occupations touched, with their scores
	socAt     []int32           // per 6-digit SOC group: 1 + its index in socs, or 0
	socs      []cand            // RankSOC's SOC codes, with their scores
	dense     []float64         // per occupation: the meaning signal (meaning)
	qv        []float32         // the query's vector
	far       []int32           // occupations no term touched, closest in meaning first
	dist      []bool            // per occupation: a distinguishing query term reached it (not only generic words)
	distOn    []int32           // the occupations dist is set for
	distMajor []bool            // per SOC major group: a distinguishing query term reached one of its occupations, whose likelihood lends the group's words to the others (\"foundry\" to the supervisors of production workers)
	rule      *modernRule       // the modern-titles rule the query meets, or nil
	generic   bool              // the query's known terms are all generic words ("Senior Engineer")
	ruleHit   uint32            // bit i: the rule's i-th occupation is among the candidates
	ruleMore  bool              // the query has a distinguishing word the rule does not read in the part where the rule meets it, or a second rank word
	ruleExtra bool              // the query has a distinguishing word the rule does not read, anywhere
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
	// generic is set when the query has a distinguishing word but the
	// occupation was reached through generic words only ("engineer" of
	// "LLM Engineer" for Civil Engineers): it then ranks after every
	// occupation that matches a distinguishing word.
	generic bool
	rule    int8 // 1 + its place among the occupations of the modern-titles rule the query meets, or 0
	ruled   bool // the query meets a modern-titles rule that decides (not weak)
	// weak is set when the query meets a modern-titles rule but says more
	// than it reads: the rule's occupations are then lifted rather than
	// put first, and compete with the others on their scores.
	weak bool
}

// score sets c's blend of its lexical score and likelihood posterior, and
// its score: the blend, lifted for an exact title.
func (x *Index) score(c *cand) {
	if c.rule > 0 && !c.weak {
		c.score = ruleScore(c.rule)
		return
	}
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
	switch {
	case c.rule > 0:
		c.score = weakFloor + (1-weakFloor)*c.score - 0.01*float64(c.rule-1)
	case c.ruled:
		c.score *= ruledScale
	}
}

// weakFloor lifts the scores of the occupations of a modern-titles rule
// that a query meets but says more than (cand.weak) to weakFloor +
// (1-weakFloor)·score, less a hundredth per place after the first.
const weakFloor = 0.25

// ruledScale scales the scores of the occupations a modern-titles rule does
// not name, when the query meets one, so that they rank below those it does.
const ruledScale = 0.8

// ruleScore is the score of the occupation at place (1-based) among those
// a modern-titles rule names: the first stands clearly above the others
// (more than closeMargin), the others above every occupation the rule does
// not name (ruledScale at most).
func ruleScore(place int8) float64 {
	if place == 1 {
		return 0.97
	}
	return 0.86 - 0.01*float64(place-2)
}

// byScore orders candidates best first, ties by occupation; an occupation
// reached through generic words only comes after every other.
func byScore(a, b cand) int {
	switch {
	case a.generic != b.generic:
		if b.generic {
			return -1
		}
		return 1
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
	s.rule, s.generic, s.ruleHit = nil, false, 0
	if len(x.modern) > 0 {
		// before spelling: the words of new jobs ("llm", "saas") are not
		// O*NET's, and a correction would turn them into others
		s.rule, s.ruleMore, s.ruleExtra = x.modernMatch(a)
	}
	guessed := false // a word was read as the known word sharing most letter trigrams
	changed := false // a word was corrected or split
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
			changed = true
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
			changed = true
		}
	}
	if s.rule == nil && changed && len(x.modern) > 0 {
		s.rule, s.ruleMore, s.ruleExtra = x.modernMatch(a) // "Prodcut Manager"
	}
	// A word read by shared letters is a guess: no title is then exactly
	// the query's ("Dataologist" is not "Biologist").
	var exact []int32
	if !guessed {
		exact = x.exact[string(s.wordsKey(a.words))]
	}
	if r := s.rule; r != nil && len(exact) > 0 && !r.override && s.ruleExtra &&
		!slices.ContainsFunc(exact, func(o int32) bool { return slices.Contains(r.occs, o) }) {
		// O*NET lists this very title elsewhere, and the title says more
		// than the rule reads ("Biodiesel Product Manager"): the listing
		// is the more specific
		s.rule = nil
	}
	weak := s.rule != nil && s.ruleMore
	qs := x.queryTerms(a, s)
	if len(qs) == 0 {
		s.cands = x.addRuled(s.cands[:0], s)
		return s.cands
	}
	var qn, evTotal float64
	anyDist := false
	for _, t := range qs {
		w := x.weight(t)
		qn += w * w
		evTotal += x.oidf[t] * x.kindScale(t)
		anyDist = anyDist || x.distinct[t]
	}
	s.generic = !anyDist
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
			if x.distinct[t] {
				s.markDist(o)
				s.distMajor[x.occs[o].group[levels-1]] = true
				if x.relatedBy != nil {
					// the likelihood lends it its related occupations' words
					for _, r := range x.relatedBy[o] {
						s.markDist(r)
					}
				}
			}
		}
	}
	meant := x.meaning(qs, s)
	if meant {
		for _, o := range s.far {
			s.seen = append(s.seen, o)
			s.bestT[o] = -1
			s.markDist(o) // reached by meaning, not by a generic word
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
		c.generic = anyDist && !s.dist[o] && !s.distMajor[x.occs[o].group[levels-1]]
		if meant {
			c.dense = s.dense[o]
		}
		if s.rule != nil {
			c.ruled, c.weak = !weak, weak
			if i := slices.Index(s.rule.occs, o); i >= 0 {
				c.rule, c.generic = int8(i+1), false
				s.ruleHit |= 1 << i
			}
		}
		x.score(&c)
		cands = append(cands, c)
		s.best[o], s.ev[o], s.like[o] = 0, 0, 0
	}
	for _, o := range s.distOn {
		s.dist[o] = false
	}
	s.distOn = s.distOn[:0]
	clear(s.distMajor)
	s.seen = s.seen[:0]
	s.cands = x.addRuled(cands, s)
	return s.cands
}

// markDist records that a distinguishing query term reached occupation o.
func (s *scratch) markDist(o int32) {
	if !s.dist[o] {
		s.dist[o] = true
		s.distOn = append(s.distOn, o)
	}
}

// addRuled appends to cands the occupations of the modern-titles rule the
// query meets (s.rule) that cands lacks, scored by their place in it.
func (x *Index) addRuled(cands []cand, s *scratch) []cand {
	if s.rule == nil {
		return cands
	}
	for i, o := range s.rule.occs {
		if s.ruleHit&(1<<i) != 0 {
			continue
		}
		c := cand{occ: o, bestT: -1, dense: -1, ruled: !s.ruleMore, weak: s.ruleMore, rule: int8(i + 1)}
		x.score(&c)
		cands = append(cands, c)
	}
	return cands
}
