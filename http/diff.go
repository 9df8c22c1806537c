package http

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/certwise/certwise"
)

// versionDiff is what changed between an earlier assessment and its
// revisit: the answers field by field, and the verdict.
type versionDiff struct {
	Earlier       *certwise.Assessment
	VerdictBefore certwise.VerdictID
	VerdictAfter  certwise.VerdictID
	Changes       []answerChange
}

// VerdictChanged reports whether the revisit reached another verdict.
func (d *versionDiff) VerdictChanged() bool { return d.VerdictBefore != d.VerdictAfter }

type answerChange struct {
	Field  string // the answers field, as JSON spells it
	Label  string // the question that asks for it, in the form's words
	Before string
	After  string
}

// diffAssessments compares an earlier version with a later one.
func diffAssessments(earlier, later *certwise.Assessment) *versionDiff {
	d := &versionDiff{
		Earlier:       earlier,
		VerdictBefore: earlier.Evaluation.Verdict,
		VerdictAfter:  later.Evaluation.Verdict,
	}
	before, after := flattenAnswers(earlier.Answers), flattenAnswers(later.Answers)
	keys := map[string]bool{}
	for k := range before {
		keys[k] = true
	}
	for k := range after {
		keys[k] = true
	}
	for k := range keys {
		if before[k] != after[k] {
			q, ok := askedBy(k)
			d.Changes = append(d.Changes, answerChange{Field: k, Label: fieldLabel(k, q, ok),
				Before: orNone(valueWords(q, ok, before[k])), After: orNone(valueWords(q, ok, after[k]))})
		}
	}
	sort.Slice(d.Changes, func(i, j int) bool { return d.Changes[i].Field < d.Changes[j].Field })
	return d
}

// fieldLabel names an answers field for a person: the question that asks
// for it (the choice, for one class of a work mix), else the field's
// last part in words.
func fieldLabel(field string, q certwise.Prompt, ok bool) string {
	if !ok {
		i := strings.LastIndexByte(field, '.')
		return humanize(field[i+1:])
	}
	if q.Field != field { // role.work_mix.analysis: name the class
		if c, found := q.Choice(field[len(q.Field)+1:]); found {
			return q.Text + " " + c.Label
		}
	}
	return q.Text
}

// valueWords shows the answer to a choice question by its choices'
// labels instead of their values.
func valueWords(q certwise.Prompt, ok bool, v string) string {
	if !ok || len(q.Choices) == 0 || v == "" || q.Kind == certwise.KindShares {
		return v
	}
	parts := strings.Split(v, ", ")
	for i, p := range parts {
		if c, found := q.Choice(p); found {
			parts[i] = c.Label
		}
	}
	return strings.Join(parts, ", ")
}

func orNone(s string) string {
	if s == "" {
		return "(not given)"
	}
	return s
}

// flattenAnswers turns answers into dotted field paths and display values;
// false and empty values are left out so that "not given" and "no" read
// the same.
func flattenAnswers(a certwise.Answers) map[string]string {
	b, _ := json.Marshal(a)
	var tree map[string]any
	json.Unmarshal(b, &tree)
	out := map[string]string{}
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, child := range x {
				p := k
				if prefix != "" {
					p = prefix + "." + k
				}
				walk(p, child)
			}
		case []any:
			parts := make([]string, 0, len(x))
			for _, e := range x {
				parts = append(parts, fmt.Sprint(e))
			}
			sort.Strings(parts)
			if len(parts) > 0 {
				out[prefix] = strings.Join(parts, ", ")
			}
		case bool:
			if x {
				out[prefix] = "yes"
			}
		case float64:
			out[prefix] = fmt.Sprintf("%g", x)
		case string:
			if x != "" {
				out[prefix] = x
			}
		}
	}
	walk("", tree)
	return out
}
