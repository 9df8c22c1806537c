// Package titles matches free-text job titles ("Sr. Software Engineer II",
// "RN - ICU nights", "acountant") to O*NET-SOC occupations.
//
// Titles are normalized (case, punctuation, seniority and level words,
// shift notes and places dropped; abbreviations expanded; plurals reduced;
// misspellings corrected against the vocabulary) into words, word pairs and
// a head noun. A query is scored against every occupation in two ways that
// are then blended: the cosine similarity of its nearest title (IDF weights,
// the head noun counting extra) and the evidence its words carry for the
// occupation across all of the occupation's titles.
package titles

import (
	"encoding/binary"
	"math"
	"slices"
	"sort"
	"sync"

	"github.com/certwise/certwise"
)

// term kinds: a word, an unordered pair of adjacent words, or the head noun.
const (
	kindWord = iota
	kindPair
	kindHead
)

// params are the scoring constants, chosen on the hold-out evaluation.
type params struct {
	pairWeight   float64 // weight of a word pair relative to a word
	headWeight   float64 // weight of the head-noun term
	titleBlend   float64 // share of the nearest-title cosine in the score
	evidenceSat  float64 // count at which an occupation's evidence for a term is half-saturated
	officialBump float64 // added to the cosine of an official title
	closeMargin  float64 // top-two score gap below which a match is not confident
	minScore     float64 // top score below which a match is not confident
	nbAlpha      float64 // additive smoothing of the naive Bayes term likelihoods
	nbPrior      float64 // weight of the log prior (occupation size) in naive Bayes
	nbBlend      float64 // share of the naive Bayes posterior in the score
	nbTemp       float64 // temperature of the naive Bayes posterior
	evMode       int     // 0: saturated count; 1: share of the term's titles
	covPow       float64 // exponent of the occupation's coverage of the query (0: unused)
	knn          float64 // decay of the 2nd and 3rd best titles in the nearest-title score (0: best only)
}

var defaultParams = params{
	pairWeight:   0.5,
	headWeight:   1.0,
	titleBlend:   0.2,
	evidenceSat:  1.0,
	officialBump: 0.0,
	closeMargin:  0.05,
	minScore:     0.3,
	nbAlpha:      0.1,
	nbPrior:      1,
	nbBlend:      0,
	nbTemp:       1,
}

// Index is an immutable title index; it is safe for concurrent use.
type Index struct {
	p      params
	terms  map[string]int32 // term key → id
	kind   []uint8          // per term: kindWord, kindPair or kindHead
	idf    []float64        // per term, over titles
	oidf   []float64        // per term, over occupations
	tpost  [][]int32        // term → titles holding it
	opost  [][]occPost      // term → occupations holding it, with counts
	tcount []float64        // term → number of titles holding it
	titles []titleRec
	occs   []occRec
	byCode map[string]int32
	spell  *speller

	vocabMass   float64 // total kind weight of the vocabulary (naive Bayes smoothing)
	totalTitles float64
	pool        sync.Pool
}

type titleRec struct {
	text     string
	occ      int32
	norm     float64 // Euclidean norm of the title's term weights
	official bool
}

type occRec struct {
	code, title string
	official    int32   // index of the official title, or -1
	titles      int32   // number of titles
	mass        float64 // total term weight over its titles (naive Bayes)
}

type occPost struct {
	occ   int32
	count int32
}

type scratch struct {
	dot     []float64 // per title
	touched []int32
	best    []float64 // per occupation: best title cosine
	bestT   []int32   // per occupation: that title
	best2   []float64 // per occupation: second best title cosine
	best3   []float64 // per occupation: third best title cosine
	cov     []float64 // per occupation: share of the query's weight its titles hold
	ev      []float64 // per occupation: evidence
	nb      []float64 // per occupation: naive Bayes log-likelihood gain
	occSeen []int32
}

// Build indexes entries: each occupation's official title (Official set)
// and its alternate titles. Entries that reduce to no words are kept for
// display but never match.
func Build(entries []certwise.TitleEntry) *Index {
	return build(entries, defaultParams)
}

func build(entries []certwise.TitleEntry, p params) *Index {
	x := &Index{p: p, terms: make(map[string]int32), byCode: make(map[string]int32)}
	// occupations, in code order, with their official titles
	codes := make([]string, 0, 1024)
	official := map[string]string{}
	for _, e := range entries {
		if _, ok := x.byCode[e.Code]; !ok {
			x.byCode[e.Code] = 0
			codes = append(codes, e.Code)
		}
		if e.Official {
			official[e.Code] = e.Title
		}
	}
	sort.Strings(codes)
	x.occs = make([]occRec, len(codes))
	for i, c := range codes {
		x.byCode[c] = int32(i)
		x.occs[i] = occRec{code: c, title: official[c], official: -1}
	}

	type seenKey struct {
		occ int32
		key string
	}
	seen := make(map[seenKey]bool, len(entries))
	titleTerms := make([][]int32, 0, len(entries))
	wordDF := map[string]int32{}
	var occCounts []map[int32]int32 // term → occ → count
	for _, e := range entries {
		a := analyze(e.Title)
		ts, _ := x.termsOf(a, true)
		if len(ts) == 0 {
			continue
		}
		o := x.byCode[e.Code]
		k := seenKey{o, termKey(ts)}
		if seen[k] && !e.Official {
			continue
		}
		seen[k] = true
		id := int32(len(x.titles))
		x.titles = append(x.titles, titleRec{text: e.Title, occ: o, official: e.Official})
		if e.Official {
			x.occs[o].official = id
		}
		titleTerms = append(titleTerms, ts)
		x.occs[o].titles++
		for len(x.tpost) < len(x.terms) {
			x.tpost = append(x.tpost, nil)
			occCounts = append(occCounts, nil)
		}
		for _, t := range ts {
			x.tpost[t] = append(x.tpost[t], id)
			if occCounts[t] == nil {
				occCounts[t] = map[int32]int32{}
			}
			occCounts[t][o]++
		}
		for _, w := range uniqueWords(a.words) {
			wordDF[w]++
		}
	}
	nT, nO := float64(len(x.titles)), float64(len(x.occs))
	x.idf = make([]float64, len(x.terms))
	x.oidf = make([]float64, len(x.terms))
	x.opost = make([][]occPost, len(x.terms))
	x.tcount = make([]float64, len(x.terms))
	for t := range x.idf {
		x.idf[t] = math.Log(1 + nT/float64(len(x.tpost[t])))
		x.oidf[t] = math.Log(1 + nO/float64(len(occCounts[t])))
		ps := make([]occPost, 0, len(occCounts[t]))
		for o, c := range occCounts[t] {
			ps = append(ps, occPost{o, c})
		}
		slices.SortFunc(ps, func(a, b occPost) int { return int(a.occ - b.occ) })
		x.opost[t] = ps
		x.tcount[t] = float64(len(x.tpost[t]))
	}
	for i, ts := range titleTerms {
		var s float64
		for _, t := range ts {
			w := x.weight(t)
			s += w * w
			x.occs[x.titles[i].occ].mass += x.kindScale(t)
		}
		x.titles[i].norm = math.Sqrt(s)
	}
	x.vocabMass = 0
	for t := range x.kind {
		x.vocabMass += x.kindScale(int32(t))
	}
	x.totalTitles = float64(len(x.titles))
	x.spell = newSpeller(wordDF)
	x.pool.New = func() any {
		return &scratch{
			dot:   make([]float64, len(x.titles)),
			best:  make([]float64, len(x.occs)),
			bestT: make([]int32, len(x.occs)),
			best2: make([]float64, len(x.occs)),
			best3: make([]float64, len(x.occs)),
			cov:   make([]float64, len(x.occs)),
			ev:    make([]float64, len(x.occs)),
			nb:    make([]float64, len(x.occs)),
		}
	}
	return x
}

func uniqueWords(ws []string) []string {
	out := slices.Clone(ws)
	slices.Sort(out)
	return slices.Compact(out)
}

// termKey is a canonical key of a set of term ids, to drop duplicate titles
// of one occupation ("Nurse", "Nurses").
func termKey(ts []int32) string {
	b := make([]byte, 0, 4*len(ts))
	for _, t := range ts {
		b = binary.LittleEndian.AppendUint32(b, uint32(t))
	}
	return string(b)
}

// termsOf returns the sorted, distinct term ids of an analysed title: its
// words, its unordered pairs of adjacent words within a segment, and its
// head noun. With add, unknown terms are added to the index; without, they
// are left out and counted in unknown.
func (x *Index) termsOf(a analysis, add bool) (ids []int32, unknown int) {
	look := func(key string, kind uint8) {
		id, ok := x.terms[key]
		if !ok {
			if !add {
				unknown++
				return
			}
			id = int32(len(x.kind))
			x.terms[key] = id
			x.kind = append(x.kind, kind)
		}
		ids = append(ids, id)
	}
	for i, w := range a.words {
		look(w, kindWord)
		if i > 0 && a.segs[i-1] == a.segs[i] && a.words[i-1] != w {
			p, q := a.words[i-1], w
			if q < p {
				p, q = q, p
			}
			look("p:"+p+" "+q, kindPair)
		}
	}
	if a.head != "" {
		look("h:"+a.head, kindHead)
	}
	slices.Sort(ids)
	return slices.Compact(ids), unknown
}

// kindScale is the weight of a term's kind.
func (x *Index) kindScale(t int32) float64 {
	switch x.kind[t] {
	case kindPair:
		return x.p.pairWeight
	case kindHead:
		return x.p.headWeight
	}
	return 1
}

// weight is a term's weight in a title or query: its inverse title
// frequency, scaled by its kind.
func (x *Index) weight(t int32) float64 {
	switch x.kind[t] {
	case kindPair:
		return x.idf[t] * x.p.pairWeight
	case kindHead:
		return x.idf[t] * x.p.headWeight
	}
	return x.idf[t]
}

// evWeight is a term's weight in the occupation evidence: its inverse
// occupation frequency, scaled by its kind.
func (x *Index) evWeight(t int32) float64 {
	switch x.kind[t] {
	case kindPair:
		return x.oidf[t] * x.p.pairWeight
	case kindHead:
		return x.oidf[t] * x.p.headWeight
	}
	return x.oidf[t]
}

// Len returns the number of distinct titles indexed.
func (x *Index) Len() int { return len(x.titles) }

// Occupations returns the number of occupations indexed.
func (x *Index) Occupations() int { return len(x.occs) }

// DefaultTop is the number of matches Match returns when top is not positive.
const DefaultTop = 5

// Match returns the top occupations for a free-text job title, best first,
// with scores in 0..1. Confident is false when the query has no word the
// index knows, when the best score is low, or when the best two occupations
// score too close to tell apart.
func (x *Index) Match(query string, top int) certwise.TitleMatch {
	res := certwise.TitleMatch{Query: query, Matches: []certwise.TitleCandidate{}}
	if top <= 0 {
		top = DefaultTop
	}
	a := analyze(query)
	for i, w := range a.words {
		if _, ok := x.spell.words[w]; ok {
			continue
		}
		if c := x.spell.correct(w); c != "" {
			if a.head == w {
				a.head = c
			}
			a.words[i] = c
		}
	}
	qs, _ := x.termsOf(a, false)
	if len(qs) == 0 {
		return res
	}
	var qn, evTotal float64
	for _, t := range qs {
		w := x.weight(t)
		qn += w * w
		evTotal += x.evWeight(t)
	}
	qn = math.Sqrt(qn)

	s := x.pool.Get().(*scratch)
	defer x.pool.Put(s)
	for _, t := range qs {
		w := x.weight(t)
		w2 := w * w
		for _, id := range x.tpost[t] {
			if s.dot[id] == 0 {
				s.touched = append(s.touched, id)
			}
			s.dot[id] += w2
		}
		ew := x.evWeight(t) / evTotal
		ks := x.kindScale(t)
		for _, op := range x.opost[t] {
			if s.ev[op.occ] == 0 && s.best[op.occ] == 0 {
				s.occSeen = append(s.occSeen, op.occ)
				s.bestT[op.occ] = -1
			}
			c := float64(op.count)
			s.cov[op.occ] += ew
			if x.p.evMode == 1 {
				// share of the term's titles that belong to the occupation
				s.ev[op.occ] += ew * c / x.tcount[t]
			} else {
				s.ev[op.occ] += ew * c / (c + x.p.evidenceSat)
			}
			s.nb[op.occ] += ks * math.Log((c+x.p.nbAlpha)/x.p.nbAlpha)
		}
	}
	for _, id := range s.touched {
		tr := &x.titles[id]
		cos := s.dot[id] / (qn * tr.norm)
		if tr.official {
			cos += x.p.officialBump
		}
		if cos > s.best[tr.occ] {
			s.best2[tr.occ], s.best3[tr.occ] = s.best[tr.occ], s.best2[tr.occ]
			s.best[tr.occ] = cos
			s.bestT[tr.occ] = id
		} else if cos > s.best2[tr.occ] {
			s.best2[tr.occ], s.best3[tr.occ] = cos, s.best2[tr.occ]
		} else if cos > s.best3[tr.occ] {
			s.best3[tr.occ] = cos
		}
		s.dot[id] = 0
	}
	s.touched = s.touched[:0]

	type cand struct {
		occ   int32
		score float64
	}
	var qMass float64
	for _, t := range qs {
		qMass += x.kindScale(t)
	}
	maxNB := math.Inf(-1)
	for _, o := range s.occSeen {
		or := &x.occs[o]
		// log P(o) + sum over query terms of log P(t|o), where the terms the
		// occupation lacks take the smoothed floor
		s.nb[o] += x.p.nbPrior*math.Log(float64(or.titles)/x.totalTitles) +
			qMass*math.Log(x.p.nbAlpha/(or.mass+x.p.nbAlpha*x.vocabMass))
		maxNB = max(maxNB, s.nb[o])
	}
	var z float64
	for _, o := range s.occSeen {
		s.nb[o] = math.Exp((s.nb[o] - maxNB) / x.p.nbTemp)
		z += s.nb[o]
	}
	cands := make([]cand, 0, len(s.occSeen))
	for _, o := range s.occSeen {
		near := min(s.best[o], 1)
		if x.p.knn > 0 {
			k := x.p.knn
			near = (near + k*min(s.best2[o], 1) + k*k*min(s.best3[o], 1)) / (1 + k + k*k)
		}
		sc := x.p.titleBlend*near + (1-x.p.titleBlend)*s.ev[o]
		if x.p.covPow > 0 {
			sc *= math.Pow(s.cov[o], x.p.covPow)
		}
		sc = (1-x.p.nbBlend)*sc + x.p.nbBlend*s.nb[o]/z
		cands = append(cands, cand{o, sc})
	}
	slices.SortFunc(cands, func(a, b cand) int {
		switch {
		case a.score > b.score:
			return -1
		case a.score < b.score:
			return 1
		}
		return int(a.occ - b.occ)
	})
	if len(cands) > top {
		cands = cands[:top]
	}
	for _, c := range cands {
		o := &x.occs[c.occ]
		matched := o.title
		if t := s.bestT[c.occ]; t >= 0 {
			matched = x.titles[t].text
		}
		res.Matches = append(res.Matches, certwise.TitleCandidate{
			Code:         o.code,
			Title:        o.title,
			MatchedTitle: matched,
			Score:        math.Round(c.score*1000) / 1000,
		})
	}
	for _, o := range s.occSeen {
		s.best[o], s.best2[o], s.best3[o], s.ev[o], s.nb[o], s.cov[o] = 0, 0, 0, 0, 0, 0
	}
	s.occSeen = s.occSeen[:0]

	if len(cands) > 0 && cands[0].score >= x.p.minScore {
		res.Confident = len(cands) == 1 || cands[0].score-cands[1].score >= x.p.closeMargin
	}
	return res
}
