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

// The guided assessment's steps, in order: the questionnaire's.
const (
	stepRole   = string(certwise.StepRole)
	stepTarget = string(certwise.StepTarget)
)

var steps = func() []string {
	out := make([]string, len(certwise.Steps))
	for i, s := range certwise.Steps {
		out[i] = string(s)
	}
	return out
}()

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
	// NoRole and NoTarget record that the person chose "None of these"
	// among the occupations found for their title or target role, so the
	// form does not pick the best match for them again.
	NoRole   bool `json:"no_role,omitempty"`
	NoTarget bool `json:"no_target,omitempty"`
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
		NoRole   bool            `json:"no_role"`
		NoTarget bool            `json:"no_target"`
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
	f.NoRole, f.NoTarget = raw.NoRole, raw.NoTarget
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
		out[i] = fieldError{Field: n, Label: inputLabel(n), Message: e.msgs[n]}
	}
	return out
}

// fieldError is one refused answer: the form input, the question that asks
// for it in the form's words ("" if none does) and what is wrong.
type fieldError struct{ Field, Label, Message string }

// inputLabel names a form input by the question that asks for it: its
// wording, with the class for one share of the work mix.
func inputLabel(input string) string {
	for _, q := range certwise.Questionnaire {
		switch {
		case q.Input == "":
		case q.Input == input:
			return q.Text
		case q.Kind == certwise.KindShares && strings.HasPrefix(input, q.Input+"_"):
			if c, ok := q.Choice(strings.TrimPrefix(input, q.Input+"_")); ok {
				return q.Text + " " + c.Label
			}
		}
	}
	return ""
}

// workMixField is the role step's optional work mix input for one class,
// in percent.
func workMixField(c string) string { return certwise.MustAsk("role.work_mix").Input + "_" + c }

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

// applyStep copies one step's form fields into the answers, question by
// question as the questionnaire lists them. Checkboxes absent from the
// form are false, since the form shows every one of them.
func (s *Server) applyStep(step string, form url.Values, a *certwise.Answers, errs *fieldErrors) {
	for _, q := range certwise.QuestionsOf(certwise.Step(step)) {
		switch q.Field {
		case "role.occupation", "target_role.occupation":
			code := strings.TrimSpace(form.Get(q.Input))
			if code != "" {
				if _, ok := s.Occupations.Occupation(code); !ok {
					errs.add(q.Input, "Pick one of the listed occupations.")
				}
			}
			setAnswer(a, q, code)
		case "role.work_mix":
			mix := certwise.WorkMix{}
			for _, c := range q.Choices {
				if v := optionalNumber(form, workMixField(c.Value), errs); v != nil && *v > 0 {
					mix[certwise.WorkClass(c.Value)] = *v / 100
				}
			}
			if len(mix) == 0 {
				mix = nil
			}
			a.Role.WorkMix = mix
		case "certification.id", "certification.name", "certification.skills", "certification.cost_usd", "certification.hours":
			// Read together below: the choice decides which apply.
		default:
			applyQuestion(a, q, form, errs)
		}
	}
	if step == stepTarget {
		if a.TargetRole.Empty() {
			a.TargetRole = nil
		}
		s.applyCertification(form, a, errs)
	}
}

// applyQuestion reads one plainly asked question from the form.
func applyQuestion(a *certwise.Answers, q certwise.Prompt, form url.Values, errs *fieldErrors) {
	switch q.Kind {
	case certwise.KindBool:
		setAnswer(a, q, form.Get(q.Input) != "")
	case certwise.KindOne:
		v := form.Get(q.Input)
		if v != "" && !q.Allows(v) {
			errs.add(q.Input, "Pick one of the listed answers.")
			v = ""
		}
		setAnswer(a, q, v)
	case certwise.KindMany:
		var picked []string
		for _, v := range form[q.Input] {
			if !q.Allows(v) {
				errs.add(q.Input, "Pick from the listed answers.")
				continue
			}
			picked = append(picked, v)
		}
		setAnswer(a, q, picked)
	case certwise.KindTextList:
		items := certwise.SplitList(form.Get(q.Input))
		for i := range items {
			items[i] = checkedText(q, items[i], errs)
		}
		setAnswer(a, q, items)
	case certwise.KindNumber:
		setAnswer(a, q, optionalNumber(form, q.Input, errs))
	default:
		setAnswer(a, q, checkedText(q, strings.TrimSpace(form.Get(q.Input)), errs))
	}
}

// checkedText returns a typed text, or, when validation would refuse it
// (a control character, say), notes the error and returns what can be
// shown back of it: the form state never carries text the decoder refuses.
func checkedText(q certwise.Prompt, s string, errs *fieldErrors) string {
	if err := answers.CheckText(q.Field, s); err != nil {
		errs.add(q.Input, certwise.ErrorMessage(err))
		return answers.Printable(s)
	}
	return s
}

// setAnswer stores a form value in the answers field q asks for.
func setAnswer(a *certwise.Answers, q certwise.Prompt, v any) {
	if err := certwise.SetAnswer(a, q.Field, v); err != nil {
		panic(err) // the questionnaire test proves every field takes its kind's value
	}
}

// applyCertification reads the certification question: a catalog id, none,
// or "custom" with its name, skills, cost and hours.
func (s *Server) applyCertification(form url.Values, a *certwise.Answers, errs *fieldErrors) {
	input := func(field string) string { return certwise.MustAsk(field).Input }
	a.Certification = nil
	switch id := form.Get(input("certification.id")); id {
	case "":
	case "custom":
		c := &certwise.CertificationChoice{
			Name:    checkedText(certwise.MustAsk("certification.name"), strings.TrimSpace(form.Get(input("certification.name"))), errs),
			CostUSD: optionalNumber(form, input("certification.cost_usd"), errs),
			Hours:   optionalNumber(form, input("certification.hours"), errs),
			Skills:  certwise.SplitList(form.Get(input("certification.skills"))),
		}
		for i := range c.Skills {
			c.Skills[i] = checkedText(certwise.MustAsk("certification.skills"), c.Skills[i], errs)
		}
		if c.Name == "" {
			errs.add(input("certification.name"), "Name the certification you are considering.")
		}
		a.Certification = c
	default:
		a.Certification = &certwise.CertificationChoice{ID: id}
	}
}

// askedBy returns the question that asks for an answers field, or for the
// nearest field above it (role.work_mix for role.work_mix.analysis).
func askedBy(field string) (certwise.Prompt, bool) {
	for {
		if q, ok := certwise.Ask(field); ok {
			return q, true
		}
		i := strings.LastIndexByte(field, '.')
		if i < 0 {
			return certwise.Prompt{}, false
		}
		field = field[:i]
	}
}

// stepOfField names the step whose form asks for an answers field, so that
// an error the engine reports can be shown on the right step.
func stepOfField(field string) string {
	if q, ok := askedBy(field); ok {
		return string(q.Step)
	}
	return stepTarget
}

// formField maps an answers field path to the form input that asks for it.
func formField(field string) string {
	q, ok := askedBy(field)
	switch {
	case !ok:
		return certwise.MustAsk("certification.name").Input // "certification": neither id nor name
	case q.Field == "role.work_mix":
		return workMixField(q.Choices[0].Value)
	}
	return q.Input
}
