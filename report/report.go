// Package report renders an evaluation for people: Text for a terminal and
// Markdown for a document to share. Both show every part of the
// evaluation in the same order: verdict, reasons, conditions, exposure,
// questions, alternatives, next steps, certifications and references.
package report

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/internal/display"
)

// Width is the column at which Text wraps its lines.
const Width = 78

// errWriter remembers the first write error so the renderers can write
// freely and report it once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

// wrap breaks s into lines of at most width columns (words longer than the
// width stay whole).
func wrap(s string, width int) []string {
	words := strings.Fields(s)
	if len(words) == 0 {
		return nil
	}
	var lines []string
	line := words[0]
	for _, w := range words[1:] {
		if len([]rune(line))+1+len([]rune(w)) > width {
			lines = append(lines, line)
			line = w
			continue
		}
		line += " " + w
	}
	return append(lines, line)
}

// label turns an identifier such as apply_first into "apply first".
func label(id string) string { return strings.ReplaceAll(id, "_", " ") }

func hours(f *float64) string {
	if f == nil {
		return "hours not confirmed"
	}
	return display.HoursShort(*f)
}

// mixText lists the work mix in display order, skipping empty classes.
func mixText(m certwise.WorkMix) string {
	var parts []string
	for _, c := range certwise.WorkClasses {
		if v, ok := m[c]; ok && v > 0 {
			parts = append(parts, label(string(c))+" "+display.Percent(v))
		}
	}
	if len(parts) == 0 {
		return "unknown"
	}
	return strings.Join(parts, ", ")
}

// exposureRows are the exposure facts as label/value pairs, only those known.
func exposureRows(x certwise.ExposureSummary) [][2]string {
	rows := [][2]string{{"Level", string(x.Level) + " (from " + SourceWords(x.Source) + ")"}}
	if x.SelfAssessed != "" && x.Source != "self_assessed" {
		rows = append(rows, [2]string{"Your own rating", string(x.SelfAssessed)})
	}
	if x.DataLevel != "" && x.DataLevel != x.Level {
		rows = append(rows, [2]string{"Level in the data", string(x.DataLevel)})
	}
	if x.OccupationCode != "" {
		occ := x.OccupationCode
		if x.OccupationTitle != "" {
			occ = x.OccupationTitle + " (" + x.OccupationCode + ")"
		}
		rows = append(rows, [2]string{"Occupation", occ})
	}
	if x.Percentile != nil {
		rows = append(rows, [2]string{"Exposure percentile", strconv.FormatFloat(*x.Percentile, 'f', -1, 64) + " (share of workers in less exposed occupations)"})
	}
	mix := mixText(x.WorkMix)
	if x.WorkMixSource != "" && x.WorkMixSource != "none" {
		mix += " (from " + label(x.WorkMixSource) + ")"
	}
	rows = append(rows, [2]string{"Work mix", mix})
	if x.CompressibleShare != nil {
		rows = append(rows, [2]string{"Compressible share", display.Percent(*x.CompressibleShare) + " reporting + coordination"})
	}
	rows = append(rows, [2]string{"AI could do the work itself", yesNo(x.Structural)})
	rt := RoleTypeWords(x.RoleType)
	if x.RoleTypeBasis != "" {
		rt += " (" + x.RoleTypeBasis + ")"
	}
	rows = append(rows, [2]string{"How AI relates to it", rt})
	if x.TitleMatch != nil && len(x.TitleMatch.Matches) > 0 {
		var c []string
		for i, m := range x.TitleMatch.Matches {
			if i == 3 {
				break
			}
			c = append(c, m.Title+" ("+m.Code+")")
		}
		conf := "not confident"
		if x.TitleMatch.Confident {
			conf = "confident"
		}
		rows = append(rows, [2]string{"Title match", strconv.Quote(x.TitleMatch.Query) + " (" + conf + "): " + strings.Join(c, "; ")})
	}
	if x.Disagreement != "" {
		rows = append(rows, [2]string{"Disagreement", x.Disagreement})
	}
	return rows
}

// SourceWords says where an exposure level came from.
func SourceWords(src string) string {
	switch src {
	case "self_assessed":
		return "your own rating"
	case "occupation":
		return "the occupation you picked"
	case "title_match":
		return "the occupation matched to your title"
	case "", "none":
		return "nothing: not known"
	}
	return label(src)
}

// roleTypeWords say how AI relates to a role in plain words.
var roleTypeWords = map[certwise.RoleType]string{
	certwise.RoleTypeAIProof:      "AI barely touches it",
	certwise.RoleTypeAIEnhanced:   "AI makes it stronger",
	certwise.RoleTypeCompressible: "AI compresses much of it",
}

// RoleTypeWords says how AI relates to a role in plain words.
func RoleTypeWords(t certwise.RoleType) string { return wordsFor(roleTypeWords, t, "not known") }

// wordsFor returns the words m gives k, else otherwise.
func wordsFor[K comparable](m map[K]string, k K, otherwise string) string {
	if w, ok := m[k]; ok {
		return w
	}
	return otherwise
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// conditionLines are the four conditions for a certification to pay off as
// checklist lines, "[x] ..." for one that holds and "[ ] ..." with the
// concern it raises for one that does not.
func conditionLines(c certwise.Conditions) []string {
	var lines []string
	for _, x := range ConditionList(c) {
		mark := "[ ]"
		if x.Met {
			mark = "[x]"
		}
		lines = append(lines, mark+" "+x.Text)
	}
	return lines
}

// targetLine is one career move with its figures, the work and skills it
// shares with the person's role and the gap to close.
func targetLine(t certwise.TransitionTarget) string {
	l := t.Code + " " + t.Title
	if t.Status == certwise.MoveOutsideBounds {
		l += " [outside the bounds]"
	}
	l += ": exposure " + string(t.ExposureLevel)
	if t.CompressibleShare != nil {
		l += ", compressible " + display.Percent(*t.CompressibleShare)
	}
	if t.ProjectedGrowthPct != nil {
		l += ", growth " + strconv.FormatFloat(*t.ProjectedGrowthPct, 'f', 1, 64) + "%" + vintage(t.LabourVintage.Growth)
	}
	if t.MedianWage != nil {
		l += ", median wage $" + display.Float(*t.MedianWage, 0) + vintage(t.LabourVintage.Wages)
		if t.WageRatio != nil {
			l += " = " + display.Percent(*t.WageRatio) + " of yours"
		}
	}
	if t.JobZone != nil {
		l += ", job zone " + strconv.Itoa(*t.JobZone)
	}
	l += ", overlap " + display.Percent(t.Overlap)
	if t.SkillsSimilarity != nil {
		l += ", skills alike " + strconv.FormatFloat(*t.SkillsSimilarity, 'f', 2, 64)
	}
	for _, c := range t.Caveats {
		l += "; " + c
	}
	if len(t.SharedActivities) > 0 {
		var sh []string
		for i, a := range t.SharedActivities {
			if i == 3 {
				break
			}
			sh = append(sh, strings.TrimSuffix(a.Title, "."))
		}
		l += "; shared work: " + strings.Join(sh, "; ")
	}
	if len(t.SharedSkills) > 0 {
		sk := make([]string, len(t.SharedSkills))
		for i, m := range t.SharedSkills {
			sk[i] = m.Label()
		}
		l += "; skills in common: " + strings.Join(sk, ", ")
	}
	if len(t.SkillGaps) > 0 {
		gap := make([]string, len(t.SkillGaps))
		for i, m := range t.SkillGaps {
			gap[i] = m.GapText()
		}
		l += "; gap to close (level 0–7, yours → theirs): " + strings.Join(gap, ", ")
	}
	for _, c := range t.Certifications {
		l += "; certification: " + c.Name
	}
	return l
}

// vintage names a figure's release in parentheses ("" when unknown).
func vintage(v string) string {
	if v == "" {
		return ""
	}
	return " (" + v + ")"
}

// stepDetails turns a next step's data into lines of text: its typed
// fields first, then any loose evidence sorted by key.
func stepDetails(s certwise.NextStep) []string {
	var out []string
	for _, a := range s.Activities {
		l := strings.TrimSuffix(a.Title, ".") + " (" + label(string(a.Class)) + ", " + display.Percent(a.Share) + " of the work"
		if a.Applicability != nil {
			l += ", AI applicability " + strconv.FormatFloat(*a.Applicability, 'f', 2, 64)
		}
		l += ")"
		if a.Project != "" {
			l += ": " + strings.TrimSuffix(a.Project, ".")
		}
		if a.Measure != "" {
			l += ". Measure: " + a.Measure
		}
		out = append(out, l)
	}
	if b := s.MoveBounds; b != nil {
		out = append(out, b.Text())
	}
	for _, t := range s.Targets {
		out = append(out, targetLine(t))
	}
	if sh := s.Shift; sh != nil {
		from := make([]string, len(sh.From))
		for i, c := range sh.From {
			from[i] = label(string(c))
		}
		out = append(out, fmt.Sprintf("Move %s of the week from %s to %s (now %s; compressible now %s)",
			display.Percent(sh.MovePoints), strings.Join(from, " and "), label(string(sh.To)), display.Percent(sh.CurrentShare), display.Percent(sh.CompressibleNow)))
	}
	for _, c := range s.Certifications {
		out = append(out, c.Name+" ("+c.Provider+"): cost "+c.CostText()+", "+hours(c.PrepHours))
	}
	if s.TotalCostUSD != nil || s.TotalHours != nil {
		out = append(out, "Total: cost "+s.TotalCostText()+", "+hours(s.TotalHours))
	}
	out = append(out, s.Questions...)
	keys := make([]string, 0, len(s.Evidence))
	for k := range s.Evidence {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		out = append(out, label(k)+": "+evidenceValue(s.Evidence[k]))
	}
	return out
}

func evidenceValue(v any) string {
	switch t := v.(type) {
	case float64:
		if t >= 0 && t <= 1 {
			return display.Percent(t)
		}
		return display.Float(t, -1)
	case []string:
		return strings.Join(t, ", ")
	case []certwise.Motive:
		s := make([]string, len(t))
		for i, m := range t {
			s[i] = string(m)
		}
		return strings.Join(s, ", ")
	}
	return fmt.Sprint(v)
}

// referenceLine says where to read more: "Section: Topic (note)", without
// the section when it is the topic itself. esc escapes every part; topic
// then sets the topic off (emphasis in Markdown).
func referenceLine(r certwise.Reference, esc, topic func(string) string) string {
	s := topic(esc(r.Topic))
	if r.Section != "" && r.Section != r.Topic {
		s = esc(r.Section) + ": " + s
	}
	if r.Note != "" {
		s += " (" + esc(r.Note) + ")"
	}
	return s
}

// passedOver reports whether r is a rule checked before the deciding one.
func passedOver(r certwise.Reason) bool { return r.Rule != "" && r.Holds != nil && !*r.Holds }

// splitReasons separates the reasons for the verdict from the rules that
// were checked first and did not apply.
func splitReasons(rs []certwise.Reason) (why, passed []certwise.Reason) {
	for _, r := range rs {
		if passedOver(r) {
			passed = append(passed, r)
		} else {
			why = append(why, r)
		}
	}
	return why, passed
}

// trajectoryLine says where the person is heading and whether it counts as
// a defined trajectory.
func trajectoryLine(t certwise.TrajectorySummary) string {
	state := "not yet a defined direction"
	if t.Defined {
		state = "a defined direction"
	}
	choice := string(t.Choice)
	if choice == "" {
		choice = string(certwise.TrajectoryUndecided)
	}
	return label(choice) + ", " + state + ": " + t.Evidence
}

// fitTitle heads the section on the certification the person named.
const fitTitle = "The certification you named"

// fitRows are the parts of a certification_fit as label/value pairs, in
// the order both renderers show them; the alternatives follow as lines.
func fitRows(f *certwise.CertificationFit) [][2]string {
	name := f.Name
	switch {
	case f.Custom:
		name += " (not in the catalog)"
	case f.Provider != "":
		name += " (" + f.Provider + ", " + f.Level + ")"
	}
	rows := [][2]string{
		{"Certification", name},
		{"Judgement", label(f.Judgement) + ": " + f.Summary},
		{"Your gap", f.Gap.Text},
	}
	if f.Target != nil {
		rows = append(rows, [2]string{"Target role", f.Target.Text})
	}
	if f.Current != nil {
		rows = append(rows, [2]string{"Current role", f.Current.Text})
	}
	if f.Prerequisites.Text != "" {
		rows = append(rows, [2]string{"Prerequisites", f.Prerequisites.Text})
	}
	return append(rows,
		[2]string{"Level", f.LevelFit.Text},
		[2]string{"Cost", f.Cost.Text},
		[2]string{"Preparation", f.Hours.Text},
	)
}

// fitAlternativeLines say each better-fitting alternative with why.
func fitAlternativeLines(f *certwise.CertificationFit) []string {
	out := make([]string, len(f.Alternatives))
	for i, a := range f.Alternatives {
		out[i] = a.Name + " (" + a.Provider + ", " + a.Level + "): " + strings.Join(a.Why, "; ")
	}
	return out
}
