// Package titles matches free-text job titles ("Sr. Software Engineer II",
// "RN - ICU nights", "acountant") to O*NET-SOC occupations.
//
// Titles are normalized (case, punctuation, seniority and level words,
// shift notes and places dropped; abbreviations expanded; plurals reduced;
// misspellings corrected against the vocabulary, unknown words read as the
// known word sharing most letter trigrams) into terms: words, their stems
// (Porter's, agent nouns reduced to their work: "welder" as "weld"),
// unordered pairs of near words, and the head noun ("engineer" in
// "Senior Software Engineer", "director" in "Director of Marketing"). Each
// occupation touched by a query's terms is scored by three signals, and a
// fourth when Build is given word vectors:
//
//   - nearest title: the cosine similarity (IDF weights) of the query and
//     the occupation's most similar title;
//   - evidence: how strongly the query's terms, weighted by how few
//     occupations use them, occur across all the occupation's titles;
//   - likelihood: the posterior of a query-likelihood model (each
//     occupation's titles as one document, Dirichlet-smoothed towards the
//     titles of the occupations O*NET relates to it when Build is given
//     them, and towards its SOC minor group, that towards its major group,
//     that towards all);
//   - meaning: the cosine of the query's and the occupation's vectors, each
//     the IDF-weighted sum of its titles' word vectors (WithWordVectors,
//     dense.go), so that "assistant" counts for a helper's occupation.
//
// The blend of them is the score (0..1). RankSOC ranks 6-digit SOC
// codes with the scores of their O*NET-SOC occupations combined. Split and
// Evaluate measure both on held-out alternate titles.
package titles

import (
	"encoding/binary"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/blevesearch/go-porterstemmer"

	"github.com/certwise/certwise"
)

// term kinds: a word, an unordered pair of adjacent words, or the head noun.
const (
	kindWord = iota
	kindPair
	kindHead
	kindStem
	nKinds
)

// params are the scoring constants, chosen on the hold-out evaluation
// (sample 2000, seeds 6 to 10; the figures in BENCHMARKS.md use seeds 1 to 5).
type params struct {
	pairWeight  float64 // weight of a word pair relative to a word
	headWeight  float64 // weight of the head-noun term relative to a word
	stemWeight  float64 // weight of a word's stem (stemOf) relative to the word; zero leaves stems out
	gramMin     float64 // Dice similarity of letter trigrams from which an unknown word is read as a known one; zero never
	nearShare   float64 // share of the nearest-title cosine in the lexical score
	evidenceSat float64 // title count at which an occupation's evidence for a term is half-saturated
	mu          float64 // Dirichlet prior mass of the likelihood model
	likeShare   float64 // share of the likelihood posterior in the score
	// closeMargin is the top-two score gap below which a match is not
	// confident. The meaning signal draws the scores of close runners-up
	// together, so it is 0.07 with it (0.1 before): about 70% of held-out
	// titles are then answered confidently, as before, and slightly more of
	// those rightly (0.676 against 0.672 on seeds 6 to 8).
	closeMargin float64
	// groupMu is the Dirichlet prior mass with which each level of the SOC
	// hierarchy (6-digit SOC, broad, minor and major group) smooths the
	// level below it in the likelihood model; zero leaves the level out.
	groupMu  [levels]float64
	minScore float64 // top score below which a match is not confident
	// relMu is the Dirichlet prior mass with which the likelihood model
	// smooths an occupation towards the titles of the occupations O*NET
	// relates to it (zero leaves them out), and relSmooth the mass that
	// smooths those related titles towards the occupation's SOC group.
	relMu, relSmooth float64
	// exactFloor lifts the score of an occupation holding a title with
	// exactly the query's words (in any order, after normalization) to
	// exactFloor + (1-exactFloor)·score, so that a title typed as O*NET
	// lists it ("Product Manager") finds its occupation before others that
	// merely share its words ("Production Manager"). The hold-out never
	// holds such a title, so it was chosen on looking titles up in the full
	// index (TestExactTitleLookup: 0.921 of titles found first without it,
	// 0.990 with 0.9), at a cost of 0.02 points of hold-out top-1.
	exactFloor float64
	// denseShare is the share of the meaning signal (WithWordVectors) in
	// the score; the lexical and likelihood signals share the rest in the
	// proportion likeShare sets. Zero leaves the signal out.
	denseShare float64
}

var defaultParams = params{
	pairWeight:  0.3,
	headWeight:  0.8,
	stemWeight:  0.6,
	gramMin:     0.6,
	nearShare:   0.2,
	evidenceSat: 4,
	mu:          200,
	likeShare:   0.2,
	closeMargin: 0.07,
	groupMu:     [levels]float64{0, 0, 1000, 1000},
	minScore:    0.4,
	relMu:       100,
	relSmooth:   50,
	exactFloor:  0.9,
	denseShare:  0.3,
}

// Index is an immutable title index; it is safe for concurrent use.
type Index struct {
	p         params
	terms     map[string]int32 // term key → id
	kind      []uint8          // per term: kindWord, kindPair or kindHead
	idf       []float64        // per term, over titles
	oidf      []float64        // per term, over occupations
	tpost     [][]int32        // term → titles holding it
	opost     [][]occPost      // term → occupations holding it, with title counts
	titles    []titleRec
	occs      []occRec
	byCode    map[string]int32
	spell     *speller
	logTitles float64           // log of the number of titles
	total     float64           // term occurrences over all titles
	groups    [levels][]float64 // per level, per group: term occurrences over its titles
	pool      sync.Pool

	// Per-query constants, precomputed at build and laid out densely so
	// that a query reads them without hashing or chasing records.
	tOcc      []int32             // per title: its occupation
	tNorm     []float64           // per title: Euclidean norm of its term weights
	occDen    []float64           // per occupation: mass + mu, the likelihood's denominator
	occGrp    []int32             // per occupation: its group at the finest level the likelihood backs off to, or 0
	prior     []float64           // per occupation: log of its share of the titles
	grpDen    [levels][]float64   // per level, per group: term occurrences + the level's mu
	grpUp     [levels][]int32     // per level, per group: its group at the level upLevel names
	upLevel   [levels]int         // per level: the next coarser level backed off to, or -1
	finest    int                 // the finest level backed off to, or -1
	back      []int               // the levels backed off to
	occG      [levels][]int32     // per level backed off to, per occupation: its group
	wordTerms map[string][2]int32 // vocabulary word → its word term and stem term (-1 when absent)
	stems     map[string]bool     // Porter stems of the vocabulary's words
	relatedBy [][]int32           // per occupation: the occupations that list it among their related ones
	relatedOf [][]int32           // per occupation: its related occupations
	relDen    []float64           // per occupation: term occurrences over its related occupations' titles + relSmooth
	exact     map[string][]int32  // a title's words (scratch.wordsKey) → the occupations holding such a title
	termVec   [][]float32         // per term: a word term's unit vector, or nil (WithWordVectors)
	dims      int                 // the length of the vectors
	occVec    []float32           // per occupation, dims values: its unit vector, or nil without vectors
}

type titleRec struct {
	text string
	occ  int32
	norm float64 // Euclidean norm of the title's term weights
}

// levels are the SOC groups above an O*NET-SOC occupation, finest first:
// the 6-digit SOC code (15-1252), the broad group (15-125), the minor group
// (15-12) and the major group (15).
const levels = 4

// levelLen is the length of the code prefix naming each level's group.
var levelLen = [levels]int{7, 6, 5, 2}

type occRec struct {
	code, title string
	group       [levels]int32 // the occupation's group at each level
	titles      int32         // number of distinct titles
	mass        float64       // term occurrences over its titles
}

type occPost struct {
	occ   int32
	count int32 // titles of the occupation holding the term
}

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

// Build indexes entries: each occupation's official title (Official set)
// and its alternate titles. Titles of one occupation that reduce to the same
// terms are indexed once; titles that reduce to nothing never match.
func Build(entries []certwise.TitleEntry, opts ...Option) *Index {
	var o buildOptions
	for _, opt := range opts {
		opt(&o)
	}
	return build(entries, defaultParams, o)
}

// Option configures Build.
type Option func(*buildOptions)

type buildOptions struct {
	related map[string][]string
	vectors map[string][]float32
}

// WithRelated gives Build the occupations O*NET relates to each occupation
// (O*NET-SOC code → related codes, as in Related Occupations.txt). A word
// that an occupation's own titles lack but its related occupations' titles
// use then counts as some evidence for it in the likelihood model: "smoke
// jumper" for the supervisors of firefighters. Codes the titles do not
// hold are ignored.
func WithRelated(related map[string][]string) Option {
	return func(o *buildOptions) { o.related = related }
}

func build(entries []certwise.TitleEntry, p params, opts buildOptions) *Index {
	x := &Index{p: p, terms: make(map[string]int32, len(entries)), byCode: make(map[string]int32)}
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
	var groupIDs [levels]map[string]int32
	for l := range groupIDs {
		groupIDs[l] = map[string]int32{}
	}
	for i, c := range codes {
		x.byCode[c] = int32(i)
		x.occs[i] = occRec{code: c, title: official[c]}
		for l := range levels {
			k := c[:min(len(c), levelLen[l])]
			id, ok := groupIDs[l][k]
			if !ok {
				id = int32(len(groupIDs[l]))
				groupIDs[l][k] = id
			}
			x.occs[i].group[l] = id
		}
	}
	for l := range levels {
		x.groups[l] = make([]float64, len(groupIDs[l]))
	}

	type seenKey struct {
		occ int32
		key string
	}
	seen := make(map[seenKey]int32, len(entries)) // → the title indexed for these terms
	titleTerms := make([][]int32, 0, len(entries))
	analyses := make([]analysis, len(entries))
	vocab := make(map[string]int32, len(entries))
	x.exact = make(map[string][]int32, len(entries))
	var keys scratch // the words-key buffers
	for i, e := range entries {
		analyses[i] = analyze(e.Title)
		for _, w := range analyses[i].words {
			vocab[w]++
		}
		if k := keys.wordsKey(analyses[i].words); len(k) > 0 {
			if o := x.byCode[e.Code]; !slices.Contains(x.exact[string(k)], o) {
				x.exact[string(k)] = append(x.exact[string(k)], o)
			}
		}
	}
	// A compound word also counts as its parts when both are words of the
	// vocabulary ("pipelayer" also as "pipe", "layer"), so that the titles
	// meet queries that spell it apart.
	for i := range analyses {
		a := &analyses[i]
		n := len(a.words)
		for j := 0; j < n; j++ {
			if pw, qw := splitWord(a.words[j], vocab); pw != "" {
				// the parts form a segment of their own: no pairs with neighbours
				a.words = append(a.words, pw, qw)
				a.segs = append(a.segs, -1-j, -1-j)
				if a.words[j] == a.head {
					a.head2 = qw
				}
			}
		}
	}
	x.stems = make(map[string]bool, len(vocab))
	for w := range vocab {
		x.stems[porterstemmer.StemString(w)] = true
	}
	ids := newTermIDs(x, len(entries))
	for i, e := range entries {
		a := analyses[i]
		ts := ids.termsOf(a)
		if len(ts) == 0 {
			continue
		}
		o := x.byCode[e.Code]
		k := seenKey{o, termKey(ts)}
		if prev, ok := seen[k]; ok {
			// show the plainest spelling: "Manager" rather than "Shift Manager"
			if len(e.Title) < len(x.titles[prev].text) {
				x.titles[prev].text = e.Title
			}
			continue
		}
		id := int32(len(x.titles))
		seen[k] = id
		x.titles = append(x.titles, titleRec{text: e.Title, occ: o})
		titleTerms = append(titleTerms, ts)
		x.occs[o].titles++
		x.occs[o].mass += float64(len(ts))
		for len(x.tpost) < len(x.kind) {
			x.tpost = append(x.tpost, nil)
		}
		for _, t := range ts {
			x.tpost[t] = append(x.tpost[t], id)
		}
	}

	nT, nO := float64(len(x.titles)), float64(len(x.occs))
	var total float64
	for _, ts := range titleTerms {
		total += float64(len(ts))
	}
	x.logTitles = math.Log(nT)
	x.total = total
	for _, o := range x.occs {
		for l := range levels {
			x.groups[l][o.group[l]] += o.mass
		}
	}
	x.idf = make([]float64, len(x.kind))
	x.oidf = make([]float64, len(x.kind))
	x.opost = make([][]occPost, len(x.kind))
	counts := make([]int32, len(x.occs))
	var touched []int32
	for t := range x.kind {
		for _, id := range x.tpost[t] {
			o := x.titles[id].occ
			if counts[o] == 0 {
				touched = append(touched, o)
			}
			counts[o]++
		}
		slices.Sort(touched)
		ps := make([]occPost, len(touched))
		for i, o := range touched {
			ps[i] = occPost{o, counts[o]}
			counts[o] = 0
		}
		touched = touched[:0]
		x.opost[t] = ps
		x.idf[t] = math.Log(1 + nT/float64(len(x.tpost[t])))
		x.oidf[t] = math.Log(1 + nO/float64(len(ps)))
	}
	for i, ts := range titleTerms {
		var s float64
		for _, t := range ts {
			w := x.weight(t)
			s += w * w
		}
		x.titles[i].norm = math.Sqrt(s)
	}
	x.spell = newSpeller(vocab)
	x.embed(opts.vectors, titleTerms)
	x.relate(opts.related)
	x.precompute()
	x.pool.New = func() any {
		s := &scratch{
			dot:   make([]float64, len(x.titles)),
			best:  make([]float64, len(x.occs)),
			bestT: make([]int32, len(x.occs)),
			ev:    make([]float64, len(x.occs)),
			like:  make([]float64, len(x.occs)),
			occN:  make([]float64, len(x.occs)),
			prod:  make([]float64, len(x.occs)),
			relN:  make([]float64, len(x.occs)),
			dense: make([]float64, len(x.occs)),
		}
		for l := range levels {
			s.grpN[l] = make([]float64, len(x.groups[l]))
			s.grpP[l] = make([]float64, len(x.groups[l]))
		}
		s.socAt = make([]int32, len(x.groups[0]))
		return s
	}
	return x
}

// precompute lays out the per-query constants. Each is computed by the same
// floating-point operations a query would otherwise repeat, so that scores
// do not change by a bit.
func (x *Index) precompute() {
	// Number the titles occupation by occupation (keeping their order
	// within each), so that a common term's postings, and the per-title
	// values a query reads for them, lie close together in memory. Ties
	// for an occupation's nearest title still go to the same title: its
	// titles keep their relative order.
	order := make([]int32, len(x.titles))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(a, b int32) int { return int(x.titles[a].occ - x.titles[b].occ) })
	newID := make([]int32, len(order))
	titles := make([]titleRec, len(order))
	for i, old := range order {
		newID[old] = int32(i)
		titles[i] = x.titles[old]
	}
	x.titles = titles
	for _, ps := range x.tpost {
		for i, id := range ps {
			ps[i] = newID[id]
		}
		slices.Sort(ps)
	}
	x.tOcc = make([]int32, len(x.titles))
	x.tNorm = make([]float64, len(x.titles))
	for i, t := range x.titles {
		x.tOcc[i], x.tNorm[i] = t.occ, t.norm
	}
	x.finest = -1
	up := -1
	for l := levels - 1; l >= 0; l-- {
		x.upLevel[l] = up
		if mu := x.p.groupMu[l]; mu > 0 {
			x.grpDen[l] = make([]float64, len(x.groups[l]))
			for g, n := range x.groups[l] {
				x.grpDen[l][g] = n + mu
			}
			x.grpUp[l] = make([]int32, len(x.groups[l]))
			x.occG[l] = make([]int32, len(x.occs))
			for o, or := range x.occs {
				x.occG[l][o] = or.group[l]
			}
			x.back = append(x.back, l)
			x.finest, up = l, l
		}
	}
	x.occDen = make([]float64, len(x.occs))
	x.occGrp = make([]int32, len(x.occs))
	x.prior = make([]float64, len(x.occs))
	for o, or := range x.occs {
		x.occDen[o] = or.mass + x.p.mu
		if x.relatedBy != nil {
			x.occDen[o] += x.p.relMu
		}
		x.occGrp[o] = 0
		if x.finest >= 0 {
			x.occGrp[o] = or.group[x.finest]
		}
		x.prior[o] = math.Log(float64(or.titles)) - x.logTitles
		for l := range levels {
			if x.grpUp[l] != nil && x.upLevel[l] >= 0 {
				x.grpUp[l][or.group[l]] = or.group[x.upLevel[l]]
			}
		}
	}
	x.wordTerms = make(map[string][2]int32, len(x.spell.words))
	for w := range x.spell.words {
		ids := [2]int32{-1, -1}
		if id, ok := x.terms[w]; ok {
			ids[0] = id
		}
		if x.p.stemWeight > 0 {
			if id, ok := x.terms["s:"+x.stemOf(w)]; ok {
				ids[1] = id
			}
		}
		x.wordTerms[w] = ids
	}
}

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

// wordsKey returns a canonical key of a title's words, whatever their
// order: "Product Manager", "Sr. Product Managers" and "Manager, Product"
// share one. A query and a title with the same key name the same job. The
// key is built in the scratch's buffers, so a query's look-up allocates
// nothing; it stays valid until the next call.
func (s *scratch) wordsKey(words []string) []byte {
	s.words = append(s.words[:0], words...)
	slices.Sort(s.words)
	s.words = slices.Compact(s.words)
	s.wkey = s.wkey[:0]
	for i, w := range s.words {
		if i > 0 {
			s.wkey = append(s.wkey, ' ')
		}
		s.wkey = append(s.wkey, w...)
	}
	return s.wkey
}

// termKey is a canonical key of a sorted set of term ids, to index titles
// of one occupation that reduce to the same terms ("Nurse", "Nurses") once.
func termKey(ts []int32) string {
	b := make([]byte, 0, 4*len(ts))
	for _, t := range ts {
		b = binary.LittleEndian.AppendUint32(b, uint32(t))
	}
	return string(b)
}

// termIDs assigns term ids while an index is built. It remembers the ids of
// each word (and its stem), word pair and head noun it has seen, so that a
// term met again costs one look-up without stemming the word again or
// building its key.
type termIDs struct {
	x     *Index
	words map[string][2]int32 // word → its word term and stem term (-1 without stems)
	pairs map[[2]int32]int32  // the two word terms, smaller id first → their pair term
	heads map[string]int32    // head noun → its head term
}

func newTermIDs(x *Index, n int) *termIDs {
	return &termIDs{x: x, words: make(map[string][2]int32, n/2), pairs: make(map[[2]int32]int32, n), heads: make(map[string]int32, n/8)}
}

// add returns the id of the term key of kind, adding it when the index does
// not hold it yet.
func (b *termIDs) add(key string, kind uint8) int32 {
	x := b.x
	id, ok := x.terms[key]
	if !ok {
		id = int32(len(x.kind))
		x.terms[key] = id
		x.kind = append(x.kind, kind)
	}
	return id
}

// word returns the ids of w's word term and stem term (-1 without stems).
func (b *termIDs) word(w string) [2]int32 {
	ids, ok := b.words[w]
	if !ok {
		ids = [2]int32{b.add(w, kindWord), -1}
		if b.x.p.stemWeight > 0 {
			ids[1] = b.add("s:"+b.x.stemOf(w), kindStem)
		}
		b.words[w] = ids
	}
	return ids
}

// pair returns the id of the unordered pair of words p and q, whose word
// terms are ip and iq.
func (b *termIDs) pair(p, q string, ip, iq int32) int32 {
	k := [2]int32{min(ip, iq), max(ip, iq)}
	id, ok := b.pairs[k]
	if !ok {
		if q < p {
			p, q = q, p
		}
		id = b.add("p:"+p+" "+q, kindPair)
		b.pairs[k] = id
	}
	return id
}

// head returns the id of the head-noun term of h.
func (b *termIDs) head(h string) int32 {
	id, ok := b.heads[h]
	if !ok {
		id = b.add("h:"+h, kindHead)
		b.heads[h] = id
	}
	return id
}

// termsOf returns the sorted, distinct term ids of an analysed title: its
// words, its unordered pairs of near words within a segment, and its
// head noun, adding the terms the index does not hold yet. Queries take
// theirs with queryTerms, which adds nothing.
func (b *termIDs) termsOf(a analysis) []int32 {
	ids := make([]int32, 0, 4*len(a.words)+2)
	var wordIDs [16]int32
	wid := wordIDs[:0]
	for i, w := range a.words {
		wt := b.word(w)
		wid = append(wid, wt[0])
		ids = append(ids, wt[0])
		if wt[1] >= 0 {
			ids = append(ids, wt[1])
		}
		for j := i - 1; j >= 0 && j >= i-pairWindow; j-- {
			if a.segs[j] != a.segs[i] || a.words[j] == w {
				continue
			}
			ids = append(ids, b.pair(a.words[j], w, wid[j], wt[0]))
		}
	}
	if a.head != "" {
		ids = append(ids, b.head(a.head))
	}
	if a.head2 != "" {
		ids = append(ids, b.head(a.head2))
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// split splits a compound word the index does not know into two words it
// does ("zookeeper" → "zoo", "keeper"), preferring the most even split, or
// returns "", "".
func (x *Index) split(w string) (string, string) { return splitWord(w, x.spell.words) }

// splitWord splits w into two words of vocab, each at least three letters
// long, preferring the most even split; or returns "", "".
func splitWord(w string, vocab map[string]int32) (string, string) {
	bp, bq := "", ""
	for i := 3; i <= len(w)-3; i++ {
		p, q := w[:i], w[i:]
		if vocab[p] == 0 || vocab[q] == 0 {
			continue
		}
		if bp == "" || min(len(p), len(q)) > min(len(bp), len(bq)) {
			bp, bq = p, q
		}
	}
	return bp, bq
}

// pairWindow is how far apart two words of a segment may stand to form a
// pair: 2 pairs "gear" with "milling" and with "machine".
const pairWindow = 2

// kindScale is the weight of a term's kind relative to a word.
func (x *Index) kindScale(t int32) float64 { return x.kindWeight(x.kind[t]) }

// kindWeight is the weight of a kind of term relative to a word.
func (x *Index) kindWeight(k uint8) float64 {
	switch k {
	case kindPair:
		return x.p.pairWeight
	case kindHead:
		return x.p.headWeight
	case kindStem:
		return x.p.stemWeight
	}
	return 1
}

// weight is a term's weight in the cosine: its inverse title frequency,
// scaled by its kind.
func (x *Index) weight(t int32) float64 { return x.idf[t] * x.kindScale(t) }

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
	s := x.pool.Get().(*scratch)
	defer x.pool.Put(s)
	cands := topCands(x.candidates(query, s), top)
	for _, c := range cands {
		o := &x.occs[c.occ]
		matched := o.title
		if c.bestT >= 0 {
			matched = x.titles[c.bestT].text
		}
		res.Matches = append(res.Matches, certwise.TitleCandidate{
			Code:         o.code,
			Title:        o.title,
			MatchedTitle: matched,
			Score:        math.Round(c.score*1000) / 1000,
		})
	}
	if len(cands) > 0 && cands[0].score >= x.p.minScore {
		res.Confident = len(cands) == 1 || x.apart(cands[0], cands[1])
	}
	return res
}

// apart reports whether the best candidate a stands clearly above the
// runner-up b. When both hold a title with exactly the query's words
// (O*NET lists "Data Scientist" under three occupations), the lift they
// share says nothing, so their blends before it are compared.
func (x *Index) apart(a, b cand) bool {
	if a.exact && b.exact {
		return a.blend-b.blend >= x.p.closeMargin
	}
	return a.score-b.score >= x.p.closeMargin
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

// queryTerms returns the sorted, distinct ids of an analysed query's terms
// that the index knows, as termsOf would without adding, in s.qs; known
// words take their word and stem terms from x.wordTerms instead of
// stemming them again, and keys are built in s.key without allocating.
func (x *Index) queryTerms(a analysis, s *scratch) []int32 {
	ids := s.qs[:0]
	look := func(key []byte) {
		if id, ok := x.terms[string(key)]; ok {
			ids = append(ids, id)
		}
	}
	for i, w := range a.words {
		if wt, ok := x.wordTerms[w]; ok {
			for _, id := range wt {
				if id >= 0 {
					ids = append(ids, id)
				}
			}
		} else {
			look(append(s.key[:0], w...))
			if x.p.stemWeight > 0 {
				look(append(append(s.key[:0], "s:"...), x.stemOf(w)...))
			}
		}
		for j := i - 1; j >= 0 && j >= i-pairWindow; j-- {
			if a.segs[j] != a.segs[i] || a.words[j] == w {
				continue
			}
			p, q := a.words[j], w
			if q < p {
				p, q = q, p
			}
			s.key = append(append(append(append(s.key[:0], "p:"...), p...), ' '), q...)
			look(s.key)
		}
	}
	for _, h := range [2]string{a.head, a.head2} {
		if h != "" {
			s.key = append(append(s.key[:0], "h:"...), h...)
			look(s.key)
		}
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	s.qs = ids
	return ids
}

// RankSOC returns up to top distinct 6-digit SOC codes for a free-text job
// title, best first. A SOC code shared by several O*NET-SOC occupations
// (15-1299.01 … 15-1299.09) scores by its best lexical match plus the
// likelihood posteriors of all of them.
func (x *Index) RankSOC(query string, top int) []string {
	if top <= 0 {
		top = DefaultTop
	}
	s := x.pool.Get().(*scratch)
	defer x.pool.Put(s)
	cands := x.candidates(query, s)
	// The posteriors of a SOC code's occupations are summed in the order
	// the occupations were touched.
	socs := s.socs[:0]
	for _, c := range cands {
		g := x.occs[c.occ].group[0]
		i := s.socAt[g]
		if i == 0 {
			socs = append(socs, cand{occ: c.occ, lex: c.lex, like: c.like, dense: c.dense, exact: c.exact})
			s.socAt[g] = int32(len(socs))
			continue
		}
		sc := &socs[i-1]
		sc.lex = max(sc.lex, c.lex)
		sc.like += c.like
		sc.dense = max(sc.dense, c.dense)
		sc.occ = min(sc.occ, c.occ)
		sc.exact = sc.exact || c.exact
	}
	for i := range socs {
		x.score(&socs[i])
		s.socAt[x.occs[socs[i].occ].group[0]] = 0
	}
	s.socs = socs
	best := topCands(socs, top)
	out := make([]string, 0, len(best))
	for _, c := range best {
		out = append(out, soc(x.occs[c.occ].code))
	}
	return out
}

// agentEndings are the endings of agent nouns ("welder", "operator",
// "pharmacist", "technician", "foreman") that stemOf removes when the
// vocabulary holds the bare stem.
var agentEndings = [...]string{"er", "or", "ist", "ian", "man"}

// stemOf returns the stem term of w: its Porter stem, and for an agent
// noun the stem of the work it names when a vocabulary word has that stem,
// so that "welder" meets "welding" (weld) and "cutter" meets "cutting"
// (cut), which Porter leaves apart.
func (x *Index) stemOf(w string) string {
	st := porterstemmer.StemString(w)
	for _, end := range agentEndings {
		n := len(st) - len(end)
		if n < 3 || !strings.HasSuffix(st, end) {
			continue
		}
		r := st[:n]
		if n >= 4 && r[n-1] == r[n-2] && !strings.ContainsRune("aeiouls", rune(r[n-1])) {
			r = r[:n-1] // "cutt" → "cut"
		}
		if x.stems[r] {
			return r
		}
		break
	}
	return st
}
