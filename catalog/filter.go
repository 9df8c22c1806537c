package catalog

import (
	"context"
	"slices"
	"strings"

	"github.com/certwise/certwise"
)

// Certifications returns the certifications that pass the filter, ordered
// by id. A filter value outside its vocabulary is an EINVALID error naming
// the field. It implements certwise.Catalog; the catalog is in memory, so
// ctx is not consulted.
func (c *Catalog) Certifications(_ context.Context, f certwise.CatalogFilter) ([]certwise.Certification, error) {
	if f.Skill != "" {
		if _, ok := c.skillByID[f.Skill]; !ok {
			return nil, certwise.Errorf(certwise.EINVALID, "skill", "unknown skill %q; known skills: %s", f.Skill, strings.Join(c.skillIDs(), ", "))
		}
	}
	if f.Level != "" && !slices.Contains(Levels, f.Level) {
		return nil, certwise.Errorf(certwise.EINVALID, "level", "unknown level %q; use one of %s", f.Level, strings.Join(Levels, ", "))
	}
	if f.Audience != "" && !slices.Contains(Audiences, f.Audience) {
		return nil, certwise.Errorf(certwise.EINVALID, "audience", "unknown audience %q; use one of %s", f.Audience, strings.Join(Audiences, ", "))
	}
	provider := ""
	if f.Provider != "" {
		p, ok := c.findProvider(f.Provider)
		if !ok {
			names := make([]string, len(c.providers))
			for i, p := range c.providers {
				names[i] = p.ID
			}
			return nil, certwise.Errorf(certwise.EINVALID, "provider", "unknown provider %q; known providers: %s", f.Provider, strings.Join(names, ", "))
		}
		provider = p.Name
	}
	if f.MaxCostUSD != nil && *f.MaxCostUSD < 0 {
		return nil, certwise.Errorf(certwise.EINVALID, "max_cost", "maximum cost must not be negative, got %g", *f.MaxCostUSD)
	}
	var out []certwise.Certification
	for _, cert := range c.certs {
		switch {
		case f.Skill != "" && !slices.Contains(cert.Skills, f.Skill),
			f.Level != "" && cert.Level != f.Level,
			f.Audience != "" && !slices.Contains(cert.Audience, f.Audience),
			provider != "" && cert.Provider != provider,
			f.MaxCostUSD != nil && !costAtMost(cert, *f.MaxCostUSD):
			continue
		}
		out = append(out, clone(cert))
	}
	return out, nil
}

func (c *Catalog) findProvider(s string) (Provider, bool) {
	for _, p := range c.providers {
		if strings.EqualFold(p.ID, s) || strings.EqualFold(p.Name, s) {
			return p, true
		}
	}
	return Provider{}, false
}

func (c *Catalog) skillIDs() []string {
	ids := make([]string, len(c.skills))
	for i, s := range c.skills {
		ids[i] = s.ID
	}
	return ids
}

func costAtMost(cert certwise.Certification, limit float64) bool {
	cost, _ := cert.Cost()
	return cost != nil && *cost <= limit
}
