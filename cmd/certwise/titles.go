package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/dataset"
	"github.com/certwise/certwise/titles"
	"github.com/certwise/certwise/wordvec"
)

func init() {
	registerSubcommand("roles", newRolesSearchCommand)
	registerSubcommand("roles", newRolesMatchCommand)
}

// titleIndexes holds each app's title index, built on first use.
var titleIndexes sync.Map // *app → *lazyIndex

type lazyIndex struct {
	once sync.Once
	x    *titles.Index
	err  error
}

// titleData returns what the title index is built from: the titles, and
// which occupations O*NET relates to each; from the public files in --data /
// CERTWISE_DATA when given, else from the embedded snapshot.
func (a *app) titleData(ctx context.Context) ([]certwise.TitleEntry, map[string][]string, error) {
	if a.dataDir != "" {
		es, err := dataset.ReadTitles(ctx, a.dataDir)
		if err != nil {
			return nil, nil, fmt.Errorf("read job titles: %w", err)
		}
		related, err := dataset.ReadRelated(ctx, a.dataDir)
		if errors.Is(err, fs.ErrNotExist) {
			// Titles alone make an index (slightly less accurate); a
			// directory that only holds them still works.
			a.logger.Warn("no related occupations in the data directory; matching on titles alone", "file", dataset.FileRelated)
			return es, nil, nil
		}
		if err != nil {
			return nil, nil, fmt.Errorf("read related occupations: %w", err)
		}
		return es, related, nil
	}
	m, err := a.model(ctx)
	if err != nil {
		return nil, nil, err
	}
	return m.Titles(), m.Related(), nil
}

// titleIndexInput returns the titles of titleData and the options every
// index of them is built with: their related occupations and the embedded
// word vectors.
func (a *app) titleIndexInput(ctx context.Context) ([]certwise.TitleEntry, []titles.Option, error) {
	es, related, err := a.titleData(ctx)
	if err != nil {
		return nil, nil, err
	}
	vectors, err := wordvec.Embedded()
	if err != nil {
		return nil, nil, err
	}
	return es, []titles.Option{titles.WithRelated(related), titles.WithWordVectors(vectors)}, nil
}

// titleIndex returns the job-title index every title lookup shares, built
// once per run.
func (a *app) titleIndex(ctx context.Context) (*titles.Index, error) {
	v, _ := titleIndexes.LoadOrStore(a, &lazyIndex{})
	l := v.(*lazyIndex)
	l.once.Do(func() {
		es, opts, err := a.titleIndexInput(ctx)
		if err != nil {
			l.err = err
			return
		}
		start := time.Now()
		l.x = titles.Build(es, opts...)
		a.logger.Debug("title index built", "titles", l.x.Len(), "occupations", l.x.Occupations(), "took", time.Since(start))
	})
	return l.x, l.err
}

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
