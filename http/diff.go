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
	Field  string
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
			d.Changes = append(d.Changes, answerChange{Field: k, Before: orNone(before[k]), After: orNone(after[k])})
		}
	}
	sort.Slice(d.Changes, func(i, j int) bool { return d.Changes[i].Field < d.Changes[j].Field })
	return d
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
