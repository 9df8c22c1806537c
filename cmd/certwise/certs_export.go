package main

import (
	"github.com/spf13/cobra"

	"github.com/certwise/certwise/catalog"
)

func newCertsExportCommand(a *app) *cobra.Command {
	var format outputFormat
	cmd := &cobra.Command{
		Use:   "export --format ctdl",
		Short: "Export the catalog as CTDL JSON-LD (Credential Transparency Description Language)",
		Args:  cobra.NoArgs,
		RunE: withCatalog(func(_ *cobra.Command, _ []string, cat *catalog.Catalog) error {
			return cat.WriteCTDL(a.stdout)
		}),
	}
	addFormatFlag(cmd, &format, formatCTDL)
	return cmd
}
