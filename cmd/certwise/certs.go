package main

import (
	"context"
	"fmt"
	"io"
	"regexp"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/catalog"
	"github.com/certwise/certwise/internal/display"
)

// socCode matches an O*NET-SOC code such as 15-2051.00.
var socCode = regexp.MustCompile(`^\d{2}-\d{4}\.\d{2}$`)

// checkOccupationCodes checks that each non-empty O*NET-SOC code (keyed by
// its flag) is an occupation of the exposure model, and suggests the nearest
// codes when it is not. Without the model the codes are taken as given.
func checkOccupationCodes(ctx context.Context, a *app, codes map[string]string) error {
	var m interface {
		Occupation(string) (*certwise.Occupation, bool)
		Nearest(string, int) []string
	}
	for _, flag := range []string{"target", "role"} {
		code := codes[flag]
		if code == "" {
			continue
		}
		if m == nil {
			model, err := a.model(ctx)
			if err != nil {
				a.logger.Warn("occupation codes not checked: exposure model unavailable", "err", err)
				return nil
			}
			m = model
		}
		if _, ok := m.Occupation(code); !ok {
			return usageError(certwise.Errorf(certwise.EINVALID, flag,
				"%s is not an O*NET-SOC occupation code; nearest: %s", code, strings.Join(m.Nearest(code, 3), ", ")))
		}
	}
	return nil
}

// resolveTarget turns --target (a code or a job title) into an O*NET-SOC
// code.
func resolveTarget(ctx context.Context, a *app, target string) (string, error) {
	if socCode.MatchString(target) {
		return target, nil
	}
	return matchTargetTitle(ctx, a, target)
}

func newCertsCommand(a *app) *cobra.Command {
	return newGroupCommand("certs",
		"Browse, compare and get recommendations from the catalog of AI certifications",
		`certs works on certwise's catalog of real AI certifications. Every entry links to
the provider's official page; a figure that could not be confirmed there is shown
as "not verified", with what secondary pages report in its notes.`,
		newCertsListCommand(a), newCertsShowCommand(a), newCertsCompareCommand(a),
		newCertsRecommendCommand(a), newCertsExportCommand(a), newCertsSkillsCommand(a))
}

// withCatalog adapts a certs subcommand that works on the catalog to a
// cobra RunE: it loads the catalog first and hands it on.
func withCatalog(run func(cmd *cobra.Command, args []string, cat *catalog.Catalog) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		cat, err := catalog.Load()
		if err != nil {
			return err
		}
		return run(cmd, args, cat)
	}
}

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

// costText shows a certification's cost compactly for a table cell: the
// official figure, the corroborated one marked "*", a single report marked
// "?", or the figures pages disagree on ("$400/$200?").
func costText(c certwise.Certification) string {
	v, verified := c.Cost()
	if amounts := c.HeadlineAmounts(); v == nil && len(amounts) > 1 {
		texts := make([]string, len(amounts))
		for i, a := range amounts {
			texts[i] = display.Cost(&a, true)
		}
		return strings.Join(texts, "/") + "?" // pages disagree
	}
	if v == nil {
		return "not verified"
	}
	if c.CostProvenance == certwise.ProvenanceCorroborated {
		return display.Cost(v, true) + "*"
	}
	return markReported(display.Cost(v, true), verified)
}

// markReported marks s, a figure's text, with "?" when only a secondary
// page gives the figure (verified is false).
func markReported(s string, verified bool) string {
	if !verified {
		s += "?"
	}
	return s
}

func hoursText(v *float64) string {
	if v == nil {
		return "-"
	}
	return display.Hours(*v)
}

// figureText shows a figure with its unit: the official one, else the one a
// secondary page reports, marked with "?", else missing.
func figureText[T int | float64](official, reported *T, unit, missing string) string {
	switch {
	case official != nil:
		return fmt.Sprintf("%v%s", *official, unit)
	case reported != nil:
		return fmt.Sprintf("%v%s?", *reported, unit)
	}
	return missing
}

// yearsText shows the validity period for the certs table and card: the
// official one, else the reported one marked with "?", else "not verified".
func yearsText(c certwise.Certification) string {
	y, verified := c.Validity()
	if y == nil {
		return "not verified"
	}
	return markReported(display.Years(*y), verified)
}

// examFigure is one figure of a certification's exam: official picks it
// from the exam the provider publishes, reported from what secondary pages
// say, and unit names what it counts.
type examFigure struct {
	unit     string
	official func(*certwise.Exam) *int
	reported func(*certwise.Reported) *int
}

var (
	examMinutes = examFigure{"minutes",
		func(e *certwise.Exam) *int { return e.Minutes }, func(r *certwise.Reported) *int { return r.ExamMinutes }}
	examQuestions = examFigure{"questions",
		func(e *certwise.Exam) *int { return e.Questions }, func(r *certwise.Reported) *int { return r.ExamQuestions }}
)

// show shows the figure with unit after the number and missing in its place
// when no page gives it.
func (f examFigure) show(c certwise.Certification, unit, missing string) string {
	var off, rep *int
	if c.Exam != nil {
		off = f.official(c.Exam)
	}
	if c.Reported != nil {
		rep = f.reported(c.Reported)
	}
	return figureText(off, rep, unit, missing)
}

// cell shows the figure in a table row that names it: "90", "90?" (only a
// secondary page reports it) or "not verified".
func (f examFigure) cell(c certwise.Certification) string { return f.show(c, "", "not verified") }

// text shows the figure in running text: "90 minutes", "90 minutes?" or
// "minutes not verified".
func (f examFigure) text(c certwise.Certification) string {
	return f.show(c, " "+f.unit, f.unit+" not verified")
}

func examText(c certwise.Certification) string {
	format := "format not verified"
	if c.Exam != nil {
		format = c.Exam.Format
	}
	return fmt.Sprintf("%s; %s; %s", format, examMinutes.text(c), examQuestions.text(c))
}

func statusText(c certwise.Certification) string {
	if c.Status == certwise.StatusRetiring {
		return "retiring on " + c.RetiresOn
	}
	return c.Status
}

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

func newCertsRecommendCommand(a *app) *cobra.Command {
	var (
		req           certwise.RecommendRequest
		target        string
		format        outputFormat
		budget, hours float64
	)
	cmd := &cobra.Command{
		Use:   "recommend --gap TEXT",
		Short: "Rank certifications for a capability gap, a target role, a budget and a time limit",
		Long: `recommend reads the capability gap you describe in your own words, maps it to the
catalog's skills vocabulary (see certs skills) and ranks certifications by skill
overlap, fit to the target role's O*NET-SOC code (exact, same 6-digit SOC code, or
same occupation group), fit to your current role, level, cost and preparation
time. Certifications over your budget or hours are left out, and listed as such.
A certification that requires a credential you do not list with --held is ranked
lower and says so.`,
		Args: cobra.NoArgs,
		RunE: withCatalog(func(cmd *cobra.Command, _ []string, cat *catalog.Catalog) error {
			if cmd.Flags().Changed("budget") {
				req.BudgetUSD = &budget
			}
			if cmd.Flags().Changed("hours") {
				req.MaxHours = &hours
			}
			matchedFrom := ""
			if target != "" {
				code, err := resolveTarget(cmd.Context(), a, target)
				if err != nil {
					return err
				}
				req.TargetCode = code
				if code != target {
					matchedFrom = target
				}
			}
			if err := checkOccupationCodes(cmd.Context(), a, map[string]string{"target": req.TargetCode, "role": req.RoleCode}); err != nil {
				return err
			}
			res, err := cat.RecommendDetailed(cmd.Context(), req)
			if err != nil {
				return err
			}
			if format == formatJSON {
				if res.Recommendations == nil {
					res.Recommendations = []certwise.Recommendation{}
				}
				return writeJSONDoc(a.stdout, res)
			}
			label := ""
			if req.TargetCode != "" {
				label = req.TargetCode + " " + occupationTitle(cmd.Context(), a, cat, req.TargetCode)
				if matchedFrom != "" {
					label += fmt.Sprintf(", matched from the title %q", matchedFrom)
				}
			}
			return writeRecommendations(a.stdout, cat, label, res)
		}),
	}
	cmd.Flags().StringVar(&req.Gap, "gap", "", "the capability gap to close, in your own words")
	cmd.Flags().StringSliceVar(&req.Skills, "skill", nil, "a skill to close: a vocabulary id (see certs skills) or your own words; repeatable")
	cmd.Flags().StringVar(&target, "target", "", "the role you are aiming for: an O*NET-SOC code (e.g. 15-2051.00) or, where the title matcher is built in, a job title")
	cmd.Flags().StringVar(&req.RoleCode, "role", "", "O*NET-SOC `CODE` of your current role")
	cmd.Flags().Float64Var(&budget, "budget", 0, "the most you will spend, in `USD`")
	cmd.Flags().Float64Var(&hours, "hours", 0, "the most preparation time you will spend, in `hours`")
	cmd.Flags().IntVar(&req.Top, "top", catalog.DefaultTop, "how many certifications to show")
	cmd.Flags().StringSliceVar(&req.Held, "held", nil, "a certification you hold, by catalog id or name (e.g. CISA); repeatable: certifications that require it are no longer flagged, and it is not recommended again")
	addFormatFlag(cmd, &format, formatText, formatJSON)
	return cmd
}

// occupationTitle returns an occupation's title from the catalog's table or,
// for codes no entry lists, from the exposure model.
func occupationTitle(ctx context.Context, a *app, cat *catalog.Catalog, code string) string {
	if t := cat.OccupationTitle(code); t != "" {
		return t
	}
	if m, err := a.model(ctx); err == nil {
		if o, ok := m.Occupation(code); ok {
			return o.Title
		}
	}
	return ""
}

// writeRecommendations writes a recommendation for a person to read;
// target describes the target role ("" when none was given).
func writeRecommendations(w io.Writer, cat *catalog.Catalog, target string, res catalog.Result) error {
	if len(res.GapSkills) > 0 {
		parts := make([]string, len(res.GapSkills))
		for i, g := range res.GapSkills {
			name := g.Skill
			if s, ok := cat.Skill(g.Skill); ok {
				name = s.Name
			}
			parts[i] = fmt.Sprintf("%s (from \"%s\")", name, strings.Join(g.Keywords, `", "`))
		}
		fmt.Fprintf(w, "Your gap reads as: %s\n", strings.Join(parts, "; "))
	}
	if target != "" {
		fmt.Fprintf(w, "Target role: %s\n", target)
	}
	fmt.Fprintln(w)
	if res.FieldNote != "" {
		fmt.Fprintln(w, res.FieldNote)
	}
	if len(res.Recommendations) == 0 {
		fmt.Fprintln(w, "No certification in the catalog fits these conditions.")
	}
	for i, r := range res.Recommendations {
		fmt.Fprintf(w, "%d. %s — %s (%s, %s), score %.1f\n", i+1, r.ID, r.Name, r.Provider, r.Level, r.Score)
		for _, why := range r.Why {
			fmt.Fprintf(w, "   - %s\n", why)
		}
		for _, p := range r.PrerequisitesToConfirm {
			fmt.Fprintf(w, "   - to confirm yourself: %s\n", p)
		}
		fmt.Fprintf(w, "   %s\n", r.URL)
	}
	if len(res.Recommendations) > 1 {
		fmt.Fprintf(w, "\nTogether: cost %s; pick one rather than collecting them\n", certwise.TotalCostText(res.Recommendations))
	}
	if len(res.Excluded) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, "Left out by your limits:")
		for _, e := range res.Excluded {
			fmt.Fprintf(w, "  - %s: %s\n", e.ID, e.Reason)
		}
	}
	return nil
}

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
