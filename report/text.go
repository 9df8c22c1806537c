package report

import (
	"io"
	"strconv"
	"strings"

	"github.com/certwise/certwise"
)

// Text writes ev as a plain-text report for a terminal, wrapped at Width
// columns, with labels aligned.
func Text(w io.Writer, ev *certwise.Evaluation) error {
	p := &errWriter{w: w}
	title := "Verdict: " + strings.ToUpper(label(string(ev.Verdict)))
	p.printf("%s\n%s\n", title, strings.Repeat("=", len(title)))
	para(p, "", ev.Headline)
	p.printf("(verdict %s, decided by rule %s)\n", ev.Verdict, ev.Rule)

	section(p, "Concerns")
	if len(ev.Concerns) == 0 {
		p.printf("  none\n")
	}
	for _, c := range ev.Concerns {
		item(p, "- ", c.Text+" ["+c.ID+"]")
		para(p, "    ", "Evidence: "+c.Evidence)
	}
	section(p, "Direction")
	para(p, "  ", trajectoryLine(ev.Trajectory))

	why, passed := splitReasons(ev.Reasons)
	section(p, "Why")
	for _, r := range why {
		item(p, "- ", reasonLabel(r)+": "+r.Evidence)
	}
	if len(passed) > 0 {
		section(p, "Rules checked first, which did not apply")
		for _, r := range passed {
			item(p, "- ", r.Rule+": "+passedText(r))
		}
	}

	if f := ev.CertificationFit; f != nil {
		section(p, fitTitle)
		table(p, fitRows(f))
		if alts := fitAlternativeLines(f); len(alts) > 0 {
			para(p, "  ", "Better fits in the catalog:")
			for _, l := range alts {
				item(p, "- ", l)
			}
		}
	}

	section(p, "Conditions for a certification to pay off")
	for _, l := range conditionLines(ev.Conditions) {
		p.printf("  %s\n", l)
	}

	section(p, "Exposure")
	table(p, exposureRows(ev.Exposure))

	section(p, "Questions to settle before enrolling")
	for i, q := range ev.Questions {
		item(p, strconv.Itoa(i+1)+". ", q.Question+" ["+q.Status+"]")
		para(p, "     ", q.Answer)
	}

	section(p, "Ways to build AI positioning, best first")
	for _, a := range ev.Alternatives {
		item(p, strconv.Itoa(a.Rank)+". ", a.Title+" ("+label(a.Kind)+")")
		para(p, "     ", a.Why)
	}

	section(p, "Next steps")
	if len(ev.NextSteps) == 0 {
		p.printf("  none\n")
	}
	for i, s := range ev.NextSteps {
		item(p, strconv.Itoa(i+1)+". ", s.Action)
		if s.Why != "" {
			para(p, "     ", "Why: "+s.Why)
		}
		for _, d := range stepDetails(s) {
			item(p, "     - ", d)
		}
	}

	section(p, "Certifications")
	if len(ev.Recommendations) == 0 {
		para(p, "  ", "None ranked: certwise ranks catalog certifications only when the verdict is pursue or pursue_for_signal.")
	}
	for i, r := range ev.Recommendations {
		item(p, strconv.Itoa(i+1)+". ", r.Name+" ("+r.Provider+", "+r.Level+"): cost "+r.CostText()+", "+hours(r.PrepHours))
		if len(r.Why) > 0 {
			para(p, "     ", strings.Join(r.Why, "; "))
		}
		if r.URL != "" {
			p.printf("     %s\n", r.URL)
		}
	}

	section(p, "Read more")
	plain := func(s string) string { return s }
	for _, r := range ev.References {
		item(p, "- ", referenceLine(r, plain, plain))
	}
	return p.err
}

func section(p *errWriter, title string) {
	p.printf("\n%s\n%s\n", title, strings.Repeat("-", len(title)))
}

// para writes s wrapped, every line indented by indent.
func para(p *errWriter, indent, s string) {
	for _, l := range wrap(s, Width-len(indent)) {
		p.printf("%s%s\n", indent, l)
	}
}

// item writes s wrapped after a "  "+marker, continuation lines aligned under
// the text.
func item(p *errWriter, marker, s string) {
	indent := "  " + marker
	if strings.HasPrefix(marker, " ") {
		indent = marker
	}
	pad := strings.Repeat(" ", len(indent))
	for i, l := range wrap(s, Width-len(indent)) {
		if i == 0 {
			p.printf("%s%s\n", indent, l)
		} else {
			p.printf("%s%s\n", pad, l)
		}
	}
}

// table writes label/value rows with the values aligned and wrapped.
func table(p *errWriter, rows [][2]string) {
	n := 0
	for _, r := range rows {
		n = max(n, len(r[0]))
	}
	pad := strings.Repeat(" ", 2+n+2)
	for _, r := range rows {
		for i, l := range wrap(r[1], Width-len(pad)) {
			if i == 0 {
				p.printf("  %-*s  %s\n", n, r[0], l)
			} else {
				p.printf("%s%s\n", pad, l)
			}
		}
	}
}
