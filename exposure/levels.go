package exposure

import (
	"math"
	"sort"

	"github.com/certwise/certwise"
)

// Quantiles of the employment-weighted GPT-4 beta distribution that separate
// the levels: the lower third of workers is low, the upper third high.
const (
	lowQuantile  = 1.0 / 3
	highQuantile = 2.0 / 3
)

// weighted is one occupation's beta with its share of employment.
type weighted struct {
	beta, w float64
}

// assignLevels sets ExposureLevel and ExposurePercentile on every occupation
// and returns the thresholds it used.
//
// Each occupation weighs its SOC code's employment divided by the number of
// O*NET-SOC occupations of that SOC code that have a beta, so that a SOC code
// split into several O*NET occupations is not counted several times.
// Occupations without employment are not part of the distribution but still
// get a level and a percentile against it.
func assignLevels(occs []*certwise.Occupation) Thresholds {
	perSOC := map[string]int{}
	for _, o := range occs {
		if o.GPT4Beta != nil {
			perSOC[o.SOC]++
		}
	}
	var dist []weighted
	var total float64
	for _, o := range occs {
		if o.GPT4Beta == nil || o.Employment == nil || *o.Employment <= 0 {
			continue
		}
		w := float64(*o.Employment) / float64(perSOC[o.SOC])
		dist = append(dist, weighted{*o.GPT4Beta, w})
	}
	sort.SliceStable(dist, func(i, j int) bool { return dist[i].beta < dist[j].beta })
	for _, d := range dist {
		total += d.w
	}
	th := Thresholds{
		Low:  math.Max(quantile(dist, total, lowQuantile), AlwaysLow),
		High: math.Min(quantile(dist, total, highQuantile), AlwaysHigh),
	}
	if th.High < th.Low {
		th.High = th.Low
	}
	for _, o := range occs {
		if o.GPT4Beta == nil {
			o.ExposureLevel = certwise.ExposureUnknown
			continue
		}
		b := *o.GPT4Beta
		o.ExposureLevel = Level(b, th)
		if o.ExposureLevel == certwise.ExposureHigh && o.CompressibleShare != nil && *o.CompressibleShare >= certwise.CompressibleThreshold {
			o.ExposureLevel = certwise.ExposureStructural
		}
		if total > 0 {
			var below, equal float64
			for _, d := range dist {
				switch {
				case d.beta < b:
					below += d.w
				case d.beta == b:
					equal += d.w
				}
			}
			p := 100 * (below + equal/2) / total
			p = math.Round(p*10) / 10
			o.ExposurePercentile = &p
		}
	}
	return th
}

// Level is the exposure level of a GPT-4 beta under the thresholds (low,
// moderate or high; structural also needs the work mix).
func Level(beta float64, th Thresholds) certwise.ExposureLevel {
	switch {
	case beta <= AlwaysLow:
		return certwise.ExposureLow
	case beta >= AlwaysHigh:
		return certwise.ExposureHigh
	case beta < th.Low:
		return certwise.ExposureLow
	case beta >= th.High:
		return certwise.ExposureHigh
	}
	return certwise.ExposureModerate
}

// quantile returns the smallest beta at which the cumulative weight reaches
// q of the total.
func quantile(dist []weighted, total, q float64) float64 {
	if len(dist) == 0 {
		return 0
	}
	var cum float64
	for _, d := range dist {
		cum += d.w
		if cum >= q*total {
			return d.beta
		}
	}
	return dist[len(dist)-1].beta
}
