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
	sum := Summarize(ev)
	title := "Verdict: " + sum.Verdict
	p.printf("%s\n%s\n", title, strings.Repeat("=", len(title)))
	para(p, "", sum.Headline)

	section(p, "In short")
	item(p, "- ", "Exposure: "+sum.Exposure)
	if len(sum.Concerns) == 0 {
		item(p, "- ", "Concerns: none; every condition for a certification to pay off holds.")
	}
	for _, c := range sum.Concerns {
		item(p, "- ", "Concern: "+c)
	}
	if sum.Direction != "" {
		item(p, "- ", "Direction: "+sum.Direction)
	}
	if sum.NextStep != "" {
		item(p, "- ", "Next step: "+sum.NextStep)
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

	section(p, "Certifications")
	if len(ev.Recommendations) == 0 {
		para(p, "  ", "None ranked: certwise ranks catalog certifications only when the verdict is to pursue one, for the skills or for the signal.")
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

	section(p, "Your exposure in detail")
	table(p, exposureRows(ev.Exposure))

	why, passed := Decided(ev)
	section(p, "How this was decided")
	for _, l := range why {
		item(p, "- ", l)
	}
	if len(passed) > 0 {
		item(p, "- ", "Checked first, and not the case for you: "+strings.Join(passed, "; ")+".")
	}
	for _, c := range ev.Concerns {
		item(p, "- ", "Concern, "+c.Text+" Evidence: "+c.Evidence)
	}
	p.printf("\n  Conditions for a certification to pay off:\n")
	for _, l := range conditionLines(ev.Conditions) {
		mark, text, _ := strings.Cut(l, "] ")
		item(p, mark+"] ", text)
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
