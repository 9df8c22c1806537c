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
	FileOccupations = "onet-27.0/Occupation Data.txt"
	FileAltTitles   = "onet-27.0/Alternate Titles.txt"
	FileTasks       = "onet-27.0/Task Statements.txt"
	FileTaskDWAs    = "onet-27.0/Tasks to DWAs.txt"
	FileDWAs        = "onet-27.0/DWA Reference.txt"
	FileIWAs        = "onet-27.0/IWA Reference.txt"
	FileJobZones    = "onet-27.0/Job Zones.txt"
	FileRelated     = "onet-27.0/Related Occupations.txt"
	FileSkills      = "onet-27.0/Skills.txt"
	FileKnowledge   = "onet-27.0/Knowledge.txt"
	FileLabels      = "gpts-are-gpts/full_labelset.tsv"
	FileOccLevel    = "gpts-are-gpts/occ_level.csv"
	FileOEWS        = "bls-oews-2024/national_M2024_dl.xlsx"
	FileProjections = "bls-projections-2024-34/occupation.xlsx"
	FileIWAMetrics  = "working-with-ai/iwa_metrics.csv"
	FileSOCWeights  = "working-with-ai/soc_iwa_weights.csv"
	FileSOCScores   = "working-with-ai/soc_ai_applicability_scores.csv"
)

const colCode = "O*NET-SOC Code"

// ReadInput parses every public file the exposure model needs from dir.
// Statements says whether task statements are kept in the model.
func ReadInput(ctx context.Context, dir string, statements bool) (*exposure.Input, error) {
	in := &exposure.Input{Statements: statements}
	steps := []func(context.Context, string, *exposure.Input) error{
		readOccupations, readAltTitles, readTasks, readLabels, readTaskDWAs, readDWAs, readIWAs,
		readJobZones, readRelated, readRatings, readIWAMetrics, readSOCWeights,
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
		in.Occupations = append(in.Occupations, exposure.OccupationName{Code: r.code(colCode), Title: r.need("Title")})
		return nil
	})
}

func readAltTitles(ctx context.Context, dir string, in *exposure.Input) error {
	return scan(ctx, dir, FileAltTitles, tabPlain, []string{colCode, "Alternate Title"}, func(r *row) error {
		in.AltTitles = append(in.AltTitles, certwise.TitleEntry{Code: r.code(colCode), Title: r.need("Alternate Title")})
		return nil
	})
}

func readTasks(ctx context.Context, dir string, in *exposure.Input) error {
	return scan(ctx, dir, FileTasks, tabPlain, []string{colCode, "Task ID", "Task", "Task Type"}, func(r *row) error {
		t := exposure.TaskStatement{Code: r.code(colCode), ID: r.int("Task ID"), Type: r.taskType("Task Type")}
		if in.Statements {
			t.Statement = r.need("Task")
		}
		in.Tasks = append(in.Tasks, t)
		return nil
	})
}

func readLabels(ctx context.Context, dir string, in *exposure.Input) error {
	cols := []string{colCode, "Task ID", "Task Type", "gpt4_exposure", "human_labels"}
	return scan(ctx, dir, FileLabels, tabQuoted, cols, func(r *row) error {
		in.Labels = append(in.Labels, exposure.TaskLabel{Code: r.code(colCode), ID: r.int("Task ID"),
			Type: r.taskType("Task Type"), GPT4: r.label("gpt4_exposure"), Human: r.label("human_labels")})
		return nil
	})
}

func readTaskDWAs(ctx context.Context, dir string, in *exposure.Input) error {
	return scan(ctx, dir, FileTaskDWAs, tabPlain, []string{colCode, "Task ID", "DWA ID"}, func(r *row) error {
		in.TaskDWAs = append(in.TaskDWAs, exposure.TaskDWA{Code: r.code(colCode), ID: r.int("Task ID"), DWA: r.need("DWA ID")})
		return nil
	})
}

func readDWAs(ctx context.Context, dir string, in *exposure.Input) error {
	return scan(ctx, dir, FileDWAs, tabPlain, []string{"IWA ID", "DWA ID"}, func(r *row) error {
		in.DWAs = append(in.DWAs, exposure.DWA{IWA: r.need("IWA ID"), ID: r.need("DWA ID")})
		return nil
	})
}

func readIWAs(ctx context.Context, dir string, in *exposure.Input) error {
	return scan(ctx, dir, FileIWAs, tabPlain, []string{"Element ID", "IWA ID", "IWA Title"}, func(r *row) error {
		w := exposure.IWA{GWA: r.need("Element ID"), ID: r.need("IWA ID"), Title: r.need("IWA Title")}
		if r.err == nil && !strings.HasPrefix(w.ID, w.GWA+".") {
			return r.errf("IWA ID", "IWA %s does not start with its element ID %s", w.ID, w.GWA)
		}
		in.IWAs = append(in.IWAs, w)
		return nil
	})
}

func readJobZones(ctx context.Context, dir string, in *exposure.Input) error {
	return scan(ctx, dir, FileJobZones, tabPlain, []string{colCode, "Job Zone"}, func(r *row) error {
		z := exposure.JobZone{Code: r.code(colCode), Zone: r.int("Job Zone")}
		if r.err == nil && (z.Zone < 1 || z.Zone > 5) {
			return r.errf("Job Zone", "job zone %d outside 1-5", z.Zone)
		}
		in.JobZones = append(in.JobZones, z)
		return nil
	})
}

func readRelated(ctx context.Context, dir string, in *exposure.Input) error {
	cols := []string{colCode, "Related O*NET-SOC Code", "Index"}
	return scan(ctx, dir, FileRelated, tabPlain, cols, func(r *row) error {
		in.Related = append(in.Related, exposure.Related{Code: r.code(colCode), Related: r.code(cols[1]), Index: r.int("Index")})
		return nil
	})
}

// readRatings reads the importance (IM) and level (LV) rows of O*NET's
// Skills and Knowledge files.
func readRatings(ctx context.Context, dir string, in *exposure.Input) error {
	cols := []string{colCode, "Element ID", "Element Name", "Scale ID", "Data Value", "Not Relevant"}
	for _, f := range []struct {
		name string
		kind certwise.SkillKind
	}{{FileSkills, certwise.SkillKindSkill}, {FileKnowledge, certwise.SkillKindKnowledge}} {
		err := scan(ctx, dir, f.name, tabPlain, cols, func(r *row) error {
			rt := exposure.Rating{Code: r.code(colCode), Element: r.need("Element ID"), Name: r.need("Element Name"),
				Kind: f.kind, Scale: r.str("Scale ID"), NotRelevant: r.str("Not Relevant") == "Y"}
			switch rt.Scale {
			case "IM", "LV":
			default:
				return r.errf("Scale ID", "scale %q is not IM or LV", rt.Scale)
			}
			rt.Value = r.float("Data Value")
			in.Ratings = append(in.Ratings, rt)
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func readIWAMetrics(ctx context.Context, dir string, in *exposure.Input) error {
	cols := []string{"IWA", "share_user", "share_ai", "completion_user", "completion_ai", "impact_scope_user", "impact_scope_ai"}
	return scan(ctx, dir, FileIWAMetrics, commaQuoted, cols, func(r *row) error {
		in.IWAMetrics = append(in.IWAMetrics, exposure.IWAMetric{IWA: r.need("IWA"),
			ShareUser: r.float("share_user"), ShareAI: r.float("share_ai"),
			CompletionUser: r.optFloat("completion_user"), CompletionAI: r.optFloat("completion_ai"),
			ScopeUser: r.optFloat("impact_scope_user"), ScopeAI: r.optFloat("impact_scope_ai")})
		return nil
	})
}

// readSOCWeights reads the wide IWA-weight matrix: one row per SOC code, one
// column per IWA. Empty and zero weights are left out.
func readSOCWeights(ctx context.Context, dir string, in *exposure.Input) error {
	var iwas []string
	return scan(ctx, dir, FileSOCWeights, commaQuoted, []string{"SOC Code"}, func(r *row) error {
		if iwas == nil {
			iwas = make([]string, len(r.t.idx))
			for name, i := range r.t.idx {
				iwas[i] = name
			}
		}
		sw := exposure.SOCWeights{SOC: r.soc("SOC Code")}
		for _, name := range iwas {
			if name == "SOC Code" || r.str(name) == "" {
				continue
			}
			if v := r.float(name); v != 0 {
				sw.Weights = append(sw.Weights, exposure.IWAWeight{IWA: name, Weight: v})
			}
		}
		in.SOCWeights = append(in.SOCWeights, sw)
		return nil
	})
}

// readOEWS reads the national cross-industry rows of BLS OEWS May 2024 (the
// workbook's first sheet).
func readOEWS(ctx context.Context, dir string, in *exposure.Input) error {
	cols := []string{"OCC_CODE", "OCC_TITLE", "O_GROUP", "TOT_EMP", "A_MEDIAN"}
	return scanSheet(ctx, dir, FileOEWS, "", cols, func(r *row) error {
		o := exposure.OEWSRow{Code: r.soc("OCC_CODE"), Title: r.str("OCC_TITLE"), Group: r.str("O_GROUP")}
		emp := r.blsNumber("TOT_EMP")
		o.MedianWage = r.blsNumber("A_MEDIAN")
		if emp != nil {
			if *emp != float64(int64(*emp)) {
				r.fail("TOT_EMP", "not a whole number: %v", *emp)
			}
			n := int64(*emp)
			o.Employment = &n
		}
		in.OEWS = append(in.OEWS, o)
		return nil
	})
}

// Columns of the projections table read by readProjections.
const (
	projSheet = "Table 1.2"
	projTitle = "2024 National Employment Matrix title"
	projCode  = "2024 National Employment Matrix code"
	projType  = "Occupation type"
	projPct   = "Employment change, percent, 2024–34"
)

// readProjections reads every occupation row of the 2024-34 projections
// (Table 1.2) with its code; the footnotes below the table have no code and
// are skipped.
func readProjections(ctx context.Context, dir string, in *exposure.Input) error {
	cols := []string{projTitle, projCode, projType, projPct}
	return scanSheet(ctx, dir, FileProjections, projSheet, cols, func(r *row) error {
		if r.str(projCode) == "" {
			return nil // a footnote or source line
		}
		p := exposure.Projection{Code: r.soc(projCode), Title: r.need(projTitle), Detailed: r.str(projType) == "Line item"}
		if r.err == nil && r.str(projType) != "Line item" && r.str(projType) != "Summary" {
			return r.errf(projType, "occupation type %q is not Line item or Summary", r.str(projType))
		}
		v := r.blsNumber(projPct)
		if v == nil {
			return nil // BLS publishes no change for this row
		}
		p.Pct = *v
		in.Projections = append(in.Projections, p)
		return nil
	})
}

// code reads an O*NET-SOC code such as 15-1252.00.
func (r *row) code(field string) string {
	s := r.need(field)
	if s != "" && !isCode(s, true) {
		r.fail(field, "not an O*NET-SOC code (NN-NNNN.NN): %q", s)
	}
	return s
}

// soc reads a 6-digit SOC code such as 15-1252.
func (r *row) soc(field string) string {
	s := r.need(field)
	if s != "" && !isCode(s, false) {
		r.fail(field, "not a SOC code (NN-NNNN): %q", s)
	}
	return s
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
func (r *row) taskType(field string) string {
	switch s := r.str(field); s {
	case "Core", "Supplemental":
		return s
	case "", "n/a":
		return ""
	default:
		r.fail(field, "task type %q is not Core, Supplemental or n/a", s)
		return ""
	}
}

// label reads an exposure label E0, E1 or E2.
func (r *row) label(field string) string {
	s := r.str(field)
	switch s {
	case "E0", "E1", "E2":
	default:
		r.fail(field, "exposure label %q is not E0, E1 or E2", s)
	}
	return s
}

// blsNumber reads a BLS figure such as "140,886,310". BLS marks figures it
// does not publish with * or ** (suppressed), # (above the top code) or — (not
// available); those and an empty field are nil.
func (r *row) blsNumber(field string) *float64 {
	s := r.str(field)
	switch s {
	case "", "*", "**", "#", "~", "—":
		return nil
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if err != nil {
		r.fail(field, "not a number or a BLS marker (*, **, #): %q", s)
		return nil
	}
	return &v
}
