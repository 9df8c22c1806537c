package dataset

import (
	"context"
	"strconv"
	"strings"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/exposure"
)

// The public files, relative to the data directory (the layout of ../shared/data).
const (
	FileOccupations  = "onet-27.0/Occupation Data.txt"
	FileAltTitles    = "onet-27.0/Alternate Titles.txt"
	FileTasks        = "onet-27.0/Task Statements.txt"
	FileTaskDWAs     = "onet-27.0/Tasks to DWAs.txt"
	FileDWAs         = "onet-27.0/DWA Reference.txt"
	FileIWAs         = "onet-27.0/IWA Reference.txt"
	FileContentModel = "onet-27.0/Content Model Reference.txt"
	FileJobZones     = "onet-27.0/Job Zones.txt"
	FileRelated      = "onet-27.0/Related Occupations.txt"
	FileLabels       = "gpts-are-gpts/full_labelset.tsv"
	FileOccLevel     = "gpts-are-gpts/occ_level.csv"
	FileOEWS         = "gpts-are-gpts/national_May2021_dl.csv"
	FileProjections  = "gpts-are-gpts/occupations_projections_processed.csv"
	FileIWAMetrics   = "working-with-ai/iwa_metrics.csv"
	FileSOCWeights   = "working-with-ai/soc_iwa_weights.csv"
	FileSOCScores    = "working-with-ai/soc_ai_applicability_scores.csv"
)

const colCode = "O*NET-SOC Code"

// ReadInput parses every public file the exposure model needs from dir.
// Statements says whether task statements are kept in the model.
func ReadInput(ctx context.Context, dir string, statements bool) (*exposure.Input, error) {
	in := &exposure.Input{Statements: statements}
	steps := []func(context.Context, string, *exposure.Input) error{
		readOccupations, readAltTitles, readTasks, readLabels, readTaskDWAs, readDWAs, readIWAs,
		readGWAs, readJobZones, readRelated, readIWAMetrics, readSOCWeights, readSOCTitles,
		readOEWS, readProjections,
	}
	for _, step := range steps {
		if err := step(ctx, dir, in); err != nil {
			return nil, err
		}
	}
	return in, nil
}

func readOccupations(ctx context.Context, dir string, in *exposure.Input) error {
	return scan(ctx, dir, FileOccupations, tabPlain, []string{colCode, "Title"}, func(r *row) error {
		code, err := r.code(colCode)
		if err != nil {
			return err
		}
		title, err := r.need("Title")
		if err != nil {
			return err
		}
		in.Occupations = append(in.Occupations, exposure.OccupationName{Code: code, Title: title})
		return nil
	})
}

func readAltTitles(ctx context.Context, dir string, in *exposure.Input) error {
	return scan(ctx, dir, FileAltTitles, tabPlain, []string{colCode, "Alternate Title"}, func(r *row) error {
		code, err := r.code(colCode)
		if err != nil {
			return err
		}
		title, err := r.need("Alternate Title")
		if err != nil {
			return err
		}
		in.AltTitles = append(in.AltTitles, certwise.TitleEntry{Code: code, Title: title})
		return nil
	})
}

func readTasks(ctx context.Context, dir string, in *exposure.Input) error {
	return scan(ctx, dir, FileTasks, tabPlain, []string{colCode, "Task ID", "Task", "Task Type"}, func(r *row) error {
		code, err := r.code(colCode)
		if err != nil {
			return err
		}
		id, err := r.int("Task ID")
		if err != nil {
			return err
		}
		typ, err := r.taskType("Task Type")
		if err != nil {
			return err
		}
		t := exposure.TaskStatement{Code: code, ID: id, Type: typ}
		if in.Statements {
			if t.Statement, err = r.need("Task"); err != nil {
				return err
			}
		}
		in.Tasks = append(in.Tasks, t)
		return nil
	})
}

func readLabels(ctx context.Context, dir string, in *exposure.Input) error {
	cols := []string{colCode, "Task ID", "Task Type", "gpt4_exposure", "human_labels"}
	return scan(ctx, dir, FileLabels, tabQuoted, cols, func(r *row) error {
		code, err := r.code(colCode)
		if err != nil {
			return err
		}
		id, err := r.int("Task ID")
		if err != nil {
			return err
		}
		typ, err := r.taskType("Task Type")
		if err != nil {
			return err
		}
		g, err := r.label("gpt4_exposure")
		if err != nil {
			return err
		}
		h, err := r.label("human_labels")
		if err != nil {
			return err
		}
		in.Labels = append(in.Labels, exposure.TaskLabel{Code: code, ID: id, Type: typ, GPT4: g, Human: h})
		return nil
	})
}

func readTaskDWAs(ctx context.Context, dir string, in *exposure.Input) error {
	return scan(ctx, dir, FileTaskDWAs, tabPlain, []string{colCode, "Task ID", "DWA ID"}, func(r *row) error {
		code, err := r.code(colCode)
		if err != nil {
			return err
		}
		id, err := r.int("Task ID")
		if err != nil {
			return err
		}
		dwa, err := r.need("DWA ID")
		if err != nil {
			return err
		}
		in.TaskDWAs = append(in.TaskDWAs, exposure.TaskDWA{Code: code, ID: id, DWA: dwa})
		return nil
	})
}

func readDWAs(ctx context.Context, dir string, in *exposure.Input) error {
	return scan(ctx, dir, FileDWAs, tabPlain, []string{"IWA ID", "DWA ID"}, func(r *row) error {
		iwa, err := r.need("IWA ID")
		if err != nil {
			return err
		}
		dwa, err := r.need("DWA ID")
		if err != nil {
			return err
		}
		in.DWAs = append(in.DWAs, exposure.DWA{ID: dwa, IWA: iwa})
		return nil
	})
}

func readIWAs(ctx context.Context, dir string, in *exposure.Input) error {
	return scan(ctx, dir, FileIWAs, tabPlain, []string{"Element ID", "IWA ID", "IWA Title"}, func(r *row) error {
		gwa, err := r.need("Element ID")
		if err != nil {
			return err
		}
		id, err := r.need("IWA ID")
		if err != nil {
			return err
		}
		if !strings.HasPrefix(id, gwa+".") {
			return r.errf("IWA ID", "IWA %s does not start with its element ID %s", id, gwa)
		}
		title, err := r.need("IWA Title")
		if err != nil {
			return err
		}
		in.IWAs = append(in.IWAs, exposure.IWA{ID: id, GWA: gwa, Title: title})
		return nil
	})
}

// readGWAs keeps the content model's generalized work activities: the
// elements 4.A.<n>.<letter>.<n>.
func readGWAs(ctx context.Context, dir string, in *exposure.Input) error {
	return scan(ctx, dir, FileContentModel, tabPlain, []string{"Element ID", "Element Name"}, func(r *row) error {
		id := r.str("Element ID")
		if !isGWA(id) {
			return nil
		}
		name, err := r.need("Element Name")
		if err != nil {
			return err
		}
		in.GWAs = append(in.GWAs, exposure.GWA{ID: id, Name: name})
		return nil
	})
}

// isGWA reports whether a content-model element ID names a generalized work
// activity, e.g. 4.A.3.b.6.
func isGWA(id string) bool {
	p := strings.Split(id, ".")
	if len(p) != 5 || p[0] != "4" || p[1] != "A" || len(p[3]) != 1 || p[3][0] < 'a' || p[3][0] > 'z' {
		return false
	}
	for _, n := range []string{p[2], p[4]} {
		if _, err := strconv.Atoi(n); err != nil {
			return false
		}
	}
	return true
}

func readJobZones(ctx context.Context, dir string, in *exposure.Input) error {
	return scan(ctx, dir, FileJobZones, tabPlain, []string{colCode, "Job Zone"}, func(r *row) error {
		code, err := r.code(colCode)
		if err != nil {
			return err
		}
		z, err := r.int("Job Zone")
		if err != nil {
			return err
		}
		if z < 1 || z > 5 {
			return r.errf("Job Zone", "job zone %d outside 1-5", z)
		}
		in.JobZones = append(in.JobZones, exposure.JobZone{Code: code, Zone: z})
		return nil
	})
}

func readRelated(ctx context.Context, dir string, in *exposure.Input) error {
	cols := []string{colCode, "Related O*NET-SOC Code", "Index"}
	return scan(ctx, dir, FileRelated, tabPlain, cols, func(r *row) error {
		code, err := r.code(colCode)
		if err != nil {
			return err
		}
		rel, err := r.code("Related O*NET-SOC Code")
		if err != nil {
			return err
		}
		idx, err := r.int("Index")
		if err != nil {
			return err
		}
		in.Related = append(in.Related, exposure.Related{Code: code, Related: rel, Index: idx})
		return nil
	})
}

func readIWAMetrics(ctx context.Context, dir string, in *exposure.Input) error {
	cols := []string{"IWA", "share_user", "share_ai", "completion_user", "completion_ai", "impact_scope_user", "impact_scope_ai"}
	return scan(ctx, dir, FileIWAMetrics, commaQuoted, cols, func(r *row) error {
		m := exposure.IWAMetric{IWA: r.str("IWA")}
		if m.IWA == "" {
			return r.errf("IWA", "empty value")
		}
		var err error
		if m.ShareUser, err = r.float("share_user"); err != nil {
			return err
		}
		if m.ShareAI, err = r.float("share_ai"); err != nil {
			return err
		}
		for i, dst := range []**float64{&m.CompletionUser, &m.CompletionAI, &m.ScopeUser, &m.ScopeAI} {
			if *dst, err = r.optFloat(cols[i+3]); err != nil {
				return err
			}
		}
		in.IWAMetrics = append(in.IWAMetrics, m)
		return nil
	})
}

// readSOCWeights reads the wide IWA-weight matrix: one row per SOC code, one
// column per IWA.
func readSOCWeights(ctx context.Context, dir string, in *exposure.Input) error {
	var iwas []string
	return scan(ctx, dir, FileSOCWeights, commaQuoted, []string{"SOC Code"}, func(r *row) error {
		if iwas == nil {
			iwas = make([]string, len(r.t.idx))
			for name, i := range r.t.idx {
				iwas[i] = name
			}
		}
		soc, err := r.soc("SOC Code")
		if err != nil {
			return err
		}
		sw := exposure.SOCWeights{SOC: soc}
		for i, name := range iwas {
			if name == "SOC Code" {
				continue
			}
			s := strings.TrimSpace(r.fields[i])
			if s == "" {
				continue
			}
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				return r.errf(name, "not a number: %q", s)
			}
			if v != 0 {
				sw.Weights = append(sw.Weights, exposure.IWAWeight{IWA: name, Weight: v})
			}
		}
		in.SOCWeights = append(in.SOCWeights, sw)
		return nil
	})
}

func readSOCTitles(ctx context.Context, dir string, in *exposure.Input) error {
	return scan(ctx, dir, FileSOCScores, commaQuoted, []string{"SOC Code", "title"}, func(r *row) error {
		soc, err := r.soc("SOC Code")
		if err != nil {
			return err
		}
		in.SOCTitles = append(in.SOCTitles, exposure.SOCTitle{SOC: soc, Title: r.str("title")})
		return nil
	})
}

func readOEWS(ctx context.Context, dir string, in *exposure.Input) error {
	cols := []string{"OCC_CODE", "OCC_TITLE", "O_GROUP", "TOT_EMP", "A_MEDIAN"}
	return scan(ctx, dir, FileOEWS, commaQuoted, cols, func(r *row) error {
		code, err := r.soc("OCC_CODE")
		if err != nil {
			return err
		}
		emp, err := r.blsNumber("TOT_EMP")
		if err != nil {
			return err
		}
		wage, err := r.blsNumber("A_MEDIAN")
		if err != nil {
			return err
		}
		o := exposure.OEWSRow{Code: code, Title: r.str("OCC_TITLE"), Group: r.str("O_GROUP"), MedianWage: wage}
		if emp != nil {
			if *emp != float64(int64(*emp)) {
				return r.errf("TOT_EMP", "not a whole number: %v", *emp)
			}
			n := int64(*emp)
			o.Employment = &n
		}
		in.OEWS = append(in.OEWS, o)
		return nil
	})
}

func readProjections(ctx context.Context, dir string, in *exposure.Input) error {
	cols := []string{"occupation", "pct_emp_change_2020_2030"}
	return scan(ctx, dir, FileProjections, commaQuoted, cols, func(r *row) error {
		t, err := r.need("occupation")
		if err != nil {
			return err
		}
		if r.str("pct_emp_change_2020_2030") == "" {
			return nil // a footnote line such as the source note
		}
		v, err := r.float("pct_emp_change_2020_2030")
		if err != nil {
			return err
		}
		in.Projections = append(in.Projections, exposure.Projection{Title: t, Pct: v})
		return nil
	})
}

// code reads an O*NET-SOC code such as 15-1252.00.
func (r *row) code(field string) (string, error) {
	s, err := r.need(field)
	if err != nil {
		return "", err
	}
	if !isCode(s, true) {
		return "", r.errf(field, "not an O*NET-SOC code (NN-NNNN.NN): %q", s)
	}
	return s, nil
}

// soc reads a 6-digit SOC code such as 15-1252.
func (r *row) soc(field string) (string, error) {
	s, err := r.need(field)
	if err != nil {
		return "", err
	}
	if !isCode(s, false) {
		return "", r.errf(field, "not a SOC code (NN-NNNN): %q", s)
	}
	return s, nil
}

// isCode checks NN-NNNN, and with detail NN-NNNN.NN.
func isCode(s string, detail bool) bool {
	want := "00-0000"
	if detail {
		want = "00-0000.00"
	}
	if len(s) != len(want) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if want[i] == '0' {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		} else if s[i] != want[i] {
			return false
		}
	}
	return true
}

// taskType reads Core, Supplemental, or an empty/n/a type (returned as "").
func (r *row) taskType(field string) (string, error) {
	switch s := r.str(field); s {
	case "Core", "Supplemental":
		return s, nil
	case "", "n/a":
		return "", nil
	default:
		return "", r.errf(field, "task type %q is not Core, Supplemental or n/a", s)
	}
}

// label reads an exposure label E0, E1 or E2.
func (r *row) label(field string) (string, error) {
	switch s := r.str(field); s {
	case "E0", "E1", "E2":
		return s, nil
	default:
		return "", r.errf(field, "exposure label %q is not E0, E1 or E2", s)
	}
}

// blsNumber reads a BLS figure such as "140,886,310". BLS marks figures it
// does not publish with * or ** (suppressed) and # (above the top code); those
// and an empty field are nil.
func (r *row) blsNumber(field string) (*float64, error) {
	s := r.str(field)
	switch s {
	case "", "*", "**", "#", "~":
		return nil, nil
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if err != nil {
		return nil, r.errf(field, "not a number or a BLS marker (*, **, #): %q", s)
	}
	return &v, nil
}
