package http

import (
	"net/http"
	"strings"
	"time"

	"github.com/certwise/certwise"
)

// createdAssessment is the answer to POST /api/v1/assessments. The delete
// token appears here and nowhere else.
type createdAssessment struct {
	ID          string               `json:"id"`
	URL         string               `json:"url"`
	DeleteToken string               `json:"delete_token"`
	Version     int                  `json:"version"`
	PreviousID  string               `json:"previous_id,omitempty"`
	CreatedAt   time.Time            `json:"created_at"`
	Evaluation  *certwise.Evaluation `json:"evaluation"`
}

// handleAPICreateAssessment evaluates and stores answers. ?previous_id=ID
// makes it a revisit of an earlier assessment. With an Idempotency-Key
// header, a retry of the same save answers 200 with the assessment the
// first attempt stored, its id and delete token unchanged.
func (s *Server) handleAPICreateAssessment(w http.ResponseWriter, r *http.Request) {
	prev := r.URL.Query().Get("previous_id")
	if prev != "" && !certwise.ValidAssessmentID(prev) {
		writeAPIError(w, r, certwise.Errorf(certwise.EINVALID, "previous_id", "previous_id is not a valid assessment id"))
		return
	}
	ans, err := decodeAnswers(r)
	if err != nil {
		writeAPIError(w, r, err)
		return
	}
	a, token, replay, err := s.newAssessment(r, ans, prev, r.Header.Get(idempotencyHeader), idempotencyHeader)
	if err != nil {
		writeAPIError(w, r, err)
		return
	}
	status := http.StatusCreated
	if replay {
		status = http.StatusOK
	}
	w.Header().Set("Location", "/api/v1/assessments/"+a.ID)
	w.Header().Set("Cache-Control", "no-store") // the delete token
	writeJSON(w, status, createdAssessment{
		ID: a.ID, URL: s.shareURL(a.ID), DeleteToken: token, Version: a.Version,
		PreviousID: a.PreviousID, CreatedAt: a.CreatedAt, Evaluation: &a.Evaluation,
	})
}

// handleAPIGetAssessment returns a saved assessment.
func (s *Server) handleAPIGetAssessment(w http.ResponseWriter, r *http.Request) {
	a, err := s.findAssessment(r)
	if err != nil {
		writeAPIError(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store") // a person's answers
	writeJSON(w, http.StatusOK, a)
}

// deleteToken reads the delete token from "Authorization: Bearer TOKEN" or
// from "X-Delete-Token: TOKEN".
func deleteToken(r *http.Request) string {
	if h := r.Header.Get("Authorization"); h != "" {
		scheme, tok, ok := strings.Cut(h, " ")
		if ok && strings.EqualFold(scheme, "Bearer") {
			return strings.TrimSpace(tok)
		}
	}
	return strings.TrimSpace(r.Header.Get("X-Delete-Token"))
}

// handleAPIDeleteAssessment deletes a saved assessment given its token:
// 204 when deleted, 401 without a token, 403 with a wrong one.
func (s *Server) handleAPIDeleteAssessment(w http.ResponseWriter, r *http.Request) {
	token := deleteToken(r)
	if token == "" {
		w.Header().Set("WWW-Authenticate", `Bearer realm="certwise"`)
		writeAPIError(w, r, certwise.Errorf(codeUnauthorized, "delete_token",
			"send the delete token as \"Authorization: Bearer TOKEN\" or \"X-Delete-Token: TOKEN\""))
		return
	}
	id := r.PathValue("id")
	if !certwise.ValidAssessmentID(id) {
		writeAPIError(w, r, certwise.Errorf(certwise.ENOTFOUND, "id", "no assessment has this id"))
		return
	}
	if err := s.store.DeleteAssessment(r.Context(), id, certwise.HashDeleteToken(token)); err != nil {
		if certwise.ErrorCode(err) == certwise.EFORBIDDEN {
			err = certwise.Errorf(certwise.EFORBIDDEN, "delete_token", "the delete token does not match this assessment")
		}
		writeAPIError(w, r, err)
		return
	}
	s.cache.clear()
	w.WriteHeader(http.StatusNoContent)
}
