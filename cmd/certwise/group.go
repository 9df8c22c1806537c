package main

import "github.com/spf13/cobra"

// newGroupCommand returns a command that only groups its subcommands
// (certs, data, eval, roles): run alone it shows its help.
func newGroupCommand(use, short, long string, subs ...*cobra.Command) *cobra.Command {
	cmd := &cobra.Command{Use: use, Short: short, Long: long}
	cmd.AddCommand(subs...)
	return cmd
}
