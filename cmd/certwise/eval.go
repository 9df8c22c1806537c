package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/certwise/certwise/titles"
)

func newEvalCommand(a *app) *cobra.Command {
	return newGroupCommand("eval", "Measure how well certwise's components do on held-out public data", "",
		newEvalTitlesCommand(a))
}

// titleEvalReport is the JSON form of eval titles.
type titleEvalReport struct {
	Source  string                 `json:"source"`
	Sample  int                    `json:"sample"`
	Seed    uint64                 `json:"seed"`
	Indexed int                    `json:"indexed_titles"`
	Overall titles.Accuracy        `json:"overall"`
	Groups  []titles.GroupAccuracy `json:"groups"`
	// Listed is how often a title typed as listed (every fifth official
	// and alternate title) finds an occupation listing it first, in the
	// full index.
	Listed titles.ListedAccuracy `json:"listed"`
}

func newEvalTitlesCommand(a *app) *cobra.Command {
	var (
		format outputFormat
		sample int
		seed   uint64
	)
	cmd := &cobra.Command{
		Use:   "titles --data DIR [--sample N] [--seed S]",
		Short: "Hold out alternate titles, match them, and report top-1 and top-5 accuracy",
		Long: `Draws N distinct alternate titles at random (reproducibly for a seed), removes
each from the title index under every occupation that lists it, matches it, and
reports the share whose occupation came first (top-1) and among the first five
(top-5), at O*NET-SOC level and at 6-digit SOC level, overall and per SOC major
group. Any occupation listing the title counts as correct. CONFIDENT is the share
of titles the matcher was confident about, with the top-1 accuracy over those.
A last line looks titles up as O*NET lists them (every fifth, in the full
index), which the hold-out by design never does, and reports how often an
occupation listing the title comes first.
The titles come from DIR's Occupation Data.txt and Alternate Titles.txt, and
the occupations related to each from its Related Occupations.txt (--data or
CERTWISE_DATA); without it, all from the embedded snapshot.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if sample < 1 {
				return usageError(fmt.Errorf("--sample must be at least 1, got %d", sample))
			}
			entries, opts, err := a.titleIndexInput(cmd.Context())
			if err != nil {
				return err
			}
			kept, held := titles.Split(entries, sample, seed)
			start := time.Now()
			x := titles.Build(kept, opts...)
			a.logger.Debug("hold-out index built", "titles", x.Len(), "took", time.Since(start))
			r := titles.Evaluate(x, held)
			listed := titles.Listed(titles.Build(entries, opts...), entries, listedEvery)
			src := a.loader().source()
			out := titleEvalReport{Source: src, Sample: len(held), Seed: seed, Indexed: x.Len(), Overall: r.Overall, Groups: r.Groups, Listed: listed}
			if format == formatJSON {
				return writeJSONDoc(a.stdout, out)
			}
			return writeTitleEvalText(a, out)
		},
	}
	addFormatFlag(cmd, &format, formatText, formatJSON)
	cmd.Flags().IntVar(&sample, "sample", 2000, "hold out `N` distinct alternate titles")
	cmd.Flags().Uint64Var(&seed, "seed", 1, "random `SEED` of the draw (same seed, same sample)")
	return cmd
}

func writeTitleEvalText(a *app, r titleEvalReport) error {
	fmt.Fprintf(a.stdout, "Held out %d alternate titles (seed %d) from %s; %d distinct titles left in the index.\n\n",
		r.Sample, r.Seed, r.Source, r.Indexed)
	tw := newTable(a.stdout)
	fmt.Fprintln(tw, "GROUP\tNAME\tN\tO*NET TOP-1\tO*NET TOP-5\tSOC TOP-1\tSOC TOP-5\tCONFIDENT\tSOC TOP-1 IF CONFIDENT")
	row := func(g, name string, acc titles.Accuracy) {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\n", g, name, acc.N,
			acc.ONETTop1, acc.ONETTop5, acc.SOCTop1, acc.SOCTop5, acc.Confident, acc.ConfidentSOCTop1)
	}
	row("all", "all occupations", r.Overall)
	for _, g := range r.Groups {
		row(g.Group, g.Name, g.Accuracy)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(a.stdout, "\nTitles typed as listed (every fifth official and alternate title, full index): %d, of which %.3f find an occupation listing them first.\n",
		r.Listed.N, r.Listed.First)
	return err
}

// listedEvery is how sparsely eval titles samples the listed titles it
// looks up: every fifth, about 10,750 of them.
const listedEvery = 5
