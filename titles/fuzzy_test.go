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

func TestSpellerNearestByGrams(t *testing.T) {
	s := newSpeller(map[string]int32{
		"grinder": 20, "miller": 10, "engineer": 300, "nurse": 100, "gristmill": 1,
	})
	tests := []struct {
		in   string
		min  float64
		want string
	}{
		{"regrinder", 0.6, "grinder"},     // a prefix the vocabulary lacks
		{"gristmiller", 0.6, "gristmill"}, // the nearer of two words it holds
		{"engineering", 0.6, "engineer"},  // a suffix
		{"regrinder", 0.8, ""},            // not similar enough at a higher bar
		{"plumber", 0.6, ""},              // nothing near
		{"nurs", 0.6, ""},                 // too short to guess at
	}
	for _, tc := range tests {
		if got := s.nearestByGrams(tc.in, tc.min); got != tc.want {
			t.Errorf("nearestByGrams(%q, %v) = %q, want %q", tc.in, tc.min, got, tc.want)
		}
	}
	if got := trigrams("cook"); len(got) != 4 || got[0] != "#co" || got[3] != "ok#" {
		t.Errorf("trigrams(cook) = %q", got)
	}
}
