package http

import (
	"errors"
	"mime"
	"net/http"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/answers"
)

// decodeAnswers reads a JSON answers document from the request body,
// strictly: unknown fields, wrong types and values outside a vocabulary are
// 400 errors naming the field, a body over 64 KiB is 413 and any content
// type but application/json is 415.
func decodeAnswers(r *http.Request) (certwise.Answers, error) {
	ct := r.Header.Get("Content-Type")
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil || mt != "application/json" {
		return certwise.Answers{}, certwise.Errorf(codeUnsupportedMedia, "", "send the answers as application/json (got %q)", ct)
	}
	a, err := answers.Decode(r.Body, "json")
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return a, bodyError(err)
		}
		if certwise.ErrorCode(err) == certwise.EINTERNAL {
			return a, bodyError(err)
		}
		return a, err
	}
	return a, nil
}

// handleOpenAPI serves the API's OpenAPI 3.1 document.
func (s *Server) handleOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Write(s.openAPI)
}

// handleAPIEvaluate evaluates answers without storing anything.
func (s *Server) handleAPIEvaluate(w http.ResponseWriter, r *http.Request) {
	a, err := decodeAnswers(r)
	if err != nil {
		writeAPIError(w, r, err)
		return
	}
	ev, err := s.Evaluator.Evaluate(r.Context(), a)
	if err != nil {
		writeAPIError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, ev)
}
