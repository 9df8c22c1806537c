package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/charmbracelet/huh"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/rules"
)

// askAnswers asks the assessment questions in plain language with a huh
// form and returns the answers. The form is drawn on standard error so that
// standard output carries only the report. In accessible mode every field
// is asked line by line and read from standard input one line at a time,
// so answers can be piped in (a number per choice; for a multiple choice,
// the numbers to toggle and then 0).
func (a *app) askAnswers(ctx context.Context, deps rules.Deps, accessible bool) (certwise.Answers, error) {
	var ans certwise.Answers
	in := a.stdin
	if accessible {
		in = &lineReader{r: a.stdin}
	}
	run := func(groups ...*huh.Group) error {
		f := huh.NewForm(groups...).WithInput(in).WithOutput(a.stderr).WithAccessible(accessible).WithShowHelp(!accessible)
		if err := f.RunWithContext(ctx); err != nil {
			if errors.Is(err, huh.ErrUserAborted) {
				return errors.New("the form was cancelled; nothing was evaluated")
			}
			return fmt.Errorf("ask the questions: %w", err)
		}
		return nil
	}

	// pickOccupation offers the occupations a title matches and returns
	// the code picked, "" for none.
	pickOccupation := func(title, question, why string) (string, error) {
		if title == "" || deps.Titles == nil {
			return "", nil
		}
		m := deps.Titles.Match(title, 6)
		if len(m.Matches) == 0 {
			return "", nil
		}
		opts := make([]huh.Option[string], 0, len(m.Matches)+1)
		for _, c := range m.Matches {
			opts = append(opts, huh.NewOption(fmt.Sprintf("%s (%s), matched %q", c.Title, c.Code, c.MatchedTitle), c.Code))
		}
		opts = append(opts, huh.NewOption("None of these", ""))
		code := m.Matches[0].Code
		err := run(huh.NewGroup(huh.NewSelect[string]().Title(question).Description(why).Options(opts...).Value(&code)))
		return code, err
	}

	// The role: a title, then the occupations it matches.
	if err := run(huh.NewGroup(huh.NewInput().
		Title("What is your job title?").
		Description("In your own words, e.g. \"payroll analyst\" or \"backend developer\".").
		CharLimit(200).Value(&ans.Role.Title))); err != nil {
		return ans, err
	}
	code, err := pickOccupation(ans.Role.Title, "Which occupation is closest to your job?",
		"certwise uses its public figures on how exposed the work is to AI.")
	if err != nil {
		return ans, err
	}
	ans.Role.Occupation = code

	var (
		position, org, industry []string
		motives                 []certwise.Motive
		target                  string
		exposure                certwise.ExposureLevel
		phase                   certwise.AIAdoptionPhase
		authority               certwise.AuthorityGain
		positioning             certwise.Positioning
	)
	err = run(
		huh.NewGroup(pickOne("How much of your work could generative AI tools do today?", &exposure,
			huh.NewOption("I don't know: use the data for my occupation", certwise.ExposureLevel("")),
			huh.NewOption("Little of it", certwise.ExposureLow),
			huh.NewOption("Some of it", certwise.ExposureModerate),
			huh.NewOption("Much of it", certwise.ExposureHigh),
			huh.NewOption("Most of it: my role itself could be absorbed", certwise.ExposureStructural))),
		huh.NewGroup(pickAny("Which of these are true of your current role?", &position,
			huh.NewOption("I own results that are measured (revenue, cost, quality, delivery)", "owns"),
			huh.NewOption("AI tools already make my role stronger", "enhanced"),
			huh.NewOption("I am taking on system or process design", "design"),
			huh.NewOption("I am moving into a role that mixes my field with AI", "hybrid"),
			huh.NewOption("I have tried AI tools on my own work", "tested"))),
		huh.NewGroup(
			pickAny("Which of these are true where you work?", &org,
				huh.NewOption("Leadership wants people to show AI skills", "leadership"),
				huh.NewOption("Promotion decisions count credentials", "promotion"),
				huh.NewOption("Formal programs and certificates carry weight politically", "politics")),
			pickOne("How far along is your organization with AI?", &phase,
				huh.NewOption("Not sure", certwise.AIAdoptionPhase("")),
				huh.NewOption("Exploring: pilots and experiments", certwise.PhaseExploration),
				huh.NewOption("Early adoption: some teams use it", certwise.PhaseEarlyAdoption),
				huh.NewOption("Normalizing: AI output is now expected", certwise.PhaseProductivityNormalization),
				huh.NewOption("Mature: built into how work is done", certwise.PhaseMature))),
		huh.NewGroup(pickAny("Which of these are true of your industry?", &industry,
			huh.NewOption("Credentials matter for hiring or clients", "credentials"),
			huh.NewOption("Its business model is shrinking or being squeezed", "compressing"),
			huh.NewOption("It is moving its products or services to AI", "shifting"))),
		huh.NewGroup(pickAny("Why are you thinking about a certification? Pick all that apply.", &motives,
			huh.NewOption("To close a specific skill gap", certwise.MotiveCapabilityGap),
			huh.NewOption("My field expects a credential", certwise.MotiveCredentialSignal),
			huh.NewOption("To move into a different role", certwise.MotiveRoleTransition),
			huh.NewOption("My industry is shifting toward AI", certwise.MotiveIndustryShift),
			huh.NewOption("To show I am doing something", certwise.MotiveSignalActivity),
			huh.NewOption("I feel anxious about AI", certwise.MotiveReduceAnxiety),
			huh.NewOption("Everyone in the news says to", certwise.MotiveFollowHeadlines),
			huh.NewOption("My position at work feels unclear", certwise.MotiveCompensatePositioning))),
		huh.NewGroup(
			huh.NewInput().Title("Which skill are you missing, in a few words?").
				Description("Leave empty if you cannot name one.").CharLimit(2000).Value(&ans.CapabilityGap),
			huh.NewInput().Title("Which role do you want to move into?").
				Description("Leave empty if none.").CharLimit(200).Value(&target)),
		huh.NewGroup(
			pickOne("What would the certification change at work?", &authority,
				huh.NewOption("Not sure", certwise.AuthorityGain("")),
				huh.NewOption("Nothing", certwise.AuthorityNone),
				huh.NewOption("What I know, not what I decide", certwise.AuthorityKnowledgeOnly),
				huh.NewOption("Somewhat more say in decisions", certwise.AuthoritySome),
				huh.NewOption("Clearly more authority or ownership", certwise.AuthorityClear)),
			pickOne("Is this mainly to protect your current position or to move ahead?", &positioning,
				huh.NewOption("Not sure", certwise.Positioning("")),
				huh.NewOption("Protect where I am", certwise.Defensive),
				huh.NewOption("Move ahead", certwise.Offensive))),
	)
	if err != nil {
		return ans, err
	}

	ans.Role.ExposureSelfAssessed = exposure
	set := func(list []string) map[string]bool {
		m := make(map[string]bool, len(list))
		for _, s := range list {
			m[s] = true
		}
		return m
	}
	p, o, i := set(position), set(org), set(industry)
	ans.Position = certwise.Position{OwnsMeasurableOutcomes: p["owns"], AIEnhancedRole: p["enhanced"],
		ExpandingIntoSystemDesign: p["design"], TransitioningToHybridRole: p["hybrid"], HasTestedAIInRole: p["tested"]}
	ans.Organization = certwise.Organization{LeadershipValuesAILiteracy: o["leadership"], PromotionRewardsCredentials: o["promotion"],
		PoliticsRewardFormalPrograms: o["politics"], AIAdoptionPhase: phase}
	ans.Industry = certwise.Industry{CredentialSensitive: i["credentials"], CompressingBusinessModel: i["compressing"], ShiftingToAI: i["shifting"]}
	ans.Motives = motives
	if target != "" {
		code, err := pickOccupation(target, "Which occupation is closest to the role you want?",
			"certwise matches certifications to it.")
		if err != nil {
			return ans, err
		}
		ans.TargetRole = &certwise.TargetRole{Title: target, Occupation: code}
	}
	ans.ExpectedAuthorityGain = authority
	ans.Positioning = positioning
	return ans, nil
}

// pickOne is a question with one answer among options.
func pickOne[T comparable](title string, value *T, options ...huh.Option[T]) *huh.Select[T] {
	return huh.NewSelect[T]().Title(title).Options(options...).Value(value)
}

// pickAny is a question whose answer is any number of options.
func pickAny[T comparable](title string, value *[]T, options ...huh.Option[T]) *huh.MultiSelect[T] {
	return huh.NewMultiSelect[T]().Title(title).Options(options...).Value(value)
}

// lineReader hands out one byte per Read. huh's line-by-line mode starts a
// new buffered scanner for every question; reading a byte at a time keeps
// each scanner from swallowing the answers to the questions after it.
type lineReader struct{ r io.Reader }

func (l *lineReader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	return l.r.Read(p[:1])
}
