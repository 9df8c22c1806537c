package dataset

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/certwise/certwise/exposure"
	"github.com/certwise/certwise/internal/shareddata"
)

// writeData writes files (name → content) under a fresh directory.
func writeData(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestParseErrorsNameFileLineColumn(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name  string
		file  string
		body  string
		read  func(context.Context, string, *exposure.Input) error
		want  string
		line  int
		col   int
		field string
	}{
		{"bad code", FileOccupations, "O*NET-SOC Code\tTitle\tDescription\n11-1011.00\tChief Executives\tx\n11-10X1.00\tBad\tx\n",
			readOccupations, "not an O*NET-SOC code", 3, 1, colCode},
		{"empty title", FileOccupations, "O*NET-SOC Code\tTitle\tDescription\n11-1011.00\t\tx\n",
			readOccupations, "empty value", 2, 12, "Title"},
		{"missing column", FileOccupations, "Code\tTitle\n", readOccupations, "missing column", 1, 1, colCode},
		{"short line", FileJobZones, "O*NET-SOC Code\tJob Zone\tDate\n11-1011.00\t5\n", readJobZones, "2 fields, the header has 3", 2, 12, ""},
		{"job zone range", FileJobZones, "O*NET-SOC Code\tJob Zone\n11-1011.00\t7\n", readJobZones, "outside 1-5", 2, 12, "Job Zone"},
		{"bad label", FileLabels, "\tO*NET-SOC Code\tTask ID\tTask\tTask Type\tgpt4_exposure\thuman_labels\n0\t11-1011.00\t1.0\t\"Do \"\"it\"\"\"\tCore\tE3\tE0\n",
			readLabels, `exposure label "E3"`, 2, 35, "gpt4_exposure"},
		{"bad quote", FileLabels, "\tO*NET-SOC Code\tTask ID\tTask\tTask Type\tgpt4_exposure\thuman_labels\n0\t11-1011.00\t1\tDo \"it\" now\tCore\tE1\tE0\n",
			readLabels, "bare \" in non-quoted-field", 2, 19, ""},
		{"bad number", FileIWAMetrics, "IWA,share_user,share_ai,completion_user,completion_ai,impact_scope_user,impact_scope_ai\n4.A.1.a.1.I01,0.1,abc,,,,\n",
			readIWAMetrics, `not a number: "abc"`, 2, 19, "share_ai"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeData(t, map[string]string{tt.file: tt.body})
			err := tt.read(ctx, dir, &exposure.Input{})
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want a *ParseError", err)
			}
			if pe.File != tt.file || pe.Line != tt.line || (tt.col > 0 && pe.Column != tt.col) || pe.Field != tt.field {
				t.Errorf("got %s:%d:%d field %q, want %s:%d:%d field %q (%v)", pe.File, pe.Line, pe.Column, pe.Field, tt.file, tt.line, tt.col, tt.field, err)
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), tt.file+":") {
				t.Errorf("message %q, want it to start with the file and contain %q", err, tt.want)
			}
		})
	}
}

// writeSheet writes a one-sheet workbook dir/name with the given rows.
func writeSheet(t *testing.T, dir, name, sheet string, rows [][]any) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if sheet != "Sheet1" {
		if err := f.SetSheetName("Sheet1", sheet); err != nil {
			t.Fatal(err)
		}
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
}

func TestOEWSMarkersAreNull(t *testing.T) {
	dir := t.TempDir()
	writeSheet(t, dir, FileOEWS, "national_M2024_dl", [][]any{
		{"AREA", "OCC_CODE", "OCC_TITLE", "O_GROUP", "TOT_EMP", "A_MEDIAN"},
		{"99", "11-1011", "Chief Executives", "detailed", "200,480", "#"},
		{"99", "27-2011", "Actors", "detailed", "51,230", "*"},
		{"99", "15-1252", "Software Developers", "detailed", "1,654,440", "133,080"}})
	in := &exposure.Input{}
	if err := readOEWS(context.Background(), dir, in); err != nil {
		t.Fatal(err)
	}
	if len(in.OEWS) != 3 || *in.OEWS[0].Employment != 200480 || in.OEWS[0].MedianWage != nil || in.OEWS[1].MedianWage != nil ||
		*in.OEWS[2].MedianWage != 133080 {
		t.Errorf("rows %+v", in.OEWS)
	}
}

func TestSheetErrorsNameFileRowColumn(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	writeSheet(t, dir, FileOEWS, "national_M2024_dl", [][]any{
		{"OCC_CODE", "OCC_TITLE", "O_GROUP", "TOT_EMP", "A_MEDIAN"},
		{"11-1011", "Chief", "detailed", "1,000", "!"}})
	err := readOEWS(ctx, dir, &exposure.Input{})
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 2 || pe.Column != 5 || pe.Field != "A_MEDIAN" ||
		!strings.Contains(err.Error(), FileOEWS+" [national_M2024_dl]:2:5") {
		t.Errorf("err = %v, want row 2 column 5 of %s naming A_MEDIAN", err, FileOEWS)
	}

	writeSheet(t, dir, FileProjections, "Table 1.2", [][]any{
		{"Table 1.2 caption"},
		{projTitle, projCode, projType, projPct},
		{"Chief executives", "11-1011", "Line item", "4.3"},
		{"Buyers", "13-1020", "Summary", "—"},
		{"Footnotes:"},
		{"Bad", "11-1021", "Line", "1.0"}})
	err = readProjections(ctx, dir, &exposure.Input{})
	if !errors.As(err, &pe) || pe.Line != 6 || pe.Field != projType {
		t.Errorf("err = %v, want row 6 naming %q", err, projType)
	}

	writeSheet(t, dir, FileProjections, "Table 1.1", [][]any{{projTitle}})
	if err := readProjections(ctx, dir, &exposure.Input{}); err == nil || !strings.Contains(err.Error(), `no sheet "Table 1.2"`) {
		t.Errorf("missing sheet: err = %v", err)
	}
}

func TestProjectionsByCode(t *testing.T) {
	dir := t.TempDir()
	writeSheet(t, dir, FileProjections, "Table 1.2", [][]any{
		{"caption"},
		{projTitle, projCode, projType, projPct},
		{"Chief executives", "11-1011", "Line item", "4.3"},
		{"Buyers", "13-1020", "Summary", "-1.5"},
		{"Not published", "13-1099", "Line item", "—"},
		{"Source: BLS"}})
	in := &exposure.Input{}
	if err := readProjections(context.Background(), dir, in); err != nil {
		t.Fatal(err)
	}
	want := []exposure.Projection{{Code: "11-1011", Title: "Chief executives", Detailed: true, Pct: 4.3},
		{Code: "13-1020", Title: "Buyers", Pct: -1.5}}
	if !slices.Equal(in.Projections, want) {
		t.Errorf("projections %+v, want %+v", in.Projections, want)
	}
}

func TestMissingFile(t *testing.T) {
	_, err := Load(context.Background(), t.TempDir())
	var pe *ParseError
	if !errors.As(err, &pe) || pe.File != FileOccupations || !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("err = %v, want a ParseError naming %s", err, FileOccupations)
	}
}

// TestEveryIWAClassifiedOnce checks the reviewed classification against the
// data: every intermediate work activity of O*NET's IWA Reference has
// exactly one class under its own title, and the file names no IWA the data
// lacks.
func TestEveryIWAClassifiedOnce(t *testing.T) {
	in := &exposure.Input{}
	if err := readIWAs(context.Background(), shareddata.Dir(t), in); err != nil {
		t.Fatal(err)
	}
	classes, err := exposure.IWAClasses() // fails on an IWA listed twice
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, c := range classes {
		count[c.IWA]++
	}
	data := map[string]string{}
	for _, w := range in.IWAs {
		data[w.ID] = w.Title
	}
	if len(data) != 332 {
		t.Errorf("the IWA reference has %d IWAs, want 332", len(data))
	}
	for id, title := range data {
		if count[id] != 1 {
			t.Errorf("IWA %s (%s) classified %d times, want once", id, title, count[id])
		}
	}
	for _, c := range classes {
		if title, ok := data[c.IWA]; !ok {
			t.Errorf("iwa_classes.tsv classifies %s, which is not in the data", c.IWA)
		} else if title != c.Title {
			t.Errorf("iwa_classes.tsv names %s %q, the data %q", c.IWA, c.Title, title)
		}
	}
}

func TestReadTitles(t *testing.T) {
	dir := shareddata.Dir(t)
	titles, err := ReadTitles(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	m := fromShared(t)
	if len(titles) != len(m.Titles()) {
		t.Fatalf("ReadTitles gave %d titles, the model %d", len(titles), len(m.Titles()))
	}
	for i, e := range titles {
		if e != m.Titles()[i] {
			t.Fatalf("title %d: %+v vs %+v", i, e, m.Titles()[i])
		}
	}
}

// TestReadRelated checks that the related occupations read for the title
// index are the model's, in the same order (closest first), and that a
// missing file is an error that says so.
func TestReadRelated(t *testing.T) {
	related, err := ReadRelated(context.Background(), shareddata.Dir(t))
	if err != nil {
		t.Fatal(err)
	}
	want := fromShared(t).Related()
	if len(related) != len(want) || len(related) == 0 {
		t.Fatalf("ReadRelated gave %d occupations, the model %d", len(related), len(want))
	}
	for code, codes := range want {
		if !slices.Equal(related[code], codes) {
			t.Fatalf("%s: read %v, model %v", code, related[code], codes)
		}
	}
	if got := related["11-1011.00"]; len(got) == 0 || got[0] != "11-1021.00" {
		t.Errorf("11-1011.00 related %v, want 11-1021.00 first (its index 1)", got)
	}
	if _, err := ReadRelated(context.Background(), t.TempDir()); !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "Related Occupations.txt") {
		t.Errorf("missing file: %v, want a not-exist error naming the file", err)
	}
}
