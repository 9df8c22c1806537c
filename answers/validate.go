package answers

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/certwise/certwise"
)

// isSOCCode reports whether s looks like an O*NET-SOC code: 15-1252.00.
func isSOCCode(s string) bool {
	if len(s) != 10 || s[2] != '-' || s[7] != '.' {
		return false
	}
	for i := range len(s) {
		if i != 2 && i != 7 && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}

// Validate checks answers however they were built (decoded, from a form or
// in code) and normalizes them in place: free text is trimmed, and work_mix
// and activity_shares are scaled to sum to 1. An empty share map counts as
// not given. Vocabularies and limits are the questionnaire's
// (certwise.Questionnaire); limits on text count characters, not bytes.
// Free text must be valid UTF-8 without control characters other than tab
// and newline. Errors are *certwise.Error with code EINVALID naming the
// field.
//
// Whether an occupation code or an activity id exists is checked by the
// engine, which has the data.
func Validate(a *certwise.Answers) error {
	r := &a.Role
	if err := text("role.title", &r.Title); err != nil {
		return err
	}
	if err := code("role.occupation", &r.Occupation); err != nil {
		return err
	}
	if err := oneOf("role.exposure_self_assessed", r.ExposureSelfAssessed); err != nil {
		return err
	}
	if len(r.WorkMix) == 0 {
		r.WorkMix = nil
	} else {
		q := certwise.MustAsk("role.work_mix")
		for c := range r.WorkMix {
			if !q.Allows(string(c)) {
				return certwise.Errorf(certwise.EINVALID, "role.work_mix."+clip(string(c)),
					"unknown work class; allowed: %s", strings.Join(q.Values(), ", "))
			}
		}
		if err := normalize("role.work_mix", r.WorkMix); err != nil {
			return err
		}
	}
	if len(r.ActivityShares) == 0 {
		r.ActivityShares = nil
	} else {
		if n := certwise.MustAsk("role.activity_shares").MaxItems; len(r.ActivityShares) > n {
			return certwise.Errorf(certwise.EINVALID, "role.activity_shares", "at most %d activities, not %d", n, len(r.ActivityShares))
		}
		for k := range r.ActivityShares {
			if strings.TrimSpace(k) == "" {
				return certwise.Errorf(certwise.EINVALID, "role.activity_shares", "an activity id is empty")
			}
			if err := clean("role.activity_shares", k); err != nil {
				return err
			}
		}
		if err := normalize("role.activity_shares", r.ActivityShares); err != nil {
			return err
		}
	}

	if err := oneOf("organization.ai_adoption_phase", a.Organization.AIAdoptionPhase); err != nil {
		return err
	}

	motives := certwise.MustAsk("motives")
	seen := make(map[certwise.Motive]bool, len(a.Motives))
	for i, m := range a.Motives {
		p := fmt.Sprintf("motives[%d]", i)
		if !motives.Allows(string(m)) {
			return certwise.Errorf(certwise.EINVALID, p, "unknown motive %q; allowed: %s", clip(string(m)), strings.Join(motives.Values(), ", "))
		}
		if seen[m] {
			return certwise.Errorf(certwise.EINVALID, p, "motive %q is listed twice", m)
		}
		seen[m] = true
	}

	if err := text("capability_gap", &a.CapabilityGap); err != nil {
		return err
	}

	if t := a.TargetRole; t != nil {
		if err := text("target_role.title", &t.Title); err != nil {
			return err
		}
		if err := code("target_role.occupation", &t.Occupation); err != nil {
			return err
		}
		if t.Empty() {
			a.TargetRole = nil
		}
	}

	if c := a.Certification; c != nil {
		if err := text("certification.id", &c.ID); err != nil {
			return err
		}
		if err := text("certification.name", &c.Name); err != nil {
			return err
		}
		if c.ID == "" && c.Name == "" {
			return certwise.Errorf(certwise.EINVALID, "certification", "give an id from the catalog or a name")
		}
		if err := nonNegative("certification.cost_usd", c.CostUSD); err != nil {
			return err
		}
		if err := nonNegative("certification.hours", c.Hours); err != nil {
			return err
		}
		if err := textList("certification.skills", c.Skills, "skill"); err != nil {
			return err
		}
	}

	if err := textList("held_certifications", a.HeldCertifications, "certification"); err != nil {
		return err
	}
	if len(a.HeldCertifications) == 0 {
		a.HeldCertifications = nil
	}

	if err := oneOf("expected_authority_gain", a.ExpectedAuthorityGain); err != nil {
		return err
	}
	if err := oneOf("positioning", a.Positioning); err != nil {
		return err
	}
	return oneOf("trajectory", a.Trajectory)
}

// oneOf checks a choice against its question's choices; empty is allowed.
func oneOf[T ~string](field string, v T) error {
	q := certwise.MustAsk(field)
	if v == "" || q.Allows(string(v)) {
		return nil
	}
	return certwise.Errorf(certwise.EINVALID, field, "unknown value %q; allowed: %s", clip(string(v)), strings.Join(q.Values(), ", "))
}

// text trims one free-text answer and checks it is clean and within its
// question's limit in characters.
func text(field string, s *string) error {
	if err := clean(field, *s); err != nil {
		return err
	}
	*s = strings.TrimSpace(*s)
	return maxChars(field, *s, certwise.MustAsk(field).MaxChars)
}

// textList trims each item of a list of short texts and checks the list.
func textList(field string, items []string, what string) error {
	q := certwise.MustAsk(field)
	if len(items) > q.MaxItems {
		return certwise.Errorf(certwise.EINVALID, field, "at most %d items, not %d", q.MaxItems, len(items))
	}
	for i := range items {
		p := fmt.Sprintf("%s[%d]", field, i)
		if err := clean(p, items[i]); err != nil {
			return err
		}
		items[i] = strings.TrimSpace(items[i])
		if items[i] == "" {
			return certwise.Errorf(certwise.EINVALID, p, "a %s is empty", what)
		}
		if err := maxChars(p, items[i], q.MaxChars); err != nil {
			return err
		}
	}
	return nil
}

func maxChars(field, s string, limit int) error {
	if n := utf8.RuneCountInString(s); limit > 0 && n > limit {
		return certwise.Errorf(certwise.EINVALID, field, "at most %d characters, not %d", limit, n)
	}
	return nil
}

// clean rejects text that is not valid UTF-8 (which includes lone UTF-16
// surrogates written as bytes) or that holds control characters other than
// tab and newline, such as NUL. Such text is refused, never repaired, so
// that what is stored is what was sent.
func clean(field, s string) error {
	if !utf8.ValidString(s) {
		return certwise.Errorf(certwise.EINVALID, field, "is not valid UTF-8 text")
	}
	for _, r := range s {
		if r != '\t' && r != '\n' && r != '\r' && unicode.IsControl(r) {
			return certwise.Errorf(certwise.EINVALID, field, "contains a control character (U+%04X); remove it", r)
		}
	}
	return nil
}

func code(field string, s *string) error {
	if err := clean(field, *s); err != nil {
		return err
	}
	*s = strings.TrimSpace(*s)
	if *s != "" && !isSOCCode(*s) {
		return certwise.Errorf(certwise.EINVALID, field, "%q is not an O*NET-SOC code (like 15-1252.00)", clip(*s))
	}
	return nil
}

// clip shortens a value quoted in an error message.
func clip(s string) string {
	const n = 40
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

func nonNegative(field string, f *float64) error {
	if f != nil && (math.IsNaN(*f) || math.IsInf(*f, 0) || *f < 0) {
		return certwise.Errorf(certwise.EINVALID, field, "must be a number of zero or more, not %g", *f)
	}
	return nil
}

// normalize scales shares to sum to 1. Negative, non-finite or all-zero
// shares are errors naming the field.
func normalize[K ~string](field string, m map[K]float64) error {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	var sum float64
	for _, k := range keys {
		v := m[k]
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			return certwise.Errorf(certwise.EINVALID, field+"."+string(k), "a share must be zero or more, not %g", v)
		}
		sum += v
	}
	if sum == 0 || math.IsInf(sum, 0) {
		return certwise.Errorf(certwise.EINVALID, field, "the shares must not all be zero")
	}
	for _, k := range keys {
		m[k] /= sum
	}
	return nil
}

// CheckText checks one free-text answer as Validate would: valid UTF-8,
// no control characters other than tab and newline, and within the
// question's limit in characters. Forms call it to refuse a value on the
// step that asks for it.
func CheckText(field, s string) error {
	if err := clean(field, s); err != nil {
		return err
	}
	q, ok := certwise.Ask(field)
	if !ok {
		return nil
	}
	return maxChars(field, strings.TrimSpace(s), q.MaxChars)
}

// Printable returns s without what CheckText refuses in it (invalid bytes
// and control characters), so that a form can show back what was typed
// beside the error.
func Printable(s string) string {
	return strings.Map(func(r rune) rune {
		if r != '\t' && r != '\n' && r != '\r' && unicode.IsControl(r) {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, ""))
}
