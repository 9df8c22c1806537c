package certwise

import (
	"fmt"
	"reflect"
	"strings"
)

// The questionnaire is the one place where certwise's questions are written:
// the web step form and the terminal form render from it, the answers
// package reads its vocabularies and limits, and a test checks the OpenAPI
// schema against it. Adding a question is one entry in Questionnaire (plus
// the field in Answers it fills) and a line in its wording test.

// Step is one page of the guided assessment.
type Step string

// The steps, in the order they are asked.
const (
	StepRole         Step = "role"
	StepPosition     Step = "position"
	StepOrganization Step = "organization"
	StepMotives      Step = "motives"
	StepTarget       Step = "target"
)

// Steps lists every step in order.
var Steps = []Step{StepRole, StepPosition, StepOrganization, StepMotives, StepTarget}

// StepTitles says what each step is about, in a few words.
var StepTitles = map[Step]string{
	StepRole:         "Your role",
	StepPosition:     "Your position",
	StepOrganization: "Organization and industry",
	StepMotives:      "Motives and capability gap",
	StepTarget:       "Direction and certification",
}

// QuestionKind is the shape of an answer.
type QuestionKind string

// The kinds of question.
const (
	KindText     QuestionKind = "text"      // one line of free text
	KindLongText QuestionKind = "long_text" // a paragraph of free text
	KindCode     QuestionKind = "code"      // an O*NET-SOC occupation code, picked from matches
	KindBool     QuestionKind = "bool"      // a statement that is true or not
	KindOne      QuestionKind = "one"       // one of the choices, or none
	KindMany     QuestionKind = "many"      // any number of the choices
	KindNumber   QuestionKind = "number"    // a number of zero or more
	KindTextList QuestionKind = "text_list" // a list of short texts
	KindShares   QuestionKind = "shares"    // names with a share each (a work mix)
)

// Choice is one allowed value of a question, with what it means in plain
// words.
type Choice struct {
	Value   string
	Label   string
	Explain string
}

// Prompt is one thing certwise asks. Field is the answer's dotted path in
// the answers document (as JSON and YAML spell it); Input is the web form's
// input name for it.
type Prompt struct {
	Field string
	Step  Step
	Kind  QuestionKind
	// Group is the heading of the statements asked together as one list of
	// checkboxes (KindBool only).
	Group string
	Text  string
	Help  string
	// Unset is the wording of leaving a choice question unanswered; empty
	// when the form offers no such option.
	Unset    string
	Choices  []Choice
	MaxChars int // limit on each text, in characters (runes); 0: none
	MaxItems int // limit on the number of list items; 0: none
	Input    string
	// FileOnly marks an answer given only in answers files and the API,
	// which the forms do not ask.
	FileOnly bool
}

// Values returns the allowed values of a choice question, in order.
func (q Prompt) Values() []string {
	v := make([]string, len(q.Choices))
	for i, c := range q.Choices {
		v[i] = c.Value
	}
	return v
}

// Allows reports whether v is one of the question's choices.
func (q Prompt) Allows(v string) bool {
	for _, c := range q.Choices {
		if c.Value == v {
			return true
		}
	}
	return false
}

// Choice returns the choice with value v.
func (q Prompt) Choice(v string) (Choice, bool) {
	for _, c := range q.Choices {
		if c.Value == v {
			return c, true
		}
	}
	return Choice{}, false
}

// Limits on free text, in characters, and on lists.
const (
	MaxTitleChars = 200
	MaxGapChars   = 2000
	MaxSkillChars = 100
	MaxSkills     = 50
	MaxHeld       = 30
	MaxShares     = 500
)

// Questionnaire is every question, in the order the forms ask them.
var Questionnaire = []Prompt{
	{Field: "role.title", Step: StepRole, Kind: KindText, Input: "title", MaxChars: MaxTitleChars,
		Text: "What is your job title?",
		Help: `As you would write it on a CV, for example "payroll analyst" or "backend developer".`},
	{Field: "role.occupation", Step: StepRole, Kind: KindCode, Input: "occupation",
		Text: "Which occupation is closest to your job?",
		Help: "certwise reads how exposed this occupation's work is to AI from public data."},
	{Field: "role.exposure_self_assessed", Step: StepRole, Kind: KindOne, Input: "exposure_self_assessed",
		Text:  "How much of your work could generative AI tools do today?",
		Help:  "Leave it to the occupation data unless you know your own work better.",
		Unset: "I'm not sure: use the data for my occupation",
		Choices: []Choice{
			{string(ExposureUnknown), "I can't tell", "Neither I nor the occupation data should decide; certwise will treat exposure as unknown."},
			{string(ExposureLow), "Little of it", "AI tools help at the edges; most of the work needs me."},
			{string(ExposureModerate), "Some of it", "AI tools can take on parts of the work, but not the core of it."},
			{string(ExposureHigh), "Much of it", "AI tools can already do a large part of what I do."},
			{string(ExposureStructural), "Most of it: the role itself could be absorbed", "Structural: most of my time goes to reporting and coordinating, work AI already does well, and I don't own results that would keep the role needed."},
		}},
	{Field: "role.work_mix", Step: StepRole, Kind: KindShares, Input: "mix",
		Text: "Describe your work mix yourself (optional)",
		Help: "Roughly what percentage of your time goes to each kind of work. They need not add up to 100; certwise scales them.",
		Choices: []Choice{
			{string(Reporting), "Reporting", "Preparing documents, reports and records."},
			{string(Coordination), "Coordination", "Scheduling, routing and keeping other people's work in step."},
			{string(Analysis), "Analysis", "Researching, investigating and making sense of information."},
			{string(SystemDesign), "System design", "Designing systems, processes or workflows."},
			{string(Relationship), "Relationships", "Caring for, advising, negotiating with or leading people."},
			{string(HandsOn), "Hands-on work", "Physical work with tools, equipment or materials."},
		}},
	{Field: "role.activity_shares", Step: StepRole, Kind: KindShares, FileOnly: true, MaxItems: MaxShares,
		Text: "How is your time split across O*NET work activities?",
		Help: "Activity ids with a share each; certwise scales them to add up to one."},

	{Field: "position.owns_measurable_outcomes", Step: StepPosition, Kind: KindBool, Input: "owns_measurable_outcomes",
		Group: "Which of these are true of your current role?",
		Text:  "I own results that are measured (revenue, cost, quality, delivery) and I am judged on them"},
	{Field: "position.ai_enhanced_role", Step: StepPosition, Kind: KindBool, Input: "ai_enhanced_role",
		Group: "Which of these are true of your current role?",
		Text:  "AI tools already make my role stronger: I use them to do more or better work"},
	{Field: "position.expanding_into_system_design", Step: StepPosition, Kind: KindBool, Input: "expanding_into_system_design",
		Group: "Which of these are true of your current role?",
		Text:  "I am taking on the design of systems, processes or workflows, not only running them"},
	{Field: "position.transitioning_to_hybrid_role", Step: StepPosition, Kind: KindBool, Input: "transitioning_to_hybrid_role",
		Group: "Which of these are true of your current role?",
		Text:  "I am moving into a role that combines my field with AI"},
	{Field: "position.has_tested_ai_in_role", Step: StepPosition, Kind: KindBool, Input: "has_tested_ai_in_role",
		Group: "Which of these are true of your current role?",
		Text:  "I have tried AI tools on real tasks in my current role"},

	{Field: "organization.leadership_values_ai_literacy", Step: StepOrganization, Kind: KindBool, Input: "leadership_values_ai_literacy",
		Group: "Which of these are true where you work?",
		Text:  "Leadership openly values people who can work with AI"},
	{Field: "organization.promotion_rewards_credentials", Step: StepOrganization, Kind: KindBool, Input: "promotion_rewards_credentials",
		Group: "Which of these are true where you work?",
		Text:  "Promotion decisions count credentials"},
	{Field: "organization.politics_reward_formal_programs", Step: StepOrganization, Kind: KindBool, Input: "politics_reward_formal_programs",
		Group: "Which of these are true where you work?",
		Text:  "Finishing formal programs and certificates earns standing inside the organization"},
	{Field: "organization.ai_adoption_phase", Step: StepOrganization, Kind: KindOne, Input: "ai_adoption_phase",
		Text:  "How far along is your organization with AI?",
		Unset: "I don't know",
		Choices: []Choice{
			{string(PhaseExploration), "Exploring", "Pilots and experiments; nobody's work depends on AI yet."},
			{string(PhaseEarlyAdoption), "Early adoption", "Some teams use AI in their daily work."},
			{string(PhaseProductivityNormalization), "Productivity normalization", "AI-assisted output is now the expected pace, and targets have been raised to match."},
			{string(PhaseMature), "Mature", "AI is built into how the work is organized and measured."},
		}},
	{Field: "industry.credential_sensitive", Step: StepOrganization, Kind: KindBool, Input: "credential_sensitive",
		Group: "Which of these are true of your industry?",
		Text:  "Credentials carry real weight with employers or clients (for example regulated or public sector work)"},
	{Field: "industry.compressing_business_model", Step: StepOrganization, Kind: KindBool, Input: "compressing_business_model",
		Group: "Which of these are true of your industry?",
		Text:  "AI is squeezing my industry's business model itself (fewer billable hours, lower prices)"},
	{Field: "industry.shifting_to_ai", Step: StepOrganization, Kind: KindBool, Input: "shifting_to_ai",
		Group: "Which of these are true of your industry?",
		Text:  "My industry is moving its products or services toward AI"},

	{Field: "motives", Step: StepMotives, Kind: KindMany, Input: "motives",
		Text: "Why are you thinking about a certification? Pick all that apply.",
		Help: "Be honest: the first four can justify a certification, the others are common and understandable but a certificate rarely settles them.",
		Choices: []Choice{
			{string(MotiveCapabilityGap), "To close a specific skill gap", "There is something concrete I need to be able to do and can't yet."},
			{string(MotiveCredentialSignal), "My environment rewards credentials", "Employers, clients or promotion panels around me count certificates."},
			{string(MotiveRoleTransition), "To move into a defined new role", "I know which role I want next and it asks for this knowledge."},
			{string(MotiveIndustryShift), "My industry is moving toward AI", "I want to keep up with where my field's work is going."},
			{string(MotiveSignalActivity), "To show I am doing something about AI", "Mainly so that others see me act."},
			{string(MotiveReduceAnxiety), "To feel less worried about AI", "Mainly to calm my own concern about what AI means for me."},
			{string(MotiveFollowHeadlines), "The news says everyone should", "Mainly because headlines and posts keep saying so."},
			{string(MotiveCompensatePositioning), "My position at work feels unclear", "Mainly to make up for not knowing where I stand."},
		}},
	{Field: "capability_gap", Step: StepMotives, Kind: KindLongText, Input: "capability_gap", MaxChars: MaxGapChars,
		Text: "Which capability are you missing, in your own words?",
		Help: `Be specific, for example "evaluating the quality of AI answers in our support workflow". Leave it empty if you can't name one yet.`},

	{Field: "trajectory", Step: StepTarget, Kind: KindOne, Input: "trajectory",
		Text:  "Where do you want to go from here?",
		Unset: "Not sure: decide from the role I name below",
		Choices: []Choice{
			{string(TrajectoryMoveToTarget), "Move into a different role", "I have a role in mind that is not the one I hold now; name it below."},
			{string(TrajectoryDeepenCurrentRole), "Go deeper in the role I have", "I want to get better at my current job; name the capability you are missing on the motives step."},
			{string(TrajectoryUndecided), "I haven't decided yet", "I don't know yet whether to stay or move."},
		}},
	{Field: "target_role.title", Step: StepTarget, Kind: KindText, Input: "target_title", MaxChars: MaxTitleChars,
		Text: "Which role do you want to move into?",
		Help: "Leave it empty if you want to grow in your current role. After typing, pick the occupation that matches so certwise can use it."},
	{Field: "target_role.occupation", Step: StepTarget, Kind: KindCode, Input: "target_occupation",
		Text: "Which occupation is closest to the role you want?",
		Help: "certwise compares it with your current occupation and matches certifications to it."},
	{Field: "certification.id", Step: StepTarget, Kind: KindText, Input: "certification", MaxChars: MaxTitleChars,
		Text:  "Which certification are you considering?",
		Unset: "None in particular: AI certifications in general"},
	{Field: "certification.name", Step: StepTarget, Kind: KindText, Input: "cert_name", MaxChars: MaxTitleChars,
		Group: "Another certification (only if you chose \"Another one\" above)",
		Text:  "Its name, if it is not in the list"},
	{Field: "certification.skills", Step: StepTarget, Kind: KindTextList, Input: "cert_skills", MaxChars: MaxSkillChars, MaxItems: MaxSkills,
		Group: "Another certification (only if you chose \"Another one\" above)",
		Text:  "Skills it covers",
		Help:  "Separate them with commas."},
	{Field: "certification.cost_usd", Step: StepTarget, Kind: KindNumber, Input: "cert_cost",
		Group: "Another certification (only if you chose \"Another one\" above)",
		Text:  "What it costs, in US dollars"},
	{Field: "certification.hours", Step: StepTarget, Kind: KindNumber, Input: "cert_hours",
		Group: "Another certification (only if you chose \"Another one\" above)",
		Text:  "Hours it takes to prepare"},
	{Field: "held_certifications", Step: StepTarget, Kind: KindTextList, Input: "held_certifications", MaxChars: MaxTitleChars, MaxItems: MaxHeld,
		Text: "Which certifications do you already hold?",
		Help: "Catalog ids or names, separated with commas. Some certifications require another one first."},
	{Field: "expected_authority_gain", Step: StepTarget, Kind: KindOne, Input: "expected_authority_gain",
		Text:  "What would the certification change about your say at work?",
		Unset: "Not sure",
		Choices: []Choice{
			{string(AuthorityNone), "Nothing", "My role and decisions would stay exactly as they are."},
			{string(AuthorityKnowledgeOnly), "What I know, not what I decide", "I would understand more but decide nothing new."},
			{string(AuthoritySome), "Somewhat more say", "I would be asked in on some decisions I'm not part of now."},
			{string(AuthorityClear), "Clearly more authority", "It would come with ownership of work, decisions or people."},
		}},
	{Field: "positioning", Step: StepTarget, Kind: KindOne, Input: "positioning",
		Text:  "Is this mainly to protect where you are, or to move ahead?",
		Unset: "Not sure",
		Choices: []Choice{
			{string(Defensive), "Protect where I am", "Defensive: mostly to guard my current job against change."},
			{string(Offensive), "Move ahead", "Offensive: to take on new work, scope or a new role."},
		}},
}

// Ask returns the question for an answers field, such as "motives" or
// "position.ai_enhanced_role". List indexes in the path ("motives[1]",
// "certification.skills[0]") are ignored.
func Ask(field string) (Prompt, bool) {
	if i := strings.IndexByte(field, '['); i >= 0 {
		field = field[:i]
	}
	for _, q := range Questionnaire {
		if q.Field == field {
			return q, true
		}
	}
	return Prompt{}, false
}

// MustAsk is Ask for a field the code knows exists; it panics otherwise.
func MustAsk(field string) Prompt {
	q, ok := Ask(field)
	if !ok {
		panic("certwise: no question for " + field)
	}
	return q
}

// QuestionsOf returns a step's questions, in order, without those only
// answers files give.
func QuestionsOf(s Step) []Prompt {
	var out []Prompt
	for _, q := range Questionnaire {
		if q.Step == s && !q.FileOnly {
			out = append(out, q)
		}
	}
	return out
}

// AnswerField returns the addressable value that holds field in a, with
// the Go type the answers struct gives it. Nil pointers on the way are
// allocated when alloc is true; otherwise a nil pointer gives an invalid
// Value.
func AnswerField(a *Answers, field string, alloc bool) (reflect.Value, error) {
	v := reflect.ValueOf(a).Elem()
	for name := range strings.SplitSeq(field, ".") {
		if v.Kind() == reflect.Pointer {
			if v.IsNil() {
				if !alloc {
					return reflect.Value{}, nil
				}
				v.Set(reflect.New(v.Type().Elem()))
			}
			v = v.Elem()
		}
		f, ok := fieldByJSONName(v.Type(), name)
		if !ok {
			return reflect.Value{}, fmt.Errorf("answers have no field %q", field)
		}
		v = v.Field(f)
	}
	return v, nil
}

func fieldByJSONName(t reflect.Type, name string) (int, bool) {
	if t.Kind() != reflect.Struct {
		return 0, false
	}
	for i := range t.NumField() {
		tag, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if tag == name {
			return i, true
		}
	}
	return 0, false
}

// SetAnswer stores v in the answers field q asks for, converting it to the
// field's own type: a string for text and choices, a bool for a statement,
// a []string for lists and multiple choices, a *float64 for numbers. Nil
// pointers on the way (target_role, certification) are allocated.
func SetAnswer(a *Answers, field string, v any) error {
	dst, err := AnswerField(a, field, true)
	if err != nil {
		return err
	}
	src := reflect.ValueOf(v)
	switch {
	case src.Kind() == reflect.Slice && src.Len() == 0:
		dst.SetZero()
	case src.Kind() == reflect.Slice:
		out := reflect.MakeSlice(dst.Type(), src.Len(), src.Len())
		for i := range src.Len() {
			out.Index(i).Set(src.Index(i).Convert(dst.Type().Elem()))
		}
		dst.Set(out)
	case src.CanConvert(dst.Type()):
		dst.Set(src.Convert(dst.Type()))
	default:
		return fmt.Errorf("answers field %s takes %s, not %T", field, dst.Type(), v)
	}
	return nil
}

// SplitList reads a list answer typed on one line, items separated by
// commas; empty items are dropped.
func SplitList(s string) []string {
	var out []string
	for item := range strings.SplitSeq(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}
