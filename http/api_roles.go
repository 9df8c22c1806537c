package http

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/certwise/certwise"
)

// handleAPIRoles matches a job title to occupations: ?q=TITLE&top=N.
func (s *Server) handleAPIRoles(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		writeAPIError(w, r, certwise.Errorf(certwise.EINVALID, "q", "q must name a job title"))
		return
	}
	if len(q) > 200 {
		writeAPIError(w, r, certwise.Errorf(certwise.EINVALID, "q", "q must be at most 200 characters"))
		return
	}
	top := 10
	if t := r.URL.Query().Get("top"); t != "" {
		n, err := strconv.Atoi(t)
		if err != nil || n < 1 || n > 50 {
			writeAPIError(w, r, certwise.Errorf(certwise.EINVALID, "top", "top must be a whole number from 1 to 50"))
			return
		}
		top = n
	}
	m := s.Titles.Match(q, top)
	if m.Matches == nil {
		m.Matches = []certwise.TitleCandidate{}
	}
	writeJSON(w, http.StatusOK, m)
}

// handleAPIRole returns one occupation's exposure profile.
func (s *Server) handleAPIRole(w http.ResponseWriter, r *http.Request) {
	o, ok := s.Occupations.Occupation(r.PathValue("code"))
	if !ok {
		writeAPIError(w, r, certwise.Errorf(certwise.ENOTFOUND, "code", "no occupation has this O*NET-SOC code"))
		return
	}
	writeJSON(w, http.StatusOK, o)
}
