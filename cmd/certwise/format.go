package main

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/spf13/cobra"
)

// outputFormat is how a command prints its results: an aligned text table,
// one JSON document, or JSON Lines (one object per line).
type outputFormat string

const (
	formatText  outputFormat = "text"
	formatJSON  outputFormat = "json"
	formatJSONL outputFormat = "jsonl"
)

// addFormatFlag adds --format text|json|jsonl to a command.
func addFormatFlag(cmd *cobra.Command, f *outputFormat) {
	*f = formatText
	cmd.Flags().Var(f, "format", "output `FORMAT`: text (aligned table), json (one document) or jsonl (one object per line)")
}

// String implements pflag.Value.
func (f *outputFormat) String() string { return string(*f) }

// Set implements pflag.Value; anything but text, json or jsonl is rejected.
func (f *outputFormat) Set(s string) error {
	switch outputFormat(s) {
	case formatText, formatJSON, formatJSONL:
		*f = outputFormat(s)
		return nil
	}
	return fmt.Errorf("unknown format %q: want text, json or jsonl", s)
}

// Type implements pflag.Value.
func (f *outputFormat) Type() string { return "format" }

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
