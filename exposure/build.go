package exposure

import (
	"fmt"
	"math"
	"sort"

	"github.com/certwise/certwise"
)

// Source names used in Occupation.Sources.
const (
	srcLabels   = "GPTs are GPTs, full_labelset.tsv"
	srcWwAI     = "Working with AI"
	srcOEWS     = certwise.WagesVintage + " national"
	srcProj     = certwise.GrowthVintage
	srcONET     = "O*NET 27.0"
	shareCutoff = 0.0005 // Equation 1 counts a side of an IWA only above this share
)

// Build computes the model from parsed public data. It fails when the data
// contradict themselves (an IWA with no class, a DWA with no IWA, ...).
func Build(in *Input) (*Model, error) {
	classes, err := IWAClasses()
	if err != nil {
		return nil, err
	}
	iwaClass := make(map[string]certwise.WorkClass, len(classes))
	for _, c := range classes {
		iwaClass[c.IWA] = c.Class
	}

	// Activities and the tasks behind them.
	iwas := make(map[string]*certwise.ActivityFigures, len(in.IWAs))
	acts := make([]*certwise.ActivityFigures, 0, len(in.IWAs))
	for _, w := range in.IWAs {
		cl, ok := iwaClass[w.ID]
		if !ok {
			return nil, fmt.Errorf("IWA %s (%s) has no work class in iwa_classes.tsv", w.ID, w.Title)
		}
		if _, dup := iwas[w.ID]; dup {
			return nil, fmt.Errorf("IWA %s listed twice in the IWA reference", w.ID)
		}
		a := &certwise.ActivityFigures{IWA: w.ID, Title: w.Title, GWA: w.GWA, Class: cl}
		iwas[w.ID] = a
		acts = append(acts, a)
	}
	sort.Slice(acts, func(i, j int) bool { return acts[i].IWA < acts[j].IWA })
	metrics := make(map[string]IWAMetric, len(in.IWAMetrics))
	for _, mt := range in.IWAMetrics {
		a, ok := iwas[mt.IWA]
		if !ok {
			return nil, fmt.Errorf("iwa_metrics: IWA %s is not in the O*NET IWA reference", mt.IWA)
		}
		metrics[mt.IWA] = mt
		a.ShareUser, a.ShareAI = ptr(mt.ShareUser), ptr(mt.ShareAI)
		a.CompletionUser, a.CompletionAI = mt.CompletionUser, mt.CompletionAI
		a.ScopeUser, a.ScopeAI = mt.ScopeUser, mt.ScopeAI
	}
	dwaIWA := make(map[string]string, len(in.DWAs))
	for _, d := range in.DWAs {
		if _, ok := iwas[d.IWA]; !ok {
			return nil, fmt.Errorf("DWA %s: IWA %s is not in the IWA reference", d.ID, d.IWA)
		}
		dwaIWA[d.ID] = d.IWA
	}
	type taskKey struct {
		code string
		id   int
	}
	labels := make(map[taskKey]TaskLabel, len(in.Labels))
	labelsByCode := map[string][]TaskLabel{}
	for _, l := range in.Labels {
		labels[taskKey{l.Code, l.ID}] = l
		labelsByCode[l.Code] = append(labelsByCode[l.Code], l)
	}
	// taskIWAs: per occupation, per IWA, the distinct tasks linked to it (in link order).
	taskIWAs := map[string]map[string][]int{}
	linked := map[taskKey]map[string]bool{}
	for _, td := range in.TaskDWAs {
		iwa, ok := dwaIWA[td.DWA]
		if !ok {
			return nil, fmt.Errorf("tasks to DWAs: %s task %d: DWA %s is not in the DWA reference", td.Code, td.ID, td.DWA)
		}
		k := taskKey{td.Code, td.ID}
		if linked[k] == nil {
			linked[k] = map[string]bool{}
		}
		if linked[k][iwa] {
			continue
		}
		linked[k][iwa] = true
		if taskIWAs[td.Code] == nil {
			taskIWAs[td.Code] = map[string][]int{}
		}
		taskIWAs[td.Code][iwa] = append(taskIWAs[td.Code][iwa], td.ID)
		if l, ok := labels[k]; ok {
			a := iwas[iwa]
			a.Tasks++
			switch l.GPT4 {
			case "E1":
				a.E1Tasks++
			case "E2":
				a.E2Tasks++
			}
		}
	}

	// SOC-level figures.
	socWeights := make(map[string][]IWAWeight, len(in.SOCWeights))
	socAI := make(map[string]float64, len(in.SOCWeights))
	for _, sw := range in.SOCWeights {
		norm, err := normalize(sw.Weights)
		if err != nil {
			return nil, fmt.Errorf("IWA weights of SOC %s: %w", sw.SOC, err)
		}
		for _, w := range norm {
			if _, ok := iwas[w.IWA]; !ok {
				return nil, fmt.Errorf("IWA weights of SOC %s: IWA %s is not in the IWA reference", sw.SOC, w.IWA)
			}
		}
		score, err := applicability(norm, metrics)
		if err != nil {
			return nil, fmt.Errorf("AI applicability of SOC %s: %w", sw.SOC, err)
		}
		socWeights[sw.SOC] = norm
		socAI[sw.SOC] = score
	}
	tasksByCode := map[string][]TaskStatement{}
	for _, t := range in.Tasks {
		tasksByCode[t.Code] = append(tasksByCode[t.Code], t)
	}
	zones := map[string]int{}
	for _, z := range in.JobZones {
		zones[z.Code] = z.Zone
	}
	related := RelatedCodes(in.Related)
	elems, ratings, err := skillRatings(in.Ratings)
	if err != nil {
		return nil, fmt.Errorf("skills and knowledge: %w", err)
	}
	var socs []string
	for _, o := range in.Occupations {
		socs = append(socs, SOC(o.Code))
	}
	standIn, members := aggregates(in.OEWS, socs)
	labour := labourFigures(in.OEWS, socs, standIn, members)
	proj := newProjectionIndex(in.Projections)

	occs := make([]*certwise.Occupation, 0, len(in.Occupations))
	seen := map[string]bool{}
	for _, on := range in.Occupations {
		if seen[on.Code] {
			return nil, fmt.Errorf("occupation %s listed twice", on.Code)
		}
		seen[on.Code] = true
		soc := SOC(on.Code)
		o := &certwise.Occupation{Code: on.Code, SOC: soc, Title: on.Title, Sources: map[string]string{},
			ExposureLevel: certwise.ExposureUnknown, Related: []string{}, Activities: []certwise.Activity{}}
		if ls := labelsByCode[on.Code]; len(ls) > 0 {
			g := scoreLabels(ls, func(l TaskLabel) string { return l.GPT4 })
			h := scoreLabels(ls, func(l TaskLabel) string { return l.Human })
			o.GPT4Alpha, o.GPT4Beta, o.GPT4Gamma = ptr(g.alpha), ptr(g.beta), ptr(g.gamma)
			o.HumanAlpha, o.HumanBeta, o.HumanGamma = ptr(h.alpha), ptr(h.beta), ptr(h.gamma)
			o.Sources["exposure"] = fmt.Sprintf("%s: %d labelled tasks (core tasks weigh 2)", srcLabels, len(ls))
		} else {
			o.Sources["exposure"] = "none: no labelled tasks in " + srcLabels
		}
		if v, ok := socAI[soc]; ok {
			o.AIApplicability = ptr(v)
			o.Sources["ai_applicability"] = fmt.Sprintf("%s, Equation 1 for SOC %s", srcWwAI, soc)
		} else if v, ok := socAI[standIn[soc]]; ok {
			o.AIApplicability = ptr(v)
			o.Sources["ai_applicability"] = fmt.Sprintf("%s, Equation 1 for %s, the aggregate code that stands for SOC %s", srcWwAI, standIn[soc], soc)
		} else {
			o.Sources["ai_applicability"] = fmt.Sprintf("none: SOC %s not in %s", soc, srcWwAI)
		}
		// Activities and work mix.
		own := taskIWAs[on.Code]
		weights := socWeights[soc]
		if len(weights) > 0 {
			o.Sources["work_mix"] = fmt.Sprintf("%s IWA weights of SOC %s", srcWwAI, soc)
		} else if weights = socWeights[standIn[soc]]; len(weights) > 0 {
			o.Sources["work_mix"] = fmt.Sprintf("%s IWA weights of %s, the aggregate code that stands for SOC %s", srcWwAI, standIn[soc], soc)
		} else if weights = taskWeights(tasksByCode[on.Code], labelsByCode[on.Code], own); len(weights) > 0 {
			o.Sources["work_mix"] = fmt.Sprintf("%s tasks to DWAs (no %s IWA weights for SOC %s): each task's weight (core 2, other 1) split over its IWAs", srcONET, srcWwAI, soc)
		} else {
			o.Sources["work_mix"] = "none: no IWA weights and no tasks linked to activities"
		}
		if len(weights) > 0 {
			o.WorkMix = certwise.WorkMix{}
			for _, c := range certwise.WorkClasses {
				o.WorkMix[c] = 0
			}
			for _, w := range weights {
				a := iwas[w.IWA]
				act := certwise.Activity{IWA: w.IWA, Title: a.Title, Class: a.Class, Weight: w.Weight}
				for _, id := range own[w.IWA] {
					if l, ok := labels[taskKey{on.Code, id}]; ok {
						act.Tasks++
						switch l.GPT4 {
						case "E1":
							act.E1Tasks++
						case "E2":
							act.E2Tasks++
						}
					}
				}
				o.Activities = append(o.Activities, act)
				o.WorkMix[a.Class] += w.Weight
			}
			sort.SliceStable(o.Activities, func(i, j int) bool {
				if o.Activities[i].Weight != o.Activities[j].Weight {
					return o.Activities[i].Weight > o.Activities[j].Weight
				}
				return o.Activities[i].IWA < o.Activities[j].IWA
			})
			o.CompressibleShare = ptr(o.WorkMix.CompressibleShare())
		}
		if z, ok := zones[on.Code]; ok {
			o.JobZone = &z
			o.Sources["job_zone"] = srcONET + " Job Zones"
		} else {
			o.Sources["job_zone"] = "none: not rated in " + srcONET + " Job Zones"
		}
		o.Related = append(o.Related, related[on.Code]...)
		if rs, ok := ratings[on.Code]; ok {
			o.Skills = rs
			o.Sources["skills"] = srcONET + " Skills and Knowledge, importance and level"
		} else if rs, ok := ratings[soc+".00"]; ok {
			o.Skills = rs
			o.Sources["skills"] = fmt.Sprintf("%s Skills and Knowledge of %s.00 (this occupation is not rated; the SOC code's main occupation stands for it)", srcONET, soc)
		} else {
			o.Sources["skills"] = "none: not rated in " + srcONET + " Skills and Knowledge"
		}
		lf := labour[soc]
		o.Employment, o.MedianWage = lf.employment, lf.wage
		o.Sources["employment"] = lf.source
		o.Sources["median_wage"] = lf.wageSource
		o.LabourVintage = certwise.CurrentLabourVintage
		if p, ok := proj.find(soc, standIn[soc]); ok {
			o.ProjectedGrowthPct = ptr(p.Pct)
			o.Sources["projected_growth_pct"] = p.source(soc)
		} else {
			o.Sources["projected_growth_pct"] = fmt.Sprintf("none: SOC %s is in no row of %s", soc, srcProj)
		}
		if in.Statements {
			for _, t := range tasksByCode[on.Code] {
				l := labels[taskKey{on.Code, t.ID}]
				o.Tasks = append(o.Tasks, certwise.Task{ID: fmt.Sprint(t.ID), Statement: t.Statement,
					Type: taskType(t.Type), GPT4Exposure: l.GPT4, HumanExposure: l.Human})
			}
		}
		occs = append(occs, o)
	}
	sort.Slice(occs, func(i, j int) bool { return occs[i].Code < occs[j].Code })
	th := assignLevels(occs)

	titles := Titles(in.Occupations, in.AltTitles)
	m := newModel(occs, acts, titles, th, in.Statements)
	m.socAI = socAI
	m.elements = elems
	return m, nil
}

// Titles builds the title index: per occupation in code order, its official
// title (Official=true) and then its alternate titles in the given order.
func Titles(occs []OccupationName, alts []certwise.TitleEntry) []certwise.TitleEntry {
	byCode := map[string][]certwise.TitleEntry{}
	for _, a := range alts {
		byCode[a.Code] = append(byCode[a.Code], certwise.TitleEntry{Code: a.Code, Title: a.Title})
	}
	sorted := append([]OccupationName(nil), occs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Code < sorted[j].Code })
	out := make([]certwise.TitleEntry, 0, len(occs)+len(alts))
	for _, o := range sorted {
		out = append(out, certwise.TitleEntry{Code: o.Code, Title: o.Title, Official: true})
		out = append(out, byCode[o.Code]...)
	}
	return out
}

// SOC returns the 6-digit SOC code of an O*NET-SOC code (its first 7 characters).
func SOC(code string) string {
	if len(code) < 7 {
		return code
	}
	return code[:7]
}

func taskType(t string) string {
	if t == "" {
		return "n/a"
	}
	return t
}

// taskWeight is how much a task counts: core tasks twice the others.
func taskWeight(typ string) float64 {
	if typ == "Core" {
		return 2
	}
	return 1
}

type abg struct{ alpha, beta, gamma float64 }

// scoreLabels computes alpha (E1 share), beta (E1 + 0.5 E2) and gamma (E1 + E2)
// over an occupation's tasks, core tasks weighing 2 and the others 1.
func scoreLabels(ls []TaskLabel, label func(TaskLabel) string) abg {
	var total, e1, e2 float64
	for _, l := range ls {
		w := taskWeight(l.Type)
		total += w
		switch label(l) {
		case "E1":
			e1 += w
		case "E2":
			e2 += w
		}
	}
	return abg{alpha: e1 / total, beta: (e1 + 0.5*e2) / total, gamma: (e1 + e2) / total}
}

// normalize drops zero weights and scales the rest to sum to 1.
func normalize(ws []IWAWeight) ([]IWAWeight, error) {
	var sum float64
	out := make([]IWAWeight, 0, len(ws))
	for _, w := range ws {
		if w.Weight < 0 || math.IsNaN(w.Weight) || math.IsInf(w.Weight, 0) {
			return nil, fmt.Errorf("IWA %s: invalid weight %v", w.IWA, w.Weight)
		}
		if w.Weight > 0 {
			sum += w.Weight
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		return nil, nil
	}
	for i := range out {
		out[i].Weight /= sum
	}
	return out, nil
}

// applicability is Equation 1 of the Working-with-AI paper: the sum over the
// occupation's IWAs of 0.5·w·completion·scope for the user side when the IWA's
// user share exceeds 0.0005, plus the same for the AI side.
func applicability(norm []IWAWeight, metrics map[string]IWAMetric) (float64, error) {
	var s float64
	for _, w := range norm {
		m, ok := metrics[w.IWA]
		if !ok {
			return 0, fmt.Errorf("IWA %s has no metrics in iwa_metrics", w.IWA)
		}
		if m.ShareUser > shareCutoff {
			if m.CompletionUser == nil || m.ScopeUser == nil {
				return 0, fmt.Errorf("IWA %s: user share %v but no user completion or scope", w.IWA, m.ShareUser)
			}
			s += 0.5 * w.Weight * *m.CompletionUser * *m.ScopeUser
		}
		if m.ShareAI > shareCutoff {
			if m.CompletionAI == nil || m.ScopeAI == nil {
				return 0, fmt.Errorf("IWA %s: AI share %v but no AI completion or scope", w.IWA, m.ShareAI)
			}
			s += 0.5 * w.Weight * *m.CompletionAI * *m.ScopeAI
		}
	}
	return s, nil
}

// taskWeights derives IWA weights from an occupation's tasks: each task's
// weight (core 2, other 1) split evenly over the IWAs its DWAs belong to.
func taskWeights(tasks []TaskStatement, labels []TaskLabel, own map[string][]int) []IWAWeight {
	if len(own) == 0 {
		return nil
	}
	typ := map[int]string{}
	for _, l := range labels {
		typ[l.ID] = l.Type
	}
	for _, t := range tasks {
		typ[t.ID] = t.Type
	}
	per := map[int][]string{}
	iwaIDs := make([]string, 0, len(own))
	for iwa := range own {
		iwaIDs = append(iwaIDs, iwa)
	}
	sort.Strings(iwaIDs)
	for _, iwa := range iwaIDs {
		for _, id := range own[iwa] {
			per[id] = append(per[id], iwa)
		}
	}
	ids := make([]int, 0, len(per))
	for id := range per {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	sum := map[string]float64{}
	for _, id := range ids {
		share := taskWeight(typ[id]) / float64(len(per[id]))
		for _, iwa := range per[id] {
			sum[iwa] += share
		}
	}
	ws := make([]IWAWeight, 0, len(iwaIDs))
	for _, iwa := range iwaIDs {
		ws = append(ws, IWAWeight{IWA: iwa, Weight: sum[iwa]})
	}
	out, _ := normalize(ws)
	return out
}

func ptr[T any](v T) *T { return &v }

// projectionIndex finds BLS projections by SOC code.
type projectionIndex map[string]Projection

func newProjectionIndex(ps []Projection) projectionIndex {
	ix := make(projectionIndex, len(ps))
	for _, p := range ps {
		if have, ok := ix[p.Code]; ok && have.Detailed && !p.Detailed {
			continue // a detailed row wins over a summary row of the same code
		}
		ix[p.Code] = p
	}
	return ix
}

// projMatch is the projection row found for a SOC code and how.
type projMatch struct {
	Projection
	combined bool // the row projects a group that includes the code
}

func (p projMatch) source(soc string) string {
	if p.combined {
		return fmt.Sprintf("%s, combined row %s (%s), which includes SOC %s", srcProj, p.Code, p.Title, soc)
	}
	return fmt.Sprintf("%s, SOC %s", srcProj, soc)
}

// find returns the projection of a SOC code: its own row; failing that, the
// row of the aggregate code that stands for it in OEWS (e.g. 13-1020); failing
// that, the row of its broad group (the code with a final 0, e.g. 29-1210
// for 29-1218), which BLS projects as one where it does not project the
// members separately.
func (ix projectionIndex) find(soc, standIn string) (projMatch, bool) {
	if p, ok := ix[soc]; ok {
		return projMatch{Projection: p}, true
	}
	if p, ok := ix[standIn]; ok && standIn != "" {
		return projMatch{Projection: p, combined: true}, true
	}
	if len(soc) == 7 && soc[6] != '0' {
		if p, ok := ix[soc[:6]+"0"]; ok {
			return projMatch{Projection: p, combined: true}, true
		}
	}
	return projMatch{}, false
}
