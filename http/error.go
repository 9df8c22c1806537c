package http

import (
	"bytes"
	"encoding/json"
	"errors"
	"mime"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/certwise/certwise"
)

// Codes the HTTP layer adds to the domain's error codes.
const (
	codeMethodNotAllowed = "method_not_allowed"
	codeTooLarge         = "too_large"
	codeUnsupportedMedia = "unsupported_media_type"
	codeRateLimited      = "rate_limited"
	codeUnauthorized     = "unauthorized"
)

// statusOf maps an error code to its HTTP status.
func statusOf(code string) int {
	switch code {
	case certwise.EINVALID:
		return http.StatusBadRequest
	case certwise.ENOTFOUND:
		return http.StatusNotFound
	case certwise.ECONFLICT:
		return http.StatusConflict
	case certwise.EFORBIDDEN:
		return http.StatusForbidden
	case codeUnauthorized:
		return http.StatusUnauthorized
	case codeMethodNotAllowed:
		return http.StatusMethodNotAllowed
	case codeTooLarge:
		return http.StatusRequestEntityTooLarge
	case codeUnsupportedMedia:
		return http.StatusUnsupportedMediaType
	case codeRateLimited:
		return http.StatusTooManyRequests
	case codeUnavailable:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// errorBody is the JSON shape of every API error.
type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Field   string `json:"field,omitempty"`
}

// writeAPIError writes err as {"error": {...}} with the status its code
// maps to. Internal errors are logged by the caller's middleware and never
// shown.
func writeAPIError(w http.ResponseWriter, r *http.Request, err error) {
	code := noteError(w, r, err)
	writeJSON(w, statusOf(code), errorBody{Error: errorDetail{
		Code:    code,
		Message: certwise.ErrorMessage(err),
		Field:   certwise.ErrorField(err),
	}})
}

// noteError prepares the answer to err: internal and unavailable errors
// go to the request's log line, and a 503 says when to retry. It returns
// err's code.
func noteError(w http.ResponseWriter, r *http.Request, err error) string {
	code := certwise.ErrorCode(err)
	switch code {
	case certwise.EINTERNAL:
		noteInternal(r, err)
	case codeUnavailable:
		noteInternal(r, err)
		w.Header().Set("Retry-After", strconv.Itoa(retryAfterSeconds))
	}
	return code
}

// writeJSON writes v as JSON with the given status, encoded into a pooled
// buffer so that a large evaluation costs no extra copies.
func writeJSON(w http.ResponseWriter, status int, v any) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	if err := json.NewEncoder(buf).Encode(v); err != nil {
		http.Error(w, `{"error":{"code":"internal","message":"internal error"}}`, http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// methods maps an HTTP method to its handler for one path.
type methods map[string]http.HandlerFunc

func (m methods) allow() string {
	names := make([]string, 0, len(m)+1)
	for k := range m {
		names = append(names, k)
	}
	if _, ok := m["GET"]; ok {
		names = append(names, "HEAD")
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

func (m methods) find(method string) (http.HandlerFunc, bool) {
	if method == http.MethodHead {
		method = http.MethodGet
	}
	h, ok := m[method]
	return h, ok
}

// apiMethods dispatches on the method and answers others with a JSON 405.
func (s *Server) apiMethods(m methods) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h, ok := m.find(r.Method)
		if !ok {
			w.Header().Set("Allow", m.allow())
			writeAPIError(w, r, certwise.Errorf(codeMethodNotAllowed, "", "method %s is not allowed here; use %s", r.Method, m.allow()))
			return
		}
		h(w, r)
	})
}

// pageMethods dispatches on the method and answers others with an HTML 405.
// Every page POST must pass the CSRF token check first.
func (s *Server) pageMethods(m methods) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h, ok := m.find(r.Method)
		if !ok {
			w.Header().Set("Allow", m.allow())
			s.pageError(w, r, certwise.Errorf(codeMethodNotAllowed, "", "This page does not accept %s requests.", r.Method))
			return
		}
		if r.Method == http.MethodPost && (!s.checkFormType(w, r) || !s.checkCSRF(w, r)) {
			return
		}
		h(w, r)
	})
}

// checkFormType reports whether a page POST is an HTML form submission
// (application/x-www-form-urlencoded, what every form here sends),
// answering 415 when it is not.
func (s *Server) checkFormType(w http.ResponseWriter, r *http.Request) bool {
	ct := r.Header.Get("Content-Type")
	if mt, _, err := mime.ParseMediaType(ct); err == nil && mt == "application/x-www-form-urlencoded" {
		return true
	}
	s.pageError(w, r, certwise.Errorf(codeUnsupportedMedia, "",
		"This address takes the forms of certwise's pages (application/x-www-form-urlencoded), not %q.", ct))
	return false
}

// bodyError turns a request body read failure into a domain error: 413 for
// an oversized body, 400 otherwise.
func bodyError(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return certwise.Errorf(codeTooLarge, "", "the request body is larger than %d KiB", maxBodyBytes>>10)
	}
	return certwise.Errorf(certwise.EINVALID, "", "the request body could not be read")
}
