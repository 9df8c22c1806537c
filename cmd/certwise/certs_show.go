package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/catalog"
)

func newCertsShowCommand(a *app) *cobra.Command {
	var format outputFormat
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Show everything the catalog knows about one certification",
		Args:  cobra.ExactArgs(1),
		RunE: withCatalog(func(_ *cobra.Command, args []string, cat *catalog.Catalog) error {
			c, err := cat.Get(args[0])
			if err != nil {
				return err
			}
			if format == formatJSON {
				return writeJSONDoc(a.stdout, c)
			}
			return writeCert(a.stdout, cat, c)
		}),
	}
	addFormatFlag(cmd, &format, formatText, formatJSON)
	return cmd
}

func writeCert(w io.Writer, cat *catalog.Catalog, c certwise.Certification) error {
	tw := newTable(w)
	row := func(k, v string) { fmt.Fprintf(tw, "%s\t%s\n", k, v) }
	row("id", c.ID)
	row("name", c.Name)
	row("provider", c.Provider)
	row("level", c.Level)
	row("audience", strings.Join(c.Audience, ", "))
	row("status", statusText(c))
	row("cost", c.CostText())
	for _, p := range c.Prices {
		row("  fee", p.Text())
	}
	row("exam", examText(c))
	prep := hoursText(c.PrepHours)
	if c.PrepHours != nil {
		prep += " hours (estimate: " + c.PrepHoursBasis + ")"
	}
	row("preparation", prep)
	row("validity", yearsText(c))
	row("skills", strings.Join(skillNames(cat, c.Skills), ", "))
	roles := make([]string, len(c.Roles))
	for i, r := range c.Roles {
		roles[i] = r + " " + cat.OccupationTitle(r)
	}
	row("roles", strings.Join(roles, "; "))
	row("prerequisites", strings.Join(c.Prerequisites, "; "))
	for _, p := range c.HardPrerequisites {
		row("  required", p.Text)
	}
	row("recognition", strings.Join(c.Recognition, "; "))
	row("official page", c.URL)
	row("checked", c.AsOf)
	if c.Reported != nil {
		row("secondary source", c.Reported.Source+" (figures marked ? come from it)")
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(c.Notes) > 0 {
		fmt.Fprintln(w, "notes:")
		for _, n := range c.Notes {
			fmt.Fprintln(w, "  -", n)
		}
	}
	if len(c.Sources) > 0 {
		fmt.Fprintln(w, "pages checked:")
		for _, s := range c.Sources {
			fmt.Fprintln(w, "  -", s)
		}
	}
	return nil
}

func skillNames(cat *catalog.Catalog, ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id
		if s, ok := cat.Skill(id); ok {
			out[i] = s.Name
		}
	}
	return out
}
