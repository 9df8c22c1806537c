package http

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/certwise/certwise"
)

// saveKeyField is the form field, and idempotencyHeader the API header,
// that carry a save's idempotency key.
const (
	saveKeyField      = "idempotency_key"
	idempotencyHeader = "Idempotency-Key"
)

// minSaveKeyLen is the shortest idempotency key accepted: 22 base64url
// characters are 132 bits, as hard to guess as an assessment id.
const minSaveKeyLen = 22

// newSaveKey returns a fresh idempotency key for a save form.
func newSaveKey() string {
	id, _ := certwise.NewAssessmentID() // fails only if crypto/rand does, which it does not
	return id
}

// saveIdentity returns the id and delete token of a new assessment: fresh
// random ones without a key; with one, an HMAC of the key under the
// server's secret, so that a retry of the same save gets the same id and
// token while nobody without the secret can work them out from the key.
func (s *Server) saveIdentity(key, field string) (id, token string, err error) {
	if key == "" {
		if id, err = certwise.NewAssessmentID(); err != nil {
			return "", "", err
		}
		token, _, err = certwise.NewDeleteToken()
		return id, token, err
	}
	if len(key) < minSaveKeyLen || !certwise.ValidAssessmentID(key) {
		return "", "", certwise.Errorf(certwise.EINVALID, field,
			"%s must be %d to 128 characters of A-Z, a-z, 0-9, - or _", field, minSaveKeyLen)
	}
	enc := base64.RawURLEncoding
	return enc.EncodeToString(s.mac("save-id", key)), enc.EncodeToString(s.mac("save-token", key)), nil
}

// newAssessment evaluates answers and stores them as a new assessment,
// returning it with the delete token to show. key, when not empty, makes
// the save idempotent: if that key already saved the same answers, the
// assessment it saved comes back with replay set and nothing new is
// stored; if it saved other answers, the error is ECONFLICT naming field.
func (s *Server) newAssessment(r *http.Request, ans certwise.Answers, previous, key, field string) (a *certwise.Assessment, token string, replay bool, err error) {
	ev, err := s.Evaluator.Evaluate(r.Context(), ans)
	if err != nil {
		return nil, "", false, err
	}
	id, token, err := s.saveIdentity(key, field)
	if err != nil {
		return nil, "", false, err
	}
	hash := certwise.HashDeleteToken(token)
	a = &certwise.Assessment{ID: id, PreviousID: previous, Answers: ans, Evaluation: *ev, DeleteTokenHash: hash}
	err = s.store.CreateAssessment(r.Context(), a)
	if key == "" || certwise.ErrorCode(err) != certwise.ECONFLICT {
		return a, token, false, err
	}
	// The key was used before: the same save retried, or a key reused.
	old, err := s.store.FindAssessment(r.Context(), id)
	if err != nil {
		return nil, "", false, err
	}
	sameAnswers, err := equalJSON(old.Answers, ans)
	if err != nil {
		return nil, "", false, err
	}
	if !bytes.Equal(old.DeleteTokenHash, hash) || !sameAnswers || (old.PreviousID != "" && old.PreviousID != previous) {
		return nil, "", false, certwise.Errorf(certwise.ECONFLICT, field,
			"this %s was already used to save different answers; send a new one", field)
	}
	return old, token, true, nil
}

// equalJSON reports whether a and b encode to the same JSON.
func equalJSON(a, b any) (bool, error) {
	ja, err := json.Marshal(a)
	if err != nil {
		return false, fmt.Errorf("compare answers: %w", err)
	}
	jb, err := json.Marshal(b)
	if err != nil {
		return false, fmt.Errorf("compare answers: %w", err)
	}
	return bytes.Equal(ja, jb), nil
}

// handleSave stores the result shown and answers with the saved page,
// which is the only place the delete token ever appears.
func (s *Server) handleSave(w http.ResponseWriter, r *http.Request) {
	st, err := decodeState(r.PostForm.Get("state"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	a, token, _, err := s.newAssessment(r, st.Answers, st.Previous, r.PostForm.Get(saveKeyField), saveKeyField)
	if certwise.ErrorCode(err) == certwise.EINVALID && certwise.ErrorField(err) == "previous_id" && st.Previous != "" {
		// The version revisited cannot be extended (its history is
		// full): keep the answers on the result page, where saving
		// again stores them as a new assessment.
		s.refusedRevisit(w, r, st, err)
		return
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	// The page shows the delete token: no cache may keep it.
	w.Header().Set("Cache-Control", "no-store")
	s.renderSaved(w, r, http.StatusCreated, a, token, 0)
}

// refusedRevisit shows the unsaved result again, with why the revisit
// could not be saved, and a save form that stores the answers as a new
// assessment, so nothing typed is lost.
func (s *Server) refusedRevisit(w http.ResponseWriter, r *http.Request, st formState, refusal error) {
	st.Previous = ""
	ev, err := s.Evaluator.Evaluate(r.Context(), st.Answers)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	v := s.resultView(r, st, ev)
	v.SaveError = certwise.ErrorMessage(refusal) + " Saving below stores these answers as a new assessment."
	s.renderResult(w, r, http.StatusBadRequest, v)
}

// renderSaved answers with the page of a stored assessment. The answer to
// a save (201 Created) names the new page in Location and shows deleteToken,
// which appears nowhere else.
func (s *Server) renderSaved(w http.ResponseWriter, r *http.Request, status int, a *certwise.Assessment, deleteToken string, historyOffset int) {
	v, err := s.savedView(r, a, historyOffset)
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

// historyPageSize is how many versions a saved page lists at a time; older
// ones are on further pages (?history=OFFSET), so a page costs the same
// however long its history.
const historyPageSize = 20

// historyOffset reads ?history=OFFSET, the position in the history the
// page's list starts at (0, the assessment itself, by default).
func historyOffset(r *http.Request) (int, error) {
	q := r.URL.Query().Get("history")
	if q == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(q)
	if err != nil || n < 0 || n > maxHistoryOffset {
		return 0, certwise.Errorf(certwise.EINVALID, "history", "history must be a whole number from 0 to %d", maxHistoryOffset)
	}
	return n, nil
}

// maxHistoryOffset is the furthest a history page may start: the longest
// chain a store follows.
const maxHistoryOffset = 1000

// savedView builds the result view of a stored assessment with one page of
// its history, from offset, and what changed since the version before it.
func (s *Server) savedView(r *http.Request, a *certwise.Assessment, offset int) (*resultView, error) {
	v := s.resultView(r, formState{Answers: a.Answers}, &a.Evaluation)
	v.State, v.SaveKey = "", ""
	v.Saved = a
	v.ShareURL = s.shareURL(a.ID)
	v.HistoryOffset, v.NewerOffset = offset, -1
	if a.PreviousID == "" {
		return v, nil
	}
	versions, more, err := s.store.ListVersionsPage(r.Context(), a.ID, offset, historyPageSize)
	if err != nil {
		return nil, err
	}
	v.Versions = versions
	if more {
		v.OlderOffset = offset + historyPageSize
	}
	if offset > 0 {
		v.NewerOffset = max(offset-historyPageSize, 0)
	}
	earlier := (*certwise.Assessment)(nil)
	if offset == 0 && len(versions) > 1 {
		earlier = versions[1]
	} else if offset > 0 {
		earlier, err = s.store.FindAssessment(r.Context(), a.PreviousID)
		if certwise.ErrorCode(err) == certwise.ENOTFOUND {
			earlier, err = nil, nil // deleted since the history was read
		}
		if err != nil {
			return nil, err
		}
	}
	if earlier != nil {
		v.Diff = diffAssessments(earlier, a)
	}
	return v, nil
}

// findAssessment loads the assessment named in the path.
func (s *Server) findAssessment(r *http.Request) (*certwise.Assessment, error) {
	id := r.PathValue("id")
	if !certwise.ValidAssessmentID(id) {
		return nil, certwise.Errorf(certwise.ENOTFOUND, "id", "There is no saved assessment at this address.")
	}
	a, err := s.store.FindAssessment(r.Context(), id)
	if certwise.ErrorCode(err) == certwise.ENOTFOUND {
		return nil, certwise.Errorf(certwise.ENOTFOUND, "id", "There is no saved assessment at this address. It may have been deleted.")
	}
	return a, err
}

func (s *Server) handleSaved(w http.ResponseWriter, r *http.Request) {
	offset, err := historyOffset(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if offset == 0 {
		if body, ok := s.cache.get(r.PathValue("id")); ok {
			writeHTML(w, http.StatusOK, body)
			return
		}
	}
	a, err := s.findAssessment(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.renderSaved(w, r, http.StatusOK, a, "", offset)
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
		w.Header().Set("Cache-Control", "no-store") // a person's answers
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
	err := s.store.DeleteAssessment(r.Context(), id, certwise.HashDeleteToken(token))
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
