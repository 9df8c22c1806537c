package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/certwise/certwise/catalog"
)

func newCertsSkillsCommand(a *app) *cobra.Command {
	var format outputFormat
	cmd := &cobra.Command{
		Use:   "skills",
		Short: "List the skills vocabulary that gaps are mapped to",
		Args:  cobra.NoArgs,
		RunE: withCatalog(func(_ *cobra.Command, _ []string, cat *catalog.Catalog) error {
			if format == formatJSON {
				return writeJSONDoc(a.stdout, cat.Skills())
			}
			tw := newTable(a.stdout)
			for _, s := range cat.Skills() {
				fmt.Fprintf(tw, "%s\t%s\n", s.ID, s.Description)
			}
			return tw.Flush()
		}),
	}
	addFormatFlag(cmd, &format, formatText, formatJSON)
	return cmd
}
