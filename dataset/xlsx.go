package dataset

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
)

// scanSheet reads one worksheet of dir/name (an Excel workbook, as BLS
// publishes its tables) the way scan reads a delimited file: the header is
// the first row that holds every required column (BLS puts a caption above
// some tables), and fn is called per row below it. Cells are read as Excel
// displays them ("1,654,440"), so the BLS readers share the text parsers.
// Errors name the file, the sheet, the 1-based row as the line and the
// 1-based column.
//
// The workbook is read with github.com/xuri/excelize/v2: xlsx is zipped XML
// with shared strings and number formats, which a maintained library reads
// correctly where a hand-written reader would not.
func scanSheet(ctx context.Context, dir, name, sheet string, required []string, fn func(*row) error) error {
	where := name + " [" + sheet + "]"
	f, err := excelize.OpenFile(filepath.Join(dir, name))
	if err != nil {
		return &ParseError{File: name, Err: err}
	}
	defer f.Close()
	if sheet == "" {
		sheet = f.GetSheetName(0)
		where = name + " [" + sheet + "]"
	}
	if idx, err := f.GetSheetIndex(sheet); err != nil || idx < 0 {
		return &ParseError{File: where, Err: fmt.Errorf("no sheet %q (sheets: %s)", sheet, strings.Join(f.GetSheetList(), ", "))}
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return &ParseError{File: where, Err: err}
	}
	defer rows.Close()
	t := &table{dir: dir, name: where}
	line := 0
	var width int
	for rows.Next() {
		line++
		if line%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		cells, err := rows.Columns()
		if err != nil {
			return t.errAt(line, 1, "", err)
		}
		if t.idx == nil {
			if !hasAll(cells, required) {
				continue
			}
			t.idx = make(map[string]int, len(cells))
			for i, h := range cells {
				t.idx[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
			}
			width = len(cells)
			continue
		}
		if len(cells) > width {
			return t.errAt(line, width+1, "", fmt.Errorf("%d cells, the header has %d", len(cells), width))
		}
		if len(cells) < width {
			cells = append(cells, make([]string, width-len(cells))...) // trailing empty cells are not stored
		}
		cols := make([]int, width)
		for i := range cols {
			cols[i] = i + 1
		}
		r := &row{t: t, fields: cells, line: line, cols: cols}
		err = fn(r)
		if r.err != nil {
			return r.err
		}
		if err != nil {
			return err
		}
	}
	if err := rows.Error(); err != nil {
		return t.errAt(line, 1, "", err)
	}
	if t.idx == nil {
		return t.errAt(1, 1, required[0], errors.New("no header row with the required columns "+strings.Join(required, ", ")))
	}
	return nil
}

func hasAll(cells, required []string) bool {
	for _, h := range required {
		if !slices.ContainsFunc(cells, func(c string) bool { return strings.TrimSpace(c) == h }) {
			return false
		}
	}
	return true
}
