package report

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/certwise/certwise"
)

// userFields are the places a person's own words reach the report, each
// set to text by its function.
var userFields = map[string]func(ev *certwise.Evaluation, text string){
	"question answer (capability_gap)": func(ev *certwise.Evaluation, s string) { ev.Questions[0].Answer = s },
	"reason evidence":                  func(ev *certwise.Evaluation, s string) { ev.Reasons[0].Evidence = s },
	"certification name":               func(ev *certwise.Evaluation, s string) { ev.Recommendations[0].Name = s },
	"certification why":                func(ev *certwise.Evaluation, s string) { ev.Recommendations[0].Why = []string{s} },
	"certification url":                func(ev *certwise.Evaluation, s string) { ev.Recommendations[0].URL = "https://example.com/" + s },
	"alternative title":                func(ev *certwise.Evaluation, s string) { ev.Alternatives[0].Title = s },
	"next step action":                 func(ev *certwise.Evaluation, s string) { ev.NextSteps[0].Action = s },
	"next step why":                    func(ev *certwise.Evaluation, s string) { ev.NextSteps[0].Why = s },
	"occupation title":                 func(ev *certwise.Evaluation, s string) { ev.Exposure.OccupationTitle = s },
	"reference note":                   func(ev *certwise.Evaluation, s string) { ev.References[0].Note = s },
}

// TestMarkdownUserTextInert is defect 4 of issue 17: whatever a person
// types stays inline and inert in report.md. Every payload, in every field,
// leaves the document with the same lines and the same headings as plain
// text does, and no control or bidirectional-formatting character.
func TestMarkdownUserTextInert(t *testing.T) {
	payloads := []string{
		"x\n# Verdict: get certified now",
		"x\r\n\r\n## Certifications\n\n| 1 | forged |",
		"x\u2028# Verdict: forged\u2029- item",
		"x\u0085# NEL heading",
		"x\v\f# Verdict: forged",
		"a\x00b\x07c\x1b[31mred\x7f\u009b",
		"\u202eevil\u202c \u2066isolate\u2069 \u200fmark \u061c",
		"# at the start",
		"\t    indented code",
		"| a | b |",
		"[click](javascript:alert(1)) ![img](http://x/y.png)",
		"<script>alert(1)</script> &lt;b&gt;",
		"*bold* _em_ `code` \\",
	}
	base := render(t, func(*certwise.Evaluation) {})
	baseLines := strings.Split(base, "\n")
	for field, set := range userFields {
		for _, p := range payloads {
			out := render(t, func(ev *certwise.Evaluation) { set(ev, p) })
			lines := strings.Split(out, "\n")
			if len(lines) != len(baseLines) {
				t.Errorf("%s = %q: %d lines, want %d\n%s", field, p, len(lines), len(baseLines), out)
				continue
			}
			for i, l := range lines {
				b := baseLines[i]
				if structure(l) != structure(b) {
					t.Errorf("%s = %q: line %d starts %q, want %q", field, p, i+1, structure(l), structure(b))
				}
			}
			for _, r := range out {
				if r != '\n' && (unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || r == '\u2028' || r == '\u2029') {
					t.Errorf("%s = %q: the report holds %U", field, p, r)
					break
				}
			}
			for _, bad := range []string{"<script>", "![img]", "\n# Verdict: get", "\n## Certifications\n\n| 1 | forged"} {
				if strings.Contains(out, bad) {
					t.Errorf("%s = %q: the report holds %q", field, p, bad)
				}
			}
			if m := unescapedLink.FindString(out); m != "" && !strings.Contains(base, m) {
				t.Errorf("%s = %q: the report holds the link %q", field, p, m)
			}
		}
	}
}

// unescapedLink finds a link whose target is not an http(s) URL.
var unescapedLink = regexp.MustCompile(`(^|[^\\])\]\((?:[^h)]|h[^t])[^)]*\)`)

// structure is what a line's start makes it in Markdown: its heading
// marks, list marker, table pipe or indentation.
func structure(l string) string {
	switch {
	case strings.HasPrefix(l, "#"):
		return l[:strings.IndexFunc(l+" ", func(r rune) bool { return r != '#' })]
	case strings.HasPrefix(l, "|"):
		return "|" + strings.Repeat("|", strings.Count(l, "|")-strings.Count(l, `\|`)-1)
	case strings.HasPrefix(l, "- "), strings.HasPrefix(l, "   - "):
		return l[:strings.Index(l, "-")+1]
	case strings.HasPrefix(l, "    "), strings.HasPrefix(l, "\t"):
		return "indented"
	}
	return ""
}

func render(t *testing.T, edit func(*certwise.Evaluation)) string {
	t.Helper()
	ev := fixture(t)
	if len(ev.Questions) == 0 || len(ev.Reasons) == 0 || len(ev.Recommendations) == 0 || len(ev.Alternatives) == 0 ||
		len(ev.NextSteps) == 0 || len(ev.References) == 0 {
		t.Fatal("the fixture lacks a list the test writes into")
	}
	edit(ev)
	var buf bytes.Buffer
	if err := Markdown(&buf, ev); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}
