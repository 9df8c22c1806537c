package report

import (
	"io"
	"strings"

	"github.com/certwise/certwise"
)

// Markdown writes ev as a Markdown document to share.
func Markdown(w io.Writer, ev *certwise.Evaluation) error {
	p := &errWriter{w: w}
	sum := Summarize(ev)
	p.printf("# Should I get this AI certification? %s\n\n", md(sum.Verdict))
	p.printf("**%s**\n\n", md(sum.Headline))
	p.printf("## In short\n\n")
	p.printf("- **Exposure**: %s\n", md(sum.Exposure))
	if len(sum.Concerns) == 0 {
		p.printf("- **Concerns**: none; every condition for a certification to pay off holds.\n")
	}
	for _, c := range sum.Concerns {
		p.printf("- **Concern**: %s\n", md(c))
	}
	if sum.Direction != "" {
		p.printf("- **Direction**: %s\n", md(sum.Direction))
	}
	if sum.NextStep != "" {
		p.printf("- **Next step**: %s\n", md(sum.NextStep))
	}

	if f := ev.CertificationFit; f != nil {
		p.printf("\n## %s\n\n| | |\n| --- | --- |\n", fitTitle)
		for _, r := range fitRows(f) {
			p.printf("| %s | %s |\n", r[0], cell(r[1]))
		}
		if alts := fitAlternativeLines(f); len(alts) > 0 {
			p.printf("\nBetter fits in the catalog:\n\n")
			for _, l := range alts {
				p.printf("- %s\n", md(l))
			}
		}
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

	p.printf("\n## Questions to settle before enrolling\n\n")
	for i, q := range ev.Questions {
		p.printf("%d. **%s** (%s)  \n   %s\n", i+1, md(q.Question), q.Status, md(q.Answer))
	}

	p.printf("\n## Ways to build AI positioning, best first\n\n")
	for _, a := range ev.Alternatives {
		p.printf("%d. **%s** (%s): %s\n", a.Rank, md(a.Title), label(a.Kind), md(a.Why))
	}

	p.printf("\n## Certifications\n\n")
	if len(ev.Recommendations) == 0 {
		p.printf("None ranked: certwise ranks catalog certifications only when the verdict is to pursue one, for the skills or for the signal.\n")
	} else {
		p.printf("| # | Certification | Provider | Level | Cost | Prep | Why |\n| --- | --- | --- | --- | --- | --- | --- |\n")
		for i, r := range ev.Recommendations {
			name := cell(r.Name)
			if u := linkTarget(r.URL); u != "" {
				name = "[" + name + "](" + u + ")"
			}
			p.printf("| %d | %s | %s | %s | %s | %s | %s |\n", i+1, name, cell(r.Provider), cell(r.Level), r.CostText(), hours(r.PrepHours), cell(strings.Join(r.Why, "; ")))
		}
	}

	p.printf("\n## Your exposure in detail\n\n| | |\n| --- | --- |\n")
	for _, r := range exposureRows(ev.Exposure) {
		p.printf("| %s | %s |\n", r[0], cell(r[1]))
	}

	why, passed := Decided(ev)
	p.printf("\n## How this was decided\n\n")
	for _, l := range why {
		p.printf("- %s\n", md(l))
	}
	if len(passed) > 0 {
		p.printf("- Checked first, and not the case for you: %s.\n", md(strings.Join(passed, "; ")))
	}
	for _, c := range ev.Concerns {
		p.printf("- Concern: %s Evidence: %s\n", md(c.Text), md(c.Evidence))
	}
	p.printf("\nConditions for a certification to pay off:\n\n")
	for _, l := range conditionLines(ev.Conditions) {
		p.printf("- %s\n", l)
	}

	p.printf("\n## Read more\n\n")
	for _, r := range ev.References {
		p.printf("- %s\n", referenceLine(r, md, func(s string) string { return "*" + s + "*" }))
	}
	return p.err
}

var mdEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", ">", "&gt;",
	"&", "&amp;", "[", `\[`, "]", `\]`, "#", `\#`)

// md escapes text so that user-given words stay inline and inert: no line
// break, control or bidirectional-formatting character survives (see
// inline), leading spaces that could indent a code block are trimmed, and
// every character Markdown reads as markup is escaped.
func md(s string) string { return mdEscaper.Replace(strings.TrimSpace(inline(s))) }

// cell escapes text for a table cell.
func cell(s string) string {
	return strings.ReplaceAll(md(s), "|", `\|`)
}

// inline returns s as one line of plain text: every line or paragraph
// break and tab becomes a space (see lineBreak), and characters a reader
// cannot see but that change what is shown are dropped (see hidden).
func inline(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return lineBreak(r) || hidden(r) }) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case lineBreak(r):
			b.WriteByte(' ')
		case hidden(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// lineBreak reports whether r breaks a line: CR, LF, VT, FF, NEL, U+2028,
// U+2029, or a tab, which can start an indented block after a break.
func lineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\t', '\v', '\f', 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

// hidden reports whether r is a control character (C0, DEL, C1: NUL, BEL,
// ESC, ...) or a bidirectional embedding, override, isolate or mark
// (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C), which can make
// text read in another order than it is written.
func hidden(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r <= 0x9f) ||
		(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c
}

// linkTarget returns u fit to be a link's target: an http or https URL
// with no space, control character or parenthesis that could end the link
// early or break the line; anything else gives "" (no link).
func linkTarget(u string) string {
	if !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
		return ""
	}
	for _, r := range u {
		if r == ' ' || r == '(' || r == ')' || r == '<' || r == '>' || lineBreak(r) || hidden(r) {
			return ""
		}
	}
	return u
}
