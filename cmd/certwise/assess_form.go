package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/charmbracelet/huh"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/rules"
)

// askAnswers asks the questionnaire's questions (certwise.Questionnaire, the
// same wording the web form shows) with a huh form and returns the answers.
// The form is drawn on standard error so that standard output carries only
// the report. In accessible mode every field is asked line by line and read
// from standard input one line at a time, so answers can be piped in (a
// number per choice; for a multiple choice, the numbers to toggle and then
// 0).
//
// The terminal leaves out what needs the web's richer inputs: the work mix
// and a certification to judge (answers files give both).
func (a *app) askAnswers(ctx context.Context, deps rules.Deps, accessible bool) (certwise.Answers, error) {
	var ans certwise.Answers
	in := a.stdin
	if accessible {
		in = &lineReader{r: a.stdin}
	}
	run := func(groups ...*huh.Group) error {
		if len(groups) == 0 {
			return nil
		}
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
	pickOccupation := func(title string, q certwise.Prompt) (string, error) {
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
		err := run(huh.NewGroup(huh.NewSelect[string]().Title(q.Text).Description(q.Help).Options(opts...).Value(&code)))
		return code, err
	}

	// Each question's answer is kept here until the form has run, then
	// stored in the answers field the question names.
	var (
		pending []func() error
		groups  []*huh.Group
		lastBox string // the group heading of the checkbox list being built
		boxes   *[]string
	)
	flush := func() error {
		err := run(groups...)
		groups, lastBox = nil, ""
		return err
	}
	for _, step := range certwise.Steps {
		for _, q := range certwise.QuestionsOf(step) {
			if q.Kind != certwise.KindBool {
				lastBox = ""
			}
			switch {
			case q.Kind == certwise.KindCode:
				// The occupation list depends on the title just typed.
				if err := flush(); err != nil {
					return ans, err
				}
				for _, f := range pending {
					if err := f(); err != nil {
						return ans, err
					}
				}
				pending = nil
				title, _ := certwise.AnswerField(&ans, strings.TrimSuffix(q.Field, ".occupation")+".title", false)
				if !title.IsValid() || title.String() == "" {
					continue
				}
				code, err := pickOccupation(title.String(), q)
				if err != nil {
					return ans, err
				}
				if err := certwise.SetAnswer(&ans, q.Field, code); err != nil {
					return ans, err
				}
			case q.Kind == certwise.KindShares, strings.HasPrefix(q.Field, "certification."):
			case q.Kind == certwise.KindBool:
				if q.Group != lastBox {
					lastBox, boxes = q.Group, new([]string)
					var opts []huh.Option[string]
					for _, b := range certwise.QuestionsOf(step) {
						if b.Kind == certwise.KindBool && b.Group == q.Group {
							opts = append(opts, huh.NewOption(b.Text, b.Field))
						}
					}
					groups = append(groups, huh.NewGroup(huh.NewMultiSelect[string]().Title(q.Group).Options(opts...).Value(boxes)))
				}
				picked, field := boxes, q.Field
				pending = append(pending, func() error { return certwise.SetAnswer(&ans, field, slices.Contains(*picked, field)) })
			case q.Kind == certwise.KindOne:
				v := new(string)
				var opts []huh.Option[string]
				if q.Unset != "" {
					opts = append(opts, huh.NewOption(q.Unset, ""))
				}
				for _, c := range q.Choices {
					opts = append(opts, huh.NewOption(c.Label+": "+c.Explain, c.Value))
				}
				groups = append(groups, huh.NewGroup(huh.NewSelect[string]().Title(q.Text).Description(q.Help).Options(opts...).Value(v)))
				pending = append(pending, store(&ans, q.Field, v))
			case q.Kind == certwise.KindMany:
				v := new([]string)
				var opts []huh.Option[string]
				for _, c := range q.Choices {
					opts = append(opts, huh.NewOption(c.Label+": "+c.Explain, c.Value))
				}
				groups = append(groups, huh.NewGroup(huh.NewMultiSelect[string]().Title(q.Text).Description(q.Help).Options(opts...).Value(v)))
				pending = append(pending, func() error { return certwise.SetAnswer(&ans, q.Field, *v) })
			default: // text, a paragraph or a list separated by commas
				v := new(string)
				limit := q.MaxChars
				if q.Kind == certwise.KindTextList {
					limit = q.MaxItems * (q.MaxChars + 2)
				}
				groups = append(groups, huh.NewGroup(huh.NewInput().Title(q.Text).Description(q.Help).CharLimit(limit).Value(v)))
				if q.Kind == certwise.KindTextList {
					pending = append(pending, func() error { return certwise.SetAnswer(&ans, q.Field, certwise.SplitList(*v)) })
				} else {
					pending = append(pending, store(&ans, q.Field, v))
				}
			}
		}
	}
	if err := flush(); err != nil {
		return ans, err
	}
	for _, f := range pending {
		if err := f(); err != nil {
			return ans, err
		}
	}
	if ans.TargetRole.Empty() {
		ans.TargetRole = nil
	}
	return ans, nil
}

// store sets field from *v once the form has run.
func store(ans *certwise.Answers, field string, v *string) func() error {
	return func() error { return certwise.SetAnswer(ans, field, strings.TrimSpace(*v)) }
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
