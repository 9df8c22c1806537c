// Package rules is certwise's decision engine: it derives named facts from a
// person's answers and the occupation data, runs them through a rulebook
// (rulebook.yaml, first matching rule wins) and explains the verdict.
package rules

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/certwise/certwise"
)

//go:embed rulebook.yaml
var defaultRulebook []byte

// Rulebook is a loaded and validated set of rules.
type Rulebook struct {
	Sections []Section
	Rules    []Rule
	// Concerns are listed in every evaluation where their condition holds.
	Concerns []ConcernRule
	// Headlines holds one headline per verdict.
	Headlines map[certwise.VerdictID]string
	sections  map[string]*Section
}

// Section is a part of the seed guide a rule rests on, with the related
// topics the guide points to from there.
type Section struct {
	ID     string   `yaml:"id"`
	Title  string   `yaml:"title"`
	Note   string   `yaml:"note"`
	Topics []string `yaml:"topics"`
}

// Rule is one entry of the rulebook.
type Rule struct {
	ID          string
	Section     string
	Condition   Condition
	Verdict     certwise.VerdictID
	Explanation string
	facts       []Fact // the facts Condition mentions, computed once
	// passed holds, for every combination of the values of facts (bit i
	// for facts[i]), the sentence saying why the rule did not apply, so
	// that an evaluation explains the rules it passed over without
	// building strings.
	passed []string
}

// ConcernRule is one concern of the rulebook: what it is called, the seed
// section it rests on, when it applies and what it says.
type ConcernRule struct {
	ID        string
	Section   string
	Condition Condition
	Text      string
	facts     []Fact
}

// maxRuleFacts bounds the facts one condition may mention, which keeps the
// precomputed passed-over sentences small.
const maxRuleFacts = 8

// passedOver builds the sentence for every combination of fact values.
func passedOver(c Condition, facts []Fact) []string {
	out := make([]string, 1<<len(facts))
	for combo := range out {
		var set factSet
		parts := make([]string, len(facts))
		for i, f := range facts {
			v := combo&(1<<i) != 0
			set.set(f, v)
			parts[i] = f.String() + " " + yes(v)
		}
		if c.holds(set) {
			continue // never shown: the rule would have applied
		}
		out[combo] = "does not apply: " + c.String() + " is false (" + strings.Join(parts, ", ") + ")"
	}
	return out
}

// passedText says why r did not apply to facts s.
func (r *Rule) passedText(s factSet) string {
	combo := 0
	for i, f := range r.facts {
		if s.has(f) {
			combo |= 1 << i
		}
	}
	return r.passed[combo]
}

// Condition is a compiled rule condition over facts.
type Condition struct {
	op   byte // 'f' fact, '&' all, '|' any, '!' not
	fact Fact
	kids []Condition
}

// holds evaluates the condition over a set of facts.
func (c Condition) holds(s factSet) bool {
	switch c.op {
	case 'f':
		return s.has(c.fact)
	case '&':
		for _, k := range c.kids {
			if !k.holds(s) {
				return false
			}
		}
		return true
	case '|':
		for _, k := range c.kids {
			if k.holds(s) {
				return true
			}
		}
		return false
	case '!':
		return !c.kids[0].holds(s)
	}
	return false
}

// Facts lists the facts the condition mentions, in order of first mention.
func (c Condition) Facts() []Fact {
	var out []Fact
	var walk func(Condition)
	walk = func(c Condition) {
		if c.op == 'f' {
			for _, f := range out {
				if f == c.fact {
					return
				}
			}
			out = append(out, c.fact)
		}
		for _, k := range c.kids {
			walk(k)
		}
	}
	walk(c)
	return out
}

// String writes the condition back in a compact form.
func (c Condition) String() string {
	switch c.op {
	case 'f':
		return c.fact.String()
	case '!':
		return "not " + c.kids[0].String()
	}
	parts := make([]string, len(c.kids))
	for i, k := range c.kids {
		parts[i] = k.String()
	}
	word := map[byte]string{'&': "all", '|': "any"}[c.op]
	return word + "(" + strings.Join(parts, ", ") + ")"
}

type rawRulebook struct {
	Sections []Section                     `yaml:"sections"`
	Verdicts map[certwise.VerdictID]string `yaml:"verdicts"`
	Rules    []struct {
		ID          string    `yaml:"id"`
		Section     string    `yaml:"section"`
		Condition   yaml.Node `yaml:"condition"`
		Verdict     string    `yaml:"verdict"`
		Explanation string    `yaml:"explanation"`
	} `yaml:"rules"`
	Concerns []struct {
		ID        string    `yaml:"id"`
		Section   string    `yaml:"section"`
		Condition yaml.Node `yaml:"condition"`
		Text      string    `yaml:"text"`
	} `yaml:"concerns"`
}

// Default returns the rulebook embedded in the binary, parsed once. It
// panics if the embedded file is invalid, which the package tests rule out.
// Callers must not modify it.
func Default() *Rulebook { return defaultOnce() }

var defaultOnce = sync.OnceValue(func() *Rulebook {
	b, err := Parse(defaultRulebook)
	if err != nil {
		panic(fmt.Sprintf("embedded rulebook: %v", err))
	}
	return b
})

// Parse loads and validates a rulebook: unknown keys, unknown facts in
// conditions, duplicate or empty ids, unknown sections, unknown verdicts, a
// verdict without a headline and a last rule that can fail to match are all
// errors.
func Parse(data []byte) (*Rulebook, error) {
	var raw rawRulebook
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("rulebook: %w", err)
	}
	b := &Rulebook{Sections: raw.Sections, Headlines: map[certwise.VerdictID]string{}, sections: map[string]*Section{}}
	for i := range b.Sections {
		s := &b.Sections[i]
		if s.ID == "" || s.Title == "" {
			return nil, fmt.Errorf("rulebook: section %d: id and title are required", i+1)
		}
		if _, dup := b.sections[s.ID]; dup {
			return nil, fmt.Errorf("rulebook: section %q is defined twice", s.ID)
		}
		b.sections[s.ID] = s
	}
	for v, h := range raw.Verdicts {
		if !knownVerdict(v) {
			return nil, fmt.Errorf("rulebook: verdicts: unknown verdict %q; allowed: %s", v, verdictList())
		}
		if strings.TrimSpace(h) == "" {
			return nil, fmt.Errorf("rulebook: verdicts: %s has an empty headline", v)
		}
		b.Headlines[v] = strings.TrimSpace(h)
	}
	for _, v := range certwise.Verdicts {
		if _, ok := b.Headlines[v]; !ok {
			return nil, fmt.Errorf("rulebook: verdicts: %s has no headline", v)
		}
	}
	ids := map[string]bool{}
	for i, r := range raw.Rules {
		where := fmt.Sprintf("rulebook: rule %d (%s)", i+1, r.ID)
		if r.ID == "" {
			return nil, fmt.Errorf("%s: id is required", where)
		}
		if ids[r.ID] {
			return nil, fmt.Errorf("%s: duplicate rule id", where)
		}
		ids[r.ID] = true
		v := certwise.VerdictID(r.Verdict)
		if _, ok := b.sections[r.Section]; ok && !knownVerdict(v) {
			return nil, fmt.Errorf("%s: unknown verdict %q; allowed: %s", where, r.Verdict, verdictList())
		}
		c, err := b.entry(where, r.Section, "explanation", r.Explanation, &r.Condition)
		if err != nil {
			return nil, err
		}
		facts := c.Facts()
		if len(facts) > maxRuleFacts {
			return nil, fmt.Errorf("%s: condition: more than %d facts; split the rule", where, maxRuleFacts)
		}
		b.Rules = append(b.Rules, Rule{ID: r.ID, Section: r.Section, Condition: c, Verdict: v,
			Explanation: strings.TrimSpace(r.Explanation), facts: facts, passed: passedOver(c, facts)})
	}
	if len(b.Rules) == 0 {
		return nil, fmt.Errorf("rulebook: no rules")
	}
	// Tiers in order: avoid rules, then enroll rules, then prepare rules.
	// First-match over that order decides the tier as "avoid if an avoid
	// rule holds, else enroll if an enroll rule holds, else prepare".
	for i := 1; i < len(b.Rules); i++ {
		prev, r := b.Rules[i-1], b.Rules[i]
		if tierOrder(r.Verdict) < tierOrder(prev.Verdict) {
			return nil, fmt.Errorf("rulebook: rule %d (%s, %s tier) comes after %s (%s tier); order the rules avoid, enroll, prepare",
				i+1, r.ID, r.Verdict.Tier(), prev.ID, prev.Verdict.Tier())
		}
	}
	// The last rule must hold whatever the facts, so that every set of
	// answers gets a verdict: try every combination of the facts it names.
	last := b.Rules[len(b.Rules)-1]
	for combo := range 1 << len(last.facts) {
		var s factSet
		s.set(FactAlways, true)
		for i, f := range last.facts {
			s.set(f, combo&(1<<i) != 0)
		}
		if !last.Condition.holds(s) {
			return nil, fmt.Errorf("rulebook: the last rule (%s) must hold for any answers (condition: always)", last.ID)
		}
	}
	if last.Verdict.Tier() != certwise.TierPrepare {
		return nil, fmt.Errorf("rulebook: the last rule (%s) must give a prepare verdict, not %s", last.ID, last.Verdict)
	}
	seen := map[string]bool{}
	for i, c := range raw.Concerns {
		where := fmt.Sprintf("rulebook: concern %d (%s)", i+1, c.ID)
		if c.ID == "" || seen[c.ID] {
			return nil, fmt.Errorf("%s: the id is empty or used twice", where)
		}
		seen[c.ID] = true
		cond, err := b.entry(where, c.Section, "text", c.Text, &c.Condition)
		if err != nil {
			return nil, err
		}
		b.Concerns = append(b.Concerns, ConcernRule{ID: c.ID, Section: c.Section, Condition: cond,
			Text: strings.TrimSpace(c.Text), facts: cond.Facts()})
	}
	return b, nil
}

// entry checks what rules and concerns share: a known section, a text
// (an explanation or a concern's words) and a condition, which it compiles.
func (b *Rulebook) entry(where, section, textName, text string, cond *yaml.Node) (Condition, error) {
	if _, ok := b.sections[section]; !ok {
		return Condition{}, fmt.Errorf("%s: unknown section %q", where, section)
	}
	if strings.TrimSpace(text) == "" {
		return Condition{}, fmt.Errorf("%s: %s is required", where, textName)
	}
	if cond.Kind == 0 {
		return Condition{}, fmt.Errorf("%s: condition is required", where)
	}
	c, err := compile(cond)
	if err != nil {
		return Condition{}, fmt.Errorf("%s: condition: %w", where, err)
	}
	return c, nil
}

// tierOrder is the place of a verdict's tier in the rulebook's order.
func tierOrder(v certwise.VerdictID) int {
	switch v.Tier() {
	case certwise.TierAvoid:
		return 0
	case certwise.TierEnroll:
		return 1
	}
	return 2
}

// Section returns the section with the given id.
func (b *Rulebook) Section(id string) (*Section, bool) {
	s, ok := b.sections[id]
	return s, ok
}

func compile(n *yaml.Node) (Condition, error) {
	switch n.Kind {
	case yaml.ScalarNode:
		f, ok := factByName[n.Value]
		if !ok {
			names := make([]string, 0, numFacts)
			for _, f := range Facts() {
				names = append(names, f.String())
			}
			return Condition{}, fmt.Errorf("line %d: unknown fact %q; known facts: %s", n.Line, n.Value, strings.Join(names, ", "))
		}
		return Condition{op: 'f', fact: f}, nil
	case yaml.MappingNode:
		if len(n.Content) != 2 {
			return Condition{}, fmt.Errorf("line %d: a condition object has exactly one of all, any, not", n.Line)
		}
		key, val := n.Content[0].Value, n.Content[1]
		switch key {
		case "not":
			k, err := compile(val)
			if err != nil {
				return Condition{}, err
			}
			return Condition{op: '!', kids: []Condition{k}}, nil
		case "all", "any":
			if val.Kind != yaml.SequenceNode || len(val.Content) == 0 {
				return Condition{}, fmt.Errorf("line %d: %s takes a non-empty list", val.Line, key)
			}
			c := Condition{op: '&'}
			if key == "any" {
				c.op = '|'
			}
			for _, e := range val.Content {
				k, err := compile(e)
				if err != nil {
					return Condition{}, err
				}
				c.kids = append(c.kids, k)
			}
			return c, nil
		}
		return Condition{}, fmt.Errorf("line %d: unknown operator %q; allowed: all, any, not", n.Line, key)
	}
	return Condition{}, fmt.Errorf("line %d: a condition is a fact name or one of all, any, not", n.Line)
}

func knownVerdict(v certwise.VerdictID) bool {
	for _, k := range certwise.Verdicts {
		if k == v {
			return true
		}
	}
	return false
}

func verdictList() string {
	s := make([]string, len(certwise.Verdicts))
	for i, v := range certwise.Verdicts {
		s[i] = string(v)
	}
	return strings.Join(s, ", ")
}
