package certwise

import "testing"

func TestCostTextMethods(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	certs := []struct {
		cert Certification
		want string
	}{
		{Certification{}, "not confirmed"},
		{Certification{CostUSD: f(300)}, "$300"},
		{Certification{Reported: &Reported{CostUSD: f(359)}}, "$359 (reported, unverified)"},
		{Certification{CostUSD: f(0), Reported: &Reported{CostUSD: f(49)}}, "free"},
		{Certification{Reported: &Reported{Source: "https://example.org"}}, "not confirmed"},
		{Certification{CostUSD: f(200), CostProvenance: ProvenanceCorroborated}, "$200 (corroborated)"},
		{Certification{CostProvenance: ProvenanceReported, Prices: []Price{{Kind: PriceExam, USD: 400}, {Kind: PriceExam, USD: 200}, {Kind: PriceRetake, USD: 100}}},
			"pages disagree: $400 or $200 (unverified)"},
		{Certification{CostProvenance: ProvenanceReported, Prices: []Price{{Kind: PriceNonMember, USD: 599}, {Kind: PriceMember, USD: 459}}},
			"$599 (reported, unverified)"},
	}
	for _, tt := range certs {
		if got := tt.cert.CostText(); got != tt.want {
			t.Errorf("Certification%+v.CostText() = %q, want %q", tt.cert, got, tt.want)
		}
	}
	recs := []struct {
		rec  Recommendation
		want string
	}{
		{Recommendation{}, "not confirmed"},
		{Recommendation{CostUSD: f(1500), CostVerified: true}, "$1,500"},
		{Recommendation{CostUSD: f(150)}, "$150 (reported, unverified)"},
		{Recommendation{CostUSD: f(200), CostVerified: true, CostProvenance: ProvenanceCorroborated}, "$200 (corroborated)"},
		{Recommendation{CostUSD: f(200), CostVerified: true, CostProvenance: ProvenanceOfficial}, "$200"},
	}
	for _, tt := range recs {
		if got := tt.rec.CostText(); got != tt.want {
			t.Errorf("Recommendation%+v.CostText() = %q, want %q", tt.rec, got, tt.want)
		}
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

func TestValidityText(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	tests := []struct {
		name string
		cert Certification
		want string
	}{
		{"missing", Certification{}, "not confirmed"},
		{"one year", Certification{ValidityYears: f(1)}, "1 year"},
		{"years", Certification{ValidityYears: f(3)}, "3 years"},
		{"fraction", Certification{ValidityYears: f(1.5)}, "1.5 years"},
		{"reported", Certification{Reported: &Reported{ValidityYears: f(2)}}, "2 years (reported, unverified)"},
		{"reported one year", Certification{Reported: &Reported{ValidityYears: f(1)}}, "1 year (reported, unverified)"},
		{"official wins", Certification{ValidityYears: f(3), Reported: &Reported{ValidityYears: f(2)}}, "3 years"},
		{"reported without a period", Certification{Reported: &Reported{Source: "https://example.org"}}, "not confirmed"},
	}
	for _, tt := range tests {
		if got := tt.cert.ValidityText(); got != tt.want {
			t.Errorf("%s: ValidityText() = %q, want %q", tt.name, got, tt.want)
		}
	}
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

func TestTotalCostText(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	tests := []struct {
		recs []Recommendation
		want string
	}{
		{[]Recommendation{{CostUSD: f(100), CostVerified: true}, {CostUSD: f(149), CostVerified: true}}, "$249"},
		{[]Recommendation{{CostUSD: f(49), CostVerified: true}, {}, {}}, "$49 for 1 of 3 (2 unpriced)"},
		{[]Recommendation{{CostUSD: f(49)}, {CostUSD: f(200), CostVerified: true}, {}}, "$249 for 2 of 3 (1 unpriced; 1 of the prices reported, unverified)"},
		{[]Recommendation{{}, {}}, "an unknown amount: none of the 2 has a confirmed price"},
		{[]Recommendation{{}}, "an unknown amount: it has no confirmed price"},
		{[]Recommendation{{CostUSD: f(0), CostVerified: true}}, "$0"},
	}
	for _, tt := range tests {
		if got := TotalCostText(tt.recs); got != tt.want {
			t.Errorf("TotalCostText(%d recs) = %q, want %q", len(tt.recs), got, tt.want)
		}
	}
	step := NextStep{TotalCostUSD: f(450)}
	if got := step.TotalCostText(); got != "$450" {
		t.Errorf("a step without certifications: %q, want its bare total", got)
	}
}

func TestPriceText(t *testing.T) {
	tests := []struct {
		p    Price
		want string
	}{
		{Price{Kind: PriceMember, USD: 459, Provenance: ProvenanceCorroborated, Sources: make([]Source, 3)}, "member $459 (corroborated, 3 pages)"},
		{Price{Kind: PriceExam, USD: 400, Provenance: ProvenanceReported, Sources: make([]Source, 1), Note: "conflict: see USD 200"}, "exam $400 (reported, 1 page; conflict: see USD 200)"},
		{Price{Kind: PriceCourse, USD: 0, Provenance: ProvenanceOfficial, Sources: make([]Source, 1)}, "course free (official, 1 page)"},
	}
	for _, tt := range tests {
		if got := tt.p.Text(); got != tt.want {
			t.Errorf("Text() = %q, want %q", got, tt.want)
		}
	}
}

func TestEnrollable(t *testing.T) {
	if !(Recommendation{}).Enrollable() {
		t.Error("a recommendation without missing prerequisites is not enrollable")
	}
	if (Recommendation{PrerequisitesMissing: []string{"An active CISA"}}).Enrollable() {
		t.Error("a recommendation missing a credential is enrollable")
	}
	if !(Recommendation{PrerequisitesToConfirm: []string{"Five years of experience"}}).Enrollable() {
		t.Error("experience only the person can confirm blocks enrolling")
	}
}
