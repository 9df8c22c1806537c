package answers

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/certwise/certwise"
)

// Limits on free text and lists, so that one answers document stays small.
const (
	maxTitle      = 200
	maxGap        = 2000
	maxShares     = 500
	maxSkills     = 50
	maxSkillChars = 100
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
// not given. Errors are *certwise.Error with code EINVALID naming the field.
//
// Whether an occupation code or an activity id exists is checked by the
// engine, which has the data.
func Validate(a *certwise.Answers) error {
	r := &a.Role
	r.Title = strings.TrimSpace(r.Title)
	r.Occupation = strings.TrimSpace(r.Occupation)
	if err := checkTitle("role.title", r.Title); err != nil {
		return err
	}
	if err := checkCode("role.occupation", r.Occupation); err != nil {
		return err
	}
	if err := inVocab("role.exposure_self_assessed", r.ExposureSelfAssessed, certwise.ExposureLevels); err != nil {
		return err
	}
	if len(r.WorkMix) == 0 {
		r.WorkMix = nil
	} else {
		for c := range r.WorkMix {
			if !c.Valid() {
				return certwise.Errorf(certwise.EINVALID, "role.work_mix."+string(c),
					"unknown work class; allowed: %s", list(certwise.WorkClasses))
			}
		}
		if err := normalize("role.work_mix", r.WorkMix); err != nil {
			return err
		}
	}
	if len(r.ActivityShares) == 0 {
		r.ActivityShares = nil
	} else {
		if len(r.ActivityShares) > maxShares {
			return certwise.Errorf(certwise.EINVALID, "role.activity_shares", "at most %d activities, not %d", maxShares, len(r.ActivityShares))
		}
		for k := range r.ActivityShares {
			if strings.TrimSpace(k) == "" {
				return certwise.Errorf(certwise.EINVALID, "role.activity_shares", "an activity id is empty")
			}
		}
		if err := normalize("role.activity_shares", r.ActivityShares); err != nil {
			return err
		}
	}

	if err := inVocab("organization.ai_adoption_phase", a.Organization.AIAdoptionPhase, certwise.AIAdoptionPhases); err != nil {
		return err
	}

	seen := make(map[certwise.Motive]bool, len(a.Motives))
	for i, m := range a.Motives {
		p := fmt.Sprintf("motives[%d]", i)
		if !m.Valid() {
			return certwise.Errorf(certwise.EINVALID, p, "unknown motive %q; allowed: %s", truncate(string(m), 40), list(certwise.Motives))
		}
		if seen[m] {
			return certwise.Errorf(certwise.EINVALID, p, "motive %q is listed twice", m)
		}
		seen[m] = true
	}

	a.CapabilityGap = strings.TrimSpace(a.CapabilityGap)
	if len(a.CapabilityGap) > maxGap {
		return certwise.Errorf(certwise.EINVALID, "capability_gap", "at most %d characters, not %d", maxGap, len(a.CapabilityGap))
	}

	if t := a.TargetRole; t != nil {
		t.Title = strings.TrimSpace(t.Title)
		t.Occupation = strings.TrimSpace(t.Occupation)
		if err := checkTitle("target_role.title", t.Title); err != nil {
			return err
		}
		if err := checkCode("target_role.occupation", t.Occupation); err != nil {
			return err
		}
		if t.Empty() {
			a.TargetRole = nil
		}
	}

	if c := a.Certification; c != nil {
		c.ID = strings.TrimSpace(c.ID)
		c.Name = strings.TrimSpace(c.Name)
		if c.ID == "" && c.Name == "" {
			return certwise.Errorf(certwise.EINVALID, "certification", "give an id from the catalog or a name")
		}
		if err := checkTitle("certification.id", c.ID); err != nil {
			return err
		}
		if err := checkTitle("certification.name", c.Name); err != nil {
			return err
		}
		if err := nonNegative("certification.cost_usd", c.CostUSD); err != nil {
			return err
		}
		if err := nonNegative("certification.hours", c.Hours); err != nil {
			return err
		}
		if len(c.Skills) > maxSkills {
			return certwise.Errorf(certwise.EINVALID, "certification.skills", "at most %d skills, not %d", maxSkills, len(c.Skills))
		}
		for i, s := range c.Skills {
			s = strings.TrimSpace(s)
			p := fmt.Sprintf("certification.skills[%d]", i)
			if s == "" {
				return certwise.Errorf(certwise.EINVALID, p, "a skill is empty")
			}
			if len(s) > maxSkillChars {
				return certwise.Errorf(certwise.EINVALID, p, "at most %d characters", maxSkillChars)
			}
			c.Skills[i] = s
		}
	}

	if err := inVocab("expected_authority_gain", a.ExpectedAuthorityGain, certwise.AuthorityGains); err != nil {
		return err
	}
	return inVocab("positioning", a.Positioning, certwise.Positionings)
}

func inVocab[T ~string](field string, v T, vocab []T) error {
	if v == "" || contains(vocab, v) {
		return nil
	}
	return certwise.Errorf(certwise.EINVALID, field, "unknown value %q; allowed: %s", truncate(string(v), 40), list(vocab))
}

func checkTitle(field, s string) error {
	if len(s) > maxTitle {
		return certwise.Errorf(certwise.EINVALID, field, "at most %d characters, not %d", maxTitle, len(s))
	}
	return nil
}

func checkCode(field, s string) error {
	if s != "" && !isSOCCode(s) {
		return certwise.Errorf(certwise.EINVALID, field, "%q is not an O*NET-SOC code (like 15-1252.00)", truncate(s, 40))
	}
	return nil
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
