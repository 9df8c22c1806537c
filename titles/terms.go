// Terms: the words, stems, near-word pairs and head nouns a title or a
// query is indexed and looked up by, and their weights.

package titles

import (
	"encoding/binary"
	"slices"
	"strings"
)

// term kinds: a word, an unordered pair of adjacent words, or the head noun.
const (
	kindWord = iota
	kindPair
	kindHead
	kindStem
	nKinds
)

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

// markDistinct records which terms carry a word that is not generic
// (genericWords): a word or its stem, a pair holding such a word, or such a
// head noun. A stem counts as generic when a generic word has it
// ("engineering" meets "engineer" on it).
func (x *Index) markDistinct() {
	genStems := make(map[string]bool, len(genericWords))
	for w := range genericWords {
		genStems[x.stemOf(w)] = true
	}
	x.distinct = make([]bool, len(x.kind))
	for key, t := range x.terms {
		var d bool
		switch x.kind[t] {
		case kindWord:
			d = !genericWords[key]
		case kindStem:
			d = !genStems[strings.TrimPrefix(key, "s:")]
		case kindHead:
			d = !genericWords[strings.TrimPrefix(key, "h:")]
		case kindPair:
			p, q, _ := strings.Cut(strings.TrimPrefix(key, "p:"), " ")
			d = !genericWords[p] || !genericWords[q]
		}
		x.distinct[t] = d
	}
}
