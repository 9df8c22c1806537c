package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/catalog"
)

func newCertsCompareCommand(a *app) *cobra.Command {
	var format outputFormat
	cmd := &cobra.Command{
		Use:   "compare ID ID [ID...]",
		Short: "Compare certifications side by side",
		Args:  cobra.MinimumNArgs(2),
		RunE: withCatalog(func(_ *cobra.Command, args []string, cat *catalog.Catalog) error {
			certs, err := cat.Compare(args...)
			if err != nil {
				return err
			}
			if format == formatJSON {
				return writeJSONDoc(a.stdout, certs)
			}
			tw := tabwriter.NewWriter(a.stdout, 0, 0, 3, ' ', 0)
			row := func(label string, cell func(certwise.Certification) string) {
				cells := []string{label}
				for _, c := range certs {
					cells = append(cells, cell(c))
				}
				fmt.Fprintln(tw, strings.Join(cells, "\t"))
			}
			row("", func(c certwise.Certification) string { return c.ID })
			row("provider", func(c certwise.Certification) string { return c.Provider })
			row("level", func(c certwise.Certification) string { return c.Level })
			row("audience", func(c certwise.Certification) string { return strings.Join(c.Audience, ", ") })
			row("status", statusText)
			row("cost", func(c certwise.Certification) string { return costText(c) })
			row("exam minutes", examMinutes.cell)
			row("exam questions", examQuestions.cell)
			row("prep hours (est.)", func(c certwise.Certification) string { return hoursText(c.PrepHours) })
			row("validity", yearsText)
			// Skills: one row per skill in any of the certifications.
			seen := map[string]bool{}
			for _, c := range certs {
				for _, s := range c.Skills {
					if seen[s] {
						continue
					}
					seen[s] = true
					row("skill: "+s, func(c certwise.Certification) string {
						for _, cs := range c.Skills {
							if cs == s {
								return "yes"
							}
						}
						return "-"
					})
				}
			}
			row("roles", func(c certwise.Certification) string { return strings.Join(c.Roles, " ") })
			if err := tw.Flush(); err != nil {
				return err
			}
			fmt.Fprintln(a.stdout)
			for _, c := range certs {
				fmt.Fprintf(a.stdout, "%s: %s\n  %s\n", c.ID, c.Name, c.URL)
			}
			return nil
		}),
	}
	addFormatFlag(cmd, &format, formatText, formatJSON)
	return cmd
}
