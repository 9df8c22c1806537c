package main

import (
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

func TestFormatFlag(t *testing.T) {
	tests := []struct {
		name    string
		allowed []outputFormat
		arg     string
		want    outputFormat
		wantErr string
	}{
		{"default set, default value", nil, "", formatText, ""},
		{"default set takes jsonl", nil, "jsonl", formatJSONL, ""},
		{"default set refuses markdown", nil, "markdown", "", `unknown format "markdown": want one of text, json, jsonl`},
		{"restricted set refuses jsonl", []outputFormat{formatText, formatJSON}, "jsonl", "", `unknown format "jsonl": want one of text, json`},
		{"single format is its default", []outputFormat{formatCTDL}, "", formatCTDL, ""},
		{"single format refuses others", []outputFormat{formatJSONL}, "json", "", `unknown format "json": want jsonl`},
		{"markdown where taken", []outputFormat{formatText, formatJSON, formatMarkdown}, "markdown", formatMarkdown, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd := &cobra.Command{Use: "x"}
			var f outputFormat
			addFormatFlag(cmd, &f, tt.allowed...)
			var err error
			if tt.arg != "" {
				err = cmd.Flags().Set("format", tt.arg)
			}
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Set(%q) error = %v, want %q", tt.arg, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Set(%q): %v", tt.arg, err)
			}
			if f != tt.want {
				t.Errorf("format = %q, want %q", f, tt.want)
			}
		})
	}
}
