package http

import (
	"net/http"
	"strings"

	"github.com/certwise/certwise"
)

// newAssessment evaluates answers and stores them as a new assessment,
// returning it with the delete token to show once.
func (s *Server) newAssessment(r *http.Request, ans certwise.Answers, previous string) (*certwise.Assessment, string, error) {
	ev, err := s.Evaluator.Evaluate(r.Context(), ans)
	if err != nil {
		return nil, "", err
	}
	id, err := certwise.NewAssessmentID()
	if err != nil {
		return nil, "", err
	}
	token, hash, err := certwise.NewDeleteToken()
	if err != nil {
		return nil, "", err
	}
	a := &certwise.Assessment{ID: id, PreviousID: previous, Answers: ans, Evaluation: *ev, DeleteTokenHash: hash}
	if err := s.Store.CreateAssessment(r.Context(), a); err != nil {
		return nil, "", err
	}
	return a, token, nil
}

// shareURL is the absolute share link of an assessment.
func shareURL(r *http.Request, id string) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host + "/a/" + id
}

// handleSave stores the result shown and answers with the saved page,
// which is the only place the delete token ever appears.
func (s *Server) handleSave(w http.ResponseWriter, r *http.Request) {
	st, err := decodeState(r.PostForm.Get("state"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	a, token, err := s.newAssessment(r, st.Answers, st.Previous)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.renderSaved(w, r, http.StatusCreated, a, token)
}

// renderSaved answers with the page of a stored assessment. The answer to
// a save (201 Created) names the new page in Location and shows deleteToken,
// which appears nowhere else.
func (s *Server) renderSaved(w http.ResponseWriter, r *http.Request, status int, a *certwise.Assessment, deleteToken string) {
	v, err := s.savedView(r, a)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	v.DeleteToken = deleteToken
	if status == http.StatusCreated {
		w.Header().Set("Location", "/a/"+a.ID)
	}
	s.renderResult(w, r, status, v)
}

// savedView builds the result view of a stored assessment with its history
// and what changed since the version before it.
func (s *Server) savedView(r *http.Request, a *certwise.Assessment) (*resultView, error) {
	v := s.resultView(r, formState{Answers: a.Answers}, &a.Evaluation)
	v.State = ""
	v.Saved = a
	v.ShareURL = shareURL(r, a.ID)
	if a.PreviousID != "" {
		versions, err := s.Store.ListVersions(r.Context(), a.ID)
		if err != nil {
			return nil, err
		}
		v.Versions = versions
		if len(versions) > 1 {
			v.Diff = diffAssessments(versions[1], a)
		}
	}
	return v, nil
}

// findAssessment loads the assessment named in the path.
func (s *Server) findAssessment(r *http.Request) (*certwise.Assessment, error) {
	id := r.PathValue("id")
	if !certwise.ValidAssessmentID(id) {
		return nil, certwise.Errorf(certwise.ENOTFOUND, "id", "There is no saved assessment at this address.")
	}
	a, err := s.Store.FindAssessment(r.Context(), id)
	if certwise.ErrorCode(err) == certwise.ENOTFOUND {
		return nil, certwise.Errorf(certwise.ENOTFOUND, "id", "There is no saved assessment at this address. It may have been deleted.")
	}
	return a, err
}

func (s *Server) handleSaved(w http.ResponseWriter, r *http.Request) {
	if body, ok := s.cache.get(r.PathValue("id")); ok {
		writeHTML(w, http.StatusOK, body)
		return
	}
	a, err := s.findAssessment(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.renderSaved(w, r, http.StatusOK, a, "")
}

// handleSavedDownload returns a handler that downloads a saved assessment:
// format "json" is the stored assessment, "md" the Markdown report.
func (s *Server) handleSavedDownload(format string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		a, err := s.findAssessment(r)
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		s.download(w, r, format, "certwise-assessment", a.Answers, &a.Evaluation, a)
	}
}

// handleRevisit starts the guided assessment from a saved one's answers;
// saving at the end creates the next version.
func (s *Server) handleRevisit(w http.ResponseWriter, r *http.Request) {
	a, err := s.findAssessment(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.renderStep(w, r, http.StatusOK, stepRole, formState{Answers: a.Answers, Previous: a.ID}, nil)
}

// deleteView is the data of the delete page.
type deleteView struct {
	ID      string
	Error   string
	Deleted bool
}

func (s *Server) handleDeleteForm(w http.ResponseWriter, r *http.Request) {
	a, err := s.findAssessment(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "delete", page{Title: "Delete a saved assessment", Data: deleteView{ID: a.ID}})
}

func (s *Server) handleDelete(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	token := strings.TrimSpace(r.PostForm.Get("delete_token"))
	if token == "" {
		s.render(w, r, http.StatusBadRequest, "delete", page{Title: "Delete a saved assessment",
			Data: deleteView{ID: id, Error: "Enter the delete token you were shown when you saved."}})
		return
	}
	if !certwise.ValidAssessmentID(id) {
		s.pageError(w, r, certwise.Errorf(certwise.ENOTFOUND, "id", "There is no saved assessment at this address."))
		return
	}
	err := s.Store.DeleteAssessment(r.Context(), id, certwise.HashDeleteToken(token))
	switch certwise.ErrorCode(err) {
	case "":
		s.cache.clear()
		s.render(w, r, http.StatusOK, "delete", page{Title: "Assessment deleted", Data: deleteView{ID: id, Deleted: true}})
	case certwise.EFORBIDDEN:
		s.render(w, r, http.StatusForbidden, "delete", page{Title: "Delete a saved assessment",
			Data: deleteView{ID: id, Error: "That token does not match this assessment."}})
	default:
		s.pageError(w, r, err)
	}
}
