package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
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
// Piped input that ends before every question is answered is an EINVALID
// error naming the first question left without an answer.
//
// The terminal leaves out what needs the web's richer inputs: the work mix
// (answers files give it).
func (a *app) askAnswers(ctx context.Context, deps rules.Deps, accessible bool) (certwise.Answers, error) {
	var ans certwise.Answers
	var in io.Reader = a.stdin
	lines := &lineReader{r: a.stdin}
	if accessible {
		in = lines
	}
	// ask runs one question's group; in line-by-line mode it fails when
	// the input ended before the question got an answer.
	ask := func(q certwise.Prompt, g *huh.Group) error {
		before := lines.n
		f := huh.NewForm(g).WithInput(in).WithOutput(a.stderr).WithAccessible(accessible).WithShowHelp(!accessible)
		if err := f.RunWithContext(ctx); err != nil {
			if errors.Is(err, huh.ErrUserAborted) {
				return errors.New("the form was cancelled; nothing was evaluated")
			}
			return fmt.Errorf("ask the questions: %w", err)
		}
		if accessible && lines.eof && lines.n == before {
			return certwise.Errorf(certwise.EINVALID, q.Field, "the input ended before the question %q was answered", questionTitle(q))
		}
		return nil
	}

	// pickOccupation offers the occupations a title matches, the best
	// first and selected, and returns the code picked, "" for none.
	pickOccupation := func(title string, q certwise.Prompt) (string, error) {
		if title == "" || deps.Titles == nil {
			return "", nil
		}
		m := deps.Titles.Match(title, 6)
		if len(m.Matches) == 0 {
			return "", nil
		}
		code := m.Matches[0].Code
		opts := make([]huh.Option[string], 0, len(m.Matches)+1)
		for i, c := range m.Matches {
			label := c.Title
			if lvl := occupationLevel(deps, c.Code); lvl != "" {
				label += ", exposure " + lvl
			}
			if !strings.EqualFold(c.MatchedTitle, c.Title) {
				label += fmt.Sprintf(", matched %q", c.MatchedTitle)
			}
			opts = append(opts, huh.NewOption(label+" · "+c.Code, c.Code).Selected(i == 0))
		}
		opts = append(opts, huh.NewOption("None of these", ""))
		// The value is bound before the options so the cursor starts on the
		// best match, and the list is tall enough to show every option.
		sel := huh.NewSelect[string]().Title(q.Text).Description(q.Help).Value(&code).Options(opts...).Height(len(opts) + 4)
		err := ask(q, huh.NewGroup(sel))
		return code, err
	}

	// Each question's answer is kept here until the form has run, then
	// stored in the answers field the question names.
	type asked struct {
		q certwise.Prompt
		g *huh.Group
	}
	var (
		pending []func() error
		groups  []asked
		lastBox string // the group heading of the checkbox list being built
		boxes   *[]string
	)
	flush := func() error {
		defer func() { groups, lastBox = nil, "" }()
		for _, g := range groups {
			if err := ask(g.q, g.g); err != nil {
				return err
			}
		}
		return nil
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
			case q.Field == "certification.id":
				if err := flush(); err != nil {
					return ans, err
				}
				c, err := a.askCertification(ask, deps)
				if err != nil {
					return ans, err
				}
				ans.Certification = c
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
					groups = append(groups, asked{q, huh.NewGroup(huh.NewMultiSelect[string]().Title(q.Group).Options(opts...).Value(boxes))})
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
				groups = append(groups, asked{q, huh.NewGroup(huh.NewSelect[string]().Title(q.Text).Description(q.Help).Options(opts...).Value(v))})
				pending = append(pending, store(&ans, q.Field, v))
			case q.Kind == certwise.KindMany:
				v := new([]string)
				var opts []huh.Option[string]
				for _, c := range q.Choices {
					opts = append(opts, huh.NewOption(c.Label+": "+c.Explain, c.Value))
				}
				groups = append(groups, asked{q, huh.NewGroup(huh.NewMultiSelect[string]().Title(q.Text).Description(q.Help).Options(opts...).Value(v))})
				pending = append(pending, func() error { return certwise.SetAnswer(&ans, q.Field, *v) })
			default: // text, a paragraph or a list separated by commas
				v := new(string)
				limit := q.MaxChars
				if q.Kind == certwise.KindTextList {
					limit = q.MaxItems * (q.MaxChars + 2)
				}
				groups = append(groups, asked{q, huh.NewGroup(huh.NewInput().Title(q.Text).Description(q.Help).CharLimit(limit).Value(v))})
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

// questionTitle is how the form heads a question: its group's heading for
// a statement ticked in a list.
func questionTitle(q certwise.Prompt) string {
	if q.Kind == certwise.KindBool && q.Group != "" {
		return q.Group
	}
	return q.Text
}

// occupationLevel is an occupation's exposure level in words, "" when the
// data does not know the code.
func occupationLevel(deps rules.Deps, code string) string {
	if deps.Data == nil {
		return ""
	}
	o, ok := deps.Data.Occupation(code)
	if !ok || o.ExposureLevel == "" {
		return ""
	}
	return string(o.ExposureLevel)
}

// certificationLister is a catalog that can list every certification
// (catalog.Catalog is one).
type certificationLister interface {
	All() []certwise.Certification
}

// askCertification asks which certification the person is weighing: one
// from the catalog (the list filters as you type, with /), none in
// particular, or another one, whose name, skills, cost and hours it then
// asks. It returns nil for none.
func (a *app) askCertification(ask func(certwise.Prompt, *huh.Group) error, deps rules.Deps) (*certwise.CertificationChoice, error) {
	q := certwise.MustAsk("certification.id")
	opts := []huh.Option[string]{huh.NewOption(q.Unset, "")}
	if l, ok := deps.Catalog.(certificationLister); ok {
		for _, c := range l.All() {
			opts = append(opts, huh.NewOption(c.Provider+": "+c.Name, c.ID))
		}
	}
	const custom = "\x00custom" // no catalog id starts with a NUL
	opts = append(opts, huh.NewOption("Another one (describe it next)", custom))
	id := ""
	sel := huh.NewSelect[string]().Title(q.Text).Description("Type / to search the catalog.").Value(&id).Options(opts...).Height(12)
	if err := ask(q, huh.NewGroup(sel)); err != nil {
		return nil, err
	}
	switch id {
	case "":
		return nil, nil
	case custom:
	default:
		return &certwise.CertificationChoice{ID: id}, nil
	}
	c := &certwise.CertificationChoice{}
	var name, skills, cost, hours string
	for _, f := range []struct {
		field string
		v     *string
	}{{"certification.name", &name}, {"certification.skills", &skills}, {"certification.cost_usd", &cost}, {"certification.hours", &hours}} {
		fq := certwise.MustAsk(f.field)
		in := huh.NewInput().Title(fq.Text).Description(fq.Help).Value(f.v)
		switch fq.Kind {
		case certwise.KindNumber:
			in = in.Validate(func(s string) error {
				_, err := optionalAmount(s)
				return err
			})
		case certwise.KindTextList:
			in = in.CharLimit(fq.MaxItems * (fq.MaxChars + 2))
		default:
			in = in.CharLimit(fq.MaxChars).Validate(func(s string) error {
				if strings.TrimSpace(s) == "" {
					return errors.New("name the certification you are considering")
				}
				return nil
			})
		}
		if err := ask(fq, huh.NewGroup(in)); err != nil {
			return nil, err
		}
	}
	c.Name = strings.TrimSpace(name)
	c.Skills = certwise.SplitList(skills)
	c.CostUSD, _ = optionalAmount(cost)
	c.Hours, _ = optionalAmount(hours)
	return c, nil
}

// optionalAmount reads a number of zero or more; empty is nil.
func optionalAmount(s string) (*float64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 0 || math.IsNaN(f) || math.IsInf(f, 0) {
		return nil, errors.New("enter a number of zero or more, or leave it empty")
	}
	return &f, nil
}

// store sets field from *v once the form has run.
func store(ans *certwise.Answers, field string, v *string) func() error {
	return func() error { return certwise.SetAnswer(ans, field, strings.TrimSpace(*v)) }
}

// lineReader hands out one byte per Read. huh's line-by-line mode starts a
// new buffered scanner for every question; reading a byte at a time keeps
// each scanner from swallowing the answers to the questions after it.
// It counts the bytes read and notes the end of the input, so the form can
// tell a question the input ran out on.
type lineReader struct {
	r   io.Reader
	n   int
	eof bool
}

func (l *lineReader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	n, err := l.r.Read(p[:1])
	l.n += n
	if errors.Is(err, io.EOF) {
		l.eof = true
	}
	return n, err
}
