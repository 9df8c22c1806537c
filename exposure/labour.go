package exposure

import (
	"fmt"
	"sort"
	"strings"
)

// labourFig is what BLS OEWS says about one 6-digit SOC code.
type labourFig struct {
	employment *int64
	wage       *float64
	source     string // how employment was found
	wageSource string // how the median wage was found
}

// aggregates finds, for each SOC code O*NET uses that BLS OEWS does not
// publish, the OEWS code that stands for it. BLS publishes some SOC codes
// only combined: 13-1020 for 13-1021, 13-1022 and 13-1023; 21-1018 for 21-1011
// and 21-1014; 53-1047 for 53-1042 to 53-1049. The stand-in is the OEWS code
// with the same first six characters that O*NET does not use itself,
// preferring a detailed row to a broad one; where there is none or more than
// one, the code has no stand-in. It returns the stand-ins and, per stand-in,
// the SOC codes it stands for.
func aggregates(rows []OEWSRow, socs []string) (map[string]string, map[string][]string) {
	used := map[string]bool{}
	for _, s := range socs {
		used[s] = true
	}
	inOEWS := map[string]bool{}
	for _, r := range rows {
		inOEWS[r.Code] = true
	}
	sorted := make([]string, 0, len(used))
	for s := range used {
		sorted = append(sorted, s)
	}
	sort.Strings(sorted)
	standIn := map[string]string{}
	members := map[string][]string{}
	for _, s := range sorted {
		if inOEWS[s] || len(s) != 7 {
			continue
		}
		var detailed, broad []string
		for _, r := range rows {
			if r.Code[:6] != s[:6] || used[r.Code] {
				continue
			}
			switch r.Group {
			case "detailed":
				detailed = append(detailed, r.Code)
			case "broad":
				broad = append(broad, r.Code)
			}
		}
		cands := detailed
		if len(cands) == 0 {
			cands = broad
		}
		if len(cands) == 1 {
			standIn[s] = cands[0]
			members[cands[0]] = append(members[cands[0]], s)
		}
	}
	return standIn, members
}

// labourFigures finds employment and annual median wage for each SOC code.
// A SOC code with its own OEWS row takes that row's figures. A code BLS
// publishes only within an aggregate (see aggregates) takes the aggregate's
// median wage and an equal share of its employment among the SOC codes it
// stands for (for a broad aggregate, only the employment not accounted for by
// detailed rows published under it). A code with neither (military
// occupations, 45-3031) has null figures.
func labourFigures(rows []OEWSRow, socs []string, standIn map[string]string, members map[string][]string) map[string]labourFig {
	byCode := make(map[string]OEWSRow, len(rows))
	for _, r := range rows {
		byCode[r.Code] = r
	}
	out := make(map[string]labourFig, len(socs))
	for _, s := range socs {
		if _, done := out[s]; done {
			continue
		}
		var f labourFig
		if r, ok := byCode[s]; ok {
			f.employment, f.wage = r.Employment, r.MedianWage
			f.source = fmt.Sprintf("%s, SOC %s", srcOEWS, s)
			f.wageSource = f.source
			if f.employment == nil {
				f.source = fmt.Sprintf("none: employment suppressed for SOC %s in %s", s, srcOEWS)
			}
			if f.wage == nil {
				f.wageSource = fmt.Sprintf("none: annual median wage not published (suppressed or above the top code) for SOC %s in %s", s, srcOEWS)
			}
			out[s] = f
			continue
		}
		agg, ok := standIn[s]
		if !ok {
			f.source = fmt.Sprintf("none: SOC %s not in %s", s, srcOEWS)
			f.wageSource = f.source
			out[s] = f
			continue
		}
		r := byCode[agg]
		group := members[agg]
		if r.Employment != nil {
			rest := *r.Employment
			less := ""
			if r.Group == "broad" {
				for _, o := range rows {
					if o.Code != agg && o.Group == "detailed" && o.Code[:6] == agg[:6] && o.Employment != nil {
						rest -= *o.Employment
					}
				}
				less = " less its separately published codes"
			}
			if rest > 0 {
				share := rest / int64(len(group))
				f.employment = &share
				f.source = fmt.Sprintf("%s, aggregate %s (%s)%s, split equally among %s",
					srcOEWS, agg, r.Title, less, strings.Join(group, ", "))
			}
		}
		if f.employment == nil {
			f.source = fmt.Sprintf("none: SOC %s only in aggregate %s of %s, which has no employment to share", s, agg, srcOEWS)
		}
		if r.MedianWage != nil {
			f.wage = r.MedianWage
			f.wageSource = fmt.Sprintf("%s, aggregate %s (%s)", srcOEWS, agg, r.Title)
		} else {
			f.wageSource = fmt.Sprintf("none: aggregate %s has no annual median wage in %s", agg, srcOEWS)
		}
		out[s] = f
	}
	return out
}
