// Package answers reads a person's answers from JSON or YAML and validates
// them strictly: an unknown field, a value of the wrong type or a value
// outside a vocabulary is an error that names the field (a dotted path such
// as organization.ai_adoption_phase) and says what is allowed.
package answers

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/certwise/certwise"
)

// MaxBytes is the largest answers document Decode accepts.
const MaxBytes = 1 << 20

// Formats lists the formats Decode accepts.
var Formats = []string{"json", "yaml", "auto"}

// Decode reads one answers document in format "json", "yaml" or "auto" (JSON
// when the first non-blank character is '{', YAML otherwise), then validates
// it with Validate. Errors are *certwise.Error with code EINVALID and, where
// one field is at fault, its dotted path.
func Decode(r io.Reader, format string) (certwise.Answers, error) {
	var a certwise.Answers
	b, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return a, fmt.Errorf("read answers: %w", err)
	}
	if len(b) > MaxBytes {
		return a, certwise.Errorf(certwise.EINVALID, "", "the answers are larger than %d bytes", MaxBytes)
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")) // a UTF-8 byte order mark, as some editors write
	trimmed := bytes.TrimSpace(b)
	if format == "auto" || format == "" {
		format = "yaml"
		if len(trimmed) > 0 && trimmed[0] == '{' {
			format = "json"
		}
	}
	if len(trimmed) == 0 {
		return a, certwise.Errorf(certwise.EINVALID, "", "the answers are empty")
	}
	var tree any
	switch format {
	case "json":
		tree, err = parseJSON(b)
	case "yaml", "yml":
		tree, err = parseYAML(b)
	default:
		return a, certwise.Errorf(certwise.EINVALID, "format", "unknown format %q; allowed: %s", format, strings.Join(Formats, ", "))
	}
	if err != nil {
		return a, err
	}
	if err := fromTree(&a, tree); err != nil {
		return a, err
	}
	if err := Validate(&a); err != nil {
		return a, err
	}
	return a, nil
}

// fields is one object's schema: each known key and how to read its value.
type fields map[string]func(v any, path string) error

// object reads v as an object whose keys must all be in fs.
func object(v any, path string, fs fields) error {
	if v == nil {
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		return typeError(path, "an object", v)
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		f, ok := fs[k]
		if !ok {
			allowed := make([]string, 0, len(fs))
			for name := range fs {
				allowed = append(allowed, name)
			}
			sort.Strings(allowed)
			return certwise.Errorf(certwise.EINVALID, join(path, k), "unknown field; allowed here: %s", strings.Join(allowed, ", "))
		}
		if err := f(m[k], join(path, k)); err != nil {
			return err
		}
	}
	return nil
}

func typeError(path, want string, got any) error {
	return certwise.Errorf(certwise.EINVALID, path, "must be %s, not %s", want, describe(got))
}

func describe(v any) string {
	switch t := v.(type) {
	case nil:
		return "null"
	case bool:
		return fmt.Sprintf("the boolean %t", t)
	case float64:
		return fmt.Sprintf("the number %g", t)
	case string:
		return fmt.Sprintf("the text %q", truncate(t, 40))
	case []any:
		return "a list"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

func boolean(dst *bool) func(any, string) error {
	return func(v any, path string) error {
		if v == nil {
			return nil
		}
		b, ok := v.(bool)
		if !ok {
			return typeError(path, "true or false", v)
		}
		*dst = b
		return nil
	}
}

func text(dst *string) func(any, string) error {
	return func(v any, path string) error {
		if v == nil {
			return nil
		}
		s, ok := v.(string)
		if !ok {
			return typeError(path, "text", v)
		}
		*dst = s
		return nil
	}
}

func number(dst **float64) func(any, string) error {
	return func(v any, path string) error {
		if v == nil {
			return nil
		}
		f, ok := v.(float64)
		if !ok {
			return typeError(path, "a number", v)
		}
		*dst = &f
		return nil
	}
}

// word reads a value from a vocabulary; Validate checks membership so that
// answers built in code get the same check.
func word[T ~string](dst *T, vocab []T) func(any, string) error {
	return func(v any, path string) error {
		if v == nil {
			return nil
		}
		s, ok := v.(string)
		if !ok {
			return certwise.Errorf(certwise.EINVALID, path, "must be one of %s, not %s", list(vocab), describe(v))
		}
		*dst = T(s)
		return nil
	}
}

func list[T ~string](vocab []T) string {
	s := make([]string, len(vocab))
	for i, v := range vocab {
		s[i] = string(v)
	}
	return strings.Join(s, ", ")
}

func textList(dst *[]string) func(any, string) error {
	return func(v any, path string) error {
		if v == nil {
			return nil
		}
		l, ok := v.([]any)
		if !ok {
			return typeError(path, "a list of text", v)
		}
		out := make([]string, 0, len(l))
		for i, e := range l {
			s, ok := e.(string)
			if !ok {
				return typeError(fmt.Sprintf("%s[%d]", path, i), "text", e)
			}
			out = append(out, s)
		}
		*dst = out
		return nil
	}
}

func shares(dst map[string]float64, path string, v any) error {
	m, ok := v.(map[string]any)
	if !ok {
		return typeError(path, "an object of shares (name: number)", v)
	}
	for k, e := range m {
		f, ok := e.(float64)
		if !ok {
			return typeError(join(path, k), "a number (a share)", e)
		}
		dst[k] = f
	}
	return nil
}

// fromTree fills a from a parsed document, checking fields and types.
func fromTree(a *certwise.Answers, tree any) error {
	if _, ok := tree.(map[string]any); !ok {
		return typeError("", "an object with the answer sections", tree)
	}
	return object(tree, "", fields{
		"role": func(v any, p string) error {
			r := &a.Role
			return object(v, p, fields{
				"title":                  text(&r.Title),
				"occupation":             text(&r.Occupation),
				"exposure_self_assessed": word(&r.ExposureSelfAssessed, certwise.ExposureLevels),
				"work_mix": func(v any, p string) error {
					if v == nil {
						return nil
					}
					raw := map[string]float64{}
					if err := shares(raw, p, v); err != nil {
						return err
					}
					r.WorkMix = make(certwise.WorkMix, len(raw))
					for k, f := range raw {
						r.WorkMix[certwise.WorkClass(k)] = f
					}
					return nil
				},
				"activity_shares": func(v any, p string) error {
					if v == nil {
						return nil
					}
					r.ActivityShares = map[string]float64{}
					return shares(r.ActivityShares, p, v)
				},
			})
		},
		"position": func(v any, p string) error {
			s := &a.Position
			return object(v, p, fields{
				"owns_measurable_outcomes":     boolean(&s.OwnsMeasurableOutcomes),
				"ai_enhanced_role":             boolean(&s.AIEnhancedRole),
				"expanding_into_system_design": boolean(&s.ExpandingIntoSystemDesign),
				"transitioning_to_hybrid_role": boolean(&s.TransitioningToHybridRole),
				"has_tested_ai_in_role":        boolean(&s.HasTestedAIInRole),
			})
		},
		"organization": func(v any, p string) error {
			o := &a.Organization
			return object(v, p, fields{
				"leadership_values_ai_literacy":   boolean(&o.LeadershipValuesAILiteracy),
				"promotion_rewards_credentials":   boolean(&o.PromotionRewardsCredentials),
				"politics_reward_formal_programs": boolean(&o.PoliticsRewardFormalPrograms),
				"ai_adoption_phase":               word(&o.AIAdoptionPhase, certwise.AIAdoptionPhases),
			})
		},
		"industry": func(v any, p string) error {
			in := &a.Industry
			return object(v, p, fields{
				"credential_sensitive":       boolean(&in.CredentialSensitive),
				"compressing_business_model": boolean(&in.CompressingBusinessModel),
				"shifting_to_ai":             boolean(&in.ShiftingToAI),
			})
		},
		"motives": func(v any, p string) error {
			if v == nil {
				return nil
			}
			l, ok := v.([]any)
			if !ok {
				return typeError(p, "a list of motives ("+list(certwise.Motives)+")", v)
			}
			a.Motives = make([]certwise.Motive, 0, len(l))
			for i, e := range l {
				var m certwise.Motive
				if err := word(&m, certwise.Motives)(e, fmt.Sprintf("%s[%d]", p, i)); err != nil {
					return err
				}
				a.Motives = append(a.Motives, m)
			}
			return nil
		},
		"capability_gap": text(&a.CapabilityGap),
		"target_role": func(v any, p string) error {
			if v == nil {
				return nil
			}
			t := &certwise.TargetRole{}
			if err := object(v, p, fields{"title": text(&t.Title), "occupation": text(&t.Occupation)}); err != nil {
				return err
			}
			if !t.Empty() {
				a.TargetRole = t
			}
			return nil
		},
		"certification": func(v any, p string) error {
			if v == nil {
				return nil
			}
			c := &certwise.CertificationChoice{}
			if err := object(v, p, fields{
				"id":       text(&c.ID),
				"name":     text(&c.Name),
				"cost_usd": number(&c.CostUSD),
				"hours":    number(&c.Hours),
				"skills":   textList(&c.Skills),
			}); err != nil {
				return err
			}
			a.Certification = c
			return nil
		},
		"expected_authority_gain": word(&a.ExpectedAuthorityGain, certwise.AuthorityGains),
		"positioning":             word(&a.Positioning, certwise.Positionings),
	})
}

// contains reports whether v is in vocab.
func contains[T comparable](vocab []T, v T) bool { return slices.Contains(vocab, v) }
