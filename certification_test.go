package certwise

import "testing"

func TestCost(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	tests := []struct {
		cert     Certification
		want     *float64
		verified bool
	}{
		{Certification{}, nil, false},
		{Certification{CostUSD: f(300)}, f(300), true},
		{Certification{Reported: &Reported{CostUSD: f(359)}}, f(359), false},
		{Certification{CostUSD: f(0), Reported: &Reported{CostUSD: f(49)}}, f(0), true},
		{Certification{Reported: &Reported{Source: "https://example.org"}}, nil, false},
	}
	for _, tt := range tests {
		got, verified := tt.cert.Cost()
		if (got == nil) != (tt.want == nil) || (got != nil && *got != *tt.want) || verified != tt.verified {
			t.Errorf("Cost() of %+v = %v, %v; want %v, %v", tt.cert, deref(got), verified, deref(tt.want), tt.verified)
		}
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

func TestValidity(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	tests := []struct {
		cert     Certification
		want     *float64
		verified bool
	}{
		{Certification{}, nil, false},
		{Certification{ValidityYears: f(3), Reported: &Reported{ValidityYears: f(2)}}, f(3), true},
		{Certification{Reported: &Reported{ValidityYears: f(2)}}, f(2), false},
	}
	for _, tt := range tests {
		got, verified := tt.cert.Validity()
		if (got == nil) != (tt.want == nil) || (got != nil && *got != *tt.want) || verified != tt.verified {
			t.Errorf("Validity() of %+v = %v, %v; want %v, %v", tt.cert, deref(got), verified, deref(tt.want), tt.verified)
		}
	}
}
