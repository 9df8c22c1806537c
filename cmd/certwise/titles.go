package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/titles"
)

// roleMatch is one search result: the matched occupation and, when the
// exposure model knows it, the occupation's exposure level.
type roleMatch struct {
	certwise.TitleCandidate
	ExposureLevel certwise.ExposureLevel `json:"exposure_level,omitempty"`
}

// roleSearch is the answer of roles search in JSON.
type roleSearch struct {
	Query     string      `json:"query"`
	Matches   []roleMatch `json:"matches"`
	Confident bool        `json:"confident"`
}

func newRolesSearchCommand(a *app) *cobra.Command {
	var (
		format outputFormat
		top    int
	)
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Find the occupations a job title names, best first",
		Long: `Matches a job title as people write it ("Sr. Software Engineer II",
"RN - ICU nights", "VP, Marketing", "acountant") against O*NET's official and
alternate titles and lists the best occupations with a score from 0 to 1, the
title that matched, and the occupation's exposure level. When the title says
too little or two occupations score too close, the answer is marked not
confident: pick the right one by its code.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if top < 1 {
				return usageError(fmt.Errorf("--top must be at least 1, got %d", top))
			}
			query := strings.Join(args, " ")
			if strings.TrimSpace(query) == "" {
				return certwise.Errorf(certwise.EINVALID, "query", "the job title to search for is empty")
			}
			x, err := a.titleIndex(cmd.Context())
			if err != nil {
				return err
			}
			m, err := a.model(cmd.Context())
			if err != nil {
				return err
			}
			res := x.Match(query, top)
			out := roleSearch{Query: res.Query, Matches: make([]roleMatch, 0, len(res.Matches)), Confident: res.Confident}
			for _, c := range res.Matches {
				rm := roleMatch{TitleCandidate: c}
				if o, ok := m.Occupation(c.Code); ok {
					rm.ExposureLevel = o.ExposureLevel
				}
				out.Matches = append(out.Matches, rm)
			}
			return writeResult(a.stdout, format, out, out.Matches,
				func() error { return writeSearchText(a, out) })
		},
	}
	addFormatFlag(cmd, &format)
	cmd.Flags().IntVar(&top, "top", titles.DefaultTop, "list at most `N` occupations")
	return cmd
}

func writeSearchText(a *app, s roleSearch) error {
	if len(s.Matches) == 0 {
		_, err := fmt.Fprintf(a.stdout, "No occupation matches %q: try the words of the job itself (e.g. \"nurse\", \"accountant\").\n", s.Query)
		return err
	}
	tw := newTable(a.stdout)
	fmt.Fprintln(tw, "#\tCODE\tOCCUPATION\tMATCHED TITLE\tSCORE\tEXPOSURE")
	for i, m := range s.Matches {
		level := string(m.ExposureLevel)
		if level == "" {
			level = "-"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", i+1, m.Code, m.Title, m.MatchedTitle, strconv.FormatFloat(m.Score, 'f', 3, 64), level)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if !s.Confident {
		_, err := fmt.Fprintln(a.stdout, "Not confident: the title is vague or the best occupations are close; pick one by its code.")
		return err
	}
	return nil
}

func newRolesMatchCommand(a *app) *cobra.Command {
	var (
		format outputFormat
		top    int
	)
	cmd := &cobra.Command{
		Use:   "match",
		Short: "Match job titles read from stdin, one per line, writing one JSON object per line",
		Long: `Reads job titles from standard input, one per line, and writes one JSON
object per input line, in the same order:
  {"query": "...", "matches": [{"code", "title", "matched_title", "score"}], "confident": true}
An empty line gives no matches and confident false. With --data DIR the index is
built from DIR's Occupation Data.txt, Alternate Titles.txt and, when there,
Related Occupations.txt.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if top < 1 {
				return usageError(fmt.Errorf("--top must be at least 1, got %d", top))
			}
			x, err := a.titleIndex(cmd.Context())
			if err != nil {
				return err
			}
			sc := bufio.NewScanner(a.stdin)
			sc.Buffer(make([]byte, 64*1024), 1024*1024)
			w := bufio.NewWriter(a.stdout)
			enc := json.NewEncoder(w)
			enc.SetEscapeHTML(false)
			line := 0
			for sc.Scan() {
				line++
				if err := cmd.Context().Err(); err != nil {
					return err
				}
				q := strings.TrimRight(sc.Text(), "\r")
				if err := enc.Encode(x.Match(q, top)); err != nil {
					return fmt.Errorf("write the match of line %d: %w", line, err)
				}
			}
			if err := sc.Err(); err != nil {
				return fmt.Errorf("read titles from stdin (line %d): %w", line+1, err)
			}
			return w.Flush()
		},
	}
	addFormatFlag(cmd, &format, formatJSONL)
	cmd.Flags().IntVar(&top, "top", titles.DefaultTop, "list at most `N` occupations per title")
	return cmd
}
