package http

import (
	"fmt"
	"html/template"
	"math"
	"sort"
	"strings"
	"sync"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/internal/display"
)

// workClassColors gives each work class a color with enough contrast on
// white; the compressible classes are warm, the others cool.
var workClassColors = map[certwise.WorkClass]string{
	certwise.Reporting:    "#b4451f",
	certwise.Coordination: "#d98a1c",
	certwise.Analysis:     "#2f6fb0",
	certwise.SystemDesign: "#5b4bb3",
	certwise.Relationship: "#2d8a6a",
	certwise.HandsOn:      "#6b7280",
}

// workClassLabels are the work classes in plain words.
var workClassLabels = map[certwise.WorkClass]string{
	certwise.Reporting:    "Reporting",
	certwise.Coordination: "Coordination",
	certwise.Analysis:     "Analysis",
	certwise.SystemDesign: "System design",
	certwise.Relationship: "Relationships",
	certwise.HandsOn:      "Hands-on work",
}

// Chart geometry: the charts are drawn in a viewBox as wide as a phone's
// content column and the stylesheet caps their width, so the 13-unit text
// never shows below 12 px from a 390 px screen up (svg.chart in style.css).
const (
	chartWidth = 340.0
	chartFont  = 13
)

// workMixSVG draws a work mix as one stacked bar with a legend below it.
// The shares are written in the legend only, so the dashed half-way line
// never crosses a label. The text alternative lists every share, so the
// picture adds nothing a screen reader misses.
func workMixSVG(mix certwise.WorkMix) template.HTML {
	total := 0.0
	for _, c := range certwise.WorkClasses {
		total += mix[c]
	}
	if total <= 0 {
		return ""
	}
	const barY, barH, rowH = 4.0, 32.0, 22.0
	var alt []string
	var b strings.Builder
	x := 0.0
	for _, c := range certwise.WorkClasses {
		share := mix[c] / total
		if share <= 0 {
			continue
		}
		alt = append(alt, workClassLabels[c]+" "+display.Percent(share))
		w := share * chartWidth
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.0f" width="%.1f" height="%.0f" fill="%s"><title>%s %s</title></rect>`,
			x, barY, w, barH, workClassColors[c], workClassLabels[c], display.Percent(share))
		x += w
	}
	mid := chartWidth * certwise.CompressibleThreshold
	fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="0" y2="%.0f" stroke="#111827" stroke-width="2" stroke-dasharray="4 3"/>`,
		mid, mid, barY+barH+4)
	// Legend: two per row, in the bar's order.
	top := barY + barH + 14
	for i, c := range certwise.WorkClasses {
		lx := float64(i%2) * chartWidth / 2
		ly := top + float64(i/2)*rowH
		fmt.Fprintf(&b, `<rect x="%.0f" y="%.0f" width="14" height="14" fill="%s"/><text x="%.0f" y="%.0f" font-size="%d" fill="#1f2937">%s %s</text>`,
			lx, ly, workClassColors[c], lx+20, ly+12, chartFont, workClassLabels[c], display.Percent(mix[c]/total))
	}
	height := top + float64((len(certwise.WorkClasses)+1)/2)*rowH
	label := template.HTMLEscapeString("Work mix: " + strings.Join(alt, ", "))
	return template.HTML(fmt.Sprintf(`<svg class="chart" viewBox="0 0 %.0f %.0f" role="img" aria-label="%s"><title>%s</title>%s</svg>`,
		chartWidth, height, label, label, b.String()))
}

// exposureStrip is the distribution of GPT-4 β exposure over every
// occupation with a figure, computed once per server.
type exposureStrip struct {
	bins  [20]int
	n     int
	betas []float64 // sorted, to count the occupations below a value
}

type stripOnce struct {
	once  sync.Once
	strip exposureStrip
	svgs  sync.Map // occupation code → template.HTML: the chart depends on the code alone
}

func (s *Server) exposureDistribution() *exposureStrip {
	s.strip.once.Do(func() {
		for _, o := range s.Occupations.Occupations() {
			if o.GPT4Beta == nil {
				continue
			}
			i := int(*o.GPT4Beta * 20)
			i = max(0, min(i, 19))
			s.strip.strip.bins[i]++
			s.strip.strip.n++
			s.strip.strip.betas = append(s.strip.strip.betas, *o.GPT4Beta)
		}
		sort.Float64s(s.strip.strip.betas)
	})
	return &s.strip.strip
}

// exposureSVG draws the distribution of exposure over all occupations as a
// histogram and marks where occ falls.
func (s *Server) exposureSVG(occ *certwise.Occupation) template.HTML {
	if occ == nil || occ.GPT4Beta == nil {
		return ""
	}
	if v, ok := s.strip.svgs.Load(occ.Code); ok {
		return v.(template.HTML)
	}
	svg := s.drawExposure(occ)
	s.strip.svgs.Store(occ.Code, svg)
	return svg
}

func (s *Server) drawExposure(occ *certwise.Occupation) template.HTML {
	d := s.exposureDistribution()
	if d.n == 0 {
		return ""
	}
	// The marker's label sits above the bars, the axis below them.
	const top, plotH = 24.0, 90.0
	peak := 0
	for _, c := range d.bins {
		peak = max(peak, c)
	}
	var b strings.Builder
	bw := chartWidth / 20
	for i, c := range d.bins {
		h := float64(c) / float64(peak) * plotH
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="#cbd5e1"><title>%d–%d%% of task time: %d occupations</title></rect>`,
			float64(i)*bw+0.5, top+plotH-h, bw-1, h, i*5, (i+1)*5, c)
	}
	beta := math.Max(0, math.Min(1, *occ.GPT4Beta))
	mx := beta * chartWidth
	fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="%.0f" y2="%.0f" stroke="#b4451f" stroke-width="3"/>`, mx, mx, top-6, top+plotH)
	anchor, tx := "middle", mx
	switch {
	case mx < 80:
		anchor, tx = "start", math.Max(mx-2, 0)
	case mx > chartWidth-80:
		anchor, tx = "end", math.Min(mx+2, chartWidth)
	}
	fmt.Fprintf(&b, `<text x="%.1f" y="%.0f" font-size="%d" fill="#b4451f" text-anchor="%s">this role: %s</text>`, tx, top-10, chartFont, anchor, display.Percent(beta))
	for _, t := range []float64{0, 0.5, 1} {
		anchor := "middle"
		if t == 0 {
			anchor = "start"
		} else if t == 1 {
			anchor = "end"
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%.0f" font-size="%d" fill="#374151" text-anchor="%s">%s</text>`, t*chartWidth, top+plotH+16, chartFont, anchor, display.Percent(t))
	}
	fmt.Fprintf(&b, `<text x="%.1f" y="%.0f" font-size="%d" fill="#374151" text-anchor="middle">Share of task time AI could speed up</text>`,
		chartWidth/2, top+plotH+34, chartFont)
	fmt.Fprintf(&b, `<text x="%.1f" y="%.0f" font-size="%d" fill="#374151" text-anchor="middle">(GPT-4 exposure, %d occupations)</text>`,
		chartWidth/2, top+plotH+52, chartFont, d.n)
	below := sort.SearchFloat64s(d.betas, *occ.GPT4Beta) // occupations strictly below
	label := template.HTMLEscapeString(fmt.Sprintf("AI could speed up %s of the task time of %s, more than in %d of %d occupations.",
		display.Percent(*occ.GPT4Beta), occ.Title, below, d.n))
	return template.HTML(fmt.Sprintf(`<svg class="chart" viewBox="0 0 %.0f %.0f" role="img" aria-label="%s"><title>%s</title>%s</svg>`,
		chartWidth, top+plotH+60, label, label, b.String()))
}
