package http

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"strings"

	"github.com/certwise/certwise"
)

// stepView is what the step template shows.
type stepView struct {
	Step     string
	Number   int
	Total    int
	Heading  string
	Steps    []stepLink
	State    string
	Answers  certwise.Answers
	Errors   *fieldErrors
	Previous string // the assessment a revisit follows
	Matches  []roleOption
	Targets  []roleOption
	// Check asks the person to confirm the occupation found for a title
	// before moving on: the input name of the occupation question.
	Check    string
	NoRole   bool // "None of these" chosen for the current role
	NoTarget bool // and for the target role
	Certs    []certwise.Certification
	CertID   string // the selected catalog id, "custom" or ""
	MixPct   map[string]string
	Blocks   []questionBlock
}

// questionBlock is what the step shows together: one question, or the
// questions that share a group heading (a list of checkboxes, say).
type questionBlock struct {
	Group     string
	Questions []questionView
}

// questionView is one question of the questionnaire with the answer given
// so far, as the form shows it.
type questionView struct {
	certwise.Prompt
	Value  string          // text, number or the choice picked
	On     bool            // a statement ticked
	Picked map[string]bool // the choices ticked
}

// MaxLength is the form's maxlength for the question's input, the same
// limit in characters validation applies.
func (q questionView) MaxLength() int {
	if q.Kind == certwise.KindTextList {
		return q.MaxItems * (q.MaxChars + 2) // items and their ", " separators
	}
	return q.MaxChars
}

// askView is one question with the step it is shown on, for the step
// template's "question" block.
type askView struct {
	V stepView
	Q questionView
}

// questionBlocks lists a step's questions with the answers so far,
// grouping consecutive questions that share a group heading.
func questionBlocks(step string, a *certwise.Answers) []questionBlock {
	var out []questionBlock
	for _, q := range certwise.QuestionsOf(certwise.Step(step)) {
		v := questionView{Prompt: q}
		if f, err := certwise.AnswerField(a, q.Field, false); err == nil && f.IsValid() {
			switch x := f.Interface().(type) {
			case bool:
				v.On = x
			case *float64:
				if x != nil {
					v.Value = strconv.FormatFloat(*x, 'f', -1, 64)
				}
			case []string:
				v.Value = strings.Join(x, ", ")
			case []certwise.Motive:
				v.Picked = map[string]bool{}
				for _, m := range x {
					v.Picked[string(m)] = true
				}
			default:
				if f.Kind() == reflect.String {
					v.Value = f.String()
				}
			}
		}
		if n := len(out); n > 0 && q.Group != "" && out[n-1].Group == q.Group {
			out[n-1].Questions = append(out[n-1].Questions, v)
			continue
		}
		out = append(out, questionBlock{Group: q.Group, Questions: []questionView{v}})
	}
	return out
}

type stepLink struct {
	Title   string
	Current bool
	Done    bool
}

// NoneChecked reports whether "None of these" is the choice shown for the
// occupation question of field.
func (v stepView) NoneChecked(field string) bool {
	if field == "target_role.occupation" {
		return v.NoTarget
	}
	return v.NoRole
}

// Picked returns the occupation option that is selected, if any.
func (v stepView) Picked(field string) *roleOption {
	opts := v.Matches
	if field == "target_role.occupation" {
		opts = v.Targets
	}
	for i := range opts {
		if opts[i].Checked {
			return &opts[i]
		}
	}
	return nil
}

// roleOption is one occupation a person can pick for a title, with how
// exposed its work is.
type roleOption struct {
	Code       string
	Title      string
	Matched    string
	Checked    bool
	Level      certwise.ExposureLevel
	Percentile *float64
}

// handleAssessStart shows the first step. ?occupation=CODE and
// ?certification=ID prefill it from the role explorer and the catalog.
func (s *Server) handleAssessStart(w http.ResponseWriter, r *http.Request) {
	var st formState
	q := r.URL.Query()
	if code := q.Get("occupation"); code != "" {
		if o, ok := s.Occupations.Occupation(code); ok {
			st.Answers.Role.Occupation = o.Code
			st.Answers.Role.Title = o.Title
		}
	}
	if id := q.Get("certification"); id != "" {
		if c, err := s.Catalog.Certification(r.Context(), id); err == nil {
			st.Answers.Certification = &certwise.CertificationChoice{ID: c.ID}
		}
	}
	s.renderStep(w, r, http.StatusOK, stepRole, st, nil)
}

// handleAssessStep takes one step's answers and moves on: "next" validates
// the step and shows the next one (the result after the last), "back"
// keeps what was typed and goes back, "suggest" looks up occupations for
// the title typed, and "edit" returns from the result to the first step.
func (s *Server) handleAssessStep(w http.ResponseWriter, r *http.Request) {
	st, err := decodeState(r.PostForm.Get("state"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	step := r.PostForm.Get("step")
	nav := r.PostForm.Get("nav")
	if nav == "edit" {
		s.renderStep(w, r, http.StatusOK, stepRole, st, nil)
		return
	}
	i := stepIndex(step)
	if i < 0 {
		s.pageError(w, r, certwise.Errorf(certwise.EINVALID, "step", "Unknown step; start the assessment again."))
		return
	}
	errs := &fieldErrors{}
	s.applyStep(step, r.PostForm, &st.Answers, errs)
	noteNone(step, r.PostForm, &st)
	switch nav {
	case "back":
		s.renderStep(w, r, http.StatusOK, steps[max(i-1, 0)], st, nil)
		return
	case "suggest":
		s.renderStep(w, r, http.StatusOK, step, st, errs)
		return
	case "next", "":
	default:
		s.pageError(w, r, certwise.Errorf(certwise.EINVALID, "nav", "Unknown action; start the assessment again."))
		return
	}
	if step == stepRole && strings.TrimSpace(st.Answers.Role.Title) == "" && st.Answers.Role.Occupation == "" {
		errs.add(certwise.MustAsk("role.title").Input, "Enter your job title: certwise finds your occupation, and how exposed it is, from it.")
	}
	if !errs.empty() {
		s.renderStep(w, r, http.StatusBadRequest, step, st, errs)
		return
	}
	if q, ok := s.toConfirm(step, r.PostForm, st); ok {
		// Found occupations the person has not seen yet: show them, the
		// best one picked, before the answers move on.
		s.renderStepCheck(w, r, step, st, q)
		return
	}
	if i+1 < len(steps) {
		s.renderStep(w, r, http.StatusOK, steps[i+1], st, nil)
		return
	}
	s.showResult(w, r, st)
}

// showResult evaluates the answers and shows the unsaved result, or the
// step at fault when the engine rejects a field.
func (s *Server) showResult(w http.ResponseWriter, r *http.Request, st formState) {
	ev, err := s.Evaluator.Evaluate(r.Context(), st.Answers)
	if err != nil {
		if certwise.ErrorCode(err) == certwise.EINVALID {
			errs := &fieldErrors{}
			errs.add(formField(certwise.ErrorField(err)), certwise.ErrorMessage(err))
			s.renderStep(w, r, http.StatusBadRequest, stepOfField(certwise.ErrorField(err)), st, errs)
			return
		}
		s.pageError(w, r, err)
		return
	}
	s.renderResult(w, r, http.StatusOK, s.resultView(r, st, ev))
}

// noteNone records in the state whether the person chose "None of these"
// for an occupation question the step showed.
func noteNone(step string, form url.Values, st *formState) {
	for _, q := range certwise.QuestionsOf(certwise.Step(step)) {
		if q.Kind != certwise.KindCode || !form.Has(q.Input) {
			continue
		}
		none := strings.TrimSpace(form.Get(q.Input)) == ""
		if q.Field == "target_role.occupation" {
			st.NoTarget = none
		} else {
			st.NoRole = none
		}
	}
}

// toConfirm reports the occupation question whose candidates the person
// has not been shown: a title typed, no occupation picked, the form
// without the question (it had no candidates to list then) and the
// matcher finding some now.
func (s *Server) toConfirm(step string, form url.Values, st formState) (certwise.Prompt, bool) {
	for _, q := range certwise.QuestionsOf(certwise.Step(step)) {
		if q.Kind != certwise.KindCode || form.Has(q.Input) {
			continue
		}
		title, code := st.Answers.Role.Title, st.Answers.Role.Occupation
		if q.Field == "target_role.occupation" {
			if st.Answers.TargetRole == nil {
				continue
			}
			title, code = st.Answers.TargetRole.Title, st.Answers.TargetRole.Occupation
		}
		if code == "" && strings.TrimSpace(title) != "" && len(s.Titles.Match(title, 1).Matches) > 0 {
			return q, true
		}
	}
	return certwise.Prompt{}, false
}

// renderStep shows one step of the guided assessment.
func (s *Server) renderStep(w http.ResponseWriter, r *http.Request, status int, step string, st formState, errs *fieldErrors) {
	s.renderStepView(w, r, status, step, st, errs, "")
}

// renderStepCheck shows a step again for the person to confirm the
// occupation found for the title that question q's title field holds.
func (s *Server) renderStepCheck(w http.ResponseWriter, r *http.Request, step string, st formState, q certwise.Prompt) {
	s.renderStepView(w, r, http.StatusOK, step, st, nil, q.Input)
}

func (s *Server) renderStepView(w http.ResponseWriter, r *http.Request, status int, step string, st formState, errs *fieldErrors, check string) {
	i := stepIndex(step)
	v := stepView{
		Step: step, Number: i + 1, Total: len(steps), Heading: certwise.StepTitles[certwise.Step(step)],
		State: st.encode(), Answers: st.Answers, Errors: errs, Previous: st.Previous,
		Blocks: questionBlocks(step, &st.Answers), Check: check, NoRole: st.NoRole, NoTarget: st.NoTarget,
	}
	for j, sname := range steps {
		v.Steps = append(v.Steps, stepLink{Title: certwise.StepTitles[certwise.Step(sname)], Current: j == i, Done: j < i})
	}
	a := st.Answers
	switch step {
	case stepRole:
		v.Matches = s.roleOptions(a.Role.Title, a.Role.Occupation, st.NoRole)
		v.MixPct = map[string]string{}
		for c, share := range a.Role.WorkMix {
			v.MixPct[string(c)] = fmt.Sprintf("%.0f", share*100)
		}
	case stepTarget:
		if a.TargetRole != nil {
			v.Targets = s.roleOptions(a.TargetRole.Title, a.TargetRole.Occupation, st.NoTarget)
		}
		certs, err := s.Catalog.Certifications(r.Context(), certwise.CatalogFilter{})
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		v.Certs = certs
		if c := a.Certification; c != nil {
			v.CertID = c.ID
			if c.ID == "" {
				v.CertID = "custom"
			}
		}
	}
	title := fmt.Sprintf("Step %d of %d: %s", i+1, len(steps), certwise.StepTitles[certwise.Step(step)])
	if errs != nil && !errs.empty() {
		title = "Fix the answers — " + title
	}
	s.render(w, r, status, "step", page{Title: title, Nav: "assess", Data: v})
}

// roleOptions lists the occupations to pick from for a title, with the
// chosen code first when the matcher does not return it. With no code
// chosen and none not chosen either, the best match is picked, so the
// form shows which occupation it will use.
func (s *Server) roleOptions(title, code string, none bool) []roleOption {
	var out []roleOption
	seen := map[string]bool{}
	add := func(c, matched string, checked bool) {
		o, ok := s.Occupations.Occupation(c)
		if !ok || seen[c] {
			return
		}
		seen[c] = true
		out = append(out, roleOption{Code: o.Code, Title: o.Title, Matched: matched, Checked: checked,
			Level: o.ExposureLevel, Percentile: o.ExposurePercentile})
	}
	if code != "" {
		add(code, "", true)
	}
	if strings.TrimSpace(title) == "" {
		return out
	}
	for _, m := range s.Titles.Match(title, 6).Matches {
		matched := ""
		if !strings.EqualFold(m.MatchedTitle, m.Title) {
			matched = m.MatchedTitle
		}
		add(m.Code, matched, code == "" && !none && len(out) == 0)
	}
	return out
}

// handleAssessDownload returns an unsaved result as Markdown or JSON.
func (s *Server) handleAssessDownload(w http.ResponseWriter, r *http.Request) {
	st, err := decodeState(r.PostForm.Get("state"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	ev, err := s.Evaluator.Evaluate(r.Context(), st.Answers)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.download(w, r, r.PostForm.Get("format"), "certwise-assessment", st.Answers, ev, nil)
}

// download writes an evaluation as an attachment: format "md" is the
// Markdown report, "json" the answers and the evaluation (or the saved
// assessment when a is not nil).
func (s *Server) download(w http.ResponseWriter, r *http.Request, format, name string, ans certwise.Answers, ev *certwise.Evaluation, saved *certwise.Assessment) {
	switch format {
	case "md":
		var b bytes.Buffer
		if err := s.Markdown(&b, ev); err != nil {
			s.pageError(w, r, fmt.Errorf("render markdown: %w", err))
			return
		}
		w.Header().Set("Content-Type", "text/markdown; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.md"`)
		w.Write(b.Bytes())
	case "json":
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.json"`)
		if saved != nil {
			writeJSON(w, http.StatusOK, saved)
			return
		}
		writeJSON(w, http.StatusOK, struct {
			Answers    certwise.Answers     `json:"answers"`
			Evaluation *certwise.Evaluation `json:"evaluation"`
		}{ans, ev})
	default:
		s.pageError(w, r, certwise.Errorf(certwise.EINVALID, "format", "Choose the Markdown or the JSON download."))
	}
}
