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

// workMixSVG draws a work mix as one stacked bar with a legend. The text
// alternative lists every share, so the picture adds nothing a screen
// reader misses.
func workMixSVG(mix certwise.WorkMix) template.HTML {
	total := 0.0
	for _, c := range certwise.WorkClasses {
		total += mix[c]
	}
	if total <= 0 {
		return ""
	}
	const width, barH = 640.0, 36.0
	var alt []string
	var b strings.Builder
	x := 0.0
	for _, c := range certwise.WorkClasses {
		share := mix[c] / total
		if share <= 0 {
			continue
		}
		alt = append(alt, workClassLabels[c]+" "+display.Percent(share))
		w := share * width
		fmt.Fprintf(&b, `<rect x="%.1f" y="0" width="%.1f" height="%.0f" fill="%s"><title>%s %s</title></rect>`,
			x, w, barH, workClassColors[c], workClassLabels[c], display.Percent(share))
		if w > 38 {
			fmt.Fprintf(&b, `<text x="%.1f" y="23" fill="#fff" font-size="13" text-anchor="middle">%s</text>`, x+w/2, display.Percent(share))
		}
		x += w
	}
	// Legend: three per row.
	for i, c := range certwise.WorkClasses {
		lx := float64(i%3) * 214
		ly := barH + 16 + float64(i/3)*22
		fmt.Fprintf(&b, `<rect x="%.0f" y="%.0f" width="14" height="14" fill="%s"/><text x="%.0f" y="%.0f" font-size="13" fill="#1f2937">%s %s</text>`,
			lx, ly, workClassColors[c], lx+20, ly+12, workClassLabels[c], display.Percent(mix[c]/total))
	}
	line := barH + 12
	fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="0" y2="%.0f" stroke="#111827" stroke-width="2" stroke-dasharray="4 3"/>`,
		width*certwise.CompressibleThreshold, width*certwise.CompressibleThreshold, line-8)
	label := template.HTMLEscapeString("Work mix: " + strings.Join(alt, ", "))
	return template.HTML(fmt.Sprintf(`<svg class="chart" viewBox="0 0 %.0f %.0f" role="img" aria-label="%s"><title>%s</title>%s</svg>`,
		width, barH+62, label, label, b.String()))
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
	const width, height, plotH = 640.0, 150.0, 100.0
	peak := 0
	for _, c := range d.bins {
		peak = max(peak, c)
	}
	var b strings.Builder
	bw := width / 20
	for i, c := range d.bins {
		h := float64(c) / float64(peak) * plotH
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="#cbd5e1"><title>β %.2f–%.2f: %d occupations</title></rect>`,
			float64(i)*bw+1, plotH-h, bw-2, h, float64(i)/20, float64(i+1)/20, c)
	}
	beta := math.Max(0, math.Min(1, *occ.GPT4Beta))
	mx := beta * width
	fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="0" y2="%.0f" stroke="#b4451f" stroke-width="3"/>`, mx, mx, plotH)
	anchor := "start"
	tx := mx + 6
	if beta > 0.6 {
		anchor, tx = "end", mx-6
	}
	fmt.Fprintf(&b, `<text x="%.1f" y="14" font-size="13" fill="#b4451f" text-anchor="%s">this role: β %.2f</text>`, tx, anchor, beta)
	for _, t := range []float64{0, 0.25, 0.5, 0.75, 1} {
		anchor := "middle"
		if t == 0 {
			anchor = "start"
		} else if t == 1 {
			anchor = "end"
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%.0f" font-size="12" fill="#374151" text-anchor="%s">%.2f</text>`, t*width, plotH+18, anchor, t)
	}
	fmt.Fprintf(&b, `<text x="%.1f" y="%.0f" font-size="12" fill="#374151" text-anchor="middle">GPT-4 exposure β (share of task time exposed) across %d occupations</text>`,
		width/2, plotH+40, d.n)
	below := sort.SearchFloat64s(d.betas, *occ.GPT4Beta) // occupations strictly below
	label := template.HTMLEscapeString(fmt.Sprintf("%s has GPT-4 exposure β %.2f, higher than %d of %d occupations.",
		occ.Title, *occ.GPT4Beta, below, d.n))
	return template.HTML(fmt.Sprintf(`<svg class="chart" viewBox="0 0 %.0f %.0f" role="img" aria-label="%s"><title>%s</title>%s</svg>`,
		width, height, label, label, b.String()))
}
