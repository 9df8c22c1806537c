package catalog

import (
	"bufio"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/internal/shareddata"
)

func mustLoad(t *testing.T) *Catalog {
	t.Helper()
	c, err := Load()
	if err != nil {
		t.Fatalf("embedded catalog: %v", err)
	}
	return c
}

func smallCatalog(t *testing.T) *Catalog {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "small.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := Parse(data, skillsYAML)
	if err != nil {
		t.Fatalf("small catalog: %v", err)
	}
	return c
}

// TestCatalogEntries checks every embedded entry on its own, independently
// of the loader's validation, so that weakening one does not hide a bad entry.
func TestCatalogEntries(t *testing.T) {
	c := mustLoad(t)
	date := regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	ids := map[string]bool{}
	for _, cert := range c.All() {
		t.Run(cert.ID, func(t *testing.T) {
			if ids[cert.ID] {
				t.Errorf("duplicate id")
			}
			ids[cert.ID] = true
			if cert.Name == "" || cert.Provider == "" {
				t.Errorf("name %q / provider %q empty", cert.Name, cert.Provider)
			}
			if !slices.Contains(Levels, cert.Level) {
				t.Errorf("level %q", cert.Level)
			}
			if !slices.Contains(Statuses, cert.Status) {
				t.Errorf("status %q", cert.Status)
			}
			if (cert.Status == certwise.StatusRetiring) != (cert.RetiresOn != "") {
				t.Errorf("status %q with retires_on %q", cert.Status, cert.RetiresOn)
			}
			if p, err := url.Parse(cert.URL); err != nil || p.Scheme != "https" || p.Host == "" {
				t.Errorf("url %q is not a well-formed https URL", cert.URL)
			}
			// Cited pages keep the address they were read at, http or https.
			for _, u := range cert.Sources {
				if p, err := url.Parse(u); err != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Host == "" {
					t.Errorf("source %q is not a well-formed URL", u)
				}
			}
			switch cert.CostProvenance {
			case certwise.ProvenanceOfficial, certwise.ProvenanceCorroborated:
				if cert.CostUSD == nil {
					t.Errorf("cost_provenance %s without cost_usd", cert.CostProvenance)
				}
			case certwise.ProvenanceReported, certwise.ProvenanceNone:
				if cert.CostUSD != nil {
					t.Errorf("cost_provenance %s with cost_usd %v", cert.CostProvenance, *cert.CostUSD)
				}
			default:
				t.Errorf("cost_provenance %q", cert.CostProvenance)
			}
			for _, p := range cert.Prices {
				hosts := map[string]bool{}
				for _, s := range p.Sources {
					u, err := url.Parse(s.URL)
					if err != nil {
						t.Fatal(err)
					}
					hosts[strings.TrimPrefix(u.Host, "www.")] = true
				}
				if len(hosts) == 0 || p.Provenance == certwise.ProvenanceCorroborated && len(hosts) < 2 {
					t.Errorf("price %s %v (%s) cites %d sites", p.Kind, p.USD, p.Provenance, len(hosts))
				}
			}
			for _, d := range []string{cert.AsOf, cert.RetiresOn} {
				if d == "" {
					continue
				}
				if _, err := time.Parse(time.DateOnly, d); err != nil || !date.MatchString(d) {
					t.Errorf("date %q is not ISO YYYY-MM-DD", d)
				}
			}
			if cert.AsOf > "2026-12-04" {
				t.Errorf("as_of %s is after the catalog was checked", cert.AsOf)
			}
			if len(cert.Skills) == 0 {
				t.Errorf("no skills")
			}
			for _, s := range cert.Skills {
				if _, ok := c.Skill(s); !ok {
					t.Errorf("unknown skill %q", s)
				}
			}
			for _, a := range cert.Audience {
				if !slices.Contains(Audiences, a) {
					t.Errorf("unknown audience %q", a)
				}
			}
			if cert.PrepHours != nil && cert.PrepHoursBasis == "" {
				t.Errorf("prep_hours without a basis")
			}
			if len(cert.Roles) == 0 || len(cert.Recognition) == 0 {
				t.Errorf("roles %v / recognition %v empty", cert.Roles, cert.Recognition)
			}
			nulls := map[string]bool{"cost_usd": cert.CostUSD == nil, "exam": cert.Exam == nil,
				"prep_hours": cert.PrepHours == nil, "validity_years": cert.ValidityYears == nil}
			for field, isNull := range nulls {
				if isNull && !hasNote(cert.Notes, field) {
					t.Errorf("%s is null without a note saying why", field)
				}
			}
		})
	}
}

// TestOccupationCodesExist checks the occupations table and every role code
// against the O*NET 27.0 Occupation Data file.
func TestOccupationCodesExist(t *testing.T) {
	dir := shareddata.Dir(t)
	f, err := os.Open(filepath.Join(dir, "onet-27.0", "Occupation Data.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	titles := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) >= 2 {
			titles[cols[0]] = cols[1]
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	c := mustLoad(t)
	for code, title := range c.occupations {
		if got, ok := titles[code]; !ok {
			t.Errorf("occupation %s is not in O*NET 27.0", code)
		} else if got != title {
			t.Errorf("occupation %s: title %q, O*NET says %q", code, title, got)
		}
	}
	for _, cert := range c.All() {
		for _, r := range cert.Roles {
			if _, ok := titles[r]; !ok {
				t.Errorf("%s: role %s is not in O*NET 27.0", cert.ID, r)
			}
		}
	}
}

// TestParseRejects breaks a valid catalog one field at a time; each error
// must be EINVALID and name the entry and the field.
func TestParseRejects(t *testing.T) {
	base, err := os.ReadFile(filepath.Join("testdata", "small.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, old, new, field string
	}{
		{"unknown level", "level: professional", "level: expert", "certifications[a-ml-pro].level"},
		{"unknown skill", "skills: [machine-learning, mlops]", "skills: [machine-learning, wizardry]", "certifications[a-ml-pro].skills"},
		{"bad role code", `roles: ["15-2051.00"]`, `roles: ["15-2051"]`, "certifications[a-ml-pro].roles"},
		{"role missing from table", `roles: ["15-2051.00"]`, `roles: ["15-1299.08"]`, "certifications[a-ml-pro].roles"},
		{"http url", "url: https://alpha.example/certs/ml-pro", "url: http://alpha.example/certs/ml-pro", "certifications[a-ml-pro].url"},
		{"bad date", "url: https://alpha.example/certs/ml-pro\n    as_of: \"2026-11-23\"", "url: https://alpha.example/certs/ml-pro\n    as_of: \"23/11/2026\"", "certifications[a-ml-pro].as_of"},
		{"unknown status", "status: retiring", "status: sunset", "certifications[b-gov].status"},
		{"unknown cost provenance", "cost_provenance: official", "cost_provenance: rumoured", "certifications[a-ml-pro].cost_provenance"},
		{"official cost without a provider page", `sources: [{url: "https://alpha.example/certs/ml-pro", kind: provider}]}]`, `sources: [{url: "https://alpha.example/certs/ml-pro", kind: blog}]}]`, "certifications[a-ml-pro].prices[0].sources"},
		{"corroborated by one site only", `{url: "https://two.example/b", kind: training-vendor}`, `{url: "https://one.example/c", kind: training-vendor}`, "certifications[a-ml-assoc].prices[0].sources"},
		{"unknown source kind", `kind: blog}, {url: "https://two.example/b"`, `kind: forum}, {url: "https://two.example/b"`, "certifications[a-ml-assoc].prices[0].sources"},
		{"cost_usd without a price behind it", "usd: 300, provenance: official", "usd: 250, provenance: official", "certifications[a-ml-pro].prices"},
		{"reported cost in cost_usd", "cost_usd: null\n    exam: null\n    prep_hours: 10", "cost_usd: 500\n    exam: null\n    prep_hours: 10", "certifications[b-ml-found].cost_usd"},
		{"unknown price kind", "kind: exam, usd: 300", "kind: lunch, usd: 300", "certifications[a-ml-pro].prices[0].kind"},
		{"exam figures without provenance", "    exam_provenance: official\n    exam_sources: [{url: \"https://alpha.example/certs/ml-pro\", kind: provider}]\n", "", "certifications[a-ml-pro].exam_provenance"},
		{"credential prerequisite without structure", "prerequisites: []\n    skills: [machine-learning, mlops]", "prerequisites: [\"An active CISA\"]\n    skills: [machine-learning, mlops]", "certifications[a-ml-pro].hard_prerequisites"},
		{"empty hard prerequisite", "prerequisites: []\n    skills: [machine-learning, mlops]", "prerequisites: []\n    hard_prerequisites: [{text: \"something\"}]\n    skills: [machine-learning, mlops]", "certifications[a-ml-pro].hard_prerequisites[0]"},
		{"null without note", `notes: ["cost_usd: test", "exam: test", "validity_years: test"]`, `notes: ["exam: test", "validity_years: test"]`, "certifications[b-ml-found].cost_usd"},
		{"duplicate id", "id: a-ml-assoc", "id: a-ml-pro", "certifications[a-ml-pro].id"},
		{"unknown provider", "provider: Alpha\n    level: associate", "provider: Gamma\n    level: associate", "certifications[a-ml-assoc].provider"},
		{"unknown field", "prep_hours: 40", "prep_hours: 40\n    prep_minutes: 3", "certifications"},
		{"reported beside official", "validity_years: 3", "validity_years: 3\n    reported: {validity_years: 2, source: \"https://x.example/\"}", "certifications[a-ml-assoc].reported.validity_years"},
		{"prep without basis", "prep_hours_basis: test figure\n    validity_years: 3", "validity_years: 3", "certifications[a-ml-assoc].prep_hours_basis"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := strings.Replace(string(base), tt.old, tt.new, 1)
			if data == string(base) {
				t.Fatalf("test does not change the catalog: %q not found", tt.old)
			}
			_, err := Parse([]byte(data), skillsYAML)
			if err == nil {
				t.Fatal("Parse accepted a broken catalog")
			}
			if certwise.ErrorCode(err) != certwise.EINVALID {
				t.Errorf("code %q, want %q (%v)", certwise.ErrorCode(err), certwise.EINVALID, err)
			}
			if got := certwise.ErrorField(err); got != tt.field {
				t.Errorf("field %q, want %q (%v)", got, tt.field, err)
			}
		})
	}
}

func TestParseRejectsSkills(t *testing.T) {
	tests := []struct{ name, skills, field string }{
		{"duplicate keyword across skills", "skills:\n  - {id: a, name: A, description: d, keywords: [x]}\n  - {id: b, name: B, description: d, keywords: [x]}\n", "skills[b].keywords"},
		{"upper-case keyword", "skills:\n  - {id: a, name: A, description: d, keywords: [X]}\n", "skills[a].keywords"},
		{"no keywords", "skills:\n  - {id: a, name: A, description: d, keywords: []}\n", "skills[a].keywords"},
		{"bad id", "skills:\n  - {id: A_1, name: A, description: d, keywords: [x]}\n", "skills[0].id"},
	}
	certs, err := os.ReadFile(filepath.Join("testdata", "small.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(certs, []byte(tt.skills))
			if certwise.ErrorField(err) != tt.field {
				t.Errorf("error %v, want field %q", err, tt.field)
			}
		})
	}
}

func TestList(t *testing.T) {
	c := smallCatalog(t)
	f := func(v float64) *float64 { return &v }
	tests := []struct {
		name   string
		filter Filter
		want   []string
		field  string // expected error field
	}{
		{"all", Filter{}, []string{"a-ml-assoc", "a-ml-pro", "b-gov", "b-gov2", "b-ml-found"}, ""},
		{"skill", Filter{Skill: "mlops"}, []string{"a-ml-pro"}, ""},
		{"level", Filter{Level: "foundational"}, []string{"b-ml-found"}, ""},
		{"provider by id", Filter{Provider: "beta"}, []string{"b-gov", "b-gov2", "b-ml-found"}, ""},
		{"provider by name, any case", Filter{Provider: "ALPHA"}, []string{"a-ml-assoc", "a-ml-pro"}, ""},
		{"audience", Filter{Audience: "governance"}, []string{"b-gov", "b-gov2"}, ""},
		{"max cost uses reported cost too", Filter{MaxCostUSD: f(200)}, []string{"a-ml-assoc", "b-gov", "b-gov2"}, ""},
		{"max cost zero keeps free", Filter{MaxCostUSD: f(0)}, []string{"b-gov", "b-gov2"}, ""},
		{"combined", Filter{Skill: "machine-learning", MaxCostUSD: f(1000), Level: "associate"}, []string{"a-ml-assoc"}, ""},
		{"unknown skill", Filter{Skill: "alchemy"}, nil, "skill"},
		{"unknown level", Filter{Level: "guru"}, nil, "level"},
		{"unknown provider", Filter{Provider: "gamma"}, nil, "provider"},
		{"unknown audience", Filter{Audience: "kids"}, nil, "audience"},
		{"negative cost", Filter{MaxCostUSD: f(-1)}, nil, "max_cost"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := c.List(tt.filter)
			if tt.field != "" {
				if certwise.ErrorCode(err) != certwise.EINVALID || certwise.ErrorField(err) != tt.field {
					t.Fatalf("error %v, want EINVALID on %q", err, tt.field)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, g := range got {
				ids = append(ids, g.ID)
			}
			if !slices.Equal(ids, tt.want) {
				t.Errorf("got %v, want %v", ids, tt.want)
			}
		})
	}
}

func TestGetAndSuggest(t *testing.T) {
	c := smallCatalog(t)
	if got, err := c.Get("a-ml-pro"); err != nil || got.Name != "Alpha ML Professional" {
		t.Fatalf("Get: %v %v", got.Name, err)
	}
	_, err := c.Get("a-ml-por")
	if certwise.ErrorCode(err) != certwise.ENOTFOUND {
		t.Fatalf("Get unknown: %v, want ENOTFOUND", err)
	}
	if !strings.Contains(err.Error(), "a-ml-pro") || !strings.Contains(err.Error(), `"a-ml-por"`) {
		t.Errorf("error %q should name the id and suggest a-ml-pro", err)
	}
	if got := c.Suggest("gov", 3); !slices.Equal(got, []string{"b-gov", "b-gov2"}) {
		t.Errorf("Suggest(gov) = %v", got)
	}
	if got := c.Suggest("zzzzzzzzzzzzzz", 3); len(got) != 0 {
		t.Errorf("Suggest(nonsense) = %v, want none", got)
	}
	// Callers cannot change the catalog through a returned value.
	got, _ := c.Get("a-ml-pro")
	got.Skills[0] = "changed"
	*got.CostUSD = 1
	again, _ := c.Get("a-ml-pro")
	if again.Skills[0] != "machine-learning" || *again.CostUSD != 300 {
		t.Errorf("catalog changed through a returned value")
	}
}

func TestCompare(t *testing.T) {
	c := smallCatalog(t)
	got, err := c.Compare("b-gov", "a-ml-pro")
	if err != nil || len(got) != 2 || got[0].ID != "b-gov" || got[1].ID != "a-ml-pro" {
		t.Fatalf("Compare = %v, %v", got, err)
	}
	for _, tt := range []struct {
		ids  []string
		code string
	}{
		{[]string{"b-gov"}, certwise.EINVALID},
		{[]string{"b-gov", "b-gov"}, certwise.EINVALID},
		{[]string{"b-gov", "nope"}, certwise.ENOTFOUND},
	} {
		if _, err := c.Compare(tt.ids...); certwise.ErrorCode(err) != tt.code {
			t.Errorf("Compare(%v): %v, want %s", tt.ids, err, tt.code)
		}
	}
}
