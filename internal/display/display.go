// Package display formats figures for people to read, the one wording that
// every certwise front end (the CLI, the text and Markdown reports, the web
// pages and the advice and reasons they print) uses for counts, money,
// costs, validity periods, preparation hours, percentages and lists.
//
// The domain types at the module root carry figures only; how a figure reads
// is decided here, once.
package display

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Dollars formats an amount in US dollars with its whole part grouped in
// thousands: whole dollars without decimals ("$1,250"), any other amount with
// two ("$99.50"), so that no price is rounded to whole dollars unseen.
func Dollars(v float64) string {
	if v == math.Trunc(v) {
		return "$" + Float(v, 0)
	}
	return "$" + Float(v, 2)
}

// Cost says a certification's cost in US dollars: "not confirmed" for a nil
// cost, "free" for zero, else the amount as Dollars gives it, followed by
// " (reported, unverified)" when only a secondary page gives the figure
// (verified is false).
func Cost(cost *float64, verified bool) string {
	if cost == nil {
		return "not confirmed"
	}
	s := "free"
	if *cost != 0 {
		s = Dollars(*cost)
	}
	return Reported(s, verified)
}

// Reported follows s, a figure's text, with " (reported, unverified)" when
// only a secondary page gives the figure (verified is false).
func Reported(s string, verified bool) string {
	if !verified {
		s += " (reported, unverified)"
	}
	return s
}

// Years says a number of years: "1 year", "1.5 years", "3 years".
func Years(y float64) string {
	if y == 1 {
		return "1 year"
	}
	return strconv.FormatFloat(y, 'f', -1, 64) + " years"
}

// Validity says how long a certification stays valid: the period as Years
// gives it, followed by " (reported, unverified)" when only a secondary page
// gives it, or "not confirmed" when nothing does (the wording of Cost).
func Validity(years *float64, verified bool) string {
	if years == nil {
		return "not confirmed"
	}
	return Reported(Years(*years), verified)
}

// Hours formats a number of hours without its unit: whole hours without
// decimals ("40", "1,200"), any other amount rounded to one decimal ("12.5").
func Hours(h float64) string {
	return Float(math.Round(h*10)/10, -1)
}

// HoursShort formats a number of hours with the short unit: "40 h".
func HoursShort(h float64) string { return Hours(h) + " h" }

// Percent formats a share between 0 and 1 as a whole percentage: 0.374 is
// "37%".
func Percent(share float64) string { return PercentDigits(share, 0) }

// PercentDigits formats a share between 0 and 1 as a percentage with digits
// decimals: PercentDigits(0.374, 1) is "37.4%".
func PercentDigits(share float64, digits int) string {
	return strconv.FormatFloat(share*100, 'f', digits, 64) + "%"
}

// Change formats a change already in percent with its sign and one decimal:
// 3.25 is "+3.2%", -1 is "-1.0%".
func Change(pct float64) string { return fmt.Sprintf("%+.1f%%", pct) }

// OrList joins words as "a", "a or b", "a, b or c".
func OrList(words []string) string { return joinList(words, "or") }

// AndList joins words as "a", "a and b", "a, b and c".
func AndList(words []string) string { return joinList(words, "and") }

func joinList(words []string, conj string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " " + conj + " " + words[len(words)-1]
}

// WholeDollars formats an amount in US dollars rounded to whole dollars and
// grouped in thousands, for figures such as wages that are never shown to
// the cent: "$120,730".
func WholeDollars(v float64) string { return "$" + Float(v, 0) }
