package exposure

import (
	"math"
	"sort"

	"github.com/certwise/certwise"
)

// levelShare is the share of workers at each end of the employment-weighted
// GPT-4 beta distribution: at most a third of workers is low and at most a
// third high (before the fixed bounds apply).
const levelShare = 1.0 / 3

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
	th := Thresholds{Low: AlwaysLow, High: AlwaysHigh}
	if len(dist) > 0 {
		th.Low = math.Max(lowCut(dist, total), AlwaysLow)
		th.High = math.Min(highCut(dist, total), AlwaysHigh)
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
// moderate or high; structural also needs the work mix): low at or below
// th.Low or AlwaysLow, high at or above th.High or AlwaysHigh.
func Level(beta float64, th Thresholds) certwise.ExposureLevel {
	switch {
	case beta <= AlwaysLow:
		return certwise.ExposureLow
	case beta >= AlwaysHigh:
		return certwise.ExposureHigh
	case beta <= th.Low:
		return certwise.ExposureLow
	case beta >= th.High:
		return certwise.ExposureHigh
	}
	return certwise.ExposureModerate
}

// lowCut is the largest beta at or below which lie at most levelShare of
// the workers (the smallest beta when even it holds more).
func lowCut(dist []weighted, total float64) float64 {
	cut := dist[0].beta
	var cum float64
	for i, d := range dist {
		cum += d.w
		if i+1 < len(dist) && dist[i+1].beta == d.beta {
			continue // the whole tie is on one side
		}
		if cum > levelShare*total*(1+1e-12) {
			break
		}
		cut = d.beta
	}
	return cut
}

// highCut is the smallest beta at or above which lie at most levelShare of
// the workers (the largest beta when even it holds more).
func highCut(dist []weighted, total float64) float64 {
	cut := dist[len(dist)-1].beta
	var cum float64
	for i := len(dist) - 1; i >= 0; i-- {
		d := dist[i]
		cum += d.w
		if i > 0 && dist[i-1].beta == d.beta {
			continue
		}
		if cum > levelShare*total*(1+1e-12) {
			break
		}
		cut = d.beta
	}
	return cut
}
