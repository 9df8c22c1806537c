package http

import (
	"net/http"

	"github.com/certwise/certwise"
)

// handleAPICertifications lists the catalog with the filters skill, level,
// provider and max_cost.
func (s *Server) handleAPICertifications(w http.ResponseWriter, r *http.Request) {
	f, _, err := parseCatalogFilter(r.URL.Query())
	if err != nil {
		writeAPIError(w, r, err)
		return
	}
	certs, err := s.Catalog.Certifications(r.Context(), f)
	if err != nil {
		writeAPIError(w, r, err)
		return
	}
	if certs == nil {
		certs = []certwise.Certification{}
	}
	writeJSON(w, http.StatusOK, struct {
		Certifications []certwise.Certification `json:"certifications"`
	}{certs})
}

// handleAPICertification returns one certification.
func (s *Server) handleAPICertification(w http.ResponseWriter, r *http.Request) {
	c, err := s.Catalog.Certification(r.Context(), r.PathValue("id"))
	if err != nil {
		writeAPIError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, c)
}
