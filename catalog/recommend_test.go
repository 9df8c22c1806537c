package catalog

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/certwise/certwise"
)

func ptr(v float64) *float64 { return &v }

func ids(recs []certwise.Recommendation) []string {
	out := make([]string, len(recs))
	for i, r := range recs {
		out[i] = r.ID
	}
	return out
}

func TestMapGap(t *testing.T) {
	c := mustLoad(t)
	tests := []struct {
		gap  string
		want []string // skills, strongest first
	}{
		{"I need to learn prompt engineering", []string{"prompt-engineering"}},
		{"Our team must deploy ML models to production and monitor drift", []string{"mlops", "machine-learning"}},
		{"AI governance under the EU AI Act", []string{"ai-governance"}},
		{"HTML and CSS", nil}, // "ml" must not match inside "html"
		{"", nil},
		{"build RAG chatbots on LLMs", []string{"llm-applications", "generative-ai"}},
	}
	for _, tt := range tests {
		t.Run(tt.gap, func(t *testing.T) {
			var got []string
			for _, m := range c.MapGap(tt.gap) {
				got = append(got, m.Skill)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("MapGap(%q) = %v, want %v", tt.gap, got, tt.want)
			}
		})
	}
}

func TestRecommendRanking(t *testing.T) {
	c := smallCatalog(t)
	tests := []struct {
		name     string
		req      certwise.RecommendRequest
		want     []string
		excluded []string
		whyHas   map[string]string // id → a phrase its why must contain
	}{
		{
			name: "skill overlap: the certification covering more of the gap ranks first",
			req:  certwise.RecommendRequest{Gap: "machine learning and deploying models with mlops"},
			want: []string{"a-ml-pro", "a-ml-assoc", "b-ml-found"},
			whyHas: map[string]string{
				"a-ml-pro":   "covers 2 of the 2 skill areas",
				"b-ml-found": "cost $500 (reported, unverified)",
			},
		},
		{
			name: "exact target code beats same SOC beats same minor group",
			req:  certwise.RecommendRequest{Gap: "machine learning", TargetCode: "15-2051.00"},
			want: []string{"a-ml-pro", "a-ml-assoc", "b-ml-found"},
			whyHas: map[string]string{
				"a-ml-pro":   "serves your target role, Data Scientists (15-2051.00)",
				"a-ml-assoc": "the same SOC occupation",
				"b-ml-found": "same SOC minor group",
			},
		},
		{
			name: "the 6-digit SOC match lifts the associate over a closer skill fit",
			req:  certwise.RecommendRequest{Gap: "machine learning", TargetCode: "15-2051.01"},
			want: []string{"a-ml-assoc", "a-ml-pro", "b-ml-found"},
		},
		{
			name:     "budget leaves out official and reported costs above it",
			req:      certwise.RecommendRequest{Gap: "machine learning", BudgetUSD: ptr(200)},
			want:     []string{"a-ml-assoc"},
			excluded: []string{"a-ml-pro", "b-ml-found"},
			whyHas:   map[string]string{"a-ml-assoc": "cost $150 (corroborated), within your budget of $200"},
		},
		{
			name:   "certifications irrelevant to the gap are not reported as left out",
			req:    certwise.RecommendRequest{Gap: "AI governance", BudgetUSD: ptr(100)},
			want:   []string{"b-gov", "b-gov2"},
			whyHas: map[string]string{"b-gov": "cost free, within your budget of $100"},
		},
		{
			name:     "hours limit leaves out long preparation",
			req:      certwise.RecommendRequest{Gap: "machine learning", MaxHours: ptr(50)},
			want:     []string{"a-ml-assoc", "b-ml-found"},
			excluded: []string{"a-ml-pro"},
		},
		{
			name:   "a beginner cue favours the foundational level",
			req:    certwise.RecommendRequest{Gap: "machine learning basics"},
			want:   []string{"b-ml-found", "a-ml-assoc", "a-ml-pro"},
			whyHas: map[string]string{"b-ml-found": "foundational"},
		},
		{
			name: "equal scores are ordered by id",
			req:  certwise.RecommendRequest{Gap: "AI governance and risk"},
			want: []string{"b-gov", "b-gov2"},
			whyHas: map[string]string{
				"b-gov": "retiring on 2027-01-31",
			},
		},
		{
			name: "named skills count like the gap",
			req:  certwise.RecommendRequest{Skills: []string{"mlops"}},
			want: []string{"a-ml-pro"},
		},
		{
			name: "skills named in a person's own words are mapped too",
			req:  certwise.RecommendRequest{Skills: []string{"deploying models with MLOps"}},
			want: []string{"a-ml-pro"},
		},
		{
			name: "top limits the list; the focused certification wins a one-skill gap",
			req:  certwise.RecommendRequest{Gap: "machine learning", Top: 1},
			want: []string{"a-ml-assoc"},
		},
		{
			name: "a role alone is enough",
			req:  certwise.RecommendRequest{TargetCode: "13-1041.00"},
			want: []string{"b-gov", "b-gov2"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := c.RecommendDetailed(context.Background(), tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(res.Recommendations); !slices.Equal(got, tt.want) {
				t.Errorf("ranked %v, want %v", got, tt.want)
				for _, r := range res.Recommendations {
					t.Logf("%s %.1f %v", r.ID, r.Score, r.Why)
				}
			}
			var excl []string
			for _, e := range res.Excluded {
				excl = append(excl, e.ID)
				if e.Reason == "" {
					t.Errorf("exclusion of %s has no reason", e.ID)
				}
			}
			if !slices.Equal(excl, tt.excluded) {
				t.Errorf("excluded %v, want %v", excl, tt.excluded)
			}
			for id, phrase := range tt.whyHas {
				i := slices.IndexFunc(res.Recommendations, func(r certwise.Recommendation) bool { return r.ID == id })
				if i < 0 {
					t.Errorf("%s not recommended", id)
					continue
				}
				if why := strings.Join(res.Recommendations[i].Why, " | "); !strings.Contains(why, phrase) {
					t.Errorf("%s why %q lacks %q", id, why, phrase)
				}
			}
		})
	}
}

func TestRecommendHeldPrerequisite(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "small.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	// b-gov and b-gov2 tie until b-gov needs a credential the person lacks.
	changed := strings.Replace(string(data), "prerequisites: []\n    skills: [ai-governance, ai-risk]",
		"prerequisites: [\"An active CISA\"]\n    hard_prerequisites: [{credentials: [CISA, CIA], text: \"An active CISA or CIA\"}, {years_experience: 3, text: \"Three years in audit\"}]\n    skills: [ai-governance, ai-risk]", 1)
	c, err := Parse([]byte(changed), skillsYAML)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name        string
		held        []string
		want        []string
		missing     bool
		whyHas      string
		wantConfirm []string
	}{
		{"nothing held: ranked last and flagged", nil, []string{"b-gov2", "b-gov"}, true, "you cannot sit it yet: it requires An active CISA or CIA", []string{"Three years in audit"}},
		{"another credential held", []string{"PMP", "AWS AI Practitioner"}, []string{"b-gov2", "b-gov"}, true, "you cannot sit it yet", []string{"Three years in audit"}},
		{"the credential held, as written by the person", []string{"ISACA CISA"}, []string{"b-gov", "b-gov2"}, false, "you hold ISACA CISA (An active CISA or CIA), which it requires", []string{"Three years in audit"}},
		{"an accepted alternative held", []string{"cia"}, []string{"b-gov", "b-gov2"}, false, "you hold cia", []string{"Three years in audit"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, err := c.Recommend(context.Background(), certwise.RecommendRequest{Gap: "AI governance", Held: tt.held})
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(recs); !slices.Equal(got, tt.want) {
				t.Fatalf("ranked %v, want %v", got, tt.want)
			}
			i := slices.IndexFunc(recs, func(r certwise.Recommendation) bool { return r.ID == "b-gov" })
			r := recs[i]
			if (len(r.PrerequisitesMissing) > 0) != tt.missing || r.Enrollable() == tt.missing {
				t.Errorf("missing %v, enrollable %v; want missing %v", r.PrerequisitesMissing, r.Enrollable(), tt.missing)
			}
			if !slices.Equal(r.PrerequisitesToConfirm, tt.wantConfirm) {
				t.Errorf("to confirm %v, want %v", r.PrerequisitesToConfirm, tt.wantConfirm)
			}
			if why := strings.Join(r.Why, " | "); !strings.Contains(why, tt.whyHas) {
				t.Errorf("why %q lacks %q", why, tt.whyHas)
			}
			if other := recs[1-i]; !other.Enrollable() || len(other.PrerequisitesMissing) > 0 {
				t.Errorf("b-gov2 has no prerequisite but is flagged: %+v", other)
			}
		})
	}
}

func TestPrerequisitesByCatalogID(t *testing.T) {
	c := mustLoad(t)
	tests := []struct {
		id          string
		held        []string
		wantMissing bool
	}{
		{"isaca-aaia", nil, true},
		{"isaca-aaia", []string{"isaca-cisa"}, false},
		{"isaca-aaia", []string{"Certified Information Systems Auditor"}, false},
		{"isaca-aaia", []string{"CISA"}, false},
		{"isaca-aaia", []string{"CISM"}, true},
		{"isaca-aaism", []string{"CISSP"}, false},
		{"isaca-aaism", []string{"SHRM-CP"}, true},
		{"google-certified-educator-l2", []string{"Google Certified Educator Level 1"}, false},
		{"google-certified-educator-l2", []string{"Google Certified Educator Level 2"}, true},
		{"istqb-ct-ai", []string{"ISTQB CTFL"}, false},
		{"pmi-cpmai", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.id+" "+strings.Join(tt.held, ","), func(t *testing.T) {
			missing, _, err := c.Prerequisites(tt.id, tt.held)
			if err != nil {
				t.Fatal(err)
			}
			if (len(missing) > 0) != tt.wantMissing {
				t.Errorf("missing %v, want missing: %v", missing, tt.wantMissing)
			}
		})
	}
	if _, _, err := c.Prerequisites("no-such-cert", nil); certwise.ErrorCode(err) != certwise.ENOTFOUND {
		t.Errorf("unknown id: %v, want ENOTFOUND", err)
	}
}

func TestRecommendDeterministic(t *testing.T) {
	c := mustLoad(t)
	req := certwise.RecommendRequest{Gap: "generative AI, prompt engineering and AI governance", Top: 50}
	first, err := c.Recommend(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	for range 5 {
		again, err := c.Recommend(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(ids(first), ids(again)) {
			t.Fatalf("order changed: %v then %v", ids(first), ids(again))
		}
	}
	for i := 1; i < len(first); i++ {
		a, b := first[i-1], first[i]
		if a.Score < b.Score || (a.Score == b.Score && a.ID > b.ID) {
			t.Errorf("%s (%.1f) before %s (%.1f)", a.ID, a.Score, b.ID, b.Score)
		}
	}
}

func TestRecommendErrors(t *testing.T) {
	c := smallCatalog(t)
	tests := []struct {
		name  string
		req   certwise.RecommendRequest
		field string
	}{
		{"nothing to match", certwise.RecommendRequest{}, "gap"},
		{"gap maps to no skill", certwise.RecommendRequest{Gap: "underwater basket weaving"}, "gap"},
		{"bad target code", certwise.RecommendRequest{Gap: "ml", TargetCode: "data scientist"}, "target"},
		{"bad role code", certwise.RecommendRequest{Gap: "ml", RoleCode: "15-2051"}, "role"},
		{"named skill maps to nothing", certwise.RecommendRequest{Skills: []string{"alchemy"}}, "gap"},
		{"negative budget", certwise.RecommendRequest{Gap: "ml", BudgetUSD: ptr(-5)}, "budget"},
		{"zero hours", certwise.RecommendRequest{Gap: "ml", MaxHours: ptr(0)}, "hours"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.Recommend(context.Background(), tt.req)
			if certwise.ErrorCode(err) != certwise.EINVALID || certwise.ErrorField(err) != tt.field {
				t.Errorf("error %v, want EINVALID on %q", err, tt.field)
			}
		})
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.Recommend(ctx, certwise.RecommendRequest{Gap: "ml"}); err == nil {
		t.Error("Recommend ignored a cancelled context")
	}
}

// Recommend skips describing what a limit leaves out; it must still return
// exactly the recommendations RecommendDetailed does.
func TestRecommendMatchesDetailed(t *testing.T) {
	c := mustLoad(t)
	gaps := []string{"", "build RAG chatbots with LLMs, prompt engineering and AI governance", "beginner intro to machine learning", "advanced deep dive: deploy ML models"}
	codes := []string{"", "15-1252.00", "15-2051.00", "13-1111.00"}
	limits := []*float64{nil, ptr(0), ptr(150), ptr(40)}
	for _, gap := range gaps {
		for _, target := range codes {
			for _, role := range codes {
				for _, limit := range limits {
					req := certwise.RecommendRequest{Gap: gap, TargetCode: target, RoleCode: role, BudgetUSD: limit, MaxHours: limit, Top: 10}
					if limit != nil && *limit == 0 {
						req.MaxHours = nil
					}
					res, errD := c.RecommendDetailed(context.Background(), req)
					recs, err := c.Recommend(context.Background(), req)
					if (err == nil) != (errD == nil) || !reflect.DeepEqual(recs, res.Recommendations) {
						t.Fatalf("%+v: Recommend = %v, %v; RecommendDetailed = %v, %v", req, ids(recs), err, ids(res.Recommendations), errD)
					}
				}
			}
		}
	}
}

func TestIsCode(t *testing.T) {
	for _, s := range []string{"15-1252.00", "00-0000.00", "15-1252.0", "15-1252.000", "151252.00", "15-1252-00", "1a-1252.00", "15-1252.0x", "", "15-12523.0", "١٥-1252.00"} {
		if got, want := isCode(s), codePattern.MatchString(s); got != want {
			t.Errorf("isCode(%q) = %v, codePattern says %v", s, got, want)
		}
	}
}
