package main

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/exposure"
	"github.com/certwise/certwise/internal/numfmt"
)

// newRolesCommand is the parent of the occupation commands; main.go adds
// the title matcher's search and match (titles.go) to it.
func newRolesCommand(a *app) *cobra.Command {
	return newGroupCommand("roles", "Look up occupations and their exposure figures", "",
		newRolesShowCommand(a), newRolesListCommand(a))
}

func newRolesShowCommand(a *app) *cobra.Command {
	var format outputFormat
	cmd := &cobra.Command{
		Use:   "show CODE",
		Short: "Show one occupation's exposure profile (an O*NET-SOC code such as 15-1252.00)",
		Long: `Shows one occupation's figures: GPT-4 and human exposure (alpha, beta, gamma),
AI applicability, exposure level and percentile, work mix, job zone, employment,
median wage, projected growth, related occupations and its work activities.
Task statements are listed only when the public data files are given with --data.
A 6-digit SOC code (15-1252) stands for its .00 occupation.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			m, err := a.model(cmd.Context())
			if err != nil {
				return err
			}
			o, err := lookupOccupation(m, args[0])
			if err != nil {
				return err
			}
			return writeResult(a.stdout, format, o, []*certwise.Occupation{o},
				func() error { return writeOccupationText(a.stdout, o, m.HasTasks()) })
		},
	}
	addFormatFlag(cmd, &format)
	return cmd
}

func newRolesListCommand(a *app) *cobra.Command {
	var (
		format outputFormat
		level  string
	)
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List every occupation with its exposure figures",
		Long: `Lists every O*NET-SOC occupation in code order. The text table shows the main
figures; json and jsonl give each occupation's full profile. --level keeps only
occupations at one exposure level.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var want certwise.ExposureLevel
			if level != "" {
				want = certwise.ExposureLevel(level)
				if !want.Valid() {
					return certwise.Errorf(certwise.EINVALID, "level", "unknown exposure level %q: want one of %s", level, levelNames())
				}
			}
			m, err := a.model(cmd.Context())
			if err != nil {
				return err
			}
			occs := make([]*certwise.Occupation, 0, len(m.Occupations()))
			for _, o := range m.Occupations() {
				if want == "" || o.ExposureLevel == want {
					occs = append(occs, o)
				}
			}
			return writeResult(a.stdout, format, occs, occs,
				func() error { return writeOccupationList(a.stdout, occs) })
		},
	}
	addFormatFlag(cmd, &format)
	cmd.Flags().StringVar(&level, "level", "", "keep only occupations at this exposure `LEVEL` ("+levelNames()+")")
	return cmd
}

func levelNames() string {
	names := make([]string, len(certwise.ExposureLevels))
	for i, l := range certwise.ExposureLevels {
		names[i] = string(l)
	}
	return strings.Join(names, ", ")
}

// lookupOccupation finds a code, accepting a 6-digit SOC code for its .00
// occupation. An unknown code is ENOTFOUND with the nearest codes suggested.
func lookupOccupation(m *exposure.Model, code string) (*certwise.Occupation, error) {
	code = strings.TrimSpace(code)
	if o, ok := m.Occupation(code); ok {
		return o, nil
	}
	if len(code) == 7 {
		if o, ok := m.Occupation(code + ".00"); ok {
			return o, nil
		}
	}
	near := m.Nearest(code, 3)
	hints := make([]string, len(near))
	for i, c := range near {
		o, _ := m.Occupation(c)
		hints[i] = fmt.Sprintf("%s (%s)", c, o.Title)
	}
	return nil, certwise.Errorf(certwise.ENOTFOUND, "code",
		"no occupation with code %q; nearest codes: %s (or search by title with `certwise roles search`)", code, strings.Join(hints, ", "))
}

// Text rendering.

func fnum(v *float64, digits int) string {
	if v == nil {
		return "-"
	}
	return strconv.FormatFloat(*v, 'f', digits, 64)
}

func fint(v *int64) string {
	if v == nil {
		return "-"
	}
	return numfmt.Int(*v)
}

func fmoney(v *float64) string {
	if v == nil {
		return "-"
	}
	return "$" + numfmt.Int(int64(math.Round(*v)))
}

func fpct(v *float64) string {
	if v == nil {
		return "-"
	}
	return fmt.Sprintf("%+.1f%%", *v)
}

func writeOccupationText(w io.Writer, o *certwise.Occupation, hasTasks bool) error {
	tw := newTable(w)
	jz := "-"
	if o.JobZone != nil {
		jz = strconv.Itoa(*o.JobZone)
	}
	rows := [][2]string{
		{"Code", o.Code + " (SOC " + o.SOC + ")"},
		{"Title", o.Title},
		{"Exposure level", string(o.ExposureLevel)},
		{"Exposure percentile", fnum(o.ExposurePercentile, 1)},
		{"GPT-4 alpha/beta/gamma", fnum(o.GPT4Alpha, 3) + " / " + fnum(o.GPT4Beta, 3) + " / " + fnum(o.GPT4Gamma, 3)},
		{"Human alpha/beta/gamma", fnum(o.HumanAlpha, 3) + " / " + fnum(o.HumanBeta, 3) + " / " + fnum(o.HumanGamma, 3)},
		{"AI applicability", fnum(o.AIApplicability, 3)},
		{"Compressible share", fnum(o.CompressibleShare, 3)},
		{"Job zone", jz},
		{"Employment (2021)", fint(o.Employment)},
		{"Median wage (2021)", fmoney(o.MedianWage)},
		{"Projected growth 2020-30", fpct(o.ProjectedGrowthPct)},
	}
	for _, r := range rows {
		fmt.Fprintf(tw, "%s:\t%s\n", r[0], r[1])
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(o.WorkMix) > 0 {
		fmt.Fprintln(w, "\nWork mix:")
		tw = newTable(w)
		for _, c := range certwise.WorkClasses {
			fmt.Fprintf(tw, "  %s\t%5.1f%%\n", c, 100*o.WorkMix[c])
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if len(o.Related) > 0 {
		fmt.Fprintf(w, "\nRelated: %s\n", strings.Join(o.Related, " "))
	}
	if len(o.Activities) > 0 {
		fmt.Fprintln(w, "\nActivities:")
		tw = newTable(w)
		fmt.Fprintln(tw, "  IWA\tWEIGHT\tCLASS\tE1\tE2\tTASKS\tTITLE")
		for _, a := range o.Activities {
			fmt.Fprintf(tw, "  %s\t%.3f\t%s\t%d\t%d\t%d\t%s\n", a.IWA, a.Weight, a.Class, a.E1Tasks, a.E2Tasks, a.Tasks, a.Title)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if len(o.Tasks) > 0 {
		fmt.Fprintln(w, "\nTasks (GPT-4 / human labels):")
		tw = newTable(w)
		fmt.Fprintln(tw, "  ID\tTYPE\tGPT4\tHUMAN\tSTATEMENT")
		for _, t := range o.Tasks {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", t.ID, t.Type, dash(t.GPT4Exposure), dash(t.HumanExposure), t.Statement)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	} else if !hasTasks {
		fmt.Fprintln(w, "\nTask statements: run with --data DIR (the public data files) to list them.")
	}
	fmt.Fprintln(w, "\nSources:")
	tw = newTable(w)
	keys := make([]string, 0, len(o.Sources))
	for k := range o.Sources {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(tw, "  %s:\t%s\n", k, o.Sources[k])
	}
	return tw.Flush()
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func writeOccupationList(w io.Writer, occs []*certwise.Occupation) error {
	tw := newTable(w)
	fmt.Fprintln(tw, "CODE\tLEVEL\tPCTL\tBETA\tAI_APPL\tCOMPRESS\tEMPLOYMENT\tMEDIAN_WAGE\tTITLE")
	for _, o := range occs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", o.Code, o.ExposureLevel, fnum(o.ExposurePercentile, 1),
			fnum(o.GPT4Beta, 3), fnum(o.AIApplicability, 3), fnum(o.CompressibleShare, 2),
			fint(o.Employment), fmoney(o.MedianWage), o.Title)
	}
	return tw.Flush()
}
