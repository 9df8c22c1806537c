package display

import (
	"math"
	"testing"
)

func TestInt(t *testing.T) {
	tests := []struct {
		in   int64
		want string
	}{
		{0, "0"},
		{7, "7"},
		{999, "999"},
		{1000, "1,000"},
		{36920, "36,920"},
		{120730, "120,730"},
		{1234567, "1,234,567"},
		{-1, "-1"},
		{-1000, "-1,000"},
		{-123456, "-123,456"},
		{math.MaxInt64, "9,223,372,036,854,775,807"},
		{math.MinInt64, "-9,223,372,036,854,775,808"},
	}
	for _, tt := range tests {
		if got := Int(tt.in); got != tt.want {
			t.Errorf("Int(%d) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFloat(t *testing.T) {
	tests := []struct {
		in     float64
		digits int
		want   string
	}{
		{0, 0, "0"},
		{120730, 0, "120,730"},
		{120730.4, 0, "120,730"},
		{999.6, 0, "1,000"},
		{1234.5, -1, "1,234.5"},
		{1234.5, 2, "1,234.50"},
		{299, -1, "299"},
		{0.25, -1, "0.25"},
		{-98765.4321, 1, "-98,765.4"},
		{-12, -1, "-12"},
	}
	for _, tt := range tests {
		if got := Float(tt.in, tt.digits); got != tt.want {
			t.Errorf("Float(%v, %d) = %q, want %q", tt.in, tt.digits, got, tt.want)
		}
	}
}
