package certwise

import "context"

// CatalogFilter selects certifications from the catalog. Empty fields select
// everything.
type CatalogFilter struct {
	Skill    string // a skill id from the catalog's vocabulary
	Level    string // foundational, associate, professional or specialty
	Provider string // a provider's id or name, case-insensitive
	Audience string // one of the catalog's audiences
	// MaxCostUSD leaves out certifications costing more (the official cost,
	// else the reported one) and those with no cost at all.
	MaxCostUSD *float64
}

// Catalog is the certification catalog as a service: the one interface
// through which the engine, the advisor, the web app and the CLI list, look
// up and rank certifications. catalog.Catalog implements it.
type Catalog interface {
	// Certifications returns the certifications that pass f, in catalog
	// order. A filter value outside its vocabulary is an EINVALID error
	// naming the field.
	Certifications(ctx context.Context, f CatalogFilter) ([]Certification, error)
	// Certification returns one certification by id; an unknown id is an
	// ENOTFOUND error.
	Certification(ctx context.Context, id string) (*Certification, error)
	// SkillName returns the display name of a skill id of the catalog's
	// vocabulary, or the id itself when it has none.
	SkillName(id string) string
	// Recommend ranks the catalog's certifications for a person.
	Recommend(ctx context.Context, req RecommendRequest) ([]Recommendation, error)
}
