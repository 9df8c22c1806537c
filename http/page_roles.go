package http

import (
	"html/template"
	"net/http"
	"strings"

	"github.com/certwise/certwise"
)

// rolesView is the data of the role search page.
type rolesView struct {
	Query   string
	Matches []certwise.TitleCandidate
}

// handleRoles searches occupations by job title.
func (s *Server) handleRoles(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if len(q) > 200 {
		q = q[:200]
	}
	v := rolesView{Query: q}
	if q != "" {
		v.Matches = s.Titles.Match(q, 15).Matches
	}
	s.render(w, r, http.StatusOK, "roles", page{Title: "Explore roles", Nav: "roles", Data: v})
}

// roleView is the data of one occupation's page.
type roleView struct {
	Occ      *certwise.Occupation
	WorkMix  template.HTML
	Exposure template.HTML
	Related  []*certwise.Occupation
	Certs    []certwise.Certification
}

// handleRole shows one occupation: its figures, its charts and related
// occupations.
func (s *Server) handleRole(w http.ResponseWriter, r *http.Request) {
	o, ok := s.Occupations.Occupation(r.PathValue("code"))
	if !ok {
		s.pageError(w, r, certwise.Errorf(certwise.ENOTFOUND, "code", "There is no occupation with this code."))
		return
	}
	v := roleView{Occ: o, WorkMix: workMixSVG(o.WorkMix), Exposure: s.exposureSVG(o)}
	for _, code := range o.Related {
		if rel, ok := s.Occupations.Occupation(code); ok {
			v.Related = append(v.Related, rel)
		}
	}
	all, err := s.Catalog.Certifications(r.Context(), certwise.CatalogFilter{})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	for _, c := range all {
		for _, code := range c.Roles {
			if code == o.Code {
				v.Certs = append(v.Certs, c)
				break
			}
		}
	}
	s.render(w, r, http.StatusOK, "role", page{Title: o.Title, Nav: "roles", Data: v})
}
