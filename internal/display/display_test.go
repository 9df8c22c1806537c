package display

import "testing"

func fp(v float64) *float64 { return &v }

func TestDollars(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0, "$0"},
		{99, "$99"},
		{99.5, "$99.50"},
		{1250, "$1,250"},
		{1234567.891, "$1,234,567.89"},
	}
	for _, tt := range tests {
		if got := Dollars(tt.in); got != tt.want {
			t.Errorf("Dollars(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWholeDollars(t *testing.T) {
	for in, want := range map[float64]string{0: "$0", 120730.4: "$120,730", 999.6: "$1,000"} {
		if got := WholeDollars(in); got != want {
			t.Errorf("WholeDollars(%v) = %q, want %q", in, got, want)
		}
	}
}

func TestCost(t *testing.T) {
	tests := []struct {
		cost     *float64
		verified bool
		want     string
	}{
		{nil, true, "not confirmed"},
		{nil, false, "not confirmed"},
		{fp(0), true, "free"},
		{fp(0), false, "free (reported, unverified)"},
		{fp(150), true, "$150"},
		{fp(1299.5), false, "$1,299.50 (reported, unverified)"},
	}
	for _, tt := range tests {
		if got := Cost(tt.cost, tt.verified); got != tt.want {
			t.Errorf("Cost(%v, %v) = %q, want %q", tt.cost, tt.verified, got, tt.want)
		}
	}
}

func TestValidity(t *testing.T) {
	tests := []struct {
		years    *float64
		verified bool
		want     string
	}{
		{nil, true, "not confirmed"},
		{fp(1), true, "1 year"},
		{fp(1.5), true, "1.5 years"},
		{fp(3), false, "3 years (reported, unverified)"},
	}
	for _, tt := range tests {
		if got := Validity(tt.years, tt.verified); got != tt.want {
			t.Errorf("Validity(%v, %v) = %q, want %q", tt.years, tt.verified, got, tt.want)
		}
	}
}

func TestHours(t *testing.T) {
	tests := []struct {
		in          float64
		want, short string
	}{
		{0, "0", "0 h"},
		{40, "40", "40 h"},
		{12.5, "12.5", "12.5 h"},
		{12.46, "12.5", "12.5 h"},
		{1200, "1,200", "1,200 h"},
	}
	for _, tt := range tests {
		if got := Hours(tt.in); got != tt.want {
			t.Errorf("Hours(%v) = %q, want %q", tt.in, got, tt.want)
		}
		if got := HoursShort(tt.in); got != tt.short {
			t.Errorf("HoursShort(%v) = %q, want %q", tt.in, got, tt.short)
		}
	}
}

func TestPercent(t *testing.T) {
	tests := []struct {
		in     float64
		digits int
		want   string
	}{
		{0, 0, "0%"},
		{0.374, 0, "37%"},
		{0.376, 0, "38%"},
		{1, 0, "100%"},
		{0.374, 1, "37.4%"},
		{0.05, 1, "5.0%"},
	}
	for _, tt := range tests {
		if got := PercentDigits(tt.in, tt.digits); got != tt.want {
			t.Errorf("PercentDigits(%v, %d) = %q, want %q", tt.in, tt.digits, got, tt.want)
		}
		if tt.digits == 0 {
			if got := Percent(tt.in); got != tt.want {
				t.Errorf("Percent(%v) = %q, want %q", tt.in, got, tt.want)
			}
		}
	}
}

func TestChange(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0, "+0.0%"},
		{3.25, "+3.2%"},
		{7.96, "+8.0%"},
		{-1, "-1.0%"},
	}
	for _, tt := range tests {
		if got := Change(tt.in); got != tt.want {
			t.Errorf("Change(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLists(t *testing.T) {
	tests := []struct {
		in       []string
		or, and_ string
	}{
		{nil, "", ""},
		{[]string{"a"}, "a", "a"},
		{[]string{"a", "b"}, "a or b", "a and b"},
		{[]string{"a", "b", "c"}, "a, b or c", "a, b and c"},
	}
	for _, tt := range tests {
		if got := OrList(tt.in); got != tt.or {
			t.Errorf("OrList(%q) = %q, want %q", tt.in, got, tt.or)
		}
		if got := AndList(tt.in); got != tt.and_ {
			t.Errorf("AndList(%q) = %q, want %q", tt.in, got, tt.and_)
		}
	}
}
