package titles

import (
	"slices"
	"sync"
)

// speller corrects misspelled query words against the index's vocabulary
// ("acountant" → "accountant") with a deletion neighbourhood: every word of
// the vocabulary is stored under each of its one-letter deletions, so a
// query word finds every word within one insertion, deletion, substitution
// or transposition (and many within two) by a handful of map look-ups.
type speller struct {
	words   map[string]int32    // vocabulary word → its document frequency
	deletes map[string][]string // one-letter deletion → words it came from
	grams   map[string][]int32  // letter trigram (word ends marked) → ids of words holding it
	list    []string            // word id → word, of the words at least minFuzzyLen long
	df      []int32             // word id → its document frequency
	counts  sync.Pool           // *gramCounts, per-call working memory of nearestByGrams
}

// gramCounts counts, per word id, the trigrams a word shares with the one
// being read; touched lists the ids with a non-zero count.
type gramCounts struct {
	n       []int32
	touched []int32
}

// minFuzzyLen is the shortest word the speller corrects: shorter words are
// too often other real words one letter away.
const minFuzzyLen = 4

func newSpeller(df map[string]int32) *speller {
	s := &speller{words: df, deletes: make(map[string][]string, len(df)*8), grams: make(map[string][]int32, len(df))}
	for w := range df {
		if len(w) >= minFuzzyLen {
			s.list = append(s.list, w)
		}
	}
	slices.Sort(s.list)
	s.df = make([]int32, len(s.list))
	for id, w := range s.list {
		s.df[id] = df[w]
		forEachDeletion(w, func(d string) { s.deletes[d] = append(s.deletes[d], w) })
		for _, g := range trigrams(w) {
			s.grams[g] = append(s.grams[g], int32(id))
		}
	}
	s.counts.New = func() any { return &gramCounts{n: make([]int32, len(s.list))} }
	return s
}

// trigrams returns the distinct letter trigrams of w with its ends marked
// ("#gr", "gri", …, "er#").
func trigrams(w string) []string {
	p := "#" + w + "#"
	out := make([]string, 0, len(p))
	for i := 0; i+3 <= len(p); i++ {
		if g := p[i : i+3]; !slices.Contains(out, g) {
			out = append(out, g)
		}
	}
	return out
}

// nearestByGrams returns the vocabulary word whose letter trigrams overlap
// w's most (Dice coefficient at least minDice), for words too far from any
// known word for the speller: "regrinder" → "grinder". Ties go to the more
// frequent word.
func (s *speller) nearestByGrams(w string, minDice float64) string {
	if len(w) < minFuzzyLen+1 {
		return ""
	}
	gs := trigrams(w)
	sc := s.counts.Get().(*gramCounts)
	defer s.counts.Put(sc)
	for _, g := range gs {
		for _, id := range s.grams[g] {
			if sc.n[id] == 0 {
				sc.touched = append(sc.touched, id)
			}
			sc.n[id]++
		}
	}
	// The choice does not depend on the order the candidates come in: ties
	// go to the more frequent word, then the first in alphabetical order.
	best, bestDice, bestDF := "", minDice, int32(-1)
	for _, id := range sc.touched {
		c, n := s.list[id], sc.n[id]
		sc.n[id] = 0
		d := 2 * float64(n) / float64(len(gs)+len(c)) // a word of n letters has n marked trigrams
		df := s.df[id]
		if d > bestDice || d == bestDice && (df > bestDF || df == bestDF && c < best) {
			best, bestDice, bestDF = c, d, df
		}
	}
	sc.touched = sc.touched[:0]
	return best
}

// forEachDeletion calls f with each distinct string made by deleting one
// byte of w.
func forEachDeletion(w string, f func(string)) {
	for i := 0; i < len(w); i++ {
		if i > 0 && w[i] == w[i-1] {
			continue // same deletion as the previous one
		}
		f(w[:i] + w[i+1:])
	}
}

// correct returns the vocabulary word nearest to w, or "" when there is none
// close enough. Ties go to the more frequent word.
func (s *speller) correct(w string) string {
	if len(w) < minFuzzyLen {
		return ""
	}
	maxDist := 1
	if len(w) >= 7 {
		maxDist = 2
	}
	best, bestDist, bestDF := "", maxDist+1, int32(-1)
	consider := func(c string) {
		if c == best {
			return
		}
		d := osaDistance(w, c, maxDist)
		df := s.words[c]
		if d < bestDist || d == bestDist && (df > bestDF || df == bestDF && c < best) {
			best, bestDist, bestDF = c, d, df
		}
	}
	for _, c := range s.deletes[w] {
		consider(c)
	}
	forEachDeletion(w, func(d string) {
		if _, ok := s.words[d]; ok {
			consider(d)
		}
		for _, c := range s.deletes[d] {
			consider(c)
		}
	})
	if bestDist > maxDist {
		return ""
	}
	return best
}

// osaDistance is the optimal-string-alignment edit distance of a and b
// (insertions, deletions, substitutions and adjacent transpositions), or
// max+1 when it exceeds max.
func osaDistance(a, b string, max int) int {
	if d := len(a) - len(b); d > max || -d > max {
		return max + 1
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	if prev[len(b)] > max {
		return max + 1
	}
	return prev[len(b)]
}
