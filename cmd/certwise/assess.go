package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/answers"
	"github.com/certwise/certwise/report"
	"github.com/certwise/certwise/rules"
)

func newAssessCommand(a *app) *cobra.Command {
	var file, inFormat, rulebook string
	var format outputFormat
	var accessible bool
	cmd := &cobra.Command{
		Use:   "assess [--answers FILE|-] [--format text|json|markdown]",
		Short: "Decide whether an AI certification would strengthen your position",
		Long: `assess evaluates your situation the way a careful career strategist would and
says whether a certification would help, with every reason shown.

With --answers it reads your answers from a JSON or YAML file (- for standard
input); see examples/ for the fields. Without --answers it asks the questions
in the terminal. The form switches to a plain line-by-line mode when standard
input is not a terminal or with --accessible, so answers can be piped in.

With --rulebook a coach can try an edited copy of rules/rulebook.yaml; it is
checked before use (unknown facts, duplicate ids, unknown verdicts).

Exit status: 0 with a verdict, 2 when the answers or the rulebook are invalid
(the message names the field and what it allows) or when piped input ends
before every question is answered (the message names the question).`,
		Example: `  certwise assess --answers examples/analyst.yaml
  certwise assess --answers - --format json < answers.json
  certwise assess`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !slices.Contains(answers.Formats, inFormat) {
				return usageError(fmt.Errorf("unknown --input-format %q; allowed: %s", inFormat, strings.Join(answers.Formats, ", ")))
			}
			var book *rules.Rulebook
			if rulebook != "" {
				b, err := os.ReadFile(rulebook)
				if err != nil {
					return usageError(fmt.Errorf("read the rulebook: %w", err))
				}
				if book, err = rules.Parse(b); err != nil {
					return usageError(fmt.Errorf("%s: %w", rulebook, err))
				}
			}
			ctx := cmd.Context()
			// A file is read before the data loads, so that malformed answers
			// fail at once.
			var ans certwise.Answers
			if file != "" {
				var err error
				if ans, err = a.readAnswers(file, inFormat); err != nil {
					return err
				}
			}
			deps, err := a.engineDeps(ctx)
			if err != nil {
				return err
			}
			if file == "" {
				if ans, err = a.askAnswers(ctx, deps, accessible || !isTerminal(a.stdin)); err != nil {
					return err
				}
			}
			ev, err := rules.New(book, deps).Evaluate(ctx, ans)
			if err != nil {
				return fmt.Errorf("evaluate the answers: %w", err)
			}
			return writeEvaluation(a.stdout, ev, format)
		},
	}
	cmd.Flags().StringVar(&file, "answers", "", "read the answers from `FILE` (JSON or YAML; - for standard input) instead of asking")
	addFormatFlag(cmd, &format, formatText, formatJSON, formatMarkdown)
	cmd.Flags().StringVar(&inFormat, "input-format", "auto", "`FORMAT` of the answers: auto, json or yaml")
	cmd.Flags().StringVar(&rulebook, "rulebook", "", "evaluate with the rulebook in `FILE` (a copy of rules/rulebook.yaml) instead of the built-in one")
	cmd.Flags().BoolVar(&accessible, "accessible", false, "ask the questions line by line (screen readers, piped input)")
	return cmd
}

// readAnswers decodes an answers file, or standard input for "-".
func (a *app) readAnswers(file, format string) (certwise.Answers, error) {
	var r io.Reader = a.stdin
	name := "standard input"
	if file != "-" {
		f, err := os.Open(file)
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return certwise.Answers{}, certwise.Errorf(certwise.ENOTFOUND, "", "answers file %s does not exist", file)
			}
			return certwise.Answers{}, fmt.Errorf("open answers: %w", err)
		}
		defer f.Close()
		r, name = f, file
		if format == "auto" {
			switch {
			case strings.HasSuffix(file, ".json"):
				format = "json"
			case strings.HasSuffix(file, ".yaml"), strings.HasSuffix(file, ".yml"):
				format = "yaml"
			}
		}
	}
	ans, err := answers.Decode(r, format)
	if err != nil {
		return ans, fmt.Errorf("answers in %s: %w", name, err)
	}
	return ans, nil
}

// writeEvaluation prints ev in the given format.
func writeEvaluation(w io.Writer, ev *certwise.Evaluation, format outputFormat) error {
	switch format {
	case formatJSON:
		return writeJSONDoc(w, ev)
	case formatMarkdown:
		return report.Markdown(w, ev)
	}
	return report.Text(w, ev)
}

// isTerminal reports whether r is an interactive terminal.
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}
