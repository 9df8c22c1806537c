package http

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/internal/display"
	"github.com/certwise/certwise/report"
)

// templateFuncs are the helpers every template may call.
var templateFuncs = template.FuncMap{
	"pct":   pct,
	"skill": func(id string) string { return id }, // the server binds the catalog's names
	"whole": whole,
	"hours": hours,
	// change says a change already in percent, with its sign: "+3.2%".
	"change": display.Change,
	"nth":    ordinal,
	"deref": func(p *float64) float64 {
		if p == nil {
			return 0
		}
		return *p
	},
	"num":      num,
	"wage":     wage,
	"humanize": humanize,
	"verdict":  report.VerdictWords,
	"workMix":  workMixSVG,
	"classLbl": func(c certwise.WorkClass) string { return workClassLabels[c] },
	"join":     strings.Join,
	"add":      func(a, b int) int { return a + b },
	"checked":  func(b bool) template.HTMLAttr { return boolAttr(b, "checked") },
	"selected": func(b bool) template.HTMLAttr { return boolAttr(b, "selected") },
	"ask":      func(v stepView, q questionView) askView { return askView{v, q} },
	"intp":     intp,
	"int64p":   func(p *int64) string { return orDash(p, display.Int) },
}

func boolAttr(b bool, name string) template.HTMLAttr {
	if b {
		return template.HTMLAttr(name)
	}
	return ""
}

// pct formats a 0..1 share (or a pointer to one) as a percentage; nil is a
// dash, since a missing figure is not zero.
func pct(v any) string {
	switch x := v.(type) {
	case float64:
		return display.Percent(x)
	case *float64:
		return orDash(x, display.Percent)
	}
	return "—"
}

// orDash formats an optional figure with f, or shows a dash when it is
// missing, since a missing figure is not zero.
func orDash[T any](p *T, f func(T) string) string {
	if p == nil {
		return "—"
	}
	return f(*p)
}

// num formats an optional figure with two decimals.
func num(p *float64) string {
	return orDash(p, func(v float64) string { return fmt.Sprintf("%.2f", v) })
}

// wage formats an optional annual wage in whole US dollars.
func wage(p *float64) string {
	if p == nil {
		return "not published"
	}
	return display.WholeDollars(*p)
}

// intp formats an optional whole number such as a job zone.
func intp(p *int) string { return orDash(p, strconv.Itoa) }

// humanize turns an identifier such as "owns_measurable_outcomes" into
// "Owns measurable outcomes".
func humanize(v any) string {
	s := strings.ReplaceAll(fmt.Sprint(v), "_", " ")
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// whole formats an optional figure as a whole number.
func whole(p *float64) string {
	return orDash(p, func(v float64) string { return fmt.Sprintf("%.0f", v) })
}

// hours formats optional preparation hours.
func hours(p *float64) string {
	return orDash(p, display.HoursShort)
}

// ordinal formats an optional percentile (0..100) as "87th".
func ordinal(p *float64) string {
	if p == nil {
		return "—"
	}
	n := int(*p + 0.5)
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return fmt.Sprintf("%d%s", n, suffix)
}
