package catalog

import (
	"slices"
	"testing"
)

func TestCatalogSize(t *testing.T) {
	c := mustLoad(t)
	if c.Len() < 90 {
		t.Errorf("catalog has %d certifications, want at least 90", c.Len())
	}
	// People of these fields find certifications made for their own
	// occupation (issue 15: teachers, HR, project managers, nurses and
	// others found none).
	for code, want := range map[string]int{"25-2031.00": 2, "25-2021.00": 2, "13-1071.00": 2, "11-3121.00": 2, "13-1082.00": 2,
		"29-1141.00": 2, "15-1211.01": 2, "23-2011.00": 2, "13-2011.00": 2, "11-2021.00": 2, "13-1161.00": 2, "15-1253.00": 1} {
		n := 0
		for _, cert := range c.All() {
			if slices.Contains(cert.Roles, code) {
				n++
			}
		}
		if n < want {
			t.Errorf("%s %s is served by %d certifications, want at least %d", code, c.OccupationTitle(code), n, want)
		}
	}
	providers := map[string]bool{}
	levels := map[string]bool{}
	audiences := map[string]bool{}
	for _, cert := range c.All() {
		providers[cert.Provider] = true
		levels[cert.Level] = true
		for _, a := range cert.Audience {
			audiences[a] = true
		}
	}
	if len(providers) < 10 {
		t.Errorf("catalog has %d providers, want at least 10", len(providers))
	}
	for _, l := range Levels {
		if !levels[l] {
			t.Errorf("no certification at level %s", l)
		}
	}
	for _, a := range Audiences {
		if !audiences[a] {
			t.Errorf("no certification for audience %s", a)
		}
	}
	for _, p := range c.Providers() {
		if !providers[p.Name] {
			t.Errorf("provider %s has no certification", p.ID)
		}
	}
}

func TestSkillsVocabulary(t *testing.T) {
	c := mustLoad(t)
	used := map[string]bool{}
	for _, cert := range c.All() {
		for _, s := range cert.Skills {
			used[s] = true
		}
	}
	for _, s := range c.Skills() {
		if s.Name == "" || s.Description == "" || len(s.Keywords) == 0 {
			t.Errorf("skill %s is not fully documented", s.ID)
		}
		if !used[s.ID] {
			t.Errorf("skill %s is used by no certification", s.ID)
		}
	}
}
