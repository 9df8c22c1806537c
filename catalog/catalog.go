// Package catalog holds certwise's catalog of real AI certifications: the
// data file and the controlled skills vocabulary (both embedded), their strict
// validation, filtering and comparison, recommendations fitted to a person's
// capability gap and target role, and an export in the Credential Transparency
// Description Language (CTDL).
package catalog

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/certwise/certwise"
)

//go:embed certifications.yaml
var certificationsYAML []byte

//go:embed skills.yaml
var skillsYAML []byte

// Skill is one capability area of the controlled vocabulary.
type Skill struct {
	ID          string   `json:"id" yaml:"id"`
	Name        string   `json:"name" yaml:"name"`
	Description string   `json:"description" yaml:"description"`
	Keywords    []string `json:"keywords" yaml:"keywords"`
	// Field marks a skill that names a field of work (marketing, nursing,
	// HR, law, teaching, finance, software testing): a gap that names one
	// field is not served by a certification made for another.
	Field bool `json:"field,omitempty" yaml:"field,omitempty"`
}

// Provider is an organisation that owns certifications in the catalog.
type Provider struct {
	ID   string `json:"id" yaml:"id"`
	Name string `json:"name" yaml:"name"`
	URL  string `json:"url" yaml:"url"`
}

// Audiences are the groups a certification is meant for.
var Audiences = []string{"builders", "data", "business", "governance"}

// Levels are the certification levels, from entry to most specialised.
var Levels = []string{certwise.LevelFoundational, certwise.LevelAssociate, certwise.LevelProfessional, certwise.LevelSpecialty}

// Statuses are the statuses an entry may have.
var Statuses = []string{certwise.StatusActive, certwise.StatusRetiring}

// Catalog is a validated set of certifications with its skills vocabulary.
// It is read-only after loading and safe for concurrent use.
type Catalog struct {
	certs       []certwise.Certification
	byID        map[string]int
	skills      []Skill
	skillByID   map[string]int
	providers   []Provider
	provByName  map[string]int
	occupations map[string]string
	matcher     *gapMatcher
	prereqs     [][]credentialReq // per certification: its hard prerequisites
	// providerWords are the providers' names and ids as normalized word
	// lists, longest first, to read a credential name without its
	// provider in front.
	providerWords [][]string
	// certAliases are, per certification, the names it goes by
	// (credentialNames of its id).
	certAliases [][][]string
}

type catalogFile struct {
	Occupations    map[string]string        `yaml:"occupations"`
	Providers      []Provider               `yaml:"providers"`
	Certifications []certwise.Certification `yaml:"certifications"`
}

type skillsFile struct {
	Skills []Skill `yaml:"skills"`
}

var loadEmbedded = sync.OnceValues(func() (*Catalog, error) {
	return Parse(certificationsYAML, skillsYAML)
})

// Load returns the catalog embedded in the binary. It is parsed and
// validated once; later calls return the same value.
func Load() (*Catalog, error) { return loadEmbedded() }

// Parse decodes and validates a catalog and its skills vocabulary. Unknown
// fields are errors, and every error names the entry id and the field.
func Parse(certsData, skillsData []byte) (*Catalog, error) {
	var sf skillsFile
	if err := decodeStrict(skillsData, &sf); err != nil {
		return nil, certwise.Errorf(certwise.EINVALID, "skills", "skills vocabulary: %v", err)
	}
	var cf catalogFile
	if err := decodeStrict(certsData, &cf); err != nil {
		return nil, certwise.Errorf(certwise.EINVALID, "certifications", "catalog: %v", err)
	}
	c := &Catalog{
		certs:       cf.Certifications,
		skills:      sf.Skills,
		providers:   cf.Providers,
		occupations: cf.Occupations,
	}
	if err := c.validate(); err != nil {
		return nil, err
	}
	c.matcher = newGapMatcher(c.skills)
	sort.Slice(c.certs, func(i, j int) bool { return c.certs[i].ID < c.certs[j].ID })
	c.byID = make(map[string]int, len(c.certs))
	for i, cert := range c.certs {
		c.byID[cert.ID] = i
	}
	c.compileProviderWords()
	c.compilePrerequisites()
	return c, nil
}

func decodeStrict(data []byte, v any) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		if errors.Is(err, io.EOF) {
			return errors.New("empty document")
		}
		return err
	}
	return nil
}

// All returns every certification, ordered by id.
func (c *Catalog) All() []certwise.Certification {
	out := make([]certwise.Certification, len(c.certs))
	for i, cert := range c.certs {
		out[i] = clone(cert)
	}
	return out
}

// Len is the number of certifications in the catalog.
func (c *Catalog) Len() int { return len(c.certs) }

// Skills returns the skills vocabulary in file order.
func (c *Catalog) Skills() []Skill { return slices.Clone(c.skills) }

// Skill returns the skill with the given id.
func (c *Catalog) Skill(id string) (Skill, bool) {
	i, ok := c.skillByID[id]
	if !ok {
		return Skill{}, false
	}
	return c.skills[i], true
}

// Providers returns the providers in file order.
func (c *Catalog) Providers() []Provider { return slices.Clone(c.providers) }

// Provider returns the provider with the given name (as used in entries).
func (c *Catalog) Provider(name string) (Provider, bool) {
	i, ok := c.provByName[name]
	if !ok {
		return Provider{}, false
	}
	return c.providers[i], true
}

// OccupationTitle returns the O*NET title of an occupation code the catalog
// uses, or "" when the catalog does not use the code.
func (c *Catalog) OccupationTitle(code string) string { return c.occupations[code] }

// Get returns the certification with the given id, or an ENOTFOUND error
// that suggests the nearest ids.
func (c *Catalog) Get(id string) (certwise.Certification, error) {
	i, ok := c.byID[id]
	if !ok {
		return certwise.Certification{}, c.notFound(id)
	}
	return clone(c.certs[i]), nil
}

// Certification returns the certification with the given id as Get does;
// it implements certwise.Catalog.
func (c *Catalog) Certification(_ context.Context, id string) (*certwise.Certification, error) {
	cert, err := c.Get(id)
	if err != nil {
		return nil, err
	}
	return &cert, nil
}

// SkillName returns the display name of a skill id, or the id itself when
// the vocabulary gives it no name; it implements certwise.Catalog.
func (c *Catalog) SkillName(id string) string {
	if sk, ok := c.Skill(id); ok && sk.Name != "" {
		return sk.Name
	}
	return id
}

func (c *Catalog) notFound(id string) error {
	msg := fmt.Sprintf("no certification with id %q", id)
	if near := c.Suggest(id, 3); len(near) > 0 {
		msg += "; did you mean " + strings.Join(near, ", ") + "?"
	}
	return certwise.Errorf(certwise.ENOTFOUND, "id", "%s", msg)
}

// Compare returns the certifications with the given ids, in the order given.
// It needs at least two distinct ids; an unknown id is an ENOTFOUND error.
func (c *Catalog) Compare(ids ...string) ([]certwise.Certification, error) {
	if len(ids) < 2 {
		return nil, certwise.Errorf(certwise.EINVALID, "ids", "compare needs at least two certification ids, got %d", len(ids))
	}
	seen := make(map[string]bool, len(ids))
	out := make([]certwise.Certification, 0, len(ids))
	for _, id := range ids {
		if seen[id] {
			return nil, certwise.Errorf(certwise.EINVALID, "ids", "certification %q is named twice", id)
		}
		seen[id] = true
		cert, err := c.Get(id)
		if err != nil {
			return nil, err
		}
		out = append(out, cert)
	}
	return out, nil
}

// Suggest returns up to n catalog ids near the given one: ids containing it
// or contained in it first, then the closest by edit distance.
func (c *Catalog) Suggest(id string, n int) []string {
	id = strings.ToLower(strings.TrimSpace(id))
	if id == "" || n <= 0 {
		return nil
	}
	type cand struct {
		id   string
		dist int
	}
	var cands []cand
	for _, cert := range c.certs {
		d := levenshtein(id, cert.ID)
		if strings.Contains(cert.ID, id) || strings.Contains(id, cert.ID) {
			d = 0
		}
		limit := max(3, len(id)/3)
		if d <= limit {
			cands = append(cands, cand{cert.ID, d})
		}
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].dist != cands[j].dist {
			return cands[i].dist < cands[j].dist
		}
		return cands[i].id < cands[j].id
	})
	out := make([]string, 0, n)
	for _, cd := range cands {
		if len(out) == n {
			break
		}
		out = append(out, cd.id)
	}
	return out
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// clone copies a certification so that callers cannot change the catalog.
func clone(c certwise.Certification) certwise.Certification {
	c.Audience = slices.Clone(c.Audience)
	c.Prerequisites = slices.Clone(c.Prerequisites)
	c.Prices = slices.Clone(c.Prices)
	for i := range c.Prices {
		c.Prices[i].Sources = slices.Clone(c.Prices[i].Sources)
	}
	c.ExamSources = slices.Clone(c.ExamSources)
	c.HardPrerequisites = slices.Clone(c.HardPrerequisites)
	for i := range c.HardPrerequisites {
		c.HardPrerequisites[i].Credentials = slices.Clone(c.HardPrerequisites[i].Credentials)
	}
	c.Skills = slices.Clone(c.Skills)
	c.Roles = slices.Clone(c.Roles)
	c.Recognition = slices.Clone(c.Recognition)
	c.Notes = slices.Clone(c.Notes)
	c.Sources = slices.Clone(c.Sources)
	c.CostUSD = clonePtr(c.CostUSD)
	c.PrepHours = clonePtr(c.PrepHours)
	c.ValidityYears = clonePtr(c.ValidityYears)
	if c.Exam != nil {
		e := *c.Exam
		e.Minutes, e.Questions = clonePtr(e.Minutes), clonePtr(e.Questions)
		c.Exam = &e
	}
	if c.Reported != nil {
		r := *c.Reported
		r.CostUSD, r.ValidityYears = clonePtr(r.CostUSD), clonePtr(r.ValidityYears)
		r.ExamMinutes, r.ExamQuestions = clonePtr(r.ExamMinutes), clonePtr(r.ExamQuestions)
		c.Reported = &r
	}
	return c
}

func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}
