// Package exposure computes certwise's occupation profiles from the public
// data: the GPTs-are-GPTs exposure figures, the Working-with-AI applicability
// score, the work mix of each occupation, exposure levels and percentiles, and
// the labour-market figures from BLS. It reads no files: the dataset package
// parses the files into an Input, and Build turns that into a Model.
package exposure

import (
	"sort"
	"sync"

	"github.com/certwise/certwise"
)

// Thresholds are the GPT-4 beta cut points of the exposure levels: beta at
// or below Low is low, at or above High is high, in between moderate.
type Thresholds struct {
	Low  float64 `json:"low"`
	High float64 `json:"high"`
}

// Fixed bounds the thresholds never cross: beta at or above AlwaysHigh is
// always high and at or below AlwaysLow always low.
const (
	AlwaysHigh = 0.8
	AlwaysLow  = 0.1
)

// Model is the exposure model: every O*NET-SOC occupation's profile, the
// figures of every IWA and the title index. It implements
// certwise.ExposureData. A Model is read-only once built and safe for
// concurrent use; callers must not modify what it returns.
type Model struct {
	occs       []*certwise.Occupation
	byCode     map[string]*certwise.Occupation
	acts       []*certwise.ActivityFigures
	byIWA      map[string]*certwise.ActivityFigures
	titles     []certwise.TitleEntry
	thresholds Thresholds
	hasTasks   bool
	socAI      map[string]float64 // Equation 1 per Working-with-AI SOC code
	elements   []skillElement     // the rated skills and knowledge areas, in Occupation.Skills order
	skills     *skillSpace
	// similar holds every occupation's move candidates, computed once on
	// first use (see Similar).
	similarOnce sync.Once
	similar     map[string][]certwise.SimilarOccupation
}

var _ certwise.ExposureData = (*Model)(nil)

// newModel indexes the parts of a model; occs and acts must be sorted.
func newModel(occs []*certwise.Occupation, acts []*certwise.ActivityFigures, titles []certwise.TitleEntry, th Thresholds, hasTasks bool) *Model {
	m := &Model{occs: occs, acts: acts, titles: titles, thresholds: th, hasTasks: hasTasks,
		byCode: make(map[string]*certwise.Occupation, len(occs)),
		byIWA:  make(map[string]*certwise.ActivityFigures, len(acts))}
	for _, o := range occs {
		m.byCode[o.Code] = o
	}
	for _, a := range acts {
		m.byIWA[a.IWA] = a
	}
	m.skills = newSkillSpace(occs)
	return m
}

// Similar returns the occupations close to a code: those sharing at least
// MinStoredOverlap of its work and its O*NET related occupations, with
// overlap and skills similarity, largest overlap first. It is nil for an
// unknown code or one without activities. The table for all occupations is
// computed once, on the first call, so that no request computes it (the
// snapshot does not store it: see BENCHMARKS.md for the size it would add).
func (m *Model) Similar(code string) []certwise.SimilarOccupation {
	m.PrecomputeSimilar()
	return m.similar[code]
}

// PrecomputeSimilar computes the table Similar reads, for all occupations,
// if it is not computed yet (about 50 ms). A server calls it before taking
// requests; a one-off command leaves it to the first call of Similar.
func (m *Model) PrecomputeSimilar() {
	m.similarOnce.Do(func() { m.similar = similarOccupations(m.occs, m.skills) })
}

// SkillsSimilarity compares two occupations' skills and knowledge ratings:
// the cosine of their importance × level vectors centred on the mean
// occupation, -1..1. ok is false when either is unrated.
func (m *Model) SkillsSimilarity(a, b string) (float64, bool) { return m.skills.similarity(a, b) }

// Occupation returns the profile of an O*NET-SOC code.
func (m *Model) Occupation(code string) (*certwise.Occupation, bool) {
	o, ok := m.byCode[code]
	return o, ok
}

// Occupations returns every profile, ordered by code.
func (m *Model) Occupations() []*certwise.Occupation { return m.occs }

// Activity returns the figures of an IWA id.
func (m *Model) Activity(iwa string) (*certwise.ActivityFigures, bool) {
	a, ok := m.byIWA[iwa]
	return a, ok
}

// Activities returns the figures of every IWA, ordered by IWA id.
func (m *Model) Activities() []*certwise.ActivityFigures { return m.acts }

// Titles returns the title index: each occupation's official title
// (Official=true) followed by its alternate titles, occupations in code order.
func (m *Model) Titles() []certwise.TitleEntry { return m.titles }

// Related returns, for each occupation with related occupations, their
// codes, closest first (O*NET Related Occupations): what a title index
// takes with titles.WithRelated.
func (m *Model) Related() map[string][]string {
	out := make(map[string][]string, len(m.occs))
	for _, o := range m.occs {
		if len(o.Related) > 0 {
			out[o.Code] = o.Related
		}
	}
	return out
}

// HasTasks reports whether task statements are available (the model was
// built from a data directory rather than the embedded snapshot).
func (m *Model) HasTasks() bool { return m.hasTasks }

// Applicability returns the AI applicability score (Equation 1 of Working
// with AI) of a code of that data set: a 6-digit SOC code or one of the
// aggregate codes BLS uses (e.g. 13-1020).
func (m *Model) Applicability(soc string) (float64, bool) {
	v, ok := m.socAI[soc]
	return v, ok
}

// Thresholds returns the GPT-4 beta cut points of the exposure levels.
func (m *Model) Thresholds() Thresholds { return m.thresholds }

// Nearest returns up to n codes closest to a code that is not in the model:
// those sharing the longest prefix with it, then by numeric distance.
func (m *Model) Nearest(code string, n int) []string {
	type cand struct {
		code   string
		prefix int
		dist   int
	}
	cands := make([]cand, 0, len(m.occs))
	for _, o := range m.occs {
		p := 0
		for p < len(code) && p < len(o.Code) && code[p] == o.Code[p] {
			p++
		}
		cands = append(cands, cand{o.Code, p, digitDistance(code, o.Code)})
	}
	sort.Slice(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if a.prefix != b.prefix {
			return a.prefix > b.prefix
		}
		if a.dist != b.dist {
			return a.dist < b.dist
		}
		return a.code < b.code
	})
	if n > len(cands) {
		n = len(cands)
	}
	out := make([]string, n)
	for i := range out {
		out[i] = cands[i].code
	}
	return out
}

// digitDistance compares two codes as numbers made of their digits.
func digitDistance(a, b string) int {
	num := func(s string) int {
		v, k := 0, 0
		for i := 0; i < len(s) && k < 8; i++ {
			if s[i] >= '0' && s[i] <= '9' {
				v = v*10 + int(s[i]-'0')
				k++
			}
		}
		for ; k < 8; k++ {
			v *= 10
		}
		return v
	}
	d := num(a) - num(b)
	if d < 0 {
		d = -d
	}
	return d
}
