package http

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"net/http"

	"github.com/certwise/certwise"
)

// CSRF protection for the pages has two layers. net/http's
// CrossOriginProtection (wired in routes) rejects unsafe requests that a
// browser marks as cross-origin with Sec-Fetch-Site or Origin. Behind it, a
// double-submit token: a random value in an HttpOnly, SameSite=Strict cookie
// that every form repeats in a hidden field, compared in constant time. The
// token protects browsers that send neither header. The JSON API needs
// neither: it reads no cookies, accepts only application/json (which a
// cross-site form cannot send) and deleting needs the delete token.
const (
	csrfCookie = "certwise_csrf"
	csrfField  = "csrf_token"
)

// csrfToken returns the request's CSRF token, setting a fresh cookie when
// the request has none.
func csrfToken(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(csrfCookie); err == nil && len(c.Value) == 43 {
		return c.Value
	}
	b := make([]byte, 32)
	rand.Read(b) // never fails (crypto/rand)
	tok := base64.RawURLEncoding.EncodeToString(b)
	http.SetCookie(w, &http.Cookie{
		Name:     csrfCookie,
		Value:    tok,
		Path:     "/",
		HttpOnly: true,
		Secure:   r.TLS != nil,
		SameSite: http.SameSiteStrictMode,
	})
	return tok
}

// checkCSRF reports whether a page form submission carries a hidden token
// matching its cookie, answering with 403 when it does not.
func (s *Server) checkCSRF(w http.ResponseWriter, r *http.Request) bool {
	if err := r.ParseForm(); err != nil {
		s.pageError(w, r, bodyError(err))
		return false
	}
	c, err := r.Cookie(csrfCookie)
	field := r.PostForm.Get(csrfField)
	if err != nil || field == "" || subtle.ConstantTimeCompare([]byte(c.Value), []byte(field)) != 1 {
		s.pageError(w, r, certwise.Errorf(certwise.EFORBIDDEN, csrfField,
			"This form has expired or was sent from another site. Go back, reload the page and try again."))
		return false
	}
	return true
}
