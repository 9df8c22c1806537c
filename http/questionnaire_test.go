package http

import (
	"html"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/certwise/certwise"
)

// TestStepsAskTheQuestionnaire checks that every step of the web form shows
// its questions in the questionnaire's words, with every choice explained
// and the questionnaire's limits as maxlength, and that the new answers
// (trajectory, held certifications) reach the evaluation.
func TestStepsAskTheQuestionnaire(t *testing.T) {
	srv, _, _ := newTestServer(t)
	h, _ := srv.Handler()
	b := newBrowser(t, h)
	b.get("/assess")
	// The role and target steps show the occupation question only once a
	// title is typed: ask for suggestions first.
	forms := map[string]url.Values{
		"role":         {"title": {"financial analyst"}, "occupation": {"13-2051.00"}},
		"position":     {},
		"organization": {},
		"motives":      {"motives": {"capability_gap"}},
		"target":       {"target_title": {"software developer"}, "trajectory": {"move_to_target"}, "held_certifications": {"PMP, cert-a"}},
	}
	for i, step := range certwise.Steps {
		if i > 0 {
			b.expect(200, "Step "+strconv.Itoa(i+1)+" of 5")
		}
		if step == certwise.StepRole || step == certwise.StepTarget {
			form := url.Values{"step": {string(step)}, "nav": {"suggest"}}
			for k, v := range forms[string(step)] {
				form[k] = v
			}
			b.post("/assess", form)
		}
		for _, q := range certwise.QuestionsOf(step) {
			want := []string{html.EscapeString(q.Text), html.EscapeString(q.Help), html.EscapeString(q.Unset)}
			for _, c := range q.Choices {
				want = append(want, html.EscapeString(c.Label), html.EscapeString(c.Explain))
			}
			if q.MaxChars > 0 && q.Kind != certwise.KindTextList {
				want = append(want, `id="`+q.Input+`" name="`+q.Input+`"`, `maxlength="`+strconv.Itoa(q.MaxChars)+`"`)
			}
			if q.Group != "" {
				want = append(want, html.EscapeString(q.Group))
			}
			for _, w := range want {
				if !strings.Contains(b.body, w) {
					t.Errorf("step %s, question %s: page lacks %q", step, q.Field, w)
				}
			}
		}
		form := url.Values{"step": {string(step)}, "nav": {"next"}}
		for k, v := range forms[string(step)] {
			form[k] = v
		}
		if step == certwise.StepTarget {
			form.Set("target_occupation", "15-1252.00")
		}
		b.post("/assess", form)
	}
	b.expect(200, "Save and get a share link")
	st, err := decodeState(html.UnescapeString(stateRe.FindStringSubmatch(b.body)[1]))
	if err != nil {
		t.Fatal(err)
	}
	a := st.Answers
	if a.Trajectory != certwise.TrajectoryMoveToTarget || strings.Join(a.HeldCertifications, "|") != "PMP|cert-a" || a.TargetRole == nil || a.TargetRole.Occupation != "15-1252.00" {
		t.Errorf("answers carried = %+v", a)
	}
}

// TestFormRejectsBadText checks that a control character typed into the
// form is refused on the step that asks for it, keeping what was typed.
func TestFormRejectsBadText(t *testing.T) {
	b := walkSteps(t, certwise.StepMotives, url.Values{"capability_gap": {"prompt\x00 evaluation"}})
	b.expect(400, "control character", `name="capability_gap"`, ">prompt evaluation<")
}

// TestResultShowsConcerns checks that the result page lists the concerns
// and the direction right after the verdict.
func TestResultShowsConcerns(t *testing.T) {
	b := walkSteps(t, "", url.Values{"motives": {"capability_gap"}})
	b.expect(200, `data-concern="untested_in_role"`, "You have not tried AI tools on your own work yet.", "AI tried in current role: no", "Where you are heading", "not yet a defined direction")
	if c, h := strings.Index(b.body, `id="summary-concerns"`), strings.Index(b.body, `id="how-decided"`); c < 0 || h < c {
		t.Error("the concerns come after the conditions, not right after the verdict")
	}
}

// walkSteps starts an assessment and answers each step with the fields of
// answers its questions ask, up to and including stop ("": every step).
func walkSteps(t *testing.T, stop certwise.Step, answers url.Values) *browser {
	t.Helper()
	srv, _, _ := newTestServer(t)
	h, _ := srv.Handler()
	b := newBrowser(t, h)
	b.get("/assess")
	for _, step := range certwise.Steps {
		form := url.Values{"step": {string(step)}, "nav": {"next"}}
		for _, q := range certwise.QuestionsOf(step) {
			if v, ok := answers[q.Input]; ok {
				form[q.Input] = v
			}
		}
		b.post("/assess", form)
		if step == stop {
			break
		}
	}
	return b
}

func TestInputLabel(t *testing.T) {
	for _, tt := range []struct{ input, want string }{
		{"title", certwise.MustAsk("role.title").Text},
		{"cert_cost", certwise.MustAsk("certification.cost_usd").Text},
		{"mix_analysis", certwise.MustAsk("role.work_mix").Text + " Analysis"},
		{"nowhere", ""},
	} {
		if got := inputLabel(tt.input); got != tt.want {
			t.Errorf("inputLabel(%q) = %q, want %q", tt.input, got, tt.want)
		}
	}
}
