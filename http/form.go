package http

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"math"
	"net/url"
	"strconv"
	"strings"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/answers"
)

// The guided assessment's steps, in order.
const (
	stepRole         = "role"
	stepPosition     = "position"
	stepOrganization = "organization"
	stepMotives      = "motives"
	stepTarget       = "target"
)

var steps = []string{stepRole, stepPosition, stepOrganization, stepMotives, stepTarget}

var stepTitles = map[string]string{
	stepRole:         "Your role",
	stepPosition:     "Your position",
	stepOrganization: "Organization and industry",
	stepMotives:      "Motives and capability gap",
	stepTarget:       "Target role and certification",
}

func stepIndex(step string) int {
	for i, s := range steps {
		if s == step {
			return i
		}
	}
	return -1
}

// formState is what the guided assessment carries from step to step in one
// hidden field: the answers so far and, for a revisit, the assessment it
// revisits. No server session is needed; the state is decoded strictly and
// the answers re-validated on every step, so a tampered field can only
// change the person's own answers, which they could type anyway.
type formState struct {
	Answers  certwise.Answers `json:"answers"`
	Previous string           `json:"previous,omitempty"`
}

func (f formState) encode() string {
	b, _ := json.Marshal(f) // Answers always marshal
	return base64.RawURLEncoding.EncodeToString(b)
}

// decodeState reads the hidden state field. An empty field is a fresh
// assessment.
func decodeState(s string) (formState, error) {
	var f formState
	if s == "" {
		return f, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return f, certwise.Errorf(certwise.EINVALID, "state", "the form state is damaged; start the assessment again")
	}
	var raw struct {
		Answers  json.RawMessage `json:"answers"`
		Previous string          `json:"previous"`
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&raw); err != nil {
		return f, certwise.Errorf(certwise.EINVALID, "state", "the form state is damaged; start the assessment again")
	}
	if len(raw.Answers) > 0 && string(raw.Answers) != "null" {
		a, err := answers.Decode(bytes.NewReader(raw.Answers), "json")
		if err != nil {
			return f, err
		}
		f.Answers = a
	}
	if raw.Previous != "" && !certwise.ValidAssessmentID(raw.Previous) {
		return f, certwise.Errorf(certwise.EINVALID, "previous", "the assessment this revisits has an invalid id")
	}
	f.Previous = raw.Previous
	return f, nil
}

// fieldErrors collects what is wrong with one step's fields, by form field
// name, in the order found.
type fieldErrors struct {
	names []string
	msgs  map[string]string
}

func (e *fieldErrors) add(field, msg string) {
	if e.msgs == nil {
		e.msgs = map[string]string{}
	}
	if _, ok := e.msgs[field]; !ok {
		e.names = append(e.names, field)
	}
	e.msgs[field] = msg
}

func (e *fieldErrors) empty() bool { return len(e.names) == 0 }

// Msg returns the message for a form field, "" when it is fine.
func (e *fieldErrors) Msg(field string) string {
	if e == nil {
		return ""
	}
	return e.msgs[field]
}

// List returns every error in the order found.
func (e *fieldErrors) List() []fieldError {
	if e == nil {
		return nil
	}
	out := make([]fieldError, len(e.names))
	for i, n := range e.names {
		out[i] = fieldError{Field: n, Message: e.msgs[n]}
	}
	return out
}

type fieldError struct{ Field, Message string }

// workMixFields are the role step's optional work mix inputs, in percent.
func workMixField(c certwise.WorkClass) string { return "mix_" + string(c) }

// optionalNumber parses an optional non-negative number field.
func optionalNumber(form url.Values, field string, errs *fieldErrors) *float64 {
	v := strings.TrimSpace(form.Get(field))
	if v == "" {
		return nil
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || f < 0 {
		errs.add(field, "Enter a number of zero or more, or leave it empty.")
		return nil
	}
	return &f
}

// applyStep copies one step's form fields into the answers. Checkboxes
// absent from the form are false, since the form shows every one of them.
func (s *Server) applyStep(step string, form url.Values, a *certwise.Answers, errs *fieldErrors) {
	on := func(name string) bool { return form.Get(name) != "" }
	switch step {
	case stepRole:
		a.Role.Title = strings.TrimSpace(form.Get("title"))
		a.Role.Occupation = strings.TrimSpace(form.Get("occupation"))
		if a.Role.Occupation != "" {
			if _, ok := s.Occupations.Occupation(a.Role.Occupation); !ok {
				errs.add("occupation", "Pick one of the listed occupations.")
			}
		}
		a.Role.ExposureSelfAssessed = certwise.ExposureLevel(form.Get("exposure_self_assessed"))
		if a.Role.ExposureSelfAssessed != "" && !a.Role.ExposureSelfAssessed.Valid() {
			errs.add("exposure_self_assessed", "Pick one of the listed exposure levels.")
		}
		mix := certwise.WorkMix{}
		for _, c := range certwise.WorkClasses {
			if v := optionalNumber(form, workMixField(c), errs); v != nil && *v > 0 {
				mix[c] = *v / 100
			}
		}
		if len(mix) == 0 {
			mix = nil
		}
		a.Role.WorkMix = mix
	case stepPosition:
		a.Position = certwise.Position{
			OwnsMeasurableOutcomes:    on("owns_measurable_outcomes"),
			AIEnhancedRole:            on("ai_enhanced_role"),
			ExpandingIntoSystemDesign: on("expanding_into_system_design"),
			TransitioningToHybridRole: on("transitioning_to_hybrid_role"),
			HasTestedAIInRole:         on("has_tested_ai_in_role"),
		}
	case stepOrganization:
		a.Organization = certwise.Organization{
			LeadershipValuesAILiteracy:   on("leadership_values_ai_literacy"),
			PromotionRewardsCredentials:  on("promotion_rewards_credentials"),
			PoliticsRewardFormalPrograms: on("politics_reward_formal_programs"),
			AIAdoptionPhase:              certwise.AIAdoptionPhase(form.Get("ai_adoption_phase")),
		}
		a.Industry = certwise.Industry{
			CredentialSensitive:      on("credential_sensitive"),
			CompressingBusinessModel: on("compressing_business_model"),
			ShiftingToAI:             on("shifting_to_ai"),
		}
	case stepMotives:
		a.Motives = nil
		for _, m := range form["motives"] {
			if !certwise.Motive(m).Valid() {
				errs.add("motives", "Pick from the listed motives.")
				continue
			}
			a.Motives = append(a.Motives, certwise.Motive(m))
		}
		a.CapabilityGap = strings.TrimSpace(form.Get("capability_gap"))
	case stepTarget:
		t := &certwise.TargetRole{
			Title:      strings.TrimSpace(form.Get("target_title")),
			Occupation: strings.TrimSpace(form.Get("target_occupation")),
		}
		if t.Occupation != "" {
			if _, ok := s.Occupations.Occupation(t.Occupation); !ok {
				errs.add("target_occupation", "Pick one of the listed occupations.")
			}
		}
		a.TargetRole = nil
		if !t.Empty() {
			a.TargetRole = t
		}
		a.Certification = nil
		switch id := form.Get("certification"); id {
		case "":
		case "custom":
			c := &certwise.CertificationChoice{
				Name:    strings.TrimSpace(form.Get("cert_name")),
				CostUSD: optionalNumber(form, "cert_cost", errs),
				Hours:   optionalNumber(form, "cert_hours", errs),
			}
			for _, sk := range strings.Split(form.Get("cert_skills"), ",") {
				if sk = strings.TrimSpace(sk); sk != "" {
					c.Skills = append(c.Skills, sk)
				}
			}
			if c.Name == "" {
				errs.add("cert_name", "Name the certification you are considering.")
			}
			a.Certification = c
		default:
			a.Certification = &certwise.CertificationChoice{ID: id}
		}
		a.ExpectedAuthorityGain = certwise.AuthorityGain(form.Get("expected_authority_gain"))
		a.Positioning = certwise.Positioning(form.Get("positioning"))
	}
}

// stepOfField names the step whose form asks for an answers field, so that
// an error the engine reports can be shown on the right step.
func stepOfField(field string) string {
	switch {
	case strings.HasPrefix(field, "role"):
		return stepRole
	case strings.HasPrefix(field, "position"):
		return stepPosition
	case strings.HasPrefix(field, "organization"), strings.HasPrefix(field, "industry"):
		return stepOrganization
	case strings.HasPrefix(field, "motives"), strings.HasPrefix(field, "capability_gap"):
		return stepMotives
	}
	return stepTarget
}

// formField maps an answers field path to the form input that asks for it.
func formField(field string) string {
	switch {
	case field == "role.title":
		return "title"
	case field == "role.occupation":
		return "occupation"
	case strings.HasPrefix(field, "role.work_mix"):
		return "mix_reporting"
	case strings.HasPrefix(field, "target_role.title"):
		return "target_title"
	case strings.HasPrefix(field, "target_role"):
		return "target_occupation"
	case field == "certification.id":
		return "certification"
	case field == "certification.cost_usd":
		return "cert_cost"
	case field == "certification.hours":
		return "cert_hours"
	case strings.HasPrefix(field, "certification.skills"):
		return "cert_skills"
	case strings.HasPrefix(field, "certification"):
		return "cert_name"
	}
	if i := strings.LastIndexByte(field, '.'); i >= 0 {
		field = field[i+1:]
	}
	if j := strings.IndexByte(field, '['); j >= 0 {
		field = field[:j]
	}
	return field
}
