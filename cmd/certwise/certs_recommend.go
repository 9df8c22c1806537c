package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/catalog"
)

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
