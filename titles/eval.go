package titles

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"

	"github.com/certwise/certwise"
)

// HeldOut is one alternate title held out of an index, with every
// O*NET-SOC code that lists it (any of them counts as a correct answer).
type HeldOut struct {
	Title string   `json:"title"`
	Codes []string `json:"codes"`
}

// Split draws n distinct alternate titles at random (reproducibly for a
// seed) and returns the entries with each drawn title removed under every
// code that lists it, and the drawn titles. Titles compare case-insensitively;
// official titles are never drawn nor removed. n larger than the number of
// distinct alternate titles draws them all.
func Split(entries []certwise.TitleEntry, n int, seed uint64) (kept []certwise.TitleEntry, held []HeldOut) {
	official := map[string]bool{}
	for _, e := range entries {
		if e.Official {
			official[titleKey(e.Title)] = true
		}
	}
	codes := map[string][]string{}
	first := map[string]string{}
	for _, e := range entries {
		k := titleKey(e.Title)
		if e.Official || official[k] || k == "" {
			continue
		}
		if _, ok := first[k]; !ok {
			first[k] = strings.TrimSpace(e.Title)
		}
		if !slices.Contains(codes[k], e.Code) {
			codes[k] = append(codes[k], e.Code)
		}
	}
	keys := make([]string, 0, len(codes))
	for k := range codes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	r.Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
	if n < len(keys) {
		keys = keys[:max(n, 0)]
	}
	drawn := make(map[string]bool, len(keys))
	for _, k := range keys {
		drawn[k] = true
		cs := slices.Clone(codes[k])
		slices.Sort(cs)
		held = append(held, HeldOut{Title: first[k], Codes: cs})
	}
	kept = make([]certwise.TitleEntry, 0, len(entries))
	for _, e := range entries {
		if !e.Official && drawn[titleKey(e.Title)] {
			continue
		}
		kept = append(kept, e)
	}
	return kept, held
}

func titleKey(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// Accuracy is the share of held-out titles whose listed occupation came
// first (top-1) or among the first five (top-5), both at O*NET-SOC level and
// at 6-digit SOC level (the code's first seven characters). At 6-digit SOC
// level the five are five distinct SOC codes, so that two O*NET-SOC
// occupations of one SOC code do not take two of the five places.
type Accuracy struct {
	N        int     `json:"n"`
	ONETTop1 float64 `json:"onet_top1"`
	ONETTop5 float64 `json:"onet_top5"`
	SOCTop1  float64 `json:"soc_top1"`
	SOCTop5  float64 `json:"soc_top5"`
	// Confident is the share of titles matched with confidence, and
	// ConfidentSOCTop1 the 6-digit SOC top-1 accuracy over those alone.
	Confident        float64 `json:"confident"`
	ConfidentSOCTop1 float64 `json:"confident_soc_top1"`
}

// GroupAccuracy is the accuracy over the held-out titles of one SOC major
// group (the first two digits of the code).
type GroupAccuracy struct {
	Group string `json:"group"`
	Name  string `json:"name"`
	Accuracy
}

// Report is the result of a hold-out evaluation.
type Report struct {
	Overall Accuracy        `json:"overall"`
	Groups  []GroupAccuracy `json:"groups"`
}

// Evaluate matches each held-out title with m and scores the answers. A
// title's major group is that of the first code listing it.
func Evaluate(m certwise.TitleMatcher, held []HeldOut) Report {
	type tally struct{ n, o1, o5, s1, s5, conf, confS1 int }
	var all tally
	groups := map[string]*tally{}
	for _, h := range held {
		res := m.Match(h.Title, evalDepth)
		var o1, o5, s1, s5 bool
		for i, c := range res.Matches {
			if i >= 5 {
				break
			}
			onet := slices.Contains(h.Codes, c.Code)
			o5 = o5 || onet
			if i == 0 {
				o1 = onet
			}
		}
		for i, c := range socRanking(m, h.Title, res, 5) {
			hit := slices.ContainsFunc(h.Codes, func(code string) bool { return soc(code) == c })
			s5 = s5 || hit
			if i == 0 {
				s1 = hit
			}
		}
		g := h.Codes[0][:2]
		if groups[g] == nil {
			groups[g] = &tally{}
		}
		for _, t := range []*tally{&all, groups[g]} {
			t.n++
			t.o1 += b2i(o1)
			t.o5 += b2i(o5)
			t.s1 += b2i(s1)
			t.s5 += b2i(s5)
			t.conf += b2i(res.Confident)
			t.confS1 += b2i(res.Confident && s1)
		}
	}
	acc := func(t tally) Accuracy {
		if t.n == 0 {
			return Accuracy{}
		}
		n := float64(t.n)
		a := Accuracy{N: t.n, ONETTop1: float64(t.o1) / n, ONETTop5: float64(t.o5) / n,
			SOCTop1: float64(t.s1) / n, SOCTop5: float64(t.s5) / n, Confident: float64(t.conf) / n}
		if t.conf > 0 {
			a.ConfidentSOCTop1 = float64(t.confS1) / float64(t.conf)
		}
		return a
	}
	r := Report{Overall: acc(all)}
	for g, t := range groups {
		r.Groups = append(r.Groups, GroupAccuracy{Group: g, Name: MajorGroups[g], Accuracy: acc(*t)})
	}
	slices.SortFunc(r.Groups, func(a, b GroupAccuracy) int { return strings.Compare(a.Group, b.Group) })
	return r
}

// ListedAccuracy is how often a title typed as O*NET lists it finds, first,
// an occupation that lists it.
type ListedAccuracy struct {
	N     int     `json:"n"`
	First float64 `json:"first"`
}

// String renders the accuracy on one line.
func (a ListedAccuracy) String() string {
	return fmt.Sprintf("n=%d first=%.4f", a.N, a.First)
}

// Listed looks up every every-th title of entries (official and alternate,
// in their order) with m, which should index all of them, and reports the
// share whose first match is an occupation listing that title (titles
// compare case-insensitively). The hold-out of Split never has such a
// title; this measures the other common case, a title typed as listed.
func Listed(m certwise.TitleMatcher, entries []certwise.TitleEntry, every int) ListedAccuracy {
	every = max(every, 1)
	codes := map[string][]string{}
	for _, e := range entries {
		k := titleKey(e.Title)
		if !slices.Contains(codes[k], e.Code) {
			codes[k] = append(codes[k], e.Code)
		}
	}
	var n, first int
	for i := 0; i < len(entries); i += every {
		e := entries[i]
		if titleKey(e.Title) == "" {
			continue
		}
		n++
		if r := m.Match(e.Title, 1); len(r.Matches) > 0 && slices.Contains(codes[titleKey(e.Title)], r.Matches[0].Code) {
			first++
		}
	}
	if n == 0 {
		return ListedAccuracy{}
	}
	return ListedAccuracy{N: n, First: float64(first) / float64(n)}
}

// evalDepth is how many O*NET-SOC matches Evaluate asks for: enough to
// find five distinct 6-digit SOC codes among them when several O*NET-SOC
// occupations share one (15-1299.01 … 15-1299.09).
const evalDepth = 40

// SOCRanker is a matcher that ranks 6-digit SOC occupations itself, e.g. by
// combining the scores of the O*NET-SOC occupations that share one.
type SOCRanker interface {
	// RankSOC returns up to top distinct 6-digit SOC codes, best first.
	RankSOC(query string, top int) []string
}

// socRanking returns the first top distinct 6-digit SOC codes for query:
// from m's own ranking when it is a SOCRanker, otherwise in the order of
// res's O*NET-SOC matches (each SOC code at its best O*NET-SOC rank).
func socRanking(m certwise.TitleMatcher, query string, res certwise.TitleMatch, top int) []string {
	if r, ok := m.(SOCRanker); ok {
		return r.RankSOC(query, top)
	}
	out := make([]string, 0, top)
	for _, c := range res.Matches {
		if len(out) == top {
			break
		}
		if s := soc(c.Code); !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// soc returns the 6-digit SOC code of an O*NET-SOC code (its first seven
// characters: 15-1252.00 → 15-1252).
func soc(code string) string {
	if len(code) > 7 {
		return code[:7]
	}
	return code
}

// String renders the accuracy on one line.
func (a Accuracy) String() string {
	return fmt.Sprintf("n=%d onet@1=%.3f onet@5=%.3f soc@1=%.3f soc@5=%.3f confident=%.3f (soc@1 %.3f)",
		a.N, a.ONETTop1, a.ONETTop5, a.SOCTop1, a.SOCTop5, a.Confident, a.ConfidentSOCTop1)
}

// MajorGroups names the 22 SOC 2018 major groups (and 55, military) by their
// two-digit code.
var MajorGroups = map[string]string{
	"11": "Management",
	"13": "Business and Financial Operations",
	"15": "Computer and Mathematical",
	"17": "Architecture and Engineering",
	"19": "Life, Physical, and Social Science",
	"21": "Community and Social Service",
	"23": "Legal",
	"25": "Educational Instruction and Library",
	"27": "Arts, Design, Entertainment, Sports, and Media",
	"29": "Healthcare Practitioners and Technical",
	"31": "Healthcare Support",
	"33": "Protective Service",
	"35": "Food Preparation and Serving Related",
	"37": "Building and Grounds Cleaning and Maintenance",
	"39": "Personal Care and Service",
	"41": "Sales and Related",
	"43": "Office and Administrative Support",
	"45": "Farming, Fishing, and Forestry",
	"47": "Construction and Extraction",
	"49": "Installation, Maintenance, and Repair",
	"51": "Production",
	"53": "Transportation and Material Moving",
	"55": "Military Specific",
}
