package report

import (
	"io"
	"strings"

	"github.com/certwise/certwise"
)

// Markdown writes ev as a Markdown document to share.
func Markdown(w io.Writer, ev *certwise.Evaluation) error {
	p := &errWriter{w: w}
	p.printf("# Should I get this AI certification? Verdict: %s\n\n", label(string(ev.Verdict)))
	p.printf("**%s**\n\n", md(ev.Headline))
	p.printf("Verdict `%s`, decided by rule `%s`.\n", ev.Verdict, ev.Rule)

	p.printf("\n## Concerns\n\n")
	if len(ev.Concerns) == 0 {
		p.printf("None.\n")
	}
	for _, c := range ev.Concerns {
		p.printf("- **%s** (`%s`). Evidence: %s\n", md(c.Text), c.ID, md(c.Evidence))
	}
	p.printf("\n## Direction\n\n%s\n", md(trajectoryLine(ev.Trajectory)))

	why, passed := splitReasons(ev.Reasons)
	p.printf("\n## Why\n\n")
	for _, r := range why {
		p.printf("- **%s**: %s\n", md(reasonLabel(r)), md(r.Evidence))
	}
	if len(passed) > 0 {
		p.printf("\n## Rules checked first, which did not apply\n\n")
		for _, r := range passed {
			p.printf("- `%s`: %s\n", r.Rule, md(passedText(r)))
		}
	}

	p.printf("\n## Conditions for a certification to pay off\n\n")
	for _, l := range conditionLines(ev.Conditions) {
		p.printf("- %s\n", l)
	}

	p.printf("\n## Exposure\n\n| | |\n| --- | --- |\n")
	for _, r := range exposureRows(ev.Exposure) {
		p.printf("| %s | %s |\n", r[0], cell(r[1]))
	}

	p.printf("\n## Questions to settle before enrolling\n\n")
	for i, q := range ev.Questions {
		p.printf("%d. **%s** (%s)  \n   %s\n", i+1, md(q.Question), q.Status, md(q.Answer))
	}

	p.printf("\n## Ways to build AI positioning, best first\n\n")
	for _, a := range ev.Alternatives {
		p.printf("%d. **%s** (%s): %s\n", a.Rank, md(a.Title), label(a.Kind), md(a.Why))
	}

	p.printf("\n## Next steps\n\n")
	if len(ev.NextSteps) == 0 {
		p.printf("None.\n")
	}
	for i, s := range ev.NextSteps {
		p.printf("%d. **%s**", i+1, md(strings.TrimSuffix(s.Action, ".")))
		if s.Why != "" {
			p.printf(": %s", md(s.Why))
		}
		p.printf("\n")
		for _, d := range stepDetails(s) {
			p.printf("   - %s\n", md(d))
		}
	}

	p.printf("\n## Certifications\n\n")
	if len(ev.Recommendations) == 0 {
		p.printf("None ranked: certwise ranks catalog certifications only when the verdict is `pursue` or `pursue_for_signal`.\n")
	} else {
		p.printf("| # | Certification | Provider | Level | Cost | Prep | Why |\n| --- | --- | --- | --- | --- | --- | --- |\n")
		for i, r := range ev.Recommendations {
			name := cell(r.Name)
			if r.URL != "" {
				name = "[" + name + "](" + r.URL + ")"
			}
			p.printf("| %d | %s | %s | %s | %s | %s | %s |\n", i+1, name, cell(r.Provider), cell(r.Level), r.CostText(), hours(r.PrepHours), cell(strings.Join(r.Why, "; ")))
		}
	}

	p.printf("\n## Read more\n\n")
	for _, r := range ev.References {
		p.printf("- %s\n", referenceLine(r, md, func(s string) string { return "*" + s + "*" }))
	}
	return p.err
}

var mdEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", ">", "&gt;", "[", `\[`, "]", `\]`)

// md escapes text so that user-given words cannot turn into markup.
func md(s string) string { return mdEscaper.Replace(s) }

// cell escapes text for a table cell.
func cell(s string) string {
	return strings.ReplaceAll(md(strings.ReplaceAll(s, "\n", " ")), "|", `\|`)
}
