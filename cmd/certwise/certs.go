package main

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/spf13/cobra"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/catalog"
	"github.com/certwise/certwise/internal/display"
)

// socCode matches an O*NET-SOC code such as 15-2051.00.
var socCode = regexp.MustCompile(`^\d{2}-\d{4}\.\d{2}$`)

// checkOccupationCodes checks that each non-empty O*NET-SOC code (keyed by
// its flag) is an occupation of the exposure model, and suggests the nearest
// codes when it is not. Without the model the codes are taken as given.
func checkOccupationCodes(ctx context.Context, a *app, codes map[string]string) error {
	var m interface {
		Occupation(string) (*certwise.Occupation, bool)
		Nearest(string, int) []string
	}
	for _, flag := range []string{"target", "role"} {
		code := codes[flag]
		if code == "" {
			continue
		}
		if m == nil {
			model, err := a.model(ctx)
			if err != nil {
				a.logger.Warn("occupation codes not checked: exposure model unavailable", "err", err)
				return nil
			}
			m = model
		}
		if _, ok := m.Occupation(code); !ok {
			return usageError(certwise.Errorf(certwise.EINVALID, flag,
				"%s is not an O*NET-SOC occupation code; nearest: %s", code, strings.Join(m.Nearest(code, 3), ", ")))
		}
	}
	return nil
}

// resolveTarget turns --target (a code or a job title) into an O*NET-SOC
// code.
func resolveTarget(ctx context.Context, a *app, target string) (string, error) {
	if socCode.MatchString(target) {
		return target, nil
	}
	return matchTargetTitle(ctx, a, target)
}

func newCertsCommand(a *app) *cobra.Command {
	return newGroupCommand("certs",
		"Browse, compare and get recommendations from the catalog of AI certifications",
		`certs works on certwise's catalog of real AI certifications. Every entry links to
the provider's official page; a figure that could not be confirmed there is shown
as "not verified", with what secondary pages report in its notes.`,
		newCertsListCommand(a), newCertsShowCommand(a), newCertsCompareCommand(a),
		newCertsRecommendCommand(a), newCertsExportCommand(a), newCertsSkillsCommand(a))
}

// withCatalog adapts a certs subcommand that works on the catalog to a
// cobra RunE: it loads the catalog first and hands it on.
func withCatalog(run func(cmd *cobra.Command, args []string, cat *catalog.Catalog) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		cat, err := catalog.Load()
		if err != nil {
			return err
		}
		return run(cmd, args, cat)
	}
}

// costText shows a certification's cost compactly for a table cell: the
// official figure, the corroborated one marked "*", a single report marked
// "?", or the figures pages disagree on ("$400/$200?").
func costText(c certwise.Certification) string {
	v, verified := c.Cost()
	if amounts := c.HeadlineAmounts(); v == nil && len(amounts) > 1 {
		texts := make([]string, len(amounts))
		for i, a := range amounts {
			texts[i] = display.Cost(&a, true)
		}
		return strings.Join(texts, "/") + "?" // pages disagree
	}
	if v == nil {
		return "not verified"
	}
	if c.CostProvenance == certwise.ProvenanceCorroborated {
		return display.Cost(v, true) + "*"
	}
	return markReported(display.Cost(v, true), verified)
}

// markReported marks s, a figure's text, with "?" when only a secondary
// page gives the figure (verified is false).
func markReported(s string, verified bool) string {
	if !verified {
		s += "?"
	}
	return s
}

func hoursText(v *float64) string {
	if v == nil {
		return "-"
	}
	return display.Hours(*v)
}

// figureText shows a figure with its unit: the official one, else the one a
// secondary page reports, marked with "?", else missing.
func figureText[T int | float64](official, reported *T, unit, missing string) string {
	switch {
	case official != nil:
		return fmt.Sprintf("%v%s", *official, unit)
	case reported != nil:
		return fmt.Sprintf("%v%s?", *reported, unit)
	}
	return missing
}

// yearsText shows the validity period for the certs table and card: the
// official one, else the reported one marked with "?", else "not verified".
func yearsText(c certwise.Certification) string {
	y, verified := c.Validity()
	if y == nil {
		return "not verified"
	}
	return markReported(display.Years(*y), verified)
}

// examFigure is one figure of a certification's exam: official picks it
// from the exam the provider publishes, reported from what secondary pages
// say, and unit names what it counts.
type examFigure struct {
	unit     string
	official func(*certwise.Exam) *int
	reported func(*certwise.Reported) *int
}

var (
	examMinutes = examFigure{"minutes",
		func(e *certwise.Exam) *int { return e.Minutes }, func(r *certwise.Reported) *int { return r.ExamMinutes }}
	examQuestions = examFigure{"questions",
		func(e *certwise.Exam) *int { return e.Questions }, func(r *certwise.Reported) *int { return r.ExamQuestions }}
)

// show shows the figure with unit after the number and missing in its place
// when no page gives it.
func (f examFigure) show(c certwise.Certification, unit, missing string) string {
	var off, rep *int
	if c.Exam != nil {
		off = f.official(c.Exam)
	}
	if c.Reported != nil {
		rep = f.reported(c.Reported)
	}
	return figureText(off, rep, unit, missing)
}

// cell shows the figure in a table row that names it: "90", "90?" (only a
// secondary page reports it) or "not verified".
func (f examFigure) cell(c certwise.Certification) string { return f.show(c, "", "not verified") }

// text shows the figure in running text: "90 minutes", "90 minutes?" or
// "minutes not verified".
func (f examFigure) text(c certwise.Certification) string {
	return f.show(c, " "+f.unit, f.unit+" not verified")
}

func examText(c certwise.Certification) string {
	format := "format not verified"
	if c.Exam != nil {
		format = c.Exam.Format
	}
	return fmt.Sprintf("%s; %s; %s", format, examMinutes.text(c), examQuestions.text(c))
}

func statusText(c certwise.Certification) string {
	if c.Status == certwise.StatusRetiring {
		return "retiring on " + c.RetiresOn
	}
	return c.Status
}
