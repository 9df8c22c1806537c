package http

import "net/http"

func (s *Server) handleHome(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "home", page{Title: "Should I get this AI certification?", Nav: "home"})
}
