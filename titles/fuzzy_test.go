package titles

import "testing"

func TestSpellerCorrect(t *testing.T) {
	s := newSpeller(map[string]int32{
		"accountant": 50, "accounting": 40, "hygienist": 10, "engineer": 300, "nurse": 100,
		"technician": 200, "cook": 30, "nursery": 5,
	})
	tests := []struct{ in, want string }{
		{"acountant", "accountant"},   // deletion
		{"accountnat", "accountant"},  // transposition
		{"acccountant", "accountant"}, // insertion
		{"hygenist", "hygienist"},     // deletion
		{"enginer", "engineer"},       // deletion
		{"egnineer", "engineer"},      // transposition
		{"techncian", "technician"},   // deletion
		{"nurze", "nurse"},            // substitution
		{"techniciann", "technician"}, // insertion at the end
		{"acountent", ""},             // two edits the one-deletion neighbourhood does not reach
		{"cok", ""},                   // too short to correct
		{"nurxxe", ""},                // two edits on a short word
		{"plumber", ""},               // nothing near
	}
	for _, tc := range tests {
		if got := s.correct(tc.in); got != tc.want {
			t.Errorf("correct(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestOSADistance(t *testing.T) {
	tests := []struct {
		a, b string
		max  int
		want int
	}{
		{"kitten", "sitting", 3, 3},
		{"abcd", "abdc", 2, 1},
		{"abc", "abc", 1, 0},
		{"abc", "xyz", 1, 2}, // beyond max reports max+1
		{"a", "abcd", 2, 3},
	}
	for _, tc := range tests {
		if got := osaDistance(tc.a, tc.b, tc.max); got != tc.want {
			t.Errorf("osaDistance(%q, %q, %d) = %d, want %d", tc.a, tc.b, tc.max, got, tc.want)
		}
	}
}
