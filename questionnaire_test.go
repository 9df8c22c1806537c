package certwise

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestQuestionWording pins each question's wording: changing a question's
// words, or adding a question, is an edit in Questionnaire and a line here.
func TestQuestionWording(t *testing.T) {
	want := map[string]string{
		"role.title":                                   "What is your job title?",
		"role.occupation":                              "Which occupation is closest to your job?",
		"role.exposure_self_assessed":                  "How much of your work could generative AI tools do today?",
		"role.work_mix":                                "Describe your work mix yourself (optional)",
		"role.activity_shares":                         "How is your time split across O*NET work activities?",
		"position.owns_measurable_outcomes":            "I own results that are measured (revenue, cost, quality, delivery) and I am judged on them",
		"position.ai_enhanced_role":                    "AI tools already make my role stronger: I use them to do more or better work",
		"position.expanding_into_system_design":        "I am taking on the design of systems, processes or workflows, not only running them",
		"position.transitioning_to_hybrid_role":        "I am moving into a role that combines my field with AI",
		"position.has_tested_ai_in_role":               "I have tried AI tools on real tasks in my current role",
		"organization.leadership_values_ai_literacy":   "Leadership openly values people who can work with AI",
		"organization.promotion_rewards_credentials":   "Promotion decisions count credentials",
		"organization.politics_reward_formal_programs": "Finishing formal programs and certificates earns standing inside the organization",
		"organization.ai_adoption_phase":               "How far along is your organization with AI?",
		"industry.credential_sensitive":                "Credentials carry real weight with employers or clients (for example regulated or public sector work)",
		"industry.compressing_business_model":          "AI is squeezing my industry's business model itself (fewer billable hours, lower prices)",
		"industry.shifting_to_ai":                      "My industry is moving its products or services toward AI",
		"motives":                                      "Why are you thinking about a certification? Pick all that apply.",
		"capability_gap":                               "Which capability are you missing, in your own words?",
		"trajectory":                                   "Where do you want to go from here?",
		"target_role.title":                            "Which role do you want to move into?",
		"target_role.occupation":                       "Which occupation is closest to the role you want?",
		"certification.id":                             "Which certification are you considering?",
		"certification.name":                           "Its name, if it is not in the list",
		"certification.skills":                         "Skills it covers",
		"certification.cost_usd":                       "What it costs, in US dollars",
		"certification.hours":                          "Hours it takes to prepare",
		"held_certifications":                          "Which certifications do you already hold?",
		"expected_authority_gain":                      "What would the certification change about your say at work?",
		"positioning":                                  "Is this mainly to protect where you are, or to move ahead?",
	}
	if len(want) != len(Questionnaire) {
		t.Errorf("%d questions, %d pinned here", len(Questionnaire), len(want))
	}
	for _, q := range Questionnaire {
		if q.Text != want[q.Field] {
			t.Errorf("%s: %q, want %q", q.Field, q.Text, want[q.Field])
		}
	}
}

// TestQuestionnaireCoversAnswers checks that the questionnaire and the
// Answers struct agree: every question names a field of the kind it asks
// for, every answer field is asked, choices match the Go vocabularies, and
// every choice is explained.
func TestQuestionnaireCoversAnswers(t *testing.T) {
	var a Answers
	inputs := map[string]string{}
	for _, q := range Questionnaire {
		v, err := AnswerField(&a, q.Field, true)
		if err != nil {
			t.Errorf("%s: %v", q.Field, err)
			continue
		}
		var kind reflect.Kind
		switch q.Kind {
		case KindBool:
			kind = reflect.Bool
		case KindText, KindLongText, KindCode, KindOne:
			kind = reflect.String
		case KindMany, KindTextList:
			kind = reflect.Slice
		case KindNumber:
			kind = reflect.Pointer
		case KindShares:
			kind = reflect.Map
		}
		if v.Kind() != kind {
			t.Errorf("%s: a %s question on a %s field", q.Field, q.Kind, v.Type())
		}
		if !q.FileOnly {
			if q.Input == "" || inputs[q.Input] != "" {
				t.Errorf("%s: form input %q is empty or already used by %s", q.Field, q.Input, inputs[q.Input])
			}
			inputs[q.Input] = q.Field
		}
		for _, c := range q.Choices {
			if c.Value == "" || c.Label == "" || c.Explain == "" {
				t.Errorf("%s: choice %+v is not explained", q.Field, c)
			}
		}
		if (q.Kind == KindText || q.Kind == KindLongText || q.Kind == KindTextList) && q.MaxChars == 0 {
			t.Errorf("%s: free text without a limit", q.Field)
		}
		if !slices.Contains(Steps, q.Step) {
			t.Errorf("%s: unknown step %q", q.Field, q.Step)
		}
	}
	vocab := map[string][]string{
		"role.exposure_self_assessed":    strs(ExposureLevels),
		"role.work_mix":                  strs(WorkClasses),
		"organization.ai_adoption_phase": strs(AIAdoptionPhases),
		"motives":                        strs(Motives),
		"trajectory":                     strs(Trajectories),
		"expected_authority_gain":        strs(AuthorityGains),
		"positioning":                    strs(Positionings),
	}
	for field, values := range vocab {
		if got := MustAsk(field).Values(); !slices.Equal(got, values) {
			t.Errorf("%s: questionnaire %v, Go vocabulary %v", field, got, values)
		}
	}
	// Every leaf of Answers is asked.
	var walk func(prefix string, typ reflect.Type)
	walk = func(prefix string, typ reflect.Type) {
		for typ.Kind() == reflect.Pointer {
			typ = typ.Elem()
		}
		for i := range typ.NumField() {
			name, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
			path := strings.TrimPrefix(prefix+"."+name, ".")
			if _, ok := Ask(path); ok {
				continue
			}
			ft := typ.Field(i).Type
			for ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() != reflect.Struct {
				t.Errorf("answers field %s has no question", path)
				continue
			}
			walk(path, ft)
		}
	}
	walk("", reflect.TypeOf(a))
}

func strs[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

func TestSetAnswer(t *testing.T) {
	var a Answers
	for field, v := range map[string]any{
		"target_role.title":         "Data engineer",
		"motives":                   []string{"capability_gap"},
		"position.ai_enhanced_role": true,
		"positioning":               "offensive",
	} {
		if err := SetAnswer(&a, field, v); err != nil {
			t.Fatal(err)
		}
	}
	if a.TargetRole == nil || a.TargetRole.Title != "Data engineer" || a.Motives[0] != MotiveCapabilityGap || !a.Position.AIEnhancedRole || a.Positioning != Offensive {
		t.Errorf("answers = %+v", a)
	}
	if err := SetAnswer(&a, "positioning", true); err == nil {
		t.Error("a bool stored in a choice")
	}
	if err := SetAnswer(&a, "role.nothing", "x"); err == nil {
		t.Error("an unknown field accepted")
	}
	if got := SplitList(" a, ,b ,"); !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("SplitList = %q", got)
	}
}
