package http

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"sync"

	"github.com/certwise/certwise"
)

// pageSet holds one parsed template per page, each combined with the
// shared layout and partials.
type pageSet struct {
	pages map[string]*template.Template
}

// parsePages parses every template under templates/: files starting with
// an underscore are the layout and partials shared by all pages. funcs adds
// helpers bound to the server, such as skill names from the catalog.
func parsePages(funcs ...template.FuncMap) (*pageSet, error) {
	entries, err := fs.ReadDir(templateFS, "templates")
	if err != nil {
		return nil, fmt.Errorf("read templates: %w", err)
	}
	var shared, pages []string
	for _, e := range entries {
		name := "templates/" + e.Name()
		if strings.HasPrefix(e.Name(), "_") {
			shared = append(shared, name)
		} else {
			pages = append(pages, name)
		}
	}
	base := template.New("").Funcs(templateFuncs)
	for _, f := range funcs {
		base = base.Funcs(f)
	}
	base, err = base.ParseFS(templateFS, shared...)
	if err != nil {
		return nil, fmt.Errorf("parse shared templates: %w", err)
	}
	ps := &pageSet{pages: map[string]*template.Template{}}
	for _, p := range pages {
		t, err := template.Must(base.Clone()).ParseFS(templateFS, p)
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", p, err)
		}
		ps.pages[strings.TrimSuffix(path.Base(p), ".html")] = t
	}
	return ps, nil
}

// page is what every template receives.
type page struct {
	Title string // the document title, before " · certwise"
	Nav   string // the highlighted navigation entry
	CSRF  string // the form token
	Data  any    // the page's own data
}

// bufPool recycles the buffers pages are rendered into.
var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// render executes a page into a buffer first, so that a template error
// becomes a clean 500 instead of half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, p page) {
	s.renderCached(w, r, status, name, p, "")
}

// renderCached renders like render and, when cacheKey is not empty, keeps
// the page in the page cache. Pages cached must hold no form, since the
// CSRF token differs per browser.
func (s *Server) renderCached(w http.ResponseWriter, r *http.Request, status int, name string, p page, cacheKey string) {
	t, ok := s.pages.pages[name]
	if !ok {
		noteInternal(r, fmt.Errorf("no template %q", name))
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	p.CSRF = s.csrfToken(w, r)
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	if err := t.ExecuteTemplate(buf, "layout", p); err != nil {
		noteInternal(r, fmt.Errorf("render %s: %w", name, err))
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	if cacheKey != "" {
		s.cache.put(cacheKey, bytes.Clone(buf.Bytes()))
	}
	writeHTML(w, status, buf.Bytes())
}

func writeHTML(w http.ResponseWriter, status int, body []byte) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(body)
}

// errorPage is the data of the error page.
type errorPage struct {
	Status  int
	Heading string
	Message string
}

// pageError renders err as an HTML error page with its status.
func (s *Server) pageError(w http.ResponseWriter, r *http.Request, err error) {
	status := statusOf(noteError(w, r, err))
	s.render(w, r, status, "error", page{
		Title: http.StatusText(status),
		Data:  errorPage{Status: status, Heading: http.StatusText(status), Message: certwise.ErrorMessage(err)},
	})
}

func (s *Server) handlePageNotFound(w http.ResponseWriter, r *http.Request) {
	s.pageError(w, r, certwise.Errorf(certwise.ENOTFOUND, "", "There is no page at this address."))
}
