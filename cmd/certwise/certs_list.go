package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/catalog"
)

func newCertsListCommand(a *app) *cobra.Command {
	var f certwise.CatalogFilter
	var maxCost float64
	var format outputFormat
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List certifications, optionally filtered",
		Args:  cobra.NoArgs,
		RunE: withCatalog(func(cmd *cobra.Command, _ []string, cat *catalog.Catalog) error {
			if cmd.Flags().Changed("max-cost") {
				f.MaxCostUSD = &maxCost
			}
			certs, err := cat.Certifications(cmd.Context(), f)
			if err != nil {
				return err
			}
			if certs == nil {
				certs = []certwise.Certification{} // [] in JSON, not null
			}
			return writeResult(a.stdout, format, certs, certs,
				func() error { return writeCertList(a.stdout, certs, cat.Len()) })
		}),
	}
	cmd.Flags().StringVar(&f.Skill, "skill", "", "only certifications covering this skill id (see certs skills)")
	cmd.Flags().StringVar(&f.Level, "level", "", "only this level: foundational, associate, professional or specialty")
	cmd.Flags().StringVar(&f.Provider, "provider", "", "only this provider (id or name, e.g. aws)")
	cmd.Flags().StringVar(&f.Audience, "audience", "", "only this audience: builders, data, business or governance")
	cmd.Flags().Float64Var(&maxCost, "max-cost", 0, "only certifications whose verified cost is at most `USD`")
	addFormatFlag(cmd, &format)
	return cmd
}

// writeCertList writes the table of certs list, with how many of the
// catalog's total entries it shows.
func writeCertList(w io.Writer, certs []certwise.Certification, total int) error {
	tw := newTable(w)
	fmt.Fprintln(tw, "ID\tLEVEL\tPROVIDER\tCOST\tPREP H\tNAME")
	for _, c := range certs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", c.ID, c.Level, c.Provider, costText(c), hoursText(c.PrepHours), c.Name)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "%d of %d certifications; \"*\" marks a cost two or more independent pages agree on, \"?\" a figure only secondary pages report\n", len(certs), total)
	return err
}
