// Building the index: analysing every title into terms, the postings
// and inverse frequencies, and the per-query constants laid out densely.

package titles

import (
	"math"
	"slices"
	"sort"

	"github.com/blevesearch/go-porterstemmer"
	"github.com/certwise/certwise"
)

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
	x.markDistinct()
	x.setModern(modernRules())
	x.pool.New = func() any {
		s := &scratch{
			dot:       make([]float64, len(x.titles)),
			best:      make([]float64, len(x.occs)),
			bestT:     make([]int32, len(x.occs)),
			ev:        make([]float64, len(x.occs)),
			like:      make([]float64, len(x.occs)),
			occN:      make([]float64, len(x.occs)),
			prod:      make([]float64, len(x.occs)),
			relN:      make([]float64, len(x.occs)),
			dense:     make([]float64, len(x.occs)),
			dist:      make([]bool, len(x.occs)),
			distMajor: make([]bool, len(x.groups[levels-1])),
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
