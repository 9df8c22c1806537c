package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/certwise/certwise/dataset"
	"github.com/certwise/certwise/titles"
)

// panelEvalRow is one measured panel in eval panel and eval bls.
type panelEvalRow struct {
	Panel string `json:"panel"`
	titles.PanelAccuracy
	Misses []titles.PanelMiss `json:"misses,omitempty"`
}

// panelEvalReport is the JSON form of eval panel and eval bls.
type panelEvalReport struct {
	Source string         `json:"source"`
	Panels []panelEvalRow `json:"panels"`
	// Listed and NoCode, in eval bls: the titles left out because O*NET
	// lists them, or because no O*NET occupation has their SOC code.
	Listed int `json:"listed,omitempty"`
	NoCode int `json:"no_code,omitempty"`
}

func newEvalPanelCommand(a *app) *cobra.Command {
	var (
		format outputFormat
		file   string
		split  string
		misses bool
	)
	cmd := &cobra.Command{
		Use:   "panel [--split dev|holdout|all] [--file F]",
		Short: "Match a labelled panel of modern job titles and report top-1, top-3 and confident precision",
		Long: `Matches each title of a panel of modern job titles (product, people, customer
success, data, AI and the ordinary titles of nurses, teachers, dispatchers...)
and reports, at 6-digit SOC level, the share whose first occupation is an
accepted one (TOP-1), whose first three distinct SOC codes hold one (TOP-3),
the share answered confidently, and how often a confident answer is right.
The embedded panel has two halves: dev, which the modern-titles layer was tuned
on, and holdout, written before tuning and only measured; holdout-unseen is the
part of holdout whose normalized words no dev title has. --file reads another
panel in the same format: tab-separated title, accepted SOC codes
(comma-separated) and rationale. --misses lists the titles whose first
occupation was wrong.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var rows []panelEvalRow
			x, err := a.titleIndex(cmd.Context())
			if err != nil {
				return err
			}
			measure := func(name string, panel []titles.PanelTitle) {
				acc, miss := titles.EvaluatePanel(x, panel)
				r := panelEvalRow{Panel: name, PanelAccuracy: acc}
				if misses {
					r.Misses = miss
				}
				rows = append(rows, r)
			}
			source := "embedded panel"
			switch {
			case file != "":
				f, err := os.Open(file)
				if err != nil {
					return usageError(fmt.Errorf("--file: %w", err))
				}
				defer f.Close()
				panel, err := titles.ReadPanel(f, file)
				if err != nil {
					return usageError(fmt.Errorf("--file: %w", err))
				}
				source = file
				measure(file, panel)
			case split == "all":
				halves := map[string][]titles.PanelTitle{}
				for _, s := range titles.PanelSplits {
					panel, err := titles.Panel(s)
					if err != nil {
						return err
					}
					halves[s] = panel
					measure(s, panel)
				}
				// the held-out titles that normalize to no dev title's words
				measure("holdout-unseen", titles.Unseen(halves["holdout"], halves["dev"]))
			default:
				panel, err := titles.Panel(split)
				if err != nil {
					return usageError(fmt.Errorf("--split: %w", err))
				}
				measure(split, panel)
			}
			return writePanelEval(a, format, panelEvalReport{Source: source, Panels: rows})
		},
	}
	addFormatFlag(cmd, &format, formatText, formatJSON)
	cmd.Flags().StringVar(&file, "file", "", "read the panel from `F` instead of the embedded one")
	cmd.Flags().StringVar(&split, "split", "all", "which half of the embedded panel: dev, holdout or all")
	cmd.Flags().BoolVar(&misses, "misses", false, "list the titles whose first occupation was wrong")
	return cmd
}

func newEvalBLSCommand(a *app) *cobra.Command {
	var (
		format outputFormat
		misses bool
	)
	cmd := &cobra.Command{
		Use:   "bls --data DIR",
		Short: "Match BLS's 2018 SOC direct-match titles that O*NET does not list",
		Long: `Reads the BLS 2018 SOC direct-match title file (bls-soc-2018/ in DIR), keeps the
titles O*NET's official and alternate titles do not list (compared by their
normalized words, in any order) and whose SOC code O*NET has, matches them, and
reports top-1, top-3 and confident precision at 6-digit SOC level as eval panel
does. The index is built as every lookup builds it (--data or CERTWISE_DATA).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if a.dataDir == "" {
				return usageError(fmt.Errorf("--data: eval bls needs the public data directory (holding %s)", dataset.FileBLSDirectMatch))
			}
			bls, err := dataset.ReadBLSDirectMatch(cmd.Context(), a.dataDir)
			if err != nil {
				return err
			}
			entries, _, err := a.titleIndexInput(cmd.Context())
			if err != nil {
				return err
			}
			x, err := a.titleIndex(cmd.Context())
			if err != nil {
				return err
			}
			all := make([]titles.PanelTitle, 0, len(bls))
			for _, t := range bls {
				all = append(all, titles.PanelTitle{Title: t.Title, Codes: []string{t.SOC}, Rationale: "BLS direct match"})
			}
			panel, noCode := titles.NotListed(entries, all)
			acc, miss := titles.EvaluatePanel(x, panel)
			r := panelEvalRow{Panel: "bls-not-in-onet", PanelAccuracy: acc}
			if misses {
				r.Misses = miss
			}
			return writePanelEval(a, format, panelEvalReport{
				Source: a.dataDir + "/" + dataset.FileBLSDirectMatch, Panels: []panelEvalRow{r},
				Listed: len(all) - len(panel) - noCode, NoCode: noCode,
			})
		},
	}
	addFormatFlag(cmd, &format, formatText, formatJSON)
	cmd.Flags().BoolVar(&misses, "misses", false, "list the titles whose first occupation was wrong")
	return cmd
}

func writePanelEval(a *app, format outputFormat, r panelEvalReport) error {
	if format == formatJSON {
		return writeJSONDoc(a.stdout, r)
	}
	fmt.Fprintf(a.stdout, "Titles from %s, scored at 6-digit SOC level.\n", r.Source)
	if r.Listed+r.NoCode > 0 {
		fmt.Fprintf(a.stdout, "Left out: %d titles O*NET lists, %d whose SOC code O*NET lacks.\n", r.Listed, r.NoCode)
	}
	fmt.Fprintln(a.stdout)
	tw := newTable(a.stdout)
	fmt.Fprintln(tw, "PANEL\tN\tTOP-1\tTOP-3\tCONFIDENT\tCONFIDENT PRECISION")
	for _, p := range r.Panels {
		fmt.Fprintf(tw, "%s\t%d\t%.3f\t%.3f\t%.3f\t%.3f\n", p.Panel, p.N, p.Top1, p.Top3, p.Confident, p.ConfidentPrecision)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, p := range r.Panels {
		if len(p.Misses) == 0 {
			continue
		}
		fmt.Fprintf(a.stdout, "\nMisses in %s (title; accepted; first three found; confident):\n", p.Panel)
		for _, m := range p.Misses {
			fmt.Fprintf(a.stdout, "  %s; %s; %s; %t\n", m.Title, strings.Join(m.Want, ","), strings.Join(m.Got, ","), m.Confident)
		}
	}
	return nil
}
