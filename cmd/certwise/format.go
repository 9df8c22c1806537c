package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/certwise/certwise/internal/display"
	"github.com/spf13/cobra"
)

// outputFormat is how a command prints its results: text to read in a
// terminal, one JSON document, JSON Lines (one object per line), a Markdown
// document (assess) or CTDL JSON-LD (certs export).
type outputFormat string

const (
	formatText     outputFormat = "text"
	formatJSON     outputFormat = "json"
	formatJSONL    outputFormat = "jsonl"
	formatMarkdown outputFormat = "markdown"
	formatCTDL     outputFormat = "ctdl"
)

// formatHelp says what each format gives, for the --format flag's help.
var formatHelp = map[outputFormat]string{
	formatText:     "text (to read in a terminal)",
	formatJSON:     "json (one document)",
	formatJSONL:    "jsonl (one object per line)",
	formatMarkdown: "markdown (a document to share)",
	formatCTDL:     "ctdl (CTDL JSON-LD)",
}

// addFormatFlag adds --format to a command, taking one of allowed (text,
// json or jsonl when none is given) and defaulting to the first. Any other
// value is a usage error naming the formats the command takes.
func addFormatFlag(cmd *cobra.Command, f *outputFormat, allowed ...outputFormat) {
	if len(allowed) == 0 {
		allowed = []outputFormat{formatText, formatJSON, formatJSONL}
	}
	*f = allowed[0]
	help := make([]string, len(allowed))
	for i, a := range allowed {
		help[i] = formatHelp[a]
	}
	cmd.Flags().Var(&formatValue{f: f, allowed: allowed}, "format", "output `FORMAT`: "+display.OrList(help))
}

// formatValue is the pflag.Value behind --format.
type formatValue struct {
	f       *outputFormat
	allowed []outputFormat
}

// String implements pflag.Value.
func (v *formatValue) String() string { return string(*v.f) }

// Set implements pflag.Value; a format the command does not take is rejected.
func (v *formatValue) Set(s string) error {
	names := make([]string, len(v.allowed))
	for i, a := range v.allowed {
		if outputFormat(s) == a {
			*v.f = a
			return nil
		}
		names[i] = string(a)
	}
	if len(names) == 1 {
		return fmt.Errorf("unknown format %q: want %s", s, names[0])
	}
	return fmt.Errorf("unknown format %q: want one of %s", s, strings.Join(names, ", "))
}

// Type implements pflag.Value.
func (v *formatValue) Type() string { return "format" }

// writeJSONDoc writes v as one indented JSON document.
func writeJSONDoc(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// writeJSONL writes each item as one compact JSON line.
func writeJSONL[T any](w io.Writer, items []T) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, it := range items {
		if err := enc.Encode(it); err != nil {
			return err
		}
	}
	return nil
}

// newTable returns a tabwriter for an aligned text table; call Flush.
func newTable(w io.Writer) *tabwriter.Writer { return tabwriter.NewWriter(w, 0, 0, 2, ' ', 0) }

// writeResult prints a command's result in format: doc as one JSON
// document, items as JSON Lines, or by calling text for the text form.
func writeResult[T any](w io.Writer, format outputFormat, doc any, items []T, text func() error) error {
	switch format {
	case formatJSON:
		return writeJSONDoc(w, doc)
	case formatJSONL:
		return writeJSONL(w, items)
	}
	return text()
}
