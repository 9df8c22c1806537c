package querybench

import (
	"testing"
	"time"
)

func TestPercentiles(t *testing.T) {
	tests := []struct {
		name             string
		lat              []time.Duration
		p50, p99, maxLat float64
	}{
		{"one", []time.Duration{3 * time.Microsecond}, 3, 3, 3},
		{"unsorted", []time.Duration{5 * time.Microsecond, time.Microsecond, 3 * time.Microsecond}, 3, 5, 5},
		{"hundred", hundred(), 51, 100, 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p50, p99, maxLat := Percentiles(tt.lat)
			if p50 != tt.p50 || p99 != tt.p99 || maxLat != tt.maxLat {
				t.Errorf("got %v %v %v, want %v %v %v", p50, p99, maxLat, tt.p50, tt.p99, tt.maxLat)
			}
		})
	}
}

// hundred returns 100 µs down to 1 µs.
func hundred() []time.Duration {
	var d []time.Duration
	for i := 100; i >= 1; i-- {
		d = append(d, time.Duration(i)*time.Microsecond)
	}
	return d
}
