package titles

import (
	"strings"
	"testing"

	"github.com/certwise/certwise"
)

// TestReadModernErrors checks that a malformed modern-titles table is
// refused with the line and the field at fault.
func TestReadModernErrors(t *testing.T) {
	for _, tc := range []struct {
		name, table, want string
	}{
		{"fields", "Product Manager\t11-2021.00\t-\n", "t.tsv:1: want 4 tab-separated fields"},
		{"empty pattern", "of\t11-2021.00\t-\twhy\n", `t.tsv:1: pattern "of" has no words`},
		{"code", "# c\n\nProduct Manager\t11-2021\t-\twhy\n", `t.tsv:3: code "11-2021" is not an O*NET-SOC code`},
		{"flag", "Product Manager\t11-2021.00\tmaybe\twhy\n", `t.tsv:1: flag "maybe"`},
		{"rationale", "Product Manager\t11-2021.00\t-\t \n", "t.tsv:1: rationale is empty"},
		{"qualifier", "Product Manager +of\t11-2021.00\t-\twhy\n", `t.tsv:1: qualifier "of" has no words`},
		{"alternative", "Product manager|of\t11-2021.00\t-\twhy\n", `t.tsv:1: alternative "of" of "manager|of"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := readModern(strings.NewReader(tc.table), "t.tsv")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("readModern: %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

// TestModernTableCodes checks that every code of the embedded table names
// an O*NET occupation, so that no rule is silently dropped.
func TestModernTableCodes(t *testing.T) {
	x := fullIndex(t)
	rules := modernRules()
	if len(rules) < 100 {
		t.Fatalf("modern.tsv has %d rules; want the job families of issue 14", len(rules))
	}
	for _, r := range rules {
		for _, c := range r.codes {
			if _, ok := x.byCode[c]; !ok {
				t.Errorf("modern.tsv pattern %q: code %s is no O*NET occupation", r.text, c)
			}
		}
	}
}

// TestMatchModern checks modern titles against the full index: the issue's
// examples, the normalization they go through, the note on titles O*NET has
// no occupation for, and O*NET's own more specific listings winning.
func TestMatchModern(t *testing.T) {
	x := fullIndex(t)
	for _, tc := range []struct {
		query, want string
		confident   bool
		note        bool
	}{
		{"Head of People", "11-3121.00", true, false},
		{"Chief People Officer", "11-3121.00", true, false},
		{"VP, People Operations", "11-3121.00", true, false},
		{"Sr. Product Manager, Growth", "11-2021.00", true, false},
		{"Principal Product Manager II", "11-2021.00", true, false},
		{"Prompt Engineer", "15-1252.00", true, true},
		{"LLM Engineer", "15-1299.08", true, true},
		{"AI Engineer", "15-1299.08", true, true},
		{"AI Product Lead", "11-2021.00", true, true},
		{"Product Manager - AI", "11-2021.00", true, true},
		{"Customer Success Manager", "13-1199.00", false, true},
		{"Project Manager", "13-1082.00", true, false},
		{"Machine Learning Engineer", "15-1299.08", true, false},
		{"Sr. ML Engineer", "15-1299.08", true, false},
		{"Full-Stack Developer", "15-1252.00", true, false},
		{"HRBP", "13-1071.00", true, false},
		// O*NET lists this title, which says more than "product manager"
		{"Biodiesel Product Manager", "11-9041.01", true, false},
		// a rank word after a job's name is another job
		{"Sales Representative Supervisor", "41-1012.00", true, false},
	} {
		t.Run(tc.query, func(t *testing.T) {
			r := x.Match(tc.query, 5)
			if len(r.Matches) == 0 {
				t.Fatalf("Match(%q): no matches", tc.query)
			}
			m := r.Matches[0]
			if m.Code != tc.want || r.Confident != tc.confident || (m.Note != "") != tc.note {
				t.Errorf("Match(%q) = %s %q confident %v note %q; want %s confident %v note %v; all %v",
					tc.query, m.Code, m.Title, r.Confident, m.Note, tc.want, tc.confident, tc.note, r.Matches)
			}
			for i := 1; i < len(r.Matches); i++ {
				if r.Matches[i].Score > r.Matches[i-1].Score {
					t.Errorf("Match(%q): scores not in order: %v", tc.query, r.Matches)
				}
			}
		})
	}
}

// TestGenericWords checks that a match resting only on generic words is
// never confident, and never ranks above an occupation that matches the
// query's distinguishing word.
func TestGenericWords(t *testing.T) {
	entries := []certwise.TitleEntry{
		{Code: "17-2051.00", Title: "Civil Engineers", Official: true},
		{Code: "17-2051.00", Title: "Engineer"},
		{Code: "17-2051.00", Title: "Project Engineer"},
		{Code: "17-2051.00", Title: "Structural Engineer"},
		{Code: "27-1021.00", Title: "Commercial and Industrial Designers", Official: true},
		{Code: "27-1021.00", Title: "Widget Designer"},
		{Code: "27-1021.00", Title: "Product Designer"},
	}
	x := Build(entries)
	for _, tc := range []struct {
		query, want string
	}{
		{"Widget Engineer", "27-1021.00"}, // "engineer" alone brings the civil engineers
		{"Engineer", "17-2051.00"},        // nothing but a generic word: found, not confident
		{"Senior Lead Engineer", "17-2051.00"},
	} {
		r := x.Match(tc.query, 3)
		if len(r.Matches) == 0 || r.Matches[0].Code != tc.want || r.Confident {
			t.Errorf("Match(%q) = %v (confident %v); want %s first, not confident", tc.query, r.Matches, r.Confident, tc.want)
		}
	}
	// A rule whose codes the index lacks is dropped, not an error.
	if r := x.Match("Product Manager", 3); len(r.Matches) == 0 || r.Matches[0].Code != "27-1021.00" {
		t.Errorf("Match(%q) = %v; want the index's own answer when the rule's occupations are missing", "Product Manager", r.Matches)
	}
}
