package catalog

import (
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
	bySkill := map[string]*SkillMatch{}
	for _, k := range m.keywords {
		if !strings.Contains(padded, k.phrase) {
			continue
		}
		// Blank the phrase out so that its words do not count again.
		padded = strings.ReplaceAll(padded, k.phrase, " | ")
		sm := bySkill[k.skill]
		if sm == nil {
			sm = &SkillMatch{Skill: k.skill}
			bySkill[k.skill] = sm
		}
		sm.Weight += k.weight
		sm.Keywords = append(sm.Keywords, k.raw)
	}
	out := make([]SkillMatch, 0, len(bySkill))
	for _, sm := range bySkill {
		sort.Strings(sm.Keywords)
		out = append(out, *sm)
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
