package catalog

import (
	"slices"
	"sort"
	"strings"
	"unicode"
)

// SkillMatch is one skill found in free text, with the keywords that pointed
// at it and their weight (a keyword of n words weighs n).
type SkillMatch struct {
	Skill    string   `json:"skill"`
	Weight   float64  `json:"weight"`
	Keywords []string `json:"keywords"`
}

type keyword struct {
	phrase string // normalized, padded with spaces
	raw    string
	skill  string
	weight float64
}

type gapMatcher struct {
	keywords []keyword
	// byFirst lists, for each word a keyword starts with, the indexes of
	// those keywords in ascending order: a text can only contain keywords
	// whose first word is one of its words, so only those are tried.
	byFirst map[string][]int
}

func newGapMatcher(skills []Skill) *gapMatcher {
	m := &gapMatcher{}
	for _, s := range skills {
		for _, k := range s.Keywords {
			n := normalize(k)
			m.keywords = append(m.keywords, keyword{
				phrase: " " + n + " ",
				raw:    k,
				skill:  s.ID,
				weight: float64(len(strings.Fields(n))),
			})
		}
	}
	// Longer phrases first, so that a phrase hides the words inside it.
	sort.SliceStable(m.keywords, func(i, j int) bool { return m.keywords[i].weight > m.keywords[j].weight })
	m.byFirst = make(map[string][]int)
	for i, k := range m.keywords {
		if f := strings.Fields(k.phrase); len(f) > 0 {
			m.byFirst[f[0]] = append(m.byFirst[f[0]], i)
		}
	}
	return m
}

// normalize lower-cases text and turns every run of characters other than
// letters, digits, '+' and '/' into one space.
func normalize(s string) string {
	var b strings.Builder
	space := true
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '+' || r == '/' {
			b.WriteRune(r)
			space = false
			continue
		}
		if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimSpace(b.String())
}

// match finds the skills named in text, strongest first (ties by id).
func (m *gapMatcher) match(text string) []SkillMatch {
	padded := " " + normalize(text) + " "
	if strings.TrimSpace(padded) == "" {
		return nil
	}
	// The keywords that start with one of the text's words, in the
	// matcher's order (longer phrases first).
	var buf [64]int
	cands := buf[:0]
	for rest := padded; rest != ""; {
		var w string
		w, rest, _ = strings.Cut(rest, " ")
		if w != "" {
			cands = append(cands, m.byFirst[w]...)
		}
	}
	slices.Sort(cands)
	cands = slices.Compact(cands)
	out := []SkillMatch{}
	for _, i := range cands {
		k := &m.keywords[i]
		if !strings.Contains(padded, k.phrase) {
			continue
		}
		// Blank the phrase out so that its words do not count again.
		padded = strings.ReplaceAll(padded, k.phrase, " | ")
		j := slices.IndexFunc(out, func(sm SkillMatch) bool { return sm.Skill == k.skill })
		if j < 0 {
			out = append(out, SkillMatch{Skill: k.skill})
			j = len(out) - 1
		}
		out[j].Weight += k.weight
		out[j].Keywords = append(out[j].Keywords, k.raw)
	}
	for _, sm := range out {
		sort.Strings(sm.Keywords)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Weight != out[j].Weight {
			return out[i].Weight > out[j].Weight
		}
		return out[i].Skill < out[j].Skill
	})
	return out
}

// MapGap maps a capability gap written in a person's own words to skills of
// the vocabulary, strongest first.
func (c *Catalog) MapGap(text string) []SkillMatch { return c.matcher.match(text) }
