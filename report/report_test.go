package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/certwise/certwise"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func fixture(t *testing.T) *certwise.Evaluation {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "evaluation.json"))
	if err != nil {
		t.Fatal(err)
	}
	var ev certwise.Evaluation
	if err := json.Unmarshal(b, &ev); err != nil {
		t.Fatal(err)
	}
	return &ev
}

func TestGolden(t *testing.T) {
	for _, tt := range []struct {
		file   string
		render func(*bytes.Buffer, *certwise.Evaluation) error
	}{
		{"evaluation.txt", func(b *bytes.Buffer, ev *certwise.Evaluation) error { return Text(b, ev) }},
		{"evaluation.md", func(b *bytes.Buffer, ev *certwise.Evaluation) error { return Markdown(b, ev) }},
	} {
		t.Run(tt.file, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.render(&buf, fixture(t)); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", tt.file)
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./report -update)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s differs from the golden file; run go test ./report -update and review the diff\n%s", tt.file, buf.String())
			}
		})
	}
}

func TestTextWrapsAndShowsEverything(t *testing.T) {
	var buf bytes.Buffer
	ev := fixture(t)
	if err := Text(&buf, ev); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for i, l := range strings.Split(out, "\n") {
		if n := len([]rune(l)); n > Width && strings.Contains(strings.TrimSpace(l), " ") {
			t.Errorf("line %d is %d columns: %q", i+1, n, l)
		}
	}
	for _, want := range []string{"Verdict: Pursue it", "[x] You know which role you are heading for.", "Software Developers",
		"Design software systems", "Computer Systems Engineers/Architects", "Cert A", "Reskill or Stay Put?", ev.Questions[4].Question} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q", want)
		}
	}
}

func TestMarkdownEscapes(t *testing.T) {
	ev := fixture(t)
	ev.Reasons = []certwise.Reason{{Fact: "capability_gap_named", Evidence: "gap named: *bold* <script> [x](y) | pipe"}}
	ev.Recommendations[0].Name = "A | B"
	var buf bytes.Buffer
	if err := Markdown(&buf, ev); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.Contains(out, "<script>") || strings.Contains(out, " *bold* ") || !strings.Contains(out, `A \| B`) {
		t.Errorf("user text not escaped:\n%s", out)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteErrors(t *testing.T) {
	ev := fixture(t)
	if err := Text(failWriter{}, ev); err == nil {
		t.Error("Text: no error from a failing writer")
	}
	if err := Markdown(failWriter{}, ev); err == nil {
		t.Error("Markdown: no error from a failing writer")
	}
}

func TestWrap(t *testing.T) {
	got := wrap("aaa bbb ccc ddd", 7)
	if strings.Join(got, "|") != "aaa bbb|ccc ddd" {
		t.Errorf("wrap = %q", got)
	}
	if wrap("   ", 10) != nil {
		t.Error("blank text should give no lines")
	}
}

func TestFiguresGroupThousands(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	tests := []struct {
		name, got, want string
	}{
		{"hours", hours(f(1200)), "1,200 h"},
		{"evidence", evidenceValue(36920.0), "36,920"},
		{"evidence share", evidenceValue(0.25), "25%"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, tt.got, tt.want)
		}
	}
	w := 36920.0
	lines := stepDetails(certwise.NextStep{Targets: []certwise.TransitionTarget{{Code: "43-4051.00", Title: "Customer Service Representatives", MedianWage: &w}}})
	if len(lines) != 1 || !strings.Contains(lines[0], "median wage $36,920") {
		t.Errorf("target line %q: want the median wage as $36,920", lines)
	}
}
