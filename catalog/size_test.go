package catalog

import "testing"

func TestCatalogSize(t *testing.T) {
	c := mustLoad(t)
	if c.Len() < 40 {
		t.Errorf("catalog has %d certifications, want at least 40", c.Len())
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
