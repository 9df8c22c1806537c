package http

import (
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/certwise/certwise"
)

// catalogView is the data of the catalog page.
type catalogView struct {
	Filter    catalogQuery
	Certs     []certwise.Certification
	Levels    []string
	Providers []string
	Audiences []string
	Skills    []string
	Error     string
}

// catalogQuery is the filter form as typed.
type catalogQuery struct {
	Skill, Level, Provider, Audience, MaxCost string
}

// parseCatalogFilter reads the catalog filters from a query string; both
// the page and the API use it.
func parseCatalogFilter(q url.Values) (certwise.CatalogFilter, catalogQuery, error) {
	cq := catalogQuery{
		Skill:    strings.TrimSpace(q.Get("skill")),
		Level:    strings.TrimSpace(q.Get("level")),
		Provider: strings.TrimSpace(q.Get("provider")),
		Audience: strings.TrimSpace(q.Get("audience")),
		MaxCost:  strings.TrimSpace(q.Get("max_cost")),
	}
	f := certwise.CatalogFilter{Skill: cq.Skill, Level: cq.Level, Provider: cq.Provider, Audience: cq.Audience}
	if cq.MaxCost != "" {
		v, err := strconv.ParseFloat(cq.MaxCost, 64)
		if err != nil || v < 0 || v != v {
			return f, cq, certwise.Errorf(certwise.EINVALID, "max_cost", "max_cost must be a number of US dollars, zero or more")
		}
		f.MaxCostUSD = &v
	}
	return f, cq, nil
}

// handleCatalog lists certifications with filters.
func (s *Server) handleCatalog(w http.ResponseWriter, r *http.Request) {
	f, cq, err := parseCatalogFilter(r.URL.Query())
	v := catalogView{Filter: cq}
	status := http.StatusOK
	all, aerr := s.Catalog.Certifications(r.Context(), certwise.CatalogFilter{})
	if aerr != nil {
		s.pageError(w, r, aerr)
		return
	}
	v.Levels, v.Providers, v.Skills, v.Audiences = catalogFacets(all)
	if err == nil {
		v.Certs, err = s.Catalog.Certifications(r.Context(), f)
	}
	if err != nil {
		if certwise.ErrorCode(err) != certwise.EINVALID {
			s.pageError(w, r, err)
			return
		}
		v.Error = certwise.ErrorMessage(err)
		status = http.StatusBadRequest
	}
	s.render(w, r, status, "catalog", page{Title: "Certification catalog", Nav: "certs", Data: v})
}

// catalogFacets lists the levels, providers, skills and audiences present,
// for the filter form's choices.
func catalogFacets(all []certwise.Certification) (levels, providers, skills, audiences []string) {
	lv, pv, sk, au := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, c := range all {
		lv[c.Level], pv[c.Provider] = true, true
		for _, s := range c.Skills {
			sk[s] = true
		}
		for _, a := range c.Audience {
			au[a] = true
		}
	}
	for _, l := range []string{certwise.LevelFoundational, certwise.LevelAssociate, certwise.LevelProfessional, certwise.LevelSpecialty} {
		if lv[l] {
			levels = append(levels, l)
		}
	}
	keys := func(m map[string]bool) []string {
		out := make([]string, 0, len(m))
		for k := range m {
			out = append(out, k)
		}
		sort.Strings(out)
		return out
	}
	return levels, keys(pv), keys(sk), keys(au)
}

// handleCertification shows one certification.
func (s *Server) handleCertification(w http.ResponseWriter, r *http.Request) {
	c, err := s.Catalog.Certification(r.Context(), r.PathValue("id"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	var roles []*certwise.Occupation
	for _, code := range c.Roles {
		if o, ok := s.Occupations.Occupation(code); ok {
			roles = append(roles, o)
		}
	}
	s.render(w, r, http.StatusOK, "certification", page{Title: c.Name, Nav: "certs", Data: struct {
		Cert  *certwise.Certification
		Roles []*certwise.Occupation
	}{c, roles}})
}

// maxCompare bounds how many certifications one comparison shows.
const maxCompare = 4

// handleCompare shows certifications side by side: ?id=A&id=B...
func (s *Server) handleCompare(w http.ResponseWriter, r *http.Request) {
	ids := r.URL.Query()["id"]
	if len(ids) < 2 || len(ids) > maxCompare {
		s.pageError(w, r, certwise.Errorf(certwise.EINVALID, "id", "Pick between 2 and %d certifications to compare.", maxCompare))
		return
	}
	var certs []*certwise.Certification
	for _, id := range ids {
		c, err := s.Catalog.Certification(r.Context(), id)
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		certs = append(certs, c)
	}
	s.render(w, r, http.StatusOK, "compare", page{Title: "Compare certifications", Nav: "certs", Data: certs})
}
