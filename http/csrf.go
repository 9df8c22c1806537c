package http

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"net/http"
	"strings"

	"github.com/certwise/certwise"
)

// CSRF protection for the pages has two layers. net/http's
// CrossOriginProtection (wired in routes) rejects unsafe requests that a
// browser marks as cross-origin with Sec-Fetch-Site or Origin. Behind it, a
// signed double-submit token: a random nonce and its HMAC under the server's
// secret, kept in an HttpOnly, SameSite=Strict cookie that every form
// repeats in a hidden field. A POST passes only when the field equals the
// cookie and the cookie's MAC verifies, so a cookie planted from a sibling
// subdomain (which cannot know the secret) is refused. The JSON API needs
// neither: it reads no cookies, accepts only application/json (which a
// cross-site form cannot send) and deleting needs the delete token.
const (
	csrfCookie = "certwise_csrf"
	csrfField  = "csrf_token"
)

// csrfNonceBytes is the random part of a CSRF token.
const csrfNonceBytes = 18

// mac returns the HMAC-SHA256 of msg under the server's secret, with a
// purpose label so that a MAC made for one use never passes for another.
func (s *Server) mac(purpose, msg string) []byte {
	h := hmac.New(sha256.New, s.secret)
	h.Write([]byte(purpose))
	h.Write([]byte{0})
	h.Write([]byte(msg))
	return h.Sum(nil)
}

// newCSRFToken returns a fresh token: nonce "." MAC, both base64url.
func (s *Server) newCSRFToken() string {
	b := make([]byte, csrfNonceBytes)
	rand.Read(b) // never fails (crypto/rand)
	nonce := base64.RawURLEncoding.EncodeToString(b)
	return nonce + "." + base64.RawURLEncoding.EncodeToString(s.mac("csrf", nonce))
}

// validCSRFToken reports whether tok is a token this deployment signed.
func (s *Server) validCSRFToken(tok string) bool {
	nonce, sig, ok := strings.Cut(tok, ".")
	if !ok || len(nonce) != base64.RawURLEncoding.EncodedLen(csrfNonceBytes) {
		return false
	}
	got, err := base64.RawURLEncoding.DecodeString(sig)
	if err != nil {
		return false
	}
	return hmac.Equal(got, s.mac("csrf", nonce))
}

// csrfToken returns the request's CSRF token, setting a fresh cookie when
// the request has none or one this deployment did not sign.
func (s *Server) csrfToken(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(csrfCookie); err == nil && s.validCSRFToken(c.Value) {
		return c.Value
	}
	tok := s.newCSRFToken()
	http.SetCookie(w, &http.Cookie{
		Name:     csrfCookie,
		Value:    tok,
		Path:     "/",
		HttpOnly: true,
		Secure:   s.secure(r),
		SameSite: http.SameSiteStrictMode,
	})
	return tok
}

// checkCSRF reports whether a page form submission carries a hidden token
// equal to its cookie and signed by this deployment, answering with 403
// when it does not.
func (s *Server) checkCSRF(w http.ResponseWriter, r *http.Request) bool {
	if err := r.ParseForm(); err != nil {
		s.pageError(w, r, bodyError(err))
		return false
	}
	c, err := r.Cookie(csrfCookie)
	field := r.PostForm.Get(csrfField)
	if err != nil || field == "" || subtle.ConstantTimeCompare([]byte(c.Value), []byte(field)) != 1 || !s.validCSRFToken(c.Value) {
		s.pageError(w, r, certwise.Errorf(certwise.EFORBIDDEN, csrfField,
			"This form has expired or was sent from another site. Go back, reload the page and try again."))
		return false
	}
	return true
}
