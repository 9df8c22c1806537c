package dataset

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// ParseError is a problem in one of the public data files. It names the file
// (relative to the data directory), the 1-based line and column, and the
// field (the column's header) where known.
type ParseError struct {
	File   string
	Line   int
	Column int
	Field  string
	Err    error
}

func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Column)
	}
	if e.Field != "" {
		fmt.Fprintf(&b, ": field %q", e.Field)
	}
	b.WriteString(": ")
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *ParseError) Unwrap() error { return e.Err }

// format is how a file separates its fields.
type format int

const (
	tabPlain    format = iota // O*NET text files: tabs, no quoting
	tabQuoted                 // pandas TSV: tabs, CSV-style quoting
	commaQuoted               // CSV
)

// row is one data line of a table, read field by field by header name.
type row struct {
	t      *table
	fields []string
	line   int
	cols   []int // 1-based byte column of each field
	err    error // the first error found by an accessor
}

// table reads one delimited file with a header line.
type table struct {
	dir, name string // the file is dir/name; errors name it by name
	idx       map[string]int
}

func (t *table) errAt(line, col int, field string, err error) error {
	return &ParseError{File: t.name, Line: line, Column: col, Field: field, Err: err}
}

// str returns a field's text, trimmed of surrounding space.
func (r *row) str(field string) string {
	return strings.TrimSpace(r.fields[r.t.idx[field]])
}

// errf returns an error located at a field of this row.
func (r *row) errf(field, format string, args ...any) error {
	i := r.t.idx[field]
	return r.t.errAt(r.line, r.cols[i], field, fmt.Errorf(format, args...))
}

// fail records the row's first error, located at field; the accessors
// below call it and return a zero value, so a reader checks r.err once.
func (r *row) fail(field, format string, args ...any) {
	if r.err == nil {
		r.err = r.errf(field, format, args...)
	}
}

// need returns a field's text; empty is an error.
func (r *row) need(field string) string {
	s := r.str(field)
	if s == "" {
		r.fail(field, "empty value")
	}
	return s
}

// float parses a required number.
func (r *row) float(field string) float64 {
	s := r.need(field)
	if s == "" {
		return 0
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		r.fail(field, "not a number: %q", s)
	}
	return v
}

// optFloat parses an optional number; an empty field is nil.
func (r *row) optFloat(field string) *float64 {
	if r.str(field) == "" {
		return nil
	}
	v := r.float(field)
	return &v
}

// int parses a required integer; a float with no fraction ("8823.0") is accepted.
func (r *row) int(field string) int {
	s := r.need(field)
	if s == "" {
		return 0
	}
	if v, err := strconv.Atoi(s); err == nil {
		return v
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != float64(int(f)) {
		r.fail(field, "not an integer: %q", s)
		return 0
	}
	return int(f)
}

// scan reads dir/name, checks that the header has every required column and
// that each line has as many fields as the header, and calls fn per data line.
func scan(ctx context.Context, dir, name string, f format, required []string, fn func(*row) error) error {
	t := &table{dir: dir, name: name}
	file, err := os.Open(filepath.Join(dir, name))
	if err != nil {
		return &ParseError{File: name, Err: err}
	}
	defer file.Close()
	next := lineReader(file, f)
	header, _, line, err := next()
	if err == io.EOF {
		return t.errAt(1, 1, "", errors.New("empty file: no header line"))
	}
	if err != nil {
		return t.wrapRead(err, line)
	}
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\ufeff")
	}
	t.idx = make(map[string]int, len(header))
	for i, h := range header {
		t.idx[strings.TrimSpace(h)] = i
	}
	for _, h := range required {
		if _, ok := t.idx[h]; !ok {
			return t.errAt(1, 1, h, errors.New("missing column in the header line"))
		}
	}
	for n := 0; ; n++ {
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		fields, cols, line, err := next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return t.wrapRead(err, line)
		}
		if len(fields) == 1 && fields[0] == "" {
			continue // blank line
		}
		if len(fields) != len(header) {
			col := 1
			if len(cols) > 0 {
				col = cols[len(cols)-1]
			}
			return t.errAt(line, col, "", fmt.Errorf("%d fields, the header has %d", len(fields), len(header)))
		}
		r := &row{t: t, fields: fields, line: line, cols: cols}
		err = fn(r)
		if r.err != nil {
			return r.err
		}
		if err != nil {
			return err
		}
	}
}

func (t *table) wrapRead(err error, line int) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return t.errAt(pe.Line, pe.Column, "", pe.Err)
	}
	return t.errAt(line, 1, "", err)
}

// lineReader returns a function yielding each record with the 1-based byte
// column of each field and the record's first line number.
func lineReader(r io.Reader, f format) func() ([]string, []int, int, error) {
	if f == tabPlain {
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
		line := 0
		return func() ([]string, []int, int, error) {
			if !sc.Scan() {
				if err := sc.Err(); err != nil {
					return nil, nil, line + 1, err
				}
				return nil, nil, line, io.EOF
			}
			line++
			text := strings.TrimSuffix(sc.Text(), "\r")
			fields := strings.Split(text, "\t")
			cols := make([]int, len(fields))
			c := 1
			for i, s := range fields {
				cols[i] = c
				c += len(s) + 1
			}
			return fields, cols, line, nil
		}
	}
	cr := csv.NewReader(bufio.NewReaderSize(r, 1<<16))
	if f == tabQuoted {
		cr.Comma = '\t'
	}
	cr.FieldsPerRecord = -1
	return func() ([]string, []int, int, error) {
		rec, err := cr.Read()
		if err != nil {
			return nil, nil, 0, err
		}
		cols := make([]int, len(rec))
		line := 0
		for i := range rec {
			l, c := cr.FieldPos(i)
			if i == 0 {
				line = l
			}
			cols[i] = c
		}
		return rec, cols, line, nil
	}
}
