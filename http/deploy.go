package http

import (
	"crypto/rand"
	"fmt"
	"net/http"
	"net/netip"
	"net/url"
	"strings"

	"github.com/certwise/certwise"
)

// minSecretBytes is the shortest Server.Secret accepted.
const minSecretBytes = 32

// initDeployment checks and applies the settings that depend on how the
// server is deployed: the secret, the public URL and the store deadline.
func (s *Server) initDeployment() error {
	switch {
	case len(s.Secret) == 0:
		s.secret = make([]byte, minSecretBytes)
		rand.Read(s.secret) // never fails (crypto/rand)
	case len(s.Secret) < minSecretBytes:
		return fmt.Errorf("http: Server.Secret has %d bytes; give at least %d", len(s.Secret), minSecretBytes)
	default:
		s.secret = s.Secret
	}
	if s.PublicURL != "" {
		u, err := url.Parse(s.PublicURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
			return fmt.Errorf("http: Server.PublicURL %q must be an http:// or https:// URL with a host and no query", s.PublicURL)
		}
		s.public = strings.TrimSuffix(s.PublicURL, "/")
	}
	d := s.StoreTimeout
	if d <= 0 {
		d = DefaultStoreTimeout
	}
	s.storeTimeout = min(d, WriteTimeout/2)
	s.store = timedStore{s: s.Store, d: s.storeTimeout}
	return nil
}

// shareURL is the share link of an assessment: PublicURL followed by the
// page's path, or the path alone when no public URL is configured. It never
// comes from the request, whose Host header a client chooses.
func (s *Server) shareURL(id string) string {
	return s.public + "/a/" + id
}

// remoteIP is the address the TCP connection came from.
func remoteIP(r *http.Request) (netip.Addr, bool) {
	ap, err := netip.ParseAddrPort(r.RemoteAddr)
	if err == nil {
		return ap.Addr().Unmap(), true
	}
	a, err := netip.ParseAddr(r.RemoteAddr)
	return a.Unmap(), err == nil
}

// trusted reports whether a is one of the configured proxies.
func (s *Server) trusted(a netip.Addr) bool {
	for _, p := range s.TrustedProxies {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// fromProxy reports whether r came straight from a trusted proxy.
func (s *Server) fromProxy(r *http.Request) bool {
	a, ok := remoteIP(r)
	return ok && s.trusted(a)
}

// secure reports whether the client reached the server over HTTPS: the
// connection itself is TLS, or a trusted proxy ended TLS and says so.
func (s *Server) secure(r *http.Request) bool {
	if r.TLS != nil {
		return true
	}
	return s.fromProxy(r) && strings.EqualFold(strings.TrimSpace(r.Header.Get("X-Forwarded-Proto")), "https")
}

// clientKey identifies a client for rate limits by its IP address. Behind
// trusted proxies it is the nearest address in X-Forwarded-For that is not
// itself a trusted proxy (the one the outermost proxy saw); from anywhere
// else, X-Forwarded-For is ignored, since a client can write anything in it.
func (s *Server) clientKey(r *http.Request) string {
	a, ok := remoteIP(r)
	if !ok {
		return r.RemoteAddr
	}
	if !s.trusted(a) {
		return a.String()
	}
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		h, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			break
		}
		h = h.Unmap()
		if !s.trusted(h) {
			return h.String()
		}
	}
	return a.String()
}

// MetricsHandler serves the Prometheus metrics, for a listener of its own
// when SeparateMetrics is set. Call it after Handler.
func (s *Server) MetricsHandler() http.Handler { return s.metrics.handler() }

// crossOriginDenied answers a request that CrossOriginProtection refused:
// the JSON error envelope on the API, the error page elsewhere.
func (s *Server) crossOriginDenied(w http.ResponseWriter, r *http.Request) {
	err := certwise.Errorf(certwise.EFORBIDDEN, "", "cross-origin requests are not accepted here")
	if isAPI(r) {
		writeAPIError(w, r, err)
		return
	}
	s.pageError(w, r, certwise.Errorf(certwise.EFORBIDDEN, "",
		"This form was sent from another site, so it was refused. Open certwise directly and try again."))
}

// ParseTrustedProxies reads a comma-separated list of IP addresses and
// CIDR networks, as given to certwise serve --trusted-proxies.
func ParseTrustedProxies(list string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range strings.Split(list, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if p, err := netip.ParsePrefix(f); err == nil {
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(f)
		if err != nil {
			return nil, fmt.Errorf("%q is neither an IP address nor a CIDR network", f)
		}
		out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
	}
	return out, nil
}
