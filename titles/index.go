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
	"math"
	"strings"
	"sync"

	"github.com/certwise/certwise"
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
	distinct  []bool              // per term: it carries a word that is not generic (genericWords)
	modern    []modernRule        // the modern-titles rules whose occupations the index holds
	modernBy  map[string][]int32  // a word → the rules (indices into modern) whose core can start with it
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
	prev := math.Inf(1)
	for _, c := range cands {
		o := &x.occs[c.occ]
		matched := o.title
		if c.bestT >= 0 {
			matched = x.titles[c.bestT].text
		}
		m := certwise.TitleCandidate{
			Code:         o.code,
			Title:        o.title,
			MatchedTitle: matched,
			// an occupation reached through generic words only ranks
			// after the others whatever its score, and shows no more
			Score: math.Round(min(c.score, prev)*1000) / 1000,
		}
		prev = min(c.score, prev)
		if c.rule > 0 {
			if !c.weak || c.bestT < 0 {
				m.MatchedTitle = strings.TrimSpace(query) // the person's own title, which the rule reads
			}
			if s.rule.note {
				m.Note = NoDedicatedOccupation
			}
		}
		res.Matches = append(res.Matches, m)
	}
	res.Confident = x.confident(cands, s)
	return res
}

// confident reports whether the best of cands, the answer to the query s
// was used for, can be taken without asking: a modern-titles rule named it
// (and the rule's titles fit one occupation), or it matched a distinguishing
// word of the query, scored high enough, and stands clearly above the
// runner-up.
func (x *Index) confident(cands []cand, s *scratch) bool {
	if len(cands) == 0 {
		return false
	}
	top := cands[0]
	switch {
	case top.rule > 0 && !top.weak:
		return !s.rule.ask
	case s.generic || top.generic || top.score < x.p.minScore:
		return false
	}
	return len(cands) == 1 || x.apart(top, cands[1])
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
			socs = append(socs, cand{occ: c.occ, lex: c.lex, like: c.like, dense: c.dense, exact: c.exact, generic: c.generic, rule: c.rule, ruled: c.ruled, weak: c.weak})
			s.socAt[g] = int32(len(socs))
			continue
		}
		sc := &socs[i-1]
		sc.lex = max(sc.lex, c.lex)
		sc.like += c.like
		sc.dense = max(sc.dense, c.dense)
		sc.occ = min(sc.occ, c.occ)
		sc.exact = sc.exact || c.exact
		sc.generic = sc.generic && c.generic
		if c.rule > 0 && (sc.rule == 0 || c.rule < sc.rule) {
			sc.rule = c.rule
		}
		sc.weak = sc.weak || c.weak
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
