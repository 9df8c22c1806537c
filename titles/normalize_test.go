package titles

import (
	"slices"
	"testing"
)

func TestAnalyze(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		words []string
		head  string
	}{
		{"seniority and roman level", "Sr. Software Engineer II", []string{"software", "engineer"}, "engineer"},
		{"junior and arabic level", "Junior Accountant 3", []string{"accountant"}, "accountant"},
		{"shift note and abbreviation", "RN - ICU nights", []string{"registered", "nurse", "icu"}, "nurse"},
		{"comma-separated function", "VP, Marketing", []string{"vicepresident", "marketing"}, "vicepresident"},
		{"compound spelled out", "Vice President of Sales", []string{"vicepresident", "sale"}, "vicepresident"},
		{"of-phrase keeps its head", "Director of Human Resources", []string{"director", "human", "resource"}, "director"},
		{"abbreviation expands", "HR Mgr", []string{"human", "resource", "manager"}, "manager"},
		{"qa and eng", "QA Eng", []string{"quality", "assurance", "engineer"}, "engineer"},
		{"ux", "UX designer", []string{"user", "experience", "designer"}, "designer"},
		{"admin asst", "Admin Asst", []string{"administrator", "assistant"}, "assistant"},
		{"dev", "Jr. Web Dev", []string{"web", "developer"}, "developer"},
		{"nlp", "NLP Engineer", []string{"natural", "language", "processing", "engineer"}, "engineer"},
		{"mlops", "MLOps Lead", []string{"machine", "learning", "operation", "lead"}, "lead"},
		{"plural", "Registered Nurses", []string{"registered", "nurse"}, "nurse"},
		{"plural -ies", "Legal Secretaries", []string{"legal", "secretary"}, "secretary"},
		{"plural -men", "Firemen", []string{"fireman"}, "fireman"},
		{"location dropped", "Truck Driver - Chicago, IL", []string{"truck", "driver"}, "driver"},
		{"employment terms dropped", "Part-Time Cashier (PRN, weekends)", []string{"cashier"}, "cashier"},
		{"dotted acronym", "U.S. Senator", []string{"senator"}, "senator"},
		{"upper case", "ACCOUNTANT", []string{"accountant"}, "accountant"},
		{"apostrophe", "Children's Librarian", []string{"children", "librarian"}, "librarian"},
		{"ampersand pair", "R&D Chemist", []string{"rd", "chemist"}, "chemist"},
		{"accents", "Café Barista", []string{"cafe", "barista"}, "barista"},
		{"hyphenated word", "X-Ray Technician", []string{"xray", "technician"}, "technician"},
		{"x ray spelled apart", "X Ray Tech", []string{"xray", "technician"}, "technician"},
		{"double hyphen separates", "Helpers--Carpenters", []string{"helper", "carpenter"}, "helper"},
		{"hyphen splits words", "Set-Up Operator", []string{"set", "up", "operator"}, "operator"},
		{"opening level word", "Staff Software Engineer", []string{"software", "engineer"}, "engineer"},
		{"opening level words", "Principal Staff Engineer", []string{"engineer"}, "engineer"},
		{"level word alone stays", "Principal", []string{"principal"}, "principal"},
		{"level word later stays", "Chief of Staff", []string{"chief", "staff"}, "chief"},
		{"level word before a separator stays", "Staff - Nursing", []string{"staff", "nursing"}, "staff"},
		{"head of is director of", "Head of Marketing", []string{"director", "marketing"}, "director"},
		{"head as a rank stays", "Head Cook", []string{"head", "cook"}, "cook"},
		{"only noise", "Senior II (nights)", nil, ""},
		{"empty", "", nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := analyze(tc.in)
			if !slices.Equal(a.words, tc.words) || a.head != tc.head {
				t.Errorf("analyze(%q) = words %q head %q, want %q head %q", tc.in, a.words, a.head, tc.words, tc.head)
			}
		})
	}
}

func TestStem(t *testing.T) {
	tests := map[string]string{
		"nurses": "nurse", "secretaries": "secretary", "boxes": "box", "benches": "bench",
		"glass": "glass", "analysis": "analysis", "status": "status", "salesmen": "salesman",
		"women": "woman", "physics": "physics", "cook": "cook", "bus": "bus",
	}
	for in, want := range tests {
		if got := stem(in); got != want {
			t.Errorf("stem(%q) = %q, want %q", in, got, want)
		}
	}
}
